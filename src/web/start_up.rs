//! What the app does as it starts: the start-up screen goes, the phone's input machinery warms up.

use wasm_bindgen::JsCast;

/// Takes away the start-up screen that `index.html` shows while the app downloads.
pub fn remove_boot_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Once the app is idle, has the browser set up its date, email, number and phone inputs on
/// throwaway elements. Chrome builds a page's first `<input type="date">` machinery on first
/// use (20–50 ms at 4× CPU throttling); this keeps that cost out of the tap that opens a form.
pub fn warm_up_inputs_when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let warm = wasm_bindgen::closure::Closure::once_into_js(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for kind in ["date", "email", "number", "tel"] {
            if let Ok(input) = document.create_element("input") {
                let _ = input.set_attribute("type", kind);
            }
        }
    });
    // Safari has no requestIdleCallback: a second after start is idle enough there.
    if window.request_idle_callback(warm.unchecked_ref()).is_err() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(warm.unchecked_ref(), 1000);
    }
}
