//! "A new version is ready — reload": shown when the service worker has a new version waiting.
//! Reloading saves first (the form saves when the page is hidden), so nothing typed is lost.

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::ui::page_state::follow_page_state;
use crate::web;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = follow_page_state(web::UPDATE_READY, web::update_waiting);
    move || {
        ready.get().then(|| {
            view! {
                <div class="banner banner-info update-banner screen-only" role="status">
                    <span>{tr!(update_ready)}</span>
                    <button type="button" class="secondary" on:click=move |_| web::apply_update()>
                        {tr!(reload)}
                    </button>
                </div>
            }
        })
    }
}
