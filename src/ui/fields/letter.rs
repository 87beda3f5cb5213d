//! A letter written from the answers, shown as it will be sent and kept up to date while the
//! person answers; a required answer still missing shows as its question, marked, to fill in.

use leptos::prelude::*;

use crate::export::letter::{fill_letter, Piece};
use crate::model::schema::FieldKind;
use crate::ui::context::use_locale;
use crate::ui::field::{localized, FieldCtx};

#[component]
pub fn LetterField(ctx: FieldCtx) -> impl IntoView {
    let body = match &ctx.field.kind {
        FieldKind::Letter { body } => body.clone(),
        _ => Default::default(),
    };
    let locale = use_locale();
    let (def, answers) = (ctx.def.clone(), ctx.answers);
    let title = localized(ctx.field.label.clone());
    let title_id = format!("{}-title", ctx.dom_id);
    let labelled_by = title_id.clone();
    let letter = move || {
        let l = locale.get();
        let filled = answers.with(|a| fill_letter(&def, a, body.get(l), l));
        filled
            .into_iter()
            .map(|lines| {
                let last = lines.len().saturating_sub(1);
                let lines = lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, pieces)| {
                        let pieces = pieces
                            .into_iter()
                            .map(|piece| match piece {
                                Piece::Text(t) | Piece::Answer(t) => t.into_any(),
                                Piece::Missing(label) => view! {
                                    <mark class="letter-missing">{format!("[{label}]")}</mark>
                                }
                                .into_any(),
                            })
                            .collect_view();
                        view! { {pieces}{(i < last).then(|| view! { <br/> })} }
                    })
                    .collect_view();
                view! { <p>{lines}</p> }
            })
            .collect_view()
    };
    view! {
        <section class="field letter" id=ctx.dom_id.clone() aria-labelledby=labelled_by>
            <h3 class="letter-title" id=title_id>{title}</h3>
            <div class="letter-page">{letter}</div>
        </section>
    }
}
