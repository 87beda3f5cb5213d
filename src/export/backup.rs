//! One file holding everything on this device (children, documents, added forms), and reading
//! such a file back as untrusted input.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::child::Child;
use crate::model::definition::parse_definition;
use crate::model::document::{restore_what_reads, Salvaged, DOCUMENT_FORMAT};
use crate::model::schema::FormDef;
use crate::model::text::Locale;

pub const BACKUP_FORMAT: &str = "family-forms/backup";
pub const BACKUP_VERSION: u32 = 1;
/// Largest backup file read (a family's whole history is far smaller).
pub const MAX_BACKUP_BYTES: usize = 20_000_000;

/// The file as written.
#[derive(Serialize, Deserialize)]
pub struct BackupFile {
    pub format: String,
    pub version: u32,
    #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
    pub created: DateTime<Utc>,
    #[serde(default)]
    pub children: Vec<Child>,
    /// Saved-document envelopes exactly as stored, so older formats restore through `restore`.
    #[serde(default)]
    pub documents: Vec<Value>,
    /// Definitions of forms added from files, as their source text.
    #[serde(default)]
    pub forms: Vec<String>,
}

/// What a backup holds once read and checked.
pub struct BackupContents {
    pub children: Vec<Child>,
    /// Each with the answers that could not be read, which it is without.
    pub documents: Vec<Salvaged>,
    pub forms: Vec<(FormDef, String)>,
    /// Entries that could not be read and were left out.
    pub skipped: usize,
}

/// Why a backup file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    TooLarge,
    NotJson,
    NotABackup,
    Newer(u32),
}

impl BackupError {
    pub fn message(&self, locale: Locale) -> String {
        let es = locale == Locale::Es;
        match self {
            BackupError::TooLarge if es => "El archivo es demasiado grande para ser una copia de seguridad.".into(),
            BackupError::TooLarge => "The file is too large to be a backup.".into(),
            BackupError::NotJson | BackupError::NotABackup if es => "Este archivo no es una copia de seguridad de Family Forms.".into(),
            BackupError::NotJson | BackupError::NotABackup => "This file is not a Family Forms backup.".into(),
            BackupError::Newer(v) if es => format!("Esta copia la hizo una versión más nueva de la aplicación (formato {v}). Actualice la aplicación."),
            BackupError::Newer(v) => format!("This backup was made by a newer version of the app (format {v}). Update the app."),
        }
    }
}

/// Writes a backup of `children`, `documents` (stored envelopes) and added `forms`.
pub fn write_backup(
    children: &[Child],
    documents: Vec<Value>,
    forms: Vec<String>,
    now: DateTime<Utc>,
) -> String {
    let file = BackupFile {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        created: now,
        children: children.to_vec(),
        documents,
        forms,
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a backup file, checking every entry; unreadable entries are counted, not fatal.
pub fn read_backup(text: &str) -> Result<BackupContents, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| BackupError::NotJson)?;
    let format = value.get("format").and_then(Value::as_str);
    // A single document's file (a saved copy) restores like a backup holding just it.
    if format == Some(DOCUMENT_FORMAT) {
        let document = restore_what_reads(text).ok();
        return Ok(BackupContents {
            children: Vec::new(),
            skipped: usize::from(document.is_none()),
            documents: document.into_iter().collect(),
            forms: Vec::new(),
        });
    }
    if format != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = value.get("version").and_then(Value::as_u64).unwrap_or(0) as u32;
    if version > BACKUP_VERSION {
        return Err(BackupError::Newer(version));
    }
    drop(value);
    // Read again from the text rather than from the tree: the reader from text is the one every
    // other read of children and documents uses, so the tree's own reader for these types is
    // never built (4.5 KB of wasm).
    let file: BackupFile = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    let mut skipped = 0;
    let documents = file
        .documents
        .iter()
        .filter_map(|v| {
            restore_what_reads(&v.to_string())
                .map_err(|_| skipped += 1)
                .ok()
        })
        .collect();
    let forms = file
        .forms
        .into_iter()
        .filter_map(|src| match parse_definition(&src) {
            Ok(def) => Some((def, src)),
            Err(_) => {
                skipped += 1;
                None
            }
        })
        .collect();
    let children = file
        .children
        .into_iter()
        .filter(|c| !c.id.is_empty() && !c.name.trim().is_empty())
        .collect();
    Ok(BackupContents {
        children,
        documents,
        forms,
        skipped,
    })
}
