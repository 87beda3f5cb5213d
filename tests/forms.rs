//! Every shipped form parses, passes the engine's checks and has both languages everywhere.
#![cfg(not(target_arch = "wasm32"))]

use family_forms::forms::{builtin, check_builtin, BUILTIN_SOURCES};
use family_forms::model::text::Locale;

#[test]
fn every_shipped_definition_passes_the_checks() {
    let failures: Vec<String> = check_builtin()
        .into_iter()
        .flat_map(|(file, errors)| {
            errors
                .into_iter()
                .map(move |e| format!("{file}: {}", e.describe(Locale::En)))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(builtin().len(), BUILTIN_SOURCES.len());
}

#[test]
fn shipped_form_ids_are_unique() {
    let mut ids: Vec<String> = builtin().iter().map(|f| f.id.clone()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn every_form_says_who_it_is_for_and_that_answers_stay_on_the_device() {
    for form in builtin().iter() {
        let intro = form
            .intro
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no intro", form.id));
        assert!(intro.en.contains("device"), "{}: {}", form.id, intro.en);
        assert!(intro.es.contains("aparato"), "{}: {}", form.id, intro.es);
        assert!(
            intro.en.contains("minutes") && intro.es.contains("minutos"),
            "{}: say how long it takes",
            form.id
        );
    }
}

#[test]
fn every_definition_file_in_the_folder_ships() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/forms");
    let files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    for file in &files {
        assert!(
            BUILTIN_SOURCES.iter().any(|(name, _)| name == file),
            "{file} is not in BUILTIN_SOURCES"
        );
    }
    assert_eq!(files.len(), BUILTIN_SOURCES.len());
}

#[test]
fn dates_of_birth_and_of_things_done_cannot_be_after_today() {
    use family_forms::model::schema::{ChildAttr, FieldKind};
    let not_after_today = |f: &family_forms::model::schema::Field| {
        matches!(
            f.kind,
            FieldKind::Date {
                not_after_today: true
            }
        )
    };
    // Every question pre-filled with the date of birth (a year typed wrong reaches every copy).
    let births: Vec<(String, bool)> = builtin()
        .iter()
        .flat_map(|def| def.sections.iter().flat_map(|s| s.fields.iter()))
        .filter(|f| f.prefill == Some(ChildAttr::BirthDate))
        .map(|f| (f.id.clone(), not_after_today(f)))
        .collect();
    assert_eq!(
        births.len(),
        3,
        "Getting to Know, PPT prep, the evaluation letter"
    );
    assert!(births.iter().all(|(_, marked)| *marked), "{births:?}");
    // And the dates of what has already happened; a date ahead (a meeting, a follow-up) is not.
    let marked: Vec<String> = builtin()
        .iter()
        .flat_map(|def| {
            def.fields()
                .filter(|(_, f)| not_after_today(f) && f.prefill.is_none())
                .map(|(_, f)| format!("{}/{}", def.id, f.id))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        marked,
        [
            "ppt-prep/meeting_held",
            "ppt-prep/iep_arrived",
            "letter-evaluation/sent_date",
            "letter-ppt-meeting/sent_date",
        ]
    );
}
