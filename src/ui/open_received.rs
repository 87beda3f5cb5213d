//! "Open a file you received": reads a document file as untrusted input and shows it read-only.

use crate::ui::translate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

use crate::export::data_file::{read_data_file, MAX_FILE_BYTES};
use crate::ui::context::{use_forms, use_locale, use_received};
use crate::web;

#[component]
pub fn OpenReceived() -> impl IntoView {
    let locale = use_locale();
    let forms = use_forms();
    let received = use_received();
    let navigate = use_navigate();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(reading) = web::read_picked_file(&ev, MAX_FILE_BYTES) else {
            return;
        };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let l = locale.get_untracked();
            let text = match reading.await {
                Ok(text) => text,
                Err(e) => {
                    error.set(Some(e.message(l)));
                    return;
                }
            };
            match forms.with_untracked(|known| read_data_file(&text, known)) {
                Ok(r) => {
                    error.set(None);
                    received.set(Some(Arc::new(r)));
                    navigate("/received", Default::default());
                }
                Err(e) => error.set(Some(e.message(l))),
            }
        });
    };
    view! {
        <section class="open-received" aria-labelledby="open-received-title">
            <h2 id="open-received-title">{tr!(open_a_file_you_received)}</h2>
            <p class="help" id="open-received-help">{tr!(open_received_help)}</p>
            <label class="file-button" for="open-received-file">{tr!(choose_a_file)}</label>
            <input id="open-received-file" class="visually-hidden-file" type="file" accept=".json,application/json"
                aria-describedby="open-received-help" on:change=on_change/>
            <div role="alert">
                {move || error.get().map(|e| view! {
                    <div class="banner banner-error">
                        <p>{tr!(open_received_refused)}</p>
                        <p>{e}</p>
                    </div>
                })}
            </div>
        </section>
    }
}
