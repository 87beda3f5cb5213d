//! The service worker: a new version of the app waiting, taking it, and whether the app is
//! kept for use with no connection.

/// Event sent on `window` when a new version is found waiting.
pub const UPDATE_READY: &str = "ff-update-ready";

/// Whether js/installed-app.js has found a new version waiting (before the app started).
pub fn update_waiting() -> bool {
    super::root_attribute("data-update-ready").is_some()
}

/// Asks the waiting version to take over; js/installed-app.js reloads the page when it has.
pub fn apply_update() {
    super::tell_page_script("ff-apply-update");
}

/// Whether the app is kept on this device for use with no connection, as js/installed-app.js
/// found (its service worker is active with every file, or cannot be).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offline {
    /// Opens and saves with no signal.
    Ready,
    /// The worker is still copying the app (or has not started: it waits for an idle moment).
    GettingReady,
    /// No worker in this browser or window (a private window, a blocked worker).
    Unavailable,
}

/// Event sent on `window` when `offline_state` changes.
pub const OFFLINE_CHANGED: &str = "ff-offline-changed";

/// Whether the app is kept on this device for use with no connection, now.
pub fn offline_state() -> Offline {
    match super::root_attribute("data-offline").as_deref() {
        Some("ready") => Offline::Ready,
        Some("unavailable") => Offline::Unavailable,
        _ => Offline::GettingReady,
    }
}
