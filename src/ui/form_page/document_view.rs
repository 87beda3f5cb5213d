//! Saved document `id` with its form, or "not found".

use super::FormEditor;
use crate::storage::keys;
use crate::ui::context::{use_forms, use_store};
use crate::ui::not_found::NotFound;
use leptos::prelude::*;

/// Saved document `id` with its form, or "not found".
#[component]
pub fn DocumentView(id: String) -> impl IntoView {
    let store = use_store();
    let forms = use_forms();
    let form_id = store
        .get(&keys::document(&id))
        .ok()
        .flatten()
        .and_then(|src| serde_json::from_str::<serde_json::Value>(&src).ok())
        .and_then(|v| v["document"]["form_id"].as_str().map(str::to_string));
    let def =
        form_id.and_then(|f| forms.with_untracked(|all| all.iter().find(|d| d.id == f).cloned()));
    match def {
        Some(def) => view! { <FormEditor def doc_id=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}
