//! What the browser says about this site's storage: kept for good or not, how much is used.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
