//! Long text: a box that grows with what is written.

use leptos::prelude::*;

use crate::ui::field::{ErrorText, FieldCtx, HelpText, LabelText};

#[component]
pub fn LongTextField(ctx: FieldCtx) -> impl IntoView {
    let text = ctx.text();
    let set_text = ctx.set_text();
    let touch = ctx.touch;
    view! {
        <div class="field">
            <label for=ctx.dom_id.clone()><LabelText ctx=ctx.clone()/></label>
            <HelpText ctx=ctx.clone()/>
            <textarea
                id=ctx.dom_id.clone()
                rows="3"
                aria-required=ctx.field.required.then_some("true")
                aria-invalid=ctx.invalid()
                aria-describedby=ctx.described_by()
                prop:value=move || text.get()
                on:input=move |ev| set_text(event_target_value(&ev))
                on:blur=move |_| touch.run(())
            ></textarea>
            <ErrorText ctx=ctx.clone()/>
        </div>
    }
}
