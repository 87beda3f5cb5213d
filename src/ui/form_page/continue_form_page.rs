//! The route `/form/:form_id`: continues the latest document of that form that belongs to no
//! child, or starts one.

use super::{open_here, start_document};
use crate::storage::documents::list_documents;
use crate::ui::context::use_store;
use leptos::prelude::*;

/// The route `/form/:form_id`: continues the latest document of that form that belongs to no
/// child, or starts one.
#[component]
pub fn ContinueFormPage(form_id: String) -> impl IntoView {
    let store = use_store();
    let existing = list_documents(store.as_ref())
        .into_iter()
        .find(|d| d.form_id == form_id && d.child_id.is_none())
        .map(|d| d.id);
    match existing {
        Some(id) => open_here(id),
        None => start_document(form_id, None),
    }
}
