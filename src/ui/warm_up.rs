//! Has the browser compile the code that draws questions while home is idle, not in the tap
//! that opens the first form.
//!
//! Chrome compiles each wasm function the first time it runs. Opening a first form ran most of
//! the question-drawing code for the first time, and compiling it took about 40 ms of that tap
//! at 4× CPU throttling (the benchmark's first questions: about 95 ms with Chrome's lazy
//! compiling, 50–55 ms with it turned off). Drawing one question of each kind, once, into an
//! element that is never in the page moves that cost to a moment when nothing waits for it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::forms;
use crate::model::progress::progress;
use crate::model::schema::{Field, FormDef};
use crate::model::values::Answers;
use crate::ui::check_panel::CheckPanel;
use crate::ui::field::FieldCtx;
use crate::ui::fields::FieldView;
use crate::ui::progress_bar::ProgressBar;
use crate::ui::section_nav::{SectionList, SectionSteps};
use crate::web;

/// Once the browser is idle, draws one question of each kind the shipped forms use, with a
/// form's sections, steps, progress and "Check my form", out of sight, and drops them at once.
/// Nothing is saved or shown.
pub fn warm_up_questions_when_idle() {
    web::when_idle(|| {
        // A page that already shows questions (the app opened on a form) has run their code.
        if web::page_shows(".field") {
            return;
        }
        let Some(parent) = web::detached_div() else {
            return;
        };
        // Timed as "ff-warm-up", which the benchmark reports and the tests look for.
        web::start_measure("ff-warm-up");
        // Dropping the handle takes the questions down and disposes of their signals.
        let drawn = leptos::mount::mount_to(parent, || {
            let questions = one_of_each_kind()
                .into_iter()
                .map(|(def, field)| view! { <FieldView ctx=out_of_sight(def, field)/> })
                .collect_view();
            (questions, form_frame())
        });
        drop(drawn);
        web::end_measure("ff-warm-up");
    });
}

/// The first question of each kind in the shipped forms, with its form.
fn one_of_each_kind() -> Vec<(Arc<FormDef>, Field)> {
    let mut seen: Vec<&'static str> = Vec::new();
    let mut picked = Vec::new();
    for def in forms::builtin() {
        for (_, field) in def.fields() {
            let kind = field.kind.name();
            if !seen.contains(&kind) {
                seen.push(kind);
                picked.push((def.clone(), field.clone()));
            }
        }
    }
    picked
}

/// A question's context with no answer, no problems and nowhere to save to.
fn out_of_sight(def: Arc<FormDef>, field: Field) -> FieldCtx {
    FieldCtx {
        dom_id: format!("warm-up-{}", field.id),
        field: Arc::new(field),
        value: Signal::derive(|| None),
        set: Callback::new(|_| {}),
        problems: Signal::derive(Vec::new),
        touch: Callback::new(|_| {}),
        def,
        answers: Signal::derive(Answers::default),
    }
}

/// What a form page draws around its questions (sections, steps, progress, "Check my form"),
/// for the first shipped form with no answers.
fn form_frame() -> Option<impl IntoView> {
    let def = forms::builtin().first()?.clone();
    let answers = RwSignal::new(Answers::default());
    let (per_section, overall) = progress(&def, &Answers::default());
    let current = RwSignal::new(0);
    let visible = Signal::derive({
        let count = def.sections.len();
        move || (0..count).collect::<Vec<_>>()
    });
    let problems = Memo::new(|_| Vec::new());
    Some(view! {
        <ProgressBar progress=Signal::derive(move || overall)/>
        <SectionList def=def.clone() current visible progress=Signal::derive(move || per_section.clone())/>
        <SectionSteps current visible/>
        <CheckPanel def problems answers current checked=RwSignal::new(false)/>
    })
}
