//! The routes `/new/:form_id` and `/new/:form_id/:child_id`: start a new document.

use super::start_document;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The routes `/new/:form_id` and `/new/:form_id/:child_id`: start a new document.
#[component]
pub fn NewDocumentPage() -> impl IntoView {
    let params = use_params_map();
    let (form_id, child_id) =
        params.with_untracked(|p| (p.get("form_id").unwrap_or_default(), p.get("child_id")));
    start_document(form_id, child_id)
}
