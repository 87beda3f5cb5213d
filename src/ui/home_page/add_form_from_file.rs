//! Lets a school's own form (a definition file) be added to the app.

use crate::model::definition::{parse_definition, MAX_DEFINITION_BYTES};
use crate::storage::keys;
use crate::ui::context::{is_builtin, use_forms, use_locale, use_store};
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;
use std::sync::Arc;

/// Lets a school's own form (a definition file) be added to the app.
#[component]
pub(super) fn AddFormFromFile() -> impl IntoView {
    let store = use_store();
    let forms = use_forms();
    let locale = use_locale();
    let message: RwSignal<Option<(bool, Vec<String>)>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(reading) = web::read_picked_file(&ev, MAX_DEFINITION_BYTES) else {
            return;
        };
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let l = locale.get_untracked();
            let result = match reading.await {
                Err(e) => Err(vec![e.message(l)]),
                Ok(text) => match parse_definition(&text) {
                    Err(errors) => Err(errors.iter().take(20).map(|e| e.describe(l)).collect()),
                    Ok(def) if is_builtin(&def.id) => {
                        Err(vec![tr_in!(l, form_id_taken, id = def.id)])
                    }
                    Ok(def) => match store.set(&keys::added_form(&def.id), &text) {
                        Err(e) => Err(vec![e.reason(l).to_string()]),
                        Ok(()) => {
                            let name = def.title.get(l).to_string();
                            let def = Arc::new(def);
                            forms.update(|f| {
                                f.retain(|d| d.id != def.id);
                                f.push(def);
                            });
                            Ok(tr_in!(l, form_added, name = name))
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
            <h2 id="add-form-title">{tr!(add_form_title)}</h2>
            <p class="help" id="add-form-help">{tr!(add_form_help)}</p>
            <label class="file-button" for="add-form-file">{tr!(choose_a_form_file)}</label>
            <input id="add-form-file" class="visually-hidden-file" type="file" accept=".json,application/json"
                aria-describedby="add-form-help" on:change=on_change/>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, lines)| {
                    let class = if ok { "banner banner-ok" } else { "banner banner-error" };
                    let heading = (!ok).then(|| view! {
                        <p>{tr!(add_form_refused)}</p>
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
