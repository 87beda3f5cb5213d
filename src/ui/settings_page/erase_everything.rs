//! For a shared device: removes every child, document and form of this app.

use crate::storage::backup::erase_everything;
use crate::ui::context::{use_locale, use_store};
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;

/// For a shared device: removes every child, document and form of this app.
#[component]
pub(super) fn EraseEverything() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let error = RwSignal::new(None::<String>);
    let erase = move |_| {
        let question = tr_in!(locale.get_untracked(), erase_everything_question);
        if web::confirm(question) {
            match erase_everything(store.as_ref()) {
                // Files shared to the app but never opened go too, then the app starts afresh.
                Ok(_) => leptos::task::spawn_local(async {
                    web::forget_shared_files().await;
                    web::reload();
                }),
                Err(e) => error.set(Some(e.message(locale.get_untracked()))),
            }
        }
    };
    view! {
        <section aria-labelledby="erase-title">
            <h2 id="erase-title">{tr!(shared_device)}</h2>
            <p class="help">{tr!(shared_device_help)}</p>
            <button type="button" class="danger" on:click=erase>{tr!(erase_everything_on_this_device)}</button>
            <p class="field-error" aria-live="polite">{move || error.get()}</p>
        </section>
    }
}
