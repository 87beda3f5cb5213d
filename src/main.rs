//! Entry point: mounts the app. Everything else lives in the library.
fn main() {
    console_error_panic_hook::set_once();
    // The rest of a split build's code is linked first where it is on the device already
    // (src/web/more_code.rs), so nothing drawn can need it before it is there.
    wasm_bindgen_futures::spawn_local(async {
        family_forms::web::link_more_code().await;
        leptos::mount::mount_to_body(family_forms::ui::app::App);
    });
}
