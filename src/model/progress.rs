//! How far along a form is, per section and overall, shown while filling.

use super::logic::{is_section_visible, is_visible_in};
use super::schema::FormDef;
use super::values::Answers;

/// Completion of one section (or of the whole form).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Progress {
    /// Shown questions that take an answer.
    pub total: usize,
    pub answered: usize,
    /// Required questions still unanswered.
    pub required_left: usize,
}

impl Progress {
    /// Whole percent answered; an empty section counts as complete.
    pub fn percent(&self) -> u32 {
        (self.answered * 100)
            .checked_div(self.total)
            .map_or(100, |p| p as u32)
    }

    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }

    fn add(&mut self, other: Progress) {
        self.total += other.total;
        self.answered += other.answered;
        self.required_left += other.required_left;
    }
}

/// Progress per section (hidden sections count as empty) and overall. Every shown question
/// counts the same, required or not, so the bar moves with each answer; the number of required
/// questions left is kept apart because that is what a teacher truly needs.
pub fn progress(def: &FormDef, answers: &Answers) -> (Vec<Progress>, Progress) {
    let mut overall = Progress::default();
    let sections: Vec<Progress> = def
        .sections
        .iter()
        .map(|section| {
            let mut p = Progress::default();
            if !is_section_visible(def, answers, section) {
                return p;
            }
            for field in &section.fields {
                if !field.kind.takes_input() || !is_visible_in(def, answers, section, field) {
                    continue;
                }
                p.total += 1;
                if answers.is_answered(&field.id) {
                    p.answered += 1;
                } else if field.required {
                    p.required_left += 1;
                }
            }
            overall.add(p);
            p
        })
        .collect();
    (sections, overall)
}
