//! "Open a file you received": reads document files as untrusted input and shows them
//! read-only. One file opens at once; several (a teacher with a class's files) open as a list.
//! Files shared to the app from another app arrive the same way (see `ReceivedPage`).

use crate::ui::router::use_navigate;
use crate::ui::translate::tr;
use leptos::prelude::*;
use std::sync::Arc;

use crate::export::data_file::{read_data_file, Received, MAX_FILE_BYTES};
use crate::model::schema::FormDef;
use crate::ui::context::{
    use_forms, use_locale, use_opened_files, use_received, OpenedFile, Refusal,
};
use crate::web::{self, FileReadError};

/// Where opened files go: the app's received documents. Taken while a component is built, so
/// files read later (after an `await`) still reach them.
#[derive(Clone, Copy)]
pub struct Receiver {
    forms: RwSignal<Vec<Arc<FormDef>>>,
    received: RwSignal<Option<Arc<Received>>>,
    opened: RwSignal<Vec<OpenedFile>>,
}

impl Receiver {
    pub fn from_context() -> Self {
        Receiver {
            forms: use_forms(),
            received: use_received(),
            opened: use_opened_files(),
        }
    }

    /// Reads each file (its name, and its text or why it could not be read) as a received
    /// document. One is shown at once, several as a list; either way the caller then goes to
    /// `/received`. A single file that is refused gives why, and nothing changes.
    pub fn open(self, files: Vec<(String, Result<String, FileReadError>)>) -> Result<(), Refusal> {
        let mut opened: Vec<OpenedFile> = files
            .into_iter()
            .map(|(file_name, text)| {
                let read = text.map_err(Refusal::Read).and_then(|text| {
                    self.forms
                        .with_untracked(|known| read_data_file(&text, known))
                        .map_err(Refusal::Import)
                });
                match read {
                    Ok(r) => OpenedFile::Read {
                        received: Arc::new(r),
                        saved_as: None,
                    },
                    Err(why) => OpenedFile::Refused { file_name, why },
                }
            })
            .collect();
        if opened.len() > 1 {
            self.received.set(None);
            self.opened.set(opened);
            return Ok(());
        }
        match opened.pop() {
            Some(OpenedFile::Read { received, .. }) => {
                self.opened.set(Vec::new());
                self.received.set(Some(received));
                Ok(())
            }
            Some(OpenedFile::Refused { why, .. }) => Err(why),
            None => Err(Refusal::Read(FileReadError::Unreadable)),
        }
    }
}

#[component]
pub fn OpenReceived() -> impl IntoView {
    let locale = use_locale();
    let receiver = Receiver::from_context();
    let navigate = use_navigate();
    let error: RwSignal<Option<Refusal>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let readings = web::read_picked_files(&ev, MAX_FILE_BYTES);
        if readings.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut files = Vec::with_capacity(readings.len());
            for (file_name, reading) in readings {
                files.push((file_name, reading.await));
            }
            match receiver.open(files) {
                Ok(()) => {
                    error.set(None);
                    navigate.to("/received");
                }
                Err(why) => error.set(Some(why)),
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
