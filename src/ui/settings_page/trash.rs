//! Deleted children and documents, with a way back.

use crate::model::time::relative_time;
use crate::storage::backup::{trash_entries, untrash};
use crate::storage::documents::load_children;
use crate::ui::context::{use_children, use_forms, use_locale, use_store};
use crate::ui::translate::{tr, tr_in};
use chrono::Utc;
use leptos::prelude::*;

/// Deleted children and documents, with a way back.
#[component]
pub(super) fn Trash() -> impl IntoView {
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
