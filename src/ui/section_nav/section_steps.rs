//! Previous / next between the shown sections.

use crate::ui::translate::tr;
use leptos::prelude::*;

/// Previous / next between the shown sections.
#[component]
pub fn SectionSteps(current: RwSignal<usize>, visible: Signal<Vec<usize>>) -> impl IntoView {
    let step = move |delta: isize| {
        let shown = visible.get_untracked();
        let pos = shown
            .iter()
            .position(|i| *i == current.get_untracked())
            .unwrap_or(0) as isize;
        if let Some(next) = shown.get((pos + delta).max(0) as usize) {
            current.set(*next);
            // The new section (its heading with it) is drawn after this handler: focusing now
            // would focus the old heading, which then leaves the page and drops the focus to
            // the body. On the next frame the new heading is there.
            crate::web::focus_by_id_next_frame("section-title");
        }
    };
    let at_start = move || visible.with(|v| v.first() == Some(&current.get()));
    let at_end = move || visible.with(|v| v.last() == Some(&current.get()));
    view! {
        <div class="section-steps">
            <button type="button" class="secondary" disabled=at_start on:click=move |_| step(-1)>
                {tr!(previous)}
            </button>
            <button type="button" disabled=at_end on:click=move |_| step(1)>
                {tr!(next)}
            </button>
        </div>
    }
}
