//! The list of sections, folded into one line on a phone.

use crate::model::progress::Progress;
use crate::model::schema::FormDef;
use crate::ui::context::use_locale;
use crate::ui::translate::{tr, tr_in};
use leptos::prelude::*;
use std::sync::Arc;

/// The list of sections, folded into one line on a phone.
#[component]
pub fn SectionList(
    def: Arc<FormDef>,
    current: RwSignal<usize>,
    /// Indexes of the sections shown (conditions may hide some).
    visible: Signal<Vec<usize>>,
    progress: Signal<Vec<Progress>>,
) -> impl IntoView {
    let locale = use_locale();
    let titles: Vec<_> = def.sections.iter().map(|s| s.title.clone()).collect();
    let titles = Arc::new(titles);
    let summary_titles = titles.clone();
    let summary = move || {
        let l = locale.get();
        let shown = visible.get();
        let cur = current.get();
        let pos = shown.iter().position(|i| *i == cur).unwrap_or(0) + 1;
        let title = summary_titles
            .get(cur)
            .map(|t| t.get(l).to_string())
            .unwrap_or_default();
        tr_in!(
            l,
            section_n_of_m,
            pos = pos,
            count = shown.len(),
            title = title
        )
    };
    let open = RwSignal::new(false);
    view! {
        <nav class="section-list" aria-label=tr!(sections)>
            <details prop:open=move || open.get() on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{summary}</summary>
                <ol>
                    {move || visible.get().into_iter().map(|i| {
                        let title = titles.get(i).cloned().unwrap_or_default();
                        let p = move || progress.with(|p| p.get(i).copied().unwrap_or_default());
                        view! {
                            <li>
                                <button type="button" class="section-link"
                                    aria-current=move || (current.get() == i).then_some("step")
                                    on:click=move |_| {
                                        current.set(i);
                                        open.set(false);
                                        // The button folds away with the list: the focus goes
                                        // to the new section's heading once it is drawn.
                                        crate::web::focus_by_id_next_frame("section-title");
                                    }>
                                    <span>{move || title.get(locale.get()).to_string()}</span>
                                    <span class="section-done" class:complete=move || p().is_complete()>
                                        {move || format!("{}%", p().percent())}
                                    </span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </details>
        </nav>
    }
}
