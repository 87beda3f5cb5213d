//! A derived value (review date = start + 60 days): shown, never typed.

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::model::dates::format_date;
use crate::model::logic::derived_value;
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
    let shown = move || {
        rule.as_ref()
            .and_then(|r| answers.with(|a| derived_value(&def, a, r)))
            .map(|v| format_date(&v, locale.get()))
    };
    view! {
        <div class="field derived">
            <span class="label" id=label_id.clone()><LabelText ctx=ctx.clone()/></span>
            <HelpText ctx=ctx.clone()/>
            <output id=ctx.dom_id.clone() aria-labelledby=label_id aria-live="polite">
                {move || shown().unwrap_or_else(|| waiting().to_string())}
            </output>
        </div>
    }
}
