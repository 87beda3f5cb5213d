//! Phone: the dial pad keyboard and the saved number.

use leptos::prelude::*;

use super::text_input::{InputSpec, TextInput};
use crate::ui::field::FieldCtx;

#[component]
pub fn PhoneField(ctx: FieldCtx) -> impl IntoView {
    let spec = InputSpec {
        input_type: "tel",
        inputmode: Some("tel"),
        autocomplete: Some("tel".into()),
        unit: None,
        max: None,
    };
    view! { <TextInput ctx spec/> }
}
