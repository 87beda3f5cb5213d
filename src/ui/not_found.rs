//! The page for an address the app does not know, with a way home.

use crate::ui::translate::tr;
use leptos::prelude::*;

/// Shown for an address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    let title = tr!(page_not_found);
    Effect::new(move |_| crate::web::set_page_title(title()));
    view! {
        <section class="page">
            <h1>{tr!(page_not_found)}</h1>
            <p><a href="/">{tr!(go_home)}</a></p>
        </section>
    }
}
