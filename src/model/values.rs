//! Answers, keyed by stable field id. One values model for every kind of field, so saving,
//! validation and export never depend on how a field is drawn.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The stored value of the "Other: ___" choice.
pub const OTHER: &str = "__other";

/// The answer to one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer {
    /// Short and long text, date (ISO), number (as typed), email, phone and rating.
    Text {
        value: String,
    },
    /// A single choice; `selected` is an option value, [`OTHER`], or empty.
    Choice {
        selected: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        other: String,
    },
    /// A multiple choice; `selected` may hold [`OTHER`].
    Multi {
        selected: Vec<String>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        other: String,
    },
    YesNo {
        answer: Option<YesNo>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        details: String,
    },
    Checklist {
        items: BTreeMap<String, CheckItem>,
    },
    Rows {
        rows: Vec<Row>,
    },
    Signature {
        name: String,
        date: String,
    },
}

/// The three answers of a yes / no / not sure question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
    NotSure,
}

impl YesNo {
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::NotSure];

    /// The stored name, also what conditions compare with.
    pub fn as_str(self) -> &'static str {
        match self {
            YesNo::Yes => "yes",
            YesNo::No => "no",
            YesNo::NotSure => "not_sure",
        }
    }
}

/// One ticked (or not) checklist item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct CheckItem {
    pub done: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One repeating row: its own stable id (so rows can be reordered) and its cells by column id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Row {
    pub id: String,
    pub cells: Answers,
}

impl Answer {
    /// A plain text answer.
    pub fn text(value: impl Into<String>) -> Answer {
        Answer::Text {
            value: value.into(),
        }
    }

    /// Whether a person has given any answer here.
    pub fn is_answered(&self) -> bool {
        match self {
            Answer::Text { value } => !value.trim().is_empty(),
            Answer::Choice { selected, .. } => !selected.is_empty(),
            Answer::Multi { selected, .. } => !selected.is_empty(),
            Answer::YesNo { answer, .. } => answer.is_some(),
            Answer::Checklist { items } => items
                .values()
                .any(|i| i.done || !i.note.trim().is_empty() || !i.date.is_empty()),
            Answer::Rows { rows } => rows
                .iter()
                .any(|r| r.cells.0.values().any(Answer::is_answered)),
            Answer::Signature { name, .. } => !name.trim().is_empty(),
        }
    }

    /// The values a condition compares with (`yes`, an option value, the typed text).
    pub fn condition_values(&self) -> Vec<&str> {
        match self {
            Answer::Text { value } => vec![value.trim()],
            Answer::Choice { selected, .. } => vec![selected.as_str()],
            Answer::Multi { selected, .. } => selected.iter().map(String::as_str).collect(),
            Answer::YesNo { answer, .. } => answer.iter().map(|a| a.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// The text of a text answer, empty for other kinds.
    pub fn as_text(&self) -> &str {
        match self {
            Answer::Text { value } => value,
            _ => "",
        }
    }
}

/// All answers of one document, by field id. Answers to fields a definition no longer has are
/// kept as they are, so an older or newer definition never destroys data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    pub fn set(&mut self, id: impl Into<String>, answer: Answer) {
        self.0.insert(id.into(), answer);
    }

    /// Whether field `id` has an answer.
    pub fn is_answered(&self, id: &str) -> bool {
        self.get(id).is_some_and(Answer::is_answered)
    }
}

/// A fresh row id not used by any of `rows`.
pub fn next_row_id(rows: &[Row]) -> String {
    let next = rows
        .iter()
        .filter_map(|r| r.id.strip_prefix('r').and_then(|n| n.parse::<u64>().ok()))
        .max()
        .map_or(1, |n| n + 1);
    format!("r{next}")
}
