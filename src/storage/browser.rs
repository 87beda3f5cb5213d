//! The browser's localStorage, through gloo-storage, with every failure turned into a
//! [`StorageError`] instead of a panic.

use gloo_storage::{LocalStorage, Storage};

use super::{KeyValueStore, StorageError};

/// localStorage of this origin.
#[derive(Clone, Copy, Default)]
pub struct BrowserStore;

/// Names a failed write from the exception the browser threw (`QuotaExceededError`…).
fn convert(js: wasm_bindgen::JsValue) -> StorageError {
    let field = |name: &str| {
        js_sys::Reflect::get(&js, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (field("name"), field("message"));
    if name.contains("Quota") || message.to_ascii_lowercase().contains("quota") {
        StorageError::Full
    } else if name.contains("Security") {
        StorageError::Unavailable
    } else {
        // The person is told in her language; the browser's own words go to the console.
        web_sys::console::warn_1(&js);
        StorageError::Other(format!("{name} {message}").trim().to_string())
    }
}

/// Raw localStorage, or `Unavailable` where the browser refuses it.
fn raw() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        // Raw strings: gloo's typed `get` would parse JSON, and a damaged entry must still be
        // readable as text so it can be offered back to the person.
        raw()?.get_item(key).map_err(|_| StorageError::Unavailable)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        raw()?;
        LocalStorage::raw().set_item(key, value).map_err(convert)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        raw()?.remove_item(key).map_err(convert)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        let storage = raw()?;
        let len = storage.length().map_err(|_| StorageError::Unavailable)?;
        Ok((0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect())
    }
}
