//! The routes `/new/:form_id` and `/new/:form_id/:child_id`: start a new document.

use super::start_document;
use leptos::prelude::*;

/// The routes `/new/:form_id` and `/new/:form_id/:child_id`: start a new document.
#[component]
pub fn NewDocumentPage(form_id: String, child_id: Option<String>) -> impl IntoView {
    start_document(form_id, child_id)
}
