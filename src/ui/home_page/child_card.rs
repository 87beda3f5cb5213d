//! One child: their documents and a way to start a form for them.

use super::DocList;
use crate::model::child::Child;
use crate::model::text::Locale;
use crate::storage::backup::trash_child;
use crate::storage::documents::DocSummary;
use crate::ui::context::{use_forms, use_store};
use crate::ui::translate::tr_in;
use crate::web;
use crate::web::first_choice;
use chrono::Utc;
use leptos::prelude::*;

/// One child: their documents and a way to start a form for them. `deleted` hears of the
/// child's deletion, with the trash entry that can bring them back.
#[component]
pub(super) fn ChildCard(
    child: Child,
    docs: Vec<DocSummary>,
    l: Locale,
    deleted: Callback<String>,
) -> impl IntoView {
    let forms = use_forms();
    let name = child.display_name().to_string();
    let select_id = format!("start-{}", child.id);
    let chosen = RwSignal::new(String::new());
    let child_id = child.id.clone();
    let navigate = crate::ui::router::use_navigate();
    let start = move |_| {
        let form = chosen.get_untracked();
        if !form.is_empty() {
            navigate.to(&format!("/new/{form}/{child_id}"));
        }
    };
    let heading = name.clone();
    // "Delete child" is described by the name above it, so a screen reader says whose.
    let heading_id = format!("child-{}-name", child.id);
    let store = use_store();
    let delete_id = child.id.clone();
    let delete = move |_| {
        let question = tr_in!(l, delete_child_question);
        if !web::confirm(question) {
            return;
        }
        if let Ok(entry) = trash_child(store.as_ref(), &delete_id, Utc::now()) {
            deleted.run(entry.id);
        }
    };
    view! {
        <li class="child-card">
            <h3 id=heading_id.clone()>{heading}</h3>
            {if docs.is_empty() {
                view! { <p class="help">{tr_in!(l, no_forms_yet)}</p> }.into_any()
            } else {
                view! { <DocList docs l/> }.into_any()
            }}
            <div class="start-form">
                <label for=select_id.clone()>{tr_in!(l, start_a_form_for, name = name)}</label>
                <div class="input-row">
                    // Home draws its cards again in the same places (another language, a
                    // search typed), maybe for another child: each list starts again from
                    // "Choose a form…", as its card's Start button does.
                    <select id=select_id use:first_choice on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">{tr_in!(l, choose_a_form)}</option>
                        {forms.get_untracked().into_iter().map(|f| {
                            view! { <option value=f.id.clone()>{f.title.get(l).to_string()}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" on:click=start disabled=move || chosen.with(String::is_empty)>{tr_in!(l, start)}</button>
                </div>
            </div>
            <button type="button" class="danger delete-child" aria-describedby=heading_id on:click=delete>{tr_in!(l, delete_child)}</button>
        </li>
    }
}
