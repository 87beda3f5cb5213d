//! Filling in a form: one section at a time, saved as you type.

use chrono::Utc;
use leptos::prelude::*;

use crate::model::route::path;
use crate::storage::documents::create_document;
use crate::ui::context::{use_children, use_forms, use_locale, use_store};
use crate::ui::not_found::NotFound;

mod continue_form_page;
mod document_view;
mod drawing_in_batches;
mod form_editor;
mod new_document_page;
mod whose_form;
pub use continue_form_page::ContinueFormPage;
pub use document_view::DocumentView;
pub use drawing_in_batches::batches;
pub use form_editor::FormEditor;
pub use new_document_page::NewDocumentPage;

/// Creates a document and goes to it, or says why it could not.
fn start_document(form_id: String, child_id: Option<String>) -> AnyView {
    let store = use_store();
    let locale = use_locale();
    let Some(def) = use_forms().with_untracked(|f| f.iter().find(|d| d.id == form_id).cloned())
    else {
        return view! { <NotFound/> }.into_any();
    };
    let child = child_id
        .and_then(|id| use_children().with_untracked(|c| c.iter().find(|c| c.id == id).cloned()));
    match create_document(store.as_ref(), &def, child.as_ref(), &crate::web::new_id("d"), Utc::now()) {
        Ok(doc) => {
            show_address(path(&["doc", &doc.id]));
            view! { <FormEditor def doc_id=doc.id.clone() created=doc/> }.into_any()
        }
        Err(e) => view! {
            <section class="page">
                <div class="banner banner-error" role="alert">{move || e.message(locale.get())}</div>
            </section>
        }
        .into_any(),
    }
}

/// Shows document `id` on this page and puts its own address in the address bar, so a reload
/// or a bookmark opens it again. Drawn at once, without a second trip through the router.
fn open_here(id: String) -> AnyView {
    show_address(path(&["doc", &id]));
    view! { <DocumentView id/> }.into_any()
}

/// Puts `path` in the address bar in place of the address that brought us here (the router
/// has recorded that one before drawing the page), without drawing the page again.
fn show_address(path: String) {
    crate::web::replace_url(&path);
}
