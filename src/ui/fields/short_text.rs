//! Short text: a name, a school, one line.

use leptos::prelude::*;

use super::text_input::{InputSpec, TextInput};
use crate::model::schema::FieldKind;
use crate::ui::field::FieldCtx;

#[component]
pub fn ShortTextField(ctx: FieldCtx) -> impl IntoView {
    let autocomplete = match &ctx.field.kind {
        FieldKind::ShortText { autocomplete } => autocomplete.clone(),
        _ => None,
    };
    let spec = InputSpec {
        input_type: "text",
        inputmode: None,
        autocomplete,
        unit: None,
        max: None,
    };
    view! { <TextInput ctx spec/> }
}
