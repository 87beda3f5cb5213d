//! Whether the browser keeps our data, and how much room it takes.

use crate::ui::context::use_locale;
use crate::ui::install_tip::InstallTip;
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;

/// Whether the browser keeps our data, and how much room it takes.
#[component]
pub(super) fn DeviceStorage() -> impl IntoView {
    let locale = use_locale();
    let persisted = RwSignal::new(None::<Option<bool>>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(web::request_persistent_storage().await));
        usage.set(web::storage_estimate().await);
    });
    let persist_text = move || {
        let l = locale.get();
        match persisted.get() {
            None => "",
            Some(Some(true)) => tr_in!(l, storage_kept),
            Some(_) => tr_in!(l, storage_may_clear),
        }
    };
    let usage_text = move || {
        usage.get().map(|(used, quota)| {
            let l = locale.get();
            let (used, quota) = (l.storage_size(used), l.storage_size(quota));
            tr_in!(l, storage_usage, used = used, quota = quota)
        })
    };
    view! {
        <section aria-labelledby="device-title">
            <h2 id="device-title">{tr!(this_device)}</h2>
            <p class="persist-status">{persist_text}</p>
            <p class="usage">{usage_text}</p>
            <InstallTip/>
        </section>
    }
}
