//! The question text with its required mark, for a `<label>` or `<legend>`.

use super::{localized, FieldCtx};
use crate::ui::context::use_locale;
use crate::ui::translate::tr_in;
use leptos::prelude::*;

/// The question text with its required mark, for a `<label>` or `<legend>`.
#[component]
pub fn LabelText(ctx: FieldCtx) -> impl IntoView {
    let label = localized(ctx.field.label.clone());
    let required = ctx.field.required;
    let locale = use_locale();
    view! {
        {label}
        {required.then(|| view! {
            <span class="required" aria-hidden="true">" *"</span>
            <span class="visually-hidden">
                {move || tr_in!(locale.get(), required_mark)}
            </span>
        })}
    }
}
