//! Which questions two copies of one document answer differently: before a copy that came back
//! from a teacher (or a family) replaces the one kept, the person sees what it changes.

use std::collections::BTreeSet;

use super::schema::{Field, FormDef};
use super::values::{Answer, Answers};

/// What a received copy changes.
#[derive(Debug, PartialEq)]
pub struct Changes<'d> {
    /// The form's questions answered differently, in the form's order.
    pub questions: Vec<&'d Field>,
    /// Answers that differ under ids this form does not have (from a newer or older form).
    pub others: usize,
}

impl Changes<'_> {
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.others == 0
    }

    pub fn count(&self) -> usize {
        self.questions.len() + self.others
    }
}

/// The questions `ours` and `theirs` answer differently. A question left blank counts the same
/// as one never touched, so an emptied box and a missing answer are not a change.
pub fn changes<'d>(def: &'d FormDef, ours: &Answers, theirs: &Answers) -> Changes<'d> {
    let answered = |answers: &Answers, id: &str| -> Option<Answer> {
        answers.get(id).filter(|a| a.is_answered()).cloned()
    };
    let differs = |id: &str| answered(ours, id) != answered(theirs, id);
    let questions: Vec<&Field> = def
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| differs(&f.id))
        .collect();
    let ids: BTreeSet<&String> = ours.0.keys().chain(theirs.0.keys()).collect();
    let others = ids
        .into_iter()
        .filter(|id| def.field(id).is_none() && differs(id))
        .count();
    Changes { questions, others }
}
