//! The app root: context, routes and the page frame. `App` is only `AppWith` on the browser's
//! storage (tests give `AppWith` a memory store), so the two stay in one file.

use crate::ui::translate::tr;
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::text::Locale;
use crate::storage::browser::BrowserStore;
use crate::storage::keys;
use crate::ui::context::{
    provide_children, provide_damaged_count, provide_forms, provide_locale, provide_received,
    provide_saves, provide_store, saved_locale, SharedStore,
};
use crate::ui::header::Header;
use crate::ui::pages::Pages;
use crate::ui::router::provide_router;
use crate::web;

/// The whole app, on the browser's storage.
#[component]
pub fn App() -> impl IntoView {
    let store: SharedStore = Arc::new(BrowserStore);
    // In the same task as the app's first drawing, so nothing blank shows in between.
    web::remove_boot_screen();
    web::warm_up_inputs_when_idle();
    crate::ui::warm_up::warm_up_questions_when_idle();
    view! { <AppWith store/> }
}

/// The app on a given store (tests pass a memory store).
#[component]
pub fn AppWith(store: SharedStore) -> impl IntoView {
    let initial = saved_locale(&store, keys::LOCALE)
        .or_else(|| web::browser_language().map(|t| Locale::from_tag(&t)))
        .unwrap_or_default();
    let damaged = crate::storage::documents::set_aside_damaged(store.as_ref(), chrono::Utc::now());
    provide_damaged_count(damaged);
    provide_store(store.clone());
    provide_forms(&store);
    provide_children(&store);
    provide_received();
    provide_saves();
    provide_router();
    crate::ui::keep_data::ask_to_keep_data_once_there_is_some(&store);
    let locale = provide_locale(initial);
    Effect::new(move |_| web::set_html_lang(locale.get().tag()));
    view! {
        <a class="skip-link screen-only" href="#main">{tr!(skip_to_content)}</a>
        <Header/>
        <crate::ui::update_banner::UpdateBanner/>
        <main id="main" tabindex="-1">
            <Pages/>
        </main>
    }
}
