//! Saved data that could not be read, kept aside: offered back as a file, never dropped silently.

use super::trash::document_label;
use crate::export::letter::questions_named;
use crate::model::child::Child;
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::documents::{describe_kept_aside, kept_aside_keys, KeptAside};
use crate::ui::context::{use_children, use_forms, use_locale, use_store};
use crate::ui::translate::{tr, tr_in, tr_n};
use crate::web;
use chrono::Utc;
use leptos::prelude::*;
use std::sync::Arc;

/// What an entry kept aside was, in words: its form and whom it is about, and what of it is
/// back in place, so a parent knows which download is which and what to type again.
fn kept_aside_words(
    what: &KeptAside,
    l: Locale,
    forms: &[Arc<FormDef>],
    children: &[Child],
) -> (String, String) {
    match what {
        KeptAside::Children { unreadable } => (
            tr_in!(l, kept_aside_children).into(),
            match unreadable {
                None => tr_in!(l, kept_aside_unreadable).into(),
                Some(0) => tr_in!(l, kept_aside_children_all_back).into(),
                Some(n) => tr_n!(
                    l,
                    *n,
                    kept_aside_children_left_out_one,
                    kept_aside_children_left_out
                ),
            },
        ),
        KeptAside::Versions { of } => (
            match of {
                Some(doc) => tr_in!(
                    l,
                    kept_aside_versions_of,
                    what = document_label(doc, l, forms, children)
                ),
                None => tr_in!(l, kept_aside_versions).into(),
            },
            String::new(),
        ),
        KeptAside::Unreadable => (
            tr_in!(l, kept_aside_unknown).into(),
            tr_in!(l, kept_aside_unreadable).into(),
        ),
        KeptAside::Document {
            document,
            unreadable,
        } => {
            let title = document_label(document, l, forms, children);
            let detail = match forms.iter().find(|f| f.id == document.form_id) {
                Some(def) if !unreadable.is_empty() => tr_n!(
                    l,
                    unreadable.len(),
                    kept_aside_left_out_one,
                    kept_aside_left_out,
                    list = questions_named(def, unreadable, l)
                ),
                _ => String::new(),
            };
            (title, detail)
        }
    }
}

/// Saved data that could not be read, kept aside: offered back as a file, never dropped silently.
#[component]
pub(super) fn Recovered() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let forms = use_forms();
    let children = use_children();
    let now = Utc::now();
    let keys_found = RwSignal::new(kept_aside_keys(store.as_ref()));
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
                            let (what, when) = describe_kept_aside(store.as_ref(), &key);
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
                            // Each button is described by what it is about, as the trash's are.
                            let name_id = format!("kept-aside-{}", i + 1);
                            view! {
                                <li class="doc-item kept-aside">
                                    {let name_id = name_id.clone(); move || {
                                        let l = locale.get();
                                        let (title, detail) = forms.with(|f| children.with(|c| kept_aside_words(&what, l, f, c)));
                                        let when = when.map(|w| tr_in!(l, kept_aside_when, when = relative_time(w, now, l)));
                                        view! {
                                            <span id=name_id.clone()>{title}</span>
                                            <span class="doc-meta">{when}</span>
                                            <p class="help">{detail}</p>
                                        }
                                    }}
                                    <div class="row-actions">
                                        <button type="button" class="secondary" aria-describedby=name_id.clone() on:click=download>{tr!(download)}</button>
                                        <button type="button" class="danger" aria-describedby=name_id on:click=remove>{tr!(delete_damaged)}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
