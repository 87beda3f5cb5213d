//! Conditions and derived values: what is shown and what is computed, from the answers alone.

use chrono::Duration;

use super::dates::format_date;
use super::goal::GoalProgress;
use super::schema::{Condition, DerivedRule, Field, FieldKind, FormDef, Section};
use super::text::Locale;
use super::values::{Answer, Answers, YesNo};

/// Whether `condition` holds for `answer` (the answer of the field it looks at, if shown).
pub fn condition_holds(condition: &Condition, answer: Option<&Answer>) -> bool {
    let values = answer.map(Answer::condition_values).unwrap_or_default();
    match condition {
        Condition::Equals { value, .. } => values.iter().any(|v| v == value),
        Condition::NotEquals { value, .. } => !values.iter().any(|v| v == value),
        Condition::AnyOf { values: wanted, .. } => {
            values.iter().any(|v| wanted.iter().any(|w| w == v))
        }
        Condition::Answered { .. } => answer.is_some_and(Answer::is_answered),
        Condition::Yes { .. } => match answer {
            Some(Answer::YesNo { answer, .. }) => *answer == Some(YesNo::Yes),
            Some(other) => other.condition_values().contains(&"yes"),
            None => false,
        },
    }
}

/// Depth limit for chains of conditions; definitions with cycles are refused at load, this only
/// keeps a hand-made definition that skipped the checks from recursing forever.
const MAX_CHAIN: usize = 32;

/// Whether top-level field `id` is shown: its own condition holds, and its section's, and the
/// field each looks at is itself shown (a hidden answer counts as no answer).
pub fn is_field_visible(def: &FormDef, answers: &Answers, id: &str) -> bool {
    field_visible_depth(def, answers, id, 0)
}

fn field_visible_depth(def: &FormDef, answers: &Answers, id: &str, depth: usize) -> bool {
    if depth > MAX_CHAIN {
        return false;
    }
    let Some(section_index) = def.section_of(id) else {
        return true;
    };
    let section = &def.sections[section_index];
    let field = section.fields.iter().find(|f| f.id == id);
    [
        section.visible_when.as_ref(),
        field.and_then(|f| f.visible_when.as_ref()),
    ]
    .into_iter()
    .flatten()
    .all(|c| condition_true(def, answers, c, depth + 1))
}

fn condition_true(def: &FormDef, answers: &Answers, c: &Condition, depth: usize) -> bool {
    let source_visible = field_visible_depth(def, answers, c.field(), depth);
    let answer = if source_visible {
        answers.get(c.field())
    } else {
        None
    };
    condition_holds(c, answer)
}

/// Whether `field` of `section` is shown, given the two directly (no lookup by id), for code
/// that walks a whole form: validation, progress, rendering.
pub fn is_visible_in(def: &FormDef, answers: &Answers, section: &Section, field: &Field) -> bool {
    [section.visible_when.as_ref(), field.visible_when.as_ref()]
        .into_iter()
        .flatten()
        .all(|c| condition_true(def, answers, c, 1))
}

/// Whether a section is shown.
pub fn is_section_visible(def: &FormDef, answers: &Answers, section: &Section) -> bool {
    section
        .visible_when
        .as_ref()
        .is_none_or(|c| condition_true(def, answers, c, 1))
}

/// The position of section `section_id` if the form has it and it is shown for `answers`:
/// where a document reopens (a section hidden since, or gone in a newer form, is not).
pub fn shown_section_index(def: &FormDef, answers: &Answers, section_id: &str) -> Option<usize> {
    def.sections
        .iter()
        .position(|s| s.id == section_id)
        .filter(|&i| is_section_visible(def, answers, &def.sections[i]))
}

/// Whether a column of a repeating row is shown: its condition looks at a sibling cell first,
/// then at a top-level field.
pub fn is_cell_visible(def: &FormDef, answers: &Answers, row: &Answers, column: &Field) -> bool {
    match &column.visible_when {
        None => true,
        Some(c) => match row.get(c.field()) {
            Some(a) => condition_holds(c, Some(a)),
            None if def.field(c.field()).is_some() => condition_true(def, answers, c, 1),
            None => condition_holds(c, None),
        },
    }
}

/// A derived field's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Derived {
    /// An ISO date (`add_days`).
    Date(String),
    /// How far the plan has come (`toward_goal`).
    Goal(GoalProgress),
}

impl Derived {
    /// The date, for reminders and for a date computed from this one.
    pub fn date(&self) -> Option<&str> {
        match self {
            Derived::Date(iso) => Some(iso),
            Derived::Goal(_) => None,
        }
    }

    /// As the form, the booklet, the PDF and a letter show it.
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Derived::Date(iso) => format_date(iso, locale),
            Derived::Goal(progress) => progress.describe(locale),
        }
    }
}

/// The value of a derived field, or `None` while the answers it needs are missing.
pub fn derived_value(def: &FormDef, answers: &Answers, rule: &DerivedRule) -> Option<Derived> {
    derived_depth(def, answers, rule, 0)
}

fn derived_depth(
    def: &FormDef,
    answers: &Answers,
    rule: &DerivedRule,
    depth: usize,
) -> Option<Derived> {
    if depth > MAX_CHAIN {
        return None;
    }
    match rule {
        DerivedRule::AddDays { from, days } => {
            let source = match def.field(from).map(|f| &f.kind) {
                Some(FieldKind::Derived { rule }) => derived_depth(def, answers, rule, depth + 1)?
                    .date()?
                    .to_string(),
                _ => answers.get(from)?.as_text().to_string(),
            };
            let date = super::dates::parse_iso_date(&source)?;
            let result = date.checked_add_signed(Duration::try_days(*days)?)?;
            Some(Derived::Date(super::dates::iso_date(result)))
        }
        DerivedRule::TowardGoal(sources) => GoalProgress::read(answers, sources).map(Derived::Goal),
    }
}
