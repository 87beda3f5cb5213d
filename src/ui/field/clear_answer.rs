//! "Clear my answer" under a group of round buttons: once one is picked, a browser offers no
//! way back to no answer, so an optional question tapped by mistake would stay answered (and
//! be printed in the booklet). Clearing can be undone, as it may take typed words with it.

use super::FieldCtx;
use crate::model::values::Answer;
use crate::ui::translate::tr;
use crate::web;
use leptos::prelude::*;

/// "Clear my answer" while an optional question is answered, then "Answer cleared. Undo"
/// until it is answered again. `empty` is the question's unanswered value.
#[component]
pub fn ClearAnswer(ctx: FieldCtx, empty: Answer) -> impl IntoView {
    // A required question is answered again by picking another choice, as in other forms apps.
    if ctx.field.required {
        return None;
    }
    let (value, set) = (ctx.value, ctx.set);
    // Answered as progress and the copies count it, whatever the kind.
    let answered = move || value.with(|v| v.as_ref().is_some_and(Answer::is_answered));
    // What the last "Clear" took away, kept for "Undo".
    let cleared: RwSignal<Option<Answer>> = RwSignal::new(None);
    let clear_id = format!("{}-clear", ctx.dom_id);
    let undo_id = format!("{}-clear-undo", ctx.dom_id);
    // Both buttons are named by the question, so a screen reader's list of buttons says whose.
    let (question, undo_question) = (ctx.legend_id(), ctx.legend_id());
    // Focus moves to the control drawn in place of the one tapped, which has gone, unless the
    // person has gone on meanwhile.
    let focus_later = |origin: String, target: String| {
        request_animation_frame(move || {
            if web::focus_still_on(&origin) {
                web::focus_in_place(&target);
            }
        })
    };
    let clear = {
        let (origin, target) = (clear_id.clone(), undo_id.clone());
        move |_| {
            cleared.set(value.get_untracked());
            set.run(empty.clone());
            focus_later(origin.clone(), target.clone());
        }
    };
    let undo = {
        let (origin, target) = (undo_id.clone(), clear_id.clone());
        move |_| {
            if let Some(answer) = cleared.get_untracked() {
                cleared.set(None);
                set.run(answer);
                focus_later(origin.clone(), target.clone());
            }
        }
    };
    let offer_undo = move || !answered() && cleared.with(Option::is_some);
    Some(view! {
        {move || answered().then(|| view! {
            <button type="button" class="link clear-answer" id=clear_id.clone() aria-describedby=question.clone() on:click=clear.clone()>
                {tr!(clear_my_answer)}
            </button>
        })}
        <div role="status" class="clear-answer-undo">
            {move || offer_undo().then(|| view! {
                <p>
                    {tr!(answer_cleared)}" "
                    <button type="button" class="secondary" id=undo_id.clone() aria-describedby=undo_question.clone() on:click=undo.clone()>{tr!(undo)}</button>
                </p>
            })}
        </div>
    })
}
