//! The UI strings in `locales/`: both languages have every key, nothing is empty, the
//! `{{ blanks }}` match, and every key is used somewhere in the code.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn strings(lang: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?} is not flat JSON: {e}"))
}

/// The names inside `{{ … }}` in `s`.
fn blanks(s: &str) -> BTreeSet<String> {
    s.split("{{")
        .skip(1)
        .filter_map(|part| part.split_once("}}"))
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

/// Every Rust source file under `src/`, concatenated.
fn all_source() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).expect("source is UTF-8"));
            }
        }
    }
    let mut out = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn english_and_spanish_have_the_same_keys_and_blanks_and_nothing_is_empty() {
    let (en, es) = (strings("en"), strings("es"));
    let missing_es: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    let missing_en: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing_es.is_empty(), "not in es.json: {missing_es:?}");
    assert!(missing_en.is_empty(), "not in en.json: {missing_en:?}");
    for (key, english) in &en {
        let spanish = &es[key];
        assert!(!english.trim().is_empty(), "{key} is empty in English");
        assert!(!spanish.trim().is_empty(), "{key} is empty in Spanish");
        assert_eq!(blanks(english), blanks(spanish), "{key}: blanks differ");
    }
    assert!(
        en.len() > 100,
        "only {} strings: the files were not read",
        en.len()
    );
}

#[test]
fn spanish_is_not_a_copy_of_english() {
    let (en, es) = (strings("en"), strings("es"));
    // Words that are the same in both languages.
    let same_in_both = ["family_forms", "no"];
    let copies: Vec<_> = en
        .iter()
        .filter(|(k, v)| es[*k] == **v && !same_in_both.contains(&k.as_str()))
        .map(|(k, _)| k)
        .collect();
    assert!(copies.is_empty(), "untranslated: {copies:?}");
}

#[test]
fn every_key_is_used_in_the_code() {
    let source: String = all_source().split_whitespace().collect();
    let unused: Vec<_> = strings("en")
        .into_keys()
        .filter(|key| {
            !(source.contains(&format!("tr!({key})"))
                || source.contains(&format!(",{key})"))
                || source.contains(&format!(",{key},")))
        })
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn no_message_hedges_a_count_with_a_bracketed_plural() {
    // "3 thing(s)" or "faltan 1 obligatorias" reads as unfinished software: a counted message
    // has a `_one` key for exactly one and a plain plural for any other number.
    for lang in ["en", "es"] {
        let all = strings(lang);
        for (key, text) in &all {
            for hedge in ["(s)", "(es)", "(ren)", "(ies)"] {
                assert!(
                    !text.contains(hedge),
                    "{lang} {key} hedges its plural: {text}"
                );
            }
            if let Some(plural_key) = key.strip_suffix("_one") {
                let plural = all
                    .get(plural_key)
                    .unwrap_or_else(|| panic!("{lang} {key} has no plural {plural_key}"));
                assert!(
                    blanks(plural).contains("n"),
                    "{lang} {plural_key} has no {{{{ n }}}}"
                );
                assert!(
                    !blanks(text).contains("n"),
                    "{lang} {key} is for one, not {{{{ n }}}}"
                );
            }
        }
    }
}

#[test]
fn progress_words_agree_with_their_number_in_both_languages() {
    use family_forms::model::progress::Progress;
    use family_forms::model::text::Locale;
    use family_forms::ui::progress_bar::progress_words;
    let left = |required_left| Progress {
        total: 25,
        answered: 1,
        required_left,
    };
    let cases = [
        (left(1), Locale::En, "1 of 25 answered · 1 required left"),
        (left(2), Locale::En, "1 of 25 answered · 2 required left"),
        (left(0), Locale::En, "1 of 25 answered"),
        (
            left(1),
            Locale::Es,
            "1 de 25 respondidas · falta 1 obligatoria",
        ),
        (
            left(3),
            Locale::Es,
            "1 de 25 respondidas · faltan 3 obligatorias",
        ),
    ];
    for (progress, locale, words) in cases {
        assert_eq!(progress_words(progress, locale), words);
    }
}
