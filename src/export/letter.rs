//! A letter filled in from a document's answers (`letter` fields). A line whose answers are all
//! optional and unanswered is left out, so a skipped "What has been tried" leaves no empty
//! sentence; a required answer still missing shows as a blank to fill in.

use crate::export::booklet::answer_text;
use crate::model::letter::{read_template, Part};
use crate::model::logic::{derived_value, is_field_visible};
use crate::model::schema::{FieldKind, FormDef};
use crate::model::text::{fold_char, Locale};
use crate::model::values::{Answer, Answers, OTHER};

/// Where a required answer is still missing, on paper.
pub const BLANK: &str = "________";

/// One piece of a filled-in line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// The letter's own words.
    Text(String),
    /// An answer, as a reader would say it.
    Answer(String),
    /// A required answer not given yet: the question's label, to say what is missing.
    Missing(String),
}

/// The letter of `body` (a template, see `model::letter`) with `answers` in it, in `locale`:
/// paragraphs of lines of pieces.
pub fn fill_letter(
    def: &FormDef,
    answers: &Answers,
    body: &str,
    locale: Locale,
) -> Vec<Vec<Vec<Piece>>> {
    let Ok(template) = read_template(body) else {
        return Vec::new();
    };
    template
        .into_iter()
        .map(|lines| {
            lines
                .into_iter()
                .filter_map(|parts| fill_line(def, answers, &parts, locale))
                .collect::<Vec<_>>()
        })
        .filter(|lines| !lines.is_empty())
        .collect()
}

/// A line filled in, or `None` when all its answers are optional ones not given.
fn fill_line(
    def: &FormDef,
    answers: &Answers,
    parts: &[Part<'_>],
    locale: Locale,
) -> Option<Vec<Piece>> {
    let mut pieces = Vec::new();
    let (mut asks, mut kept) = (false, false);
    for part in parts {
        match part {
            Part::Text(text) => pieces.push(Piece::Text((*text).to_string())),
            Part::Answer(id) => {
                asks = true;
                let field = def.field(id)?;
                let said = is_field_visible(def, answers, id)
                    .then(|| answer_for(def, answers, id, locale))
                    .flatten();
                match said {
                    Some(text) => {
                        kept = true;
                        pieces.push(Piece::Answer(text));
                    }
                    None if field.required => {
                        kept = true;
                        pieces.push(Piece::Missing(field.label.get(locale).to_string()));
                    }
                    None => {}
                }
            }
        }
    }
    (!asks || kept).then_some(pieces)
}

/// An answer as a sentence needs it: several choices as a list ("reading, math and writing"),
/// and "Other" as just what was typed.
fn answer_for(def: &FormDef, answers: &Answers, id: &str, locale: Locale) -> Option<String> {
    let field = def.field(id)?;
    if let FieldKind::Derived { rule } = &field.kind {
        return Some(derived_value(def, answers, rule)?.text(locale));
    }
    let answer = answers.get(id).filter(|a| a.is_answered())?;
    let text = match answer {
        Answer::Choice { selected, other } if selected == OTHER => other.trim().to_string(),
        Answer::Multi { selected, other } => {
            let one = |s: &String| match s.as_str() {
                OTHER => other.trim().to_string(),
                _ => answer_text(
                    field,
                    &Answer::Multi {
                        selected: vec![s.clone()],
                        other: String::new(),
                    },
                    locale,
                ),
            };
            let items: Vec<String> = selected.iter().map(one).filter(|t| !t.is_empty()).collect();
            spoken_list(&items, locale)
        }
        _ => answer_text(field, answer, locale),
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Questions [`questions_named`] names before "and N more": a message stays readable when a
/// file lost forty answers.
pub const QUESTIONS_NAMED: usize = 8;

/// The labels of questions `ids` of `def`, quoted and listed as `spoken_list` does
/// ("“Allergies” and “Medicines”"), the first [`QUESTIONS_NAMED`] of them and then how many
/// more; an id the form does not have is given as it is.
pub fn questions_named(def: &FormDef, ids: &[String], locale: Locale) -> String {
    let (open, close) = match locale {
        Locale::En => ("“", "”"),
        Locale::Es => ("«", "»"),
    };
    // Eight named and "1 more" would be longer than nine named.
    let named = if ids.len() > QUESTIONS_NAMED + 1 {
        QUESTIONS_NAMED
    } else {
        ids.len()
    };
    let mut labels: Vec<String> = ids[..named]
        .iter()
        .map(|id| {
            let label = def.field(id).map_or(id.as_str(), |f| f.label.get(locale));
            format!("{open}{label}{close}")
        })
        .collect();
    let more = ids.len() - named;
    if more > 0 {
        labels.push(match locale {
            Locale::En => format!("{more} more"),
            Locale::Es => format!("{more} más"),
        });
    }
    spoken_list(&labels, locale)
}

/// "a, b and c" / "a, b y c" (Spanish "e" before an "i" sound: "lectura e inglés").
pub fn spoken_list(items: &[String], locale: Locale) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let and = match locale {
                Locale::En => "and",
                Locale::Es => {
                    // Folded by hand: `to_lowercase` would bring Unicode's case tables.
                    let l: String = last.chars().take(3).map(fold_char).collect();
                    let i_sound = l.starts_with('i')
                        || (l.starts_with("hi") && !l.starts_with("hia") && !l.starts_with("hie"));
                    if i_sound {
                        "e"
                    } else {
                        "y"
                    }
                }
            };
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// The letter as paragraphs of plain text (lines joined by line breaks), a missing answer as
/// a blank to fill in by hand: for paper, the PDF and "Copy as text".
pub fn letter_paragraphs(
    def: &FormDef,
    answers: &Answers,
    body: &str,
    locale: Locale,
) -> Vec<String> {
    plain(fill_letter(def, answers, body, locale))
}

/// The template with a blank for every answer, for a copy filled in by hand.
pub fn blank_letter(body: &str) -> Vec<String> {
    let as_blanks = |parts: Vec<Part<'_>>| -> Vec<Piece> {
        parts
            .into_iter()
            .map(|p| match p {
                Part::Text(t) => Piece::Text(t.to_string()),
                Part::Answer(_) => Piece::Missing(String::new()),
            })
            .collect()
    };
    let template = read_template(body).unwrap_or_default();
    plain(
        template
            .into_iter()
            .map(|lines| lines.into_iter().map(as_blanks).collect())
            .collect(),
    )
}

/// Paragraphs of lines of pieces as plain text, each missing answer a blank.
fn plain(letter: Vec<Vec<Vec<Piece>>>) -> Vec<String> {
    letter
        .into_iter()
        .map(|lines| {
            lines
                .into_iter()
                .map(|pieces| {
                    pieces
                        .into_iter()
                        .map(|p| match p {
                            Piece::Text(t) | Piece::Answer(t) => t,
                            Piece::Missing(_) => BLANK.to_string(),
                        })
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}
