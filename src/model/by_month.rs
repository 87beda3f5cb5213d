//! A log's entries month by month, and who has none in a month: a teacher keeping a family
//! contact log asks "whom have I not reached this month?", and the log already holds the
//! answer (every person it names, and the dates it names them on). Read from the rows a
//! definition's `by_month` points at.

use chrono::{Datelike, NaiveDate};

use super::dates::parse_iso_date;
use super::schema::ByMonth;
use super::sorting::{sort, sort_by};
use super::text::{fold_char, Locale};
use super::values::{Answer, Row};

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month `date` falls in.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month of an ISO date (`2026-11-23`), if it is one.
    pub fn of_iso(iso: &str) -> Option<Month> {
        parse_iso_date(iso).map(Month::of)
    }

    /// `2026-11`: a stable value for a `<select>`.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Reads [`Month::key`] back.
    pub fn from_key(key: &str) -> Option<Month> {
        Month::of_iso(&format!("{key}-01"))
    }

    /// "November 2026" / "noviembre de 2026".
    pub fn for_reading(self, locale: Locale) -> String {
        super::dates::month_for_reading(self.year, self.month, locale)
    }
}

/// One month of a log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthOfLog {
    pub month: Month,
    /// Indexes of the rows dated in the month, earliest first (rows keep their order on a tie).
    pub entries: Vec<usize>,
    /// Everyone the log or the roster names who has no entry in the month, as first written,
    /// in alphabetical order (case and accents aside).
    pub without_entry: Vec<String>,
    /// Whether the log or the roster names anyone at all (otherwise `without_entry` means
    /// nothing).
    pub names_anyone: bool,
}

/// The months the log's rows are dated in, newest first, with `current` among them (a teacher
/// opening the log in a new month sees that month first, even before its first entry).
pub fn months_of_log(rows: &[Row], by: &ByMonth, current: Month) -> Vec<Month> {
    let mut months: Vec<Month> = rows
        .iter()
        .filter_map(|row| Month::of_iso(cell_text(row, &by.date)))
        .chain([current])
        .collect();
    sort_by(&mut months, |a, b| b.cmp(a));
    months.dedup();
    months
}

/// The entries of `month` and who has none in it: everyone the log names, and everyone on
/// `roster` (the text of the question `by.roster` names: one name per line, as a class list is
/// typed or pasted), so a student never contacted at all is not missed.
pub fn month_of_log(rows: &[Row], by: &ByMonth, month: Month, roster: &str) -> MonthOfLog {
    // (date, row): sorted without a stable sort's extra code, rows keep their order on a tie.
    let mut dated: Vec<(NaiveDate, usize)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| Some((parse_iso_date(cell_text(row, &by.date))?, i)))
        .filter(|(d, _)| Month::of(*d) == month)
        .collect();
    sort(&mut dated);
    let entries: Vec<usize> = dated.into_iter().map(|(_, i)| i).collect();
    // Everyone named, once each, by the folded spelling; the first spelling is kept to show
    // (the roster's, then the log's).
    let mut everyone: Vec<(String, String)> = Vec::new();
    let roster_names = roster
        .lines()
        .map(|line| line.trim().trim_start_matches(['-', '*', '•']));
    for name in roster_names.chain(rows.iter().map(|row| cell_text(row, &by.who))) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = name_key(&name);
        if !key.is_empty() && !everyone.iter().any(|(k, _)| *k == key) {
            everyone.push((key, name));
        }
    }
    let reached: Vec<String> = entries
        .iter()
        .map(|i| name_key(cell_text(&rows[*i], &by.who)))
        .collect();
    let names_anyone = !everyone.is_empty();
    everyone.retain(|(key, _)| !reached.contains(key));
    sort(&mut everyone);
    MonthOfLog {
        month,
        entries,
        without_entry: everyone.into_iter().map(|(_, name)| name).collect(),
        names_anyone,
    }
}

/// A row's text in column `id` ("" when unanswered).
pub fn cell_text<'r>(row: &'r Row, id: &str) -> &'r str {
    row.cells.get(id).map_or("", Answer::as_text)
}

/// "Ana  Núñez" and "ana nunez" are one person.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .flat_map(|word| word.chars().map(fold_char).chain([' ']))
        .collect::<String>()
        .trim_end()
        .to_string()
}
