//! Under a log's rows (`by_month` in the definition): pick a month, see its entries and
//! everyone the log or the class list names who has none that month, so a teacher knows whom
//! to call next.
//!
//! Drawn from one memo of its text, rebuilt whenever the rows, the month or the language
//! change (a log is a few dozen rows): far less wasm than a reactive piece per line, for the
//! same page. The lists are redrawn only when that text changes.

use crate::ui::translate::{tr, tr_in};

use leptos::prelude::*;

use crate::model::by_month::{cell_text, month_of_log, months_of_log, Month};
use crate::model::dates::format_date;
use crate::model::schema::ByMonth;
use crate::model::text::Text;
use crate::model::values::Row;
use crate::ui::context::use_locale;
use crate::web;

#[component]
pub fn LogByMonth(
    /// The log's rows, as saved.
    rows: Memo<Vec<Row>>,
    by: ByMonth,
    /// The class list's text (`by.roster`), "" when the form has none.
    roster: Signal<String>,
    /// The rows question's label ("Contact"), which also names each row's card.
    row_label: Text,
    dom_id: String,
) -> impl IntoView {
    let locale = use_locale();
    let current = Month::of_iso(&web::today_iso()).unwrap_or(Month {
        year: 2026,
        month: 1,
    });
    // None until the person picks one: the current month.
    let picked: RwSignal<Option<Month>> = RwSignal::new(None);
    let title_id = format!("{dom_id}-by-month");
    let labelled_by = title_id.clone();
    let select_id = format!("{dom_id}-month");
    let label_for = select_id.clone();
    let list = |items: Vec<String>| {
        items
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view()
    };
    let by_options = by.clone();
    let options = move || {
        let l = locale.get();
        let month = picked.get().unwrap_or(current);
        rows.with(|r| months_of_log(r, &by_options, current))
            .into_iter()
            .map(
                |m| view! { <option value=m.key() selected=m == month>{m.for_reading(l)}</option> },
            )
            .collect_view()
    };
    // What the month shows, as text: a memo, so the lists are redrawn only when what they say
    // changes (not at every key typed in a contact's notes).
    let shown = Memo::new(move |_| {
        let l = locale.get();
        let s = roster.with(|list| {
            rows.with(|r| month_of_log(r, &by, picked.get().unwrap_or(current), list))
        });
        let month = s.month.for_reading(l);
        let count = match s.entries.len() {
            0 => tr_in!(l, by_month_no_entries, month = month.clone()),
            1 => tr_in!(l, by_month_one_entry, month = month.clone()),
            n => tr_in!(l, by_month_entries, n = n, month = month.clone()),
        };
        let label = row_label.get(l);
        let entries: Vec<String> = rows.with(|all| {
            s.entries
                .iter()
                .map(|&i| {
                    let who = cell_text(&all[i], &by.who).trim();
                    let who = if who.is_empty() {
                        tr_in!(l, by_month_no_name)
                    } else {
                        who
                    };
                    let date = format_date(cell_text(&all[i], &by.date), l);
                    format!("{label} {} · {date} · {who}", i + 1)
                })
                .collect()
        });
        // Who has no entry; nothing to say when the log names nobody yet.
        let note = match (s.names_anyone, s.without_entry.is_empty()) {
            (false, _) => String::new(),
            (true, true) => tr_in!(l, by_month_everyone, month = month),
            (true, false) => tr_in!(l, by_month_without, month = month),
        };
        (count, entries, note, s.without_entry)
    });
    let lists = move || {
        let (_, entries, note, without) = shown.get();
        view! {
            <ul class="by-month-entries">{list(entries)}</ul>
            <p class="by-month-note">{note}</p>
            <ul class="by-month-missing">{list(without)}</ul>
        }
    };
    view! {
        <section class="log-by-month" aria-labelledby=labelled_by>
            <h3 id=title_id>{tr!(by_month_title)}</h3>
            <label for=label_for>{tr!(by_month_pick)}</label>
            <select id=select_id on:change=move |ev| picked.set(Month::from_key(&event_target_value(&ev)))>
                {options}
            </select>
            // Only the count is announced: when a month is picked or an entry comes into it,
            // not while a contact's name or notes are typed.
            <p class="by-month-count" aria-live="polite">{move || shown.with(|s| s.0.clone())}</p>
            {lists}
        </section>
    }
}
