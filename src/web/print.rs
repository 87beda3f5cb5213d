//! The browser's print dialog, and the foot of each printed page.

use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

/// Opens the browser's print dialog (where "Save as PDF" also lives).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The custom property the stylesheet's `@page` margin box shows.
const FOOTER_PROPERTY: &str = "--ff-page-footer";

/// Which booklet set the page foot last, so an older one going away does not clear a newer
/// one's (a redrawn booklet is built before the old one is dropped).
static FOOTER_OWNER: AtomicU32 = AtomicU32::new(0);

/// Gives every printed page after the cover the foot "`start` N `of` M" (the page and the
/// count filled in by the browser). Returns a token for [`clear_page_footer`].
pub fn set_page_footer(start: &str, of: &str) -> u32 {
    let token = FOOTER_OWNER.fetch_add(1, Ordering::Relaxed) + 1;
    if let Some(style) = root_style() {
        let value = format!(
            "{} counter(page) {} counter(pages)",
            css_string(start),
            css_string(of)
        );
        let _ = style.set_property(FOOTER_PROPERTY, &value);
    }
    token
}

/// Takes the page foot away, unless a booklet drawn since has set its own.
pub fn clear_page_footer(token: u32) {
    if FOOTER_OWNER.load(Ordering::Relaxed) == token {
        if let Some(style) = root_style() {
            let _ = style.remove_property(FOOTER_PROPERTY);
        }
    }
}

/// The `<html>` element's own style: `@page` boxes inherit from the root, not from the
/// booklet. Set through the style object, which the page's Content-Security-Policy allows.
fn root_style() -> Option<web_sys::CssStyleDeclaration> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(root.dyn_into::<web_sys::HtmlElement>().ok()?.style())
}

/// `text` as a CSS string: quotes and backslashes escaped, a line break as `\A`.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\A "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
