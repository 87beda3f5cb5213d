//! The rest of the app's code. A release build comes in two parts (`scripts/split-wasm.mjs`):
//! what opening home or a form runs, downloaded first, and the rest, which `js/more-code.js`
//! links to this part's exports. Nothing else in the app knows where the cut is; in a build
//! that was not split, none of this does anything.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/more-code.js")]
extern "C" {
    #[wasm_bindgen(js_name = ffMoreCodeStart)]
    fn more_code_start(exports: JsValue) -> js_sys::Promise;
    /// The import the first part's stand-ins for the rest's functions call (the splitter finds
    /// it by this name) when the rest has not arrived yet.
    #[wasm_bindgen(js_name = ffMoreCodeNow)]
    fn more_code_now();
}

/// Hands `js/more-code.js` this part's exports; done once the app may start drawing: at once
/// on a first visit (the rest is fetched meanwhile), once the rest is read from the device and
/// linked on a later one (so nothing the app does needs the network for it).
pub async fn link_more_code() {
    let started = more_code_start(wasm_bindgen::exports());
    // It never fails: a rest that cannot be read is fetched later, or loaded when needed.
    let _ = wasm_bindgen_futures::JsFuture::from(started).await;
}

/// Loads the rest of the code at once. No Rust code needs this: it is exported so that
/// wasm-bindgen keeps the `ffMoreCodeNow` import, which the split build's stand-ins call.
#[wasm_bindgen(js_name = ffLoadMoreCodeNow)]
pub fn load_more_code_now() {
    more_code_now();
}
