//! The key answers of every copy of one form on the device, as one sheet: a teacher with a
//! class's "Getting to Know My Child" sees every allergy, medicine and home language at once,
//! on screen or on paper, without opening twenty booklets.

use super::booklet::{key_answers, Entry};
use crate::model::child::{typed_child_name, Child};
use crate::model::document::Document;
use crate::model::schema::FormDef;
use crate::model::text::Locale;

/// One document's key answers, under the child's name.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyAnswers {
    pub document_id: String,
    /// The child's profile name, else the name typed in the form; empty when neither is there.
    pub name: String,
    /// Empty when none of the key questions was answered: the sheet says so, as a teacher
    /// needs to know whom to ask.
    pub entries: Vec<Entry>,
}

/// The key answers of each of `docs` that is a copy of `def`, ordered by name as a class list
/// is (nameless ones last). `children` gives the names of documents that belong to a child.
pub fn class_sheet(
    def: &FormDef,
    docs: &[Document],
    children: &[Child],
    locale: Locale,
) -> Vec<KeyAnswers> {
    let mut sheet: Vec<KeyAnswers> = docs
        .iter()
        .filter(|d| d.form_id == def.id)
        .map(|doc| {
            let profile = doc
                .child_id
                .as_ref()
                .and_then(|id| children.iter().find(|c| &c.id == id))
                .map(|c| c.display_name().to_string())
                .filter(|n| !n.is_empty());
            KeyAnswers {
                document_id: doc.id.clone(),
                name: profile.unwrap_or_else(|| typed_child_name(def, &doc.answers)),
                entries: key_answers(def, &doc.answers, &doc.still_missing(), locale),
            }
        })
        .collect();
    crate::model::sorting::sort_by_cached_key(&mut sheet, |k| {
        (k.name.is_empty(), sort_key(&k.name))
    });
    sheet
}

/// `name` for ordering: lower case, accents dropped (Ángel between Ana and Beto), without
/// shipping Unicode's case tables for it.
fn sort_key(name: &str) -> String {
    super::file_slug(name)
}
