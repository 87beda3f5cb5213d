//! Answers, keyed by stable field id. One values model for every kind of field, so saving,
//! validation and export never depend on how a field is drawn.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The stored value of the "Other: ___" choice.
pub const OTHER: &str = "__other";

/// The answer to one field. Stored as an object tagged by `type` (`{"type": "text", "value":
/// "…"}`); read back by [`Answer::from_json`].
#[derive(Clone, Debug, PartialEq, Serialize)]
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

impl Row {
    /// Whether anything was answered in this row (removing a blank one needs no undo).
    pub fn has_answers(&self) -> bool {
        self.cells.0.values().any(Answer::is_answered)
    }
}

/// Read by hand from the JSON tree: serde's derive for a `type`-tagged enum buffers every
/// answer and was about a fifth of the wasm's reading code. The rules are the derive's, a
/// little kinder: unknown properties are ignored, and `other`, `details` and `answer` may be
/// left out or `null`.
impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Answer::from_json(Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl Answer {
    /// Reads one stored answer; the error names what is wrong.
    pub fn from_json(value: Value) -> Result<Answer, String> {
        let Value::Object(mut o) = value else {
            return Err("an answer must be an object".into());
        };
        let kind = match o.remove("type") {
            Some(Value::String(kind)) => kind,
            Some(_) => return Err("`type` must be text".into()),
            None => return Err("missing field `type`".into()),
        };
        Ok(match kind.as_str() {
            "text" => Answer::Text {
                value: take(&mut o, "value")?,
            },
            "choice" => Answer::Choice {
                selected: take(&mut o, "selected")?,
                other: take_or_default(&mut o, "other")?,
            },
            "multi" => Answer::Multi {
                selected: take(&mut o, "selected")?,
                other: take_or_default(&mut o, "other")?,
            },
            "yes_no" => Answer::YesNo {
                answer: take_or_default(&mut o, "answer")?,
                details: take_or_default(&mut o, "details")?,
            },
            "checklist" => Answer::Checklist {
                items: take(&mut o, "items")?,
            },
            "rows" => Answer::Rows {
                rows: take(&mut o, "rows")?,
            },
            "signature" => Answer::Signature {
                name: take(&mut o, "name")?,
                date: take(&mut o, "date")?,
            },
            other => return Err(format!("unknown answer type `{other}`")),
        })
    }

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
            Answer::Rows { rows } => rows.iter().any(Row::has_answers),
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

/// Property `key` of a stored answer, which must be there.
fn take<T: serde::de::DeserializeOwned>(
    o: &mut Map<String, Value>,
    key: &str,
) -> Result<T, String> {
    let value = o
        .remove(key)
        .ok_or_else(|| format!("missing field `{key}`"))?;
    serde_json::from_value(value).map_err(|e| format!("`{key}`: {e}"))
}

/// Property `key` of a stored answer, or its empty value when left out or `null`.
fn take_or_default<T: serde::de::DeserializeOwned + Default>(
    o: &mut Map<String, Value>,
    key: &str,
) -> Result<T, String> {
    match o.remove(key) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(value) => serde_json::from_value(value).map_err(|e| format!("`{key}`: {e}")),
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
