//! Home: the forms, how far each is, and adding a form from a file.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::definition::{parse_definition, MAX_DEFINITION_BYTES};
use crate::model::progress::progress;
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::storage::documents::load_document;
use crate::storage::keys;
use crate::ui::context::{is_builtin, tr, use_forms, use_locale, use_store};
use crate::ui::field::localized;
use crate::web::{self, FileReadError};

#[component]
pub fn HomePage() -> impl IntoView {
    let forms = use_forms();
    Effect::new(move |_| web::set_title("Family Forms"));
    view! {
        <section class="page home">
            <h1>{tr("Your forms", "Sus formularios")}</h1>
            <p class="lead">{tr(
                "Fill in the forms that help your child's school know and support your child. Everything you type stays on this device until you print or share it.",
                "Llene los formularios que ayudan a la escuela a conocer y apoyar a su hijo o hija. Todo lo que escriba se queda en este aparato hasta que usted lo imprima o lo comparta.",
            )}</p>
            <ul class="form-cards">
                {move || forms.get().into_iter().map(|def| view! { <FormCard def/> }).collect_view()}
            </ul>
            <AddFormFromFile/>
        </section>
    }
}

/// One form on the home page, with how far its document is.
#[component]
fn FormCard(def: Arc<FormDef>) -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let forms = use_forms();
    let loaded = load_document(store.as_ref(), &def, Utc::now());
    let (_, overall) = progress(&def, &loaded.document.answers);
    let started = loaded.document.revision > 0;
    let title = localized(def.title.clone());
    let href = format!("/form/{}", def.id);
    let added = !is_builtin(&def.id);
    let id = def.id.clone();
    let remove = move |_| {
        let question = match locale.get_untracked() {
            Locale::En => "Remove this form from the app? Answers already typed are kept on this device.",
            Locale::Es => "¿Quitar este formulario de la aplicación? Las respuestas ya escritas se guardan en este aparato.",
        };
        if web::confirm(question) && store.remove(&keys::added_form(&id)).is_ok() {
            forms.update(|f| f.retain(|d| d.id != id));
        }
    };
    let status = move || match (started, locale.get()) {
        (false, Locale::En) => "Not started".to_string(),
        (false, Locale::Es) => "Sin empezar".to_string(),
        (true, Locale::En) => format!("{}% answered", overall.percent()),
        (true, Locale::Es) => format!("{}% respondido", overall.percent()),
    };
    view! {
        <li class="form-card">
            <h2><a href=href>{title}</a></h2>
            <p class="form-status">{status}</p>
            {added.then(|| view! {
                <button type="button" class="secondary" on:click=remove>{tr("Remove form", "Quitar formulario")}</button>
            })}
        </li>
    }
}

/// Lets a school's own form (a definition file) be added to the app.
#[component]
fn AddFormFromFile() -> impl IntoView {
    let store = use_store();
    let forms = use_forms();
    let locale = use_locale();
    let message: RwSignal<Option<(bool, Vec<String>)>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let l = locale.get_untracked();
            let es = l == Locale::Es;
            let result = match web::read_file_text(&file, MAX_DEFINITION_BYTES as f64).await {
                Err(FileReadError::TooLarge) => Err(vec![if es {
                    "El archivo es demasiado grande (más de 1 MB).".to_string()
                } else {
                    "The file is too large (over 1 MB).".to_string()
                }]),
                Err(FileReadError::Unreadable) => Err(vec![if es {
                    "No se pudo leer el archivo.".to_string()
                } else {
                    "The file could not be read.".to_string()
                }]),
                Ok(text) => match parse_definition(&text) {
                    Err(errors) => Err(errors.iter().take(20).map(|e| e.describe(l)).collect()),
                    Ok(def) if is_builtin(&def.id) => Err(vec![if es {
                        format!(
                            "Ya hay un formulario \"{}\" en la aplicación; cambie su id.",
                            def.id
                        )
                    } else {
                        format!(
                            "The app already has a form \"{}\"; give this one another id.",
                            def.id
                        )
                    }]),
                    Ok(def) => match store.set(&keys::added_form(&def.id), &text) {
                        Err(e) => Err(vec![e.message(l)]),
                        Ok(()) => {
                            let name = def.title.get(l).to_string();
                            let def = Arc::new(def);
                            forms.update(|f| {
                                f.retain(|d| d.id != def.id);
                                f.push(def);
                            });
                            Ok(if es {
                                format!("Se agregó «{name}».")
                            } else {
                                format!("Added “{name}”.")
                            })
                        }
                    },
                },
            };
            message.set(Some(match result {
                Ok(m) => (true, vec![m]),
                Err(lines) => (false, lines),
            }));
        });
    };
    view! {
        <section class="add-form" aria-labelledby="add-form-title">
            <h2 id="add-form-title">{tr("Add a form from a file", "Agregar un formulario desde un archivo")}</h2>
            <p class="help" id="add-form-help">{tr(
                "If your school gave you a form file (.json), add it here. It stays on this device.",
                "Si la escuela le dio un archivo de formulario (.json), agréguelo aquí. Se queda en este aparato.",
            )}</p>
            <label class="file-button" for="add-form-file">{tr("Choose a form file", "Elegir un archivo de formulario")}</label>
            <input id="add-form-file" class="visually-hidden-file" type="file" accept=".json,application/json"
                aria-describedby="add-form-help" on:change=on_change/>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, lines)| {
                    let class = if ok { "banner banner-ok" } else { "banner banner-error" };
                    let heading = (!ok).then(|| view! {
                        <p>{tr("This form file cannot be added:", "No se puede agregar este archivo de formulario:")}</p>
                    });
                    view! {
                        <div class=class>
                            {heading}
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
            </div>
        </section>
    }
}
