//! How much of the form is answered, in a bar and in words.

use leptos::prelude::*;

use crate::model::progress::Progress;
use crate::model::text::Locale;
use crate::ui::context::use_locale;
use crate::ui::translate::{tr_in, tr_n};

/// Words for a progress: "12 of 30 answered · 2 required left".
pub fn progress_words(p: Progress, locale: Locale) -> String {
    let mut s = tr_in!(
        locale,
        progress_answered,
        answered = p.answered,
        total = p.total
    );
    if p.required_left > 0 {
        s += &tr_n!(
            locale,
            p.required_left,
            progress_required_left_one,
            progress_required_left
        );
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
