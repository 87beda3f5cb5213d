//! Settings: this device's storage, backup and restore, the trash, damaged data kept aside,
//! and erasing everything (for a shared device).

use crate::ui::translate::{tr, tr_in};
use chrono::Utc;
use leptos::prelude::*;

use crate::export::backup::MAX_BACKUP_BYTES;
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::backup::{
    backup_everything, erase_everything, restore_backup, trash_entries, untrash, RestoreReport,
};
use crate::storage::documents::load_children;
use crate::storage::keys;
use crate::ui::context::{use_children, use_forms, use_locale, use_store};
use crate::web;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = tr!(settings);
    Effect::new(move |_| web::set_title(&format!("{} · Family Forms", settings())));
    view! {
        <section class="page settings">
            <h1>{tr!(settings)}</h1>
            <DeviceStorage/>
            <Backup/>
            <Trash/>
            <Recovered/>
            <EraseEverything/>
        </section>
    }
}

/// Whether the browser keeps our data, and how much room it takes.
#[component]
fn DeviceStorage() -> impl IntoView {
    let locale = use_locale();
    let persisted = RwSignal::new(None::<Option<bool>>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(web::request_persistent_storage().await));
        usage.set(web::storage_estimate().await);
    });
    let persist_text = move || {
        let l = locale.get();
        match persisted.get() {
            None => "",
            Some(Some(true)) => tr_in!(l, storage_kept),
            Some(_) => tr_in!(l, storage_may_clear),
        }
    };
    let usage_text = move || {
        usage.get().map(|(used, quota)| {
            let l = locale.get();
            let mb = |b: f64| format!("{} MB", l.decimal(b / 1_000_000.0));
            tr_in!(l, storage_usage, used = mb(used), quota = mb(quota))
        })
    };
    view! {
        <section aria-labelledby="device-title">
            <h2 id="device-title">{tr!(this_device)}</h2>
            <p class="persist-status">{persist_text}</p>
            <p class="usage">{usage_text}</p>
        </section>
    }
}

#[component]
fn Backup() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let children = use_children();
    let message: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let download_store = store.clone();
    let download = move |_| {
        let text = backup_everything(download_store.as_ref(), Utc::now());
        let name = format!("family-forms-backup-{}.json", web::today_iso());
        if let Err(e) = web::download(&name, "application/json", text.as_bytes()) {
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
                Ok(text) => match restore_backup(store.as_ref(), &text) {
                    Err(e) => Err(e.message(l)),
                    Ok(Err(e)) => Err(e.message(l)),
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

fn report_words(r: &RestoreReport, l: Locale) -> String {
    let docs = r.documents_added + r.documents_updated;
    let mut s = tr_in!(
        l,
        restore_report,
        children = r.children_added,
        docs = docs,
        forms = r.forms_added
    );
    if r.documents_kept > 0 {
        s += &tr_in!(l, restore_report_kept, n = r.documents_kept);
    }
    if r.skipped > 0 {
        s += &tr_in!(l, restore_report_skipped, n = r.skipped);
    }
    s
}

/// Deleted children and documents, with a way back.
#[component]
fn Trash() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let forms = use_forms();
    let children = use_children();
    let entries = RwSignal::new(trash_entries(store.as_ref()));
    let now = Utc::now();
    view! {
        <section aria-labelledby="trash-title">
            <h2 id="trash-title">{tr!(trash_title)}</h2>
            {move || if entries.with(Vec::is_empty) {
                view! { <p class="help">{tr!(nothing_deleted)}</p> }.into_any()
            } else {
                view! {
                    <ul class="doc-list">
                        {entries.get().into_iter().map(|entry| {
                            let store = store.clone();
                            let what = match &entry.child {
                                Some(c) => c.display_name().to_string(),
                                None => entry.documents.first()
                                    .and_then(|src| crate::model::document::restore(src).ok())
                                    .and_then(|d| forms.with_untracked(|f| f.iter().find(|x| x.id == d.form_id).map(|x| x.title.get(locale.get_untracked()).to_string())))
                                    .unwrap_or_default(),
                            };
                            let deleted = entry.deleted;
                            let id = entry.id.clone();
                            let restore = move |_| {
                                if untrash(store.as_ref(), &id).is_ok() {
                                    children.set(load_children(store.as_ref()));
                                    entries.set(trash_entries(store.as_ref()));
                                }
                            };
                            view! {
                                <li class="doc-item">
                                    <span>{what}</span>
                                    <span class="doc-meta">{move || {
                                        let l = locale.get();
                                        tr_in!(l, deleted_when, when = relative_time(deleted, now, l))
                                    }}</span>
                                    <button type="button" class="secondary" on:click=restore>{tr!(restore)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// Saved data that could not be read, kept aside: offered back as a file, never dropped silently.
#[component]
fn Recovered() -> impl IntoView {
    let store = use_store();
    let keys_found = RwSignal::new(
        store
            .keys_with_prefix(keys::RECOVERY_PREFIX)
            .unwrap_or_default(),
    );
    move || {
        (!keys_found.with(Vec::is_empty)).then(|| {
            let store = store.clone();
            view! {
                <section aria-labelledby="recovered-title">
                    <h2 id="recovered-title">{tr!(damaged_data_kept_aside)}</h2>
                    <p class="help">{tr!(damaged_data_help)}</p>
                    <ul class="doc-list">
                        {keys_found.get().into_iter().enumerate().map(|(i, key)| {
                            let store = store.clone();
                            let store2 = store.clone();
                            let k = key.clone();
                            let download = move |_| {
                                if let Some(text) = store.get(&k).ok().flatten() {
                                    let _ = web::download(&format!("family-forms-recovered-{}.txt", i + 1), "text/plain", text.as_bytes());
                                }
                            };
                            let k2 = key.clone();
                            let question = tr!(delete_damaged_question);
                            let remove = move |_| {
                                if web::confirm(question()) && store2.remove(&k2).is_ok() {
                                    keys_found.update(|all| all.retain(|x| *x != k2));
                                }
                            };
                            view! {
                                <li class="doc-item">
                                    <span>{format!("#{}", i + 1)}</span>
                                    <button type="button" class="secondary" on:click=download>{tr!(download)}</button>
                                    <button type="button" class="danger" on:click=remove>{tr!(delete_damaged)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// For a shared device: removes every child, document and form of this app.
#[component]
fn EraseEverything() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let error = RwSignal::new(None::<String>);
    let erase = move |_| {
        let question = tr_in!(locale.get_untracked(), erase_everything_question);
        if web::confirm(question) {
            match erase_everything(store.as_ref()) {
                Ok(_) => {
                    web::reload();
                }
                Err(e) => error.set(Some(e.message(locale.get_untracked()))),
            }
        }
    };
    view! {
        <section aria-labelledby="erase-title">
            <h2 id="erase-title">{tr!(shared_device)}</h2>
            <p class="help">{tr!(shared_device_help)}</p>
            <button type="button" class="danger" on:click=erase>{tr!(erase_everything_on_this_device)}</button>
            <p class="field-error" aria-live="polite">{move || error.get()}</p>
        </section>
    }
}
