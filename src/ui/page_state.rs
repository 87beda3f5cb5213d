//! What js/installed-app.js finds about the page (a new version waiting, how to install, whether
//! the app works offline) and announces with an event: followed as a signal.

use leptos::prelude::*;

/// `read()` now, and again each time `event` comes on `window`, for as long as the component
/// that asks is on the page.
pub fn follow_page_state<T>(event: &'static str, read: fn() -> T) -> ReadSignal<T>
where
    T: Send + Sync + 'static,
{
    let (state, set_state) = signal(read());
    let listener = window_event_listener_untyped(event, move |_| set_state.set(read()));
    on_cleanup(move || listener.remove());
    state
}
