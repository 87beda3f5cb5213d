//! How much of the form is answered, in a bar and in words.

use leptos::prelude::*;

use crate::model::progress::Progress;
use crate::model::text::Locale;
use crate::ui::context::use_locale;

/// Words for a progress: "12 of 30 answered · 2 required left".
pub fn progress_words(p: Progress, locale: Locale) -> String {
    let mut s = match locale {
        Locale::En => format!("{} of {} answered", p.answered, p.total),
        Locale::Es => format!("{} de {} respondidas", p.answered, p.total),
    };
    if p.required_left > 0 {
        s += &match locale {
            Locale::En => format!(" · {} required left", p.required_left),
            Locale::Es => format!(" · faltan {} obligatorias", p.required_left),
        };
    }
    s
}

#[component]
pub fn ProgressBar(progress: Signal<Progress>) -> impl IntoView {
    let locale = use_locale();
    let words = move || progress_words(progress.get(), locale.get());
    view! {
        <div class="progress">
            <progress max="100" value=move || progress.get().percent() aria-label=words></progress>
            <span class="progress-words">{words}</span>
        </div>
    }
}
