//! Reading definitions: good ones load whole, bad ones are refused with a path and a reason.
#![cfg(not(target_arch = "wasm32"))]

use family_forms::model::definition::parse_definition;
use family_forms::model::schema::FieldKind;
use family_forms::model::text::Locale;

const EVERY_KIND: &str = include_str!("fixtures/every-kind.json");

#[test]
fn every_kind_fixture_loads_with_all_fifteen_kinds() {
    let def = parse_definition(EVERY_KIND).expect("fixture is valid");
    let mut kinds: Vec<&str> = def.fields().map(|(_, f)| f.kind.name()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), 15, "{kinds:?}");
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
fn nested_rows_are_refused() {
    let src = mutate(|v| v["sections"][2]["fields"][1]["columns"][0]["kind"] = "rows".into());
    assert!(parse_definition(&src).is_err());
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
