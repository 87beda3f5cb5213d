//! "Find a child or a form": on a device that holds many (a teacher's class, a big family),
//! home's lists narrow to what matches as the person types, accents and case aside.

use crate::ui::translate::tr;
use crate::web;
use leptos::prelude::*;

/// The box, and `query`, which home's lists follow. The lists follow the box just after the
/// letter typed is on the screen, not inside the key: a key that brings many cards back has
/// the browser lay them all out, and done inside the key's own input event (which the browser
/// then lays out before it ends the key) the letter waited that long to show. Keys typed before
/// the lists have caught up are taken together.
#[component]
pub(super) fn FindBox(query: RwSignal<String>) -> impl IntoView {
    // What the box shows, as typed.
    let typed = RwSignal::new(query.get_untracked());
    let catching_up = StoredValue::new(false);
    let on_input = move |ev| {
        typed.set(event_target_value(&ev));
        if catching_up.get_value() {
            return;
        }
        catching_up.set_value(true);
        // A frame's callback runs before its paint; a task queued from it, after.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Home may have given way to another page meanwhile.
                    if catching_up.is_disposed() {
                        return;
                    }
                    catching_up.set_value(false);
                    if let Some(text) = typed.try_get_untracked() {
                        web::mark("ff-search-applied");
                        query.try_set(text);
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    };
    view! {
        <div class="find-box">
            <label for="find">{tr!(find_label)}</label>
            // `value` (the box's default) as well as the live value: WebKit, every iPhone
            // browser's engine, resets a box whose autocomplete is off to its default when Back
            // brings the page from its back-forward cache, and the box must still show the
            // search the list is narrowed by.
            <input id="find" type="search" autocomplete="off" enterkeyhint="search"
                value=move || typed.get()
                prop:value=move || typed.get()
                on:input=on_input/>
        </div>
    }
}
