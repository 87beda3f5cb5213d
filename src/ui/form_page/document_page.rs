//! The route `/doc/:id`: one saved document.

use super::DocumentView;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The route `/doc/:id`: one saved document.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        view! { <DocumentView id/> }
    }
}
