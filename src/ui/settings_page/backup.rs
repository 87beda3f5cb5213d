//! Backup and restore: every child, document and form of this device in one file, and that
//! file merged back on another device (nothing newer there is replaced).

use crate::export::backup::MAX_BACKUP_BYTES;
use crate::model::text::Locale;
use crate::storage::backup::{backup_everything, note_time, restore_backup, RestoreReport};
use crate::storage::documents::load_children;
use crate::storage::keys;
use crate::ui::context::{use_children, use_locale, use_store, SharedStore};
use crate::ui::translate::{tr, tr_in, tr_n};
use crate::web;
use chrono::Utc;
use leptos::prelude::*;

#[component]
pub(super) fn Backup() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let children = use_children();
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let download_store = store.clone();
    let download = move |_| {
        if let Err(e) = download_backup(&download_store) {
            message.set(Some((false, e)));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(reading) = web::read_picked_file(&ev, MAX_BACKUP_BYTES) else {
            return;
        };
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let l = locale.get_untracked();
            let result = match reading.await {
                Err(e) => Err(e.message(l)),
                Ok(text) => match restore_backup(store.as_ref(), &text, Utc::now()) {
                    Err(e) => Err(e.message(l)),
                    Ok(Err(e)) => Err(e.restore_message(l)),
                    Ok(Ok(report)) => Ok(report_words(&report, l)),
                },
            };
            children.set(load_children(store.as_ref()));
            message.set(Some(match result {
                Ok(m) => (true, m),
                Err(m) => (false, m),
            }));
        });
    };
    view! {
        <section aria-labelledby="backup-title">
            <h2 id="backup-title">{tr!(backup)}</h2>
            <p class="help">{tr!(backup_help)}</p>
            <div class="row-actions">
                <button type="button" on:click=download>{tr!(download_a_backup)}</button>
                <label class="file-button" for="restore-file">{tr!(restore_from_a_backup)}</label>
                <input id="restore-file" class="visually-hidden-file" type="file" accept=".json,application/json" on:change=on_file/>
            </div>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "banner banner-ok" } else { "banner banner-error" }>{m}</p>
                })}
            </div>
        </section>
    }
}

/// Downloads every child, document and form of this device as one file, and notes when, so
/// home's reminder to make one rests. Says what went wrong, if anything.
pub(crate) fn download_backup(store: &SharedStore) -> Result<(), String> {
    let now = Utc::now();
    let text = backup_everything(store.as_ref(), now);
    let name = format!("family-forms-backup-{}.json", web::today_iso());
    web::download(&name, "application/json", text.as_bytes())?;
    note_time(store.as_ref(), keys::LAST_BACKUP, now);
    Ok(())
}

/// What a restore did, in words for the person (how many children, documents and forms).
fn report_words(r: &RestoreReport, l: Locale) -> String {
    let docs = r.documents_added + r.documents_updated;
    let mut s = tr_in!(
        l,
        restore_report,
        children = tr_n!(
            l,
            r.children_added,
            restored_children_one,
            restored_children
        ),
        docs = tr_n!(l, docs, restored_documents_one, restored_documents),
        forms = tr_n!(l, r.forms_added, restored_forms_one, restored_forms)
    );
    if r.documents_kept > 0 {
        s += &tr_n!(
            l,
            r.documents_kept,
            restore_report_kept_one,
            restore_report_kept
        );
    }
    if r.answers_left_out > 0 {
        s += &tr_n!(
            l,
            r.answers_left_out,
            restore_report_answers_left_out_one,
            restore_report_answers_left_out
        );
    }
    if r.skipped > 0 {
        s += &tr_n!(
            l,
            r.skipped,
            restore_report_skipped_one,
            restore_report_skipped
        );
    }
    s
}
