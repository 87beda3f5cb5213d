//! The app bar: the name (a way home) and the language switch.

use leptos::prelude::*;

use crate::model::text::Locale;
use crate::storage::keys;
use crate::ui::context::{tr, use_locale, use_store};

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
        <header class="app-bar">
            <a class="brand" href="/">"Family Forms"</a>
            <div class="lang-switch" role="group" aria-label=tr("Language", "Idioma")>
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
