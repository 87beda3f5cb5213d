//! Checklist: items to tick off, each with the date it was done and a note.

use crate::ui::translate::tr;
use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::model::schema::FieldKind;
use crate::model::values::{Answer, CheckItem};
use crate::ui::field::{localized, ErrorText, FieldCtx, HelpText, LabelText};

fn items_of(answer: Option<&Answer>) -> BTreeMap<String, CheckItem> {
    match answer {
        Some(Answer::Checklist { items }) => items.clone(),
        _ => BTreeMap::new(),
    }
}

#[component]
pub fn ChecklistField(ctx: FieldCtx) -> impl IntoView {
    let items = match &ctx.field.kind {
        FieldKind::Checklist { items } => items.clone(),
        _ => Vec::new(),
    };
    let value = ctx.value;
    let set = ctx.set;
    let touch = ctx.touch;
    let base = ctx.dom_id.clone();
    let update = move |id: String, f: &dyn Fn(&mut CheckItem)| {
        let mut all = items_of(value.get_untracked().as_ref());
        f(all.entry(id).or_default());
        set.run(Answer::Checklist { items: all });
    };
    view! {
        <fieldset class="field" aria-describedby=ctx.described_by()>
            <legend><LabelText ctx=ctx.clone()/></legend>
            <HelpText ctx=ctx.clone()/>
            <ul class="checklist">
                {items.into_iter().enumerate().map(|(i, item)| {
                    let id = if i == 0 { base.clone() } else { format!("{base}-{}", item.id) };
                    let id_for = id.clone();
                    let item_id = item.id.clone();
                    let state = Signal::derive({
                        let item_id = item_id.clone();
                        move || value.with(|v| items_of(v.as_ref()).remove(&item_id).unwrap_or_default())
                    });
                    let label = localized(item.label);
                    let (k1, k2, k3) = (item_id.clone(), item_id.clone(), item_id);
                    let date_id = format!("{id}-date");
                    let note_id = format!("{id}-note");
                    // The date and note show once the item is ticked, and stay in sight while
                    // they hold words, ticked or not, as they do in every copy.
                    let kept = move || state.with(|s| !s.date.is_empty() || !s.note.trim().is_empty());
                    view! {
                        <li class="check-item" class:kept-words=kept>
                            <label class="option" for=id_for>
                                <input type="checkbox" id=id
                                    prop:checked=move || state.with(|s| s.done)
                                    on:change=move |ev| { let on = event_target_checked(&ev); update(k1.clone(), &|c| c.done = on) }
                                    on:blur=move |_| touch.run(())/>
                                <span>{label}</span>
                            </label>
                            <div class="check-extra">
                                <label for=date_id.clone()>{tr!(date)}</label>
                                <input type="date" id=date_id
                                    prop:value=move || state.with(|s| s.date.clone())
                                    on:input=move |ev| { let d = event_target_value(&ev); update(k2.clone(), &|c| c.date = d.clone()) }/>
                                <label for=note_id.clone()>{tr!(note)}</label>
                                <input type="text" id=note_id
                                    prop:value=move || state.with(|s| s.note.clone())
                                    on:input=move |ev| { let n = event_target_value(&ev); update(k3.clone(), &|c| c.note = n.clone()) }/>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ErrorText ctx=ctx.clone()/>
        </fieldset>
    }
}
