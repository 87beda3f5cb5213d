//! A document turned into what a reader needs: the questions that were answered, in order, with
//! each answer as readable text in one language. The printed booklet, the PDF and the plain-text
//! summary are all drawn from this one value, so they always agree.

use crate::export::letter::{blank_letter, letter_paragraphs};
use crate::model::child::{title_and_name, typed_child_name, Child};
use crate::model::dates::format_date;
use crate::model::document::{lost_questions, Document};
use crate::model::logic::{derived_value, is_cell_visible, is_section_visible, is_visible_in};
use crate::model::schema::{Field, FieldKind, FormDef};
use crate::model::text::Locale;
use crate::model::values::{Answer, Answers, YesNo, OTHER};

/// What a booklet is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The answers given; unanswered questions are left out so a teacher reads only what was said.
    Filled,
    /// Every question with room to write, to fill in by hand.
    Blank,
}

/// A document ready to print, export or share.
#[derive(Clone, Debug, PartialEq)]
pub struct Booklet {
    pub locale: Locale,
    pub mode: Mode,
    pub form_title: String,
    /// The name the child likes to be called, or empty.
    pub child_name: String,
    /// The answers the form marks as key (allergies, medicines…), repeated on the cover in
    /// form order so a teacher reads them first. Only answered, visible ones; never in a blank
    /// booklet.
    pub at_a_glance: Vec<Entry>,
    /// Questions whose answers the document lost on the way (a damaged file or saved copy),
    /// named on the cover so a reader knows they are missing, not unanswered. Set by
    /// [`Booklet::with_missing`]; empty otherwise.
    pub missing: Vec<String>,
    pub sections: Vec<BookletSection>,
    /// For a form that writes a letter: the letter's paragraphs, which are then all that is
    /// printed (no cover, no questions: the answers are in it). Empty otherwise.
    pub letter: Vec<String>,
}

/// One section, with only what it has to show.
#[derive(Clone, Debug, PartialEq)]
pub struct BookletSection {
    pub title: String,
    pub entries: Vec<Entry>,
}

/// One question (or note) as a reader sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// An answered question; `answer` may hold line breaks.
    Answer { question: String, answer: String },
    /// A question left to fill by hand: the choices to tick, or a number of writing lines.
    Blank {
        question: String,
        choices: Vec<String>,
        lines: u8,
    },
    /// Repeating rows or a checklist, as a table.
    Table {
        question: String,
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// An information block (only in a blank booklet: the filled one is for the answers).
    Note { text: String },
}

impl Booklet {
    /// The cover's last line: when the answers were written (`prepared_on`, an ISO date: the
    /// document's last edit, not the day it is printed or read), or that it is blank.
    pub fn cover_note(&self, prepared_on: &str) -> String {
        let l = self.locale;
        match (self.mode, l) {
            (Mode::Blank, _) => t(l, "To fill in by hand", "Para llenar a mano").to_string(),
            (Mode::Filled, Locale::En) => {
                format!(
                    "Prepared on {} with Family Forms",
                    format_date(prepared_on, l)
                )
            }
            (Mode::Filled, Locale::Es) => {
                format!(
                    "Preparado el {} con Family Forms",
                    format_date(prepared_on, l)
                )
            }
        }
    }

    /// The heading of the cover's box of key answers.
    pub fn at_a_glance_title(&self) -> &'static str {
        t(self.locale, "At a glance", "Lo más importante")
    }

    /// The foot of every page after the cover, split around its two numbers: `("Getting to
    /// Know My Child — Mía · page ", " of ")`. The child's name is there so a teacher with a
    /// class's booklets can put a loose page back. The print uses it (the browser fills in
    /// the numbers); the PDF, [`Booklet::page_footer`].
    pub fn page_footer_parts(&self) -> (String, &'static str) {
        (
            format!("{}{}", self.page_footer_title(), self.page_lead()),
            self.of_word(),
        )
    }

    /// The foot's first part, which names the booklet: the form's title and the child's name.
    pub fn page_footer_title(&self) -> String {
        title_and_name(&self.form_title, &self.child_name)
    }

    /// The rest of page `page`'s foot after [`Booklet::page_footer_title`]: " · page 2 of 7".
    /// Kept apart so the PDF can shorten a long name and still show the page's number.
    pub fn page_footer_number(&self, page: usize, pages: usize) -> String {
        format!("{}{page}{}{pages}", self.page_lead(), self.of_word())
    }

    /// What comes between the name and the page's number, on paper and in the PDF alike.
    fn page_lead(&self) -> &'static str {
        t(self.locale, " · page ", " · página ")
    }

    fn of_word(&self) -> &'static str {
        t(self.locale, " of ", " de ")
    }

    /// The foot of page `page` of `pages`.
    pub fn page_footer(&self, page: usize, pages: usize) -> String {
        format!(
            "{}{}",
            self.page_footer_title(),
            self.page_footer_number(page, pages)
        )
    }

    /// Names the questions of `def` that `document` lost on the way ([`lost_questions`]) as
    /// [`Booklet::missing`], and marks a key one so in the box of key answers. A blank copy or a
    /// letter (which prints alone) names none.
    pub fn with_missing(mut self, def: &FormDef, document: &Document) -> Self {
        let lost = lost_questions(def, &document.answers, &document.missing);
        if self.mode == Mode::Blank || !self.letter.is_empty() || lost.is_empty() {
            return self;
        }
        let locale = self.locale;
        self.missing = lost
            .iter()
            .map(|f| f.label.get(locale).to_string())
            .collect();
        let ids: Vec<String> = lost.iter().map(|f| f.id.clone()).collect();
        self.at_a_glance = key_answers(def, &document.answers, &ids, locale);
        self
    }

    /// The heading of the cover's list of [`Booklet::missing`] questions.
    pub fn missing_title(&self) -> &'static str {
        t(
            self.locale,
            "Answers missing from this copy",
            "Respuestas que faltan en esta copia",
        )
    }

    /// What the reader of a copy with [`Booklet::missing`] questions should know and do.
    pub fn missing_note(&self) -> &'static str {
        t(
            self.locale,
            "These questions had answers that could not be read from a damaged file or saved \
             copy. Ask the person who filled in the form for them.",
            "Estas preguntas tenían respuestas que no se pudieron leer de un archivo o copia \
             guardada dañados. Pídaselas a la persona que llenó el formulario.",
        )
    }

    /// Said instead of sections when nothing has been answered.
    pub fn empty_note(&self) -> &'static str {
        t(
            self.locale,
            "No questions have been answered yet.",
            "Todavía no se ha respondido ninguna pregunta.",
        )
    }
}

impl Entry {
    /// The question (or note) this entry is about.
    pub fn heading(&self) -> &str {
        match self {
            Entry::Answer { question, .. }
            | Entry::Blank { question, .. }
            | Entry::Table { question, .. } => question,
            Entry::Note { text } => text,
        }
    }
}

/// Builds the booklet for `answers` of `def`. `child` is the profile the document belongs to,
/// if any; without one the cover uses the name typed in the form.
pub fn booklet(
    def: &FormDef,
    answers: &Answers,
    child: Option<&Child>,
    locale: Locale,
    mode: Mode,
) -> Booklet {
    let child_name = match mode {
        Mode::Blank => String::new(),
        Mode::Filled => child
            .map(|c| c.display_name().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| typed_child_name(def, answers)),
    };
    let letter_body = def.fields().find_map(|(_, f)| match &f.kind {
        FieldKind::Letter { body } => Some(body.get(locale)),
        _ => None,
    });
    if let (Mode::Filled, Some(body)) = (mode, letter_body) {
        return Booklet {
            locale,
            mode,
            form_title: def.title.get(locale).to_string(),
            child_name,
            at_a_glance: Vec::new(),
            missing: Vec::new(),
            sections: Vec::new(),
            letter: letter_paragraphs(def, answers, body, locale),
        };
    }
    let at_a_glance = match mode {
        Mode::Blank => Vec::new(),
        Mode::Filled => key_answers(def, answers, &[], locale),
    };
    let sections = def
        .sections
        .iter()
        .filter(|s| mode == Mode::Blank || is_section_visible(def, answers, s))
        .map(|section| BookletSection {
            title: section.title.get(locale).to_string(),
            entries: section
                .fields
                .iter()
                .filter(|f| mode == Mode::Blank || is_visible_in(def, answers, section, f))
                .filter_map(|f| entry(def, answers, f, locale, mode))
                .collect(),
        })
        .filter(|s| !s.entries.is_empty())
        .collect();
    Booklet {
        locale,
        mode,
        form_title: def.title.get(locale).to_string(),
        child_name,
        at_a_glance,
        missing: Vec::new(),
        sections,
        letter: Vec::new(),
    }
}

/// The answers `def` marks as key (`at_a_glance`: an allergy, a medicine, the language for calls
/// home), in form order: only those given, to questions that are shown, and those `missing`
/// (lost on the way, see [`Document::missing`]), said to be missing: a teacher must not read
/// a lost allergy answer as none.
pub fn key_answers(
    def: &FormDef,
    answers: &Answers,
    missing: &[String],
    locale: Locale,
) -> Vec<Entry> {
    def.sections
        .iter()
        .filter(|s| is_section_visible(def, answers, s))
        .flat_map(|section| {
            section
                .fields
                .iter()
                .filter(|f| f.at_a_glance && is_visible_in(def, answers, section, f))
                .filter_map(|f| match entry(def, answers, f, locale, Mode::Filled) {
                    None if missing.contains(&f.id) => Some(Entry::Answer {
                        question: f.label.get(locale).to_string(),
                        answer: t(
                            locale,
                            "Missing from this copy: the answer could not be read.",
                            "Falta en esta copia: no se pudo leer la respuesta.",
                        )
                        .to_string(),
                    }),
                    entry => entry,
                })
                .filter(|e| matches!(e, Entry::Answer { .. }))
        })
        .collect()
}

fn entry(
    def: &FormDef,
    answers: &Answers,
    field: &Field,
    locale: Locale,
    mode: Mode,
) -> Option<Entry> {
    let question = field.label.get(locale).to_string();
    if mode == Mode::Blank {
        return Some(blank_entry(field, question, locale));
    }
    match &field.kind {
        FieldKind::Info { .. } | FieldKind::Letter { .. } => None,
        FieldKind::Derived { rule } => {
            let value = derived_value(def, answers, rule)?;
            Some(Entry::Answer {
                question,
                answer: value.text(locale),
            })
        }
        FieldKind::Rows { columns, .. } => {
            let Some(Answer::Rows { rows }) = answers.get(&field.id) else {
                return None;
            };
            let rows: Vec<Vec<String>> = rows
                .iter()
                .filter(|r| r.cells.0.values().any(Answer::is_answered))
                .map(|r| {
                    columns
                        .iter()
                        .map(|c| {
                            if !is_cell_visible(def, answers, &r.cells, c) {
                                return String::new();
                            }
                            r.cells
                                .get(&c.id)
                                .map(|a| answer_text(c, a, locale))
                                .unwrap_or_default()
                        })
                        .collect()
                })
                .collect();
            (!rows.is_empty()).then(|| Entry::Table {
                question,
                headers: columns
                    .iter()
                    .map(|c| c.label.get(locale).to_string())
                    .collect(),
                rows,
            })
        }
        FieldKind::Checklist { items } => {
            let Some(Answer::Checklist { items: done }) = answers.get(&field.id) else {
                return None;
            };
            let rows: Vec<Vec<String>> = items
                .iter()
                .filter_map(|item| {
                    let state = done.get(&item.id)?;
                    let any = state.done || !state.date.is_empty() || !state.note.trim().is_empty();
                    any.then(|| {
                        vec![
                            item.label.get(locale).to_string(),
                            if state.done {
                                t(locale, "Done", "Hecho")
                            } else {
                                t(locale, "Not yet", "Todavía no")
                            }
                            .to_string(),
                            format_date(&state.date, locale),
                            state.note.trim().to_string(),
                        ]
                    })
                })
                .collect();
            (!rows.is_empty()).then(|| Entry::Table {
                question,
                headers: checklist_headers(locale),
                rows,
            })
        }
        _ => {
            let answer = answers.get(&field.id).filter(|a| a.is_answered())?;
            let text = answer_text(field, answer, locale);
            (!text.trim().is_empty()).then_some(Entry::Answer {
                question,
                answer: text,
            })
        }
    }
}

/// The columns a checklist is printed with.
fn checklist_headers(locale: Locale) -> Vec<String> {
    [
        ("Step", "Paso"),
        ("Done?", "¿Hecho?"),
        ("Date", "Fecha"),
        ("Note", "Nota"),
    ]
    .into_iter()
    .map(|(en, es)| t(locale, en, es).to_string())
    .collect()
}

fn blank_entry(field: &Field, question: String, locale: Locale) -> Entry {
    let labels = |options: &[crate::model::schema::ChoiceOption], other: bool| {
        let mut out: Vec<String> = options
            .iter()
            .map(|o| o.label.get(locale).to_string())
            .collect();
        if other {
            out.push(format!("{} ______", t(locale, "Other:", "Otro:")));
        }
        out
    };
    match &field.kind {
        FieldKind::Info { body, .. } => Entry::Note {
            text: body.get(locale).to_string(),
        },
        FieldKind::Letter { body } => Entry::Note {
            text: blank_letter(body.get(locale)).join("\n\n"),
        },
        FieldKind::Rows {
            columns, min_rows, ..
        } => Entry::Table {
            question,
            headers: columns
                .iter()
                .map(|c| c.label.get(locale).to_string())
                .collect(),
            rows: vec![
                vec![String::new(); columns.len()];
                min_rows.unwrap_or(3).clamp(3, 6) as usize
            ],
        },
        FieldKind::Checklist { items } => Entry::Table {
            question,
            headers: checklist_headers(locale),
            rows: items
                .iter()
                .map(|i| {
                    vec![
                        i.label.get(locale).to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]
                })
                .collect(),
        },
        FieldKind::Choice { options, other, .. } => Entry::Blank {
            question,
            choices: labels(options, *other),
            lines: 0,
        },
        FieldKind::MultiChoice { options, other } => Entry::Blank {
            question,
            choices: labels(options, *other),
            lines: 0,
        },
        FieldKind::YesNo { describe } => Entry::Blank {
            question,
            choices: YesNo::ALL
                .iter()
                .map(|a| yes_no(*a, locale).to_string())
                .collect(),
            lines: u8::from(describe.is_some()),
        },
        FieldKind::Rating { min, max, .. } => Entry::Blank {
            question,
            choices: (*min..=*max).map(|n| n.to_string()).collect(),
            lines: 0,
        },
        FieldKind::LongText {} => Entry::Blank {
            question,
            choices: Vec::new(),
            lines: 4,
        },
        _ => Entry::Blank {
            question,
            choices: Vec::new(),
            lines: 1,
        },
    }
}

/// One answer as a reader would say it, in `locale`.
pub fn answer_text(field: &Field, answer: &Answer, locale: Locale) -> String {
    match (&field.kind, answer) {
        (FieldKind::Date { .. }, Answer::Text { value }) => format_date(value.trim(), locale),
        (FieldKind::Number { unit, .. }, Answer::Text { value }) => match unit {
            Some(unit) if !value.trim().is_empty() => {
                format!("{} {}", value.trim(), unit.get(locale))
            }
            _ => value.trim().to_string(),
        },
        (FieldKind::Rating { max, .. }, Answer::Text { value }) if !value.trim().is_empty() => {
            match locale {
                Locale::En => format!("{} of {max}", value.trim()),
                Locale::Es => format!("{} de {max}", value.trim()),
            }
        }
        (FieldKind::Choice { options, .. }, Answer::Choice { selected, other }) => {
            option_text(options, selected, other, locale)
        }
        (FieldKind::MultiChoice { options, .. }, Answer::Multi { selected, other }) => selected
            .iter()
            .map(|s| option_text(options, s, other, locale))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        (_, Answer::YesNo { answer, details }) => {
            let said = answer.map(|a| yes_no(a, locale)).unwrap_or_default();
            // The words go with their box, shown only after "Yes" or "Not sure": kept from an
            // earlier "Yes", they would make a "No" read as "No: Peanuts".
            let described = matches!(answer, Some(YesNo::Yes | YesNo::NotSure));
            if !described || details.trim().is_empty() {
                said.to_string()
            } else {
                format!("{said}: {}", details.trim())
            }
        }
        (_, Answer::Signature { name, date }) => {
            if date.trim().is_empty() {
                name.trim().to_string()
            } else {
                format!("{} ({})", name.trim(), format_date(date.trim(), locale))
            }
        }
        (_, Answer::Text { value }) => value.trim().to_string(),
        // An answer whose kind no longer matches the question (the form changed): its words
        // are still shown rather than lost.
        (_, Answer::Choice { selected, other }) => join_nonempty(&[selected, other]),
        (_, Answer::Multi { selected, other }) => {
            let mut all = selected.clone();
            all.push(other.clone());
            join_nonempty(&all)
        }
        (_, Answer::Checklist { .. } | Answer::Rows { .. }) => String::new(),
    }
}

fn option_text(
    options: &[crate::model::schema::ChoiceOption],
    selected: &str,
    other: &str,
    locale: Locale,
) -> String {
    if selected == OTHER {
        return if other.trim().is_empty() {
            t(locale, "Other", "Otro").to_string()
        } else {
            format!("{} {}", t(locale, "Other:", "Otro:"), other.trim())
        };
    }
    options
        .iter()
        .find(|o| o.value == selected)
        .map(|o| o.label.get(locale).to_string())
        .unwrap_or_else(|| selected.to_string())
}

fn join_nonempty(parts: &[impl AsRef<str>]) -> String {
    parts
        .iter()
        .map(|p| p.as_ref().trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Yes / No / Not sure in `locale`.
pub fn yes_no(answer: YesNo, locale: Locale) -> &'static str {
    match answer {
        YesNo::Yes => t(locale, "Yes", "Sí"),
        YesNo::No => t(locale, "No", "No"),
        YesNo::NotSure => t(locale, "Not sure", "No sé"),
    }
}

/// Picks the string for `locale` (the export's own few words; the forms' words come from them).
pub fn t(locale: Locale, en: &'static str, es: &'static str) -> &'static str {
    match locale {
        Locale::En => en,
        Locale::Es => es,
    }
}

/// The plain-text summary for a text message or an email.
pub fn plain_text(booklet: &Booklet) -> String {
    if !booklet.letter.is_empty() {
        return booklet.letter.join("\n\n") + "\n";
    }
    let mut out = String::new();
    out.push_str(&booklet.form_title);
    if !booklet.child_name.is_empty() {
        out.push_str(" — ");
        out.push_str(&booklet.child_name);
    }
    out.push('\n');
    if !booklet.missing.is_empty() {
        let title = booklet.missing_title();
        out.push_str(&format!(
            "\n{title}\n{}\n{}\n",
            "=".repeat(title.chars().count()),
            booklet.missing_note()
        ));
        for question in &booklet.missing {
            out.push_str(&format!("  - {question}\n"));
        }
    }
    // The key answers first, as a section of their own.
    let glance = (!booklet.at_a_glance.is_empty())
        .then(|| (booklet.at_a_glance_title(), &booklet.at_a_glance));
    let sections = booklet
        .sections
        .iter()
        .map(|s| (s.title.as_str(), &s.entries));
    for (title, entries) in glance.into_iter().chain(sections) {
        // Underlined rather than in capitals: `to_uppercase` would ship Unicode's case table
        // (about 5 KB of the brotli download) for this alone.
        out.push('\n');
        out.push_str(title);
        out.push('\n');
        out.push_str(&"=".repeat(title.chars().count()));
        out.push('\n');
        for entry in entries {
            match entry {
                Entry::Answer { question, answer } => {
                    out.push_str(&format!("{question}\n  {}\n", answer.replace('\n', "\n  ")));
                }
                Entry::Blank { question, .. } => out.push_str(&format!("{question}\n  \n")),
                Entry::Table {
                    question,
                    headers,
                    rows,
                } => {
                    out.push_str(&format!("{question}\n"));
                    for row in rows {
                        let cells: Vec<String> = headers
                            .iter()
                            .zip(row)
                            .filter(|(_, c)| !c.trim().is_empty())
                            .map(|(h, c)| format!("{h}: {c}"))
                            .collect();
                        out.push_str(&format!("  - {}\n", cells.join("; ")));
                    }
                }
                Entry::Note { text } => out.push_str(&format!("{text}\n")),
            }
        }
    }
    out
}
