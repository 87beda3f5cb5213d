//! When a received file is a copy of a document this device keeps (a plan the family sent the
//! teacher, coming back with the teacher's part), says so, lists what it would change, and
//! offers to update the kept copy, whose answers until then stay among its earlier versions.

use crate::export::data_file::Received;
use crate::model::differences::changes;
use crate::model::document::Document;
use crate::model::route::path;
use crate::storage::documents::{update_from_received, SaveError};
use crate::ui::context::{use_locale, use_store};
use crate::ui::router::use_navigate;
use crate::ui::translate::{tr, tr_in, tr_n};
use chrono::Utc;
use leptos::prelude::*;
use std::sync::Arc;

/// Questions named before "and N more".
const NAMED: usize = 8;

#[component]
pub(super) fn KeptCopy(received: Arc<Received>, kept: Document) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let navigate = use_navigate();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // What the update would put in the kept copy: the file's answers, and the kept copy's own
    // where the file's could not be read.
    let incoming = received.over(&kept);
    let (n, labels, others) = {
        let c = changes(&received.def, &kept.answers, &incoming.answers);
        let labels: Vec<_> = c.questions.iter().map(|f| f.label.clone()).collect();
        (c.count(), labels, c.others)
    };
    let open_path = path(&["doc", &kept.id]);
    let open = {
        let address = open_path.clone();
        move |_| navigate.to(&address)
    };
    if n == 0 {
        return view! {
            <div class="kept-copy">
                <p>{tr!(kept_same)}</p>
                <button type="button" class="secondary" on:click=open>{tr!(open_my_copy)}</button>
            </div>
        }
        .into_any();
    }
    let changed_here_later = kept.updated > received.document.updated;
    let update = {
        let kept = kept.clone();
        move |_| {
            let l = locale.get_untracked();
            let id = kept.id.clone();
            match update_from_received(store.as_ref(), kept.clone(), &incoming, Utc::now()) {
                Ok(_) => navigate.to(&format!("{}?updated={n}", path(&["doc", &id]))),
                Err(SaveError::Storage(e)) => error.set(Some(e.message(l))),
                Err(SaveError::Conflict(_)) => {
                    error.set(Some(tr_in!(l, kept_changed_meanwhile).to_string()))
                }
            }
        }
    };
    let list = move || {
        let l = locale.get();
        let mut items: Vec<String> = labels
            .iter()
            .take(NAMED)
            .map(|t| t.get(l).to_string())
            .collect();
        let mut more = n - items.len();
        if others > 0 && items.len() < NAMED {
            items.push(tr_in!(l, kept_other_answers).to_string());
            more -= others;
        }
        if more > 0 {
            items.push(tr_in!(l, kept_and_more, n = more));
        }
        items
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view()
    };
    let count = move || tr_n!(locale.get(), n, kept_changes_one, kept_changes);
    view! {
        <div class="kept-copy">
            <p><strong>{count}</strong></p>
            <ul class="kept-changes">{list}</ul>
            <p>
                {move || if changed_here_later {
                    tr_in!(locale.get(), kept_changed_here_later)
                } else {
                    tr_in!(locale.get(), kept_stays_as_version)
                }}
            </p>
            <div class="row-actions">
                <button type="button" on:click=update>{tr!(update_my_copy)}</button>
                <button type="button" class="secondary" on:click=open>{tr!(open_my_copy)}</button>
            </div>
            <div role="alert">{move || error.get().map(|e| view! { <p class="banner banner-error">{e}</p> })}</div>
        </div>
    }
    .into_any()
}
