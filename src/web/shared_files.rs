//! Files shared to the app from another app's share sheet, or opened with the installed app
//! from the computer's files. The service worker (`js/sw.js`) or the launch handler
//! (`js/installed-app.js`) keeps them in a cache of their own and sends the page to
//! `/received?shared=1`; the page takes them from there once, and the cache goes.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::FileReadError;

const SHARED_CACHE: &str = "ff-shared-files";

/// The files waiting from a share, each with its name and text (or why it cannot be read: a
/// file over `max_bytes` is refused unread), in the order they were shared. Empty when none
/// wait or the browser keeps no caches. They are removed as they are taken. (A cache lists its
/// entries in the order they were put in, so no sorting is needed.)
pub async fn take_shared_files(max_bytes: usize) -> Vec<(String, Result<String, FileReadError>)> {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return Vec::new();
    };
    let Ok(cache) = JsFuture::from(caches.open(SHARED_CACHE)).await else {
        return Vec::new();
    };
    let cache: web_sys::Cache = cache.unchecked_into();
    let requests = match JsFuture::from(cache.keys()).await {
        Ok(list) => js_sys::Array::from(&list),
        Err(_) => return Vec::new(),
    };
    let mut files = Vec::new();
    for request in requests.iter() {
        let Ok(request) = request.dyn_into::<web_sys::Request>() else {
            continue;
        };
        let Ok(response) = JsFuture::from(cache.match_with_request(&request)).await else {
            continue;
        };
        let Ok(response) = response.dyn_into::<web_sys::Response>() else {
            continue;
        };
        files.push(read(response, max_bytes).await);
    }
    let _ = JsFuture::from(caches.delete(SHARED_CACHE)).await;
    files
}

/// Removes shared files that were never taken ("Erase everything" leaves nothing behind).
pub async fn forget_shared_files() {
    if let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) {
        let _ = JsFuture::from(caches.delete(SHARED_CACHE)).await;
    }
}

async fn read(
    response: web_sys::Response,
    max_bytes: usize,
) -> (String, Result<String, FileReadError>) {
    let name = response
        .headers()
        .get("x-file-name")
        .ok()
        .flatten()
        .and_then(|n| js_sys::decode_uri_component(&n).ok())
        .map(String::from)
        .unwrap_or_default();
    let text = async {
        let blob: web_sys::Blob =
            JsFuture::from(response.blob().map_err(|_| FileReadError::Unreadable)?)
                .await
                .map_err(|_| FileReadError::Unreadable)?
                .unchecked_into();
        // Measured before it is read, as a picked file is.
        if blob.size() > max_bytes as f64 {
            return Err(FileReadError::TooLarge { max_bytes });
        }
        JsFuture::from(blob.text())
            .await
            .map_err(|_| FileReadError::Unreadable)?
            .as_string()
            .ok_or(FileReadError::Unreadable)
    };
    (name, text.await)
}
