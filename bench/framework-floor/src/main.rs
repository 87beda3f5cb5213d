//! A page with one short answer, one long answer and a count that follows them: the least a
//! Leptos form page needs (signals, a memo, events, properties, text), to measure what the
//! framework alone weighs in the benchmark's size line.

use leptos::prelude::*;

#[component]
fn OneQuestion() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let typed = Memo::new(move |_| name.with(String::len) + notes.with(String::len));
    view! {
        <main>
            <h1>"Getting to Know My Child"</h1>
            <label for="name">"My child's full name"</label>
            <input id="name" prop:value=name on:input=move |e| name.set(event_target_value(&e)) />
            <label for="notes">"What my child loves"</label>
            <textarea id="notes" prop:value=notes on:input=move |e| notes.set(event_target_value(&e))></textarea>
            <p>{move || format!("{} characters", typed.get())}</p>
        </main>
    }
}

fn main() {
    mount_to_body(OneQuestion);
}
