//! The child profile form: typed once, pre-filled into every form for that child.

use crate::model::child::Child;
use crate::model::text::Locale;
use crate::storage::documents::save_children;
use crate::ui::context::{use_children, use_locale, use_store};
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;

/// The child profile form: typed once, pre-filled into every form for that child.
#[component]
pub(super) fn AddChild(adding: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let children = use_children();
    let locale = use_locale();
    let draft = RwSignal::new(Child::default());
    let error = RwSignal::new(None::<String>);
    // The form gives way to "Add a child" again, and the focus goes back to that button.
    let close = move || {
        adding.set(false);
        request_animation_frame(|| web::focus_in_place("add-child-button"));
    };
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
        child.id = web::new_id("c");
        let mut all = children.get_untracked();
        all.push(child);
        match save_children(store.as_ref(), &all) {
            Ok(()) => {
                children.set(all);
                close();
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
    view! {
        <form class="add-child" on:submit=save aria-labelledby="add-child-title" novalidate>
            <h3 id="add-child-title">{tr!(add_a_child)}</h3>
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
                    {GRADES.into_iter().map(|v| view! { <option value=v>{move || grade_label(locale.get(), v)}</option> }).collect_view()}
                </select>
            </div>
            {text_input("child-school", |l| tr_in!(l, school), "off", |c| c.school.clone(), |c, v| c.school = v)}
            <p class="field-error" aria-live="polite">{move || error.get()}</p>
            <div class="row-actions">
                <button type="submit">{tr!(save_child)}</button>
                <button type="button" class="secondary" on:click=move |_| close()>{tr!(cancel)}</button>
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
