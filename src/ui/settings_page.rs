//! Settings: this device's storage, backup and restore, the trash, damaged data kept aside,
//! and erasing everything (for a shared device).

use crate::ui::translate::tr;
use leptos::prelude::*;

use crate::web;

mod backup;
mod device_storage;
mod erase_everything;
mod recovered;
mod trash;
pub(crate) use backup::download_backup;
use backup::Backup;
use device_storage::DeviceStorage;
use erase_everything::EraseEverything;
use recovered::Recovered;
use trash::Trash;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = tr!(settings);
    Effect::new(move |_| web::set_page_title(settings()));
    view! {
        <section class="page settings">
            <h1>{tr!(settings)}</h1>
            <DeviceStorage/>
            <Backup/>
            <Trash/>
            <Recovered/>
            <EraseEverything/>
        </section>
    }
}
