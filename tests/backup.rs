//! Backup and restore, history, trash and erase: nothing typed is lost, nothing newer is
//! overwritten, and a hostile backup file is refused with a reason.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, TimeZone, Utc};
use family_forms::export::backup::{read_backup, BackupError};
use family_forms::export::file_slug;
use family_forms::forms::builtin;
use family_forms::model::child::Child;
use family_forms::model::document::Document;
use family_forms::model::text::Locale;
use family_forms::model::values::Answer;
use family_forms::storage::backup::*;
use family_forms::storage::documents::{
    create_document, list_documents, load_children, save_children, save_document, SaveError, Saved,
};
use family_forms::storage::memory::MemoryStore;
use family_forms::storage::{keys, KeyValueStore, StorageError};

fn t(h: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap() + Duration::hours(h)
}

/// Mía, the one child on the device.
fn add_mia(store: &MemoryStore) -> Child {
    let child = Child {
        id: "c1".into(),
        name: "Mía".into(),
        ..Child::default()
    };
    save_children(store, std::slice::from_ref(&child)).unwrap();
    child
}

fn family() -> (MemoryStore, Child) {
    let store = MemoryStore::new();
    let child = add_mia(&store);
    let def = builtin().iter().find(|f| f.id == "seven-things").unwrap();
    let mut doc = create_document(&store, def, Some(&child), "d1", t(0)).unwrap();
    doc.answers.set("teacher", Answer::text("Ms. Rivera"));
    save_document(&store, &mut doc, t(1)).unwrap();
    (store, child)
}

#[test]
fn a_backup_restores_everything_onto_an_empty_device() {
    let (store, child) = family();
    let file = backup_everything(&store, t(2));
    let other = MemoryStore::new();
    let report = restore_backup(&other, &file, t(3)).unwrap().unwrap();
    assert_eq!(report.children_added, 1);
    assert_eq!(report.documents_added, 1);
    assert_eq!(load_children(&other), vec![child]);
    assert_eq!(
        list_documents(&other)[0].answers.get("teacher"),
        Some(&Answer::text("Ms. Rivera"))
    );
}

#[test]
fn restoring_never_overwrites_newer_data() {
    let (store, _) = family();
    let old_backup = backup_everything(&store, t(2));
    let mut doc = list_documents(&store).remove(0);
    doc.answers.set("teacher", Answer::text("Mr. Newer"));
    save_document(&store, &mut doc, t(3)).unwrap();
    let report = restore_backup(&store, &old_backup, t(4)).unwrap().unwrap();
    assert_eq!(report.documents_kept, 1);
    assert_eq!(
        list_documents(&store)[0].answers.get("teacher"),
        Some(&Answer::text("Mr. Newer"))
    );
}

#[test]
fn restoring_never_replaces_an_entry_it_cannot_read() {
    // A copy saved by a newer version of the app (on a shared device, say) cannot be compared:
    // it stays as it is.
    let (store, _) = family();
    let backup = backup_everything(&store, t(2));
    let newer = r#"{"format":"family-forms/document","version":99,"document":{"id":"d1"}}"#;
    store.set(&keys::document("d1"), newer).unwrap();
    let report = restore_backup(&store, &backup, t(3)).unwrap().unwrap();
    assert_eq!(report.documents_kept, 1);
    assert_eq!(
        store.get(&keys::document("d1")).unwrap().as_deref(),
        Some(newer)
    );

    // A damaged copy is set aside, where Settings offers it as a download, before the backup's
    // copy takes its place.
    let damaged = r#"{"format":"family-forms/document","version":2,"document":{"id":3}}"#;
    store.set(&keys::document("d1"), damaged).unwrap();
    let report = restore_backup(&store, &backup, t(3)).unwrap().unwrap();
    assert_eq!(report.documents_updated, 1);
    assert_eq!(
        list_documents(&store)[0].answers.get("teacher"),
        Some(&Answer::text("Ms. Rivera"))
    );
    assert_eq!(
        store
            .get(&keys::recovery("d1", t(3).timestamp_millis()))
            .unwrap()
            .as_deref(),
        Some(damaged)
    );
}

/// `backup` with the answer `id` of its first document made unreadable, as a hand edit or a
/// broken copy would.
fn with_answer_damaged(backup: &str, id: &str) -> String {
    let mut file: serde_json::Value = serde_json::from_str(backup).unwrap();
    file["documents"][0]["document"]["answers"][id] =
        serde_json::json!({"type": "text", "value": 5});
    file.to_string()
}

#[test]
fn a_backup_with_an_answer_that_cannot_be_read_restores_every_other_answer() {
    let (store, _) = family();
    let mut doc = list_documents(&store).remove(0);
    doc.answers.set("describe", Answer::text("Curiosa."));
    save_document(&store, &mut doc, t(2)).unwrap();
    let backup = with_answer_damaged(&backup_everything(&store, t(3)), "teacher");

    // On a new device, the document comes back without the answer, and the report says so.
    let other = MemoryStore::new();
    let report = restore_backup(&other, &backup, t(4)).unwrap().unwrap();
    assert_eq!(
        (
            report.documents_added,
            report.answers_left_out,
            report.skipped
        ),
        (1, 1, 0)
    );
    let restored = list_documents(&other).remove(0);
    assert_eq!(restored.answers.get("teacher"), None);
    assert_eq!(restored.missing, ["teacher"], "every copy will name it");
    assert_eq!(
        restored.answers.get("describe"),
        Some(&Answer::text("Curiosa."))
    );

    // Over an older copy on this device, the backup's answers come in, and the one it could not
    // read stays as this device has it: nothing is left out.
    let older = MemoryStore::new();
    restore_backup(&older, &backup_everything(&store, t(3)), t(4))
        .unwrap()
        .unwrap();
    let mut here = list_documents(&older).remove(0);
    here.revision -= 1;
    here.answers.set("describe", Answer::text("Older words."));
    older
        .set(
            &keys::document("d1"),
            &family_forms::model::document::to_saved(&here),
        )
        .unwrap();
    let report = restore_backup(&older, &backup, t(5)).unwrap().unwrap();
    assert_eq!((report.documents_updated, report.answers_left_out), (1, 0));
    let merged = list_documents(&older).remove(0);
    assert_eq!(
        merged.answers.get("describe"),
        Some(&Answer::text("Curiosa."))
    );
    assert_eq!(
        merged.answers.get("teacher"),
        Some(&Answer::text("Ms. Rivera")),
        "kept from this device"
    );
    assert!(merged.missing.is_empty(), "nothing is missing");
}

#[test]
fn a_restore_stopped_by_a_full_device_says_to_restore_the_same_file_again() {
    let (store, _) = family();
    let backup = backup_everything(&store, t(2));
    // Room for the list of children, not for the document.
    let small = MemoryStore::with_quota(store.get(keys::CHILDREN).unwrap().unwrap().len() + 100);
    let stopped = restore_backup(&small, &backup, t(3)).unwrap();
    assert_eq!(stopped, Err(StorageError::Full));
    for locale in [Locale::En, Locale::Es] {
        let message = StorageError::Full.restore_message(locale);
        assert_ne!(
            message,
            StorageError::Full.message(locale),
            "no answers on a page here"
        );
        assert!(
            !message.contains("answers") && !message.contains("respuestas"),
            "{message}"
        );
    }
    assert!(StorageError::Full
        .restore_message(Locale::Es)
        .contains("vuelva a recuperar el mismo archivo"));
}

#[test]
fn hostile_backup_files_are_refused_with_a_reason() {
    assert_eq!(read_backup("<script>").err(), Some(BackupError::NotJson));
    assert_eq!(
        read_backup("{\"format\":\"x\"}").err(),
        Some(BackupError::NotABackup)
    );
    assert_eq!(
        read_backup("{\"format\":\"family-forms/backup\",\"version\":9}").err(),
        Some(BackupError::Newer(9))
    );
    // A key written twice leaves it unclear which to trust: refused, not guessed.
    assert_eq!(
        read_backup(r#"{"format":"family-forms/backup","version":1,"created":"2026-11-23T08:00:00Z","children":[],"children":[]}"#).err(),
        Some(BackupError::NotABackup)
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(read_backup(&deep).err(), Some(BackupError::NotJson));
    let huge = "x".repeat(20_000_001);
    assert_eq!(read_backup(&huge).err(), Some(BackupError::TooLarge));
    assert!(BackupError::NotABackup
        .message(Locale::Es)
        .contains("copia de seguridad"));
    // Broken entries inside a real backup are skipped and counted, the rest restores.
    let text = r#"{"format":"family-forms/backup","version":1,"created":"2026-11-23T08:00:00Z",
        "children":[{"id":"c9","name":"Ana"}],"documents":[{"format":"nope"}],"forms":["{bad"]}"#;
    let contents = read_backup(text).unwrap();
    assert_eq!(
        (
            contents.children.len(),
            contents.documents.len(),
            contents.skipped
        ),
        (1, 0, 2)
    );
}

#[test]
fn a_single_documents_saved_copy_restores_like_a_backup_holding_just_it() {
    let mut doc = Document::new("d7", "seven-things", 1, t(1));
    doc.answers.set("teacher", Answer::text("Ms. Núñez"));
    let contents = read_backup(&family_forms::model::document::to_saved(&doc)).unwrap();
    assert_eq!(contents.documents.len(), 1);
    assert_eq!(contents.documents[0].document, doc);
    assert!(contents.documents[0].unreadable.is_empty());
    assert_eq!(
        (
            contents.children.len(),
            contents.forms.len(),
            contents.skipped
        ),
        (0, 0, 0)
    );
    // A damaged copy restores nothing and is counted, as a damaged entry of a backup is.
    let damaged = r#"{"format":"family-forms/document","version":2,"document":{"id":3}}"#;
    let contents = read_backup(damaged).unwrap();
    assert_eq!((contents.documents.len(), contents.skipped), (0, 1));
}

#[test]
fn history_keeps_a_version_every_two_minutes_up_to_twenty() {
    let (store, _) = family();
    let mut doc = list_documents(&store).remove(0);
    for i in 0..30 {
        doc.answers.set("teacher", Answer::text(format!("v{i}")));
        save_document(&store, &mut doc, t(2) + Duration::minutes(3 * i)).unwrap();
    }
    let versions = history(&store, "d1");
    assert_eq!(versions.len(), HISTORY_LEN);
    assert_eq!(
        versions[0].answers.get("teacher"),
        Some(&Answer::text("v29"))
    );
    // A burst of saves within two minutes makes no new version.
    doc.answers.set("teacher", Answer::text("burst"));
    save_document(&store, &mut doc, t(2) + Duration::minutes(88)).unwrap();
    assert_eq!(
        history(&store, "d1")[0].answers.get("teacher"),
        Some(&Answer::text("v29"))
    );
}

#[test]
fn a_damaged_list_of_versions_is_set_aside_before_a_new_one_is_written() {
    let (store, _) = family();
    let mut doc = list_documents(&store).remove(0);
    store.set(&keys::history("d1"), "[{\"revision\":").unwrap();
    doc.answers.set("teacher", Answer::text("Mr. Lee"));
    save_document(&store, &mut doc, t(5)).unwrap();
    assert_eq!(
        history(&store, "d1").len(),
        1,
        "a new list, with this version"
    );
    assert_eq!(
        store
            .get(&keys::recovery("d1-versions", t(5).timestamp_millis()))
            .unwrap()
            .as_deref(),
        Some("[{\"revision\":")
    );
}

/// A device that holds `quota` characters, with one document saved thirty times (twenty
/// versions kept), a deleted document in the trash, and another site's data filling the rest
/// but `free` characters.
fn nearly_full_device(quota: usize, free: usize) -> (MemoryStore, Document) {
    let store = MemoryStore::with_quota(quota);
    let child = add_mia(&store);
    let def = builtin().iter().find(|f| f.id == "seven-things").unwrap();
    let mut gone = create_document(&store, def, Some(&child), "d0", t(0)).unwrap();
    save_document(&store, &mut gone, t(0)).unwrap();
    trash_document(&store, "d0", t(0)).unwrap();
    let mut doc = create_document(&store, def, Some(&child), "d1", t(0)).unwrap();
    for i in 0..30 {
        doc.answers.set(
            "describe",
            Answer::text(format!("{i} {}", "curiosa ".repeat(60))),
        );
        save_document(&store, &mut doc, t(1) + Duration::minutes(3 * i)).unwrap();
    }
    assert_eq!(history(&store, "d1").len(), HISTORY_LEN);
    let filler = quota - store.used() - free - "other-site".len();
    store.set("other-site", &"x".repeat(filler)).unwrap();
    (store, doc)
}

#[test]
fn a_full_device_makes_room_for_the_answers_from_older_versions_only() {
    let (store, mut doc) = nearly_full_device(60_000, 100);
    doc.answers
        .set("hard", Answer::text("Esperar su turno. ".repeat(40)));
    let saved = save_document(&store, &mut doc, t(5)).expect("saved after making room");
    assert_eq!(saved, Saved::AfterMakingRoom);
    assert_eq!(
        list_documents(&store)[0].answers,
        doc.answers,
        "every answer is on the device"
    );
    // The five newest versions stay (it did not take all of them), and this save is kept as
    // a version too once there is room.
    let kept = history(&store, "d1");
    assert_eq!(kept.len(), HISTORY_LEN / 4 + 1);
    assert_eq!(kept[0].answers, doc.answers);
    assert!(kept[1]
        .answers
        .get("describe")
        .unwrap()
        .as_text()
        .starts_with("29 "));
    // The trash, the children and the other site's data are untouched.
    assert_eq!(trash_entries(&store).len(), 1);
    assert_eq!(load_children(&store).len(), 1);
    assert!(store.get("other-site").unwrap().is_some());

    // A plain save afterwards is just that.
    doc.answers.set("hard", Answer::text("Esperar."));
    assert_eq!(save_document(&store, &mut doc, t(6)), Ok(Saved::Plainly));
}

#[test]
fn when_even_every_version_cannot_make_room_the_save_fails_and_the_answers_stay_in_memory() {
    let (store, mut doc) = nearly_full_device(60_000, 100);
    let before = list_documents(&store)[0].clone();
    doc.answers.set("hard", Answer::text("x".repeat(80_000)));
    assert_eq!(
        save_document(&store, &mut doc, t(5)),
        Err(SaveError::Storage(StorageError::Full))
    );
    assert_eq!(
        doc.answers.get("hard").unwrap().as_text().len(),
        80_000,
        "kept in memory"
    );
    assert_eq!(
        list_documents(&store)[0],
        before,
        "the saved copy is the last good one"
    );
    assert_eq!(trash_entries(&store).len(), 1);
}

/// The app's keys that name document `id`: its entry, versions, saved place, trash copy.
fn keys_about(store: &MemoryStore, id: &str) -> Vec<String> {
    store
        .keys_with_prefix(keys::PREFIX)
        .unwrap()
        .into_iter()
        .filter(|k| k.contains(id))
        .collect()
}

#[test]
fn deleting_forever_leaves_nothing_of_the_document_on_the_device() {
    use family_forms::storage::documents::remember_section;
    let (store, _) = family();
    remember_section(&store, "d1", "health");
    assert!(!history(&store, "d1").is_empty());
    let entry = trash_document(&store, "d1", t(3)).unwrap();
    delete_forever(&store, &entry.id).unwrap();
    assert!(trash_entries(&store).is_empty());
    assert_eq!(
        keys_about(&store, "d1"),
        Vec::<String>::new(),
        "no version, place or copy of it"
    );
    assert_eq!(load_children(&store).len(), 1, "the child stays");

    // A child deleted with their documents goes the same way; one of those documents that
    // came back meanwhile (from a backup) keeps its own versions.
    let (store, _) = family();
    let backup = backup_everything(&store, t(2));
    let entry = trash_child(&store, "c1", t(3)).unwrap();
    restore_backup(&store, &backup, t(4)).unwrap().unwrap();
    delete_forever(&store, &entry.id).unwrap();
    assert!(trash_entries(&store).is_empty());
    assert!(
        !history(&store, "d1").is_empty(),
        "the document that is back keeps its versions"
    );
}

#[test]
fn a_device_too_full_for_the_trash_can_still_delete_for_good_and_make_room() {
    use family_forms::storage::documents::remember_section;
    let (roomy, _) = family();
    remember_section(&roomy, "d1", "health");
    // The same data on a device with no room to spare: the trash's copy does not fit.
    let held: usize = roomy
        .keys_with_prefix(keys::PREFIX)
        .unwrap()
        .iter()
        .map(|k| k.len() + roomy.get(k).unwrap().unwrap_or_default().len())
        .sum();
    let store = MemoryStore::with_quota(held);
    for k in roomy.keys_with_prefix(keys::PREFIX).unwrap() {
        store.set(&k, &roomy.get(&k).unwrap().unwrap()).unwrap();
    }
    assert_eq!(
        trash_child(&store, "c1", t(3)).err(),
        Some(StorageError::Full)
    );
    assert_eq!(
        trash_document(&store, "d1", t(3)).err(),
        Some(StorageError::Full)
    );
    assert_eq!(load_children(&store).len(), 1, "nothing went");

    delete_child_for_good(&store, "c1").unwrap();
    assert!(load_children(&store).is_empty());
    assert!(list_documents(&store).is_empty());
    assert_eq!(
        keys_about(&store, "d1"),
        Vec::<String>::new(),
        "no version, place or copy of it"
    );
    assert!(trash_entries(&store).is_empty(), "nothing to bring back");
    // And the room it made takes a new save.
    save_children(
        &store,
        &[Child {
            id: "c2".into(),
            name: "Ana".into(),
            ..Child::default()
        }],
    )
    .unwrap();
}

#[test]
fn deleted_documents_and_children_come_back_from_the_trash() {
    let (store, child) = family();
    let entry = trash_child(&store, "c1", t(3)).unwrap();
    assert!(load_children(&store).is_empty());
    assert!(list_documents(&store).is_empty());
    assert_eq!(trash_entries(&store).len(), 1);
    untrash(&store, &entry.id).unwrap();
    assert_eq!(load_children(&store), vec![child]);
    assert_eq!(list_documents(&store).len(), 1);
    assert!(trash_entries(&store).is_empty());

    let entry = trash_document(&store, "d1", t(4)).unwrap();
    assert!(list_documents(&store).is_empty());
    untrash(&store, &entry.id).unwrap();
    assert_eq!(list_documents(&store)[0].id, "d1");
}

#[test]
fn erase_everything_removes_only_this_apps_keys() {
    let (store, _) = family();
    store.set("someone-else", "keep").unwrap();
    assert!(erase_everything(&store).unwrap() >= 3);
    assert!(store.keys_with_prefix(keys::PREFIX).unwrap().is_empty());
    assert_eq!(store.get("someone-else").unwrap().as_deref(), Some("keep"));
}

#[test]
fn file_names_are_plain() {
    assert_eq!(
        file_slug("Getting to Know Mía Núñez!"),
        "getting-to-know-mia-nunez"
    );
    assert_eq!(file_slug("  ¿Qué?  "), "que");
    assert_eq!(file_slug("ÁNGEL ÑÚÑEZ-ÜBEL"), "angel-nunez-ubel");
}

#[test]
fn home_suggests_a_backup_after_a_week_of_use_then_monthly_while_there_is_something_new() {
    let day = |d: i64| Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::days(d);
    let now = day(40);
    let due = |edits: &[i64], backup: Option<i64>, dismissed: Option<i64>| {
        let edits: Vec<_> = edits.iter().map(|d| day(*d)).collect();
        backup_reminder_due(&edits, backup.map(day), dismissed.map(day), now)
    };
    // Nothing on the device, or a first form filled this week: too soon.
    assert!(!due(&[], None, None));
    assert!(!due(&[36], None, None));
    // A week of use and never a backup: time for one.
    assert!(due(&[33, 39], None, None));
    // A backup 35 days ago with edits since: again; with nothing new since: no need.
    assert!(due(&[1, 39], Some(5), None));
    assert!(!due(&[1, 4], Some(5), None));
    // A recent backup, or a recent "Not now": leave the person be.
    assert!(!due(&[1, 39], Some(20), None));
    assert!(!due(&[1, 39], None, Some(30)));
    assert!(due(&[1, 39], None, Some(5)));

    // The times are kept in the store, and a damaged one reads as none.
    let store = MemoryStore::new();
    note_time(&store, keys::LAST_BACKUP, day(5));
    assert_eq!(read_time(&store, keys::LAST_BACKUP), Some(day(5)));
    store
        .set(keys::BACKUP_REMINDER_DISMISSED, "last week")
        .unwrap();
    assert_eq!(read_time(&store, keys::BACKUP_REMINDER_DISMISSED), None);
}

#[test]
fn home_offers_to_install_the_app_once_something_is_saved_and_a_month_after_not_now() {
    let day = |d: i64| Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap() + Duration::days(d);
    let now = day(40);
    assert!(!install_tip_due(false, None, now), "nothing to keep yet");
    assert!(install_tip_due(true, None, now));
    assert!(
        !install_tip_due(true, Some(day(20)), now),
        "a recent Not now"
    );
    assert!(
        install_tip_due(true, Some(day(10)), now),
        "30 days after it"
    );
}

/// Whatever a backup file has become (cut short, hand-edited, another app's), restoring it
/// never panics and never leaves a document on this device older than it was.
mod property {
    use super::*;
    use family_forms::model::document::restore;
    use family_forms::model::route::{path, Route};
    use proptest::prelude::*;

    fn documents_by_id(store: &MemoryStore) -> Vec<(String, u64, chrono::DateTime<Utc>)> {
        list_documents(store)
            .into_iter()
            .map(|d| (d.id, d.revision, d.updated))
            .collect()
    }

    proptest! {
        /// Ids go into the addresses of links (`/doc/:id`), and a backup's ids can be anything.
        #[test]
        fn any_id_a_backup_holds_comes_back_whole_from_its_address(
            id in prop_oneof![any::<String>(), "[a-f0-9/?#%+ .ñ]{1,12}"]
                .prop_filter("browsers resolve `.` and `..`", |id| !id.is_empty() && id != "." && id != "..")
        ) {
            prop_assert_eq!(Route::parse(&path(&["doc", &id])), Route::Document { id: id.clone() });
        }

        #[test]
        fn arbitrary_edits_of_a_backup_never_lose_newer_data(cut in 0usize..3000, insert in "[\\[\\]{}\",:a-z0-9 ]{0,16}") {
            let (source, _) = family();
            let mut doc = list_documents(&source).remove(0);
            doc.answers.set("strengths", Answer::text("Counts to 100"));
            save_document(&source, &mut doc, t(2)).unwrap();
            let text = backup_everything(&source, t(3));
            let at = cut.min(text.len());
            let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let mut edited = text.clone();
            edited.insert_str(at, &insert);

            // This device has the same document, edited later than the backup was made.
            let (device, _) = family();
            let mut here = list_documents(&device).remove(0);
            for h in 4..8 {
                here.answers.set("teacher", Answer::text(format!("Edit {h}")));
                save_document(&device, &mut here, t(h)).unwrap();
            }
            let before = documents_by_id(&device);
            let _ = restore_backup(&device, &edited, t(9));
            let after = documents_by_id(&device);
            for (id, revision, updated) in before {
                let now = after.iter().find(|(i, ..)| *i == id);
                prop_assert!(now.is_some_and(|(_, r, u)| (*r, *u) >= (revision, updated)), "{id} went back");
            }
            let stored = restore(&device.get(&keys::document("d1")).unwrap().unwrap()).unwrap();
            prop_assert_eq!(stored.answers.get("teacher"), Some(&Answer::text("Edit 7")));
        }
    }
}
