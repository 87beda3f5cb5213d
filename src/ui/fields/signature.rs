//! Signature: a typed full name and the date, as families sign school forms on a phone.

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::model::values::Answer;
use crate::ui::field::{ErrorText, FieldCtx, HelpText, LabelText};

fn parts(answer: Option<&Answer>) -> (String, String) {
    match answer {
        Some(Answer::Signature { name, date }) => (name.clone(), date.clone()),
        _ => (String::new(), String::new()),
    }
}

#[component]
pub fn SignatureField(ctx: FieldCtx) -> impl IntoView {
    let value = ctx.value;
    let set = ctx.set;
    let touch = ctx.touch;
    let state = Signal::derive(move || value.with(|v| parts(v.as_ref())));
    let name_id = ctx.dom_id.clone();
    let date_id = format!("{}-date", ctx.dom_id);
    view! {
        <fieldset class="field signature" aria-describedby=ctx.described_by() aria-invalid=ctx.invalid()>
            <legend><LabelText ctx=ctx.clone()/></legend>
            <HelpText ctx=ctx.clone()/>
            <label for=name_id.clone()>{tr!(full_name)}</label>
            <input id=name_id type="text" autocomplete="name"
                prop:value=move || state.with(|s| s.0.clone())
                on:input=move |ev| set.run(Answer::Signature { name: event_target_value(&ev), date: state.get_untracked().1 })
                on:blur=move |_| touch.run(())/>
            <label for=date_id.clone()>{tr!(date)}</label>
            <input id=date_id type="date"
                prop:value=move || state.with(|s| s.1.clone())
                on:input=move |ev| set.run(Answer::Signature { name: state.get_untracked().0, date: event_target_value(&ev) })
                on:blur=move |_| touch.run(())/>
            <ErrorText ctx=ctx.clone()/>
        </fieldset>
    }
}
