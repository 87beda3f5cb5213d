//! Asks the browser to keep this site's data for good once there is something to keep.
//!
//! Without that, a browser short of space may clear a site's storage (Chrome and Firefox clear
//! whole sites, least used first), and with it a child's forms. `navigator.storage.persist()`
//! asks not to. Chrome answers without asking the person (yes for an installed app or a site
//! used often, so the answer can change from one visit to the next: asked at every start);
//! Firefox asks the person once. So nothing is asked before the person has saved something (a
//! first look around brings no question), nor while a form is open (a question then would come
//! in the middle of typing). Settings says what the browser answered.

use leptos::prelude::*;

use crate::model::route::Route;
use crate::storage::documents::holds_saved_work;
use crate::ui::context::{use_children, use_saves, SharedStore};
use crate::ui::router::use_route;
use crate::web;

/// Once per run of the app, when the device holds a document or a child (at start, or after
/// the first save or the first child added) and no form is open, asks the browser to keep the
/// data, when idle.
pub fn ask_to_keep_data_once_there_is_some(store: &SharedStore) {
    let saves = use_saves();
    let children = use_children();
    let route = use_route();
    let held_at_start = holds_saved_work(store.as_ref());
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if asked.get_value() {
            return;
        }
        let something = held_at_start || saves.get() > 0 || children.with(|c| !c.is_empty());
        let typing = matches!(
            route.get(),
            Route::Document { .. } | Route::NewDocument { .. } | Route::ContinueForm { .. }
        );
        if something && !typing {
            asked.set_value(true);
            web::when_idle(|| {
                leptos::task::spawn_local(async {
                    // What the browser answered is shown in Settings, which asks again to read it.
                    let _ = web::request_persistent_storage().await;
                });
            });
        }
    });
}
