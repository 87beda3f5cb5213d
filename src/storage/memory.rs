//! An in-memory store for tests, which can also be told to fail like a full device.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::{KeyValueStore, StorageError};

/// Keeps everything in a map; `fail_writes_with` makes every write fail, and a quota makes
/// writes fail once the store is full, as a browser's does.
#[derive(Default)]
pub struct MemoryStore {
    map: Mutex<BTreeMap<String, String>>,
    fail_writes: Mutex<Option<StorageError>>,
    /// Most characters (keys and values together) the store holds, if limited.
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store that holds at most `chars` characters of keys and values, like localStorage.
    pub fn with_quota(chars: usize) -> Self {
        MemoryStore {
            quota: Some(chars),
            ..Self::default()
        }
    }

    /// Characters held now, counted as the quota counts them.
    pub fn used(&self) -> usize {
        self.lock().map(|m| held(&m)).unwrap_or(0)
    }

    /// From now on every `set` fails with `error` (or works again with `None`).
    pub fn fail_writes_with(&self, error: Option<StorageError>) {
        if let Ok(mut f) = self.fail_writes.lock() {
            *f = error;
        }
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, BTreeMap<String, String>>, StorageError> {
        self.map
            .lock()
            .map_err(|_| StorageError::Other("memory store poisoned".into()))
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.lock()?.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(e) = self.fail_writes.lock().ok().and_then(|f| f.clone()) {
            return Err(e);
        }
        let mut map = self.lock()?;
        if let Some(quota) = self.quota {
            // The entry being replaced frees its own room.
            let replaced = map.get(key).map_or(0, |old| size(key, old));
            if held(&map) - replaced + size(key, value) > quota {
                return Err(StorageError::Full);
            }
        }
        map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.lock()?.remove(key);
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        Ok(self
            .lock()?
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }
}

/// Characters held by every entry of `map`.
fn held(map: &BTreeMap<String, String>) -> usize {
    map.iter().map(|(k, v)| size(k, v)).sum()
}

/// What an entry costs against the quota.
fn size(key: &str, value: &str) -> usize {
    key.chars().count() + value.chars().count()
}
