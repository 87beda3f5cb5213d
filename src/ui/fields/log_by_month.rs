//! Under a log's rows (`by_month` in the definition): pick a month, see its entries and
//! everyone the log names who has none that month, so a teacher knows whom to call next.

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
    let month = move || picked.get().unwrap_or(current);
    let (date_id, who_id) = (by.date.clone(), by.who.clone());
    let months = {
        let by = by.clone();
        Memo::new(move |_| rows.with(|r| months_of_log(r, &by, current)))
    };
    let summary = Memo::new(move |_| rows.with(|r| month_of_log(r, &by, month())));
    let title_id = format!("{dom_id}-by-month");
    let labelled_by = title_id.clone();
    let select_id = format!("{dom_id}-month");
    let label_for = select_id.clone();
    let options = move || {
        let l = locale.get();
        months
            .get()
            .into_iter()
            .map(|m| view! { <option value=m.key() selected=m == month()>{m.for_reading(l)}</option> })
            .collect_view()
    };
    let count_line = move || {
        let (l, s) = (locale.get(), summary.get());
        let month = s.month.for_reading(l);
        match s.entries.len() {
            0 => tr_in!(l, by_month_no_entries, month = month),
            1 => tr_in!(l, by_month_one_entry, month = month),
            n => tr_in!(l, by_month_entries, n = n, month = month),
        }
    };
    let entries = move || {
        let l = locale.get();
        let label = row_label.get(l).to_string();
        rows.with(|all| {
            summary
                .get()
                .entries
                .into_iter()
                .map(|i| {
                    let row = &all[i];
                    let who = cell_text(row, &who_id).trim().to_string();
                    let who = if who.is_empty() {
                        tr_in!(l, by_month_no_name).to_string()
                    } else {
                        who
                    };
                    let date = format_date(cell_text(row, &date_id), l);
                    view! { <li>{format!("{label} {} · {date} · {who}", i + 1)}</li> }
                })
                .collect_view()
        })
    };
    let missing = move || {
        let (l, s) = (locale.get(), summary.get());
        let month = s.month.for_reading(l);
        if !s.names_anyone {
            return None;
        }
        Some(if s.without_entry.is_empty() {
            view! { <p class="by-month-everyone">{tr_in!(l, by_month_everyone, month = month)}</p> }
                .into_any()
        } else {
            let names = s
                .without_entry
                .into_iter()
                .map(|n| view! { <li>{n}</li> })
                .collect_view();
            view! {
                <p class="by-month-missing-title">{tr_in!(l, by_month_without, month = month)}</p>
                <ul class="by-month-missing">{names}</ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="log-by-month" aria-labelledby=labelled_by>
            <h3 id=title_id>{tr!(by_month_title)}</h3>
            <label for=label_for>{tr!(by_month_pick)}</label>
            <select id=select_id on:change=move |ev| picked.set(Month::from_key(&event_target_value(&ev)))>
                {options}
            </select>
            <div aria-live="polite">
                <p class="by-month-count">{count_line}</p>
                <ul class="by-month-entries">{entries}</ul>
                {missing}
            </div>
        </section>
    }
}
