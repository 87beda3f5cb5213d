//! The page itself: its language, title, address, focus, a yes/no question, a reload, and a
//! list that starts from its first choice each time it is drawn.

use wasm_bindgen::JsCast;

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

/// Names the window after a page of the app: "Settings · Family Forms". Every page but home
/// (which is plain "Family Forms") has one, for the tab, the history list and a screen reader.
pub fn set_page_title(page: &str) {
    set_title(&format!("{page} · Family Forms"));
}

/// Sets the window title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Moves keyboard focus to the element with `id` and scrolls it into view.
pub fn focus_by_id(id: &str) {
    if let Some(el) = element_by_id::<web_sys::HtmlElement>(id) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the page's main heading (or to the content itself), without
/// scrolling. Called once the app has drawn another page: a full page load would start a
/// keyboard or screen-reader user at the top of the new page, and without this the focus
/// stays on the link that was followed, which has left the page with the old one.
fn focus_page_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let heading = doc.query_selector("#main h1").ok().flatten();
    let target = heading.or_else(|| doc.get_element_by_id("main"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Moves keyboard focus to the page's heading on the next frame, once a new page (or what
/// replaced a control) is drawn, unless the person has put it somewhere by then (see
/// `on_next_frame_unless_focus_moved`).
pub fn focus_page_heading_next_frame() {
    on_next_frame_unless_focus_moved(focus_page_heading);
}

/// Moves keyboard focus to the element with `id` on the next frame, once it is drawn (a new
/// section's heading, a question jumped to), unless the person has put it somewhere by then
/// (see `on_next_frame_unless_focus_moved`).
pub fn focus_by_id_next_frame(id: &str) {
    let id = id.to_string();
    on_next_frame_unless_focus_moved(move || focus_by_id(&id));
}

/// Runs `move_focus` on the next frame only if the focus is still where it was now (a button
/// that stays, as "Next" or a link in the app bar) or nowhere (the control used has left the
/// page). A frame can come late (WebKit's, under load, came after a test had found the new
/// form's first box and begun typing in it), and a quick person may already be typing in a box
/// of what was just drawn: taking the focus then sent the next letters nowhere.
fn on_next_frame_unless_focus_moved(move_focus: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let origin = window.document().and_then(|d| d.active_element());
    let run = wasm_bindgen::closure::Closure::once_into_js(move || {
        if focus_on_or_nowhere(|el| origin.as_ref() == Some(el)) {
            move_focus();
        }
    });
    let _ = window.request_animation_frame(run.unchecked_ref());
}

/// Moves keyboard focus to the element with `id`, scrolling only as far as the browser must
/// (for a control that moved a little, where a jump to the top would lose the person's place).
pub fn focus_in_place(id: &str) {
    if let Some(el) = element_by_id::<web_sys::HtmlElement>(id) {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the first input, list or text box inside the element with `id` (a
/// new row's first answer), so the person can type at once.
pub fn focus_first_control_in(id: &str) {
    let control = element_by_id::<web_sys::Element>(id)
        .and_then(|el| el.query_selector("input, select, textarea").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(control) = control {
        let _ = control.focus();
    }
}

/// Where keyboard focus is: the focused element's id, and where the caret or selection is
/// when it is a text box, so a box drawn anew can be given both back (see [`refocus`]).
pub struct Focused {
    id: String,
    selection: Option<(u32, u32)>,
}

/// Where keyboard focus is, when it is on an element with an id.
pub fn focused() -> Option<Focused> {
    let el = web_sys::window()?.document()?.active_element()?;
    let id = Some(el.id()).filter(|id| !id.is_empty())?;
    let selection = el
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
    Some(Focused { id, selection })
}

/// Gives the focus back to `place`'s element, with its caret where it was, when the focus was
/// lost (its element drawn anew): never while it is still on a box, where the person may have
/// typed on meanwhile, nor when it went somewhere else.
pub fn refocus(place: &Focused) {
    if !focus_on_or_nowhere(|_| false) {
        return;
    }
    focus_in_place(&place.id);
    if let (Some((start, end)), Some(input)) = (
        place.selection,
        element_by_id::<web_sys::HtmlInputElement>(&place.id),
    ) {
        let _ = input.set_selection_range(start, end);
    }
}

/// Whether keyboard focus is still on the element with id `origin`, or nowhere (as when that
/// element was just redrawn or removed): only then may an action move focus on its own,
/// so it never pulls a quick person back from where they went meanwhile.
pub fn focus_still_on(origin: &str) -> bool {
    focus_on_or_nowhere(|el| el.id() == origin)
}

/// Whether keyboard focus is on an element `is_origin` accepts, or nowhere (on the page
/// itself). False with no page.
fn focus_on_or_nowhere(is_origin: impl Fn(&web_sys::Element) -> bool) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match doc.active_element() {
        None => true,
        Some(el) => is_origin(&el) || doc.body().is_some_and(|b| *b == el),
    }
}

fn element_by_id<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<T>()
        .ok()
}

/// Asks a yes/no question with the browser's own dialog.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Changes the address bar without reloading or re-rendering.
pub fn replace_url(path: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

/// Reloads the page (after erasing everything, the app starts fresh).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
