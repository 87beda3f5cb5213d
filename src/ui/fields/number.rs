//! Number: a text box with the decimal keyboard, so partial input ("1,") is never thrown away
//! the way `type=number` does; the value is checked, not forced.

use leptos::prelude::*;

use super::text_input::{InputSpec, TextInput};
use crate::model::schema::FieldKind;
use crate::ui::field::FieldCtx;

#[component]
pub fn NumberField(ctx: FieldCtx) -> impl IntoView {
    let unit = match &ctx.field.kind {
        FieldKind::Number { unit, .. } => unit.clone(),
        _ => None,
    };
    let spec = InputSpec {
        input_type: "text",
        inputmode: Some("decimal"),
        autocomplete: None,
        unit,
        max: None,
    };
    view! { <TextInput ctx spec/> }
}
