//! Offers to install the app where the browser can. Installed, it opens from the home screen,
//! works without a connection, and keeps its data: Chrome keeps an installed app's data when
//! space runs low, and Safari does not erase a Home Screen app's data after 7 days without a
//! visit, as it does a website's. On home once something is saved, with "Not now"; in Settings
//! always: the browser's offer, a word when the app is installed already, or, where the browser
//! makes no offer the page can see (Firefox and others install from their own menu), where to
//! look for it.

use chrono::Utc;
use leptos::prelude::*;

use crate::storage::backup::{install_tip_due, note_time, read_time};
use crate::storage::keys;
use crate::ui::context::use_store;
use crate::ui::page_state::follow_page_state;
use crate::ui::translate::tr;
use crate::web::{self, InstallWay};

/// The offer. Home passes `on_home_once`, whether something is saved; Settings passes nothing.
#[component]
pub fn InstallTip(#[prop(optional, into)] on_home_once: Option<Signal<bool>>) -> impl IntoView {
    let store = use_store();
    let way = follow_page_state(web::INSTALL_CHANGED, web::install_way);
    let dismissed = read_time(store.as_ref(), keys::INSTALL_TIP_DISMISSED);
    let put_off = RwSignal::new(false);
    let not_now = move |_| {
        note_time(store.as_ref(), keys::INSTALL_TIP_DISMISSED, Utc::now());
        put_off.set(true);
        // The tip goes with its buttons: the focus goes to the page's heading.
        web::focus_page_heading_next_frame();
    };
    let shown = move || match on_home_once {
        Some(saved) => {
            !put_off.get()
                && matches!(way.get(), InstallWay::Offered | InstallWay::AddToHomeScreen)
                && install_tip_due(saved.get(), dismissed, Utc::now())
        }
        None => true,
    };
    move || {
        shown().then(|| {
            if way.get() == InstallWay::Unavailable {
                // Only Settings comes here. A hint, not news: no banner, no live region.
                return view! { <p class="help install-tip">{tr!(install_from_menu)}</p> }
                    .into_any();
            }
            let not_now = not_now.clone();
            let text = match way.get() {
                InstallWay::Offered => tr!(install_offer).into_any(),
                InstallWay::AddToHomeScreen => tr!(install_ios).into_any(),
                _ => tr!(installed_here).into_any(),
            };
            let install = (way.get() == InstallWay::Offered).then(|| {
                view! {
                    <button type="button" on:click=|_| web::ask_to_install()>
                        {tr!(install_the_app)}
                    </button>
                }
            });
            let not_now = on_home_once.is_some().then(|| {
                view! {
                    <button type="button" class="secondary" on:click=not_now>{tr!(not_now)}</button>
                }
            });
            let actions = (install.is_some() || not_now.is_some())
                .then(|| view! { <div class="row-actions">{install}{not_now}</div> });
            view! {
                <div class="banner banner-info install-tip" role="status">
                    <p>{text}</p>
                    {actions}
                </div>
            }
            .into_any()
        })
    }
}
