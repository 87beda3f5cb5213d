//! "Open a file you received": reads document files as untrusted input and shows them
//! read-only. One file opens at once; several (a teacher with a class's files) open as a list.

use crate::ui::translate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;

use crate::export::data_file::{read_data_file, MAX_FILE_BYTES};
use crate::ui::context::{
    use_forms, use_locale, use_opened_files, use_received, OpenedFile, Refusal,
};
use crate::web;

#[component]
pub fn OpenReceived() -> impl IntoView {
    let locale = use_locale();
    let forms = use_forms();
    let received = use_received();
    let opened = use_opened_files();
    let navigate = use_navigate();
    let error: RwSignal<Option<Refusal>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let readings = web::read_picked_files(&ev, MAX_FILE_BYTES);
        if readings.is_empty() {
            return;
        }
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let several = readings.len() > 1;
            let mut files = Vec::with_capacity(readings.len());
            for (file_name, reading) in readings {
                let read = match reading.await {
                    Ok(text) => forms
                        .with_untracked(|known| read_data_file(&text, known))
                        .map_err(Refusal::Import),
                    Err(e) => Err(Refusal::Read(e)),
                };
                files.push(match read {
                    Ok(r) => OpenedFile::Read {
                        received: Arc::new(r),
                        saved_as: None,
                    },
                    Err(why) => OpenedFile::Refused { file_name, why },
                });
            }
            match (several, files.pop()) {
                (false, Some(OpenedFile::Refused { why, .. })) => error.set(Some(why)),
                (false, Some(OpenedFile::Read { received: r, .. })) => {
                    error.set(None);
                    opened.set(Vec::new());
                    received.set(Some(r));
                    navigate("/received", Default::default());
                }
                (true, Some(last)) => {
                    files.push(last);
                    error.set(None);
                    received.set(None);
                    opened.set(files);
                    navigate("/received", Default::default());
                }
                (_, None) => {}
            }
        });
    };
    view! {
        <section class="open-received" aria-labelledby="open-received-title">
            <h2 id="open-received-title">{tr!(open_a_file_you_received)}</h2>
            <p class="help" id="open-received-help">{tr!(open_received_help)}</p>
            <label class="file-button" for="open-received-file">{tr!(choose_files)}</label>
            <input id="open-received-file" class="visually-hidden-file" type="file" multiple accept=".json,application/json"
                aria-describedby="open-received-help" on:change=on_change/>
            <div role="alert">
                {move || error.get().map(|why| view! {
                    <div class="banner banner-error">
                        <p>{tr!(open_received_refused)}</p>
                        <p>{move || why.message(locale.get())}</p>
                    </div>
                })}
            </div>
        </section>
    }
}
