//! The app's own router, in context: the address as a signal, the page it names
//! (`model::route::Route`), and going to another page. It replaces `leptos_router`, which
//! cost 45 KB gzip of wasm for eight fixed pages (see the README's "Speed and size").
//!
//! Links stay plain `<a href>`: a plain click on one to a page of the app is taken here and
//! drawn without loading anything; the browser's back and forward buttons move between pages.
//! Pages read their query values once, when they are drawn (`use_query_value`).

use leptos::ev;
use leptos::prelude::*;

use crate::model::route::{query_value, Route};
use crate::web;

#[derive(Clone, Copy)]
struct RouterCtx {
    address: RwSignal<String>,
    route: Memo<Route>,
    /// Fires when the page must be drawn again though the address is the same (a form back
    /// from the browser's back-forward cache, see `FormEditor`).
    redraw: Trigger,
}

/// Starts the router at the page's address and follows links, back and forward from now on.
pub fn provide_router() {
    let address = RwSignal::new(web::current_address());
    let route = Memo::new(move |_| address.with(|a| Route::parse(a)));
    let redraw = Trigger::new();
    provide_context(RouterCtx {
        address,
        route,
        redraw,
    });
    let links = window_event_listener(ev::click, move |event| {
        if let Some(to) = web::take_app_link_click(&event) {
            Navigate(address).to(&to);
        }
    });
    let history = window_event_listener(ev::popstate, move |_| {
        let before = route.get_untracked();
        address.set(web::current_address());
        // A jump within the page (the skip link's `#main`) fires this too: the browser has
        // put the focus where it belongs, so only another page takes it to its heading.
        if route.get_untracked() != before {
            web::focus_page_heading_next_frame();
        }
    });
    on_cleanup(move || {
        links.remove();
        history.remove();
    });
}

fn router() -> RouterCtx {
    expect_context::<RouterCtx>()
}

/// The page the address names; changes only when the page does, not with its query.
pub fn use_route() -> Memo<Route> {
    router().route
}

/// Fires whenever the page must be drawn again at the same address; tracked by what draws
/// the page (`Pages`), notified by a page that knows it is out of date.
pub fn use_redraw() -> Trigger {
    router().redraw
}

/// The value of `name` in the address's query, as the page is drawn (`?undo=t1`).
pub fn use_query_value(name: &str) -> Option<String> {
    router().address.with_untracked(|a| query_value(a, name))
}

/// Goes to another page of the app, as following a link there would.
#[derive(Clone, Copy)]
pub struct Navigate(RwSignal<String>);

impl Navigate {
    /// Adds `address` to the history and draws its page.
    pub fn to(self, address: &str) {
        web::push_address(address);
        self.0.set(address.to_string());
        // On the frame after the new page is drawn; a page that puts the focus somewhere of
        // its own (an "Undo", a section) does so on a later frame callback, and wins.
        web::focus_page_heading_next_frame();
    }
}

/// A handle for going to another page.
pub fn use_navigate() -> Navigate {
    Navigate(router().address)
}
