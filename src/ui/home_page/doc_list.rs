//! A list of documents: form, how far along, when last edited, and the dates still ahead
//! (a meeting, a review), in the language given.

use crate::model::child::title_and_name;
use crate::model::reminders::{date_ahead, next_ahead};
use crate::model::route::path;
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::documents::DocSummary;
use crate::ui::context::use_forms;
use crate::ui::translate::tr_in;
use chrono::Utc;
use leptos::prelude::*;

/// Reminders shown under one document, soonest first (a log may hold many follow-ups).
const REMINDERS_SHOWN: usize = 3;

/// A list of documents: form, how far along, when last edited, in language `l`.
#[component]
pub(super) fn DocList(docs: Vec<DocSummary>, l: Locale) -> impl IntoView {
    let forms = use_forms();
    let now = Utc::now();
    let today = crate::web::today_iso();
    view! {
        <ul class="doc-list">
            {docs.into_iter().map(|doc| {
                let form_title = forms
                    .with_untracked(|f| f.iter().find(|d| d.id == doc.form_id).map(|d| d.title.get(l).to_string()))
                    .unwrap_or_else(|| doc.form_id.clone());
                // A child's card already names them; a document of no child says whom it is about.
                let name = if doc.child_id.is_none() { doc.child_name.as_str() } else { "" };
                let title = title_and_name(&form_title, name);
                let state = match (doc.required_left, doc.percent) {
                    (0, 100) => tr_in!(l, doc_complete).to_string(),
                    (_, p) => tr_in!(l, doc_percent_answered, p = p),
                };
                let edited = relative_time(doc.updated, now, l);
                let meta = tr_in!(l, doc_meta, state = state, edited = edited);
                let ahead = next_ahead(&doc.reminders, &today, REMINDERS_SHOWN).into_iter().filter_map(|r| {
                    let when = date_ahead(&r.date, &today, l)?;
                    Some(view! { <span class="doc-reminder">{format!("{}: {when}", r.label.get(l))}</span> })
                }).collect_view();
                view! {
                    <li class="doc-item">
                        <a href=path(&["doc", &doc.id])>{title}</a>
                        <span class="doc-meta">{meta}</span>
                        {ahead}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
