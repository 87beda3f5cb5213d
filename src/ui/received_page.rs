//! The route `/received`: documents opened from files, read-only, printable and exportable,
//! saved on this device only when the person asks (and then as new documents). One file shows
//! as its booklet; several show as a list to read one by one or save together.

use crate::ui::translate::tr;

use leptos::prelude::*;
use std::sync::Arc;

use crate::export::data_file::{Received, MAX_FILE_BYTES};
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::storage::documents::save_received;
use crate::storage::keys;
use crate::ui::context::{use_locale, use_opened_files, use_received, Refusal, SharedStore};
use crate::ui::open_received::{OpenReceived, Receiver};
use crate::web;
use chrono::Utc;

mod kept_copy;
mod received_document;
mod received_list;
use received_document::ReceivedDocument;
use received_list::ReceivedList;

#[component]
pub fn ReceivedPage() -> impl IntoView {
    let received = use_received();
    let opened = use_opened_files();
    let locale = use_locale();
    // Files shared to the app from another app's share sheet: the service worker sends them
    // here as `/received?shared=1` and keeps them until they are taken, once.
    let shared = crate::ui::router::use_query_value("shared").is_some();
    let taking_shared = RwSignal::new(shared);
    let shared_refused: RwSignal<Option<Refusal>> = RwSignal::new(None);
    if shared {
        let receiver = Receiver::from_context();
        leptos::task::spawn_local(async move {
            let files = web::take_shared_files(MAX_FILE_BYTES).await;
            web::replace_url("/received");
            if !files.is_empty() {
                if let Err(why) = receiver.open(files) {
                    shared_refused.set(Some(why));
                }
            }
            taking_shared.set(false);
        });
    }
    // A memo, so saving files in the list (which changes them) does not draw the page anew.
    let several = Memo::new(move |_| opened.with(|o| !o.is_empty()));
    move || match received.get() {
        Some(r) => view! { <ReceivedDocument received=r in_list=several.get()/> }.into_any(),
        None if several.get() => view! { <ReceivedList/> }.into_any(),
        None if taking_shared.get() => {
            view! { <p class="page" role="status">{tr!(opening_shared_files)}</p> }.into_any()
        }
        None => {
            let title = tr!(no_file_is_open);
            Effect::new(move |_| web::set_page_title(title()));
            view! {
            <section class="page">
                {move || shared_refused.get().map(|why| view! {
                    <div class="banner banner-error" role="alert">
                        <p>{tr!(open_received_refused)}</p>
                        <p>{move || why.message(locale.get())}</p>
                    </div>
                })}
                <h1>{tr!(no_file_is_open)}</h1>
                <p>{tr!(received_empty_help)}</p>
                <OpenReceived/>
            </section>
            }
            .into_any()
        }
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
