//! A list of documents: form, how far along, when last edited, and the dates still ahead
//! (a meeting, a review), each of which goes to the phone's calendar with one tap, in the
//! language given.

use crate::export::calendar::{ics, CalendarDay};
use crate::export::{export_file_name, file_slug};
use crate::model::child::title_and_name;
use crate::model::dates::parse_iso_date;
use crate::model::reminders::{date_ahead, next_ahead, Reminder};
use crate::model::route::{escape, path};
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::documents::DocSummary;
use crate::ui::context::use_forms;
use crate::ui::translate::tr_in;
use chrono::Utc;
use leptos::prelude::*;

/// Reminders shown under one document, soonest first (a log may hold many follow-ups).
const REMINDERS_SHOWN: usize = 3;

/// What "Add to calendar" does for reminder `r` of `doc`: downloads the day as a calendar file
/// (`export::calendar`), which the phone's calendar opens. Its event's id is the document's
/// and the question's, so a calendar that keeps events by id updates it when the day is added
/// again after a change, instead of keeping both.
fn add_to_calendar(doc: &DocSummary, form_title: &str, r: &Reminder, l: Locale) -> impl Fn() {
    let summary = format!(
        "{} · {}",
        r.label.get(l),
        title_and_name(form_title, &doc.child_name)
    );
    let uid = format!(
        "{}-{}@family-forms",
        doc.id,
        file_slug(r.label.get(Locale::En))
    );
    let name = export_file_name(r.label.get(l), &doc.child_name, &r.date, "ics");
    let date = parse_iso_date(&r.date);
    move || {
        if let Some(date) = date {
            let day = CalendarDay {
                uid: &uid,
                date,
                summary: &summary,
            };
            // Only fails with no page to download from, when there is no button either.
            let _ = crate::web::download(&name, "text/calendar", ics(&day, Utc::now()).as_bytes());
        }
    }
}

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
                let ahead = next_ahead(&doc.reminders, &today, REMINDERS_SHOWN).into_iter().enumerate().filter_map(|(i, r)| {
                    let when = date_ahead(&r.date, &today, l)?;
                    let text_id = format!("reminder-{}-{i}", escape(&doc.id));
                    let add = add_to_calendar(&doc, &form_title, r, l);
                    Some(view! {
                        <span class="doc-reminder">
                            <span id=text_id.clone()>{format!("{}: {when}", r.label.get(l))}</span>
                            " "
                            <button type="button" class="link" aria-describedby=text_id on:click=move |_| add()>{tr_in!(l, add_to_calendar)}</button>
                        </span>
                    })
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
