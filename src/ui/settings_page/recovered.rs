//! Saved data that could not be read, kept aside: offered back as a file, never dropped silently.

use crate::storage::keys;
use crate::ui::context::use_store;
use crate::ui::translate::tr;
use crate::web;
use leptos::prelude::*;

/// Saved data that could not be read, kept aside: offered back as a file, never dropped silently.
#[component]
pub(super) fn Recovered() -> impl IntoView {
    let store = use_store();
    let keys_found = RwSignal::new(
        store
            .keys_with_prefix(keys::RECOVERY_PREFIX)
            .unwrap_or_default(),
    );
    move || {
        (!keys_found.with(Vec::is_empty)).then(|| {
            let store = store.clone();
            view! {
                <section aria-labelledby="recovered-title">
                    <h2 id="recovered-title">{tr!(damaged_data_kept_aside)}</h2>
                    <p class="help">{tr!(damaged_data_help)}</p>
                    <ul class="doc-list">
                        {keys_found.get().into_iter().enumerate().map(|(i, key)| {
                            let store = store.clone();
                            let store2 = store.clone();
                            let k = key.clone();
                            let download = move |_| {
                                if let Some(text) = store.get(&k).ok().flatten() {
                                    let _ = web::download(&format!("family-forms-recovered-{}.txt", i + 1), "text/plain", text.as_bytes());
                                }
                            };
                            let k2 = key.clone();
                            let question = tr!(delete_damaged_question);
                            let remove = move |_| {
                                if web::confirm(question()) && store2.remove(&k2).is_ok() {
                                    keys_found.update(|all| all.retain(|x| *x != k2));
                                }
                            };
                            view! {
                                <li class="doc-item">
                                    <span>{format!("#{}", i + 1)}</span>
                                    <button type="button" class="secondary" on:click=download>{tr!(download)}</button>
                                    <button type="button" class="danger" on:click=remove>{tr!(delete_damaged)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
