//! The form engine's rules, natively: conditions, derived values, validation and progress.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use family_forms::model::dates::format_date;
use family_forms::model::definition::parse_definition;
use family_forms::model::logic::{derived_value, is_field_visible, shown_section_index, Derived};
use family_forms::model::progress::progress;
use family_forms::model::schema::{FieldKind, FormDef};
use family_forms::model::text::Locale;
use family_forms::model::validate::{
    is_valid_email, is_valid_phone, parse_number, validate, ProblemKind,
};
use family_forms::model::values::{next_row_id, Answer, Answers, CheckItem, Row, YesNo, OTHER};

/// The day the tests take as today, for dates that cannot be ahead.
const TODAY: &str = "2026-12-01";

fn def() -> FormDef {
    parse_definition(include_str!("fixtures/every-kind.json")).unwrap()
}

fn kinds_of(def: &FormDef, answers: &Answers) -> Vec<(String, ProblemKind)> {
    validate(def, answers, TODAY)
        .into_iter()
        .map(|p| (p.place.field, p.kind))
        .collect()
}

fn yes_no(a: YesNo) -> Answer {
    Answer::YesNo {
        answer: Some(a),
        details: String::new(),
    }
}

#[test]
fn an_empty_form_lists_only_required_fields_and_row_minimums() {
    let d = def();
    let problems = kinds_of(&d, &Answers::default());
    assert_eq!(
        problems,
        vec![
            ("name".into(), ProblemKind::Required),
            ("allergies".into(), ProblemKind::Required),
            ("household".into(), ProblemKind::TooFewRows(1)),
        ]
    );
}

#[test]
fn a_date_that_cannot_be_ahead_is_a_problem_only_after_today() {
    // The fixture's dates, and its rows' "relation" made a date, marked as dates that cannot
    // be ahead.
    let src = include_str!("fixtures/every-kind.json")
        .replace(
            r#""id": "relation", "kind": "short_text","#,
            r#""id": "relation", "kind": "date","#,
        )
        .replace(
            r#""kind": "date","#,
            r#""kind": "date", "not_after_today": true,"#,
        );
    let marked = parse_definition(&src).unwrap();
    let plain = def();
    let mut a = Answers::default();
    a.set("birth", Answer::text("2026-12-02"));
    a.set("start", Answer::text("2026-11-30"));
    a.set(
        "household",
        Answer::Rows {
            rows: vec![row("r1", &[("who", "Ana"), ("relation", "2102-01-05")])],
        },
    );
    let after_today = |d: &FormDef, today: &str| -> Vec<(String, Option<String>)> {
        validate(d, &a, today)
            .into_iter()
            .filter(|p| p.kind == ProblemKind::DateAfterToday)
            .map(|p| (p.place.field, p.place.cell.map(|(_, c)| c)))
            .collect()
    };
    assert_eq!(
        after_today(&marked, TODAY),
        vec![
            ("birth".to_string(), None),
            ("household".to_string(), Some("relation".to_string()))
        ]
    );
    assert!(
        after_today(&plain, TODAY).is_empty(),
        "unmarked dates may be ahead"
    );
    assert_eq!(
        after_today(&marked, "2026-12-02").len(),
        1,
        "today itself is fine"
    );
    assert!(after_today(&marked, "2102-01-05").is_empty());
    assert!(
        after_today(&marked, "not a day").is_empty(),
        "no today, no check"
    );
    assert_eq!(
        ProblemKind::DateAfterToday.message(Locale::Es),
        "Esta fecha es posterior a hoy. Revise el año."
    );
}

#[test]
fn formats_are_checked_only_once_answered() {
    let d = def();
    let mut a = Answers::default();
    a.set("name", Answer::text("Mia"));
    a.set("allergies", yes_no(YesNo::No));
    a.set("email", Answer::text("mia@"));
    a.set("phone", Answer::text("12"));
    a.set("birth", Answer::text("2020-02-30"));
    a.set("age", Answer::text("30"));
    let problems = kinds_of(&d, &a);
    assert!(problems.contains(&("email".into(), ProblemKind::Email)));
    assert!(problems.contains(&("phone".into(), ProblemKind::Phone)));
    assert!(problems.contains(&("birth".into(), ProblemKind::Date)));
    assert!(problems.contains(&("age".into(), ProblemKind::AboveMax(21.0))));
    a.set("age", Answer::text("-1"));
    assert!(kinds_of(&d, &a).contains(&("age".into(), ProblemKind::BelowMin(0.0))));
    a.set("age", Answer::text("cinco"));
    assert!(kinds_of(&d, &a).contains(&("age".into(), ProblemKind::Number)));
    a.set("age", Answer::text("5,5"));
    assert!(!kinds_of(&d, &a).iter().any(|(f, _)| f == "age"));
}

#[test]
fn value_rules() {
    assert!(is_valid_email("ana.ruiz@school.org"));
    assert!(!is_valid_email("ana ruiz@school.org"));
    assert!(!is_valid_email("ana@school"));
    assert!(!is_valid_email("@school.org"));
    assert!(is_valid_phone("(860) 555-0100"));
    assert!(is_valid_phone("+1 860 555 0100"));
    assert!(!is_valid_phone("555-01"));
    assert!(!is_valid_phone("860-555-0100 call after 5"));
    assert_eq!(parse_number("3,5"), Some(3.5));
    assert_eq!(parse_number(" 12 "), Some(12.0));
    assert_eq!(parse_number("1,000.5"), None);
    assert_eq!(parse_number("inf"), None);
    assert_eq!(parse_number("-2.50"), Some(-2.5));
    assert_eq!(parse_number(".5"), Some(0.5));
    assert_eq!(parse_number("1e3"), Some(1000.0));
    assert_eq!(parse_number("12 kg"), None);
    assert_eq!(parse_number("1e999"), None);
    assert_eq!(parse_number("."), None);
    assert_eq!(parse_number("0.1"), Some(0.1));
}

mod typed_numbers {
    use family_forms::model::number::parse_decimal;
    use proptest::prelude::*;

    proptest! {
        /// Numbers as people type them (up to 15 digits, powers of ten within 22) read exactly
        /// as the standard library reads them.
        #[test]
        fn same_value_as_the_standard_reader(
            sign in "[-+]?",
            whole in "[0-9]{0,9}",
            fraction in "[0-9]{0,6}",
            exponent in proptest::option::of(-16i32..=16),
        ) {
            let mut text = format!("{sign}{whole}.{fraction}");
            if let Some(e) = exponent {
                text.push_str(&format!("e{e}"));
            }
            let expected = text.parse::<f64>().ok().filter(|n| n.is_finite());
            prop_assert_eq!(parse_decimal(&text), expected, "{}", text);
        }

        /// Anything else is refused exactly when the standard library refuses it.
        #[test]
        fn refuses_what_the_standard_reader_refuses(text in "[-+0-9.eE ]{0,12}") {
            let expected = text.parse::<f64>().ok().filter(|n| n.is_finite());
            prop_assert_eq!(parse_decimal(&text).is_some(), expected.is_some(), "{}", text);
        }
    }
}

#[test]
fn other_needs_its_text() {
    let d = def();
    let mut a = Answers::default();
    a.set(
        "travel",
        Answer::Choice {
            selected: OTHER.into(),
            other: " ".into(),
        },
    );
    a.set(
        "langs",
        Answer::Multi {
            selected: vec!["es".into(), OTHER.into()],
            other: String::new(),
        },
    );
    let problems = kinds_of(&d, &a);
    assert!(problems.contains(&("travel".into(), ProblemKind::OtherEmpty)));
    assert!(problems.contains(&("langs".into(), ProblemKind::OtherEmpty)));
    a.set(
        "travel",
        Answer::Choice {
            selected: OTHER.into(),
            other: "Bike".into(),
        },
    );
    assert!(!kinds_of(&d, &a).iter().any(|(f, _)| f == "travel"));
}

#[test]
fn conditions_show_and_hide_and_hidden_answers_are_kept_but_not_checked() {
    let d = def();
    let mut a = Answers::default();
    assert!(!is_field_visible(&d, &a, "allergy_plan"));
    a.set("allergies", yes_no(YesNo::Yes));
    assert!(is_field_visible(&d, &a, "allergy_plan"));
    a.set("allergy_plan", Answer::text("EpiPen in the office"));
    a.set("allergies", yes_no(YesNo::No));
    assert!(!is_field_visible(&d, &a, "allergy_plan"));
    assert_eq!(
        a.get("allergy_plan"),
        Some(&Answer::text("EpiPen in the office"))
    );
}

#[test]
fn every_condition_operator() {
    use family_forms::model::logic::condition_holds;
    use family_forms::model::schema::Condition;
    let f = || "x".to_string();
    let choice = Answer::Choice {
        selected: "bus".into(),
        other: String::new(),
    };
    let multi = Answer::Multi {
        selected: vec!["en".into(), "es".into()],
        other: String::new(),
    };
    assert!(condition_holds(
        &Condition::Equals {
            field: f(),
            value: "bus".into()
        },
        Some(&choice)
    ));
    assert!(!condition_holds(
        &Condition::Equals {
            field: f(),
            value: "car".into()
        },
        Some(&choice)
    ));
    assert!(condition_holds(
        &Condition::NotEquals {
            field: f(),
            value: "car".into()
        },
        Some(&choice)
    ));
    assert!(condition_holds(
        &Condition::NotEquals {
            field: f(),
            value: "car".into()
        },
        None
    ));
    assert!(condition_holds(
        &Condition::AnyOf {
            field: f(),
            values: vec!["fr".into(), "es".into()]
        },
        Some(&multi)
    ));
    assert!(!condition_holds(
        &Condition::AnyOf {
            field: f(),
            values: vec!["fr".into()]
        },
        Some(&multi)
    ));
    assert!(condition_holds(
        &Condition::Answered { field: f() },
        Some(&Answer::text("a"))
    ));
    assert!(!condition_holds(
        &Condition::Answered { field: f() },
        Some(&Answer::text("  "))
    ));
    assert!(!condition_holds(&Condition::Answered { field: f() }, None));
    assert!(condition_holds(
        &Condition::Yes { field: f() },
        Some(&yes_no(YesNo::Yes))
    ));
    assert!(!condition_holds(
        &Condition::Yes { field: f() },
        Some(&yes_no(YesNo::NotSure))
    ));
}

#[test]
fn a_condition_on_a_hidden_field_hides_too() {
    let src = r#"{"id":"chain","version":1,"title":{"en":"C","es":"C"},"sections":[{"id":"s","title":{"en":"S","es":"S"},"fields":[
        {"id":"a","kind":"yes_no","label":{"en":"A","es":"A"}},
        {"id":"b","kind":"yes_no","label":{"en":"B","es":"B"},"visible_when":{"op":"yes","field":"a"}},
        {"id":"c","kind":"short_text","label":{"en":"C","es":"C"},"visible_when":{"op":"yes","field":"b"}}]}]}"#;
    let d = parse_definition(src).unwrap();
    let mut a = Answers::default();
    a.set("a", yes_no(YesNo::Yes));
    a.set("b", yes_no(YesNo::Yes));
    assert!(is_field_visible(&d, &a, "c"));
    a.set("a", yes_no(YesNo::No));
    assert!(!is_field_visible(&d, &a, "b"));
    assert!(
        !is_field_visible(&d, &a, "c"),
        "b is hidden, so its yes does not count"
    );
}

#[test]
fn derived_review_date_is_sixty_days_after_the_start() {
    let d = def();
    let rule = match &d.field("review").unwrap().kind {
        FieldKind::Derived { rule } => rule.clone(),
        _ => unreachable!(),
    };
    let mut a = Answers::default();
    assert_eq!(derived_value(&d, &a, &rule), None);
    a.set("start", Answer::text("2026-09-01"));
    assert_eq!(
        derived_value(&d, &a, &rule)
            .as_ref()
            .and_then(Derived::date),
        Some("2026-10-31")
    );
    a.set("start", Answer::text("2026-12-15"));
    assert_eq!(
        derived_value(&d, &a, &rule)
            .as_ref()
            .and_then(Derived::date),
        Some("2027-02-13")
    );
    a.set("start", Answer::text("not a date"));
    assert_eq!(derived_value(&d, &a, &rule), None);
}

#[test]
fn iso_dates_are_read_strictly_and_written_back_the_same() {
    use family_forms::model::dates::{iso_date, parse_iso_date};
    let d = parse_iso_date(" 2026-11-23 ").unwrap();
    assert_eq!(iso_date(d), "2026-11-23");
    assert_eq!(
        parse_iso_date("2026-1-5").map(iso_date).as_deref(),
        Some("2026-01-05")
    );
    assert_eq!(
        parse_iso_date("2028-02-29").map(iso_date).as_deref(),
        Some("2028-02-29")
    );
    for bad in [
        "2026-02-30",
        "2027-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-11-00",
        "2026-11-23x",
        "20261123",
        "",
        "2026--23",
        "+2026-11-23",
        "2026-11",
        "12026-11-23",
        "2026-011-23",
        "٢٠٢٦-11-23",
        "soon",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad:?}");
    }
}

#[test]
fn dates_read_in_each_language() {
    assert_eq!(format_date("2026-11-23", Locale::En), "November 23, 2026");
    assert_eq!(
        format_date("2026-11-23", Locale::Es),
        "23 de noviembre de 2026"
    );
    assert_eq!(format_date("soon", Locale::Es), "soon");
}

fn row(id: &str, cells: &[(&str, &str)]) -> Row {
    let mut answers = Answers::default();
    for (k, v) in cells {
        answers.set(*k, Answer::text(*v));
    }
    Row {
        id: id.into(),
        cells: answers,
    }
}

#[test]
fn rows_limits_and_cell_checks() {
    let d = def();
    let mut a = Answers::default();
    a.set(
        "household",
        Answer::Rows {
            rows: vec![row("r1", &[]), row("r2", &[])],
        },
    );
    assert!(
        kinds_of(&d, &a).contains(&("household".into(), ProblemKind::TooFewRows(1))),
        "blank rows do not count"
    );
    a.set(
        "household",
        Answer::Rows {
            rows: vec![
                row("r1", &[("who", "Ana"), ("age", "200")]),
                row("r2", &[("who", "Luis")]),
                row("r3", &[("who", "Eva")]),
                row("r4", &[("who", "Sol")]),
            ],
        },
    );
    let problems = validate(&d, &a, TODAY);
    assert!(problems
        .iter()
        .any(|p| p.kind == ProblemKind::TooManyRows(3)));
    let cell = problems
        .iter()
        .find(|p| p.kind == ProblemKind::AboveMax(120.0))
        .expect("cell problem");
    assert_eq!(cell.place.cell, Some((0, "age".to_string())));
    assert_eq!(cell.place.section, 2);
}

#[test]
fn new_row_ids_never_repeat() {
    assert_eq!(next_row_id(&[]), "r1");
    assert_eq!(next_row_id(&[row("r3", &[]), row("r1", &[])]), "r4");
    assert_eq!(next_row_id(&[row("odd", &[])]), "r1");
}

#[test]
fn progress_counts_shown_questions_and_required_left() {
    let d = def();
    let mut a = Answers::default();
    let (sections, overall) = progress(&d, &a);
    // 6 + 5 (allergy_plan hidden) + 4 (derived and info take no input).
    assert_eq!(overall.total, 15);
    assert_eq!(overall.answered, 0);
    assert_eq!(overall.required_left, 2);
    assert_eq!(sections.len(), 3);
    a.set("allergies", yes_no(YesNo::Yes));
    a.set("name", Answer::text("Mia"));
    let mut items = BTreeMap::new();
    items.insert(
        "talk".to_string(),
        CheckItem {
            done: true,
            ..CheckItem::default()
        },
    );
    a.set("prep", Answer::Checklist { items });
    let (sections, overall) = progress(&d, &a);
    assert_eq!(overall.total, 16, "allergy_plan is now shown");
    assert_eq!(overall.answered, 3);
    assert_eq!(overall.required_left, 0);
    assert_eq!(sections[0].percent(), 16);
    assert_eq!(overall.percent(), 18);
}

#[test]
fn answers_for_unknown_fields_survive_a_round_trip() {
    let mut a = Answers::default();
    a.set("name", Answer::text("Mia"));
    a.set(
        "field_from_a_newer_version",
        Answer::Multi {
            selected: vec!["x".into()],
            other: String::new(),
        },
    );
    let json = serde_json::to_string(&a).unwrap();
    let back: Answers = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    assert!(validate(&def(), &back, TODAY)
        .iter()
        .all(|p| p.place.field != "field_from_a_newer_version"));
}

#[test]
fn problem_messages_exist_in_both_languages() {
    for kind in [
        ProblemKind::Required,
        ProblemKind::Email,
        ProblemKind::Phone,
        ProblemKind::Date,
        ProblemKind::DateAfterToday,
        ProblemKind::Number,
        ProblemKind::BelowMin(1.0),
        ProblemKind::AboveMax(2.5),
        ProblemKind::TooFewRows(1),
        ProblemKind::TooManyRows(3),
        ProblemKind::OtherEmpty,
    ] {
        let (en, es) = (kind.message(Locale::En), kind.message(Locale::Es));
        assert!(!en.is_empty() && !es.is_empty() && en != es, "{kind:?}");
    }
    assert_eq!(
        ProblemKind::AboveMax(2.5).message(Locale::En),
        "Must be 2.5 or less."
    );
}

#[test]
fn a_child_profile_prefills_the_fields_marked_for_it() {
    use family_forms::forms::builtin;
    use family_forms::model::child::{prefill, Child};
    let child = Child {
        id: "c1".into(),
        name: "Mía Núñez".into(),
        preferred_name: "Mía".into(),
        birth_date: "2021-03-04".into(),
        grade: "k".into(),
        school: "Barnard".into(),
    };
    let forms = builtin();
    let gtk = forms
        .iter()
        .find(|f| f.id == "getting-to-know-my-child")
        .unwrap();
    let a = prefill(gtk, &child);
    assert_eq!(a.get("child_name"), Some(&Answer::text("Mía Núñez")));
    assert_eq!(a.get("preferred_name"), Some(&Answer::text("Mía")));
    assert_eq!(a.get("birth_date"), Some(&Answer::text("2021-03-04")));
    assert_eq!(a.get("school"), Some(&Answer::text("Barnard")));
    let plan = forms.iter().find(|f| f.id == "partnership-plan").unwrap();
    let a = prefill(plan, &child);
    assert_eq!(
        a.get("grade"),
        Some(&Answer::Choice {
            selected: "k".into(),
            other: String::new()
        })
    );
    let odd = Child {
        grade: "kinder?".into(),
        ..child
    };
    assert_eq!(
        prefill(plan, &odd).get("grade"),
        None,
        "a grade that is not an option is left for the person"
    );
}

#[test]
fn a_form_given_to_a_child_later_takes_their_details_where_nothing_was_typed() {
    use family_forms::forms::builtin;
    use family_forms::model::child::{prefill, refill_for_child, Child};
    let mia = Child {
        id: "c1".into(),
        name: "Mía Núñez".into(),
        preferred_name: "Mía".into(),
        birth_date: "2021-03-04".into(),
        grade: "k".into(),
        school: String::new(),
    };
    let gtk = builtin()
        .iter()
        .find(|f| f.id == "getting-to-know-my-child")
        .unwrap();
    // Begun before the child was added: blank questions take her details, typed ones stay.
    let mut a = Answers::default();
    a.set("child_name", Answer::text("Mia N."));
    a.set("preferred_name", Answer::text("  "));
    a.set("school", Answer::text("Barnard"));
    a.set("likes", Answer::text("Dinosaurs"));
    refill_for_child(gtk, None, &mia, &mut a);
    assert_eq!(
        a.get("child_name"),
        Some(&Answer::text("Mia N.")),
        "typed: kept"
    );
    assert_eq!(
        a.get("preferred_name"),
        Some(&Answer::text("Mía")),
        "blank: filled"
    );
    assert_eq!(a.get("birth_date"), Some(&Answer::text("2021-03-04")));
    assert_eq!(
        a.get("school"),
        Some(&Answer::text("Barnard")),
        "no detail to give: kept"
    );
    assert_eq!(a.get("likes"), Some(&Answer::text("Dinosaurs")));

    // Started for the wrong child: what her profile filled in moves to his; what was typed
    // stays, and a detail he has none for is emptied rather than left as hers.
    let leo = Child {
        id: "c2".into(),
        name: "Leo Park".into(),
        preferred_name: String::new(),
        birth_date: "2019-08-09".into(),
        grade: "2".into(),
        school: String::new(),
    };
    let mut a = prefill(gtk, &mia);
    a.set("likes", Answer::text("Dinosaurs"));
    a.set("birth_date", Answer::text("2021-03-05"));
    refill_for_child(gtk, Some(&mia), &leo, &mut a);
    assert_eq!(a.get("child_name"), Some(&Answer::text("Leo Park")));
    assert_eq!(a.get("preferred_name"), None);
    assert_eq!(
        a.get("birth_date"),
        Some(&Answer::text("2021-03-05")),
        "typed over: kept"
    );
    assert_eq!(a.get("likes"), Some(&Answer::text("Dinosaurs")));
}

#[test]
fn relative_times_in_both_languages() {
    use chrono::{Duration, TimeZone, Utc};
    use family_forms::model::time::relative_time;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
    let cases = [
        (Duration::seconds(20), "just now", "hace un momento"),
        (Duration::minutes(5), "5 minutes ago", "hace 5 minutos"),
        (Duration::minutes(1), "1 minute ago", "hace 1 minuto"),
        (Duration::hours(3), "3 hours ago", "hace 3 horas"),
        (Duration::hours(30), "yesterday", "ayer"),
        (Duration::days(4), "4 days ago", "hace 4 días"),
        (
            Duration::days(30),
            "on October 24, 2026",
            "el 24 de octubre de 2026",
        ),
    ];
    for (ago, en, es) in cases {
        assert_eq!(relative_time(now - ago, now, Locale::En), en);
        assert_eq!(relative_time(now - ago, now, Locale::Es), es);
    }
}

#[test]
fn a_long_section_is_drawn_in_growing_batches_that_cover_every_field_once() {
    use family_forms::ui::form_page::batches;
    assert!(batches(0).is_empty());
    assert_eq!(batches(8), vec![0..8]);
    let b = batches(300);
    assert_eq!(b, vec![0..8, 8..24, 24..56, 56..120, 120..248, 248..300]);
    let covered: Vec<usize> = b.into_iter().flatten().collect();
    assert_eq!(covered, (0..300).collect::<Vec<_>>());
}

#[test]
fn every_kind_of_answer_reads_back_as_written_and_broken_ones_are_named() {
    let mut cells = Answers::default();
    cells.set("when", Answer::text("2026-11-23"));
    let mut items = BTreeMap::new();
    items.insert(
        "visit".to_string(),
        CheckItem {
            done: true,
            date: "2026-11-01".into(),
            note: "went well".into(),
        },
    );
    let every_kind = [
        Answer::text("Mia"),
        Answer::Choice {
            selected: "__other".into(),
            other: "grandma".into(),
        },
        Answer::Multi {
            selected: vec!["a".into(), "b".into()],
            other: String::new(),
        },
        Answer::YesNo {
            answer: Some(YesNo::NotSure),
            details: "ask the nurse".into(),
        },
        Answer::YesNo {
            answer: None,
            details: String::new(),
        },
        Answer::Checklist { items },
        Answer::Rows {
            rows: vec![Row {
                id: "r1".into(),
                cells,
            }],
        },
        Answer::Signature {
            name: "Rosa Núñez".into(),
            date: "2026-11-23".into(),
        },
    ];
    for answer in every_kind {
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(
            serde_json::from_str::<Answer>(&json).unwrap(),
            answer,
            "{json}"
        );
        let tree = serde_json::to_value(&answer).unwrap();
        assert_eq!(
            serde_json::from_value::<Answer>(tree).unwrap(),
            answer,
            "{json}"
        );
    }

    // Left out or null: the empty value. Unknown properties: ignored.
    let read = |json: &str| serde_json::from_str::<Answer>(json);
    assert_eq!(
        read(r#"{"answer":null,"type":"yes_no","from_a_newer_app":1}"#).unwrap(),
        Answer::YesNo {
            answer: None,
            details: String::new()
        }
    );
    assert_eq!(
        read(r#"{"type":"choice","selected":"x"}"#).unwrap(),
        Answer::Choice {
            selected: "x".into(),
            other: String::new()
        }
    );

    for (bad, names) in [
        (r#"{"value":"x"}"#, "missing field `type`"),
        (r#"{"type":"txt","value":"x"}"#, "unknown answer type `txt`"),
        (r#"{"type":"text"}"#, "missing field `value`"),
        (r#"{"type":"multi","selected":"a"}"#, "`selected`"),
        (r#"{"type":"yes_no","answer":"maybe"}"#, "`answer`"),
        (
            r#"{"type":"signature","name":"Rosa"}"#,
            "missing field `date`",
        ),
        (r#"{"type":7}"#, "`type` must be text"),
        (r#"["text","x"]"#, "must be an object"),
    ] {
        let e = read(bad).unwrap_err().to_string();
        assert!(e.contains(names), "{bad}: {e}");
    }
}

#[test]
fn a_document_reopens_only_at_a_section_that_is_still_shown() {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/every-kind.json")).unwrap();
    v["sections"][2]["visible_when"] = serde_json::json!({ "op": "yes", "field": "allergies" });
    let def = parse_definition(&v.to_string()).unwrap();
    let mut answers = Answers::default();
    assert_eq!(shown_section_index(&def, &answers, "choices"), Some(1));
    assert_eq!(
        shown_section_index(&def, &answers, "lists"),
        None,
        "hidden until a yes"
    );
    answers.0.insert("allergies".into(), yes_no(YesNo::Yes));
    assert_eq!(shown_section_index(&def, &answers, "lists"), Some(2));
    assert_eq!(
        shown_section_index(&def, &answers, "gone"),
        None,
        "a section a newer version of the form dropped"
    );
}

#[test]
fn searching_ignores_case_and_spanish_accents() {
    use family_forms::model::text::search_matches;
    assert!(search_matches("Mía Núñez", "nunez"));
    assert!(search_matches("Mía Núñez", "MÍA"));
    assert!(search_matches("Getting to Know My Child — José", " jose "));
    assert!(
        search_matches("anything", ""),
        "an empty search hides nothing"
    );
    assert!(!search_matches("Mía Núñez", "leo"));
}

fn log_row(id: &str, date: &str, who: &str) -> Row {
    let text = |v: &str| Answer::Text {
        value: v.to_string(),
    };
    Row {
        id: id.to_string(),
        cells: Answers(BTreeMap::from([
            ("date".to_string(), text(date)),
            ("student".to_string(), text(who)),
        ])),
    }
}

#[test]
fn a_log_by_month_lists_the_months_entries_and_who_has_none() {
    use family_forms::model::by_month::{month_of_log, months_of_log, Month};
    use family_forms::model::schema::ByMonth;
    let by = ByMonth {
        date: "date".into(),
        who: "student".into(),
        roster: None,
    };
    let rows = vec![
        log_row("a", "2026-10-02", "Ana Núñez"),
        log_row("b", "2026-11-20", "Leo  Smith"),
        log_row("c", "2026-10-15", "Mía Pérez"),
        log_row("d", "2026-11-03", "ana nunez"),
        log_row("e", "", "Zoe Brown"),
        log_row("f", "2026-11-09", ""),
    ];
    let nov = Month {
        year: 2026,
        month: 11,
    };
    let dec = Month {
        year: 2026,
        month: 12,
    };
    // Newest first, the current month included even with no entry yet.
    let months = months_of_log(&rows, &by, dec);
    assert_eq!(
        months.iter().map(|m| m.key()).collect::<Vec<_>>(),
        ["2026-12", "2026-11", "2026-10"]
    );
    let november = month_of_log(&rows, &by, nov, "");
    // Earliest first; the unnamed entry still counts as an entry of the month.
    assert_eq!(november.entries, [3, 5, 1]);
    // "ana nunez" is Ana Núñez; an undated row's person still belongs to the log.
    assert_eq!(november.without_entry, ["Mía Pérez", "Zoe Brown"]);
    assert!(november.names_anyone);
    let december = month_of_log(&rows, &by, dec, "");
    assert!(december.entries.is_empty());
    assert_eq!(
        december.without_entry,
        ["Ana Núñez", "Leo Smith", "Mía Pérez", "Zoe Brown"]
    );
    assert!(!month_of_log(&[], &by, dec, "").names_anyone);
    assert_eq!(nov.for_reading(Locale::En), "November 2026");
    assert_eq!(nov.for_reading(Locale::Es), "noviembre de 2026");
    assert_eq!(Month::from_key("2026-11"), Some(nov));
    assert_eq!(Month::from_key("2026-13"), None);

    // With the class list: a student the log has never named is missed too; a name on both is
    // one person, spelled as on the list; blank lines and list marks are no one.
    let class_list = "  Ana Nuñez\n\n- Omar Haddad\n• Leo Smith \n";
    let november = month_of_log(&rows, &by, nov, class_list);
    assert_eq!(
        november.without_entry,
        ["Mía Pérez", "Omar Haddad", "Zoe Brown"]
    );
    let december = month_of_log(&[], &by, dec, class_list);
    assert!(december.names_anyone, "the list alone names the class");
    assert_eq!(
        december.without_entry,
        ["Ana Nuñez", "Leo Smith", "Omar Haddad"]
    );
}

#[test]
fn a_problem_in_a_row_names_its_row_and_column_and_a_named_row_reads_person_2() {
    let plain = def();
    let named = parse_definition(&include_str!("fixtures/every-kind.json").replace(
        r#""add_label": { "en": "Add a person", "es": "Agregar una persona" },"#,
        r#""add_label": { "en": "Add a person", "es": "Agregar una persona" },
           "item_label": { "en": "Person", "es": "Persona" },"#,
    ))
    .unwrap();
    let household = |d: &FormDef| d.field("household").unwrap().clone();
    assert_eq!(household(&named).row_title(1, Locale::En), "Person 2");
    assert_eq!(household(&named).row_title(0, Locale::Es), "Persona 1");
    assert_eq!(
        household(&plain).row_title(1, Locale::En),
        "Who lives at home 2"
    );

    let mut a = Answers::default();
    a.set("name", Answer::text("Mia"));
    a.set("allergies", yes_no(YesNo::No));
    a.set(
        "household",
        Answer::Rows {
            rows: vec![
                row("r1", &[("who", "Ana"), ("age", "40")]),
                row("r2", &[("who", "Leo"), ("age", "200")]),
            ],
        },
    );
    let in_row = |d: &FormDef| {
        validate(d, &a, TODAY)
            .into_iter()
            .find(|p| p.place.cell.is_some())
            .expect("the age of 200 is a problem")
    };
    let (words, words_plain) = (in_row(&named), in_row(&plain));
    assert_eq!(words.kind, ProblemKind::AboveMax(120.0));
    assert_eq!(
        words.place_words(&named, Locale::En),
        "Who lives at home, Person 2, Age"
    );
    assert_eq!(
        words.place_words(&named, Locale::Es),
        "Quién vive en casa, Persona 2, Edad"
    );
    assert_eq!(
        words_plain.place_words(&plain, Locale::En),
        "Who lives at home 2, Age"
    );
    let top = validate(&named, &Answers::default(), TODAY).remove(0);
    assert_eq!(top.place_words(&named, Locale::En), "Full name");
}

#[test]
fn a_plan_says_how_far_its_latest_check_in_has_come_toward_the_goal() {
    use family_forms::forms::builtin;
    use family_forms::model::goal::Standing;
    let plan = builtin()
        .iter()
        .find(|f| f.id == "partnership-plan")
        .unwrap();
    let rule = match &plan.field("toward_goal").unwrap().kind {
        FieldKind::Derived { rule } => rule.clone(),
        _ => unreachable!(),
    };
    let said = |a: &Answers, l: Locale| derived_value(plan, a, &rule).map(|d| d.text(l));
    let standing = |a: &Answers| match derived_value(plan, a, &rule) {
        Some(Derived::Goal(g)) => g.standing(),
        _ => None,
    };
    let checkins = |rows: Vec<Row>| Answer::Rows { rows };
    let mut a = Answers::default();
    a.set("target", Answer::text("45"));
    assert_eq!(said(&a, Locale::En), None, "no check-in yet");
    a.set(
        "checkins",
        checkins(vec![row("r1", &[("date", "2026-10-01")])]),
    );
    assert_eq!(said(&a, Locale::En), None, "a check-in with no result");

    // Without a start there is no share to give: only the numbers.
    a.set(
        "checkins",
        checkins(vec![row("r1", &[("date", "2026-10-01"), ("result", "26")])]),
    );
    assert_eq!(
        said(&a, Locale::En).as_deref(),
        Some("Latest check-in: 26 (October 1, 2026). Goal: 45.")
    );
    assert_eq!(standing(&a), None);

    // The latest is the one with the latest date, wherever its row is; a decimal comma is read.
    a.set("baseline", Answer::text("20"));
    a.set("target_unit", Answer::text("words a minute"));
    a.set(
        "checkins",
        checkins(vec![
            row("r2", &[("date", "2026-12-01"), ("result", "32")]),
            row("r1", &[("date", "2026-10-01"), ("result", "26")]),
            row("r3", &[("result", "")]),
        ]),
    );
    assert_eq!(
        said(&a, Locale::En).as_deref(),
        Some("Latest check-in: 32 words a minute (December 1, 2026). Goal: 45. Started at 20: 48% of the way.")
    );
    a.set("target_unit", Answer::text("palabras por minuto"));
    assert_eq!(
        said(&a, Locale::Es).as_deref(),
        Some("Última revisión: 32 palabras por minuto (1 de diciembre de 2026). Meta: 45. Empezó en 20: el 48 % del camino.")
    );
    assert_eq!(standing(&a), Some(Standing::Part(48)));

    // Undated check-ins count in their order, before any dated one.
    a.set(
        "checkins",
        checkins(vec![
            row("r1", &[("result", "30")]),
            row("r2", &[("result", "44,5")]),
        ]),
    );
    assert_eq!(
        standing(&a),
        Some(Standing::Part(98)),
        "44.5 of 20 → 45 is 98%, not yet 100"
    );
    a.set("checkins", checkins(vec![row("r1", &[("result", "45")])]));
    assert_eq!(standing(&a), Some(Standing::Reached));
    assert!(said(&a, Locale::En)
        .unwrap()
        .ends_with("Goal: 45. Started at 20. Goal reached."));
    assert!(said(&a, Locale::Es)
        .unwrap()
        .ends_with("Meta: 45. Empezó en 20. Meta alcanzada."));
    a.set("checkins", checkins(vec![row("r1", &[("result", "18")])]));
    assert_eq!(standing(&a), Some(Standing::Behind));
    assert!(said(&a, Locale::En)
        .unwrap()
        .ends_with("Started at 20. Further from the goal than at the start."));

    // A goal to bring a number down (mistakes a page) works the same way.
    a.set("baseline", Answer::text("12"));
    a.set("target", Answer::text("4"));
    a.set("checkins", checkins(vec![row("r1", &[("result", "8")])]));
    assert_eq!(standing(&a), Some(Standing::Part(50)));
    // A start already at the target gives no share, and no division by zero.
    a.set("baseline", Answer::text("4"));
    assert_eq!(standing(&a), None);
}
