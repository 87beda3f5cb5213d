//! One form of the catalogue, with a way to start it for no particular child.

use crate::model::schema::FormDef;
use crate::storage::keys;
use crate::ui::context::{is_builtin, use_forms, use_locale, use_store};
use crate::ui::field::localized;
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;
use std::sync::Arc;

/// One form of the catalogue, with a way to start it for no particular child, and, once the
/// device holds several copies of it, their key answers on one sheet.
#[component]
pub(super) fn FormCard(
    def: Arc<FormDef>,
    /// How many documents of this form the device holds.
    copies: usize,
) -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let forms = use_forms();
    let title = localized(def.title.clone());
    let href = format!("/form/{}", def.id);
    let added = !is_builtin(&def.id);
    let id = def.id.clone();
    let remove = move |_| {
        let question = tr_in!(locale.get_untracked(), remove_form_question);
        if web::confirm(question) && store.remove(&keys::added_form(&id)).is_ok() {
            forms.update(|f| f.retain(|d| d.id != id));
        }
    };
    // The intro's first sentence says whom the form is for.
    let about = def.intro.clone().map(|intro| {
        let first = |t: &str| {
            t.split_inclusive(". ")
                .next()
                .unwrap_or(t)
                .trim()
                .to_string()
        };
        crate::model::text::Text::new(first(&intro.en), first(&intro.es))
    });
    let has_key_questions = def.fields().any(|(_, f)| f.at_a_glance);
    let sheet = (copies >= 2 && has_key_questions).then(|| {
        let href = format!("/key-answers/{}", def.id);
        view! {
            <p class="form-key-answers">
                <a href=href>{move || tr_in!(locale.get(), key_answers_of_all, n = copies)}</a>
            </p>
        }
    });
    view! {
        <li class="form-card">
            <h3><a href=href>{title}</a></h3>
            {about.map(|t| {
                let t = localized(t);
                view! { <p class="form-about">{t}</p> }
            })}
            {sheet}
            {added.then(|| view! {
                <button type="button" class="secondary" on:click=remove>{tr!(remove_form)}</button>
            })}
        </li>
    }
}
