//! Documents and children in the store: opening, listing, saving with a revision check so a
//! stale tab never overwrites newer data, and setting aside what cannot be read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{keys, KeyValueStore, StorageError};
use crate::model::child::{prefill, Child};
use crate::model::document::{
    restore, salvage, saved_revision, to_saved, Document, RestoreError, Salvaged,
};
use crate::model::schema::FormDef;
use crate::model::sorting::{sort_by, sort_by_cached_key};

/// What opening a saved document found.
pub struct Loaded {
    pub document: Document,
    /// Something the person must be told about (a damaged entry set aside, a newer format).
    pub problem: Option<RestoreError>,
    /// Saving would destroy data the app cannot read (written by a newer version).
    pub read_only: bool,
    /// A damaged entry opened with what could be read: the ids of the answers left out.
    pub unreadable: Vec<String>,
}

/// Opens document `id`: `None` when there is no such document. A damaged entry is copied
/// under a recovery key first and then replaced by what can still be read of it (see
/// [`keep_aside`]), or by an empty document of `def`; an entry from a newer app version opens
/// read-only so it is never overwritten.
pub fn open_document(
    store: &dyn KeyValueStore,
    id: &str,
    def: &FormDef,
    now: DateTime<Utc>,
) -> Option<Loaded> {
    let key = keys::document(id);
    let src = store.get(&key).ok().flatten()?;
    let fresh = || Document::new(id, def.id.clone(), def.version, now);
    Some(match restore(&src) {
        Ok(document) => Loaded {
            document,
            problem: None,
            read_only: false,
            unreadable: Vec::new(),
        },
        Err(e @ RestoreError::Newer(_)) => Loaded {
            document: fresh(),
            problem: Some(e),
            read_only: true,
            unreadable: Vec::new(),
        },
        Err(e) => match keep_aside(store, id, &src, now) {
            Some(Some(salvaged)) => Loaded {
                document: salvaged.document,
                problem: Some(e),
                read_only: false,
                unreadable: salvaged.unreadable,
            },
            kept => Loaded {
                document: fresh(),
                problem: Some(e),
                read_only: kept.is_none(),
                unreadable: Vec::new(),
            },
        },
    })
}

/// Keeps damaged document `id` (its saved text `src`) aside under a recovery key, word for
/// word, for Settings to offer as a download, and puts in its place what can still be read of
/// it: every answer that reads (`salvage`), so the form is still on home with them. A document
/// with nothing to trust is removed instead. `None` when it could not be kept aside (then
/// nothing is touched); `Some(None)` when nothing of it could be read.
fn keep_aside(
    store: &dyn KeyValueStore,
    id: &str,
    src: &str,
    now: DateTime<Utc>,
) -> Option<Option<Salvaged>> {
    store
        .set(&keys::recovery(id, now.timestamp_millis()), src)
        .ok()?;
    let key = keys::document(id);
    invalidate_summary(store, id);
    // On a full device the readable part may not fit beside the copy kept aside: then the
    // entry goes, as one that cannot be read at all does, so it is not kept aside again and
    // again at every start.
    let salvaged = salvage(src)
        .filter(|s| s.document.id == id && store.set(&key, &to_saved(&s.document)).is_ok());
    if salvaged.is_none() {
        store.remove(&key).ok()?;
    }
    Some(salvaged)
}

/// Moves every saved document that cannot be read (not one from a newer version, which is left
/// as it is), and a list of children that cannot be read, under a recovery key, so the app
/// starts clean, nothing is written over them, and the person can download them.
/// Returns how many entries are kept aside in all.
pub fn set_aside_damaged(store: &dyn KeyValueStore, now: DateTime<Utc>) -> usize {
    if let Some(src) = store.get(keys::CHILDREN).ok().flatten() {
        if read_children(&src).is_none()
            && store
                .set(&keys::recovery("children", now.timestamp_millis()), &src)
                .is_ok()
        {
            // Every child who still reads stays on home, with their documents.
            match salvage_children(&src) {
                Some((children, _)) if save_children(store, &children).is_ok() => {}
                _ => {
                    let _ = store.remove(keys::CHILDREN);
                }
            }
        }
    }
    for key in store
        .keys_with_prefix(keys::DOCUMENT_PREFIX)
        .unwrap_or_default()
    {
        let Some(src) = store.get(&key).ok().flatten() else {
            continue;
        };
        match restore(&src) {
            Ok(_) | Err(RestoreError::Newer(_)) => {}
            Err(_) => {
                keep_aside(
                    store,
                    key.trim_start_matches(keys::DOCUMENT_PREFIX),
                    &src,
                    now,
                );
            }
        }
    }
    store
        .keys_with_prefix(keys::RECOVERY_PREFIX)
        .map_or(0, |k| k.len())
}

/// What an entry kept aside was, for Settings to say beside its download.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptAside {
    /// The list of children, with how many of them could not be read (every other one is
    /// back in the list), or `None` when none of it could be.
    Children { unreadable: Option<usize> },
    /// A document's earlier versions, with the document they are of, where it still reads.
    Versions { of: Option<Box<Document>> },
    /// A document, with the ids of the answers that could not be read: every other answer is
    /// in the document put back in its place.
    Document {
        document: Box<Document>,
        unreadable: Vec<String>,
    },
    /// Nothing of it could be read.
    Unreadable,
}

/// The keys of the entries kept aside (see `keys::recovery`), the most recent first, as
/// Settings lists them: the browser gives its keys in no order a person could follow.
pub fn kept_aside_keys(store: &dyn KeyValueStore) -> Vec<String> {
    let mut found = store
        .keys_with_prefix(keys::RECOVERY_PREFIX)
        .unwrap_or_default();
    sort_by_cached_key(&mut found, |key| {
        let when: i64 = key
            .rsplit_once(':')
            .and_then(|(_, millis)| millis.parse().ok())
            .unwrap_or(0);
        std::cmp::Reverse((when, key.clone()))
    });
    found
}

/// What the entry kept aside under `key` (see `keys::recovery`) was, and when it was kept
/// aside.
pub fn describe_kept_aside(
    store: &dyn KeyValueStore,
    key: &str,
) -> (KeptAside, Option<DateTime<Utc>>) {
    let src = store.get(key).ok().flatten().unwrap_or_default();
    let src = src.as_str();
    let (id, millis) = key
        .trim_start_matches(keys::RECOVERY_PREFIX)
        .rsplit_once(':')
        .unwrap_or_default();
    let when = millis
        .parse()
        .ok()
        .and_then(DateTime::from_timestamp_millis);
    let what = if id == "children" {
        KeptAside::Children {
            unreadable: salvage_children(src).map(|(_, lost)| lost),
        }
    } else if let Some(of) = id.strip_suffix("-versions") {
        KeptAside::Versions {
            of: store
                .get(&keys::document(of))
                .ok()
                .flatten()
                .and_then(|doc| restore(&doc).ok())
                .map(Box::new),
        }
    } else if let Some(s) = salvage(src) {
        KeptAside::Document {
            document: Box::new(s.document),
            unreadable: s.unreadable,
        }
    } else {
        KeptAside::Unreadable
    };
    (what, when)
}

/// What home shows of a document. Kept beside it (a cache, dropped on every write) so home
/// reads a few hundred bytes per document instead of every whole document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSummary {
    pub id: String,
    pub form_id: String,
    pub child_id: Option<String>,
    #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
    pub updated: DateTime<Utc>,
    pub revision: u64,
    pub percent: u32,
    pub required_left: usize,
    /// The child's name as typed in the form, so documents of no child (a teacher's received
    /// files) can be told apart. Required: a summary cached before it existed is rebuilt.
    pub child_name: String,
    /// The dates the form marks as reminders (a meeting, a review), past ones too: whether one
    /// is still ahead is decided on the day home is read. Required, as `child_name`.
    pub reminders: Vec<crate::model::reminders::Reminder>,
}

impl DocSummary {
    /// The summary of `doc` filled against `def`.
    pub fn of(doc: &Document, def: &FormDef) -> Self {
        let (_, p) = crate::model::progress::progress(def, &doc.answers);
        DocSummary {
            id: doc.id.clone(),
            form_id: doc.form_id.clone(),
            child_id: doc.child_id.clone(),
            updated: doc.updated,
            revision: doc.revision,
            percent: p.percent(),
            required_left: p.required_left,
            child_name: crate::model::child::typed_child_name(def, &doc.answers),
            reminders: crate::model::reminders::reminders(def, &doc.answers),
        }
    }
}

/// The id of the section document `id` was last open at, if it was kept.
pub fn last_section(store: &dyn KeyValueStore, id: &str) -> Option<String> {
    store.get(&keys::place(id)).ok().flatten()
}

/// Keeps the section document `id` is open at. A failure is ignored: losing the place costs a
/// few taps, and the answers are saved on their own path with its own error.
pub fn remember_section(store: &dyn KeyValueStore, id: &str, section_id: &str) {
    let _ = store.set(&keys::place(id), section_id);
}

/// Drops the cached summary of document `id`: called by every path that writes or removes it.
pub fn invalidate_summary(store: &dyn KeyValueStore, id: &str) {
    let _ = store.remove(&keys::summary(id));
}

/// A summary of every readable document whose form `find_form` knows, most recent first.
/// Missing summaries are computed from the document and cached.
pub fn list_summaries(
    store: &dyn KeyValueStore,
    find_form: impl Fn(&str) -> Option<std::sync::Arc<FormDef>>,
) -> Vec<DocSummary> {
    let mut out: Vec<DocSummary> = Vec::new();
    for key in store
        .keys_with_prefix(keys::DOCUMENT_PREFIX)
        .unwrap_or_default()
    {
        let id = key.trim_start_matches(keys::DOCUMENT_PREFIX);
        let cached = store
            .get(&keys::summary(id))
            .ok()
            .flatten()
            .and_then(|src| serde_json::from_str::<DocSummary>(&src).ok());
        if let Some(summary) = cached {
            out.push(summary);
            continue;
        }
        let Some(doc) = store
            .get(&key)
            .ok()
            .flatten()
            .and_then(|src| restore(&src).ok())
        else {
            continue;
        };
        let Some(def) = find_form(&doc.form_id) else {
            continue;
        };
        let summary = DocSummary::of(&doc, &def);
        if let Ok(text) = serde_json::to_string(&summary) {
            let _ = store.set(&keys::summary(id), &text);
        }
        out.push(summary);
    }
    sort_by(&mut out, |a, b| {
        b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// Every readable document, most recently edited first.
pub fn list_documents(store: &dyn KeyValueStore) -> Vec<Document> {
    let mut docs: Vec<Document> = store
        .values_with_prefix(keys::DOCUMENT_PREFIX)
        .iter()
        .filter_map(|src| restore(src).ok())
        .collect();
    sort_by(&mut docs, |a, b| {
        b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id))
    });
    docs
}

/// Starts and saves a new document of `def`, pre-filled from `child`'s profile.
pub fn create_document(
    store: &dyn KeyValueStore,
    def: &FormDef,
    child: Option<&Child>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Document, StorageError> {
    let mut doc = Document::new(id, def.id.clone(), def.version, now);
    if let Some(child) = child {
        doc.child_id = Some(child.id.clone());
        doc.answers = prefill(def, child);
    }
    store.set(&keys::document(id), &to_saved(&doc))?;
    invalidate_summary(store, id);
    Ok(doc)
}

/// "Start a new one from this one": a copy with a new id, saved. It is a new document, not a
/// copy of the same one, so it has no origin.
pub fn duplicate_document(
    store: &dyn KeyValueStore,
    source: &Document,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Document, StorageError> {
    save_new(
        store,
        Document {
            id: id.to_string(),
            created: now,
            updated: now,
            revision: 0,
            origin: None,
            ..source.clone()
        },
    )
}

/// Keeps a received document on this device as a new document of no child, remembering where
/// it came from (see [`Document::origin`]). `id` must be new: an existing document is never
/// overwritten (the call fails instead).
pub fn save_received(
    store: &dyn KeyValueStore,
    received: &Document,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Document, StorageError> {
    if store.get(&keys::document(id))?.is_some() {
        return Err(StorageError::Other(
            "a document with this id already exists".into(),
        ));
    }
    let origin = received
        .origin
        .clone()
        .unwrap_or_else(|| received.id.clone());
    save_new(
        store,
        Document {
            id: id.to_string(),
            child_id: None,
            created: now,
            updated: now,
            revision: 0,
            origin: Some(origin),
            ..received.clone()
        },
    )
}

fn save_new(store: &dyn KeyValueStore, doc: Document) -> Result<Document, StorageError> {
    store.set(&keys::document(&doc.id), &to_saved(&doc))?;
    invalidate_summary(store, &doc.id);
    Ok(doc)
}

/// The copy of `received` this device keeps, if any: the same document, the one it was saved
/// from, or another copy of that one (the most recently edited, if several).
pub fn kept_copy_of(store: &dyn KeyValueStore, received: &Document) -> Option<Document> {
    kept_copy_among(&list_documents(store), received).cloned()
}

/// [`kept_copy_of`] among documents already listed (for several received files at once).
pub fn kept_copy_among<'d>(documents: &'d [Document], received: &Document) -> Option<&'d Document> {
    documents
        .iter()
        .find(|d| d.form_id == received.form_id && d.same_lineage(received))
}

/// Puts `received`'s answers into `kept`, the copy this device keeps (found by
/// [`kept_copy_of`]; it keeps its child, its place on home and its id). Its answers until now
/// are kept first among its earlier versions, so nothing is lost and "Earlier versions" can
/// bring them back. If it was saved elsewhere since it was read (another tab), nothing changes
/// and the save says so.
pub fn update_from_received(
    store: &dyn KeyValueStore,
    mut kept: Document,
    received: &Document,
    now: DateTime<Utc>,
) -> Result<Document, SaveError> {
    super::backup::remember_version(store, &kept, true);
    kept.answers = received.answers.clone();
    kept.form_version = received.form_version;
    save_document(store, &mut kept, now)?;
    Ok(kept)
}

/// Why a save did not happen.
#[derive(Debug, PartialEq)]
pub enum SaveError {
    Storage(StorageError),
    /// Another tab saved a newer revision; nothing was overwritten. Holds that version.
    Conflict(Box<Document>),
}

/// Saves `document` unless the stored copy is newer (another tab), stamping time and revision.
pub fn save_document(
    store: &dyn KeyValueStore,
    document: &mut Document,
    now: DateTime<Utc>,
) -> Result<Saved, SaveError> {
    let key = keys::document(&document.id);
    if let Some(src) = store.get(&key).map_err(SaveError::Storage)? {
        // Only the revision is read, unless it is newer than ours (another tab saved).
        if saved_revision(&src).is_some_and(|r| r > document.revision) {
            match restore(&src) {
                Ok(stored) => return Err(SaveError::Conflict(Box::new(stored))),
                // Newer but damaged: kept aside (Settings offers it) before it is replaced; if
                // even that cannot be written, nothing is.
                Err(_) => store
                    .set(&keys::recovery(&document.id, now.timestamp_millis()), &src)
                    .map_err(SaveError::Storage)?,
            }
        }
    }
    let previous = (document.updated, document.revision);
    document.updated = now;
    document.revision += 1;
    document.forget_answered_missing();
    let text = to_saved(document);
    let mut outcome = Saved::Plainly;
    let mut result = store.set(&key, &text);
    // A full device: what is being typed matters more than older versions of it, so those
    // make room, a few at first, then all.
    for keep in [super::backup::HISTORY_LEN / 4, 0] {
        if result != Err(StorageError::Full) {
            break;
        }
        if super::backup::trim_versions(store, keep) {
            outcome = Saved::AfterMakingRoom;
            result = store.set(&key, &text);
        }
    }
    if let Err(e) = result {
        // Not saved: the document stays as it was, answers included.
        (document.updated, document.revision) = previous;
        return Err(SaveError::Storage(e));
    }
    invalidate_summary(store, &document.id);
    super::backup::remember_version(store, document, false);
    Ok(outcome)
}

/// How a save went, when it worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// As usual.
    Plainly,
    /// The device was full: older versions of documents were removed to make room.
    AfterMakingRoom,
}

#[derive(Serialize, Deserialize)]
struct ChildrenFile {
    format: String,
    version: u32,
    children: Vec<Child>,
}

const CHILDREN_FORMAT: &str = "family-forms/children";

/// Whether the device holds something the person typed: a document or the list of children.
/// Worth asking the browser to keep (see `ui::keep_data`); a first visit that only looked
/// around holds nothing.
pub fn holds_saved_work(store: &dyn KeyValueStore) -> bool {
    store
        .keys_with_prefix(keys::DOCUMENT_PREFIX)
        .is_ok_and(|k| !k.is_empty())
        || store.get(keys::CHILDREN).is_ok_and(|c| c.is_some())
}

/// The family's children, in the order they were added.
pub fn load_children(store: &dyn KeyValueStore) -> Vec<Child> {
    store
        .get(keys::CHILDREN)
        .ok()
        .flatten()
        .and_then(|src| read_children(&src))
        .unwrap_or_default()
}

/// The children in a saved list; `None` when it cannot be read.
fn read_children(src: &str) -> Option<Vec<Child>> {
    serde_json::from_str::<ChildrenFile>(src)
        .ok()
        .filter(|f| f.format == CHILDREN_FORMAT)
        .map(|f| f.children)
}

/// The children of a list `read_children` refused that still read, one by one, and how many
/// did not. `None` when the list as a whole cannot be read, or no child in it can.
fn salvage_children(src: &str) -> Option<(Vec<Child>, usize)> {
    let Ok(serde_json::Value::Object(mut file)) = serde_json::from_str(src) else {
        return None;
    };
    if file.get("format").and_then(serde_json::Value::as_str) != Some(CHILDREN_FORMAT) {
        return None;
    }
    let Some(serde_json::Value::Array(entries)) = file.remove("children") else {
        return None;
    };
    let total = entries.len();
    let children: Vec<Child> = entries
        .into_iter()
        // Read from text, as the whole list is, so the wasm carries one reader of a child
        // instead of two (2.4 KB raw less).
        .filter_map(|entry| serde_json::from_str(&entry.to_string()).ok())
        .collect();
    (!children.is_empty()).then(|| {
        let lost = total - children.len();
        (children, lost)
    })
}

/// Saves `child`'s profile: a new child is added at the end, a known one (by id) replaced in
/// place. The list is read again from storage first, so a tab opened before another tab added
/// or changed a child keeps that change instead of writing its own older list over it.
/// Returns the list as saved.
pub fn put_child(store: &dyn KeyValueStore, child: Child) -> Result<Vec<Child>, StorageError> {
    let mut children = load_children(store);
    match children.iter_mut().find(|c| c.id == child.id) {
        Some(kept) => *kept = child,
        None => children.push(child),
    }
    save_children(store, &children)?;
    Ok(children)
}

/// Saves the list of children.
pub fn save_children(store: &dyn KeyValueStore, children: &[Child]) -> Result<(), StorageError> {
    let file = ChildrenFile {
        format: CHILDREN_FORMAT.into(),
        version: 1,
        children: children.to_vec(),
    };
    let text = serde_json::to_string(&file).map_err(|e| StorageError::Other(e.to_string()))?;
    store.set(keys::CHILDREN, &text)
}
