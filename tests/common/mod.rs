//! What several native test files need: the shipped forms by id, and a document with every
//! question answered (accents in every text), so each check covers every field kind.
#![allow(dead_code)] // each test file uses its own part of this

use chrono::{DateTime, TimeZone, Utc};
use family_forms::forms::builtin;
use family_forms::model::document::{restore, saved_revision, Document, RestoreError};
use family_forms::model::schema::{Field, FieldKind, FormDef};
use family_forms::model::values::{Answer, Answers, CheckItem, Row, YesNo, OTHER};
use family_forms::storage::documents::{open_document, Loaded};
use family_forms::storage::memory::MemoryStore;
use family_forms::storage::{keys, KeyValueStore};

pub const ACCENTS: &str = "¿Qué le gusta? ¡Mucho! Ñandú, pingüino, canción – “cuentos” — l’école, árbol, éxito, índice, ópera, único";

pub fn form(id: &str) -> FormDef {
    builtin()
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.as_ref().clone())
        .expect("shipped form")
}

/// An answer for `field` that uses accents, so every PDF check covers them.
pub fn answer_for(field: &Field, n: usize) -> Option<Answer> {
    let text = format!("{ACCENTS} ({n})");
    Some(match &field.kind {
        FieldKind::ShortText { .. } | FieldKind::LongText {} => Answer::text(text),
        FieldKind::Date { .. } => Answer::text(format!("2026-11-{:02}", 1 + n % 28)),
        FieldKind::Number { .. } => Answer::text(format!("{n}")),
        FieldKind::Email {} => Answer::text(format!("familia{n}@example.org")),
        FieldKind::Phone {} => Answer::text("(860) 555-0134"),
        FieldKind::Choice { options, other, .. } => {
            if *other {
                Answer::Choice {
                    selected: OTHER.into(),
                    other: text,
                }
            } else {
                Answer::Choice {
                    selected: options[n % options.len()].value.clone(),
                    other: String::new(),
                }
            }
        }
        FieldKind::MultiChoice { options, .. } => Answer::Multi {
            selected: options.iter().take(2).map(|o| o.value.clone()).collect(),
            other: String::new(),
        },
        FieldKind::YesNo { .. } => Answer::YesNo {
            answer: Some(YesNo::Yes),
            details: text,
        },
        FieldKind::Rating { max, .. } => Answer::text(max.to_string()),
        FieldKind::Checklist { items } => Answer::Checklist {
            items: items
                .iter()
                .map(|i| {
                    (
                        i.id.clone(),
                        CheckItem {
                            done: true,
                            date: "2026-11-20".into(),
                            note: "listo, señora".into(),
                        },
                    )
                })
                .collect(),
        },
        FieldKind::Rows { columns, .. } => Answer::Rows {
            rows: (0..2)
                .map(|r| Row {
                    id: format!("r{r}"),
                    cells: Answers(
                        columns
                            .iter()
                            .filter_map(|c| Some((c.id.clone(), answer_for(c, n + r)?)))
                            .collect(),
                    ),
                })
                .collect(),
        },
        FieldKind::Signature {} => Answer::Signature {
            name: "Inés Muñoz".into(),
            date: "2026-11-23".into(),
        },
        FieldKind::Derived { .. } | FieldKind::Info { .. } | FieldKind::Letter { .. } => {
            return None
        }
    })
}

pub fn filled(def: &FormDef) -> Document {
    let mut doc = Document::new(
        "d1",
        def.id.clone(),
        def.version,
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    );
    for (n, (_, field)) in def.fields().enumerate() {
        if let Some(a) = answer_for(field, n) {
            doc.answers.0.insert(field.id.clone(), a);
        }
    }
    doc
}

/// Opens `src`, found under a document's key (a broken disk, a hand edit, another app), as
/// the app does, and checks that nothing is lost: it opens as a full read finds it, or
/// read-only when a newer app wrote it, or it is kept aside word for word. Returns the store
/// after opening, and what the page would draw.
pub fn opens_or_is_kept_aside(
    src: &str,
    def: &FormDef,
    now: DateTime<Utc>,
) -> (MemoryStore, Loaded) {
    let store = MemoryStore::new();
    store.set(&keys::document("d1"), src).unwrap();
    let loaded = open_document(&store, "d1", def, now).expect("an entry is there");
    match restore(src) {
        Ok(doc) => {
            // Saving reads the revision alone: it must be the one a full read finds.
            assert_eq!(saved_revision(src), Some(doc.revision));
            assert_eq!(loaded.document, doc);
        }
        Err(RestoreError::Newer(_)) => assert!(loaded.read_only),
        Err(_) => {
            let kept = store
                .get(&keys::recovery("d1", now.timestamp_millis()))
                .unwrap();
            assert_eq!(
                kept.as_deref(),
                Some(src),
                "a damaged entry is kept as it was"
            );
        }
    }
    (store, loaded)
}
