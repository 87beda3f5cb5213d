//! A list of documents: form, how far along, when last edited, and the dates still ahead
//! (a meeting, a review), each of which goes to the phone's calendar with one tap, in the
//! language given.

use crate::export::calendar::{ics, CalendarDay};
use crate::export::html as markup;
use crate::export::{export_file_name, file_slug};
use crate::model::child::title_and_name;
use crate::model::dates::parse_iso_date;
use crate::model::reminders::{date_ahead, next_ahead, Reminder};
use crate::model::route::{escape, path};
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::documents::DocSummary;
use crate::ui::context::use_forms;
use crate::ui::translate::tr_in;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// Reminders shown under one document, soonest first (a log may hold many follow-ups).
const REMINDERS_SHOWN: usize = 3;

/// What "Add to calendar" downloads for one reminder: the day as a calendar file
/// (`export::calendar`), which the phone's calendar opens. Its event's id is the document's
/// and the question's, so a calendar that keeps events by id updates it when the day is added
/// again after a change, instead of keeping both.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct CalendarFile {
    name: String,
    uid: String,
    summary: String,
    date: Option<chrono::NaiveDate>,
}

impl CalendarFile {
    /// The file for reminder `r` of `doc`, in language `l`.
    fn new(doc: &DocSummary, form_title: &str, r: &Reminder, l: Locale) -> Self {
        CalendarFile {
            summary: format!(
                "{} · {}",
                r.label.get(l),
                title_and_name(form_title, &doc.child_name)
            ),
            uid: format!(
                "{}-{}@family-forms",
                doc.id,
                file_slug(r.label.get(Locale::En))
            ),
            name: export_file_name(r.label.get(l), &doc.child_name, &r.date, "ics"),
            date: parse_iso_date(&r.date),
        }
    }

    fn download(&self) {
        if let Some(date) = self.date {
            let day = CalendarDay {
                uid: &self.uid,
                date,
                summary: &self.summary,
            };
            // Only fails with no page to download from, when there is no button either.
            let _ = crate::web::download(
                &self.name,
                "text/calendar",
                ics(&day, Utc::now()).as_bytes(),
            );
        }
    }
}

/// A list of documents as markup (see `ui::markup`): its items, for a `<ul class="doc-list">`,
/// and what each of their "Add to calendar" buttons does, by the button's `data-calendar`
/// number.
pub(super) struct DocListMarkup {
    pub html: String,
    pub calendar: Vec<CalendarFile>,
}

/// The markup of a list of documents' items, in language `l`: form, how far along, when last edited,
/// and the dates still ahead. `forms` names each document's form; `now` and `today` date it.
pub(super) fn doc_list_markup(
    docs: &[DocSummary],
    l: Locale,
    forms: &[Arc<FormDef>],
    now: DateTime<Utc>,
    today: &str,
) -> DocListMarkup {
    let mut html = String::new();
    let mut calendar = Vec::new();
    for doc in docs {
        html.push_str(r#"<li class="doc-item">"#);
        html.push_str(&doc_item_markup(doc, l, forms, (now, today), &mut calendar));
        html.push_str("</li>");
    }
    DocListMarkup { html, calendar }
}

/// What one document's item holds, as markup (see `doc_list_markup`). Each "Add to calendar"
/// button in it is numbered by its place in `calendar`, to which its file is added.
fn doc_item_markup(
    doc: &DocSummary,
    l: Locale,
    forms: &[Arc<FormDef>],
    (now, today): (DateTime<Utc>, &str),
    calendar: &mut Vec<CalendarFile>,
) -> String {
    let form_title = forms
        .iter()
        .find(|d| d.id == doc.form_id)
        .map(|d| d.title.get(l).to_string())
        .unwrap_or_else(|| doc.form_id.clone());
    // A child's card already names them; a document of no child says whom it is about.
    let name = if doc.child_id.is_none() {
        doc.child_name.as_str()
    } else {
        ""
    };
    let title = title_and_name(&form_title, name);
    let state = match (doc.required_left, doc.percent) {
        (0, 100) => tr_in!(l, doc_complete).to_string(),
        (_, p) => tr_in!(l, doc_percent_answered, p = p),
    };
    let edited = relative_time(doc.updated, now, l);
    let meta = tr_in!(l, doc_meta, state = state, edited = edited);
    let doc_id = escape(&doc.id);
    // Every link and button has an id, so the focus goes back to it when the list is
    // drawn anew under it (see `web::refocus`).
    let mut html = format!(
        r#"<a href="{}" id="doc-{}">{}</a><span class="doc-meta">{}</span>"#,
        markup::escape(&path(&["doc", &doc.id])),
        markup::escape(&doc_id),
        markup::escape(&title),
        markup::escape(&meta),
    );
    for (i, r) in next_ahead(&doc.reminders, today, REMINDERS_SHOWN)
        .into_iter()
        .enumerate()
    {
        let Some(when) = date_ahead(&r.date, today, l) else {
            continue;
        };
        let text_id = markup::escape(&format!("reminder-{doc_id}-{i}"));
        html.push_str(&format!(
            r#"<span class="doc-reminder"><span id="{text_id}">{}</span> <button type="button" class="link" id="{text_id}-add" aria-describedby="{text_id}" data-calendar="{}">{}</button></span>"#,
            markup::escape(&format!("{}: {when}", r.label.get(l))),
            calendar.len(),
            markup::escape(tr_in!(l, add_to_calendar)),
        ));
        calendar.push(CalendarFile::new(doc, &form_title, r, l));
    }
    html
}

/// Runs the "Add to calendar" among `calendar` that the click `ev` was on, if it was on one.
pub(super) fn on_calendar_click(ev: &web_sys::MouseEvent, calendar: &[CalendarFile]) {
    let number = crate::web::clicked(ev, "[data-calendar]")
        .and_then(|button| button.get_attribute("data-calendar"))
        .and_then(|n| n.parse::<usize>().ok());
    if let Some(file) = number.and_then(|n| calendar.get(n)) {
        file.download();
    }
}

/// A list of documents: form, how far along, when last edited, in language `l`. Those whose
/// id is not in `shown` are hidden (a search leaves them out), not drawn again when it
/// brings them back: each item is its own element, its content markup.
#[component]
pub(super) fn DocList(
    docs: Vec<DocSummary>,
    l: Locale,
    shown: Signal<Vec<String>>,
) -> impl IntoView {
    let forms = use_forms().get_untracked();
    let (now, today) = (Utc::now(), crate::web::today_iso());
    let items = docs
        .into_iter()
        .map(|doc| {
            let mut calendar = Vec::new();
            let html = doc_item_markup(&doc, l, &forms, (now, &today), &mut calendar);
            let id = doc.id;
            let hidden = move || shown.with(|ids| !ids.contains(&id));
            view! {
                <li class="doc-item" hidden=hidden inner_html=html
                    on:click=move |ev| on_calendar_click(&ev, &calendar)></li>
            }
        })
        .collect_view();
    view! { <ul class="doc-list">{items}</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::Text;
    use chrono::TimeZone;

    #[test]
    fn a_documents_list_is_text_with_a_calendar_button_per_date_ahead() {
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let doc = DocSummary {
            id: "d 1".into(),
            form_id: "ppt-prep".into(),
            child_id: None,
            updated: now,
            revision: 1,
            percent: 40,
            required_left: 2,
            child_name: "<b>Ana</b>".into(),
            reminders: vec![
                Reminder {
                    label: Text {
                        en: "PPT <meeting>".into(),
                        es: "Reunión".into(),
                    },
                    date: "2026-12-01".into(),
                },
                Reminder {
                    label: Text {
                        en: "Past".into(),
                        es: "Pasada".into(),
                    },
                    date: "2026-01-01".into(),
                },
            ],
        };
        let list = doc_list_markup(
            &[doc],
            Locale::En,
            crate::forms::builtin(),
            now,
            "2026-11-20",
        );
        let html = &list.html;
        assert!(
            !html.contains("<b>") && !html.contains("<meeting>"),
            "{html}"
        );
        assert!(
            html.starts_with(r#"<li class="doc-item"><a href="/doc/d%201" id="doc-d%201">"#),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;Ana&lt;/b&gt;"), "{html}");
        assert!(
            html.contains(r#"<span id="reminder-d%201-0">PPT &lt;meeting&gt;: "#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"aria-describedby="reminder-d%201-0" data-calendar="0">Add to calendar</button>"#
            ),
            "{html}"
        );
        // Only the date still ahead has a button, and one action behind it.
        assert_eq!(html.matches("data-calendar=").count(), 1);
        assert_eq!(list.calendar.len(), 1);
    }
}
