//! Yes / No / Not sure, with a box to describe when the answer is yes or not sure.

use crate::ui::translate::tr_in;
use leptos::prelude::*;

use crate::model::schema::FieldKind;
use crate::model::values::{Answer, YesNo};
use crate::ui::field::{localized, ClearAnswer, ErrorText, FieldCtx, HelpText, LabelText};

fn parts(answer: Option<&Answer>) -> (Option<YesNo>, String) {
    match answer {
        Some(Answer::YesNo { answer, details }) => (*answer, details.clone()),
        _ => (None, String::new()),
    }
}

#[component]
pub fn YesNoField(ctx: FieldCtx) -> impl IntoView {
    let locale = crate::ui::context::use_locale();
    let describe = match &ctx.field.kind {
        FieldKind::YesNo { describe } => describe.clone(),
        _ => None,
    };
    let value = ctx.value;
    let set = ctx.set;
    let touch = ctx.touch;
    let state = Signal::derive(move || value.with(|v| parts(v.as_ref())));
    let base = ctx.dom_id.clone();
    let details_id = format!("{base}-details");
    view! {
        <fieldset class="field" aria-describedby=ctx.described_by() aria-invalid=ctx.invalid()>
            <legend id=ctx.legend_id()><LabelText ctx=ctx.clone()/></legend>
            <HelpText ctx=ctx.clone()/>
            <div class="options options-inline">
                {YesNo::ALL.into_iter().enumerate().map(|(i, choice)| {
                    let label = move || match choice {
                        YesNo::Yes => tr_in!(locale.get(), yes),
                        YesNo::No => tr_in!(locale.get(), no),
                        YesNo::NotSure => tr_in!(locale.get(), not_sure),
                    };
                    let id = if i == 0 { base.clone() } else { format!("{base}-{}", choice.as_str()) };
                    let id_for = id.clone();
                    view! {
                        <label class="option" for=id_for>
                            <input type="radio" id=id name=base.clone() value=choice.as_str()
                                prop:checked=move || state.with(|(a, _)| *a == Some(choice))
                                on:change=move |_| set.run(Answer::YesNo { answer: Some(choice), details: state.get_untracked().1 })
                                on:blur=move |_| touch.run(())/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            {move || {
                let show = state.with(|(a, _)| matches!(a, Some(YesNo::Yes | YesNo::NotSure)));
                let describe = describe.clone();
                let details_id = details_id.clone();
                show.then(move || {
                    let label = describe.map(localized);
                    view! {
                        <div class="details">
                            <label for=details_id.clone()>
                                {move || label.as_ref().map_or_else(|| tr_in!(locale.get(), tell_us_more).to_string(), |l| l())}
                            </label>
                            <textarea id=details_id rows="2"
                                prop:value=move || state.with(|(_, d)| d.clone())
                                on:input=move |ev| set.run(Answer::YesNo { answer: state.get_untracked().0, details: event_target_value(&ev) })
                                on:blur=move |_| touch.run(())></textarea>
                        </div>
                    }
                })
            }}
            <ClearAnswer ctx=ctx.clone() empty=Answer::YesNo { answer: None, details: String::new() }/>
            <ErrorText ctx=ctx.clone()/>
        </fieldset>
    }
}
