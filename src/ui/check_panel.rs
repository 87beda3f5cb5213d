//! "Check my form": lists what is missing or wrong and jumps to it.

use crate::ui::translate::{tr, tr_n};
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::schema::FormDef;
use crate::model::validate::Problem;
use crate::model::values::{Answer, Answers};
use crate::ui::context::use_locale;

/// The DOM id of the input a problem is about.
pub fn problem_dom_id(problem: &Problem, answers: &Answers) -> String {
    let base = format!("f-{}", problem.place.field);
    match &problem.place.cell {
        None => base,
        Some((row, column)) => match answers.get(&problem.place.field) {
            Some(Answer::Rows { rows }) => rows
                .get(*row)
                .map_or(base.clone(), |r| format!("{base}-{}-{column}", r.id)),
            _ => base,
        },
    }
}

#[component]
pub fn CheckPanel(
    def: Arc<FormDef>,
    problems: Memo<Vec<Problem>>,
    answers: RwSignal<Answers>,
    current: RwSignal<usize>,
    /// Set once the person asks, so "required" problems start to show next to fields too.
    checked: RwSignal<bool>,
) -> impl IntoView {
    let locale = use_locale();
    let jump = move |p: Problem| {
        current.set(p.place.section);
        let id = answers.with_untracked(|a| problem_dom_id(&p, a));
        crate::web::focus_by_id_next_frame(&id);
    };
    let list = move || {
        let l = locale.get();
        problems.get().into_iter().map(|p| {
            let section = def.sections.get(p.place.section).map(|s| s.title.get(l).to_string()).unwrap_or_default();
            let text = format!("{section} — {}: {}", p.place_words(&def, l), p.kind.message(l));
            view! { <li><button type="button" class="link" on:click=move |_| jump(p.clone())>{text}</button></li> }
        }).collect_view()
    };
    view! {
        <section class="check-panel" aria-labelledby="check-title">
            <h2 id="check-title" class="visually-hidden">{tr!(check_my_form)}</h2>
            <button type="button" class="secondary" on:click=move |_| checked.set(true)>
                {tr!(check_my_form)}
            </button>
            <div role="status" aria-live="polite">
                {move || checked.get().then(|| if problems.with(Vec::is_empty) {
                    view! { <p class="all-good">{tr!(check_all_good)}</p> }.into_any()
                } else {
                    view! {
                        <p>{move || {
                            let n = problems.with(Vec::len);
                            tr_n!(locale.get(), n, things_to_look_at_one, things_to_look_at)
                        }}</p>
                        <ul class="problem-list">{list.clone()}</ul>
                    }.into_any()
                })}
            </div>
        </section>
    }
}
