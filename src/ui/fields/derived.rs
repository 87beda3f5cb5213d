//! A derived value (a review date 60 days after the start, how far a plan has come toward its
//! goal): shown, never typed.

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::model::goal::Standing;
use crate::model::logic::{derived_value, Derived};
use crate::model::schema::FieldKind;
use crate::ui::context::use_locale;
use crate::ui::field::{FieldCtx, HelpText, LabelText};

#[component]
pub fn DerivedField(ctx: FieldCtx) -> impl IntoView {
    let rule = match &ctx.field.kind {
        FieldKind::Derived { rule } => Some(rule.clone()),
        _ => None,
    };
    let def = ctx.def.clone();
    let answers = ctx.answers;
    let locale = use_locale();
    let label_id = format!("{}-label", ctx.dom_id);
    let waiting = tr!(derived_waiting);
    // Worked out again for the line and for the bar: cheaper than a memo's own code.
    let value = move || {
        rule.as_ref()
            .and_then(|r| answers.with(|a| derived_value(&def, a, r)))
    };
    let shown = {
        let value = value.clone();
        move || value().map(|v| v.text(locale.get()))
    };
    // The share of the way to a goal, drawn as a bar; the line above says the same in words,
    // so the bar is left out of what a screen reader reads.
    let share = move || match value()? {
        Derived::Goal(g) => match g.standing()? {
            Standing::Part(p) => Some(p),
            Standing::Reached => Some(100),
            Standing::Behind => Some(0),
        },
        Derived::Date(_) => None,
    };
    view! {
        <div class="field derived">
            <span class="label" id=label_id.clone()><LabelText ctx=ctx.clone()/></span>
            <HelpText ctx=ctx.clone()/>
            <output id=ctx.dom_id.clone() aria-labelledby=label_id aria-live="polite">
                {move || shown().unwrap_or_else(|| waiting().to_string())}
            </output>
            {move || share().map(|p| view! {
                <progress class="goal-bar" max="100" value=p aria-hidden="true"></progress>
            })}
        </div>
    }
}
