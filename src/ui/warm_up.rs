//! Has the browser compile the code that draws questions while home is idle, not in the tap
//! that opens the first form.
//!
//! Chrome compiles each wasm function the first time it runs. Opening a first form ran most of
//! the question-drawing code for the first time, and compiling it took about 40 ms of that tap
//! at 4× CPU throttling (the benchmark's first questions: about 95 ms with Chrome's lazy
//! compiling, 50–55 ms with it turned off). Drawing one question of each kind and a form's
//! frame, once, into an element that is never in the page moves most of that cost to moments
//! when nothing waits for it.

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

/// Once the browser is idle, draws a form's sections, steps, progress and "Check my form",
/// then one question of each kind the shipped forms use, out of sight, dropping each at once.
/// Nothing is saved or shown. Each piece is a step of its own, taken only while the browser has
/// idle time to spare, so a tap or a key arriving meanwhile waits for a few short steps, not the
/// whole warm-up (drawn in one go it delayed a key typed on home by about 60 ms at 4× CPU).
pub fn warm_up_questions_when_idle() {
    let mut steps: Vec<Box<dyn FnOnce()>> = vec![Box::new(|| {
        // Timed from the first step to the last as "ff-warm-up", which the tests look for.
        web::start_measure("ff-warm-up");
    })];
    // Every form page draws its frame, so it goes first: a form tapped before the last step
    // (a quick person) then compiles less in the tap. First questions of the 300-field form:
    // 58–66 ms against 69–79 ms with the frame last, in alternating runs at 4× CPU.
    steps.push(Box::new(|| out_of_sight(form_frame)));
    for (def, field) in one_of_each_kind() {
        steps.push(Box::new(move || {
            out_of_sight(move || view! { <FieldView ctx=question_ctx(def, field)/> })
        }));
    }
    steps.push(Box::new(|| web::end_measure("ff-warm-up")));
    web::when_idle_in_steps(steps, || {
        // A page that already shows questions (the app opened on a form) has run their code.
        !web::page_shows(".field")
    });
}

/// Draws `view` into an element that is never in the page, then takes it down and disposes of
/// its signals. Each piece's work is timed as "ff-warm-up-step", which the benchmark adds up.
fn out_of_sight<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) {
    let Some(parent) = web::detached_div() else {
        return;
    };
    web::start_measure("ff-warm-up-step");
    drop(leptos::mount::mount_to(parent, view));
    web::end_measure("ff-warm-up-step");
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
fn question_ctx(def: Arc<FormDef>, field: Field) -> FieldCtx {
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
