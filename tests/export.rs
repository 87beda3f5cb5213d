//! What leaves the device: the booklet, the PDF (read back with a PDF library), the plain-text
//! summary, and the data file a teacher opens, including every hostile file case.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;

use chrono::{TimeZone, Utc};
use family_forms::export::booklet::{booklet, plain_text, Entry, Mode};
use family_forms::export::data_file::{
    read_data_file, write_data_file, ImportError, MAX_FILE_BYTES,
};
use family_forms::export::pdf::{booklet_pdf, PdfFile, MARKER};
use family_forms::forms::builtin;
use family_forms::model::child::Child;
use family_forms::model::definition::parse_definition;
use family_forms::model::document::{restore, to_saved, Document};
use family_forms::model::schema::{Field, FieldKind, FormDef};
use family_forms::model::text::Locale;
use family_forms::model::values::{Answer, Answers, YesNo, OTHER};

/// A long-text question shown whatever the other answers are.
fn long_text_field(def: &FormDef) -> &Field {
    def.sections
        .iter()
        .filter(|s| s.visible_when.is_none())
        .flat_map(|s| &s.fields)
        .find(|f| matches!(f.kind, FieldKind::LongText {}) && f.visible_when.is_none())
        .expect("a long-text question")
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pdf_text(bytes: &[u8]) -> (lopdf::Document, String) {
    let pdf = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).expect("its text extracts");
    (pdf, text)
}

#[test]
fn pdf_of_a_fully_filled_form_holds_every_answer_with_accents_in_both_languages() {
    for id in [
        "getting-to-know-my-child",
        "ppt-prep",
        "partnership-plan",
        "seven-things",
    ] {
        let def = form(id);
        let doc = filled(&def);
        for locale in [Locale::En, Locale::Es] {
            let b = booklet(&def, &doc.answers, None, locale, Mode::Filled);
            let file = booklet_pdf(&b, "23 de noviembre de 2026");
            assert_eq!(file.replaced, 0, "{id}: nothing needs replacing");
            let (_, text) = pdf_text(&file.bytes);
            let text = squash(&text);
            assert!(
                text.contains(&squash(&b.form_title)),
                "{id}: title on the cover"
            );
            let mut checked = 0;
            for section in &b.sections {
                assert!(
                    text.contains(&squash(&section.title)),
                    "{id}: section {}",
                    section.title
                );
                for entry in &section.entries {
                    match entry {
                        Entry::Answer { question, answer } => {
                            assert!(
                                text.contains(&squash(question)),
                                "{id} {locale:?}: question {question}"
                            );
                            assert!(
                                text.contains(&squash(answer)),
                                "{id} {locale:?}: answer {answer}"
                            );
                        }
                        Entry::Table { rows, .. } => {
                            for cell in rows.iter().flatten() {
                                assert!(text.contains(&squash(cell)), "{id}: cell {cell}");
                            }
                        }
                        _ => {}
                    }
                    checked += 1;
                }
            }
            assert!(checked > 5, "{id}: the booklet has entries ({checked})");
            assert!(
                text.contains(&squash(ACCENTS)),
                "{id}: accents, ¿ ¡ ñ ü, quotes and dashes survive"
            );
        }
    }
}

#[test]
fn every_visible_answered_question_reaches_the_booklet_and_hidden_ones_do_not() {
    let def = form("getting-to-know-my-child");
    let doc = filled(&def);
    let b = booklet(&def, &doc.answers, None, Locale::En, Mode::Filled);
    let questions: Vec<&str> = b
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .map(Entry::heading)
        .collect();
    for section in &def.sections {
        for field in &section.fields {
            let shown =
                family_forms::model::logic::is_visible_in(&def, &doc.answers, section, field);
            let label = field.label.get(Locale::En);
            match field.kind {
                FieldKind::Info { .. } => assert!(
                    !questions.contains(&label),
                    "notes are not in a filled booklet"
                ),
                _ if shown => assert!(questions.contains(&label), "missing: {label}"),
                _ => assert!(
                    !questions.contains(&label),
                    "hidden question printed: {label}"
                ),
            }
        }
    }
    // Unanswered questions are left out of a filled booklet, but all are in a blank one.
    let empty = booklet(&def, &Answers::default(), None, Locale::En, Mode::Filled);
    assert!(empty.sections.is_empty());
    let blank = booklet(&def, &Answers::default(), None, Locale::Es, Mode::Blank);
    let count: usize = blank.sections.iter().map(|s| s.entries.len()).sum();
    assert_eq!(count, def.fields().count());
    assert!(booklet_pdf(&blank, "").bytes.starts_with(b"%PDF"));
}

#[test]
fn the_cover_names_the_child_by_the_name_they_like() {
    let def = form("getting-to-know-my-child");
    let mut answers = Answers::default();
    answers
        .0
        .insert("child_name".into(), Answer::text("Amelia Núñez"));
    answers
        .0
        .insert("preferred_name".into(), Answer::text("Mía"));
    assert_eq!(
        booklet(&def, &answers, None, Locale::En, Mode::Filled).child_name,
        "Mía"
    );
    let child = Child {
        id: "c1".into(),
        name: "Amelia Núñez".into(),
        preferred_name: "Millie".into(),
        ..Child::default()
    };
    assert_eq!(
        booklet(&def, &answers, Some(&child), Locale::En, Mode::Filled).child_name,
        "Millie"
    );
}

/// The every-kind fixture with its allergy question, the plan that shows only after "Yes",
/// a name and the derived review date marked as key answers.
fn form_with_key_answers() -> FormDef {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/every-kind.json")).unwrap();
    for (s, f) in [(0, 0), (1, 3), (1, 4), (2, 3)] {
        v["sections"][s]["fields"][f]["at_a_glance"] = true.into();
    }
    parse_definition(&v.to_string()).expect("valid")
}

#[test]
fn the_cover_repeats_the_key_answers_that_were_given_and_are_shown() {
    let def = form_with_key_answers();
    let mut answers = Answers::default();
    // The words typed under "Yes" are kept when the answer becomes "No" (so a second change
    // of mind loses nothing), but hidden with their box: not on the cover either.
    let allergy = |yes| Answer::YesNo {
        answer: Some(if yes { YesNo::Yes } else { YesNo::No }),
        details: "Peanuts".into(),
    };
    answers.0.insert("allergies".into(), allergy(false));
    // Kept from an earlier "Yes", but hidden now: not on the cover either.
    answers.0.insert(
        "allergy_plan".into(),
        Answer::text("EpiPen in her backpack"),
    );
    answers
        .0
        .insert("story".into(), Answer::text("Not a key answer"));
    let glance = |answers: &Answers, mode| -> Vec<(String, String)> {
        booklet(&def, answers, None, Locale::En, mode)
            .at_a_glance
            .into_iter()
            .map(|e| match e {
                Entry::Answer { question, answer } => (question, answer),
                other => panic!("only answers at a glance, got {other:?}"),
            })
            .collect()
    };
    let allergies_q = def.field("allergies").unwrap().label.en.clone();
    // The name was not answered and the review date has no start date: both left out.
    assert_eq!(
        glance(&answers, Mode::Filled),
        [(allergies_q.clone(), "No".to_string())]
    );

    answers.0.insert("allergies".into(), allergy(true));
    answers.0.insert("name".into(), Answer::text("Mía Núñez"));
    answers.0.insert("start".into(), Answer::text("2026-09-01"));
    let shown = glance(&answers, Mode::Filled);
    let questions: Vec<&str> = shown.iter().map(|(q, _)| q.as_str()).collect();
    let label = |id: &str| def.field(id).unwrap().label.en.clone();
    assert_eq!(
        questions,
        [
            label("name"),
            allergies_q,
            label("allergy_plan"),
            label("review")
        ],
        "in the form's order"
    );
    assert_eq!(shown[1].1, "Yes: Peanuts");
    assert_eq!(shown[2].1, "EpiPen in her backpack");
    assert_eq!(
        shown[3].1, "October 31, 2026",
        "the derived date, as a reader reads it"
    );
    assert!(
        glance(&answers, Mode::Blank).is_empty(),
        "a blank copy has no answers"
    );

    // In Spanish, and first in the text message.
    let es = booklet(&def, &answers, None, Locale::Es, Mode::Filled);
    assert_eq!(es.at_a_glance_title(), "Lo más importante");
    let text = plain_text(&es);
    let key = text
        .find("Lo más importante\n=================\n")
        .expect("its own heading");
    let first_section = text.find(es.sections[0].title.as_str()).unwrap();
    assert!(key < first_section, "{text}");
    assert!(text[key..first_section].contains("EpiPen in her backpack"));
}

#[test]
fn the_pdf_cover_page_holds_the_key_answers() {
    let def = form("getting-to-know-my-child");
    let mut doc = filled(&def);
    // Key answers as a family writes them: a few words each.
    for (_, field) in def.fields().filter(|(_, f)| f.at_a_glance) {
        let short = match &field.kind {
            FieldKind::YesNo { .. } => Answer::YesNo {
                answer: Some(YesNo::Yes),
                details: "Peanuts: EpiPen in the front pocket".into(),
            },
            _ => answer_for(field, 0).unwrap(),
        };
        doc.answers.0.insert(field.id.clone(), short);
    }
    let b = booklet(&def, &doc.answers, None, Locale::En, Mode::Filled);
    let key: Vec<&str> = def
        .fields()
        .filter(|(_, f)| f.at_a_glance)
        .map(|(_, f)| f.label.en.as_str())
        .collect();
    assert!(
        key.len() >= 5,
        "the form marks its health and language answers: {key:?}"
    );
    assert_eq!(
        b.at_a_glance.len(),
        key.len(),
        "every key question was answered"
    );
    let file = booklet_pdf(&b, "2026-11-23");
    let pdf = lopdf::Document::load_mem(&file.bytes).unwrap();
    let cover = squash(&pdf.extract_text(&[1]).unwrap());
    assert!(cover.contains(&squash("At a glance")), "{cover}");
    for question in key {
        assert!(
            cover.contains(&squash(question)),
            "{question} on the cover: {cover}"
        );
    }
    // A yes comes with what to do about it.
    assert!(
        cover.contains(&squash("Yes: Peanuts: EpiPen in the front pocket")),
        "{cover}"
    );
}

/// A fully filled Getting to Know My Child for Mía, as a Spanish PDF.
fn filled_pdf_of_mia_in_spanish() -> (FormDef, PdfFile) {
    let def = form("getting-to-know-my-child");
    let mut doc = filled(&def);
    doc.answers
        .0
        .insert("preferred_name".into(), Answer::text("Mía"));
    let b = booklet(&def, &doc.answers, None, Locale::Es, Mode::Filled);
    let file = booklet_pdf(&b, "2026-11-23");
    (def, file)
}

#[test]
fn every_pdf_page_after_the_cover_names_the_child_and_its_number() {
    let (def, file) = filled_pdf_of_mia_in_spanish();
    let pdf = lopdf::Document::load_mem(&file.bytes).unwrap();
    let pages = pdf.get_pages().len();
    assert!(pages >= 3, "a filled form runs over several pages: {pages}");
    let cover = squash(&pdf.extract_text(&[1]).unwrap());
    assert!(
        !cover.contains("página 1"),
        "the cover has no foot: {cover}"
    );
    for n in 2..=pages {
        let text = squash(&pdf.extract_text(&[n as u32]).unwrap());
        let foot = format!("{} — Mía · página {n} de {pages}", def.title.es);
        assert!(text.contains(&squash(&foot)), "page {n}: {text}");
    }
}

#[test]
fn a_name_too_long_for_the_pdf_foot_is_cut_short_and_every_page_keeps_its_number() {
    let def = form("getting-to-know-my-child");
    let mut doc = filled(&def);
    let long =
        "María Guadalupe de los Ángeles Fernández-Rodríguez y Castillo de la Cruz Villanueva";
    doc.answers
        .0
        .insert("preferred_name".into(), Answer::text(long));
    let b = booklet(&def, &doc.answers, None, Locale::Es, Mode::Filled);
    let file = booklet_pdf(&b, "2026-11-23");
    let pdf = lopdf::Document::load_mem(&file.bytes).unwrap();
    let pages = pdf.get_pages().len();
    assert!(pages >= 3, "{pages}");
    // The cover keeps the whole name.
    assert!(squash(&pdf.extract_text(&[1]).unwrap()).contains(&squash(long)));
    for n in 2..=pages {
        let text = squash(&pdf.extract_text(&[n as u32]).unwrap());
        let start = squash(&format!("{} — María Guadalupe", def.title.es));
        let end = squash(&format!("… · página {n} de {pages}"));
        let foot_at = text
            .find(&start)
            .unwrap_or_else(|| panic!("page {n}: {text}"));
        let foot = &text[foot_at..];
        assert!(foot.contains(&end), "page {n}'s foot: {foot}");
        assert!(
            !foot.contains(&squash("Cruz Villanueva")),
            "page {n}'s foot: {foot}"
        );
    }
}

#[test]
fn pdf_metadata_has_title_and_language() {
    let (def, file) = filled_pdf_of_mia_in_spanish();
    let (pdf, _) = pdf_text(&file.bytes);
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(|r| pdf.get_dictionary(r.as_reference().unwrap()))
        .expect("info");
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    assert_eq!(title, format!("{} — Mía", def.title.es));
    let catalog = pdf.catalog().unwrap();
    let lang = lopdf::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap();
    assert_eq!(lang, "es");
}

#[test]
fn characters_the_fonts_lack_become_a_visible_marker_and_are_counted() {
    let def = form("seven-things");
    let field = long_text_field(&def);
    let mut answers = Answers::default();
    answers.0.insert(
        field.id.clone(),
        Answer::text("Le encanta 🦖 y 中文 — ¡sí!"),
    );
    let b = booklet(&def, &answers, None, Locale::Es, Mode::Filled);
    let file = booklet_pdf(&b, "hoy");
    assert_eq!(file.replaced, 3);
    let (_, text) = pdf_text(&file.bytes);
    assert!(squash(&text).contains(&squash(&format!(
        "Le encanta {MARKER} y {MARKER}{MARKER} — ¡sí!"
    ))));
}

#[test]
fn very_long_answers_and_words_wrap_onto_more_pages_without_losing_text() {
    let def = form("seven-things");
    let field = long_text_field(&def);
    let long = format!(
        "{} https://example.org/{}",
        "palabra ".repeat(3000),
        "x".repeat(400)
    );
    let mut answers = Answers::default();
    answers
        .0
        .insert(field.id.clone(), Answer::text(long.clone()));
    let file = booklet_pdf(
        &booklet(&def, &answers, None, Locale::En, Mode::Filled),
        "today",
    );
    let (pdf, text) = pdf_text(&file.bytes);
    assert!(pdf.get_pages().len() > 5);
    assert_eq!(squash(&text).matches("palabra").count(), 3000);
    assert!(squash(&text).contains(&squash(&format!("https://example.org/{}", "x".repeat(400)))));
}

#[test]
fn plain_text_summary_reads_like_a_message() {
    let def = form("seven-things");
    let doc = filled(&def);
    let text = plain_text(&booklet(&def, &doc.answers, None, Locale::Es, Mode::Filled));
    assert!(text.starts_with(def.title.es.as_str()));
    assert!(text.contains(ACCENTS));
    assert!(!text.contains('<'), "no markup in a text message");
    let first_section = &def.sections[0].title.es;
    let underline = "=".repeat(first_section.chars().count());
    assert!(
        text.contains(&format!("\n{first_section}\n{underline}\n")),
        "each section title stands out, underlined"
    );
}

#[test]
fn data_file_round_trips_with_form_and_child() {
    let def = form("getting-to-know-my-child");
    let doc = filled(&def);
    let child = Child {
        id: "c1".into(),
        name: "Amelia Núñez".into(),
        preferred_name: "Mía".into(),
        ..Child::default()
    };
    let text = write_data_file(&def, &doc, Some(&child), None, Utc::now());
    // Laid out one key a line, keys in order, as the files sent by earlier versions.
    assert!(
        text.starts_with("{\n  \"child\": {\n    \"name\": \""),
        "{text:.80}"
    );
    assert!(text.contains("\n  \"document\": {\n"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["form"]["id"], def.id.as_str());
    assert_eq!(value["form"]["version"], def.version);
    let received = read_data_file(&text, builtin()).expect("opens");
    assert_eq!(received.document, doc);
    assert_eq!(received.child_name, "Mía");
    assert!(received.new_form_source.is_none());
    // A plain saved copy (the "download a copy" file) opens too.
    assert!(read_data_file(&to_saved(&doc), builtin()).is_ok());
}

#[test]
fn a_school_form_travels_inside_the_file() {
    let source = include_str!("fixtures/every-kind.json");
    let def = family_forms::model::definition::parse_definition(source).unwrap();
    let doc = filled(&def);
    let text = write_data_file(&def, &doc, None, Some(source), Utc::now());
    // The form goes as it was added, not as this app reads it.
    let sent: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        sent["definition"],
        serde_json::from_str::<serde_json::Value>(source).unwrap()
    );
    let received = read_data_file(&text, builtin()).expect("opens with its own form");
    assert_eq!(received.def, def);
    assert!(received.new_form_source.is_some());
    // Without the definition, the app says which form is missing.
    let bare = write_data_file(&def, &doc, None, None, Utc::now());
    match read_data_file(&bare, builtin()) {
        Err(ImportError::UnknownForm(name)) => assert_eq!(name, def.title.en),
        other => panic!("expected UnknownForm, got {other:?}"),
    }
    // A broken definition inside the file is refused with its path.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["definition"]["sections"][0]["fields"][0]["kind"] = "dat".into();
    let err = read_data_file(&value.to_string(), builtin()).unwrap_err();
    assert!(
        err.message(Locale::En).contains("unknown kind \"dat\""),
        "{}",
        err.message(Locale::En)
    );
}

/// Whether an error is the one a case expects.
type Expect = fn(&ImportError) -> bool;

#[test]
fn hostile_files_are_refused_with_a_reason_in_both_languages() {
    let def = form("seven-things");
    let doc = filled(&def);
    let good: serde_json::Value =
        serde_json::from_str(&write_data_file(&def, &doc, None, None, Utc::now())).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let field = long_text_field(&def).id.clone();
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "too large",
            format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_FILE_BYTES)),
            |e| *e == ImportError::TooLarge,
        ),
        ("not JSON", "%PDF-1.7 this is not json".into(), |e| {
            *e == ImportError::NotJson
        }),
        ("empty", String::new(), |e| *e == ImportError::NotJson),
        (
            "deep nesting",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            |e| *e == ImportError::TooDeep,
        ),
        (
            "wrong format",
            with(&|v| v["format"] = "something-else".into()),
            |e| *e == ImportError::NotOurs,
        ),
        ("no format", "{\"hello\": 1}".into(), |e| {
            *e == ImportError::NotOurs
        }),
        (
            "a backup",
            "{\"format\":\"family-forms/backup\",\"version\":1}".into(),
            |e| *e == ImportError::IsBackup,
        ),
        ("newer version", with(&|v| v["version"] = 99.into()), |e| {
            *e == ImportError::Newer(99)
        }),
        (
            "unknown form",
            with(&|v| v["document"]["form_id"] = "nope".into()),
            |e| matches!(e, ImportError::UnknownForm(_)),
        ),
        (
            "damaged document",
            with(&|v| v["document"]["answers"] = 5.into()),
            |e| matches!(e, ImportError::Damaged(_)),
        ),
        (
            "a 1 MB answer",
            with(&|v| {
                v["document"]["answers"][field.as_str()] =
                    serde_json::json!({"type": "text", "value": "a".repeat(1_000_000)})
            }),
            |e| matches!(e, ImportError::AnswerTooLong(_)),
        ),
    ];
    for (name, text, expected) in cases {
        let err = read_data_file(&text, builtin()).expect_err(name);
        assert!(expected(&err), "{name}: got {err:?}");
        for locale in [Locale::En, Locale::Es] {
            assert!(err.message(locale).len() > 20, "{name}: a real message");
            // What the JSON reader said is English for a developer, not words for a teacher.
            if let ImportError::Damaged(why) = &err {
                assert!(!err.message(locale).contains(why.as_str()), "{name}: {why}");
            }
        }
        assert_ne!(
            err.message(Locale::En),
            err.message(Locale::Es),
            "{name}: translated"
        );
    }
}

#[test]
fn a_file_with_answers_that_cannot_be_read_opens_with_the_rest_and_names_them() {
    let def = form("getting-to-know-my-child");
    let doc = filled(&def);
    let mut value: serde_json::Value =
        serde_json::from_str(&write_data_file(&def, &doc, None, None, Utc::now())).unwrap();
    let [first, second, third] = ["preferred_name", "household", "toys"];
    for id in [first, second, third] {
        assert!(def.field(id).is_some(), "{id} is a question of the form");
        assert!(doc.answers.get(id).is_some(), "{id} is answered");
    }
    let answers = &mut value["document"]["answers"];
    answers[first] = serde_json::json!({"type": "text", "value": 5});
    answers[second] = serde_json::json!("yes");
    // An answer to a question the form does not have is never shown, read or not.
    answers["not_a_question"] = serde_json::json!([1, 2]);
    let received = read_data_file(&value.to_string(), builtin()).expect("opens what reads");
    let mut named = received.unreadable.clone();
    named.sort();
    assert_eq!(
        named,
        [second, first].map(String::from),
        "named: the form's questions only"
    );
    assert_eq!(received.document.answers.get(first), None);
    assert_eq!(received.document.answers.get(second), None);
    assert_eq!(
        received.document.answers.get(third),
        doc.answers.get(third),
        "every other answer is there"
    );
    assert_eq!(received.document.answers.0.len(), doc.answers.0.len() - 2);
    // Updating the copy this device keeps leaves the answers the file lost as they are here.
    let over = received.over(&doc);
    assert_eq!(over.answers, doc.answers);
    // A file whose answers as a whole are not a list of answers is still refused.
    value["document"]["answers"] = 5.into();
    assert!(matches!(
        read_data_file(&value.to_string(), builtin()),
        Err(ImportError::Damaged(_))
    ));
}

#[test]
fn every_copy_of_a_file_with_answers_that_cannot_be_read_names_them_on_its_cover() {
    let def = form("getting-to-know-my-child");
    let mut doc = filled(&def);
    // "How is my child handling it?" shows only after a big change, and none is answered here.
    doc.answers.0.remove("changes");
    let mut value: serde_json::Value =
        serde_json::from_str(&write_data_file(&def, &doc, None, None, Utc::now())).unwrap();
    for id in ["food_allergies", "toys", "changes_more"] {
        value["document"]["answers"][id] = serde_json::json!({"type": "yes_no", "answer": 5});
    }
    let received = read_data_file(&value.to_string(), builtin()).expect("opens what reads");
    assert_eq!(received.unreadable.len(), 3);
    let copy = |locale, mode| {
        booklet(&def, &received.document.answers, None, locale, mode)
            .with_missing(&def, &received.document)
    };
    let label = |id: &str, l| def.field(id).unwrap().label.get(l).to_string();
    let copy_of = |d: &Document| {
        booklet(&def, &d.answers, None, Locale::En, Mode::Filled).with_missing(&def, d)
    };
    for l in [Locale::En, Locale::Es] {
        let b = copy(l, Mode::Filled);
        // In form order, and never a question the answers given would hide.
        assert_eq!(b.missing, [label("toys", l), label("food_allergies", l)]);
        let text = plain_text(&b);
        let pdf = booklet_pdf(&b, "2026-11-23");
        let cover = squash(&pdf_text(&pdf.bytes).0.extract_text(&[1]).unwrap());
        for said in [
            b.missing_title(),
            b.missing_note(),
            &b.missing[0],
            &b.missing[1],
        ] {
            assert!(text.contains(said), "{said} in the text: {text}");
            assert!(
                cover.contains(&squash(said)),
                "{said} on the cover: {cover}"
            );
        }
        // Said before the key answers, and among them, so no one reads the allergy as none.
        assert!(text.find(b.missing_title()) < text.find(b.at_a_glance_title()));
        let allergy = b.at_a_glance.iter().find(|e| e.heading() == b.missing[1]);
        let Some(Entry::Answer { answer, .. }) = allergy else {
            panic!(
                "the allergy question among the key answers: {:?}",
                b.at_a_glance
            );
        };
        let said = match l {
            Locale::En => "could not be read",
            Locale::Es => "no se pudo leer",
        };
        assert!(answer.contains(said), "{answer}");
        // The class sheet of key answers says so too.
        let sheet = family_forms::export::class_sheet::class_sheet(
            &def,
            std::slice::from_ref(&received.document),
            &[],
            l,
        );
        assert!(sheet[0].entries.contains(allergy.unwrap()), "{sheet:?}");
    }
    // Saved on the device, the copy keeps naming it until it is answered again; so does a
    // file made from that copy, and one made from the file.
    let saved = restore(&to_saved(&received.document)).unwrap();
    assert_eq!(saved.missing, received.document.missing);
    let sent_on = write_data_file(&def, &saved, None, None, Utc::now());
    let again = read_data_file(&sent_on, builtin()).unwrap();
    assert!(again.unreadable.is_empty(), "nothing new was lost");
    assert_eq!(copy_of(&again.document).missing.len(), 2);
    let mut answered = again.document.clone();
    answered.answers.set("toys", Answer::text("Bloques"));
    // (A hidden question stays noted, should a later answer show it, but is never printed.)
    assert_eq!(answered.still_missing(), ["changes_more", "food_allergies"]);
    assert_eq!(
        copy_of(&answered).missing,
        [label("food_allergies", Locale::En)]
    );
    assert!(copy(Locale::En, Mode::Filled)
        .missing_note()
        .contains("could not be read"));
    // A blank copy is for a hand to fill: nothing in it is missing.
    assert!(copy(Locale::En, Mode::Blank).missing.is_empty());
    // Without answers left out, the copy is as it always was.
    let whole = booklet(&def, &doc.answers, None, Locale::En, Mode::Filled);
    assert_eq!(whole.clone().with_missing(&def, &doc), whole);
    assert!(!plain_text(&whole).contains(whole.missing_title()));
}

#[test]
fn a_message_naming_questions_left_out_names_eight_and_counts_the_rest() {
    use family_forms::export::letter::questions_named;
    let def = form("getting-to-know-my-child");
    let ids: Vec<String> = def.fields().map(|(_, f)| f.id.clone()).take(12).collect();
    let label = |i: usize| def.field(&ids[i]).unwrap().label.en.clone();
    let nine = questions_named(&def, &ids[..9], Locale::En);
    assert!(
        nine.ends_with(&format!("and “{}”", label(8))),
        "nine are all named: {nine}"
    );
    let twelve = questions_named(&def, &ids, Locale::En);
    assert!(twelve.contains(&format!("“{}”", label(7))), "{twelve}");
    assert!(!twelve.contains(&format!("“{}”", label(8))), "{twelve}");
    assert!(twelve.ends_with("” and 4 more"), "{twelve}");
    assert!(questions_named(&def, &ids, Locale::Es).ends_with(" y 4 más"));
}

#[test]
fn script_in_answers_stays_plain_text_everywhere() {
    let def = form("seven-things");
    let field = long_text_field(&def);
    let payload = "<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)";
    let mut doc = filled(&def);
    doc.answers
        .0
        .insert(field.id.clone(), Answer::text(payload));
    let text = write_data_file(&def, &doc, None, None, Utc::now());
    let received = read_data_file(&text, builtin()).expect("a strange answer is still an answer");
    let b = booklet(
        &received.def,
        &received.document.answers,
        None,
        Locale::En,
        Mode::Filled,
    );
    assert!(plain_text(&b).contains(payload), "kept as the words typed");
    let (_, pdf) = pdf_text(&booklet_pdf(&b, "today").bytes);
    assert!(squash(&pdf).contains(&squash(payload)));
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,600}") {
            let _ = read_data_file(&s, builtin());
        }

        #[test]
        fn arbitrary_edits_of_a_real_file_never_panic(cut in 0usize..4000, insert in "[\\[\\]{}\",:a-z0-9 ]{0,16}") {
            let def = form("seven-things");
            let text = write_data_file(&def, &filled(&def), None, None, Utc::now());
            let cut = cut.min(text.len());
            let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let mutated = format!("{}{}{}", &text[..cut], insert, &text[cut..]);
            if let Ok(r) = read_data_file(&mutated, builtin()) {
                let b = booklet(&r.def, &r.document.answers, None, Locale::Es, Mode::Filled);
                prop_assert!(booklet_pdf(&b, "hoy").bytes.starts_with(b"%PDF"));
            }
        }

        #[test]
        fn any_answer_text_makes_a_readable_pdf(s in "\\PC{0,300}") {
            let def = form("seven-things");
            let field = long_text_field(&def);
            let mut answers = Answers::default();
            answers.0.insert(field.id.clone(), Answer::text(s));
            let file = booklet_pdf(&booklet(&def, &answers, None, Locale::En, Mode::Filled), "today");
            prop_assert!(lopdf::Document::load_mem(&file.bytes).is_ok());
        }
    }
}

#[test]
fn a_data_file_without_a_child_profile_names_the_child_typed_in_the_form() {
    let def = form("getting-to-know-my-child");
    let mut doc = Document::new("d1", def.id.clone(), def.version, Utc::now());
    doc.answers
        .0
        .insert("child_name".into(), Answer::text("Amelia Núñez"));
    doc.answers
        .0
        .insert("preferred_name".into(), Answer::text("Mía"));
    let text = write_data_file(&def, &doc, None, None, Utc::now());
    assert_eq!(read_data_file(&text, builtin()).unwrap().child_name, "Mía");
}

#[test]
fn a_class_sheet_gives_each_childs_key_answers_in_name_order() {
    use family_forms::export::class_sheet::class_sheet;
    let def = form("seven-things");
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let doc = |id: &str, name: &str, allergy: Option<&str>| {
        let mut d = Document::new(id, "seven-things", def.version, now);
        d.answers.set("preferred_name", Answer::text(name));
        if let Some(a) = allergy {
            let answer = Answer::YesNo {
                answer: Some(YesNo::Yes),
                details: a.into(),
            };
            d.answers.set("allergies", answer);
        }
        d
    };
    let mut beto = doc("d5", "Roberto", None);
    beto.child_id = Some("c1".into());
    let children = [Child {
        id: "c1".into(),
        preferred_name: "Beto".into(),
        ..Child::default()
    }];
    let docs = [
        doc("d1", "Mía", Some("Cacahuetes")),
        doc("d2", "Ángel", None),
        doc("d3", "", Some("Bees")),
        Document::new("d4", "ppt-prep", 1, now),
        beto,
    ];
    let sheet = class_sheet(&def, &docs, &children, Locale::En);
    let names: Vec<&str> = sheet.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ángel", "Beto", "Mía", ""],
        "a class list's order, accents aside; the profile names a child's copy; other forms left out"
    );
    assert!(
        sheet[0].entries.is_empty(),
        "nothing key answered: shown as such"
    );
    let question = &def.field("allergies").unwrap().label.en;
    assert_eq!(
        sheet[2].entries,
        [Entry::Answer {
            question: question.clone(),
            answer: "Yes: Cacahuetes".into()
        }]
    );
    assert_eq!(sheet[2].document_id, "d1");
}

#[test]
fn a_letter_is_written_from_the_answers_and_printed_alone() {
    let def = form("letter-evaluation");
    let mut answers = Answers::default();
    for (id, value) in [
        ("parent_name", "Rosa Núñez"),
        ("parent_phone", "(860) 555-0134"),
        ("child_name", "Mía Núñez"),
        ("birth_date", "2021-03-04"),
        ("school", "Escuela Lincoln"),
        ("letter_date", "2026-11-30"),
        ("examples", "She cannot name most letters yet."),
    ] {
        answers.set(id, Answer::text(value));
    }
    let choice = |v: &str| Answer::Choice {
        selected: v.into(),
        other: String::new(),
    };
    answers.set("grade", choice("k"));
    answers.set("recipient_role", choice("principal"));
    answers.set(
        "areas",
        Answer::Multi {
            selected: vec!["reading".into(), "speech".into()],
            other: String::new(),
        },
    );
    let b = booklet(&def, &answers, None, Locale::En, Mode::Filled);
    assert!(
        b.sections.is_empty() && b.at_a_glance.is_empty(),
        "the letter alone"
    );
    let text = b.letter.join("\n\n");
    assert!(
        text.starts_with("November 30, 2026\n\nPrincipal\nEscuela Lincoln\n\n"),
        "{text}"
    );
    assert!(text.contains("Re: A request to evaluate my child, Mía Núñez (date of birth March 4, 2021, Kindergarten)"), "{text}");
    assert!(
        text.contains("in: reading and speech or language."),
        "{text}"
    );
    assert!(text.contains("What I have seen: She cannot name most letters yet."));
    // Optional answers not given leave no empty sentence or line behind.
    assert!(!text.contains("What has been tried"), "{text}");
    assert!(!text.contains("best way to reach me"), "{text}");
    assert!(
        text.ends_with("Thank you,\n\nRosa Núñez\n(860) 555-0134"),
        "{text}"
    );
    // The same answers in Spanish, and as plain text for "Copy as text".
    let es = booklet(&def, &answers, None, Locale::Es, Mode::Filled);
    assert!(es.letter[0].starts_with("30 de noviembre de 2026"));
    assert!(es
        .letter
        .join(" ")
        .contains("Me preocupa su progreso en: la lectura y el habla o el lenguaje."));
    assert_eq!(plain_text(&b), format!("{text}\n"));
    // A required answer still missing is a blank to fill in by hand.
    answers.set("examples", Answer::text(" "));
    let b = booklet(&def, &answers, None, Locale::En, Mode::Filled);
    assert!(b.letter.join("\n").contains("What I have seen: ________"));
    // The PDF is the letter, from the first page.
    let file = booklet_pdf(&b, "2026-11-30");
    let (pdf, pdf_words) = pdf_text(&file.bytes);
    assert_eq!(pdf.get_pages().len(), 1);
    assert!(squash(&pdf_words).starts_with(&squash("November 30, 2026 Principal")));
    assert!(squash(&pdf_words).contains(&squash("Rosa Núñez")));
    // A copy to fill in by hand asks every question and gives the letter with blanks.
    let blank = booklet(&def, &Answers::default(), None, Locale::En, Mode::Blank);
    assert!(blank.letter.is_empty());
    assert!(blank.sections.iter().flat_map(|s| &s.entries).any(
        |e| matches!(e, Entry::Note { text } if text.starts_with("________\n\n________\n________\n________"))
    ));
}

#[test]
fn an_answer_typed_on_several_lines_keeps_its_lines_in_the_pdf() {
    let def = form("seven-things");
    let field = long_text_field(&def);
    let mut answers = Answers::default();
    answers.set(
        field.id.clone(),
        Answer::text("Likes frogs.\nAfraid of dogs."),
    );
    let file = booklet_pdf(
        &booklet(&def, &answers, None, Locale::En, Mode::Filled),
        "today",
    );
    let (_, text) = pdf_text(&file.bytes);
    assert!(!text.contains("frogs.Afraid"), "{text}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"Likes frogs.") && lines.contains(&"Afraid of dogs."),
        "{text}"
    );
}

#[test]
fn a_letter_says_several_choices_as_a_list_and_other_as_typed() {
    use family_forms::export::letter::spoken_list;
    let list =
        |xs: &[&str], l| spoken_list(&xs.iter().map(|x| x.to_string()).collect::<Vec<_>>(), l);
    assert_eq!(list(&["reading"], Locale::En), "reading");
    assert_eq!(
        list(&["reading", "math", "writing"], Locale::En),
        "reading, math and writing"
    );
    assert_eq!(
        list(&["la lectura", "las matemáticas"], Locale::Es),
        "la lectura y las matemáticas"
    );
    assert_eq!(
        list(&["la lectura", "inglés"], Locale::Es),
        "la lectura e inglés"
    );
    assert_eq!(
        list(&["la lectura", "hielo"], Locale::Es),
        "la lectura y hielo"
    );
    let def = form("letter-ppt-meeting");
    let mut answers = Answers::default();
    answers.set(
        "contact_pref",
        Answer::Choice {
            selected: OTHER.into(),
            other: "WhatsApp".into(),
        },
    );
    let b = booklet(&def, &answers, None, Locale::En, Mode::Filled);
    assert!(
        b.letter
            .iter()
            .any(|p| p == "The best way to reach me is WhatsApp."),
        "{:?}",
        b.letter
    );
}

#[test]
fn a_letter_written_on_windows_keeps_its_paragraphs() {
    use family_forms::model::letter::read_template;
    let unix = read_template("Dear {name},\n\nThanks\nRosa").unwrap();
    let windows = read_template("Dear {name},\r\n\r\nThanks\r\nRosa").unwrap();
    assert_eq!(unix.len(), 2);
    assert_eq!(windows, unix);
}

#[test]
fn table_columns_are_as_wide_as_their_longest_word_so_no_word_is_cut() {
    // A log of ten columns on a Letter page: dates, names and headers like "interpreter" keep
    // whole, and the long notes take the room that is left.
    for id in builtin().iter().map(|f| f.id.clone()) {
        let def = form(&id);
        let doc = filled(&def);
        for locale in [Locale::En, Locale::Es] {
            let b = booklet(&def, &doc.answers, None, locale, Mode::Filled);
            let (_, text) = pdf_text(&booklet_pdf(&b, "2026-11-23").bytes);
            let tokens: std::collections::HashSet<&str> = text.split_whitespace().collect();
            for entry in b.sections.iter().flat_map(|s| &s.entries) {
                if let Entry::Table { headers, rows, .. } = entry {
                    for cell in headers.iter().chain(rows.iter().flatten()) {
                        for word in cell.split_whitespace() {
                            assert!(
                                tokens.contains(word),
                                "{id} ({locale:?}): \"{word}\" is cut in its column"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_date_goes_to_the_phone_s_calendar_as_an_all_day_event_with_an_alert_the_day_before() {
    use family_forms::export::calendar::{ics, CalendarDay};
    let day = CalendarDay {
        uid: "d1-meeting_date-2026-12-31@family-forms",
        date: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        summary: "Fecha de la reunión · Preparándome para la reunión PPT de mi hijo o hija, con la maestra; Mía",
    };
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 5, 7).unwrap();
    let text = ics(&day, now);
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("\r\nDTSTAMP:20261201T090507Z\r\n"));
    assert!(
        text.contains("\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"),
        "the day after the last of the year is in the next year"
    );
    assert!(text.contains("\r\nTRIGGER:-PT15H\r\n"));
    // No line is longer than 75 bytes; unfolded, the title is whole, with `,` and `;` escaped.
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains(
        "\r\nSUMMARY:Fecha de la reunión · Preparándome para la reunión PPT de mi hijo o hija\\, con la maestra\\; Mía\r\n"
    ), "{unfolded}");
    assert_eq!(
        unfolded.matches("Mía").count(),
        2,
        "the title, and the alert's words"
    );
}

/// A booklet with `text` in every place a person's words or a file's can reach.
fn booklet_full_of(text: &str, letter: bool) -> family_forms::export::booklet::Booklet {
    use family_forms::export::booklet::{Booklet, BookletSection};
    let entries = vec![
        Entry::Answer {
            question: text.into(),
            answer: format!("{text}\nsecond line"),
        },
        Entry::Blank {
            question: text.into(),
            choices: vec![text.into()],
            lines: 2,
        },
        Entry::Table {
            question: text.into(),
            headers: vec![text.into(); 6],
            rows: vec![vec![text.into(); 6]],
        },
        Entry::Note { text: text.into() },
    ];
    Booklet {
        locale: Locale::Es,
        mode: Mode::Filled,
        form_title: text.into(),
        child_name: text.into(),
        at_a_glance: entries[..1].to_vec(),
        missing: vec![text.into()],
        sections: vec![BookletSection {
            title: text.into(),
            entries,
        }],
        letter: if letter {
            vec![text.into(); 2]
        } else {
            Vec::new()
        },
    }
}

#[test]
fn booklet_markup_keeps_what_was_typed_as_text_in_every_place() {
    use family_forms::export::html::{booklet_class, booklet_html};
    let hostile = r#"</p><script>alert("x")</script><img src=x onerror='alert(1)'>&amp;"#;
    let escaped = "&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x \
                   onerror=&#39;alert(1)&#39;&gt;&amp;amp;";
    for letter in [false, true] {
        let b = booklet_full_of(hostile, letter);
        let html = booklet_html(&b, "2026-11-23");
        assert!(!html.contains("<script") && !html.contains("<img"));
        let places = html.matches(escaped).count();
        // Cover: title, child, the lost question, the key answer's question and answer. Then
        // the section's title and its entries: answer (2), blank (question, choice), the
        // table (question, 6 headers, 6 cells) and the note. A letter: its 2 paragraphs.
        assert_eq!(
            places,
            if letter { 2 } else { 5 + 1 + 2 + 2 + 13 + 1 },
            "{html}"
        );
        // Every tag is one the booklet writes itself.
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                [
                    "header", "section", "div", "p", "h1", "h2", "h3", "ul", "li", "table",
                    "thead", "tbody", "tr", "th", "td"
                ]
                .contains(&name.as_str()),
                "unexpected tag <{tag}"
            );
        }
        let class = booklet_class(&b);
        assert_eq!(
            class,
            if letter {
                "booklet booklet-letter"
            } else {
                "booklet"
            }
        );
    }
}

#[test]
fn booklet_markup_is_the_cover_then_each_section_in_order() {
    use family_forms::export::html::booklet_html;
    let mut b = booklet_full_of("Mía", false);
    b.sections[0].entries.truncate(1);
    b.missing.clear();
    assert_eq!(
        booklet_html(&b, "2026-11-23"),
        concat!(
            r#"<header class="booklet-cover"><p class="booklet-kicker">Family Forms</p>"#,
            r#"<h1 class="booklet-title">Mía</h1><p class="booklet-child">Mía</p>"#,
            r#"<p class="booklet-made">Preparado el 23 de noviembre de 2026 con Family Forms</p>"#,
            r#"<section class="booklet-glance"><h2>Lo más importante</h2>"#,
            r#"<div class="booklet-entry"><h3 class="booklet-q">Mía</h3>"#,
            "<p class=\"booklet-a\">Mía\nsecond line</p></div></section></header>",
            r#"<section class="booklet-section"><h2>Mía</h2><div class="booklet-entry">"#,
            "<h3 class=\"booklet-q\">Mía</h3><p class=\"booklet-a\">Mía\nsecond line</p>",
            "</div></section>",
        )
    );
    b.sections.clear();
    b.at_a_glance.clear();
    assert!(booklet_html(&b, "2026-11-23").ends_with(
        r#"</header><p class="booklet-empty">Todavía no se ha respondido ninguna pregunta.</p>"#
    ));
}
