//! Settings: this device's storage, backup and restore, the trash, damaged data kept aside,
//! and erasing everything (for a shared device).

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
use crate::ui::context::{tr, use_children, use_forms, use_locale, use_store};
use crate::web;

#[component]
pub fn SettingsPage() -> impl IntoView {
    Effect::new(move |_| web::set_title("Settings · Family Forms"));
    view! {
        <section class="page settings">
            <h1>{tr("Settings", "Configuración")}</h1>
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
        let es = locale.get() == Locale::Es;
        match persisted.get() {
            None => String::new(),
            Some(Some(true)) if es => "El navegador guardará estos datos aunque falte espacio.".into(),
            Some(Some(true)) => "The browser will keep this data even when space runs low.".into(),
            Some(_) if es => "El navegador podría borrar estos datos si falta espacio. Descargue una copia de seguridad de vez en cuando.".into(),
            Some(_) => "The browser may clear this data if space runs low. Download a backup now and then.".into(),
        }
    };
    let usage_text = move || {
        usage.get().map(|(used, quota)| {
            let mb = |b: f64| format!("{:.1} MB", b / 1_000_000.0);
            match locale.get() {
                Locale::En => format!("Using {} of {} available to this app.", mb(used), mb(quota)),
                Locale::Es => format!(
                    "Usa {} de {} disponibles para esta aplicación.",
                    mb(used),
                    mb(quota)
                ),
            }
        })
    };
    view! {
        <section aria-labelledby="device-title">
            <h2 id="device-title">{tr("This device", "Este aparato")}</h2>
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
        let Some(file) = web::take_picked_file(&ev) else {
            return;
        };
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let l = locale.get_untracked();
            let result = match web::read_file_text(&file, MAX_BACKUP_BYTES as f64).await {
                Err(e) => Err(e.message(l, MAX_BACKUP_BYTES / 1_000_000)),
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
            <h2 id="backup-title">{tr("Backup", "Copia de seguridad")}</h2>
            <p class="help">{tr(
                "One file with all your children, forms and answers. Keep it somewhere safe, or use it to move to a new phone.",
                "Un archivo con todos sus hijos, formularios y respuestas. Guárdelo en un lugar seguro, o úselo para pasar a un teléfono nuevo.",
            )}</p>
            <div class="row-actions">
                <button type="button" on:click=download>{tr("Download a backup", "Descargar una copia de seguridad")}</button>
                <label class="file-button" for="restore-file">{tr("Restore from a backup", "Restaurar desde una copia")}</label>
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
    let mut s = match l {
        Locale::En => format!(
            "Restored: {} child(ren), {docs} document(s), {} form(s).",
            r.children_added, r.forms_added
        ),
        Locale::Es => format!(
            "Restaurado: {} hijo(s), {docs} documento(s), {} formulario(s).",
            r.children_added, r.forms_added
        ),
    };
    if r.documents_kept > 0 {
        s += &match l {
            Locale::En => format!(
                " {} document(s) on this device were as new or newer and were kept.",
                r.documents_kept
            ),
            Locale::Es => format!(
                " {} documento(s) de este aparato eran iguales o más nuevos y se conservaron.",
                r.documents_kept
            ),
        };
    }
    if r.skipped > 0 {
        s += &match l {
            Locale::En => format!(" {} damaged entr(ies) were left out.", r.skipped),
            Locale::Es => format!(" Se omitieron {} dato(s) dañado(s).", r.skipped),
        };
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
            <h2 id="trash-title">{tr("Deleted", "Eliminados")}</h2>
            {move || if entries.with(Vec::is_empty) {
                view! { <p class="help">{tr("Nothing deleted.", "No hay nada eliminado.")}</p> }.into_any()
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
                                    <span class="doc-meta">{move || match locale.get() {
                                        Locale::En => format!("deleted {}", relative_time(deleted, now, Locale::En)),
                                        Locale::Es => format!("eliminado {}", relative_time(deleted, now, Locale::Es)),
                                    }}</span>
                                    <button type="button" class="secondary" on:click=restore>{tr("Restore", "Recuperar")}</button>
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
                    <h2 id="recovered-title">{tr("Damaged data kept aside", "Datos dañados guardados aparte")}</h2>
                    <p class="help">{tr(
                        "Some saved data could not be read. It was kept, not deleted: download it to keep a copy or to ask for help.",
                        "Algunos datos guardados no se pudieron leer. Se guardaron, no se borraron: descárguelos para tener una copia o pedir ayuda.",
                    )}</p>
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
                            let question = tr("Delete this damaged data for good?", "¿Borrar estos datos dañados para siempre?");
                            let remove = move |_| {
                                if web::confirm(question()) && store2.remove(&k2).is_ok() {
                                    keys_found.update(|all| all.retain(|x| *x != k2));
                                }
                            };
                            view! {
                                <li class="doc-item">
                                    <span>{format!("#{}", i + 1)}</span>
                                    <button type="button" class="secondary" on:click=download>{tr("Download", "Descargar")}</button>
                                    <button type="button" class="danger" on:click=remove>{tr("Delete", "Borrar")}</button>
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
        let question = match locale.get_untracked() {
            Locale::En => "Erase every child, form and answer of Family Forms on this device? This cannot be undone. Download a backup first if you want to keep them.",
            Locale::Es => "¿Borrar todos los hijos, formularios y respuestas de Family Forms en este aparato? No se puede deshacer. Descargue una copia de seguridad antes si quiere conservarlos.",
        };
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
            <h2 id="erase-title">{tr("Shared device", "Aparato compartido")}</h2>
            <p class="help">{tr(
                "On a phone or computer that others use, erase everything when you are done.",
                "En un teléfono o computadora que usan otras personas, borre todo cuando termine.",
            )}</p>
            <button type="button" class="danger" on:click=erase>{tr("Erase everything on this device", "Borrar todo en este aparato")}</button>
            <p class="field-error" aria-live="polite">{move || error.get()}</p>
        </section>
    }
}
