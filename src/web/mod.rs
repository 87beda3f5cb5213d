//! Thin browser glue: the few calls into the page the components need. Each returns a value or
//! does nothing where the browser lacks the feature; none panics.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser's preferred language tag (`es-US`), if it says.
pub fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// Sets `<html lang>`, so screen readers pronounce the page in the right language.
pub fn set_html_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Sets the window title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id` and scrolls it into view.
pub fn focus_by_id(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    el.scroll_into_view();
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Asks a yes/no question with the browser's own dialog.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Reads a file the person picked as text, refusing one larger than `max_bytes` before reading.
pub async fn read_file_text(file: &web_sys::File, max_bytes: f64) -> Result<String, FileReadError> {
    if file.size() > max_bytes {
        return Err(FileReadError::TooLarge);
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| FileReadError::Unreadable)?;
    text.as_string().ok_or(FileReadError::Unreadable)
}

/// Why a picked file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileReadError {
    TooLarge,
    Unreadable,
}

/// A new id, unique on this device: a prefix, the time and a random part.
pub fn new_id(prefix: &str) -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{prefix}{time:x}{random:x}")
}

/// Changes the address bar without reloading or re-rendering.
pub fn replace_url(path: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}
