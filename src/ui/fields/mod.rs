//! One component per field kind, and [`FieldView`], which picks the right one.

pub mod checklist;
pub mod choice;
pub mod date;
pub mod derived;
pub mod email;
pub mod info;
pub mod letter;
pub mod log_by_month;
pub mod long_text;
pub mod multi_choice;
pub mod number;
pub mod phone;
pub mod rating;
pub mod rows;
pub mod short_text;
pub mod signature;
pub mod text_input;
pub mod yes_no;

use leptos::prelude::*;

use crate::model::schema::FieldKind;
use crate::ui::field::FieldCtx;

/// Draws a field with the component for its kind.
#[component]
pub fn FieldView(ctx: FieldCtx) -> impl IntoView {
    let field = ctx.field.clone();
    match &field.kind {
        FieldKind::ShortText { .. } => view! { <short_text::ShortTextField ctx/> }.into_any(),
        FieldKind::LongText {} => view! { <long_text::LongTextField ctx/> }.into_any(),
        FieldKind::Date { .. } => view! { <date::DateField ctx/> }.into_any(),
        FieldKind::Number { .. } => view! { <number::NumberField ctx/> }.into_any(),
        FieldKind::Email {} => view! { <email::EmailField ctx/> }.into_any(),
        FieldKind::Phone {} => view! { <phone::PhoneField ctx/> }.into_any(),
        FieldKind::Choice { .. } => view! { <choice::ChoiceField ctx/> }.into_any(),
        FieldKind::MultiChoice { .. } => view! { <multi_choice::MultiChoiceField ctx/> }.into_any(),
        FieldKind::YesNo { .. } => view! { <yes_no::YesNoField ctx/> }.into_any(),
        FieldKind::Rating { .. } => view! { <rating::RatingField ctx/> }.into_any(),
        FieldKind::Checklist { .. } => view! { <checklist::ChecklistField ctx/> }.into_any(),
        FieldKind::Rows { .. } => view! { <rows::RowsField ctx/> }.into_any(),
        FieldKind::Derived { .. } => view! { <derived::DerivedField ctx/> }.into_any(),
        FieldKind::Signature {} => view! { <signature::SignatureField ctx/> }.into_any(),
        FieldKind::Info { .. } => view! { <info::InfoBlock ctx/> }.into_any(),
        FieldKind::Letter { .. } => view! { <letter::LetterField ctx/> }.into_any(),
    }
}
