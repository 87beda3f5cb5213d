//! The help line under a label, if the field has one.

use super::{localized, FieldCtx};
use leptos::prelude::*;

/// The help line under a label, if the field has one.
#[component]
pub fn HelpText(ctx: FieldCtx) -> impl IntoView {
    let id = ctx.help_id();
    ctx.field.help.clone().map(|help| {
        let help = localized(help);
        view! { <p class="help" id=id>{help}</p> }
    })
}
