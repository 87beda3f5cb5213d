//! Where things are kept on the device: a small key-value trait, so the app runs on the
//! browser's localStorage and the tests on memory (or on a store that fails on purpose).

pub mod backup;
pub mod browser;
pub mod documents;
pub mod keys;
pub mod memory;
pub mod room;

use std::fmt;

use crate::model::text::Locale;

/// Why a read or write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The device's storage for this site is full.
    Full,
    /// Storage is switched off or not allowed (some private modes).
    Unavailable,
    /// Any other refusal. What it holds is for a developer (the browser's exception, in
    /// English), so the person's message does not show it.
    Other(String),
}

impl StorageError {
    /// Why a save did not happen, in the person's language, for a save that had nothing typed
    /// on the page (adding a form from a file, deleting, bringing something back).
    pub fn reason(&self, locale: Locale) -> &'static str {
        let es = locale == Locale::Es;
        match self {
            StorageError::Full if es => {
                "No se pudo guardar: el espacio de este aparato está lleno."
            }
            StorageError::Full => "Could not save: this device's storage is full.",
            StorageError::Unavailable if es => {
                "No se pudo guardar: este navegador no permite guardar (¿modo privado?)."
            }
            StorageError::Unavailable => {
                "Could not save: this browser does not allow saving (private mode?)."
            }
            StorageError::Other(_) if es => "No se pudo guardar en este momento.",
            StorageError::Other(_) => "Could not save just now.",
        }
    }

    /// What to tell the person when what she typed could not be saved, in her language.
    pub fn message(&self, locale: Locale) -> String {
        let still_here = match locale {
            Locale::Es => "Sus respuestas siguen en esta página.",
            Locale::En => "Your answers are still on this page.",
        };
        format!("{} {still_here}", self.reason(locale))
    }

    /// What to tell the person when restoring a backup stopped on this error: there are no
    /// answers on the page then, and restoring the same file again finishes the work.
    pub fn restore_message(&self, locale: Locale) -> String {
        let es = locale == Locale::Es;
        match self {
            StorageError::Full if es => "La copia de seguridad no se recuperó por completo: el espacio de este aparato está lleno. Libere espacio y vuelva a recuperar el mismo archivo: lo que ya volvió no se agrega dos veces.".into(),
            StorageError::Full => "The backup was not restored completely: this device's storage is full. Free some room, then restore the same file again: what is already back is not added twice.".into(),
            StorageError::Unavailable if es => "No se pudo recuperar la copia de seguridad: este navegador no permite guardar (¿modo privado?).".into(),
            StorageError::Unavailable => "The backup could not be restored: this browser does not allow saving (private mode?).".into(),
            StorageError::Other(_) if es => "La copia de seguridad no se recuperó por completo en este momento. Vuelva a recuperar el mismo archivo: lo que ya volvió no se agrega dos veces.".into(),
            StorageError::Other(_) => "The backup was not restored completely just now. Restore the same file again: what is already back is not added twice.".into(),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

/// A string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key that starts with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;

    /// Every value stored under `prefix`, in key order; keys that cannot be read are skipped.
    fn values_with_prefix(&self, prefix: &str) -> Vec<String> {
        let mut keys = self.keys_with_prefix(prefix).unwrap_or_default();
        crate::model::sorting::sort(&mut keys);
        keys.iter()
            .filter_map(|k| self.get(k).ok().flatten())
            .collect()
    }
}
