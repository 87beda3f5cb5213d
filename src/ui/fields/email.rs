//! Email: brings up the phone's email keyboard and offers the saved address.

use leptos::prelude::*;

use super::text_input::{InputSpec, TextInput};
use crate::ui::field::FieldCtx;

#[component]
pub fn EmailField(ctx: FieldCtx) -> impl IntoView {
    let spec = InputSpec {
        input_type: "email",
        inputmode: Some("email"),
        autocomplete: Some("email".into()),
        unit: None,
        max: None,
    };
    view! { <TextInput ctx spec/> }
}
