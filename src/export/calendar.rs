//! A date a family must not miss (a PPT meeting, a plan's review) as a calendar file
//! (iCalendar, RFC 5545): an all-day event with an alert at 9 the morning before, which the
//! phone's own calendar keeps and rings. Made on the device; it goes only where the person
//! opens it.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// One day to put in a calendar.
pub struct CalendarDay<'a> {
    /// The same for the same question of the same document, so a calendar that keeps events
    /// by id updates the one event when the day is added again.
    pub uid: &'a str,
    pub date: NaiveDate,
    /// The event's title: what the date is and whose ("Meeting date · Preparing for my child's
    /// PPT — Mía").
    pub summary: &'a str,
}

/// The `.ics` text of `day`, stamped `now`: lines ended by CRLF and folded at 75 bytes, as
/// calendars expect.
pub fn ics(day: &CalendarDay, now: DateTime<Utc>) -> String {
    let next = day.date.succ_opt().unwrap_or(day.date);
    let summary = escape(day.summary);
    let mut out = String::new();
    let mut line = |text: &str| fold(text, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Family Forms//EN");
    line("CALSCALE:GREGORIAN");
    line("BEGIN:VEVENT");
    line(&format!("UID:{}", escape(day.uid)));
    line(&format!(
        "DTSTAMP:{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        now.month(),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    ));
    line(&format!("DTSTART;VALUE=DATE:{}", compact(day.date)));
    line(&format!("DTEND;VALUE=DATE:{}", compact(next)));
    line(&format!("SUMMARY:{summary}"));
    line("TRANSP:TRANSPARENT");
    line("BEGIN:VALARM");
    line("ACTION:DISPLAY");
    line(&format!("DESCRIPTION:{summary}"));
    // An all-day event starts at midnight: 15 hours before is 9 in the morning the day before.
    line("TRIGGER:-PT15H");
    line("END:VALARM");
    line("END:VEVENT");
    line("END:VCALENDAR");
    out
}

fn compact(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Text as a property value: backslash, semicolon, comma and line breaks escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so that no line is longer than 75 bytes; a fold never
/// splits a character, and each continuation starts with a space.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}
