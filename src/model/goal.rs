//! How far a plan has come toward its goal: the latest check-in's result against where the
//! child started and the target (a partnership plan's 60-day goal), so a family and a teacher
//! see the progress their data shows, in one line, and not only in words.

use super::dates::format_date;
use super::text::Locale;
use super::validate::parse_number;
use super::values::{Answer, Answers};

/// Which answers a `toward_goal` value is read from (ids as in the form definition).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct GoalSources {
    /// A number question: the target.
    pub target: String,
    /// A number question: where the child started, in the same measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// A short-text question naming the measure ("words a minute").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A rows question holding the check-ins.
    pub rows: String,
    /// The number column of those rows holding each check-in's result.
    pub result: String,
    /// The date column of those rows, which says which check-in is the latest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A number as typed, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub typed: String,
    pub value: f64,
}

impl Measure {
    fn read(answer: Option<&Answer>) -> Option<Measure> {
        let typed = answer?.as_text().trim();
        let value = parse_number(typed)?;
        Some(Measure {
            typed: typed.to_string(),
            value,
        })
    }
}

/// The latest result against the goal.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalProgress {
    pub latest: Measure,
    /// The latest check-in's date (ISO), when it has one.
    pub on: Option<String>,
    pub start: Option<Measure>,
    pub target: Measure,
    /// The measure's name, as typed ("" when the form has none or it is blank).
    pub unit: String,
}

/// Where the latest result stands on the way from the start to the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Whole percent of the way, 0 to 99 (rounded down, so 100 is only said once reached).
    Part(u8),
    Reached,
    /// Further from the target than at the start (a dip after a holiday, say).
    Behind,
}

impl GoalProgress {
    /// The progress the answers show, or `None` until there is a target and a check-in with a
    /// result. The latest check-in is the one with the latest date; among check-ins with no
    /// date, the last one (check-ins with a date come after those without).
    pub fn read(answers: &Answers, from: &GoalSources) -> Option<GoalProgress> {
        let target = Measure::read(answers.get(&from.target))?;
        let Some(Answer::Rows { rows }) = answers.get(&from.rows) else {
            return None;
        };
        let date_of = |cells: &Answers| {
            from.date
                .as_ref()
                .and_then(|d| cells.get(d))
                .and_then(|a| super::dates::parse_iso_date(a.as_text()))
        };
        let (latest, on) = rows
            .iter()
            .filter_map(|r| Some((Measure::read(r.cells.get(&from.result))?, date_of(&r.cells))))
            .enumerate()
            .max_by_key(|(i, (_, on))| (*on, *i))
            .map(|(_, found)| found)?;
        let text_of = |id: &Option<String>| {
            id.as_ref()
                .and_then(|i| answers.get(i))
                .map(|a| a.as_text().trim().to_string())
                .unwrap_or_default()
        };
        Some(GoalProgress {
            latest,
            on: on.map(super::dates::iso_date),
            start: from
                .start
                .as_ref()
                .and_then(|s| Measure::read(answers.get(s))),
            target,
            unit: text_of(&from.unit),
        })
    }

    /// `None` without a start, or when the start already is the target: then there is no way
    /// to measure the share of.
    pub fn standing(&self) -> Option<Standing> {
        let start = self.start.as_ref()?.value;
        let way = self.target.value - start;
        if way == 0.0 {
            return None;
        }
        let share = (self.latest.value - start) / way;
        Some(if share >= 1.0 {
            Standing::Reached
        } else if share < 0.0 {
            Standing::Behind
        } else {
            Standing::Part((share * 100.0).floor() as u8)
        })
    }

    /// One plain line, as the form, the booklet and the PDF show it: "Latest check-in: 32 words
    /// a minute (December 1, 2026). Goal: 45. Started at 20: 48% of the way."
    pub fn describe(&self, locale: Locale) -> String {
        let es = locale == Locale::Es;
        let mut line = String::from(if es {
            "Última revisión: "
        } else {
            "Latest check-in: "
        });
        line.push_str(&self.latest.typed);
        if !self.unit.is_empty() {
            line.push(' ');
            line.push_str(&self.unit);
        }
        if let Some(on) = &self.on {
            line.push_str(" (");
            line.push_str(&format_date(on, locale));
            line.push(')');
        }
        line.push_str(if es { ". Meta: " } else { ". Goal: " });
        line.push_str(&self.target.typed);
        line.push('.');
        if let (Some(start), Some(standing)) = (&self.start, self.standing()) {
            line.push_str(if es { " Empezó en " } else { " Started at " });
            line.push_str(&start.typed);
            line.push_str(&match (standing, es) {
                (Standing::Part(p), false) => format!(": {p}% of the way."),
                (Standing::Part(p), true) => format!(": el {p} % del camino."),
                (Standing::Reached, false) => ". Goal reached.".to_string(),
                (Standing::Reached, true) => ". Meta alcanzada.".to_string(),
                (Standing::Behind, false) => {
                    ". Further from the goal than at the start.".to_string()
                }
                (Standing::Behind, true) => ". Más lejos de la meta que al empezar.".to_string(),
            });
        }
        line
    }
}
