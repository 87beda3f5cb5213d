//! The child profile form: typed once, pre-filled into every form for that child, and
//! changed later in the child's card (a new school year, a name typed wrong).

use crate::model::child::Child;
use crate::model::route::escape;
use crate::model::text::Locale;
use crate::storage::documents::put_child;
use crate::ui::context::{use_children, use_locale, use_store};
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;

/// Which child form home shows: none, "Add a child" under the cards, or one child's details
/// being changed in that child's card. One at a time, as they share their boxes' ids; the
/// draft lives here, so a card drawn again (another language) keeps what was typed.
#[derive(Clone, Copy)]
pub(super) struct ChildForms {
    pub adding: RwSignal<bool>,
    /// The id of the child whose details are being changed.
    pub editing: RwSignal<Option<String>>,
    draft: RwSignal<Child>,
}

impl ChildForms {
    pub fn new() -> Self {
        ChildForms {
            adding: RwSignal::new(false),
            editing: RwSignal::new(None),
            draft: RwSignal::new(Child::default()),
        }
    }

    /// "Add a child": an empty form in place of the button, the focus in its first box.
    pub fn add(&self) {
        self.editing.set(None);
        self.draft.set(Child::default());
        self.adding.set(true);
        request_animation_frame(|| web::focus_in_place("child-name"));
    }

    /// "Change details": the child's card becomes the form, filled with what it holds now.
    pub fn edit(&self, child: &Child) {
        self.adding.set(false);
        self.draft.set(child.clone());
        self.editing.set(Some(child.id.clone()));
        request_animation_frame(|| web::focus_in_place("child-name"));
    }

    /// The form gives way to the button that opened it, and the focus goes back to it.
    fn close(&self) {
        let back_to = match self.editing.get_untracked() {
            Some(id) => edit_button_id(&id),
            None => "add-child-button".to_string(),
        };
        self.adding.set(false);
        self.editing.set(None);
        request_animation_frame(move || web::focus_in_place(&back_to));
    }
}

/// The id of a child card's "Change details" button.
pub(super) fn edit_button_id(child_id: &str) -> String {
    format!("child-{}-edit", escape(child_id))
}

/// The child profile form, empty to add a child or filled to change one's details.
#[component]
pub(super) fn ChildForm(forms: ChildForms) -> impl IntoView {
    let store = use_store();
    let children = use_children();
    let locale = use_locale();
    let draft = forms.draft;
    let error = RwSignal::new(None::<String>);
    // Named as the child is saved, not as the name box says while it is typed in (the card is
    // drawn again in another language mid-change).
    let changing = draft.with_untracked(|d| {
        (!d.id.is_empty()).then(|| {
            children.with_untracked(|all| {
                all.iter()
                    .find(|c| c.id == d.id)
                    .unwrap_or(d)
                    .display_name()
                    .to_string()
            })
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut child = draft.get_untracked();
        if child.name.trim().is_empty() {
            error.set(Some(
                tr_in!(locale.get_untracked(), write_your_childs_name).to_string(),
            ));
            web::focus_by_id("child-name");
            return;
        }
        if !child.birth_date_is_possible(&web::today_iso()) {
            error.set(Some(
                tr_in!(locale.get_untracked(), birth_date_after_today).to_string(),
            ));
            web::focus_by_id("child-birth");
            return;
        }
        if child.id.is_empty() {
            child.id = web::new_id("c");
        }
        // Read again from storage and merged there: another tab may have added a child since.
        match put_child(store.as_ref(), child) {
            Ok(all) => {
                forms.close();
                children.set(all);
            }
            Err(e) => error.set(Some(e.message(locale.get_untracked()))),
        }
    };
    let text_input = move |id: &'static str,
                           label: fn(Locale) -> &'static str,
                           autocomplete: &'static str,
                           get: fn(&Child) -> String,
                           set: fn(&mut Child, String)| {
        view! {
            <div class="field">
                <label for=id>{move || label(locale.get())}</label>
                // `value` as well, as in `FindBox`: the box WebKit resets on Back from its
                // back-forward cache comes back to what the draft holds.
                <input id=id type="text" autocomplete=autocomplete
                    value=move || draft.with(get)
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|c| set(c, v)) }/>
            </div>
        }
    };
    let editing = changing.is_some();
    let title = move || match &changing {
        Some(name) => tr_in!(locale.get(), change_details_of, name = name.clone()),
        None => tr_in!(locale.get(), add_a_child).to_string(),
    };
    let save_label = if editing {
        tr!(save_changes)
    } else {
        tr!(save_child)
    };
    view! {
        <form class="add-child" on:submit=save aria-labelledby="add-child-title" novalidate>
            <h3 id="add-child-title">{title}</h3>
            {editing.then(|| view! { <p class="help">{tr!(change_details_help)}</p> })}
            {text_input("child-name", |l| tr_in!(l, child_full_name), "off", |c| c.name.clone(), |c, v| c.name = v)}
            {text_input("child-preferred", |l| tr_in!(l, child_preferred_name), "off", |c| c.preferred_name.clone(), |c, v| c.preferred_name = v)}
            <div class="field">
                <label for="child-birth">{tr!(date_of_birth)}</label>
                // The date picker offers no day after today; a typed one is refused on save.
                <input id="child-birth" type="date" max=web::today_iso() prop:value=move || draft.with(|c| c.birth_date.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|c| c.birth_date = v) }/>
            </div>
            <div class="field">
                <label for="child-grade">{tr!(grade)}</label>
                <select id="child-grade" on:change=move |ev| { let v = event_target_value(&ev); draft.update(|c| c.grade = v) }>
                    <option value="">{tr!(choose)}</option>
                    {GRADES.into_iter().map(|v| {
                        // The grade kept, chosen when the form opens to change a child's details.
                        let chosen = draft.with_untracked(|c| c.grade == v);
                        view! { <option value=v selected=chosen>{move || grade_label(locale.get(), v)}</option> }
                    }).collect_view()}
                </select>
            </div>
            {text_input("child-school", |l| tr_in!(l, school), "off", |c| c.school.clone(), |c, v| c.school = v)}
            <p class="field-error" aria-live="polite">{move || error.get()}</p>
            <div class="row-actions">
                <button type="submit">{save_label}</button>
                <button type="button" class="secondary" on:click=move |_| forms.close()>{tr!(cancel)}</button>
            </div>
        </form>
    }
}

/// The grades a child can be in, as the shipped forms store them.
const GRADES: [&str; 14] = [
    "prek", "k", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

/// The words for grade `value` (one of `GRADES`) in language `l`.
fn grade_label(l: Locale, value: &str) -> &'static str {
    match value {
        "prek" => tr_in!(l, grade_prek),
        "k" => tr_in!(l, grade_k),
        "1" => tr_in!(l, grade_1),
        "2" => tr_in!(l, grade_2),
        "3" => tr_in!(l, grade_3),
        "4" => tr_in!(l, grade_4),
        "5" => tr_in!(l, grade_5),
        "6" => tr_in!(l, grade_6),
        "7" => tr_in!(l, grade_7),
        "8" => tr_in!(l, grade_8),
        "9" => tr_in!(l, grade_9),
        "10" => tr_in!(l, grade_10),
        "11" => tr_in!(l, grade_11),
        "12" => tr_in!(l, grade_12),
        _ => "",
    }
}
