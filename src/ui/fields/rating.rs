//! Rating scale: a row of numbered buttons with words at both ends.

use leptos::prelude::*;

use crate::model::schema::FieldKind;
use crate::model::values::Answer;
use crate::ui::field::{localized, ClearAnswer, ErrorText, FieldCtx, HelpText, LabelText};

#[component]
pub fn RatingField(ctx: FieldCtx) -> impl IntoView {
    let (min, max, low, high) = match &ctx.field.kind {
        FieldKind::Rating {
            min,
            max,
            low,
            high,
        } => (*min, *max, low.clone(), high.clone()),
        _ => (1, 5, None, None),
    };
    let text = ctx.text();
    let set = ctx.set;
    let touch = ctx.touch;
    let base = ctx.dom_id.clone();
    view! {
        <fieldset class="field" aria-describedby=ctx.described_by() aria-invalid=ctx.invalid()>
            <legend id=ctx.legend_id()><LabelText ctx=ctx.clone()/></legend>
            <HelpText ctx=ctx.clone()/>
            <div class="rating">
                {(min..=max).map(|n| {
                    let id = if n == min { base.clone() } else { format!("{base}-{n}") };
                    let id_for = id.clone();
                    let v = n.to_string();
                    let checked = v.clone();
                    view! {
                        <label class="rating-step" for=id_for>
                            <input type="radio" id=id name=base.clone() value=v.clone()
                                prop:checked=move || text.get() == checked
                                on:change=move |_| set.run(Answer::text(v.clone()))
                                on:blur=move |_| touch.run(())/>
                            <span>{n}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <div class="rating-ends">
                <span>{low.map(localized)}</span>
                <span>{high.map(localized)}</span>
            </div>
            <ClearAnswer ctx=ctx.clone() empty=Answer::text("")/>
            <ErrorText ctx=ctx.clone()/>
        </fieldset>
    }
}
