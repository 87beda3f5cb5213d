//! Clicks in a list drawn as markup (`export::html`), whose buttons have no handlers of their
//! own: the list's one handler asks which of its parts the click landed in.

use wasm_bindgen::JsCast;

/// The element matching `selector` that the click `event` landed in: its target or the
/// nearest ancestor that matches.
pub fn clicked(event: &web_sys::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// Adds `html` (escaped markup, see `export::html`) at the end of `element`'s content.
pub fn append_markup(element: &web_sys::Element, html: &str) {
    let _ = element.insert_adjacent_html("beforeend", html);
}
