//! Dates as a person reads them, in their language ("November 23, 2026" / "23 de noviembre de
//! 2026"); storage always keeps ISO `YYYY-MM-DD`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Deserialize;

use super::text::Locale;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Formats an ISO date for reading; text that is not a date is returned as it is.
pub fn format_date(iso: &str, locale: Locale) -> String {
    match parse_iso_date(iso) {
        Some(d) => date_for_reading(d, locale),
        None => iso.to_string(),
    }
}

/// Reads a saved timestamp (RFC 3339, as chrono's `Serialize` writes it: `2026-11-23T10:00:00Z`,
/// with a fraction of a second when there is one). Used instead of `DateTime`'s own
/// `Deserialize`, which goes through chrono's pattern-driven parser and costs the wasm more.
pub fn read_timestamp<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(serde::de::Error::custom)
}

/// Parses an ISO date (`2026-11-23`) as stored by date fields.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    // Read by hand rather than with chrono's `parse_from_str`: its pattern-driven reading and
    // writing (with a Unicode case table) were about 20 KB of the wasm for this one format.
    let mut parts = s.trim().splitn(3, '-');
    let mut number = |max_digits: usize| -> Option<u32> {
        let part = parts.next()?;
        let digits = !part.is_empty() && part.len() <= max_digits;
        (digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// `YYYY-MM-DD`, the form dates are stored in.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A month as a person reads it in `locale`: "November 2026" / "noviembre de 2026". `month`
/// is 1 to 12.
pub fn month_for_reading(year: i32, month: u32, locale: Locale) -> String {
    let i = (month.clamp(1, 12) - 1) as usize;
    match locale {
        Locale::En => format!("{} {year}", MONTHS_EN[i]),
        Locale::Es => format!("{} de {year}", MONTHS_ES[i]),
    }
}

/// A date as a person reads it in `locale`.
pub fn date_for_reading(d: NaiveDate, locale: Locale) -> String {
    let month = d.month0() as usize;
    match locale {
        Locale::En => format!("{} {}, {}", MONTHS_EN[month], d.day(), d.year()),
        Locale::Es => format!("{} de {} de {}", d.day(), MONTHS_ES[month], d.year()),
    }
}
