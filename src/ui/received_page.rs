//! The route `/received`: a document opened from a file, read-only, printable and exportable,
//! saved on this device only when the person asks (and then as a new document).

use crate::ui::translate::tr;

use leptos::prelude::*;

use crate::ui::context::use_received;
use crate::ui::open_received::OpenReceived;

mod received_document;
use received_document::ReceivedDocument;

#[component]
pub fn ReceivedPage() -> impl IntoView {
    let received = use_received();
    move || match received.get() {
        Some(r) => view! { <ReceivedDocument received=r/> }.into_any(),
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
