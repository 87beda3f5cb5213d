//! Single choice: radio buttons for a few options, a drop-down for many, with "Other: ___".

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::model::schema::{ChoiceDisplay, ChoiceOption, FieldKind};
use crate::model::values::{Answer, OTHER};
use crate::ui::field::{localized, ClearAnswer, ErrorText, FieldCtx, HelpText, LabelText};

fn parts(answer: Option<&Answer>) -> (String, String) {
    match answer {
        Some(Answer::Choice { selected, other }) => (selected.clone(), other.clone()),
        Some(Answer::Text { value }) => (value.clone(), String::new()),
        _ => (String::new(), String::new()),
    }
}

#[component]
pub fn ChoiceField(ctx: FieldCtx) -> impl IntoView {
    let (options, has_other, display) = match &ctx.field.kind {
        FieldKind::Choice {
            options,
            other,
            display,
        } => (options.clone(), *other, *display),
        _ => (Vec::new(), false, ChoiceDisplay::Radio),
    };
    let value = ctx.value;
    let set = ctx.set;
    let selected = Signal::derive(move || value.with(|v| parts(v.as_ref()).0));
    let other_text = Signal::derive(move || value.with(|v| parts(v.as_ref()).1));
    let choose = move |s: String| {
        set.run(Answer::Choice {
            selected: s,
            other: other_text.get_untracked(),
        })
    };
    let other_label = tr!(other);
    let other_input = {
        let id = format!("{}-other", ctx.dom_id);
        let touch = ctx.touch;
        let described = ctx.described_by();
        move || {
            (selected.get() == OTHER).then(|| {
                view! {
                    <input
                        class="other-input"
                        id=id.clone()
                        type="text"
                        aria-label=tr!(other_please_say)
                        aria-describedby=described
                        prop:value=move || other_text.get()
                        on:input=move |ev| set.run(Answer::Choice { selected: OTHER.into(), other: event_target_value(&ev) })
                        on:blur=move |_| touch.run(())
                    />
                }
            })
        }
    };
    match display {
        ChoiceDisplay::Select => view! {
            <div class="field">
                <label for=ctx.dom_id.clone()><LabelText ctx=ctx.clone()/></label>
                <HelpText ctx=ctx.clone()/>
                <select
                    id=ctx.dom_id.clone()
                    aria-required=ctx.field.required.then_some("true")
                    aria-invalid=ctx.invalid()
                    aria-describedby=ctx.described_by()
                    prop:value=move || selected.get()
                    on:change=move |ev| choose(event_target_value(&ev))
                >
                    <option value="">{tr!(choose)}</option>
                    {options.into_iter().map(|o: ChoiceOption| {
                        let label = localized(o.label);
                        let v = o.value.clone();
                        view! { <option value=o.value selected=move || selected.get() == v>{label}</option> }
                    }).collect_view()}
                    {has_other.then(|| view! { <option value=OTHER selected=move || selected.get() == OTHER>{other_label}</option> })}
                </select>
                {other_input}
                <ErrorText ctx=ctx.clone()/>
            </div>
        }
        .into_any(),
        ChoiceDisplay::Radio => {
            let name = ctx.dom_id.clone();
            let first_id = ctx.dom_id.clone();
            let mut all: Vec<(String, Option<ChoiceOption>)> =
                options.into_iter().map(|o| (o.value.clone(), Some(o))).collect();
            if has_other {
                all.push((OTHER.to_string(), None));
            }
            view! {
                <fieldset class="field" aria-describedby=ctx.described_by() aria-invalid=ctx.invalid()>
                    <legend id=ctx.legend_id()><LabelText ctx=ctx.clone()/></legend>
                    <HelpText ctx=ctx.clone()/>
                    <div class="options">
                        {all.into_iter().enumerate().map(|(i, (v, option))| {
                            let id = if i == 0 { first_id.clone() } else { format!("{first_id}-{i}") };
                    let id_for = id.clone();
                            let checked_v = v.clone();
                            let label = option.map(|o| localized(o.label));
                            view! {
                                <label class="option" for=id_for>
                                    <input type="radio" id=id name=name.clone() value=v.clone()
                                        prop:checked=move || selected.get() == checked_v
                                        on:change=move |_| choose(v.clone())/>
                                    <span>{move || label.as_ref().map_or_else(|| other_label().to_string(), |l| l())}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    {other_input}
                    <ClearAnswer ctx=ctx.clone() empty=Answer::Choice { selected: String::new(), other: String::new() }/>
                    <ErrorText ctx=ctx.clone()/>
                </fieldset>
            }
            .into_any()
        }
    }
}
