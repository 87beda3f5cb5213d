//! Date: the phone's date picker; stored as ISO, which is what `type=date` gives.

use leptos::prelude::*;

use super::text_input::{InputSpec, TextInput};
use crate::ui::field::FieldCtx;

#[component]
pub fn DateField(ctx: FieldCtx) -> impl IntoView {
    let spec = InputSpec {
        input_type: "date",
        inputmode: None,
        autocomplete: None,
        unit: None,
    };
    view! { <TextInput ctx spec/> }
}
