//! The error line: always in the page (empty when fine) so a screen reader announces changes.

use super::FieldCtx;
use leptos::prelude::*;

/// The error line: always in the page (empty when fine) so a screen reader announces changes.
#[component]
pub fn ErrorText(ctx: FieldCtx) -> impl IntoView {
    let error = ctx.error();
    view! {
        <p class="field-error" id=ctx.error_id() aria-live="polite">
            {move || error.get()}
        </p>
    }
}
