//! A child's profile: typed once, pre-filled into every form started for that child.

use serde::{Deserialize, Serialize};

use super::schema::{ChildAttr, FieldKind, FormDef};
use super::values::{Answer, Answers};

/// One child of the family.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Child {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub preferred_name: String,
    /// ISO date, or empty.
    #[serde(default)]
    pub birth_date: String,
    /// A grade value as the forms use it (`k`, `1`…), or empty.
    #[serde(default)]
    pub grade: String,
    #[serde(default)]
    pub school: String,
}

impl Child {
    /// Whether the date of birth could be true on `today` (ISO): none given, or a real date no
    /// later than today. A year typed wrong (2102 for 2021) would reach every form and booklet.
    pub fn birth_date_is_possible(&self, today: &str) -> bool {
        let birth = self.birth_date.trim();
        birth.is_empty()
            || matches!(
                (super::dates::parse_iso_date(birth), super::dates::parse_iso_date(today)),
                (Some(b), Some(t)) if b <= t
            )
    }

    /// The name to show: the one the child likes, else the full name.
    pub fn display_name(&self) -> &str {
        if self.preferred_name.trim().is_empty() {
            self.name.trim()
        } else {
            self.preferred_name.trim()
        }
    }

    /// The profile's value for `attr`.
    pub fn attr(&self, attr: ChildAttr) -> &str {
        match attr {
            ChildAttr::Name => &self.name,
            ChildAttr::PreferredName => &self.preferred_name,
            ChildAttr::BirthDate => &self.birth_date,
            ChildAttr::Grade => &self.grade,
            ChildAttr::School => &self.school,
        }
    }
}

/// How a document is named wherever it is listed or titled: its form's title, then whom it is
/// about when that is known ("Getting to Know My Child — Mía").
pub fn title_and_name(title: &str, name: &str) -> String {
    if name.is_empty() {
        title.to_string()
    } else {
        format!("{title} — {name}")
    }
}

/// The child's name as typed in the form: the name they like, else the full name (empty if
/// neither was typed). Names a document that belongs to no child profile.
pub fn typed_child_name(def: &FormDef, answers: &Answers) -> String {
    [ChildAttr::PreferredName, ChildAttr::Name]
        .into_iter()
        .map(|attr| typed_in_form(def, answers, attr))
        .find(|name| !name.is_empty())
        .unwrap_or_default()
}

/// What was typed in the form for `attr` (the first non-empty answer among the fields that
/// pre-fill from it), for a document that belongs to no child profile.
pub fn typed_in_form(def: &FormDef, answers: &Answers, attr: ChildAttr) -> String {
    def.fields()
        .filter(|(_, f)| f.prefill == Some(attr))
        .find_map(|(_, f)| {
            let text = answers.get(&f.id)?.as_text().trim();
            (!text.is_empty()).then(|| text.to_string())
        })
        .unwrap_or_default()
}

/// The answers a new document for `child` starts with: every field marked `prefill` that the
/// profile has a value for (a choice only when the value is one of its options).
pub fn prefill(def: &FormDef, child: &Child) -> Answers {
    let mut answers = Answers::default();
    for (_, field) in def.fields() {
        let Some(attr) = field.prefill else { continue };
        let value = child.attr(attr).trim();
        if value.is_empty() {
            continue;
        }
        let answer = match &field.kind {
            FieldKind::Choice { options, .. } if options.iter().any(|o| o.value == value) => {
                Answer::Choice {
                    selected: value.to_string(),
                    other: String::new(),
                }
            }
            FieldKind::Choice { .. } => continue,
            _ => Answer::text(value),
        };
        answers.set(field.id.clone(), answer);
    }
    answers
}

/// A document given to child `to` after it was started: begun from the list of forms before
/// the child was added, or for the wrong child (`from`). Each question the form fills from a
/// profile takes `to`'s detail while it is blank or still holds what `from`'s profile put
/// there; what the person typed is never replaced.
pub fn refill_for_child(def: &FormDef, from: Option<&Child>, to: &Child, answers: &mut Answers) {
    let old = from.map(|c| prefill(def, c)).unwrap_or_default();
    let new = prefill(def, to);
    for (_, field) in def.fields() {
        if field.prefill.is_none() {
            continue;
        }
        let id = field.id.as_str();
        let was_filled_in = old.get(id).is_some() && answers.get(id) == old.get(id);
        if answers.is_answered(id) && !was_filled_in {
            continue;
        }
        match new.get(id) {
            Some(answer) => answers.set(id, answer.clone()),
            None if was_filled_in => {
                answers.0.remove(id);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_of_birth_after_today_or_not_a_date_is_not_possible() {
        let born = |d: &str| Child {
            birth_date: d.into(),
            ..Child::default()
        };
        let today = "2026-12-01";
        assert!(born("").birth_date_is_possible(today));
        assert!(born("2021-03-04").birth_date_is_possible(today));
        assert!(
            born("2026-12-01").birth_date_is_possible(today),
            "born today"
        );
        assert!(!born("2026-12-02").birth_date_is_possible(today));
        assert!(!born("2102-03-04").birth_date_is_possible(today));
        assert!(!born("20210-03-04").birth_date_is_possible(today));
        assert!(!born("2021-02-30").birth_date_is_possible(today));
    }
}
