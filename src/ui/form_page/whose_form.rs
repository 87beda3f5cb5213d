//! "This form is for": which of the family's children a document belongs to, for one begun
//! from the list of forms before the child was added (home lists it apart until then), or
//! started for the wrong child.

use crate::ui::context::use_children;
use crate::ui::translate::tr;
use leptos::prelude::*;

/// A choice of the family's children for the document, shown once there is a child to
/// choose. `current` is the child it belongs to; `assign` hears the new choice (`None` for
/// no child).
#[component]
pub fn WhoseForm(
    current: Signal<Option<String>>,
    assign: Callback<Option<String>>,
) -> impl IntoView {
    let children = use_children();
    move || {
        let all = children.get();
        (!all.is_empty()).then(|| {
            view! {
                <div class="field whose-form screen-only">
                    <label for="whose-form">{tr!(whose_form)}</label>
                    <p class="help" id="whose-form-help">{tr!(whose_form_help)}</p>
                    <select id="whose-form" aria-describedby="whose-form-help" on:change=move |ev| {
                        let id = event_target_value(&ev);
                        assign.run((!id.is_empty()).then_some(id));
                    }>
                        <option value="" prop:selected=move || current.with(Option::is_none)>{tr!(no_child_chosen)}</option>
                        {all.into_iter().map(|child| {
                            let id = child.id.clone();
                            let chosen = move || current.with(|c| c.as_deref() == Some(id.as_str()));
                            view! { <option value=child.id.clone() prop:selected=chosen>{child.display_name().to_string()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        })
    }
}
