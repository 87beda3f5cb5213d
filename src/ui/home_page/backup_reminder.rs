//! A gentle reminder on home to download a backup: the answers live only on this device, so a
//! lost phone or a browser that clears its data would take them along. It comes after a week
//! of use, then at most monthly while there is something new, and "Not now" puts it off.

use crate::storage::backup::{backup_reminder_due, note_time, read_time};
use crate::storage::documents::DocSummary;
use crate::storage::keys;
use crate::ui::context::use_store;
use crate::ui::settings_page::download_backup;
use crate::ui::translate::tr;
use crate::web;
use chrono::Utc;
use leptos::prelude::*;

#[component]
pub(super) fn BackupReminder(
    /// The documents on this device, as home lists them.
    docs: Signal<Vec<DocSummary>>,
) -> impl IntoView {
    let store = use_store();
    let due = {
        let edits: Vec<_> = docs.with_untracked(|d| d.iter().map(|s| s.updated).collect());
        let (store, now) = (store.as_ref(), Utc::now());
        backup_reminder_due(
            &edits,
            read_time(store, keys::LAST_BACKUP),
            read_time(store, keys::BACKUP_REMINDER_DISMISSED),
            now,
        )
    };
    let shown = RwSignal::new(due);
    // After "Download": done, or what went wrong.
    let outcome: RwSignal<Option<Result<(), String>>> = RwSignal::new(None);
    let download = {
        let store = store.clone();
        move |_| {
            let result = download_backup(&store);
            if result.is_ok() {
                // The buttons give way to "done": the focus goes to the page's heading, not
                // to nowhere.
                web::focus_page_heading_next_frame();
            }
            outcome.set(Some(result));
        }
    };
    let not_now = move |_| {
        note_time(store.as_ref(), keys::BACKUP_REMINDER_DISMISSED, Utc::now());
        shown.set(false);
        // The reminder goes with its buttons: the focus goes to the page's heading.
        web::focus_page_heading_next_frame();
    };
    move || {
        shown.get().then(|| {
            let download = download.clone();
            let not_now = not_now.clone();
            view! {
                <div class="banner banner-info backup-reminder" role="status">
                    {move || match outcome.get() {
                        Some(Ok(())) => view! { <p>{tr!(backup_reminder_done)}</p> }.into_any(),
                        failed => {
                            let (download, not_now) = (download.clone(), not_now.clone());
                            view! {
                                <p>{tr!(backup_reminder)}</p>
                                {failed.and_then(Result::err).map(|e| view! { <p class="field-error">{e}</p> })}
                                <div class="row-actions">
                                    <button type="button" on:click=download>{tr!(download_a_backup)}</button>
                                    <button type="button" class="secondary" on:click=not_now>{tr!(not_now)}</button>
                                </div>
                            }
                            .into_any()
                        }
                    }}
                </div>
            }
        })
    }
}
