//! "Find a child or a form": on a device that holds many (a teacher's class, a big family),
//! home's lists narrow to what matches as the person types, accents and case aside.

use crate::ui::translate::tr;
use leptos::prelude::*;

#[component]
pub(super) fn FindBox(query: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="find-box">
            <label for="find">{tr!(find_label)}</label>
            // `value` (the box's default) as well as the live value: WebKit, every iPhone
            // browser's engine, resets a box whose autocomplete is off to its default when Back
            // brings the page from its back-forward cache, and the box must still show the
            // search the list is narrowed by.
            <input id="find" type="search" autocomplete="off" enterkeyhint="search"
                value=move || query.get()
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
    }
}
