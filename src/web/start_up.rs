//! What the app does as it starts: the start-up screen goes, the phone's input machinery warms up,
//! and work that can wait runs once the browser is idle.

use wasm_bindgen::{JsCast, JsValue};

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
    when_idle(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for kind in ["date", "email", "number", "tel"] {
            if let Ok(input) = document.create_element("input") {
                let _ = input.set_attribute("type", kind);
            }
        }
    });
}

/// Runs `work` once the browser is idle (a second after start where there is no
/// `requestIdleCallback`, as on Safari).
pub fn when_idle(work: impl FnOnce() + 'static) {
    request_idle(wasm_bindgen::closure::Closure::once_into_js(work), 1000);
}

/// Calls `run` (a JS function) when the browser is idle, or after `wait_ms` where there is no
/// `requestIdleCallback`.
fn request_idle(run: JsValue, wait_ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.request_idle_callback(run.unchecked_ref()).is_err() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), wait_ms);
    }
}

/// Takes `steps` one after another while the browser is idle: as many in one idle moment as
/// leave it 8 ms to spare, the rest in the next ones. `still_wanted` is asked before the first
/// step; where there is no `requestIdleCallback` (Safari) a step runs every 50 ms, from a
/// second after start.
pub fn when_idle_in_steps(
    steps: Vec<Box<dyn FnOnce()>>,
    still_wanted: impl FnOnce() -> bool + 'static,
) {
    let steps: std::collections::VecDeque<_> = steps.into();
    schedule_steps(steps, Some(Box::new(still_wanted)), 1000);
}

type Steps = std::collections::VecDeque<Box<dyn FnOnce()>>;

fn schedule_steps(mut steps: Steps, still_wanted: Option<Box<dyn FnOnce() -> bool>>, wait_ms: i32) {
    let run = wasm_bindgen::closure::Closure::once_into_js(move |deadline: JsValue| {
        if still_wanted.is_some_and(|wanted| !wanted()) {
            return;
        }
        // An idle callback says how long the browser stays idle; a timeout (Safari) does not.
        let deadline = deadline.dyn_into::<web_sys::IdleDeadline>().ok();
        while let Some(step) = steps.pop_front() {
            step();
            if deadline.as_ref().is_none_or(|d| d.time_remaining() < 8.0) {
                break;
            }
        }
        if !steps.is_empty() {
            schedule_steps(steps, None, 50);
        }
    });
    request_idle(run, wait_ms);
}

/// A `<div>` that is never put in the page: what is drawn into it costs no style or layout.
pub fn detached_div() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .create_element("div")
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether the page shows an element matching `selector` now.
pub fn page_shows(selector: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .is_some()
}
