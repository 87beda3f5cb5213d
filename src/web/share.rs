//! The phone's share sheet for a file, with a download where the browser cannot share files.

use super::{download, method};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A `File` holding `bytes`.
fn make_file(filename: &str, mime: &str, bytes: &[u8]) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_u8_array_sequence_and_options(&parts, filename, &options).ok()
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The person closed the share sheet: nothing to report.
    Cancelled,
    /// This browser cannot share files, so the file was downloaded instead.
    Downloaded,
    Failed,
}

/// Hands a file to the phone's share sheet where the browser can share files
/// (`navigator.canShare({files})`), and downloads it everywhere else.
pub async fn share_or_download(
    filename: &str,
    mime: &str,
    bytes: &[u8],
    title: &str,
) -> ShareOutcome {
    let shared = async {
        let navigator: wasm_bindgen::JsValue = web_sys::window()?.navigator().into();
        let can_share = method(&navigator, "canShare")?;
        let share = method(&navigator, "share")?;
        let file = make_file(filename, mime, bytes)?;
        let data = js_sys::Object::new();
        js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
        if !can_share.call1(&navigator, &data).ok()?.is_truthy() {
            return None;
        }
        js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
        let promise: js_sys::Promise = share.call1(&navigator, &data).ok()?.dyn_into().ok()?;
        Some(match JsFuture::from(promise).await {
            Ok(_) => ShareOutcome::Shared,
            Err(e) => {
                let name = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    ShareOutcome::Cancelled
                } else {
                    ShareOutcome::Failed
                }
            }
        })
    }
    .await;
    match shared {
        Some(outcome) => outcome,
        None => match download(filename, mime, bytes) {
            Ok(()) => ShareOutcome::Downloaded,
            Err(_) => ShareOutcome::Failed,
        },
    }
}
