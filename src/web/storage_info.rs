//! What the browser says about this site's storage: whether it keeps it for good, and which
//! limit it puts on it.

use wasm_bindgen_futures::JsFuture;

/// Asks the browser to keep this site's data even when space runs low; `None` where the
/// browser has no such request.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether this is Safari's engine (Safari, and every browser on an iPhone or iPad), whose
/// localStorage holds half as many characters as Chrome's or Firefox's
/// (`storage::room::room_limit`).
pub fn webkit_storage() -> bool {
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    agent.contains("AppleWebKit") && !agent.contains("Chrome/") && !agent.contains("Chromium/")
}
