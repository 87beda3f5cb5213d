//! Thin browser glue: the few calls into the page the components need. Each returns a value or
//! does nothing where the browser lacks the feature; none panics. One concept per file, all
//! re-exported here, so callers write `web::download`.

use wasm_bindgen::JsCast;

mod address;
mod clipboard;
mod download;
mod id_and_date;
mod install;
mod markup_events;
mod measure;
mod more_code;
mod page;
mod picked_file;
mod print;
mod share;
mod shared_files;
mod start_up;
mod storage_info;
mod update;

pub use address::{current_address, push_address, take_app_link_click};
pub use clipboard::copy_text;
pub use download::download;
pub use id_and_date::{local_date_iso, new_id, today_iso};
pub use install::{ask_to_install, install_way, InstallWay, INSTALL_CHANGED};
pub use markup_events::{append_markup, clicked};
pub use measure::{end_measure, mark, start_measure};
pub use more_code::link_more_code;
pub use page::{
    browser_language, confirm, focus_by_id, focus_by_id_next_frame, focus_first_control_in,
    focus_in_place, focus_page_heading_next_frame, focus_still_on, focused, refocus, reload,
    replace_url, set_html_lang, set_page_title, set_title,
};
pub use picked_file::{read_picked_file, read_picked_files, FileReadError};
pub use print::{clear_page_footer, print, set_page_footer};
pub use share::{share_or_download, ShareOutcome};
pub use shared_files::{forget_shared_files, take_shared_files};
pub use start_up::{
    detached_div, page_shows, remove_boot_screen, warm_up_inputs_when_idle, when_idle,
    when_idle_in_steps,
};
pub use storage_info::{request_persistent_storage, webkit_storage};
pub use update::{
    apply_update, offline_state, update_waiting, Offline, OFFLINE_CHANGED, UPDATE_READY,
};

/// Reads `obj[name]` as a function, if it is one.
fn method(obj: &wasm_bindgen::JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(obj, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// An attribute of `<html>`: where js/installed-app.js leaves what it found before the app
/// started (a new version waiting, how to install, whether the app works with no connection).
fn root_attribute(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}

/// Asks js/installed-app.js to act (take a waiting version, show the install dialog): it
/// listens on `window` for these events, as it holds what the browser gave it before the app
/// started.
fn tell_page_script(event_name: &str) {
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::Event::new(event_name)) {
        let _ = w.dispatch_event(&event);
    }
}
