//! Bilingual text: every string a person reads in a form definition exists in English and
//! Spanish, so a form can never show a half-translated page.

use serde::{Deserialize, Serialize};

/// The languages the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// BCP 47 tag, for `<html lang>` and PDF metadata.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// Picks a supported locale from a browser language tag such as `es-MX`; English otherwise.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("es") {
            Locale::Es
        } else {
            Locale::En
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
        }
    }
}

/// A string in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub en: String,
    pub es: String,
}

impl Text {
    pub fn new(en: impl Into<String>, es: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            es: es.into(),
        }
    }

    /// The string for `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Es => &self.es,
        }
    }

    /// Names the languages whose string is empty (after trimming).
    pub fn missing_languages(&self) -> Vec<Locale> {
        Locale::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
            .collect()
    }
}

/// Whether `text` contains `query` as a person searching means it: case and Spanish accents
/// aside ("nunez" finds "Núñez"). An empty query matches everything.
pub fn search_matches(text: &str, query: &str) -> bool {
    let query = fold_for_search(query.trim());
    query.is_empty() || fold_for_search(text).contains(&query)
}

/// Lower case without accents, for [`search_matches`].
fn fold_for_search(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// `c` in lower case without its accent (`Ñ` → `n`), for searching and for file names. Written
/// out rather than with `to_lowercase`, whose Unicode tables the wasm would carry for this alone.
pub fn fold_char(c: char) -> char {
    match c.to_ascii_lowercase() {
        'á' | 'à' | 'ä' | 'â' | 'Á' | 'À' | 'Ä' | 'Â' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' | 'È' | 'Ë' | 'Ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' | 'Ì' | 'Ï' | 'Î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'Ó' | 'Ò' | 'Ö' | 'Ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ù' | 'Ü' | 'Û' => 'u',
        'ñ' | 'Ñ' => 'n',
        c => c,
    }
}
