//! Ids unique on this device, and today's date, from the browser's clock.

/// A new id, unique on this device: a prefix, the time and a random part.
pub fn new_id(prefix: &str) -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{prefix}{time:x}{random:x}")
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
