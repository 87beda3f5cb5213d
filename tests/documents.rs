//! Saved documents: the envelope, golden fixtures of every released format, and the storage
//! faults that must never lose data.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{TimeZone, Utc};
use family_forms::forms::builtin;
use family_forms::model::document::{restore, saved_revision, to_saved, Document, RestoreError};
use family_forms::model::text::Locale;
use family_forms::model::values::Answer;
use family_forms::storage::backup::erase_everything;
use family_forms::storage::documents::{
    holds_saved_work, last_section, load_children, open_document, put_child, remember_section,
    save_children, save_document, SaveError,
};
use family_forms::storage::memory::MemoryStore;
use family_forms::storage::room::{percent_of_room, room_limit, room_taken, RoomTaken};
use family_forms::storage::{keys, KeyValueStore, StorageError};

fn seven() -> family_forms::model::schema::FormDef {
    builtin()
        .iter()
        .find(|f| f.id == "seven-things")
        .map(|f| f.as_ref().clone())
        .unwrap()
}

#[test]
fn golden_v1_document_opens_with_every_answer() {
    let doc = restore(include_str!("fixtures/documents/v1-seven-things.json")).expect("v1 opens");
    assert_eq!(doc.form_id, "seven-things");
    assert_eq!(doc.revision, 12);
    assert_eq!(
        doc.answers.get("child_name"),
        Some(&Answer::text("Mía Núñez"))
    );
    assert!(
        doc.answers.get("old_field").is_some(),
        "answers to unknown fields are kept"
    );
    assert_eq!(
        doc.updated,
        Utc.with_ymd_and_hms(2026, 11, 20, 14, 5, 9).unwrap()
    );
    assert_eq!(doc.child_id, None, "v1 documents belonged to no child");
}

#[test]
fn golden_v2_document_opens_with_its_child() {
    let doc =
        restore(include_str!("fixtures/documents/v2-getting-to-know.json")).expect("v2 opens");
    assert_eq!(doc.child_id.as_deref(), Some("c1763800000000b2"));
    assert_eq!(doc.revision, 40);
    assert!(matches!(doc.answers.get("household"), Some(Answer::Rows { rows }) if rows.len() == 1));
}

#[test]
fn golden_v2_document_saved_from_a_file_knows_where_it_came_from() {
    let doc = restore(include_str!(
        "fixtures/documents/v2-received-with-origin.json"
    ))
    .expect("opens");
    assert_eq!(doc.origin.as_deref(), Some("d1764300000000a9"));
    assert_eq!(doc.child_id, None);
    // It goes on being written with its origin; documents without one are written as before.
    assert!(to_saved(&doc).contains(r#""origin":"d1764300000000a9""#));
    let plain = Document::new("d1", "seven-things", 1, Utc::now());
    assert!(!to_saved(&plain).contains("origin"));
}

#[test]
fn golden_v2_document_with_answers_lost_on_the_way_keeps_naming_them() {
    let src = include_str!("fixtures/documents/v2-with-missing-answers.json");
    let doc = restore(src).expect("opens");
    assert_eq!(doc.missing, ["allergies"]);
    assert_eq!(doc.still_missing(), ["allergies"]);
    // Written back word for word; documents without any are written as before.
    assert_eq!(to_saved(&doc), src.trim());
    let plain = Document::new("d1", "seven-things", 1, Utc::now());
    assert!(!to_saved(&plain).contains("missing"));
}

#[test]
fn an_answer_lost_on_the_way_stops_being_missing_once_answered_and_saved() {
    use family_forms::storage::documents::save_document;
    let store = MemoryStore::new();
    let mut doc = restore(include_str!(
        "fixtures/documents/v2-with-missing-answers.json"
    ))
    .unwrap();
    save_document(&store, &mut doc, Utc::now()).unwrap();
    assert_eq!(doc.missing, ["allergies"], "kept while unanswered");
    doc.answers.set(
        "allergies",
        Answer::YesNo {
            answer: Some(family_forms::model::values::YesNo::No),
            details: String::new(),
        },
    );
    save_document(&store, &mut doc, Utc::now()).unwrap();
    assert!(doc.missing.is_empty());
    // Cleared later, it is a question left unanswered, no longer one that was lost.
    doc.answers.0.remove("allergies");
    save_document(&store, &mut doc, Utc::now()).unwrap();
    let saved = store.get(&keys::document(&doc.id)).unwrap().unwrap();
    assert!(restore(&saved).unwrap().still_missing().is_empty());
}

#[test]
fn every_golden_fixture_opens() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/documents");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        restore(&src).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        n += 1;
    }
    assert!(n >= 2);
}

#[test]
fn the_revision_is_read_without_the_answers_exactly_as_restore_reads_it() {
    use family_forms::model::document::saved_revision;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/documents");
    for entry in std::fs::read_dir(dir).unwrap() {
        let src = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert_eq!(saved_revision(&src), Some(restore(&src).unwrap().revision));
    }
    let mut doc = Document::new("d1", "seven-things", 1, Utc::now());
    doc.revision = 41;
    assert_eq!(saved_revision(&to_saved(&doc)), Some(41));
    for refused in [
        r#"{"format":"family-forms/document","version":99,"document":{"revision":5}}"#,
        r#"{"format":"other","version":2,"document":{"revision":5}}"#,
        "{not json",
    ] {
        assert_eq!(saved_revision(refused), None, "{refused}");
    }
}

#[test]
fn a_revision_written_twice_is_read_as_restore_reads_it_so_a_newer_save_is_not_overwritten() {
    let mut doc = Document::new("d1", "seven-things", 1, Utc::now());
    doc.revision = 3;
    let saved = to_saved(&doc);
    let twice = saved.replacen(r#""revision":3"#, r#""revision":3,"revision":9"#, 1);
    assert_ne!(twice, saved, "the fixture must hold the key twice");
    assert_eq!(restore(&twice).unwrap().revision, 9);
    assert_eq!(saved_revision(&twice), Some(9));

    let store = MemoryStore::new();
    store.set(&keys::document("d1"), &twice).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let result = save_document(&store, &mut doc, now);
    assert!(
        matches!(result, Err(SaveError::Conflict(_))),
        "a newer save was overwritten"
    );
    assert_eq!(
        store.get(&keys::document("d1")).unwrap().as_deref(),
        Some(twice.as_str())
    );
}

#[test]
fn only_a_document_or_a_child_counts_as_saved_work() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let store = MemoryStore::default();
    assert!(!holds_saved_work(&store), "an empty device");
    store.set(keys::LOCALE, "es").unwrap();
    store.set(keys::COPY_LOCALE, "en").unwrap();
    assert!(
        !holds_saved_work(&store),
        "a language chosen is not work to keep"
    );

    let mut doc = Document::new("d1", "seven-things", 1, now);
    save_document(&store, &mut doc, now).unwrap();
    assert!(holds_saved_work(&store), "a document");

    let store = MemoryStore::default();
    save_children(&store, &[]).unwrap();
    assert!(
        holds_saved_work(&store),
        "a list of children, even one emptied since"
    );
}

#[test]
fn the_room_taken_is_counted_as_browsers_count_it() {
    let store = MemoryStore::default();
    assert_eq!(room_taken(&store), RoomTaken::default());
    assert_eq!(
        percent_of_room(room_taken(&store).kept, room_limit(false)),
        0
    );
    // In UTF-16 code units, keys and values: "Ñ", "“" and "é" are one each, an emoji two.
    store.set("k", "Ñoño “sí”").unwrap();
    store.set("family-forms:x", "😀é").unwrap();
    // Earlier versions are counted apart: they give way when the room is full.
    store.set(&keys::history("d1"), "[]").unwrap();
    let taken = room_taken(&store);
    assert_eq!(taken.kept, 1 + 9 + 14 + 3);
    assert_eq!(taken.versions, keys::history("d1").len() + 2);
    // Anything saved shows as at least 1%; never more than 100%.
    assert_eq!(percent_of_room(27, room_limit(false)), 1);
    assert_eq!(percent_of_room(75, 100), 75);
    assert_eq!(percent_of_room(751, 1000), 76);
    assert_eq!(percent_of_room(2 * room_limit(true), room_limit(true)), 100);
    // Safari counts two bytes a character against the same 5 MiB.
    assert_eq!(room_limit(true) * 2, room_limit(false));
    assert_eq!(room_limit(false), 5 * 1024 * 1024);
}

#[test]
fn save_and_restore_round_trip() {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut doc = Document::new("d1", "seven-things", 1, now);
    doc.answers.set(
        "child_name",
        Answer::text("Luis “Lucho” Pérez — ¡hola! ¿qué?"),
    );
    assert_eq!(restore(&to_saved(&doc)), Ok(doc));
}

#[test]
fn newer_and_foreign_and_broken_data_are_refused_with_a_reason() {
    let newer = r#"{"format":"family-forms/document","version":99,"document":{}}"#;
    assert_eq!(restore(newer), Err(RestoreError::Newer(99)));
    assert_eq!(
        restore(r#"{"format":"other","version":1,"document":{}}"#),
        Err(RestoreError::NotADocument)
    );
    assert_eq!(restore("{not json"), Err(RestoreError::NotJson));
    assert!(matches!(
        restore(r#"{"format":"family-forms/document","version":1,"document":{"id":3}}"#),
        Err(RestoreError::Damaged(_))
    ));
    assert!(RestoreError::Newer(2)
        .message(Locale::Es)
        .contains("más nueva"));
}

#[test]
fn a_damaged_entry_is_set_aside_not_overwritten() {
    let store = MemoryStore::new();
    store
        .set(&keys::document("seven-things"), "{\"format\": broken")
        .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let loaded = open_document(&store, "seven-things", &seven(), now).unwrap();
    assert_eq!(loaded.problem, Some(RestoreError::NotJson));
    assert!(!loaded.read_only);
    let aside = store.keys_with_prefix(keys::RECOVERY_PREFIX).unwrap();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        store.get(&aside[0]).unwrap().as_deref(),
        Some("{\"format\": broken")
    );
}

#[test]
fn a_newer_document_opens_read_only() {
    let store = MemoryStore::new();
    let newer = r#"{"format":"family-forms/document","version":7,"document":{}}"#;
    store.set(&keys::document("seven-things"), newer).unwrap();
    let loaded = open_document(&store, "seven-things", &seven(), Utc::now()).unwrap();
    assert!(loaded.read_only);
    assert_eq!(
        store
            .get(&keys::document("seven-things"))
            .unwrap()
            .as_deref(),
        Some(newer)
    );
}

#[test]
fn a_full_store_reports_the_error_and_keeps_the_answers_in_memory() {
    let store = MemoryStore::new();
    let now = Utc::now();
    assert!(open_document(&store, "seven-things", &seven(), now).is_none());
    let mut doc = Document::new("seven-things", "seven-things", 1, now);
    doc.answers.set("child_name", Answer::text("Mia"));
    save_document(&store, &mut doc, now).unwrap();
    assert_eq!(doc.revision, 1);

    store.fail_writes_with(Some(StorageError::Full));
    doc.answers.set("preferred_name", Answer::text("Mimi"));
    let err = save_document(&store, &mut doc, now).unwrap_err();
    assert_eq!(
        err,
        family_forms::storage::documents::SaveError::Storage(StorageError::Full)
    );
    assert!(StorageError::Full.message(Locale::Es).contains("lleno"));
    // A refusal the app has no name for is told in the person's language, without the
    // browser's English words.
    let other = StorageError::Other("InvalidStateError The object is in an invalid state.".into());
    for locale in [Locale::En, Locale::Es] {
        assert!(
            !other.message(locale).contains("Invalid"),
            "{}",
            other.message(locale)
        );
    }
    assert!(other
        .message(Locale::Es)
        .contains("Sus respuestas siguen en esta página"));
    assert_eq!(
        doc.answers.get("preferred_name"),
        Some(&Answer::text("Mimi")),
        "kept in memory"
    );
    assert_eq!(
        doc.revision, 1,
        "a failed save does not count as a revision"
    );

    store.fail_writes_with(None);
    save_document(&store, &mut doc, now).unwrap();
    let reloaded = open_document(&store, "seven-things", &seven(), now)
        .unwrap()
        .document;
    assert_eq!(
        reloaded.answers.get("preferred_name"),
        Some(&Answer::text("Mimi"))
    );
    assert_eq!(reloaded.revision, 2);
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_save() {
    use family_forms::storage::documents::{create_document, SaveError};
    let store = MemoryStore::new();
    let now = Utc::now();
    let def = seven();
    let created = create_document(&store, &def, None, "d1", now).unwrap();
    let mut tab_a = created.clone();
    let mut tab_b = created;
    tab_a.answers.set("child_name", Answer::text("From A"));
    save_document(&store, &mut tab_a, now).unwrap();
    tab_b.answers.set("child_name", Answer::text("From B"));
    match save_document(&store, &mut tab_b, now) {
        Err(SaveError::Conflict(theirs)) => assert_eq!(
            theirs.answers.get("child_name"),
            Some(&Answer::text("From A"))
        ),
        other => panic!("{other:?}"),
    }
    let stored = restore(&store.get(&keys::document("d1")).unwrap().unwrap()).unwrap();
    assert_eq!(
        stored.answers.get("child_name"),
        Some(&Answer::text("From A"))
    );
}

#[test]
fn a_newer_save_that_cannot_be_read_is_set_aside_before_it_is_replaced() {
    use family_forms::storage::documents::create_document;
    let store = MemoryStore::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let mut doc = create_document(&store, &seven(), None, "d1", now).unwrap();
    // Another tab's newer save, whose answers were damaged on the way to the disk.
    let damaged =
        r#"{"format":"family-forms/document","version":2,"document":{"revision":9,"answers":7}}"#;
    store.set(&keys::document("d1"), damaged).unwrap();
    doc.answers.set("child_name", Answer::text("Mía"));
    save_document(&store, &mut doc, now).expect("saved");
    assert_eq!(
        store
            .get(&keys::recovery("d1", now.timestamp_millis()))
            .unwrap()
            .as_deref(),
        Some(damaged),
        "kept aside for Settings to offer"
    );
    let stored = restore(&store.get(&keys::document("d1")).unwrap().unwrap()).unwrap();
    assert_eq!(stored.answers.get("child_name"), Some(&Answer::text("Mía")));
}

#[test]
fn documents_list_most_recent_first_and_duplicates_get_their_own_id() {
    use chrono::Duration;
    use family_forms::storage::documents::{create_document, duplicate_document, list_documents};
    let store = MemoryStore::new();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let def = seven();
    let mut old = create_document(&store, &def, None, "old", t0).unwrap();
    old.answers.set("child_name", Answer::text("Mia"));
    save_document(&store, &mut old, t0).unwrap();
    create_document(&store, &def, None, "new", t0 + Duration::days(2)).unwrap();
    let copy = duplicate_document(&store, &old, "copy", t0 + Duration::days(1)).unwrap();
    assert_eq!(copy.answers, old.answers);
    let ids: Vec<String> = list_documents(&store).into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["new", "copy", "old"]);
}

#[test]
fn children_are_kept_in_a_versioned_file() {
    use family_forms::model::child::Child;
    use family_forms::storage::documents::{load_children, save_children};
    let store = MemoryStore::new();
    assert!(load_children(&store).is_empty());
    let kids = vec![Child {
        id: "c1".into(),
        name: "Mía".into(),
        ..Child::default()
    }];
    save_children(&store, &kids).unwrap();
    assert_eq!(load_children(&store), kids);
    store.set(keys::CHILDREN, "garbage").unwrap();
    assert!(
        load_children(&store).is_empty(),
        "a damaged list does not crash"
    );
    // At start a damaged list is set aside, so the next child added cannot write over it.
    use family_forms::storage::documents::set_aside_damaged;
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    assert_eq!(set_aside_damaged(&store, now), 1);
    assert_eq!(store.get(keys::CHILDREN).unwrap(), None);
    assert_eq!(
        store
            .get(&keys::recovery("children", now.timestamp_millis()))
            .unwrap()
            .as_deref(),
        Some("garbage")
    );
    // A readable list stays where it is.
    save_children(&store, &kids).unwrap();
    assert_eq!(
        set_aside_damaged(&store, now),
        1,
        "only the one set aside before"
    );
    assert_eq!(load_children(&store), kids);
}

#[test]
fn damaged_documents_are_set_aside_at_start_and_newer_ones_left_alone() {
    use family_forms::storage::documents::set_aside_damaged;
    let store = MemoryStore::new();
    store.set(&keys::document("bad"), "{\"format\":").unwrap();
    let newer = r#"{"format":"family-forms/document","version":9,"document":{}}"#;
    store.set(&keys::document("future"), newer).unwrap();
    assert_eq!(set_aside_damaged(&store, Utc::now()), 1);
    assert_eq!(store.get(&keys::document("bad")).unwrap(), None);
    assert_eq!(
        store.get(&keys::document("future")).unwrap().as_deref(),
        Some(newer)
    );
    let aside = store.keys_with_prefix(keys::RECOVERY_PREFIX).unwrap();
    assert_eq!(
        store.get(&aside[0]).unwrap().as_deref(),
        Some("{\"format\":")
    );
}

#[test]
fn home_summaries_are_cached_and_dropped_when_a_document_changes() {
    use family_forms::storage::documents::{create_document, list_summaries};
    use std::sync::Arc;
    let store = MemoryStore::new();
    let def = Arc::new(seven());
    let find = |id: &str| (id == def.id).then(|| def.clone());
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut doc = create_document(&store, &def, None, "d1", now).unwrap();
    let first = list_summaries(&store, find);
    assert_eq!(first[0].percent, 0);
    assert!(store.get(&keys::summary("d1")).unwrap().is_some(), "cached");
    doc.answers.set("child_name", Answer::text("Mia"));
    save_document(&store, &mut doc, now).unwrap();
    assert!(
        store.get(&keys::summary("d1")).unwrap().is_none(),
        "dropped on save"
    );
    let second = list_summaries(&store, find);
    assert!(second[0].percent > 0);
    assert_eq!(second[0].revision, doc.revision);
    assert_eq!(second[0].child_name, "Mia", "whom it is about, as typed");
}

#[test]
fn a_summary_cached_before_it_named_the_child_is_rebuilt() {
    use family_forms::storage::documents::{create_document, list_summaries};
    use std::sync::Arc;
    let store = MemoryStore::new();
    let def = Arc::new(seven());
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut doc = create_document(&store, &def, None, "d1", now).unwrap();
    doc.answers.set("preferred_name", Answer::text("Mía"));
    save_document(&store, &mut doc, now).unwrap();
    // As round 7 cached it: no name.
    let old = r#"{"id":"d1","form_id":"seven-things","child_id":null,"updated":"2026-11-23T09:00:00Z","revision":2,"percent":5,"required_left":3}"#;
    store.set(&keys::summary("d1"), old).unwrap();
    let listed = list_summaries(&store, |id: &str| (id == def.id).then(|| def.clone()));
    assert_eq!(listed[0].child_name, "Mía");
    assert!(
        store
            .get(&keys::summary("d1"))
            .unwrap()
            .unwrap()
            .contains("Mía"),
        "cached anew"
    );
}

#[test]
fn a_received_document_is_saved_as_a_new_one_and_never_overwrites() {
    let store = MemoryStore::new();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut received = Document::new("d-theirs", "seven-things", 1, now);
    received.child_id = Some("their-child".into());
    received
        .answers
        .0
        .insert("child_name".into(), Answer::text("Mía"));
    let saved =
        family_forms::storage::documents::save_received(&store, &received, "d-mine", now).unwrap();
    assert_eq!(saved.id, "d-mine");
    assert_eq!(saved.child_id, None, "their child profile is not ours");
    assert_eq!(saved.answers, received.answers);
    assert!(store.get(&keys::document("d-theirs")).unwrap().is_none());
    // Saving onto an existing id is refused, and the stored one is left as it was.
    let before = store.get(&keys::document("d-mine")).unwrap();
    let mut other = received.clone();
    other
        .answers
        .0
        .insert("child_name".into(), Answer::text("Otro"));
    assert!(
        family_forms::storage::documents::save_received(&store, &other, "d-mine", now).is_err()
    );
    assert_eq!(store.get(&keys::document("d-mine")).unwrap(), before);
}

#[test]
fn saved_timestamps_read_back_exactly_and_broken_ones_are_refused() {
    use chrono::{DateTime, Duration};
    use family_forms::model::dates::read_timestamp;

    #[derive(serde::Deserialize)]
    struct Stamp {
        #[serde(deserialize_with = "read_timestamp")]
        at: DateTime<Utc>,
    }
    let read = |json: &str| serde_json::from_str::<Stamp>(json).map(|s| s.at);

    let whole = Utc.with_ymd_and_hms(2026, 11, 23, 10, 5, 0).unwrap();
    for at in [
        whole,
        whole + Duration::nanoseconds(123_456_789),
        whole + Duration::milliseconds(7),
    ] {
        // Exactly what chrono writes, so every timestamp ever saved reads back the same.
        let written = serde_json::to_string(&at).unwrap();
        assert_eq!(
            read(&format!(r#"{{"at":{written}}}"#)).unwrap(),
            at,
            "{written}"
        );
    }
    assert_eq!(
        read(r#"{"at":"2026-11-23T05:05:00-05:00"}"#).unwrap(),
        whole
    );
    for bad in [
        r#""2026-11-23""#,
        r#""2026-11-23T25:00:00Z""#,
        r#""soon""#,
        "12",
        "null",
    ] {
        assert!(read(&format!(r#"{{"at":{bad}}}"#)).is_err(), "{bad}");
    }
}

#[test]
fn each_document_keeps_the_section_it_was_left_at_until_everything_is_erased() {
    let store = MemoryStore::new();
    assert_eq!(last_section(&store, "d1"), None);
    remember_section(&store, "d1", "health");
    remember_section(&store, "d2", "about");
    remember_section(&store, "d1", "languages");
    assert_eq!(last_section(&store, "d1").as_deref(), Some("languages"));
    assert_eq!(last_section(&store, "d2").as_deref(), Some("about"));
    erase_everything(&store).unwrap();
    assert_eq!(
        last_section(&store, "d1"),
        None,
        "a shared device keeps no trace"
    );
}

#[test]
fn the_dates_a_form_marks_reach_home_and_show_while_they_are_ahead() {
    use family_forms::model::reminders::{date_ahead, reminders, Reminder};
    use family_forms::storage::documents::DocSummary;
    let forms = builtin();
    let form = |id: &str| forms.iter().find(|f| f.id == id).unwrap().clone();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut ppt = Document::new("d1", "ppt-prep", 1, now);
    ppt.answers.set("meeting_date", Answer::text("2026-12-03"));
    ppt.answers.set("birth_date", Answer::text("2021-05-01"));
    let summary = DocSummary::of(&ppt, &form("ppt-prep"));
    assert_eq!(summary.reminders.len(), 1, "the meeting, not the birthday");
    assert_eq!(summary.reminders[0].label.en, "Meeting date");
    assert_eq!(summary.reminders[0].date, "2026-12-03");
    // A plan's review date is derived: sixty days after its start.
    let mut plan = Document::new("d2", "partnership-plan", 1, now);
    plan.answers.set("start_date", Answer::text("2026-10-01"));
    let review: Vec<Reminder> = reminders(&form("partnership-plan"), &plan.answers);
    assert_eq!(review[0].date, "2026-11-30");
    assert!(reminders(
        &form("partnership-plan"),
        &Document::new("d3", "partnership-plan", 1, now).answers
    )
    .is_empty());

    // Shown only while ahead, with the weekday and the days left, in both languages.
    let today = "2026-11-30";
    assert_eq!(
        date_ahead("2026-12-03", today, Locale::En).as_deref(),
        Some("Thursday, December 3, 2026 · in 3 days")
    );
    assert_eq!(
        date_ahead("2026-12-03", today, Locale::Es).as_deref(),
        Some("jueves, 3 de diciembre de 2026 · en 3 días")
    );
    assert_eq!(
        date_ahead("2026-12-01", today, Locale::En).as_deref(),
        Some("Tuesday, December 1, 2026 · tomorrow")
    );
    assert_eq!(
        date_ahead(today, today, Locale::Es).as_deref(),
        Some("lunes, 30 de noviembre de 2026 · hoy")
    );
    assert_eq!(date_ahead("2026-11-29", today, Locale::En), None);
    assert_eq!(date_ahead("soon", today, Locale::En), None);
}

#[test]
fn a_copy_sent_back_is_known_and_updates_the_kept_one_keeping_its_answers_as_a_version() {
    use family_forms::model::differences::changes;
    use family_forms::storage::backup::history;
    use family_forms::storage::documents::{
        create_document, kept_copy_of, save_received, update_from_received,
    };
    let def = seven();
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let t1 = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    // The family's device keeps its document; the teacher's device saves the file it sent.
    let family = MemoryStore::new();
    let mut ours = create_document(&family, &def, None, "d-family", t0).unwrap();
    ours.child_id = Some("c-mia".into());
    ours.answers.set("child_name", Answer::text("Mía"));
    save_document(&family, &mut ours, t0).unwrap();
    let teacher = MemoryStore::new();
    assert_eq!(kept_copy_of(&teacher, &ours), None);
    let mut theirs = save_received(&teacher, &ours, "d-teacher", t0).unwrap();
    assert_eq!(theirs.origin.as_deref(), Some("d-family"));
    // The same file again finds the teacher's copy.
    assert_eq!(
        kept_copy_of(&teacher, &ours).map(|d| d.id).as_deref(),
        Some("d-teacher")
    );
    // The teacher adds an answer and sends it back; the family's device knows it.
    theirs
        .answers
        .set("good_at", Answer::text("Kind to others"));
    save_document(&teacher, &mut theirs, t1).unwrap();
    let kept = kept_copy_of(&family, &theirs).expect("the family's own document");
    assert_eq!(kept.id, "d-family");
    let changed = changes(&def, &kept.answers, &theirs.answers);
    assert_eq!(
        changed
            .questions
            .iter()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>(),
        ["good_at"]
    );
    // A blank answer is no change.
    let mut blank = kept.answers.clone();
    blank.set("good_at", Answer::text("  "));
    assert!(changes(&def, &kept.answers, &blank).is_empty());

    let updated = update_from_received(&family, kept.clone(), &theirs, t1).unwrap();
    assert_eq!(updated.id, "d-family");
    assert_eq!(updated.child_id.as_deref(), Some("c-mia"), "still Mía's");
    assert_eq!(updated.answers, theirs.answers);
    let reopened = open_document(&family, "d-family", &def, t1)
        .unwrap()
        .document;
    assert_eq!(reopened.answers, theirs.answers);
    // What the family had is the newest earlier version.
    assert!(history(&family, "d-family")
        .iter()
        .any(|v| v.answers == ours.answers));
    // "Start a new one from this one" is a new document, not a copy of this one.
    let fresh =
        family_forms::storage::documents::duplicate_document(&family, &updated, "d-next", t1)
            .unwrap();
    assert_eq!(fresh.origin, None);
    assert!(!fresh.same_lineage(&theirs));
}

#[test]
fn a_logs_follow_ups_reach_home_named_by_student_soonest_first() {
    use family_forms::model::reminders::{next_ahead, reminders};
    use family_forms::model::values::{Answers, Row};
    let def = builtin()
        .iter()
        .find(|f| f.id == "family-contact-log")
        .unwrap()
        .clone();
    let row = |id: &str, student: &str, follow_up: &str| Row {
        id: id.into(),
        cells: Answers(
            [
                ("student".to_string(), Answer::text(student)),
                ("follow_up".to_string(), Answer::text(follow_up)),
            ]
            .into(),
        ),
    };
    let mut answers = Answers::default();
    answers.set(
        "contacts",
        Answer::Rows {
            rows: vec![
                row("r1", "Leo Smith", "2026-12-10"),
                row("r2", "Ana Núñez", "2026-12-02"),
                row("r3", "", "2026-12-05"),
                row("r4", "Mía", "2026-11-01"),
                row("r5", "Zoe", ""),
            ],
        },
    );
    let all = reminders(&def, &answers);
    let labels: Vec<&str> = all.iter().map(|r| r.label.en.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Follow-up date (Leo Smith)",
            "Follow-up date (Ana Núñez)",
            "Follow-up date (Contact 3)",
            "Follow-up date (Mía)",
        ]
    );
    assert_eq!(all[1].label.es, "Fecha de seguimiento (Ana Núñez)");
    // Home shows the next few still ahead, soonest first.
    let next: Vec<&str> = next_ahead(&all, "2026-11-30", 2)
        .iter()
        .map(|r| r.date.as_str())
        .collect();
    assert_eq!(next, ["2026-12-02", "2026-12-05"]);
}

/// Whatever is found under a document's key (a broken disk, a hand edit, another app), opening
/// it never panics and never drops the text: it opens, or it is kept aside word for word.
mod property {
    use super::*;
    use proptest::prelude::*;

    const GOLDEN: &str = include_str!("fixtures/documents/v2-getting-to-know.json");

    fn opens_or_is_kept_aside(src: &str) -> Result<(), TestCaseError> {
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        common::opens_or_is_kept_aside(src, &seven(), now);
        Ok(())
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
            opens_or_is_kept_aside(&s)?;
        }

        #[test]
        fn arbitrary_edits_of_a_saved_document_never_lose_it(cut in 0usize..2000, insert in "[\\[\\]{}\",:a-z0-9 ]{0,12}") {
            let at = cut.min(GOLDEN.len());
            let at = (0..=at).rev().find(|i| GOLDEN.is_char_boundary(*i)).unwrap_or(0);
            let mut s = GOLDEN.to_string();
            s.insert_str(at, &insert);
            opens_or_is_kept_aside(&s)?;
        }
    }
}

#[test]
fn a_child_saved_from_a_tab_opened_earlier_keeps_what_another_tab_saved() {
    use family_forms::model::child::Child;
    let child = |id: &str, name: &str| Child {
        id: id.into(),
        name: name.into(),
        ..Child::default()
    };
    let store = MemoryStore::new();
    save_children(&store, &[child("c1", "Mía Núñez")]).unwrap();
    // Tab A, opened with [Mía], adds Leo; tab B, opened at the same time, still shows [Mía]
    // and changes her details: Leo stays.
    put_child(&store, child("c2", "Leo Park")).unwrap();
    let saved = put_child(
        &store,
        Child {
            grade: "1".into(),
            ..child("c1", "Mía Núñez")
        },
    )
    .unwrap();
    let names: Vec<(&str, &str, &str)> = saved
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str(), c.grade.as_str()))
        .collect();
    assert_eq!(
        names,
        [("c1", "Mía Núñez", "1"), ("c2", "Leo Park", "")],
        "changed in place, the other tab's child kept"
    );
    assert_eq!(load_children(&store), saved);
    // A full device saves nothing and says so.
    store.fail_writes_with(Some(StorageError::Full));
    assert_eq!(
        put_child(&store, child("c3", "Ana")),
        Err(StorageError::Full)
    );
    assert_eq!(load_children(&store).len(), 2);
}

/// One answer that cannot be read (a hand edit, a bug, a disk) must not take the others with
/// it: the document is kept aside word for word, and what reads is put back in its place.
mod salvage {
    use super::*;
    use family_forms::model::document::salvage;
    use family_forms::storage::documents::{
        describe_kept_aside, list_summaries, set_aside_damaged, KeptAside,
    };

    const GOLDEN: &str = include_str!("fixtures/documents/v2-getting-to-know.json");

    /// The golden document with its allergy answer and its household rows broken.
    fn two_answers_broken() -> String {
        GOLDEN
            .replace(r#""answer":"yes""#, r#""answer":"maybe""#)
            .replace(r#""id":"r1""#, r#""id":7"#)
    }

    fn gtk() -> std::sync::Arc<family_forms::model::schema::FormDef> {
        builtin()
            .iter()
            .find(|f| f.id == "getting-to-know-my-child")
            .cloned()
            .unwrap()
    }

    #[test]
    fn a_damaged_document_gives_every_answer_that_reads() {
        let broken = two_answers_broken();
        assert!(matches!(restore(&broken), Err(RestoreError::Damaged(_))));
        let s = salvage(&broken).expect("its id, form and dates read");
        assert_eq!(s.unreadable, ["food_allergies", "household"]);
        // Lost, not unanswered: the document says so from now on (see `Document::missing`).
        assert_eq!(s.document.missing, s.unreadable);
        assert_eq!(restore(&to_saved(&s.document)).unwrap(), s.document);
        let whole = restore(GOLDEN).unwrap();
        assert!(whole.missing.is_empty());
        assert_eq!(s.document.id, whole.id);
        assert_eq!(s.document.child_id, whole.child_id);
        assert_eq!(s.document.revision, 40);
        assert_eq!(s.document.answers.0.len(), 2);
        assert_eq!(
            s.document.answers.get("preferred_name"),
            Some(&Answer::text("Mía"))
        );
        // The first released format too.
        let v1 = include_str!("fixtures/documents/v1-seven-things.json").replacen(
            r#""type":"text""#,
            r#""type":"texto""#,
            1,
        );
        let s = salvage(&v1).expect("a v1 document salvages");
        assert_eq!(s.unreadable.len(), 1);
        assert_eq!(s.document.child_id, None);

        // Nothing is made up where the rest cannot be trusted.
        for nothing_to_trust in [
            GOLDEN.replace(r#""form_id":"getting-to-know-my-child","#, ""),
            GOLDEN.replace(r#""created":"2026-11-21T10:00:00Z""#, r#""created":3"#),
            r#"{"format":"family-forms/document","version":2,"document":{"id":"d1","answers":7}}"#
                .into(),
            r#"{"format":"family-forms/document","version":9,"document":{}}"#.into(),
            "{\"format\":".into(),
        ] {
            assert_eq!(salvage(&nothing_to_trust), None, "{nothing_to_trust}");
        }
    }

    #[test]
    fn a_list_of_missing_answers_that_cannot_be_read_is_dropped_not_a_reason_to_refuse() {
        let with_missing = |missing: &str| {
            GOLDEN.replacen(
                r#""answers":"#,
                &format!(r#""missing":{missing},"answers":"#),
                1,
            )
        };
        let read = |missing: &str| restore(&with_missing(missing)).unwrap().missing;
        assert_eq!(read(r#"["food_allergies"]"#), ["food_allergies"]);
        assert_eq!(read(r#"[1, "", {"a": 2}, "toys"]"#), ["toys"]);
        for hostile in [
            "5",
            "\"toys\"",
            "null",
            "{}",
            &format!("[\"{}\"]", "x".repeat(300)),
        ] {
            assert!(read(hostile).is_empty(), "{hostile}");
        }
        let many = format!("[{}]", vec!["\"a\""; 5000].join(","));
        assert_eq!(
            read(&many).len(),
            1000,
            "no more than any form has questions"
        );
    }

    #[test]
    fn at_start_a_damaged_document_is_kept_aside_and_what_reads_stays_on_home() {
        let store = MemoryStore::new();
        let broken = two_answers_broken();
        let id = "d1763900000000a1";
        store.set(&keys::document(id), &broken).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        assert_eq!(set_aside_damaged(&store, now), 1);
        let aside = keys::recovery(id, now.timestamp_millis());
        assert_eq!(store.get(&aside).unwrap().as_deref(), Some(broken.as_str()));
        let back = restore(&store.get(&keys::document(id)).unwrap().unwrap()).unwrap();
        assert_eq!(
            back.answers.get("child_name"),
            Some(&Answer::text("Mía Núñez"))
        );
        assert_eq!(back.revision, 40, "the same document, not a newer one");
        let home = list_summaries(&store, |f| builtin().iter().find(|d| d.id == f).cloned());
        assert_eq!(home.len(), 1, "still on home, under its child");
        assert_eq!(home[0].child_id.as_deref(), Some("c1763800000000b2"));
        // Once put back it reads: the next start keeps nothing more aside.
        assert_eq!(set_aside_damaged(&store, now), 1);

        // Settings says what the entry is and what was left out.
        let (what, when) = describe_kept_aside(&store, &aside);
        assert_eq!(when, Some(now));
        let KeptAside::Document {
            document,
            unreadable,
        } = what
        else {
            panic!("a document")
        };
        assert_eq!(document.form_id, "getting-to-know-my-child");
        assert_eq!(unreadable, ["food_allergies", "household"]);
        let def = gtk();
        assert_eq!(
            family_forms::export::letter::questions_named(&def, &unreadable, Locale::En),
            "“Does my child have a food allergy?” and “Who lives at home”"
        );
        assert_eq!(
            family_forms::export::letter::questions_named(&def, &unreadable, Locale::Es),
            "«¿Mi hijo o hija tiene alergia a alguna comida?» y «Quién vive en casa»"
        );
    }

    #[test]
    fn opening_a_document_damaged_since_start_gives_what_reads_and_names_the_rest() {
        let store = MemoryStore::new();
        let id = "d1763900000000a1";
        store
            .set(&keys::document(id), &two_answers_broken())
            .unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        let loaded = open_document(&store, id, &gtk(), now).unwrap();
        let Some(RestoreError::Damaged(why)) = &loaded.problem else {
            panic!("damaged")
        };
        // What the JSON reader said is English for a developer: Spanish is Spanish throughout.
        let es = loaded.problem.as_ref().unwrap().message(Locale::Es);
        assert!(
            !es.contains(why.as_str()) && es.contains("Configuración"),
            "{es}"
        );
        assert!(!loaded.read_only, "what reads can be typed on");
        assert_eq!(loaded.unreadable, ["food_allergies", "household"]);
        assert_eq!(
            loaded.document.answers.get("preferred_name"),
            Some(&Answer::text("Mía"))
        );
        assert!(store
            .get(&keys::recovery(id, now.timestamp_millis()))
            .unwrap()
            .is_some());
    }

    #[test]
    fn at_start_every_child_who_still_reads_stays_on_home() {
        use family_forms::model::child::Child;
        use family_forms::storage::documents::{load_children, save_children};
        let store = MemoryStore::new();
        let mia = Child {
            id: "c1".into(),
            name: "Mía Núñez".into(),
            ..Child::default()
        };
        let leo = Child {
            id: "c3".into(),
            name: "Leo".into(),
            ..Child::default()
        };
        save_children(&store, &[mia.clone(), leo.clone()]).unwrap();
        let saved = store.get(keys::CHILDREN).unwrap().unwrap();
        // A second child between them whose name is a number: the list as a whole fails.
        let broken = saved.replace(r#"{"id":"c3""#, r#"{"id":"c2","name":7},{"id":"c3""#);
        assert_ne!(broken, saved);
        store.set(keys::CHILDREN, &broken).unwrap();
        assert!(load_children(&store).is_empty());
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        assert_eq!(set_aside_damaged(&store, now), 1);
        assert_eq!(load_children(&store), [mia, leo]);
        let aside = keys::recovery("children", now.timestamp_millis());
        assert_eq!(store.get(&aside).unwrap(), Some(broken.clone()));
        assert_eq!(
            describe_kept_aside(&store, &aside).0,
            KeptAside::Children {
                unreadable: Some(1)
            }
        );
    }

    #[test]
    fn settings_tells_each_kind_of_entry_kept_aside_apart() {
        let store = MemoryStore::new();
        let at = |id: &str, src: &str| {
            let key = keys::recovery(id, 1_764_000_000_000);
            store.set(&key, src).unwrap();
            key
        };
        assert_eq!(
            describe_kept_aside(&store, &at("children", "[[[")).0,
            KeptAside::Children { unreadable: None }
        );
        // Earlier versions are named by the document they are of, while it reads.
        let versions = at("d1-versions", "{");
        assert_eq!(
            describe_kept_aside(&store, &versions).0,
            KeptAside::Versions { of: None }
        );
        store
            .set(&keys::document("d1"), &to_saved(&restore(GOLDEN).unwrap()))
            .unwrap();
        let KeptAside::Versions { of: Some(doc) } = describe_kept_aside(&store, &versions).0 else {
            panic!("versions of a document")
        };
        assert_eq!(doc.form_id, "getting-to-know-my-child");
        assert_eq!(
            describe_kept_aside(&store, &at("d1", "{\"format\":")).0,
            KeptAside::Unreadable
        );
        assert_eq!(
            describe_kept_aside(&store, "family-forms:recovery:odd").1,
            None
        );
    }

    #[test]
    fn settings_lists_what_was_kept_aside_most_recent_first() {
        use family_forms::storage::documents::kept_aside_keys;
        let store = MemoryStore::new();
        let day = |d: i64| 1_764_000_000_000 + d * 86_400_000;
        // Kept aside on days 2, 0 and 1; the store's own order is the keys' (children, d1, d9).
        let entries = [
            keys::recovery("children", day(2)),
            keys::recovery("d1", day(0)),
            keys::recovery("d9", day(1)),
        ];
        for key in &entries {
            store.set(key, "{").unwrap();
        }
        store.set(&keys::document("d1"), "not kept aside").unwrap();
        let [children, d1, d9] = entries;
        assert_eq!(kept_aside_keys(&store), [children, d9, d1]);
    }
}
