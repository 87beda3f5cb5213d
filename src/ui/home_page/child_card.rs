//! One child: their documents and a way to start a form for them.

use super::child_form::{edit_button_id, ChildForm, ChildForms};
use super::DocList;
use crate::model::child::Child;
use crate::model::route::{escape, path};
use crate::model::text::Locale;
use crate::storage::backup::{delete_child_for_good, trash_child};
use crate::storage::documents::DocSummary;
use crate::storage::StorageError;
use crate::ui::context::{use_forms, use_store};
use crate::ui::translate::tr_in;
use crate::web;
use chrono::Utc;
use leptos::prelude::*;

/// One child: their documents and a way to start a form for them. `deleted` hears of the
/// child's deletion, with the trash entry that can bring them back (none when deleted for
/// good), and `not_deleted` is told why, when the device refused it. While `edited`, the card
/// is the form that changes the child's details.
#[component]
pub(super) fn ChildCard(
    child: Child,
    docs: Vec<DocSummary>,
    l: Locale,
    deleted: Callback<Option<String>>,
    not_deleted: RwSignal<Option<String>>,
    child_forms: ChildForms,
    edited: bool,
) -> impl IntoView {
    if edited {
        return view! { <li class="child-card"><ChildForm forms=child_forms/></li> }.into_any();
    }
    let forms = use_forms();
    let name = child.display_name().to_string();
    // The list of forms is drawn when the card's "Start a form" is opened: with fifty
    // children, fifty lists of every form made home slow to draw, for a choice made on one.
    let open = RwSignal::new(false);
    let child_id = child.id.clone();
    let heading = name.clone();
    // "Change details" and "Delete child" are described by the name above them, so a screen
    // reader says whose.
    // (Escaped: an id from an edited backup may hold a space, which would split the reference.)
    let heading_id = format!("child-{}-name", escape(&child.id));
    let store = use_store();
    let delete_id = child.id.clone();
    let heading_for_question = name.clone();
    let delete = move |_| {
        let question = tr_in!(l, delete_child_question);
        if !web::confirm(question) {
            return;
        }
        match trash_child(store.as_ref(), &delete_id, Utc::now()) {
            Ok(entry) => deleted.run(Some(entry.id)),
            // The trash keeps a copy first, and on a full device it does not fit: deleting
            // is how the person makes room, so she may delete for good instead.
            Err(StorageError::Full)
                if web::confirm(&tr_in!(
                    l,
                    delete_child_for_good_question,
                    name = heading_for_question.clone()
                )) && delete_child_for_good(store.as_ref(), &delete_id).is_ok() =>
            {
                deleted.run(None)
            }
            Err(e) => {
                not_deleted.set(Some(tr_in!(l, child_not_deleted, why = e.reason(l))));
                // Shown at the top of home: the focus takes the person there.
                request_animation_frame(|| web::focus_in_place("home-failed"));
            }
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
            // Home draws its cards again in the same places (another language, a search
            // typed), maybe for another child: the box is shut then, as its list is undrawn.
            <details class="start-form" prop:open=move || open.get() on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{tr_in!(l, start_a_form_for, name = name)}</summary>
                {move || open.get().then(|| view! {
                    <ul class="start-list">
                        {forms.get_untracked().into_iter().map(|f| {
                            view! { <li><a href=path(&["new", &f.id, &child_id])>{f.title.get(l).to_string()}</a></li> }
                        }).collect_view()}
                    </ul>
                })}
            </details>
            <div class="child-actions">
                <button type="button" class="secondary" id=edit_button_id(&child.id) aria-describedby=heading_id.clone() on:click=move |_| child_forms.edit(&child)>{tr_in!(l, change_details)}</button>
                <button type="button" class="danger delete-child" aria-describedby=heading_id on:click=delete>{tr_in!(l, delete_child)}</button>
            </div>
        </li>
    }
    .into_any()
}
