//! The page the address names, drawn anew whenever the page changes, or when the page asks
//! (a form back from the browser's back-forward cache; see `router::use_redraw`).

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::model::route::Route;
use crate::ui::form_page::{ContinueFormPage, DocumentView, NewDocumentPage};
use crate::ui::home_page::HomePage;
use crate::ui::key_answers_page::KeyAnswersPage;
use crate::ui::not_found::NotFound;
use crate::ui::received_page::ReceivedPage;
use crate::ui::router::{use_redraw, use_route};
use crate::ui::settings_page::SettingsPage;

/// The page the address names.
///
/// Each page lives under an owner of its own, disposed only after the next page has taken its
/// place on screen: taking a focused field off the page fires its blur handler, which must
/// still find its signals alive, and a form's last save (on cleanup) comes after that.
#[component]
pub fn Pages() -> impl IntoView {
    let route = use_route();
    let redraw = use_redraw();
    let outer = Owner::current().unwrap_or_default();
    move || {
        redraw.track();
        let route = route.get();
        let owner = outer.child();
        let page = owner.with(|| untrack(|| page(route)));
        // Drawn under `owner`; the previous page's owner is dropped after the swap.
        OwnedView::new_with_owner(page, owner)
    }
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::ContinueForm { form_id } => view! { <ContinueFormPage form_id/> }.into_any(),
        Route::NewDocument { form_id, child_id } => {
            view! { <NewDocumentPage form_id child_id/> }.into_any()
        }
        Route::Document { id } => view! { <DocumentView id/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
        Route::KeyAnswers { form_id } => view! { <KeyAnswersPage form_id/> }.into_any(),
        Route::Received => view! { <ReceivedPage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}
