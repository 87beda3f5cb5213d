//! The app bar: the name (a way home) and the language switch.

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::model::text::Locale;
use crate::storage::keys;
use crate::ui::context::{use_locale, use_store};

#[component]
pub fn Header() -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let choose = move |l: Locale| {
        locale.set(l);
        // Remembering the language is a convenience; a failed write changes nothing else.
        let _ = store.set(keys::LOCALE, l.tag());
    };
    view! {
        <header class="app-bar screen-only">
            <a class="brand" href="/">"Family Forms"</a>
            <a class="settings-link" href="/settings" aria-label=tr!(settings)>
                <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.4 7.4 0 0 0 1.7 1L11 21h4l.4-2.9a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"/></svg>
            </a>
            <div class="lang-switch" role="group" aria-label=tr!(language)>
                {Locale::ALL.into_iter().map(|l| {
                    let choose = choose.clone();
                    view! {
                        <button type="button" lang=l.tag()
                            aria-pressed=move || (locale.get() == l).to_string()
                            on:click=move |_| choose(l)>{l.native_name()}</button>
                    }
                }).collect_view()}
            </div>
        </header>
    }
}
