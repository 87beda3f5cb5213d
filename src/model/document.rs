//! A filled form and the versioned envelope it is saved in. The envelope says what format and
//! version wrote it, so `restore` can migrate old saves and refuse to overwrite newer ones.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::logic::is_field_visible;
use super::schema::{Field, FormDef};
use super::text::Locale;
use super::values::{Answer, Answers};

/// Names this app's saved documents (as opposed to any other JSON).
pub const DOCUMENT_FORMAT: &str = "family-forms/document";
/// The envelope version this build writes. 1: one document per form; 2: documents belong to a
/// child (or to none) and several can exist per form.
pub const DOCUMENT_VERSION: u32 = 2;

/// One filled (or partly filled) form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub form_id: String,
    /// The child this document is about, if any.
    #[serde(default)]
    pub child_id: Option<String>,
    /// The definition version the answers were given against.
    pub form_version: u32,
    pub answers: Answers,
    #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
    pub created: DateTime<Utc>,
    #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
    pub updated: DateTime<Utc>,
    /// Goes up by one with every save; a tab holding an older revision must not overwrite.
    #[serde(default)]
    pub revision: u64,
    /// For a document saved from a received file: the id of the document it came from, on the
    /// device that sent it (or that one's own origin). A copy sent back and forth between a
    /// family and a teacher is known as the same document, so it can update the one kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Ids of questions whose answers were lost on the way (a damaged file, backup or saved
    /// entry this was read from): every copy made names them until they are answered again, so
    /// a reader never takes a lost allergy answer for one left blank. Read leniently: what is not a list of
    /// ids is dropped, never a reason to refuse the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub missing: Vec<String>,
}

impl Document {
    /// Whether `self` and `other` are copies of one document (the same one, one saved from the
    /// other, or both saved from a third).
    pub fn same_lineage(&self, other: &Document) -> bool {
        let root = |d: &Document| d.origin.clone().unwrap_or_else(|| d.id.clone());
        self.id == other.id || root(self) == root(other)
    }
}

impl Document {
    /// A new, empty document for a form.
    pub fn new(
        id: impl Into<String>,
        form_id: impl Into<String>,
        form_version: u32,
        now: DateTime<Utc>,
    ) -> Self {
        Document {
            id: id.into(),
            form_id: form_id.into(),
            child_id: None,
            form_version,
            answers: Answers::default(),
            created: now,
            updated: now,
            revision: 0,
            origin: None,
            missing: Vec::new(),
        }
    }

    /// Notes `ids` as [`Document::missing`]: those not answered, each once.
    pub fn mark_missing<'a>(&mut self, ids: impl IntoIterator<Item = &'a String>) {
        for id in ids {
            if !self.answers.is_answered(id) && !self.missing.contains(id) {
                self.missing.push(id.clone());
            }
        }
    }

    /// The ids of [`Document::missing`] still without an answer (one given since is not
    /// missing any more).
    pub fn still_missing(&self) -> Vec<String> {
        let mut ids = self.missing.clone();
        ids.retain(|id| !self.answers.is_answered(id));
        ids
    }

    /// Drops from [`Document::missing`] the questions answered since: once the person has
    /// answered one again, clearing it later leaves it unanswered, not lost.
    pub fn forget_answered_missing(&mut self) {
        let answers = &self.answers;
        self.missing.retain(|id| !answers.is_answered(id));
    }
}

/// The questions of `def` among `missing` (see [`Document::missing`]) that a reader of
/// `answers` is told were lost: shown, still unanswered, in form order. Every copy and the form
/// page name these.
pub fn lost_questions<'d>(
    def: &'d FormDef,
    answers: &Answers,
    missing: &[String],
) -> Vec<&'d Field> {
    def.fields()
        .map(|(_, f)| f)
        .filter(|f| missing.contains(&f.id) && !answers.is_answered(&f.id))
        .filter(|f| is_field_visible(def, answers, &f.id))
        .collect()
}

/// Most ids [`Document::missing`] keeps from a saved text: more than any form has questions.
const MAX_MISSING: usize = 1000;

/// A document from its JSON tree in the current shape, [`Document::missing`] read by hand:
/// the strings of a list, at most [`MAX_MISSING`] of a sane length; anything else (a hand
/// edit, a hostile file) reads as none. (By hand, as serde would ship a reader of a JSON tree
/// from a JSON tree for this one field.)
fn document_from(mut tree: Value) -> Result<Document, serde_json::Error> {
    let missing = match tree.get_mut("missing").map(Value::take) {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(id) if !id.is_empty() && id.len() <= 200 => Some(id),
                _ => None,
            })
            .take(MAX_MISSING)
            .collect(),
        _ => Vec::new(),
    };
    let mut document: Document = serde_json::from_value(tree)?;
    document.missing = missing;
    Ok(document)
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    document: Value,
}

/// Why a saved document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    NotJson,
    NotADocument,
    /// Written by a newer version of the app; kept untouched.
    Newer(u32),
    Damaged(String),
}

impl RestoreError {
    pub fn message(&self, locale: Locale) -> String {
        let es = locale == Locale::Es;
        match self {
            RestoreError::NotJson if es => "Lo guardado está dañado (no es JSON).".into(),
            RestoreError::NotJson => "The saved data is damaged (not JSON).".into(),
            RestoreError::NotADocument if es => "Esto no es un documento de Family Forms.".into(),
            RestoreError::NotADocument => "This is not a Family Forms document.".into(),
            RestoreError::Newer(v) if es => format!(
                "Esto lo guardó una versión más nueva de la aplicación (formato {v}). Actualice la aplicación para editarlo."
            ),
            RestoreError::Newer(v) => format!(
                "This was saved by a newer version of the app (format {v}). Update the app to edit it."
            ),
            // What `why` says is for a developer, in English: the person is told what to do.
            RestoreError::Damaged(_) if es => "Lo guardado está dañado y no se puede leer. Se guardó aparte, no se borró: vea Configuración para descargarlo.".into(),
            RestoreError::Damaged(_) => "The saved data is damaged and cannot be read. It was kept, not deleted: see Settings to download it.".into(),
        }
    }
}

/// The envelope as written: borrows the document, so saving (every few keystrokes) writes the
/// text straight from it instead of copying every answer into a JSON tree first.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    document: &'a Document,
}

/// Serializes a document in the current envelope.
pub fn to_saved(doc: &Document) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: DOCUMENT_FORMAT,
        version: DOCUMENT_VERSION,
        document: doc,
    })
    .unwrap_or_default()
}

/// The revision of a saved document that `restore` would read, found without reading its
/// answers: every save checks it, and a full read of a long document costs far more.
pub fn saved_revision(src: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Head {
        format: String,
        version: u32,
        document: DocumentHead,
    }
    #[derive(Deserialize)]
    struct DocumentHead {
        #[serde(default)]
        revision: u64,
    }
    match serde_json::from_str::<Head>(src) {
        Ok(head) => (head.format == DOCUMENT_FORMAT && head.version <= DOCUMENT_VERSION)
            .then_some(head.document.revision),
        // The quick read refuses what the full read may still take (a key written twice: the
        // full read keeps the last), so it asks the full read rather than miss another tab's save.
        Err(_) => restore(src).ok().map(|document| document.revision),
    }
}

/// Reads a saved document of any released version, migrating it to the current shape.
pub fn restore(src: &str) -> Result<Document, RestoreError> {
    document_from(current_document(src)?).map_err(|e| RestoreError::Damaged(e.to_string()))
}

/// The document inside a saved envelope, as a JSON tree in the current version's shape.
fn current_document(src: &str) -> Result<Value, RestoreError> {
    let value: Value = serde_json::from_str(src).map_err(|_| RestoreError::NotJson)?;
    let envelope: Envelope =
        serde_json::from_value(value).map_err(|_| RestoreError::NotADocument)?;
    if envelope.format != DOCUMENT_FORMAT {
        return Err(RestoreError::NotADocument);
    }
    if envelope.version > DOCUMENT_VERSION {
        return Err(RestoreError::Newer(envelope.version));
    }
    // One step per released version, oldest first, so every golden fixture keeps opening.
    let mut document = envelope.document;
    if envelope.version < 2 {
        document = migrate_v1_to_v2(document)?;
    }
    Ok(document)
}

/// What can still be read of a document `restore` refused as damaged.
#[derive(Clone, Debug, PartialEq)]
pub struct Salvaged {
    /// The document with every answer that reads.
    pub document: Document,
    /// The ids of the answers that do not.
    pub unreadable: Vec<String>,
}

/// Reads a damaged document answer by answer, so one answer that cannot be read (a hand edit,
/// a bug, a disk) does not take the other forty with it. `None` when the rest of it (its id,
/// form, dates, the answers as a whole) cannot be trusted.
pub fn salvage(src: &str) -> Option<Salvaged> {
    let mut document = current_document(src).ok()?;
    let Some(Value::Object(saved)) = document.get_mut("answers").map(Value::take) else {
        return None;
    };
    document["answers"] = Value::Object(Default::default());
    let mut document = document_from(document).ok()?;
    let mut unreadable = Vec::new();
    for (id, value) in saved {
        match Answer::from_json(value) {
            Ok(answer) => document.answers.set(id, answer),
            Err(_) => unreadable.push(id),
        }
    }
    document.mark_missing(&unreadable);
    Some(Salvaged {
        document,
        unreadable,
    })
}

/// [`restore`], and when it refuses a document as damaged, [`salvage`]: what a document from
/// outside (a received file, a backup) gives, with the answers that could not be read named.
pub fn restore_what_reads(src: &str) -> Result<Salvaged, RestoreError> {
    match restore(src) {
        Ok(document) => Ok(Salvaged {
            document,
            unreadable: Vec::new(),
        }),
        Err(RestoreError::Damaged(why)) => salvage(src).ok_or(RestoreError::Damaged(why)),
        Err(other) => Err(other),
    }
}

/// `document`, read without its `unreadable` answers, as it would update `kept`, the copy of it
/// this device has: each answer it could not read, or that it had lost before (its
/// [`Document::missing`]), stays as `kept` has it, instead of being cleared. What neither has
/// stays missing.
pub fn over_kept(document: &Document, unreadable: &[String], kept: &Document) -> Document {
    let mut over = document.clone();
    for id in unreadable.iter().chain(&document.missing) {
        if let Some(answer) = kept.answers.get(id) {
            over.answers.set(id.clone(), answer.clone());
        }
    }
    over.missing.clear();
    over.mark_missing(
        document
            .missing
            .iter()
            .chain(unreadable)
            .chain(&kept.missing),
    );
    over
}

/// Version 1 had one document per form and no children: it becomes a document of no child.
fn migrate_v1_to_v2(mut document: Value) -> Result<Value, RestoreError> {
    let object = document
        .as_object_mut()
        .ok_or_else(|| RestoreError::Damaged("document is not an object".into()))?;
    object.entry("child_id").or_insert(Value::Null);
    Ok(document)
}
