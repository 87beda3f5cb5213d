//! Validation as a pure function of the definition and the answers. Problems never block
//! saving: a draft may be incomplete; they guide the person to what is missing.

use chrono::NaiveDate;

use super::dates::parse_iso_date;
use super::logic::{is_cell_visible, is_section_visible, is_visible_in};
use super::number::parse_decimal;
use super::schema::{Field, FieldKind, FormDef};
use super::text::Locale;
use super::values::{Answer, Answers, OTHER};

/// Where a problem is: a top-level field, or a cell of one of its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemPlace {
    pub section: usize,
    pub field: String,
    /// Row index and column id, for a cell of a repeating row.
    pub cell: Option<(usize, String)>,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    Required,
    Email,
    Phone,
    Date,
    /// A date that cannot be ahead (a date of birth, the day a meeting was held) is after
    /// today.
    DateAfterToday,
    Number,
    BelowMin(f64),
    AboveMax(f64),
    TooFewRows(u32),
    TooManyRows(u32),
    OtherEmpty,
}

/// One problem with the answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub place: ProblemPlace,
    pub kind: ProblemKind,
}

impl Problem {
    /// Where the problem is, in words for a list of problems: the question's label, and for a
    /// cell of a row the row and the column too ("Who will be there, Person 2, Role", or
    /// "Who will be there 2, Role" where the form does not name its rows).
    pub fn place_words(&self, def: &FormDef, locale: Locale) -> String {
        let Some(field) = def.field(&self.place.field) else {
            return String::new();
        };
        let label = field.label.get(locale);
        let (
            Some((row, column_id)),
            FieldKind::Rows {
                columns,
                item_label,
                ..
            },
        ) = (&self.place.cell, &field.kind)
        else {
            return label.to_string();
        };
        let row = field.row_title(*row, locale);
        let row = match item_label {
            Some(_) => format!("{label}, {row}"),
            None => row,
        };
        match columns.iter().find(|c| &c.id == column_id) {
            Some(column) => format!("{row}, {}", column.label.get(locale)),
            None => row,
        }
    }
}

impl ProblemKind {
    /// What to tell the person, in their language.
    pub fn message(&self, locale: Locale) -> String {
        use ProblemKind::*;
        let es = locale == Locale::Es;
        match self {
            Required if es => "Esta pregunta es necesaria.".into(),
            Required => "This question needs an answer.".into(),
            Email if es => "Escriba un correo como nombre@ejemplo.com.".into(),
            Email => "Enter an email like name@example.com.".into(),
            Phone if es => "Escriba un número de teléfono (por lo menos 7 dígitos).".into(),
            Phone => "Enter a phone number (at least 7 digits).".into(),
            Date if es => "Escriba una fecha válida.".into(),
            Date => "Enter a real date.".into(),
            DateAfterToday if es => "Esta fecha es posterior a hoy. Revise el año.".into(),
            DateAfterToday => "This date is after today. Check the year.".into(),
            Number if es => "Escriba solo un número.".into(),
            Number => "Enter a number only.".into(),
            BelowMin(n) if es => format!("Debe ser {} o más.", fmt_num(*n)),
            BelowMin(n) => format!("Must be {} or more.", fmt_num(*n)),
            AboveMax(n) if es => format!("Debe ser {} o menos.", fmt_num(*n)),
            AboveMax(n) => format!("Must be {} or less.", fmt_num(*n)),
            TooFewRows(n) if es => format!("Agregue por lo menos {n}."),
            TooFewRows(n) => format!("Add at least {n}."),
            TooManyRows(n) if es => format!("No más de {n}."),
            TooManyRows(n) => format!("No more than {n}."),
            OtherEmpty if es => "Escriba qué es “Otro”.".into(),
            OtherEmpty => "Say what “Other” is.".into(),
        }
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Parses a typed number, taking a decimal comma as Spanish speakers write it.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.contains(',') && !t.contains('.') {
        parse_decimal(&t.replace(',', "."))
    } else {
        parse_decimal(t)
    }
}

/// A plausible email: one `@`, something before it, a dotted domain after, no spaces.
pub fn is_valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

/// A plausible phone number: 7 to 15 digits and only the usual separators.
pub fn is_valid_phone(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// Every problem with `answers` against `def` on `today` (ISO, the person's own date, for
/// dates that cannot be ahead), in form order. Hidden fields are skipped.
pub fn validate(def: &FormDef, answers: &Answers, today: &str) -> Vec<Problem> {
    let today = parse_iso_date(today);
    let mut problems = Vec::new();
    for (si, section) in def.sections.iter().enumerate() {
        if !is_section_visible(def, answers, section) {
            continue;
        }
        for field in &section.fields {
            if !is_visible_in(def, answers, section, field) {
                continue;
            }
            let place = ProblemPlace {
                section: si,
                field: field.id.clone(),
                cell: None,
            };
            check_field(
                def,
                answers,
                field,
                answers.get(&field.id),
                &place,
                today,
                &mut problems,
            );
        }
    }
    problems
}

fn check_field(
    def: &FormDef,
    answers: &Answers,
    field: &Field,
    answer: Option<&Answer>,
    place: &ProblemPlace,
    today: Option<NaiveDate>,
    out: &mut Vec<Problem>,
) {
    let mut push = |kind| {
        out.push(Problem {
            place: place.clone(),
            kind,
        })
    };
    let answered = answer.is_some_and(Answer::is_answered);
    if !answered {
        if field.required && field.kind.takes_input() {
            push(ProblemKind::Required);
        }
        if let FieldKind::Rows {
            min_rows: Some(min),
            ..
        } = &field.kind
        {
            if *min > 0 && !field.required {
                push(ProblemKind::TooFewRows(*min));
            }
        }
        return;
    }
    let Some(answer) = answer else { return };
    let text = answer.as_text();
    match &field.kind {
        FieldKind::Email {} if !is_valid_email(text) => push(ProblemKind::Email),
        FieldKind::Phone {} if !is_valid_phone(text) => push(ProblemKind::Phone),
        FieldKind::Date { not_after_today } => match parse_iso_date(text) {
            None => push(ProblemKind::Date),
            Some(date) if *not_after_today && today.is_some_and(|t| date > t) => {
                push(ProblemKind::DateAfterToday)
            }
            Some(_) => {}
        },
        FieldKind::Number { min, max, .. } => match parse_number(text) {
            None => push(ProblemKind::Number),
            Some(n) if min.is_some_and(|m| n < m) => push(ProblemKind::BelowMin(min.unwrap_or(n))),
            Some(n) if max.is_some_and(|m| n > m) => push(ProblemKind::AboveMax(max.unwrap_or(n))),
            Some(_) => {}
        },
        FieldKind::Choice { .. } => {
            if let Answer::Choice { selected, other } = answer {
                if selected == OTHER && other.trim().is_empty() {
                    push(ProblemKind::OtherEmpty);
                }
            }
        }
        FieldKind::MultiChoice { .. } => {
            if let Answer::Multi { selected, other } = answer {
                if selected.iter().any(|s| s == OTHER) && other.trim().is_empty() {
                    push(ProblemKind::OtherEmpty);
                }
            }
        }
        FieldKind::Rows {
            columns,
            min_rows,
            max_rows,
            ..
        } => {
            let rows = match answer {
                Answer::Rows { rows } => rows.as_slice(),
                _ => &[],
            };
            let filled = rows
                .iter()
                .filter(|r| r.cells.0.values().any(Answer::is_answered))
                .count() as u32;
            if let Some(min) = min_rows.filter(|m| filled < *m) {
                push(ProblemKind::TooFewRows(min));
            }
            if let Some(max) = max_rows.filter(|m| rows.len() as u32 > *m) {
                push(ProblemKind::TooManyRows(max));
            }
            for (ri, row) in rows.iter().enumerate() {
                // A row left entirely blank is not checked: it is just an unused card.
                if !row.cells.0.values().any(Answer::is_answered) {
                    continue;
                }
                for column in columns {
                    if !is_cell_visible(def, answers, &row.cells, column) {
                        continue;
                    }
                    let cell_place = ProblemPlace {
                        cell: Some((ri, column.id.clone())),
                        ..place.clone()
                    };
                    check_field(
                        def,
                        answers,
                        column,
                        row.cells.get(&column.id),
                        &cell_place,
                        today,
                        out,
                    );
                }
            }
        }
        _ => {}
    }
}
