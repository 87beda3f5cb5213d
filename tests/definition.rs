//! Reading definitions: good ones load whole, bad ones are refused with a path and a reason.
#![cfg(not(target_arch = "wasm32"))]

use family_forms::model::definition::parse_definition;
use family_forms::model::schema::FieldKind;
use family_forms::model::text::Locale;

const EVERY_KIND: &str = include_str!("fixtures/every-kind.json");

/// Every kind but `letter`, which makes a whole form print as its letter (that one is tested
/// with the shipped letters and in `a_letter_may_only_name_questions_with_a_one_line_answer`).
#[test]
fn every_kind_fixture_loads_with_every_kind_but_the_letter() {
    let def = parse_definition(EVERY_KIND).expect("fixture is valid");
    let mut kinds: Vec<&str> = def.fields().map(|(_, f)| f.kind.name()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut expected: Vec<&str> = family_forms::model::schema::KIND_NAMES
        .into_iter()
        .filter(|k| *k != "letter")
        .collect();
    expected.sort_unstable();
    assert_eq!(kinds, expected);
    let household = def.field("household").unwrap();
    assert!(
        matches!(&household.kind, FieldKind::Rows { columns, max_rows: Some(3), .. } if columns.len() == 3)
    );
}

fn errors_of(src: &str) -> Vec<String> {
    parse_definition(src)
        .expect_err("must be refused")
        .iter()
        .map(|e| e.describe(Locale::En))
        .collect()
}

fn mutate(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(EVERY_KIND).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn unknown_kind_is_named_with_its_path() {
    let src = mutate(|v| v["sections"][0]["fields"][2]["kind"] = "dat".into());
    let errors = errors_of(&src);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("sections[0].fields[2].kind: unknown kind \"dat\""),
        "{errors:?}"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let src = mutate(|v| v["sections"][1]["fields"][0]["id"] = "name".into());
    let errors = errors_of(&src);
    assert!(
        errors
            .iter()
            .any(|e| e == "sections[1].fields[0].id: duplicate field id \"name\""),
        "{errors:?}"
    );
}

#[test]
fn condition_on_a_missing_field_is_refused() {
    let src = mutate(|v| v["sections"][1]["fields"][4]["visible_when"]["field"] = "nope".into());
    let errors = errors_of(&src);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("sections[1].fields[4].visible_when.field")
                && e.contains("\"nope\"")),
        "{errors:?}"
    );
}

#[test]
fn a_cycle_of_derived_fields_is_refused() {
    let src = mutate(|v| {
        let fields = v["sections"][2]["fields"].as_array_mut().unwrap();
        fields.push(serde_json::json!({"id": "a", "kind": "derived", "rule": {"op": "add_days", "from": "b", "days": 1}, "label": {"en": "A", "es": "A"}}));
        fields.push(serde_json::json!({"id": "b", "kind": "derived", "rule": {"op": "add_days", "from": "a", "days": 1}, "label": {"en": "B", "es": "B"}}));
    });
    let errors = errors_of(&src);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("depend on each other in a circle")),
        "{errors:?}"
    );
}

#[test]
fn a_missing_translation_is_refused() {
    let src = mutate(|v| v["sections"][0]["fields"][1]["label"]["es"] = "  ".into());
    let errors = errors_of(&src);
    assert_eq!(
        errors,
        vec!["sections[0].fields[1].label.es: text is missing in this language"]
    );
}

#[test]
fn broken_json_names_line_and_column() {
    let errors = errors_of("{\n  \"id\": ");
    assert!(errors[0].starts_with("line 2, column"), "{errors:?}");
}

#[test]
fn a_wrong_type_names_its_path() {
    let src = mutate(|v| v["version"] = "one".into());
    let errors = errors_of(&src);
    assert!(errors[0].starts_with("version:"), "{errors:?}");
}

#[test]
fn errors_are_given_in_spanish_too() {
    let src = mutate(|v| v["sections"][0]["fields"][2]["kind"] = "dat".into());
    let err = &parse_definition(&src).unwrap_err()[0];
    assert!(err
        .describe(Locale::Es)
        .contains("tipo desconocido \"dat\""));
}

#[test]
fn at_a_glance_is_refused_where_there_is_no_one_answer_to_show() {
    // The cover's box of key answers holds one line per question: no tables, notes or cells.
    let src = mutate(|v| {
        v["sections"][1]["fields"][3]["at_a_glance"] = true.into();
        v["sections"][2]["fields"][0]["at_a_glance"] = true.into();
        v["sections"][2]["fields"][1]["at_a_glance"] = true.into();
        v["sections"][2]["fields"][1]["columns"][0]["at_a_glance"] = true.into();
        v["sections"][2]["fields"][3]["at_a_glance"] = true.into();
        v["sections"][2]["fields"][4]["at_a_glance"] = true.into();
    });
    assert_eq!(
        errors_of(&src),
        [
            "sections[2].fields[0].at_a_glance: checklist fields cannot be shown at a glance",
            "sections[2].fields[1].at_a_glance: rows fields cannot be shown at a glance",
            "sections[2].fields[1].columns[0].at_a_glance: a column cannot be shown at a glance",
            "sections[2].fields[4].at_a_glance: info fields cannot be shown at a glance",
        ]
    );
    let spanish = parse_definition(&src).unwrap_err()[3].describe(Locale::Es);
    assert_eq!(
        spanish,
        "sections[2].fields[4].at_a_glance: las preguntas de tipo info no se pueden mostrar en «Lo más importante»"
    );
    // A yes/no answer and a derived date are one line each: both are fine.
    let fine = mutate(|v| {
        v["sections"][1]["fields"][3]["at_a_glance"] = true.into();
        v["sections"][2]["fields"][3]["at_a_glance"] = true.into();
    });
    let def = parse_definition(&fine).expect("valid");
    assert!(
        def.field("allergies").unwrap().at_a_glance && def.field("review").unwrap().at_a_glance
    );
    assert!(!def.field("name").unwrap().at_a_glance);
}

#[test]
fn only_a_date_question_can_be_a_reminder() {
    let src = mutate(|v| {
        v["sections"][0]["fields"][0]["remind"] = true.into();
        v["sections"][2]["fields"][1]["columns"][0]["remind"] = true.into();
    });
    assert_eq!(
        errors_of(&src),
        [
            "sections[0].fields[0].remind: only a date question can be a reminder",
            "sections[2].fields[1].columns[0].remind: only a date question can be a reminder",
        ]
    );
    assert_eq!(
        parse_definition(&src).unwrap_err()[0].describe(Locale::Es),
        "sections[0].fields[0].remind: solo una pregunta de fecha puede ser un recordatorio"
    );
    // A date, a derived date and a date column (a log's follow-ups) are fine.
    let fine = mutate(|v| {
        v["sections"][0]["fields"][2]["remind"] = true.into();
        v["sections"][2]["fields"][3]["remind"] = true.into();
        v["sections"][2]["fields"][1]["columns"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "id": "since", "kind": "date", "remind": true,
                "label": { "en": "Since", "es": "Desde" }
            }));
    });
    let def = parse_definition(&fine).expect("valid");
    assert!(def.field("birth").unwrap().remind && def.field("review").unwrap().remind);
    assert!(!def.field("start").unwrap().remind);
}

#[test]
fn nested_rows_are_refused() {
    let src = mutate(|v| v["sections"][2]["fields"][1]["columns"][0]["kind"] = "rows".into());
    assert!(parse_definition(&src).is_err());
}

#[test]
fn every_definition_written_out_reads_back_the_same() {
    // A data file carries its form as `Serialize` writes it; the reader must take that back.
    let sources = family_forms::forms::BUILTIN_SOURCES
        .iter()
        .map(|(_, src)| *src)
        .chain([EVERY_KIND]);
    for src in sources {
        let def = parse_definition(src).unwrap();
        let written = serde_json::to_string(&def).unwrap();
        assert_eq!(parse_definition(&written).unwrap(), def, "{}", def.id);
    }
}

#[test]
fn a_wrong_type_inside_a_field_names_its_path_in_both_languages() {
    let src = mutate(|v| v["sections"][0]["fields"][0]["required"] = "yes".into());
    let err = &parse_definition(&src).unwrap_err()[0];
    assert_eq!(
        err.describe(Locale::En),
        "sections[0].fields[0].required: should be true or false"
    );
    assert_eq!(
        err.describe(Locale::Es),
        "sections[0].fields[0].required: debería ser true o false"
    );
}

#[test]
fn a_missing_property_is_named() {
    let src = mutate(|v| {
        v["sections"][1]["fields"][0]
            .as_object_mut()
            .unwrap()
            .remove("options");
    });
    assert_eq!(
        errors_of(&src),
        vec!["sections[1].fields[0].options: is required but missing"]
    );
}

#[test]
fn a_misspelt_property_of_a_section_is_refused() {
    let src = mutate(|v| v["sections"][2]["feilds"] = serde_json::json!([]));
    let errors = errors_of(&src);
    assert!(
        errors[0].starts_with("sections[2].feilds: unknown property \"feilds\""),
        "{errors:?}"
    );
}

#[test]
fn numbers_out_of_range_and_unknown_settings_are_refused() {
    let src = mutate(|v| v["sections"][1]["fields"][5]["max"] = 300.into());
    assert_eq!(
        errors_of(&src),
        vec!["sections[1].fields[5].max: should be a whole number from 0 to 255"]
    );
    let src = mutate(|v| v["sections"][1]["fields"][1]["display"] = "grid".into());
    assert_eq!(
        errors_of(&src),
        vec!["sections[1].fields[1].display: unknown value \"grid\" (known: radio, select)"]
    );
    let src = mutate(|v| v["sections"][1]["fields"][4]["visible_when"]["op"] = "maybe".into());
    assert!(errors_of(&src)[0]
        .starts_with("sections[1].fields[4].visible_when.op: unknown value \"maybe\""));
}

#[test]
fn null_counts_as_left_out_and_defaults_apply() {
    let src = mutate(|v| {
        v["sections"][0]["fields"][0]["help"] = serde_json::Value::Null;
        let mood = v["sections"][1]["fields"][5].as_object_mut().unwrap();
        mood.remove("min");
        mood.remove("max");
    });
    let def = parse_definition(&src).unwrap();
    assert_eq!(def.field("name").unwrap().help, None);
    assert!(matches!(
        def.field("mood").unwrap().kind,
        FieldKind::Rating { min: 1, max: 5, .. }
    ));
}

mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
            let _ = parse_definition(&s);
        }

        #[test]
        fn arbitrary_edits_of_a_valid_form_never_panic(cut in 0usize..6000, insert in "[\\[\\]{}\",:a-z0-9 ]{0,12}") {
            let mut s = EVERY_KIND.to_string();
            let at = cut.min(s.len());
            let at = (0..=at).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0);
            s.insert_str(at, &insert);
            let _ = parse_definition(&s);
        }
    }
}

#[test]
fn a_form_says_whether_families_or_school_staff_fill_it_in() {
    use family_forms::model::schema::Audience;
    let families = parse_definition(&mutate(|_| {})).expect("valid");
    assert_eq!(families.audience, Audience::Families, "the default");
    let school = parse_definition(&mutate(|v| v["audience"] = "school".into())).expect("valid");
    assert_eq!(school.audience, Audience::School);
    let errors = errors_of(&mutate(|v| v["audience"] = "teachers".into()));
    assert!(errors[0].starts_with("audience:"), "{errors:?}");
    // The shipped teacher tools say so.
    for id in [
        "family-contact-log",
        "contact-record",
        "case-manager-checklist",
    ] {
        let def = family_forms::forms::builtin()
            .iter()
            .find(|f| f.id == id)
            .unwrap();
        assert_eq!(def.audience, Audience::School, "{id}");
    }
}

#[test]
fn by_month_must_name_a_date_column_and_a_person_column() {
    let src = mutate(|v| {
        v["sections"][2]["fields"][1]["by_month"] =
            serde_json::json!({ "date": "when", "who": "age" });
    });
    assert_eq!(
        errors_of(&src),
        [
            "sections[2].fields[1].by_month.date: no column \"when\" in these rows",
            "sections[2].fields[1].by_month.who: column \"age\" is a number, not a short_text",
        ]
    );
    let src = mutate(|v| {
        v["sections"][2]["fields"][1]["by_month"] =
            serde_json::json!({ "date": "who" , "whom": "x" });
    });
    assert_eq!(
        errors_of(&src),
        ["sections[2].fields[1].by_month.whom: unknown property \"whom\" (known: date, who, roster)"]
    );
}

#[test]
fn a_logs_class_list_must_be_a_long_text_question_of_the_form() {
    let with_roster = |roster: &str| {
        mutate(|v| {
            let rows = &mut v["sections"][2]["fields"][1];
            rows["columns"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!(
                    { "id": "since", "kind": "date", "label": { "en": "Since", "es": "Desde" } }
                ));
            rows["by_month"] =
                serde_json::json!({ "date": "since", "who": "who", "roster": roster });
        })
    };
    let src = with_roster("story");
    let def = parse_definition(&src).expect("a long text is a class list");
    assert!(matches!(
        &def.field("household").unwrap().kind,
        FieldKind::Rows { by_month: Some(by), .. } if by.roster.as_deref() == Some("story")
    ));
    assert_eq!(
        errors_of(&with_roster("age")),
        ["sections[2].fields[1].by_month.roster: \"age\" is a number, not a long_text (one name per line)"]
    );
    assert_eq!(
        errors_of(&with_roster("class")),
        ["sections[2].fields[1].by_month.roster: no field \"class\" in this form"]
    );
}

#[test]
fn a_letter_may_only_name_questions_with_a_one_line_answer() {
    let letter = |body: &str| {
        mutate(|v| {
            let fields = v["sections"][0]["fields"].as_array_mut().unwrap();
            fields.push(serde_json::json!({
                "id": "letter", "kind": "letter", "label": { "en": "Letter", "es": "Carta" },
                "body": { "en": body, "es": "Hola {name}" }
            }));
        })
    };
    assert!(parse_definition(&letter("Dear {name},\n\nThanks")).is_ok());
    let errors = errors_of(&letter("Dear {nope} and {household}"));
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].ends_with(".body.en: no field \"nope\" in this form"),
        "{errors:?}"
    );
    assert!(
        errors[1].ends_with(".body.en: \"household\" is a rows, which cannot go in a letter"),
        "{errors:?}"
    );
    let errors = errors_of(&letter("Dear {name"));
    assert!(
        errors[0].ends_with(".body.en: \"{\" is not closed with \"}\" in \"{name\""),
        "{errors:?}"
    );
}

#[test]
fn a_goal_s_progress_must_read_numbers_from_questions_that_exist() {
    let plan = family_forms::forms::BUILTIN_SOURCES
        .iter()
        .find(|(name, _)| *name == "partnership-plan.json")
        .map(|(_, src)| *src)
        .unwrap();
    let with_rule = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(plan).unwrap();
        let (s, f) = v["sections"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .find_map(|(s, section)| {
                let fields = section["fields"].as_array().unwrap();
                let f = fields.iter().position(|f| f["id"] == "toward_goal")?;
                Some((s, f))
            })
            .unwrap();
        change(&mut v["sections"][s]["fields"][f]["rule"]);
        errors_of(&v.to_string())
            .into_iter()
            .map(|e| e.split_once(".rule.").unwrap().1.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        with_rule(&|r| {
            r["target"] = "nowhere".into();
            r["start"] = "target_unit".into();
        }),
        vec![
            "target: no field \"nowhere\" in this form",
            "start: \"target_unit\" is a short_text, not a number",
        ]
    );
    assert_eq!(
        with_rule(&|r| {
            r["result"] = "progress".into();
            r["date"] = "when".into();
        }),
        vec![
            "result: column \"progress\" is a long_text, not a number",
            "date: no column \"when\" in these rows",
        ]
    );
    assert_eq!(
        with_rule(&|r| r["rows"] = "target".into()),
        vec!["rows: \"target\" is a number, not a rows"]
    );
    assert!(
        with_rule(&|r| r["op"] = "toward_goals".into())[0].contains("known: add_days, toward_goal")
    );
    // Not a date, so not a reminder on home.
    let mut v: serde_json::Value = serde_json::from_str(plan).unwrap();
    for section in v["sections"].as_array_mut().unwrap() {
        for field in section["fields"].as_array_mut().unwrap() {
            if field["id"] == "toward_goal" {
                field["remind"] = true.into();
            }
        }
    }
    let errors = errors_of(&v.to_string());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].ends_with(".remind: only a date question can be a reminder"),
        "{errors:?}"
    );
}
