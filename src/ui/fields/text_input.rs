//! The single-line input shared by short text, email, phone, number and date: only the input
//! type, phone keyboard and autofill hint differ.

use leptos::prelude::*;

use crate::model::text::Text;
use crate::ui::field::{localized, ErrorText, FieldCtx, HelpText, LabelText};

/// How the input looks to the browser.
#[derive(Clone)]
pub struct InputSpec {
    pub input_type: &'static str,
    /// Which phone keyboard comes up (`tel`, `email`, `decimal`).
    pub inputmode: Option<&'static str>,
    pub autocomplete: Option<String>,
    /// Text after the box ("years").
    pub unit: Option<Text>,
    /// The latest day a date picker offers (ISO), for a date that cannot be ahead.
    pub max: Option<String>,
}

/// A labelled single-line input.
#[component]
pub fn TextInput(ctx: FieldCtx, spec: InputSpec) -> impl IntoView {
    let text = ctx.text();
    let set_text = ctx.set_text();
    let touch = ctx.touch;
    let unit = spec.unit.map(|u| {
        let u = localized(u);
        view! { <span class="unit">{u}</span> }
    });
    view! {
        <div class="field">
            <label for=ctx.dom_id.clone()><LabelText ctx=ctx.clone()/></label>
            <HelpText ctx=ctx.clone()/>
            <div class="input-row">
                <input
                    id=ctx.dom_id.clone()
                    type=spec.input_type
                    inputmode=spec.inputmode
                    max=spec.max
                    autocomplete=spec.autocomplete.unwrap_or_else(|| "off".into())
                    aria-required=ctx.field.required.then_some("true")
                    aria-invalid=ctx.invalid()
                    aria-describedby=ctx.described_by()
                    prop:value=move || text.get()
                    on:input=move |ev| set_text(event_target_value(&ev))
                    on:blur=move |_| touch.run(())
                />
                {unit}
            </div>
            <ErrorText ctx=ctx.clone()/>
        </div>
    }
}
