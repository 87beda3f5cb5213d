//! Thin browser glue: the few calls into the page the components need. Each returns a value or
//! does nothing where the browser lacks the feature; none panics.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser's preferred language tag (`es-US`), if it says.
pub fn browser_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

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

/// The text of the file a person just picked in an `<input type=file>`, refusing one larger
/// than `max_bytes` before reading it. The file is taken from the input at once (`None` when
/// nothing was picked) and the input cleared, so picking the same file again fires again.
pub fn read_picked_file(
    ev: &web_sys::Event,
    max_bytes: usize,
) -> Option<impl std::future::Future<Output = Result<String, FileReadError>>> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(async move {
        if file.size() > max_bytes as f64 {
            return Err(FileReadError::TooLarge { max_bytes });
        }
        let text = JsFuture::from(file.text())
            .await
            .map_err(|_| FileReadError::Unreadable)?;
        text.as_string().ok_or(FileReadError::Unreadable)
    })
}

/// Why a picked file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileReadError {
    /// Larger than the limit that applied.
    TooLarge {
        max_bytes: usize,
    },
    Unreadable,
}

impl FileReadError {
    /// What to tell the person.
    pub fn message(self, locale: crate::model::text::Locale) -> String {
        use crate::ui::translate::tr_in;
        match self {
            FileReadError::TooLarge { max_bytes } => {
                tr_in!(locale, file_too_large, max_mb = max_bytes / 1_000_000)
            }
            FileReadError::Unreadable => tr_in!(locale, file_unreadable).to_string(),
        }
    }
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

/// Saves `bytes` as a file named `filename` through the browser's download.
pub fn download(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the file")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not make the link")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // The click has started the download; the URL can go once the event loop turns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    Ok(())
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Asks the browser to keep this site's data even when space runs low; `None` where the
/// browser has no such request.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Bytes used and available to this site, where the browser says.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate: web_sys::StorageEstimate = JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Reloads the page (after erasing everything, the app starts fresh).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Marks the start of a piece of work that [`end_measure`] will time.
pub fn start_measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}-start"));
    }
}

/// Records the time since [`start_measure`] as a `performance` measure named `name`, so a
/// benchmark can read it with `performance.getEntriesByName`.
pub fn end_measure(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}-start"));
    }
}

/// Opens the browser's print dialog (where "Save as PDF" also lives).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Reads `obj[name]` as a function, if it is one.
fn method(obj: &wasm_bindgen::JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(obj, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

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

/// Puts `text` on the clipboard; `false` where the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: wasm_bindgen::JsValue = window.navigator().into();
    let Some(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
    else {
        return false;
    };
    let Some(write) = method(&clipboard, "writeText") else {
        return false;
    };
    match write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}

/// Whether js/register-sw.js has found a new version waiting (before the app started).
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.has_attribute("data-update-ready"))
}

/// Asks the waiting version to take over; js/register-sw.js reloads the page when it has.
pub fn apply_update() {
    if let Some(w) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("ff-apply-update") {
            let _ = w.dispatch_event(&event);
        }
    }
}
