//! A booklet as HTML: the printed form of a document (and the read-only view of a received one).
//! Its markup is made by `export::html::booklet_html`, where every answer is escaped, so
//! whatever was typed stays inert; the browser parses it in one step.

use leptos::prelude::*;

use crate::export::booklet::Booklet;
use crate::export::html::{booklet_class, booklet_html};
use crate::web;

#[component]
pub fn BookletView(
    booklet: Booklet,
    /// The ISO date the answers were last edited, for the cover.
    #[prop(into)]
    prepared_on: String,
) -> impl IntoView {
    // Printed pages after the cover carry the form, the child and the page number.
    let (start, of) = booklet.page_footer_parts();
    let footer = web::set_page_footer(&start, of);
    on_cleanup(move || web::clear_page_footer(footer));
    let html = booklet_html(&booklet, &prepared_on);
    view! { <div class=booklet_class(&booklet) lang=booklet.locale.tag() inner_html=html></div> }
}
