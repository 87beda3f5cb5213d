//! The route `/received`: documents opened from files, read-only, printable and exportable,
//! saved on this device only when the person asks (and then as new documents). One file shows
//! as its booklet; several show as a list to read one by one or save together.

use crate::ui::translate::tr;

use leptos::prelude::*;
use std::sync::Arc;

use crate::export::data_file::Received;
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::storage::documents::save_received;
use crate::storage::keys;
use crate::ui::context::{use_opened_files, use_received, SharedStore};
use crate::ui::open_received::OpenReceived;
use crate::web;
use chrono::Utc;

mod received_document;
mod received_list;
use received_document::ReceivedDocument;
use received_list::ReceivedList;

#[component]
pub fn ReceivedPage() -> impl IntoView {
    let received = use_received();
    let opened = use_opened_files();
    // A memo, so saving files in the list (which changes them) does not draw the page anew.
    let several = Memo::new(move |_| opened.with(|o| !o.is_empty()));
    move || match received.get() {
        Some(r) => view! { <ReceivedDocument received=r in_list=several.get()/> }.into_any(),
        None if several.get() => view! { <ReceivedList/> }.into_any(),
        None => view! {
            <section class="page">
                <h1>{tr!(no_file_is_open)}</h1>
                <p>{tr!(received_empty_help)}</p>
                <OpenReceived/>
            </section>
        }
        .into_any(),
    }
}

/// Keeps `received` on this device as a new document, with its form when the file brought one
/// this device lacks. Gives the new document's id, or what to tell the person.
fn keep_received(
    store: &SharedStore,
    forms: RwSignal<Vec<Arc<FormDef>>>,
    received: &Received,
    l: Locale,
) -> Result<String, String> {
    if let Some(source) = &received.new_form_source {
        store
            .set(&keys::added_form(&received.def.id), source)
            .map_err(|e| e.message(l))?;
        forms.update(|f| {
            if !f.iter().any(|d| d.id == received.def.id) {
                f.push(Arc::new(received.def.clone()));
            }
        });
    }
    save_received(
        store.as_ref(),
        &received.document,
        &web::new_id("d"),
        Utc::now(),
    )
    .map(|doc| doc.id)
    .map_err(|e| e.message(l))
}
