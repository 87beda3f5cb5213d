//! Loading and saving a form's document through the store, so that a damaged or newer saved
//! entry is never overwritten.

use chrono::Utc;

use super::{keys, KeyValueStore, StorageError};
use crate::model::document::{restore, to_saved, Document, RestoreError};
use crate::model::schema::FormDef;

/// What opening a form's saved document found.
pub struct Loaded {
    pub document: Document,
    /// Something the person must be told about (a damaged entry set aside, a newer format).
    pub problem: Option<RestoreError>,
    /// Saving would destroy data the app cannot read (written by a newer version).
    pub read_only: bool,
}

/// Opens the document for `def` (one per form for now), or a new empty one.
pub fn load_document(
    store: &dyn KeyValueStore,
    def: &FormDef,
    now: chrono::DateTime<Utc>,
) -> Loaded {
    let key = keys::document(&def.id);
    let fresh = || Document::new(def.id.clone(), def.id.clone(), def.version, now);
    match store.get(&key) {
        Ok(None) | Err(_) => Loaded {
            document: fresh(),
            problem: None,
            read_only: false,
        },
        Ok(Some(src)) => match restore(&src) {
            Ok(document) => Loaded {
                document,
                problem: None,
                read_only: false,
            },
            Err(e @ RestoreError::Newer(_)) => Loaded {
                document: fresh(),
                problem: Some(e),
                read_only: true,
            },
            Err(e) => {
                // Keep the damaged text under a recovery key before anything can overwrite it;
                // if even that fails, refuse to save over it.
                let aside = keys::recovery(&def.id, now.timestamp_millis());
                let kept = store.set(&aside, &src).is_ok() && store.remove(&key).is_ok();
                Loaded {
                    document: fresh(),
                    problem: Some(e),
                    read_only: !kept,
                }
            }
        },
    }
}

/// Saves `document`, stamping its time and revision.
pub fn save_document(
    store: &dyn KeyValueStore,
    document: &mut Document,
    now: chrono::DateTime<Utc>,
) -> Result<(), StorageError> {
    let mut next = document.clone();
    next.updated = now;
    next.revision += 1;
    store.set(&keys::document(&next.id), &to_saved(&next))?;
    *document = next;
    Ok(())
}
