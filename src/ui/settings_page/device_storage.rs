//! Whether the browser keeps our data, how much of its room the data takes, whether the app
//! works with no connection, and installing.

use crate::storage::room::{percent_of_room, room_limit, room_taken, RUNNING_OUT_PERCENT};
use crate::ui::context::{use_locale, use_store};
use crate::ui::install_tip::InstallTip;
use crate::ui::page_state::follow_page_state;
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;

/// Whether the browser keeps our data, how much of its room the data takes, whether the app
/// works with no connection, and installing.
#[component]
pub(super) fn DeviceStorage() -> impl IntoView {
    let locale = use_locale();
    let persisted = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(web::request_persistent_storage().await));
    });
    let persist_text = move || {
        let l = locale.get();
        match persisted.get() {
            None => "",
            Some(Some(true)) => tr_in!(l, storage_kept),
            Some(_) => tr_in!(l, storage_may_clear),
        }
    };
    let offline = follow_page_state(web::OFFLINE_CHANGED, web::offline_state);
    let offline_text = move || {
        let l = locale.get();
        match offline.get() {
            web::Offline::Ready => tr_in!(l, offline_ready),
            web::Offline::GettingReady => tr_in!(l, offline_getting_ready),
            web::Offline::Unavailable => tr_in!(l, offline_unavailable),
        }
    };
    // Counted once, as the page opens: nothing is saved while Settings is open but a restore,
    // which reloads the page's lists anyway.
    let taken = room_taken(use_store().as_ref());
    let limit = room_limit(web::webkit_storage());
    let (percent, versions) = (
        percent_of_room(taken.kept, limit),
        percent_of_room(taken.versions, limit),
    );
    view! {
        <section aria-labelledby="device-title">
            <h2 id="device-title">{tr!(this_device)}</h2>
            <p class="persist-status">{persist_text}</p>
            <p class="usage">
                {move || tr_in!(locale.get(), storage_room, percent = percent)}
                {(versions > 0).then_some(move || {
                    tr_in!(locale.get(), storage_room_versions, percent = versions)
                })}
            </p>
            {(percent >= RUNNING_OUT_PERCENT).then(|| view! {
                <p class="banner banner-error room-running-out" role="alert">{tr!(storage_running_out)}</p>
            })}
            <p class="offline-status">{offline_text}</p>
            <InstallTip/>
        </section>
    }
}
