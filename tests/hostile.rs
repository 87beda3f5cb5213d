//! Hostile edits of real files, value by value. Every value in a real data file, saved
//! document, backup and form definition is replaced in turn by a value of another kind (or
//! removed), and what reads it must either refuse it with a reason or give something every
//! part of the app can draw, check, print and export without a panic. The byte-level fuzzing in
//! `export.rs` and `documents.rs` rarely makes valid JSON; these edits always do, so they reach
//! the code behind the JSON reader: a hand-edited file, another program's output, an old bug.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;

use chrono::{DateTime, TimeZone, Utc};
use family_forms::export::booklet::{booklet, plain_text, Mode};
use family_forms::export::class_sheet::class_sheet;
use family_forms::export::data_file::{read_data_file, write_data_file};
use family_forms::export::pdf::booklet_pdf;
use family_forms::forms::builtin;
use family_forms::model::by_month::{month_of_log, months_of_log, Month};
use family_forms::model::child::Child;
use family_forms::model::definition::parse_definition;
use family_forms::model::differences::changes;
use family_forms::model::document::{to_saved, Document};
use family_forms::model::logic::{derived_value, is_cell_visible, is_visible_in};
use family_forms::model::progress::progress;
use family_forms::model::reminders::reminders;
use family_forms::model::schema::{FieldKind, FormDef};
use family_forms::model::text::Locale;
use family_forms::model::validate::validate;
use family_forms::model::values::{Answer, Answers};
use family_forms::storage::backup::{backup_everything, history, remember_version, restore_backup};
use family_forms::storage::documents::{
    list_documents, list_summaries, load_children, save_children,
};
use family_forms::storage::memory::MemoryStore;
use family_forms::storage::{keys, KeyValueStore};
use serde_json::{json, Value};
use std::sync::Arc;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
}

/// What a value can be turned into: each JSON kind, edges of numbers, dates that do not exist,
/// and text long enough to test every line-breaking and table-sizing loop.
fn hostile_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(2.5),
        json!(1e300),
        json!(u64::MAX),
        json!(""),
        json!("2026-02-30"),
        json!("-99999-01-01"),
        json!("ÿ€\u{1F600}\u{202E}<script>".repeat(300)),
        json!([]),
        json!([null, {}]),
        json!({}),
        json!({ "": [] }),
    ]
}

/// A step from a JSON value into one of its children.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path of every value in `root`, the root itself first.
fn paths(root: &Value) -> Vec<Vec<Step>> {
    fn walk(value: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(here.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    here.push(Step::Key(k.clone()));
                    walk(v, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    here.push(Step::Index(i));
                    walk(v, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

fn at<'v>(root: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(root, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// Calls `check` with every edit of `text`: each value replaced by each hostile value, and
/// each member or item removed. A panic names the edit, so a failure can be replayed.
fn for_every_edit(text: &str, mut check: impl FnMut(&str)) -> usize {
    let root: Value = serde_json::from_str(text).expect("a real file is JSON");
    let mut edits = 0;
    for path in paths(&root) {
        let mut edited: Vec<(String, Value)> = hostile_values()
            .into_iter()
            .map(|v| (format!("{path:?} = {}", short(&v)), v))
            .map(|(what, v)| {
                let mut copy = root.clone();
                *at(&mut copy, &path) = v;
                (what, copy)
            })
            .collect();
        if let Some((last, parent)) = path.split_last() {
            let mut copy = root.clone();
            match (at(&mut copy, parent), last) {
                (Value::Object(map), Step::Key(k)) => {
                    map.remove(k);
                }
                (Value::Array(items), Step::Index(i)) => {
                    items.remove(*i);
                }
                _ => unreachable!("a path steps into what holds it"),
            }
            edited.push((format!("{path:?} removed"), copy));
        }
        for (what, copy) in edited {
            let text = copy.to_string();
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&text)));
            if let Err(panic) = caught {
                panic!("edit {what} panicked: {panic:?}\n{text:.2000}");
            }
            edits += 1;
        }
    }
    edits
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 24 {
        format!(
            "{}…",
            &s[..s.char_indices().nth(20).map_or(s.len(), |(i, _)| i)]
        )
    } else {
        s
    }
}

/// Everything the app does with a form and its answers, outside the browser: checks,
/// progress, dates for home, differences from a kept copy, derived values, a log's months,
/// the booklet in both languages, its text, its PDF, and the teacher's class sheet.
fn draw_everything(def: &FormDef, answers: &Answers) {
    let _ = validate(def, answers, "2026-11-30");
    let _ = progress(def, answers);
    let _ = reminders(def, answers);
    let _ = changes(def, answers, &Answers::default()).count();
    for section in &def.sections {
        for field in &section.fields {
            let _ = is_visible_in(def, answers, section, field);
            match &field.kind {
                FieldKind::Derived { rule } => {
                    if let Some(d) = derived_value(def, answers, rule) {
                        let _ = (d.date(), d.text(Locale::En), d.text(Locale::Es));
                    }
                }
                FieldKind::Rows {
                    columns, by_month, ..
                } => {
                    if let Some(Answer::Rows { rows }) = answers.get(&field.id) {
                        for row in rows {
                            for column in columns {
                                let _ = is_cell_visible(def, answers, &row.cells, column);
                            }
                        }
                        if let Some(by) = by_month {
                            let roster = by
                                .roster
                                .as_deref()
                                .and_then(|id| answers.get(id))
                                .map_or("", Answer::as_text);
                            let this = Month {
                                year: 2026,
                                month: 11,
                            };
                            for month in months_of_log(rows, by, this) {
                                let _ = month_of_log(rows, by, month, roster);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for locale in [Locale::En, Locale::Es] {
        let filled = booklet(def, answers, None, locale, Mode::Filled);
        let _ = plain_text(&filled);
        assert!(booklet_pdf(&filled, "2026-11-30")
            .bytes
            .starts_with(b"%PDF"));
    }
    let blank = booklet(def, answers, None, Locale::En, Mode::Blank);
    assert!(booklet_pdf(&blank, "2026-11-30").bytes.starts_with(b"%PDF"));
    let mut doc = Document::new("d1", def.id.clone(), def.version, now());
    doc.answers = answers.clone();
    let _ = class_sheet(def, &[doc], &[], Locale::Es);
}

/// The shipped forms whose answers hold every kind between them: rows with dates and
/// follow-ups (the contact log, by month), a checklist, derived dates and a goal (the plan),
/// a letter, and yes / no with details.
const FORMS: [&str; 5] = [
    "getting-to-know-my-child",
    "partnership-plan",
    "family-contact-log",
    "case-manager-checklist",
    "letter-evaluation",
];

#[test]
fn every_edit_of_a_received_file_is_refused_or_read_and_drawn() {
    let mut read = 0;
    for id in FORMS {
        let def = form(id);
        let file = write_data_file(&def, &filled(&def), None, None, now());
        let edits = for_every_edit(&file, |text| {
            if let Ok(received) = read_data_file(text, builtin()) {
                draw_everything(&received.def, &received.document.answers);
                read += 1;
            }
        });
        assert!(edits > 200, "{id}: only {edits} edits");
    }
    // Most edits touch one answer, which is then read or left out; a test that refused them
    // all would prove nothing about drawing them.
    assert!(read > 1000, "only {read} edited files were read");
}

#[test]
fn every_edit_of_a_school_form_sent_inside_a_file_is_refused_or_read_and_drawn() {
    // A school's own form travels inside the file (as text), so the definition's reader meets
    // it from a stranger's hands too.
    let src = include_str!("fixtures/every-kind.json");
    let def = parse_definition(src).expect("the fixture is a good form");
    let answers = filled(&def).answers;
    let mut read = 0;
    for_every_edit(src, |text| {
        if let Ok(def) = parse_definition(text) {
            draw_everything(&def, &answers);
            draw_everything(&def, &filled(&def).answers);
            read += 1;
        }
    });
    assert!(read > 100, "only {read} edited forms were read");
}

#[test]
fn every_edit_of_a_saved_document_opens_or_is_kept_aside_word_for_word() {
    for (golden, form_id) in [
        (
            include_str!("fixtures/documents/v1-seven-things.json"),
            "seven-things",
        ),
        (
            include_str!("fixtures/documents/v2-getting-to-know.json"),
            "getting-to-know-my-child",
        ),
        (
            include_str!("fixtures/documents/v2-received-with-origin.json"),
            "getting-to-know-my-child",
        ),
        (
            include_str!("fixtures/documents/v2-with-missing-answers.json"),
            "seven-things",
        ),
        (
            &to_saved(&filled(&form("partnership-plan"))),
            "partnership-plan",
        ),
    ] {
        let def = form(form_id);
        for_every_edit(golden, |text| {
            let (store, loaded) = opens_or_is_kept_aside(text, &def, now());
            // What opened is what the page draws, whichever form it claims to be of.
            draw_everything(&def, &loaded.document.answers);
            // Answers it lost, whatever an edit made of their list, name the form's questions.
            if !loaded.document.missing.is_empty() {
                let copy = booklet(
                    &def,
                    &loaded.document.answers,
                    None,
                    Locale::Es,
                    Mode::Filled,
                )
                .with_missing(&def, &loaded.document);
                assert!(copy.missing.len() <= def.fields().count());
                let _ = plain_text(&copy);
                assert!(booklet_pdf(&copy, "2026-11-30").bytes.starts_with(b"%PDF"));
            }
            let _ = list_summaries(&store, |id| builtin().iter().find(|f| f.id == id).cloned());
        });
    }
}

#[test]
fn every_edit_of_a_backup_is_refused_or_restored_into_a_device_that_still_works() {
    let store = MemoryStore::new();
    let child = Child {
        id: "c1".into(),
        name: "Mía".into(),
        birth_date: "2021-03-04".into(),
        grade: "k".into(),
        ..Child::default()
    };
    save_children(&store, &[child]).unwrap();
    for (n, id) in ["partnership-plan", "family-contact-log"]
        .iter()
        .enumerate()
    {
        let mut doc = filled(&form(id));
        doc.id = format!("d{n}");
        doc.child_id = Some("c1".into());
        store
            .set(&keys::document(&doc.id), &to_saved(&doc))
            .unwrap();
        remember_version(&store, &doc, true);
    }
    store
        .set(
            &keys::added_form("every-kind"),
            include_str!("fixtures/every-kind.json"),
        )
        .unwrap();
    let backup = backup_everything(&store, now());

    let mut restored = 0;
    for_every_edit(&backup, |text| {
        let device = MemoryStore::new();
        if let Ok(Ok(_)) = restore_backup(&device, text, now()) {
            restored += 1;
        }
        // Whatever was restored, home, the forms and their versions open.
        let mut forms: Vec<Arc<FormDef>> = builtin().to_vec();
        forms.extend(
            device
                .values_with_prefix(keys::ADDED_FORM_PREFIX)
                .iter()
                .filter_map(|src| parse_definition(src).ok())
                .map(Arc::new),
        );
        let find = |id: &str| forms.iter().find(|f| f.id == id).cloned();
        let _ = load_children(&device);
        let _ = list_summaries(&device, find);
        for doc in list_documents(&device) {
            if let Some(def) = find(&doc.form_id) {
                draw_everything(&def, &doc.answers);
                for version in history(&device, &doc.id) {
                    let _ = changes(&def, &doc.answers, &version.answers).count();
                }
            }
        }
    });
    assert!(
        restored > 500,
        "only {restored} edited backups were restored"
    );
}
