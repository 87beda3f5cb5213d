//! A new version of the app waiting in the service worker, and taking it.

/// Whether js/installed-app.js has found a new version waiting (before the app started).
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.has_attribute("data-update-ready"))
}

/// Asks the waiting version to take over; js/installed-app.js reloads the page when it has.
pub fn apply_update() {
    if let Some(w) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("ff-apply-update") {
            let _ = w.dispatch_event(&event);
        }
    }
}
