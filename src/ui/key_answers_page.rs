//! The route `/key-answers/:form_id`: the key answers (allergies, medicines, languages…) of
//! every copy of one form on this device, as one sheet to read or print. For a teacher with a
//! class's "Getting to Know My Child" files, who must see at once what matters most.

use crate::export::booklet::Entry;
use crate::export::class_sheet::class_sheet;
use crate::export::html as markup;
use crate::model::child::title_and_name;
use crate::model::route::path;
use crate::storage::documents::list_documents;
use crate::ui::context::{use_children, use_forms, use_locale, use_store};
use crate::ui::not_found::NotFound;
use crate::ui::translate::{tr, tr_in};
use crate::web;
use leptos::prelude::*;

#[component]
pub fn KeyAnswersPage(form_id: String) -> impl IntoView {
    let Some(def) = use_forms().with_untracked(|f| f.iter().find(|d| d.id == form_id).cloned())
    else {
        return view! { <NotFound/> }.into_any();
    };
    let locale = use_locale();
    let children = use_children();
    let docs = list_documents(use_store().as_ref());
    let title = {
        let def = def.clone();
        move || {
            tr_in!(
                locale.get(),
                key_answers_title,
                form = def.title.get(locale.get())
            )
        }
    };
    let page_title = title.clone();
    Effect::new(move |_| web::set_page_title(&page_title()));
    let sheet = move || {
        let l = locale.get();
        let sheet = children.with(|c| class_sheet(&def, &docs, c, l));
        let count = sheet.len();
        // One parse for the whole class, not the framework's elements one by one.
        let mut cards = String::new();
        for child in sheet {
            let name = if child.name.is_empty() {
                tr_in!(l, no_name_given).to_string()
            } else {
                child.name
            };
            cards.push_str(r#"<li class="key-answers-card"><h2>"#);
            cards.push_str(&markup::escape(&name));
            cards.push_str("</h2>");
            let mut answered = false;
            for entry in child.entries {
                if let Entry::Answer { question, answer } = entry {
                    answered = true;
                    cards.push_str(&format!(
                        r#"<div class="key-answer"><h3 class="booklet-q">{}</h3><p class="booklet-a">{}</p></div>"#,
                        markup::escape(&question),
                        markup::escape(&answer),
                    ));
                }
            }
            if !answered {
                cards.push_str(&format!(
                    r#"<p class="help">{}</p>"#,
                    markup::escape(tr_in!(l, nothing_key_answered))
                ));
            }
            cards.push_str(&format!(
                r#"<a class="screen-only" href="{}" aria-label="{}">{}</a></li>"#,
                markup::escape(&path(&["doc", &child.document_id])),
                markup::escape(&title_and_name(tr_in!(l, open_saved), &name)),
                markup::escape(tr_in!(l, open_saved)),
            ));
        }
        let help = if count == 0 {
            tr_in!(l, key_answers_none).to_string()
        } else {
            tr_in!(l, key_answers_help, n = count)
        };
        view! {
            <p class="help screen-only">{help}</p>
            <ul class="key-answers-list" inner_html=cards></ul>
        }
    };
    view! {
        <section class="page key-answers">
            <h1>{title}</h1>
            <div class="row-actions screen-only">
                <button type="button" on:click=move |_| web::print()>{tr!(print)}</button>
            </div>
            {sheet}
        </section>
    }
    .into_any()
}
