//! "Find a child or a form": on a device that holds many (a teacher's class, a big family),
//! home's lists narrow to what matches as the person types, accents and case aside.

use crate::ui::translate::tr;
use leptos::prelude::*;

#[component]
pub(super) fn FindBox(query: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="find-box">
            <label for="find">{tr!(find_label)}</label>
            <input id="find" type="search" autocomplete="off" enterkeyhint="search"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
    }
}
