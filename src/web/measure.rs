//! Performance marks the benchmark reads.

/// Marks the start of a piece of work that [`end_measure`] will time.
pub fn start_measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}-start"));
    }
}

/// Records the time since [`start_measure`] as a `performance` measure named `name`, so a
/// benchmark can read it with `performance.getEntriesByName`.
pub fn end_measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}-start"));
    }
}

/// Marks a moment (`performance.mark`) the benchmark times a key against, such as home's
/// lists following the search box. The mark before it of the same name is cleared first: the
/// browser keeps every mark for the page's life, and a search makes one a key.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}
