//! Backup, history and trash on top of the store.

use crate::model::sorting::sort_by;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::documents::{invalidate_summary, list_documents, load_children, save_children};
use super::{keys, KeyValueStore, StorageError};
use crate::export::backup::{read_backup, write_backup, BackupError};
use crate::model::child::Child;
use crate::model::document::{over_kept, restore, to_saved, Document, RestoreError, Salvaged};
use crate::model::values::Answers;

/// Everything on this device as one backup file.
pub fn backup_everything(store: &dyn KeyValueStore, now: DateTime<Utc>) -> String {
    let documents = store
        .values_with_prefix(keys::DOCUMENT_PREFIX)
        .iter()
        .filter_map(|src| serde_json::from_str::<Value>(src).ok())
        .collect();
    write_backup(
        &load_children(store),
        documents,
        store.values_with_prefix(keys::ADDED_FORM_PREFIX),
        now,
    )
}

/// What restoring a backup did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    pub children_added: usize,
    pub documents_added: usize,
    pub documents_updated: usize,
    /// Documents left as they are because this device's copy is as new or newer.
    pub documents_kept: usize,
    pub forms_added: usize,
    pub skipped: usize,
    /// Answers of documents restored that the backup held but could not read, and this device
    /// did not have either: the documents are back without them.
    pub answers_left_out: usize,
}

/// Merges a backup into the store: adds what is missing, replaces only what is older here, and
/// never an entry it cannot read (one from a newer app stays; a damaged one is set aside first).
pub fn restore_backup(
    store: &dyn KeyValueStore,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Result<RestoreReport, StorageError>, BackupError> {
    let contents = read_backup(text)?;
    Ok((|| {
        let mut report = RestoreReport {
            skipped: contents.skipped,
            ..Default::default()
        };
        let mut children = load_children(store);
        for child in contents.children {
            if !children.iter().any(|c| c.id == child.id) {
                children.push(child);
                report.children_added += 1;
            }
        }
        save_children(store, &children)?;
        for Salvaged {
            document: doc,
            unreadable,
        } in contents.documents
        {
            let key = keys::document(&doc.id);
            let Some(src) = store.get(&key)? else {
                store.set(&key, &to_saved(&doc))?;
                invalidate_summary(store, &doc.id);
                report.documents_added += 1;
                report.answers_left_out += unreadable.len();
                continue;
            };
            match restore(&src) {
                Ok(h) if (h.revision, h.updated) >= (doc.revision, doc.updated) => {
                    report.documents_kept += 1
                }
                // Saved by a newer version of the app: it cannot be compared, so it stays.
                Err(RestoreError::Newer(_)) => report.documents_kept += 1,
                readable_or_damaged => {
                    // An answer the backup could not read stays as this device has it.
                    let doc = match &readable_or_damaged {
                        Ok(here) => over_kept(&doc, &unreadable, here),
                        Err(_) => doc,
                    };
                    report.answers_left_out += unreadable
                        .iter()
                        .filter(|id| doc.answers.get(id).is_none())
                        .count();
                    if readable_or_damaged.is_err() {
                        // Damaged: kept aside (Settings offers it) before it is replaced.
                        store.set(&keys::recovery(&doc.id, now.timestamp_millis()), &src)?;
                    }
                    store.set(&key, &to_saved(&doc))?;
                    invalidate_summary(store, &doc.id);
                    report.documents_updated += 1;
                }
            }
        }
        for (def, src) in contents.forms {
            let key = keys::added_form(&def.id);
            if store.get(&key)?.is_none() {
                store.set(&key, &src)?;
                report.forms_added += 1;
            }
        }
        Ok(report)
    })())
}

/// One saved version of a document's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    pub revision: u64,
    #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
    pub saved: DateTime<Utc>,
    pub answers: Answers,
}

/// How many versions are kept per document.
pub const HISTORY_LEN: usize = 20;
/// A new version is kept when the last one is older than this, so a burst of typing makes one
/// version, not twenty.
pub const HISTORY_GAP: Duration = Duration::minutes(2);

/// The kept versions of document `id`, newest first.
pub fn history(store: &dyn KeyValueStore, id: &str) -> Vec<Revision> {
    store
        .get(&keys::history(id))
        .ok()
        .flatten()
        .and_then(|src| serde_json::from_str(&src).ok())
        .unwrap_or_default()
}

/// When the newest kept version of document `id` was saved. Reads only the first entry of the
/// list (the newest): the visitor keeps what it read before serde_json goes on to complain
/// that it stopped early, and that complaint is ignored.
fn last_version_saved(store: &dyn KeyValueStore, id: &str) -> Option<DateTime<Utc>> {
    use serde::de::{Deserializer as _, SeqAccess, Visitor};

    #[derive(Deserialize)]
    struct Head {
        #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
        saved: DateTime<Utc>,
    }
    struct First<'a>(&'a mut Option<DateTime<Utc>>);
    impl<'de> Visitor<'de> for First<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of versions")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            *self.0 = seq.next_element::<Head>()?.map(|h| h.saved);
            Ok(())
        }
    }

    let src = store.get(&keys::history(id)).ok().flatten()?;
    let mut newest = None;
    let _ = serde_json::Deserializer::from_str(&src).deserialize_seq(First(&mut newest));
    newest
}

/// Records `doc` as a version if the last one is old enough (or `force`, before a restore).
/// A failure here never stops the save itself.
pub fn remember_version(store: &dyn KeyValueStore, doc: &Document, force: bool) {
    // Every save comes here; most are within the gap of the last version, and that is known
    // from the newest version's time alone, without reading twenty versions' answers.
    if !force && last_version_saved(store, &doc.id).is_some_and(|t| doc.updated - t < HISTORY_GAP) {
        return;
    }
    let key = keys::history(&doc.id);
    let mut versions: Vec<Revision> = match store.get(&key).ok().flatten() {
        None => Vec::new(),
        Some(src) => match serde_json::from_str(&src) {
            Ok(versions) => versions,
            // Damaged: kept aside (Settings offers it) before a new list takes its place.
            Err(_) => {
                let aside = keys::recovery(
                    &format!("{}-versions", doc.id),
                    doc.updated.timestamp_millis(),
                );
                if store.set(&aside, &src).is_err() {
                    return;
                }
                Vec::new()
            }
        },
    };
    if let Some(last) = versions.first() {
        // (The two-minute gap was settled above, from the same newest entry.)
        if last.answers == doc.answers {
            return;
        }
    }
    versions.insert(
        0,
        Revision {
            revision: doc.revision,
            saved: doc.updated,
            answers: doc.answers.clone(),
        },
    );
    versions.truncate(HISTORY_LEN);
    if let Ok(text) = serde_json::to_string(&versions) {
        let _ = store.set(&key, &text);
    }
}

/// Frees room for answers that did not fit: each document's kept versions are cut to its
/// newest `keep` (all of them go at 0), and home's summaries go (they are rebuilt when read).
/// Answers, children, the trash and set-aside damaged data are never touched. Whether anything
/// was freed.
pub fn trim_versions(store: &dyn KeyValueStore, keep: usize) -> bool {
    let mut freed = false;
    for key in store
        .keys_with_prefix(keys::SUMMARY_PREFIX)
        .unwrap_or_default()
    {
        freed |= store.remove(&key).is_ok();
    }
    for key in store
        .keys_with_prefix(keys::HISTORY_PREFIX)
        .unwrap_or_default()
    {
        let mut versions = history(store, key.trim_start_matches(keys::HISTORY_PREFIX));
        if keep > 0 && versions.len() <= keep {
            continue;
        }
        versions.truncate(keep);
        // A shorter list that cannot be written (or none at all) means the whole key goes.
        let rewritten = keep > 0
            && serde_json::to_string(&versions).is_ok_and(|text| store.set(&key, &text).is_ok());
        freed |= rewritten || store.remove(&key).is_ok();
    }
    freed
}

/// Something deleted that can be brought back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrashEntry {
    pub id: String,
    #[serde(deserialize_with = "crate::model::dates::read_timestamp")]
    pub deleted: DateTime<Utc>,
    /// Set when a child was deleted (with all their documents).
    pub child: Option<Child>,
    /// Stored document envelopes.
    pub documents: Vec<String>,
}

/// Moves document `id` to the trash.
pub fn trash_document(
    store: &dyn KeyValueStore,
    id: &str,
    now: DateTime<Utc>,
) -> Result<TrashEntry, StorageError> {
    let key = keys::document(id);
    let src = store.get(&key)?.unwrap_or_default();
    let entry = TrashEntry {
        id: format!("doc-{id}"),
        deleted: now,
        child: None,
        documents: vec![src],
    };
    put_in_trash(store, &entry)?;
    store.remove(&key)?;
    invalidate_summary(store, id);
    Ok(entry)
}

/// Moves a child and all their documents to the trash.
pub fn trash_child(
    store: &dyn KeyValueStore,
    child_id: &str,
    now: DateTime<Utc>,
) -> Result<TrashEntry, StorageError> {
    let mut children = load_children(store);
    let Some(pos) = children.iter().position(|c| c.id == child_id) else {
        return Err(StorageError::Other("no such child".into()));
    };
    let docs: Vec<Document> = list_documents(store)
        .into_iter()
        .filter(|d| d.child_id.as_deref() == Some(child_id))
        .collect();
    let entry = TrashEntry {
        id: format!("child-{child_id}"),
        deleted: now,
        child: Some(children[pos].clone()),
        documents: docs.iter().map(to_saved).collect(),
    };
    put_in_trash(store, &entry)?;
    children.remove(pos);
    save_children(store, &children)?;
    for d in docs {
        store.remove(&keys::document(&d.id))?;
        invalidate_summary(store, &d.id);
    }
    Ok(entry)
}

/// Deletes document `id` for good, its versions and saved place too, without a copy in the
/// trash: for a device too full to hold one, when the person agrees, since deleting is how
/// she makes room.
pub fn delete_document_for_good(store: &dyn KeyValueStore, id: &str) -> Result<(), StorageError> {
    store.remove(&keys::document(id))?;
    store.remove(&keys::history(id))?;
    store.remove(&keys::place(id))?;
    invalidate_summary(store, id);
    Ok(())
}

/// Deletes a child and all their documents for good (see [`delete_document_for_good`]). The
/// documents go first, so the shorter list of children has room to be written.
pub fn delete_child_for_good(
    store: &dyn KeyValueStore,
    child_id: &str,
) -> Result<(), StorageError> {
    for doc in list_documents(store)
        .into_iter()
        .filter(|d| d.child_id.as_deref() == Some(child_id))
    {
        delete_document_for_good(store, &doc.id)?;
    }
    let mut children = load_children(store);
    children.retain(|c| c.id != child_id);
    save_children(store, &children)
}

fn put_in_trash(store: &dyn KeyValueStore, entry: &TrashEntry) -> Result<(), StorageError> {
    let text = serde_json::to_string(entry).map_err(|e| StorageError::Other(e.to_string()))?;
    store.set(&keys::trash(&entry.id), &text)
}

/// Everything in the trash, most recently deleted first.
pub fn trash_entries(store: &dyn KeyValueStore) -> Vec<TrashEntry> {
    let mut entries: Vec<TrashEntry> = store
        .values_with_prefix(keys::TRASH_PREFIX)
        .iter()
        .filter_map(|src| serde_json::from_str(src).ok())
        .collect();
    // A full order (ties broken by id): the same result whatever the sort.
    sort_by(&mut entries, |a, b| {
        b.deleted.cmp(&a.deleted).then_with(|| a.id.cmp(&b.id))
    });
    entries
}

/// Brings a trash entry back (never over a document that exists again in the meantime).
pub fn untrash(store: &dyn KeyValueStore, entry_id: &str) -> Result<(), StorageError> {
    let key = keys::trash(entry_id);
    let Some(entry) = store
        .get(&key)?
        .and_then(|src| serde_json::from_str::<TrashEntry>(&src).ok())
    else {
        return Ok(());
    };
    if let Some(child) = entry.child {
        let mut children = load_children(store);
        if !children.iter().any(|c| c.id == child.id) {
            children.push(child);
            save_children(store, &children)?;
        }
    }
    for src in &entry.documents {
        if let Ok(doc) = restore(src) {
            let doc_key = keys::document(&doc.id);
            if store.get(&doc_key)?.is_none() {
                store.set(&doc_key, src)?;
                invalidate_summary(store, &doc.id);
            }
        }
    }
    store.remove(&key)
}

/// Deletes a trash entry for good, with the kept versions and saved place of its documents, so
/// nothing of them stays on the device. A document that exists again (from a backup) keeps its
/// own.
pub fn delete_forever(store: &dyn KeyValueStore, entry_id: &str) -> Result<(), StorageError> {
    let key = keys::trash(entry_id);
    let entry = store
        .get(&key)?
        .and_then(|src| serde_json::from_str::<TrashEntry>(&src).ok());
    for doc in entry
        .iter()
        .flat_map(|e| &e.documents)
        .filter_map(|src| restore(src).ok())
    {
        if store.get(&keys::document(&doc.id))?.is_none() {
            store.remove(&keys::history(&doc.id))?;
            store.remove(&keys::place(&doc.id))?;
        }
    }
    store.remove(&key)
}

/// Removes every key of this app from the store: for a shared device.
pub fn erase_everything(store: &dyn KeyValueStore) -> Result<usize, StorageError> {
    let all = store.keys_with_prefix(keys::PREFIX)?;
    for k in &all {
        store.remove(k)?;
    }
    Ok(all.len())
}

/// How long a person uses the app before home first suggests a backup.
const BACKUP_REMINDER_AFTER_USE: i64 = 7;
/// How old a backup (or a "Not now") may get before home suggests another.
const BACKUP_REMINDER_EVERY: i64 = 30;

/// Whether home should suggest a backup: the person has used the app for a week (a document
/// was last edited at least 7 days ago), something was edited since the last backup, and
/// neither a backup nor a "Not now" happened in the last 30 days. `edits` are the documents'
/// last edits. Everything lives only on the device, so a lost phone or a browser that clears
/// its data would otherwise take the answers with it.
pub fn backup_reminder_due(
    edits: &[DateTime<Utc>],
    last_backup: Option<DateTime<Utc>>,
    dismissed: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    let (Some(oldest), Some(newest)) = (edits.iter().min(), edits.iter().max()) else {
        return false;
    };
    let long_ago = |t: Option<DateTime<Utc>>| {
        t.is_none_or(|t| now - t >= Duration::days(BACKUP_REMINDER_EVERY))
    };
    now - *oldest >= Duration::days(BACKUP_REMINDER_AFTER_USE)
        && last_backup.is_none_or(|b| *newest > b)
        && long_ago(last_backup)
        && long_ago(dismissed)
}

/// How long a "Not now" to home's offer to install the app lasts.
const INSTALL_TIP_EVERY: i64 = 30;

/// Whether home should offer to install the app (where the browser can): only once the device
/// holds something to keep, and not within 30 days of a "Not now".
pub fn install_tip_due(
    holds_saved_work: bool,
    dismissed: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    holds_saved_work && dismissed.is_none_or(|t| now - t >= Duration::days(INSTALL_TIP_EVERY))
}

/// The time kept under `key`, if one is there and readable.
pub fn read_time(store: &dyn KeyValueStore, key: &str) -> Option<DateTime<Utc>> {
    let text = store.get(key).ok().flatten()?;
    DateTime::parse_from_rfc3339(&text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Keeps `now` under `key` (a backup made, a reminder put off). A failed write only means the
/// reminder may come back sooner.
pub fn note_time(store: &dyn KeyValueStore, key: &str, now: DateTime<Utc>) {
    let _ = store.set(key, &now.to_rfc3339());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory::MemoryStore;

    #[test]
    fn the_newest_version_time_is_read_from_the_first_entry_alone() {
        let store = MemoryStore::new();
        assert_eq!(last_version_saved(&store, "d1"), None);
        let at = |m: i64| DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(m);
        let versions: Vec<Revision> = (0..3)
            .map(|i| Revision {
                revision: 3 - i,
                saved: at(100 - i as i64 * 10),
                answers: Answers::default(),
            })
            .collect();
        let text = serde_json::to_string(&versions).unwrap();
        store.set(&keys::history("d1"), &text).unwrap();
        assert_eq!(last_version_saved(&store, "d1"), Some(at(100)));
        // Only the first entry is read: damage after it does not matter.
        let damaged = format!("{}, {{oops", &text[..text.len() - 1]);
        store.set(&keys::history("d1"), &damaged).unwrap();
        assert_eq!(last_version_saved(&store, "d1"), Some(at(100)));
        store.set(&keys::history("d1"), "not json").unwrap();
        assert_eq!(last_version_saved(&store, "d1"), None);
    }
}
