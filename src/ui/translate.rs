//! UI text through leptos_i18n. The strings are in `locales/en.json` and `locales/es.json`;
//! a key that is not in both files does not compile (see `build.rs`).
//!
//! The language itself stays the app's own `Locale` signal (see `context::use_locale`), because
//! the pure model and export code word their messages by it too and it is saved with the other
//! settings. These macros read leptos_i18n's tables for that language.

use crate::i18n;
use crate::model::text::Locale;
use leptos::prelude::Get;

/// leptos_i18n's name for one of the app's languages.
pub fn lang(locale: Locale) -> i18n::Locale {
    match locale {
        Locale::En => i18n::Locale::en,
        Locale::Es => i18n::Locale::es,
    }
}

/// UI text as a closure that follows the current language, for `view!`: `tr!(print)`.
/// Made while a component is built, once; `tr_in!` is for text needed in a handler.
macro_rules! tr {
    ($key:ident) => {
        $crate::ui::translate::ui_text(|l| ::leptos_i18n::td_string!(l, $key))
    };
}

/// The closure behind `tr!`. Not generic, so every piece of UI text in every view has this one
/// type, and the framework's code for drawing and redrawing text is made once, not once per
/// string.
pub fn ui_text(
    words: fn(i18n::Locale) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let locale = crate::ui::context::use_locale();
    move || words(lang(locale.get()))
}

/// UI text in a given language, now: `tr_in!(locale, key)` gives `&'static str`, and
/// `tr_in!(locale, key, n = 3)` fills `{{ n }}` in and gives a `String`.
macro_rules! tr_in {
    ($locale:expr, $key:ident $(, $name:ident = $value:expr)* $(,)?) => {
        ::leptos_i18n::td_string!($crate::ui::translate::lang($locale), $key $(, $name = $value)*)
    };
}

/// Counted UI text, `tr_n!(locale, n, things_one, things)`: the `_one` key's words when `n` is
/// exactly one, otherwise the other key's with `{{ n }}` filled in. English and Spanish both
/// use the singular for one and only one, so this is their whole plural rule (no "(s)").
macro_rules! tr_n {
    ($locale:expr, $n:expr, $one:ident, $many:ident $(, $name:ident = $value:expr)* $(,)?) => {{
        let n = $n;
        if n == 1 {
            $crate::ui::translate::tr_in!($locale, $one $(, $name = $value)*).to_string()
        } else {
            $crate::ui::translate::tr_in!($locale, $many, n = n $(, $name = $value)*)
        }
    }};
}

pub(crate) use {tr, tr_in, tr_n};
