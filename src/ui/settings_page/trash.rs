//! Deleted children and documents, with a way back.

use crate::model::child::{title_and_name, typed_child_name, Child};
use crate::model::document::Document;
use crate::model::route::escape;
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::backup::{delete_forever, trash_entries, untrash};
use crate::storage::documents::load_children;
use crate::ui::context::{use_children, use_forms, use_locale, use_store};
use crate::ui::translate::{tr, tr_in};
use chrono::Utc;
use leptos::prelude::*;
use std::sync::Arc;

/// A deleted document as a person recognises it: its form, and whom it is about (their
/// profile's name, else the name typed in it), so two deleted copies of one form differ.
pub(super) fn document_label(
    doc: &Document,
    l: Locale,
    forms: &[Arc<FormDef>],
    children: &[Child],
) -> String {
    let Some(def) = forms.iter().find(|x| x.id == doc.form_id) else {
        return doc.form_id.clone();
    };
    let name = doc
        .child_id
        .as_ref()
        .and_then(|id| children.iter().find(|c| &c.id == id))
        .map(|c| c.display_name().to_string())
        .unwrap_or_else(|| typed_child_name(def, &doc.answers));
    title_and_name(def.title.get(l), &name)
}

/// Deleted children and documents, with a way back.
#[component]
pub(super) fn Trash() -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let forms = use_forms();
    let children = use_children();
    let entries = RwSignal::new(trash_entries(store.as_ref()));
    // What the last restore or "delete forever" did, and whether it worked (a device that
    // refused says why, as an error). The item and its buttons may be gone, so the focus goes
    // back to the heading and this line says what happened.
    let done: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let report = move |worked: bool, text: String| {
        done.set(Some((worked, text)));
        crate::web::focus_in_place("trash-title");
    };
    let now = Utc::now();
    view! {
        <section aria-labelledby="trash-title">
            <h2 id="trash-title" tabindex="-1">{tr!(trash_title)}</h2>
            <div role="status">{move || done.get().map(|(worked, text)| view! {
                <p class=if worked { "banner banner-ok" } else { "banner banner-error" }>{text}</p>
            })}</div>
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
                                    .map(|d| forms.with_untracked(|f| children.with_untracked(|c| {
                                        document_label(&d, locale.get_untracked(), f, c)
                                    })))
                                    .unwrap_or_default(),
                            };
                            let deleted = entry.deleted;
                            let id = entry.id.clone();
                            // Each button is described by the item's name, so "Restore" says whom.
                            let name_id = format!("trash-{}-name", escape(&id));
                            let restore = {
                                let (store, id, what) = (store.clone(), id.clone(), what.clone());
                                move |_| match untrash(store.as_ref(), &id) {
                                    Ok(_) => {
                                        children.set(load_children(store.as_ref()));
                                        entries.set(trash_entries(store.as_ref()));
                                        report(true, tr_in!(locale.get_untracked(), restored_what, what = what.clone()));
                                    }
                                    Err(e) => report(false, e.reason(locale.get_untracked()).to_string()),
                                }
                            };
                            // On a shared device a deletion must be able to really go.
                            let forget = {
                                let what = what.clone();
                                move |_| {
                                    let l = locale.get_untracked();
                                    if !crate::web::confirm(tr_in!(l, delete_forever_question)) {
                                        return;
                                    }
                                    match delete_forever(store.as_ref(), &id) {
                                        Ok(_) => {
                                            entries.set(trash_entries(store.as_ref()));
                                            report(true, tr_in!(l, deleted_for_good, what = what.clone()));
                                        }
                                        Err(e) => report(false, e.reason(l).to_string()),
                                    }
                                }
                            };
                            view! {
                                <li class="doc-item">
                                    <span id=name_id.clone()>{what}</span>
                                    <span class="doc-meta">{move || {
                                        let l = locale.get();
                                        tr_in!(l, deleted_when, when = relative_time(deleted, now, l))
                                    }}</span>
                                    <div class="row-actions">
                                        <button type="button" class="secondary" aria-describedby=name_id.clone() on:click=restore>{tr!(restore)}</button>
                                        <button type="button" class="danger" aria-describedby=name_id on:click=forget>{tr!(delete_forever)}</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
