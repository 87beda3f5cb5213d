//! Multiple choice: checkboxes, with "Other: ___".

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::model::schema::{ChoiceOption, FieldKind};
use crate::model::values::{Answer, OTHER};
use crate::ui::field::{localized, ErrorText, FieldCtx, HelpText, LabelText};

fn parts(answer: Option<&Answer>) -> (Vec<String>, String) {
    match answer {
        Some(Answer::Multi { selected, other }) => (selected.clone(), other.clone()),
        _ => (Vec::new(), String::new()),
    }
}

#[component]
pub fn MultiChoiceField(ctx: FieldCtx) -> impl IntoView {
    let (options, has_other) = match &ctx.field.kind {
        FieldKind::MultiChoice { options, other } => (options.clone(), *other),
        _ => (Vec::new(), false),
    };
    let value = ctx.value;
    let set = ctx.set;
    let touch = ctx.touch;
    let state = Signal::derive(move || value.with(|v| parts(v.as_ref())));
    let toggle = move |v: String, on: bool| {
        let (mut selected, other) = state.get_untracked();
        selected.retain(|s| *s != v);
        if on {
            selected.push(v);
        }
        set.run(Answer::Multi { selected, other });
    };
    let mut all: Vec<(String, Option<ChoiceOption>)> = options
        .into_iter()
        .map(|o| (o.value.clone(), Some(o)))
        .collect();
    if has_other {
        all.push((OTHER.to_string(), None));
    }
    let base = ctx.dom_id.clone();
    let other_label = tr!(other);
    let other_id = format!("{base}-other");
    view! {
        <fieldset class="field" aria-describedby=ctx.described_by() aria-invalid=ctx.invalid()>
            <legend><LabelText ctx=ctx.clone()/></legend>
            <HelpText ctx=ctx.clone()/>
            <div class="options">
                {all.into_iter().enumerate().map(|(i, (v, option))| {
                    let id = if i == 0 { base.clone() } else { format!("{base}-{i}") };
                    let id_for = id.clone();
                    let label = option.map(|o| localized(o.label));
                    let checked_v = v.clone();
                    view! {
                        <label class="option" for=id_for>
                            <input type="checkbox" id=id value=v.clone()
                                prop:checked=move || state.with(|(s, _)| s.contains(&checked_v))
                                on:change=move |ev| toggle(v.clone(), event_target_checked(&ev))
                                on:blur=move |_| touch.run(())/>
                            <span>{move || label.as_ref().map_or_else(|| other_label().to_string(), |l| l())}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            {move || state.with(|(s, _)| s.iter().any(|x| x == OTHER)).then(|| view! {
                <input class="other-input" type="text" id=other_id.clone()
                    aria-label=tr!(other_please_say)
                    prop:value=move || state.with(|(_, o)| o.clone())
                    on:input=move |ev| {
                        let (selected, _) = state.get_untracked();
                        set.run(Answer::Multi { selected, other: event_target_value(&ev) });
                    }
                    on:blur=move |_| touch.run(())/>
            })}
            <ErrorText ctx=ctx.clone()/>
        </fieldset>
    }
}
