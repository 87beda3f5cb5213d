//! The forms that ship with the app, as data files embedded at build time (minified by
//! `build.rs`; the files here keep their indentation for people to read and edit).

use std::sync::{Arc, OnceLock};

use crate::model::definition::{parse_definition, read_unchecked, DefError};
use crate::model::schema::FormDef;

/// Source of every shipped definition, by file name (for test messages).
pub const BUILTIN_SOURCES: [(&str, &str); 9] = [
    (
        "getting-to-know-my-child.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/forms/getting-to-know-my-child.json"
        )),
    ),
    (
        "ppt-prep.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/ppt-prep.json")),
    ),
    (
        "partnership-plan.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/partnership-plan.json")),
    ),
    (
        "seven-things.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/seven-things.json")),
    ),
    // Letters a family sends the school, written from their answers.
    (
        "letter-evaluation.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/letter-evaluation.json")),
    ),
    (
        "letter-ppt-meeting.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/letter-ppt-meeting.json")),
    ),
    // Tools for teachers and case managers (`"audience": "school"`).
    (
        "family-contact-log.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/family-contact-log.json")),
    ),
    (
        "contact-record.json",
        include_str!(concat!(env!("OUT_DIR"), "/forms/contact-record.json")),
    ),
    (
        "case-manager-checklist.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/forms/case-manager-checklist.json"
        )),
    ),
];

/// Every shipped form, read once at start and shared. They are read without the engine's
/// checks, which [`check_builtin`] runs in the native tests (a shipped form that fails them
/// fails the build's tests): at every start that saves about 60% of the time spent reading
/// them. One that cannot be read at all is left out rather than crashing the app.
pub fn builtin() -> &'static [Arc<FormDef>] {
    static FORMS: OnceLock<Vec<Arc<FormDef>>> = OnceLock::new();
    FORMS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|(_, src)| read_unchecked(src).ok())
            .map(Arc::new)
            .collect()
    })
}

/// Parses every shipped definition, reporting failures by file (for tests).
pub fn check_builtin() -> Vec<(&'static str, Vec<DefError>)> {
    BUILTIN_SOURCES
        .iter()
        .filter_map(|(name, src)| parse_definition(src).err().map(|e| (*name, e)))
        .collect()
}
