//! A booklet as HTML: the printed form of a document (and the read-only view of a received one).
//! Every answer is inserted as text, never as HTML, so whatever was typed stays inert.

use leptos::prelude::*;

use crate::export::booklet::{Booklet, Entry};
use crate::web;

#[component]
pub fn BookletView(
    booklet: Booklet,
    /// The ISO date the answers were last edited, for the cover.
    #[prop(into)]
    prepared_on: String,
) -> impl IntoView {
    let l = booklet.locale;
    let made = booklet.cover_note(&prepared_on);
    // Printed pages after the cover carry the form, the child and the page number.
    let (start, of) = booklet.page_footer_parts();
    let footer = web::set_page_footer(&start, of);
    on_cleanup(move || web::clear_page_footer(footer));
    if !booklet.letter.is_empty() {
        // A letter is printed alone, as the person will send it.
        let paragraphs = booklet
            .letter
            .into_iter()
            .map(|p| view! { <p>{p}</p> })
            .collect_view();
        return view! { <div class="booklet booklet-letter" lang=l.tag()>{paragraphs}</div> }
            .into_any();
    }
    let empty = booklet
        .sections
        .is_empty()
        .then(|| view! { <p class="booklet-empty">{booklet.empty_note()}</p> });
    let child = (!booklet.child_name.is_empty())
        .then(|| view! { <p class="booklet-child">{booklet.child_name.clone()}</p> });
    // Answers a damaged file lost are named first, so no one takes them for blanks.
    let mut booklet = booklet;
    let (title, note) = (booklet.missing_title(), booklet.missing_note());
    let missing = std::mem::take(&mut booklet.missing);
    let missing = (!missing.is_empty()).then(|| {
        let questions = missing
            .into_iter()
            .map(|q| view! { <li>{q}</li> })
            .collect_view();
        view! {
            <section class="booklet-missing">
                <h2>{title}</h2>
                <p>{note}</p>
                <ul>{questions}</ul>
            </section>
        }
    });
    // The key answers sit on the cover, so a teacher reads them before turning a page.
    let glance_title = booklet.at_a_glance_title();
    let at_a_glance = booklet.at_a_glance;
    let glance = (!at_a_glance.is_empty()).then(|| {
        let entries = at_a_glance.into_iter().map(entry_view).collect_view();
        view! {
            <section class="booklet-glance">
                <h2>{glance_title}</h2>
                {entries}
            </section>
        }
    });
    let sections = booklet
        .sections
        .into_iter()
        .map(|s| {
            let entries = s.entries.into_iter().map(entry_view).collect_view();
            view! {
                <section class="booklet-section">
                    <h2>{s.title}</h2>
                    {entries}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="booklet" lang=l.tag()>
            <header class="booklet-cover">
                <p class="booklet-kicker">"Family Forms"</p>
                <h1 class="booklet-title">{booklet.form_title}</h1>
                {child}
                <p class="booklet-made">{made}</p>
                {missing}
                {glance}
            </header>
            {empty}
            {sections}
        </div>
    }
    .into_any()
}

fn entry_view(entry: Entry) -> AnyView {
    match entry {
        Entry::Answer { question, answer } => view! {
            <div class="booklet-entry">
                <h3 class="booklet-q">{question}</h3>
                <p class="booklet-a">{answer}</p>
            </div>
        }
        .into_any(),
        Entry::Blank { question, choices, lines } => view! {
            <div class="booklet-entry">
                <h3 class="booklet-q">{question}</h3>
                {(!choices.is_empty()).then(|| view! {
                    <ul class="booklet-choices">{choices.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                })}
                {(0..lines).map(|_| view! { <div class="booklet-line"></div> }).collect_view()}
            </div>
        }
        .into_any(),
        Entry::Table { question, headers, rows } => {
            // Many columns (a contact log has ten): set smaller, so each fits its longest word.
            let class = if headers.len() > 5 { "booklet-table booklet-table-wide" } else { "booklet-table" };
            view! {
            <div class="booklet-entry booklet-table-entry">
                <h3 class="booklet-q">{question}</h3>
                <table class=class>
                    <thead><tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            }
            .into_any()
        }
        Entry::Note { text } => view! { <p class="booklet-note">{text}</p> }.into_any(),
    }
}
