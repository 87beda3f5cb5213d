//! "Edited 5 minutes ago" / "editado hace 5 minutos".

use chrono::{DateTime, Utc};

use super::dates::date_for_reading;
use super::text::Locale;

/// How long ago `then` was, in words, for lists of documents.
pub fn relative_time(then: DateTime<Utc>, now: DateTime<Utc>, locale: Locale) -> String {
    let secs = (now - then).num_seconds().max(0);
    let (mins, hours, days) = (secs / 60, secs / 3600, secs / 86_400);
    let es = locale == Locale::Es;
    let plural = |n: i64, en: &str, es_word: &str| {
        let s = if n == 1 { "" } else { "s" };
        if es {
            format!("hace {n} {es_word}{s}")
        } else {
            format!("{n} {en}{s} ago")
        }
    };
    match () {
        _ if secs < 60 => (if es { "hace un momento" } else { "just now" }).to_string(),
        _ if mins < 60 => plural(mins, "minute", "minuto"),
        _ if hours < 24 => plural(hours, "hour", "hora"),
        _ if days == 1 => (if es { "ayer" } else { "yesterday" }).to_string(),
        _ if days < 7 => plural(days, "day", "día"),
        _ => {
            let date = date_for_reading(then.date_naive(), locale);
            if es {
                format!("el {date}")
            } else {
                format!("on {date}")
            }
        }
    }
}
