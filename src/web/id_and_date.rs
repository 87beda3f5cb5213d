//! Ids unique on this device, and dates in the browser's time zone.

/// A new id, unique on this device: a prefix, the time and a random part.
pub fn new_id(prefix: &str) -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{prefix}{time:x}{random:x}")
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today_iso() -> String {
    iso_date(&js_sys::Date::new_0())
}

/// The date of `at` as `YYYY-MM-DD` where the person is (a document edited late in the
/// evening belongs to that day, not to the next one in UTC).
pub fn local_date_iso(at: chrono::DateTime<chrono::Utc>) -> String {
    iso_date(&js_sys::Date::new(&(at.timestamp_millis() as f64).into()))
}

fn iso_date(d: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
