//! The form schema: a form is data (sections of fields), never code, so every form we ship and
//! any form a school writes is drawn by one engine.

use serde::Serialize;

use super::text::{Locale, Text};

/// A whole form definition, as read from a `forms/*.json` file or a file the user adds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormDef {
    /// Stable id (`getting-to-know-my-child`); saved documents point at it.
    pub id: String,
    /// Bumped whenever fields change meaning; saved documents record the version they used.
    pub version: u32,
    pub title: Text,
    /// Who the form is for, how long it takes, and where answers stay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Who fills it in; home lists families' forms and school staff's tools apart.
    #[serde(skip_serializing_if = "Audience::is_families")]
    pub audience: Audience,
    pub sections: Vec<Section>,
}

/// Who a form is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// A family fills it in (the default).
    #[default]
    Families,
    /// A teacher, case manager or other school staff keeps it.
    School,
}

impl Audience {
    fn is_families(&self) -> bool {
        *self == Audience::Families
    }
}

/// A titled group of fields; on a phone one section is shown at a time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The whole section is shown only when this holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visible_when: Option<Condition>,
    pub fields: Vec<Field>,
}

/// One question (or an information block).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    /// Stable id: answers are stored under it, so it never changes once released.
    pub id: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// Shown only when this holds; a hidden answer is kept but not validated or exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visible_when: Option<Condition>,
    /// Filled from the child's profile when a document is started for a child.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefill: Option<ChildAttr>,
    /// Repeated in the booklet's "At a glance" box on the cover, so a teacher reading quickly
    /// sees it first (an allergy, a medicine, the language for calls home).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_a_glance: bool,
    /// A date shown on home, with the days left, while it is ahead (a meeting, a review).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub remind: bool,
    #[serde(flatten)]
    pub kind: FieldKind,
}

/// A detail of a child's profile that a field can be pre-filled with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildAttr {
    Name,
    PreferredName,
    BirthDate,
    Grade,
    School,
}

/// What kind of answer a field takes, with the settings that kind needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    ShortText {
        /// The browser's `autocomplete` token (`name`, `given-name`…), to fill from the phone.
        #[serde(skip_serializing_if = "Option::is_none")]
        autocomplete: Option<String>,
    },
    LongText {},
    /// Stored as ISO `YYYY-MM-DD`, shown in the reader's language.
    Date {
        /// A date that cannot be ahead (a date of birth, the day a meeting was held): one after
        /// today is a problem, as a year typed wrong (2102 for 2021) would reach the booklet
        /// and every letter.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        not_after_today: bool,
    },
    Number {
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    Email {},
    Phone {},
    Choice {
        options: Vec<ChoiceOption>,
        /// Adds "Other: ___".
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        other: bool,
        display: ChoiceDisplay,
    },
    MultiChoice {
        options: Vec<ChoiceOption>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        other: bool,
    },
    /// Yes / No / Not sure, with a box to describe (shown for yes and not sure).
    YesNo {
        #[serde(skip_serializing_if = "Option::is_none")]
        describe: Option<Text>,
    },
    Rating {
        /// 1 when a file leaves it out.
        min: u8,
        /// 5 when a file leaves it out.
        max: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        low: Option<Text>,
        #[serde(skip_serializing_if = "Option::is_none")]
        high: Option<Text>,
    },
    /// Items to tick off, each with a date and a note.
    Checklist {
        items: Vec<ChecklistItem>,
    },
    /// A table of repeating rows; on a phone each row is a card.
    Rows {
        columns: Vec<Field>,
        #[serde(skip_serializing_if = "Option::is_none")]
        min_rows: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max_rows: Option<u32>,
        /// Label of the "Add" button ("Add a person").
        #[serde(skip_serializing_if = "Option::is_none")]
        add_label: Option<Text>,
        /// What one row is ("Person"), so its card reads "Person 2", not the question again.
        #[serde(skip_serializing_if = "Option::is_none")]
        item_label: Option<Text>,
        /// For a log: which columns hold each entry's date and person, so the form can show
        /// a month's entries and who has none that month.
        #[serde(skip_serializing_if = "Option::is_none")]
        by_month: Option<ByMonth>,
    },
    /// Computed from other answers, never typed.
    Derived {
        rule: DerivedRule,
    },
    /// A typed full name and the date.
    Signature {},
    /// A callout with no input.
    Info {
        body: Text,
        tone: InfoTone,
    },
    /// A letter written from the answers: `body` is its text with `{field_id}` where an answer
    /// goes. Printed, a form with a letter gives the letter alone (see `export::letter`).
    Letter {
        body: Text,
    },
}

/// The columns of a log that say when and with whom each entry was (`by_month`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ByMonth {
    /// Id of a date column.
    pub date: String,
    /// Id of a short-text column naming the person.
    pub who: String,
    /// Id of a long-text question of the form holding everyone to keep in touch with, one name
    /// per line (a class list), so someone the log has never named still shows as not reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roster: Option<String>,
}

/// The `kind` names accepted in a definition, to name the choices in an error.
pub const KIND_NAMES: [&str; 16] = [
    "short_text",
    "long_text",
    "date",
    "number",
    "email",
    "phone",
    "choice",
    "multi_choice",
    "yes_no",
    "rating",
    "checklist",
    "rows",
    "derived",
    "signature",
    "info",
    "letter",
];

impl Field {
    /// The title of a row's card, and of a problem in that row: "Person 2" (counting from 1)
    /// where the form names one row, else the question's own label and the number.
    pub fn row_title(&self, index: usize, locale: Locale) -> String {
        let name = match &self.kind {
            FieldKind::Rows {
                item_label: Some(item),
                ..
            } => item,
            _ => &self.label,
        };
        format!("{} {}", name.get(locale), index + 1)
    }
}

impl FieldKind {
    /// The `kind` name as written in a definition.
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::ShortText { .. } => "short_text",
            FieldKind::LongText {} => "long_text",
            FieldKind::Date { .. } => "date",
            FieldKind::Number { .. } => "number",
            FieldKind::Email {} => "email",
            FieldKind::Phone {} => "phone",
            FieldKind::Choice { .. } => "choice",
            FieldKind::MultiChoice { .. } => "multi_choice",
            FieldKind::YesNo { .. } => "yes_no",
            FieldKind::Rating { .. } => "rating",
            FieldKind::Checklist { .. } => "checklist",
            FieldKind::Rows { .. } => "rows",
            FieldKind::Derived { .. } => "derived",
            FieldKind::Signature {} => "signature",
            FieldKind::Info { .. } => "info",
            FieldKind::Letter { .. } => "letter",
        }
    }

    /// Whether a person types or picks something here (info blocks and derived values don't).
    pub fn takes_input(&self) -> bool {
        !matches!(
            self,
            FieldKind::Info { .. } | FieldKind::Derived { .. } | FieldKind::Letter { .. }
        )
    }

    /// Whether the answer reads as one line of text (not a table, not a note), as the "At a
    /// glance" box needs.
    pub fn has_single_answer(&self) -> bool {
        !matches!(
            self,
            FieldKind::Info { .. }
                | FieldKind::Rows { .. }
                | FieldKind::Checklist { .. }
                | FieldKind::Letter { .. }
        )
    }
}

/// One option of a choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceOption {
    /// Stored value; stable across translations.
    pub value: String,
    pub label: Text,
}

/// How a single choice is drawn: radio buttons (few options) or a drop-down (many).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceDisplay {
    #[default]
    Radio,
    Select,
}

/// One item of a checklist.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChecklistItem {
    pub id: String,
    pub label: Text,
}

/// The look of an information block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum InfoTone {
    #[default]
    Note,
    Important,
}

/// How a derived value is computed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum DerivedRule {
    /// A date `days` after the date in field `from` (a review date 60 days after the start).
    AddDays { from: String, days: i64 },
    /// The latest check-in's result against a start and a target (see [`super::goal`]).
    TowardGoal(super::goal::GoalSources),
}

impl DerivedRule {
    /// The questions this rule reads.
    pub fn sources(&self) -> Vec<&str> {
        match self {
            DerivedRule::AddDays { from, .. } => vec![from],
            DerivedRule::TowardGoal(g) => [
                Some(&g.target),
                g.start.as_ref(),
                g.unit.as_ref(),
                Some(&g.rows),
            ]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect(),
        }
    }
}

/// When a field or section is shown, based on another field's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    Equals {
        field: String,
        value: String,
    },
    NotEquals {
        field: String,
        value: String,
    },
    AnyOf {
        field: String,
        values: Vec<String>,
    },
    Answered {
        field: String,
    },
    /// The yes/no field was answered "yes".
    Yes {
        field: String,
    },
}

impl Condition {
    /// The field the condition looks at.
    pub fn field(&self) -> &str {
        match self {
            Condition::Equals { field, .. }
            | Condition::NotEquals { field, .. }
            | Condition::AnyOf { field, .. }
            | Condition::Answered { field }
            | Condition::Yes { field } => field,
        }
    }
}

impl FormDef {
    /// Every top-level field, in order, with the index of its section.
    pub fn fields(&self) -> impl Iterator<Item = (usize, &Field)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.fields.iter().map(move |f| (i, f)))
    }

    /// Whether the form writes a letter (then home lists it with the letters, and it prints as
    /// the letter alone).
    pub fn writes_letter(&self) -> bool {
        self.fields()
            .any(|(_, f)| matches!(f.kind, FieldKind::Letter { .. }))
    }

    /// The top-level field with this id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().map(|(_, f)| f).find(|f| f.id == id)
    }

    /// Index of the section holding field `id`.
    pub fn section_of(&self, id: &str) -> Option<usize> {
        self.fields().find(|(_, f)| f.id == id).map(|(i, _)| i)
    }
}
