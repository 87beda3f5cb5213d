//! The address bar, for the app's router: what it says, a new entry in the history, and which
//! clicks on links stay inside the app.

use wasm_bindgen::JsCast;

/// The address the page is at, path and query (`/doc/d1?updated=2`).
pub fn current_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return "/".to_string();
    };
    let path = location.pathname().unwrap_or_else(|_| "/".to_string());
    let query = location.search().unwrap_or_default();
    path + &query
}

/// Adds `address` to the history as the page's new address (unless the page is there already,
/// so a tap on the link to the current page adds no step to "back") and starts it at the top,
/// as a followed link would.
pub fn push_address(address: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if current_address() != address {
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address));
        }
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The in-app address of a plain click on a link to another page of this app, after stopping
/// the browser from loading it; `None` leaves the click to the browser: a modified or middle
/// click (new tab or window), a link with a `target`, a `download` or `rel="external"`,
/// another site, or a link within the same page (`#main`).
pub fn take_app_link_click(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let link: web_sys::HtmlAnchorElement = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    let target = link.target();
    let rel = link.rel();
    if !(target.is_empty() || target == "_self")
        || link.has_attribute("download")
        || rel.split_ascii_whitespace().any(|r| r == "external")
    {
        return None;
    }
    let location = web_sys::window()?.location();
    let url = web_sys::Url::new(&link.href()).ok()?;
    if url.origin() != location.origin().ok()? {
        return None;
    }
    let address = url.pathname() + &url.search();
    let here = location.pathname().ok()? + &location.search().ok()?;
    if address == here && !url.hash().is_empty() {
        return None;
    }
    event.prevent_default();
    Some(address + &url.hash())
}
