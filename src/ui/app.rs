//! The app root: context, routes and the page frame. `App` is only `AppWith` on the browser's
//! storage (tests give `AppWith` a memory store), so the two stay in one file.

use crate::ui::translate::tr;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::model::text::Locale;
use crate::storage::browser::BrowserStore;
use crate::storage::keys;
use crate::ui::context::{
    provide_children, provide_damaged_count, provide_forms, provide_locale, provide_received,
    provide_saves, provide_store, saved_locale, SharedStore,
};
use crate::ui::form_page::{ContinueFormPage, DocumentPage, NewDocumentPage};
use crate::ui::header::Header;
use crate::ui::home_page::HomePage;
use crate::ui::not_found::NotFound;
use crate::ui::settings_page::SettingsPage;
use crate::web;

/// The whole app, on the browser's storage.
#[component]
pub fn App() -> impl IntoView {
    let store: SharedStore = Arc::new(BrowserStore);
    // In the same task as the app's first drawing, so nothing blank shows in between.
    web::remove_boot_screen();
    web::warm_up_inputs_when_idle();
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
    let locale = provide_locale(initial);
    Effect::new(move |_| web::set_html_lang(locale.get().tag()));
    view! {
        <Router>
            <a class="skip-link screen-only" href="#main">{tr!(skip_to_content)}</a>
            <Header/>
            <crate::ui::update_banner::UpdateBanner/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/form/:form_id") view=ContinueFormPage/>
                    <Route path=path!("/new/:form_id") view=NewDocumentPage/>
                    <Route path=path!("/new/:form_id/:child_id") view=NewDocumentPage/>
                    <Route path=path!("/doc/:id") view=DocumentPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                    <Route path=path!("/key-answers/:form_id") view=crate::ui::key_answers_page::KeyAnswersPage/>
                    <Route path=path!("/received") view=crate::ui::received_page::ReceivedPage/>
                </Routes>
            </main>
        </Router>
    }
}
