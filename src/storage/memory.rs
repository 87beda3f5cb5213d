//! An in-memory store for tests, which can also be told to fail like a full device.

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::{KeyValueStore, StorageError};

/// Keeps everything in a map; `fail_writes_with` makes every write fail.
#[derive(Default)]
pub struct MemoryStore {
    map: Mutex<BTreeMap<String, String>>,
    fail_writes: Mutex<Option<StorageError>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
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
        self.lock()?.insert(key.to_string(), value.to_string());
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
