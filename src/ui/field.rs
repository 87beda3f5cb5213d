//! What every field component receives, and the pieces they share: the label with its help
//! text, and the error line tied to the input for screen readers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::schema::{Field, FormDef};
use crate::model::text::Text;
use crate::model::values::{Answer, Answers};
use crate::ui::context::use_locale;

mod clear_answer;
mod error_text;
mod help_text;
mod label_text;
pub use clear_answer::ClearAnswer;
pub use error_text::ErrorText;
pub use help_text::HelpText;
pub use label_text::LabelText;

/// A problem of this field shown to the person: the cell it is in (row index, column id) for a
/// repeating row, and the message in their language.
pub type ShownProblem = (Option<(usize, String)>, String);

/// Everything a field component needs: its definition, its value and how to change it.
#[derive(Clone)]
pub struct FieldCtx {
    pub field: Arc<Field>,
    /// Id of the input element; help and error ids derive from it.
    pub dom_id: String,
    pub value: Signal<Option<Answer>>,
    pub set: Callback<Answer>,
    /// Problems to show for this field (and for the cells of its rows).
    pub problems: Signal<Vec<ShownProblem>>,
    /// Called when the person leaves the field, so its problems start to show.
    pub touch: Callback<()>,
    pub def: Arc<FormDef>,
    pub answers: Signal<Answers>,
}

impl FieldCtx {
    pub fn help_id(&self) -> String {
        format!("{}-help", self.dom_id)
    }

    /// Id of a group's `<legend>`, which names the question for the group's own buttons.
    pub fn legend_id(&self) -> String {
        format!("{}-legend", self.dom_id)
    }

    pub fn error_id(&self) -> String {
        format!("{}-error", self.dom_id)
    }

    /// The problem of the field itself (not of a row cell).
    pub fn error(&self) -> Signal<Option<String>> {
        let problems = self.problems;
        Signal::derive(move || {
            problems.with(|p| {
                p.iter()
                    .find(|(cell, _)| cell.is_none())
                    .map(|(_, m)| m.clone())
            })
        })
    }

    /// `aria-describedby`: the help text and, while there is one, the error.
    pub fn described_by(&self) -> Signal<Option<String>> {
        let help = self.field.help.as_ref().map(|_| self.help_id());
        let error_id = self.error_id();
        let error = self.error();
        Signal::derive(move || {
            let ids: Vec<String> = help
                .iter()
                .cloned()
                .chain(error.with(Option::is_some).then(|| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    }

    /// `aria-invalid` while there is an error.
    pub fn invalid(&self) -> Signal<Option<&'static str>> {
        let error = self.error();
        Signal::derive(move || error.with(Option::is_some).then_some("true"))
    }

    /// The current text of a text answer.
    pub fn text(&self) -> Signal<String> {
        let value = self.value;
        Signal::derive(move || {
            value.with(|v| {
                v.as_ref()
                    .map(|a| a.as_text().to_string())
                    .unwrap_or_default()
            })
        })
    }

    /// Stores typed text.
    pub fn set_text(&self) -> impl Fn(String) + Copy + 'static {
        let set = self.set;
        move |s: String| set.run(Answer::text(s))
    }
}

/// Reads a bilingual text in the current language.
pub fn localized(text: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let locale = use_locale();
    move || text.get(locale.get()).to_string()
}
