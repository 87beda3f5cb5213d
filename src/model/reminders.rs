//! Dates a document reminds of: a form marks a date question `"remind": true` (a meeting, a
//! review), and home shows it with the days left while it is still ahead.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::dates::{date_for_reading, iso_date, parse_iso_date};
use super::logic::{derived_value, is_visible_in};
use super::schema::{FieldKind, FormDef};
use super::text::{Locale, Text};
use super::values::{Answer, Answers};

/// A date a document holds, under the question that asked for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub label: Text,
    /// ISO `YYYY-MM-DD`.
    pub date: String,
}

/// The dates `answers` give to the questions `def` marks as reminders, in form order: only
/// shown questions, only real dates (a derived date counts, such as a review 60 days on).
pub fn reminders(def: &FormDef, answers: &Answers) -> Vec<Reminder> {
    let mut out = Vec::new();
    for section in &def.sections {
        for field in section.fields.iter().filter(|f| f.remind) {
            if !is_visible_in(def, answers, section, field) {
                continue;
            }
            let value = match (&field.kind, answers.get(&field.id)) {
                (FieldKind::Derived { rule }, _) => derived_value(def, answers, rule),
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
