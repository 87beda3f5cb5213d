//! An information block: a callout with no input.

use leptos::prelude::*;

use crate::model::schema::{FieldKind, InfoTone};
use crate::ui::field::{localized, FieldCtx};

#[component]
pub fn InfoBlock(ctx: FieldCtx) -> impl IntoView {
    let (body, tone) = match &ctx.field.kind {
        FieldKind::Info { body, tone } => (body.clone(), *tone),
        _ => (Default::default(), InfoTone::Note),
    };
    let class = match tone {
        InfoTone::Note => "info",
        InfoTone::Important => "info info-important",
    };
    let title = localized(ctx.field.label.clone());
    let body = localized(body);
    view! {
        <aside class=class id=ctx.dom_id.clone() role="note">
            <h3 class="info-title">{title}</h3>
            <p class="info-body">{body}</p>
        </aside>
    }
}
