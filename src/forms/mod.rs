//! The forms that ship with the app, as data files embedded at build time.

use std::sync::OnceLock;

use crate::model::definition::{parse_definition, DefError};
use crate::model::schema::FormDef;

/// Source of every shipped definition, by file name (for test messages).
pub const BUILTIN_SOURCES: [(&str, &str); 4] = [
    (
        "getting-to-know-my-child.json",
        include_str!("getting-to-know-my-child.json"),
    ),
    ("ppt-prep.json", include_str!("ppt-prep.json")),
    (
        "partnership-plan.json",
        include_str!("partnership-plan.json"),
    ),
    ("seven-things.json", include_str!("seven-things.json")),
];

/// Every shipped form, parsed once. A shipped form that fails the checks is a bug caught by
/// the native tests; at run time it is left out rather than crashing the app.
pub fn builtin() -> &'static [FormDef] {
    static FORMS: OnceLock<Vec<FormDef>> = OnceLock::new();
    FORMS.get_or_init(|| {
        BUILTIN_SOURCES
            .iter()
            .filter_map(|(_, src)| parse_definition(src).ok())
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
