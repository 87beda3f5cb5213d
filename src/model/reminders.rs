//! Dates a document reminds of: a form marks a date question `"remind": true` (a meeting, a
//! review), and home shows it with the days left while it is still ahead.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::by_month::cell_text;
use super::dates::{date_for_reading, iso_date, parse_iso_date};
use super::logic::{derived_value, is_visible_in};
use super::schema::{Field, FieldKind, FormDef};
use super::text::{Locale, Text};
use super::values::{Answer, Answers, Row};

/// A date a document holds, under the question that asked for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub label: Text,
    /// ISO `YYYY-MM-DD`.
    pub date: String,
}

/// The dates `answers` give to the questions `def` marks as reminders, in form order: only
/// shown questions, only real dates (a derived date counts, such as a review 60 days on; a
/// date column counts once per row, named with the row's person or number).
pub fn reminders(def: &FormDef, answers: &Answers) -> Vec<Reminder> {
    let mut out = Vec::new();
    for section in &def.sections {
        // Rows are read for their date columns marked as reminders (a log's follow-ups).
        let marked = |f: &&Field| f.remind || matches!(f.kind, FieldKind::Rows { .. });
        for field in section.fields.iter().filter(marked) {
            if !is_visible_in(def, answers, section, field) {
                continue;
            }
            if let (
                FieldKind::Rows {
                    columns, by_month, ..
                },
                Some(Answer::Rows { rows }),
            ) = (&field.kind, answers.get(&field.id))
            {
                for column in columns.iter().filter(|c| c.remind) {
                    for (i, row) in rows.iter().enumerate() {
                        let Some(date) = row_date(row, &column.id) else {
                            continue;
                        };
                        // Whose date it is: the person the log names in the row, else the row.
                        let who = by_month
                            .as_ref()
                            .map(|by| cell_text(row, &by.who).trim())
                            .filter(|w| !w.is_empty());
                        let label = |l: Locale| match who {
                            Some(who) => format!("{} ({who})", column.label.get(l)),
                            None => format!(
                                "{} ({} {})",
                                column.label.get(l),
                                field.label.get(l),
                                i + 1
                            ),
                        };
                        out.push(Reminder {
                            label: Text::new(label(Locale::En), label(Locale::Es)),
                            date,
                        });
                    }
                }
                continue;
            }
            let value = match (&field.kind, answers.get(&field.id)) {
                (FieldKind::Derived { rule }, _) => {
                    derived_value(def, answers, rule).and_then(|d| d.date().map(str::to_string))
                }
                (_, Some(Answer::Text { value })) => Some(value.clone()),
                _ => None,
            };
            if let Some(date) = value.as_deref().and_then(parse_iso_date) {
                out.push(Reminder {
                    label: field.label.clone(),
                    date: iso_date(date),
                });
            }
        }
    }
    out
}

fn row_date(row: &Row, column: &str) -> Option<String> {
    parse_iso_date(cell_text(row, column)).map(iso_date)
}

/// The reminders still ahead of `today`, soonest first, at most `n` of them: what home shows
/// under a document (a log with many follow-ups shows the next few).
pub fn next_ahead<'r>(reminders: &'r [Reminder], today: &str, n: usize) -> Vec<&'r Reminder> {
    let mut ahead: Vec<&Reminder> = reminders
        .iter()
        .filter(|r| r.date.as_str() >= today)
        .collect();
    crate::model::sorting::sort_by(&mut ahead, |a, b| a.date.cmp(&b.date));
    ahead.truncate(n);
    ahead
}

/// A date still ahead of `today`, as home shows it: "Thursday, December 3, 2026 · in 3 days"
/// (or "today", "tomorrow"). `None` once it has passed, or for text that is not a date.
pub fn date_ahead(date: &str, today: &str, locale: Locale) -> Option<String> {
    let (date, today) = (parse_iso_date(date)?, parse_iso_date(today)?);
    let days = (date - today).num_days();
    let es = locale == Locale::Es;
    let when = match days {
        ..0 => return None,
        0 => (if es { "hoy" } else { "today" }).to_string(),
        1 => (if es { "mañana" } else { "tomorrow" }).to_string(),
        n if es => format!("en {n} días"),
        n => format!("in {n} days"),
    };
    Some(format!(
        "{}, {} · {when}",
        weekday(date, locale),
        date_for_reading(date, locale)
    ))
}

fn weekday(date: NaiveDate, locale: Locale) -> &'static str {
    let (en, es) = match date.weekday() {
        Weekday::Mon => ("Monday", "lunes"),
        Weekday::Tue => ("Tuesday", "martes"),
        Weekday::Wed => ("Wednesday", "miércoles"),
        Weekday::Thu => ("Thursday", "jueves"),
        Weekday::Fri => ("Friday", "viernes"),
        Weekday::Sat => ("Saturday", "sábado"),
        Weekday::Sun => ("Sunday", "domingo"),
    };
    match locale {
        Locale::En => en,
        Locale::Es => es,
    }
}
