//! Date: the phone's date picker; stored as ISO, which is what `type=date` gives.

use leptos::prelude::*;

use super::text_input::{InputSpec, TextInput};
use crate::model::schema::FieldKind;
use crate::ui::field::FieldCtx;

#[component]
pub fn DateField(ctx: FieldCtx) -> impl IntoView {
    // A date that cannot be ahead (a date of birth): the picker offers no later day; a day
    // typed after today is shown as a problem by validation.
    let not_after_today = matches!(
        ctx.field.kind,
        FieldKind::Date {
            not_after_today: true
        }
    );
    let spec = InputSpec {
        input_type: "date",
        inputmode: None,
        autocomplete: None,
        unit: None,
        max: not_after_today.then(crate::web::today_iso),
    };
    view! { <TextInput ctx spec/> }
}
