//! One child: their documents and a way to start a form for them.

use super::child_form::{edit_button_id, ChildForm, ChildForms};
use super::doc_list::{doc_list_markup, on_calendar_click, CalendarFile, DocListMarkup};
use crate::export::html as markup;
use crate::model::child::Child;
use crate::model::route::{escape, path};
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::storage::backup::{delete_child_for_good, trash_child};
use crate::storage::documents::DocSummary;
use crate::storage::StorageError;
use crate::ui::context::{use_forms, use_store};
use crate::ui::translate::tr_in;
use crate::web;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// What one child's card shows, made before it is drawn, so home can tell a card that has
/// not changed (`Card::key`) and keep it as it is, with nothing drawn again.
pub(super) struct Card {
    child: Child,
    l: Locale,
    /// The card is the form that changes the child's details.
    edited: bool,
    /// The card's markup (empty while `edited`).
    html: String,
    doc_items: DocListMarkup,
}

impl Card {
    /// The card of `child`, with their documents `docs`, in language `l`, dated by `now` and
    /// `today` (see `doc_list_markup`).
    pub fn new(
        child: Child,
        docs: &[DocSummary],
        l: Locale,
        edited: bool,
        forms: &[Arc<FormDef>],
        (now, today): (DateTime<Utc>, &str),
    ) -> Card {
        let doc_items = doc_list_markup(docs, l, forms, now, today);
        let html = if edited {
            String::new()
        } else {
            card_markup(
                &child,
                (!docs.is_empty()).then_some(doc_items.html.as_str()),
                l,
            )
        };
        Card {
            child,
            l,
            edited,
            html,
            doc_items,
        }
    }

    /// Whose card it is.
    pub fn child(&self) -> &Child {
        &self.child
    }

    /// The same for a card that would not change: the child (all their details, as "Change
    /// details" starts from them, not only what the card shows), whether it is being edited,
    /// its markup (its words, in its language, and its documents) and what its "Add to
    /// calendar" buttons download.
    pub fn key(&self) -> (Child, bool, String, Vec<CalendarFile>) {
        (
            self.child.clone(),
            self.edited,
            self.html.clone(),
            self.doc_items.calendar.clone(),
        )
    }
}

/// One child: their documents and a way to start a form for them. `deleted` hears of the
/// child's deletion, with the trash entry that can bring them back (none when deleted for
/// good), and `not_deleted` is told why, when the device refused it. While `card.edited`, the
/// card is the form that changes the child's details. It is hidden while `found` is false (a
/// search leaves the child out), rather than drawn again when the search brings it back.
#[component]
pub(super) fn ChildCard(
    card: Card,
    found: Signal<bool>,
    deleted: Callback<Option<String>>,
    not_deleted: RwSignal<Option<String>>,
    child_forms: ChildForms,
) -> impl IntoView {
    let Card {
        child,
        l,
        edited,
        html,
        doc_items,
    } = card;
    if edited {
        return view! {
            <li class="child-card" hidden=move || !found.get()><ChildForm forms=child_forms/></li>
        }
        .into_any();
    }
    let forms = use_forms();
    let store = use_store();
    let delete_id = child.id.clone();
    let name = child.display_name().to_string();
    let delete = move || {
        let question = tr_in!(l, delete_child_question);
        if !web::confirm(question) {
            return;
        }
        match trash_child(store.as_ref(), &delete_id, Utc::now()) {
            Ok(entry) => deleted.run(Some(entry.id)),
            // The trash keeps a copy first, and on a full device it does not fit: deleting
            // is how the person makes room, so she may delete for good instead.
            Err(StorageError::Full)
                if web::confirm(&tr_in!(
                    l,
                    delete_child_for_good_question,
                    name = name.clone()
                )) && delete_child_for_good(store.as_ref(), &delete_id).is_ok() =>
            {
                deleted.run(None)
            }
            Err(e) => {
                not_deleted.set(Some(tr_in!(l, child_not_deleted, why = e.reason(l))));
                // Shown at the top of home: the focus takes the person there.
                request_animation_frame(|| web::focus_in_place("home-failed"));
            }
        }
    };
    // The card's one handler: which of its parts was tapped.
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(summary) = web::clicked(&ev, ".start-form > summary") {
            // The list of forms is drawn when "Start a form" is first opened: with fifty
            // children, fifty lists of every form made home slow to draw, for a choice made
            // on one.
            if let Some(details) = summary.parent_element() {
                if details
                    .query_selector(".start-list")
                    .ok()
                    .flatten()
                    .is_none()
                {
                    let list = forms.with_untracked(|f| start_list_markup(f, &child.id, l));
                    web::append_markup(&details, &list);
                }
            }
            return;
        }
        match web::clicked(&ev, "[data-act]")
            .and_then(|b| b.get_attribute("data-act"))
            .as_deref()
        {
            Some("edit") => child_forms.edit(&child),
            Some("delete") => delete(),
            _ => on_calendar_click(&ev, &doc_items.calendar),
        }
    };
    view! { <li class="child-card" hidden=move || !found.get() inner_html=html on:click=on_click></li> }
        .into_any()
}

/// A child's card as markup (see `ui::markup`), in language `l`: their name, their documents
/// (`doc_items`, the list's items; none when they have none yet), a folded "Start a form"
/// whose list is drawn when opened, and the buttons that change or delete them. The buttons
/// are described by the name above them, so a screen reader says whose, and every one has an
/// id, so the focus goes back to it when the card is drawn anew under it (`web::refocus`).
fn card_markup(child: &Child, doc_items: Option<&str>, l: Locale) -> String {
    // Escaped for an address first: an id from an edited backup may hold a space, which would
    // split the `aria-describedby` reference.
    let id = escape(&child.id);
    let heading_id = markup::escape(&format!("child-{id}-name"));
    let name = child.display_name();
    let docs = match doc_items {
        Some(items) => format!(r#"<ul class="doc-list">{items}</ul>"#),
        None => format!(
            r#"<p class="help">{}</p>"#,
            markup::escape(tr_in!(l, no_forms_yet))
        ),
    };
    format!(
        concat!(
            r#"<h3 id="{heading_id}">{name}</h3>{docs}"#,
            r#"<details class="start-form"><summary id="{start_id}">{start}</summary></details>"#,
            r#"<div class="child-actions">"#,
            r#"<button type="button" class="secondary" id="{edit_id}" aria-describedby="{heading_id}" data-act="edit">{change}</button>"#,
            r#"<button type="button" class="danger delete-child" id="{delete_id}" aria-describedby="{heading_id}" data-act="delete">{delete}</button>"#,
            "</div>"
        ),
        heading_id = heading_id,
        name = markup::escape(name),
        docs = docs,
        start_id = markup::escape(&format!("child-{id}-start")),
        start = markup::escape(&tr_in!(l, start_a_form_for, name = name.to_string())),
        edit_id = markup::escape(&edit_button_id(&child.id)),
        change = markup::escape(tr_in!(l, change_details)),
        delete_id = markup::escape(&format!("child-{id}-delete")),
        delete = markup::escape(tr_in!(l, delete_child)),
    )
}

/// The list of forms under a card's "Start a form", as markup: each starts that form for the
/// child `child_id`.
fn start_list_markup(forms: &[Arc<FormDef>], child_id: &str, l: Locale) -> String {
    let mut html = String::from(r#"<ul class="start-list">"#);
    for f in forms {
        html.push_str(&format!(
            r#"<li><a href="{}">{}</a></li>"#,
            markup::escape(&path(&["new", &f.id, child_id])),
            markup::escape(f.title.get(l))
        ));
    }
    html.push_str("</ul>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile_child() -> Child {
        Child {
            id: "a b\"><script>".into(),
            name: r#"<img src=x onerror="alert(1)"> Núñez & Co"#.into(),
            ..Child::default()
        }
    }

    #[test]
    fn a_name_or_id_out_of_a_file_stays_text_in_the_card() {
        let html = card_markup(&hostile_child(), None, Locale::Es);
        assert!(
            !html.contains("<img") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.contains("<h3 id=\"child-a%20b%22%3E%3Cscript%3E-name\">&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Núñez &amp; Co</h3>"), "{html}");
        // The buttons say whose they are through the heading's id, which has no space.
        assert_eq!(
            html.matches("aria-describedby=\"child-a%20b%22%3E%3Cscript%3E-name\"")
                .count(),
            2
        );
        assert!(
            html.contains("<p class=\"help\">Todavía no hay formularios.</p>"),
            "{html}"
        );
        let list = start_list_markup(crate::forms::builtin(), &hostile_child().id, Locale::Es);
        assert!(!list.contains("<script"), "{list}");
        assert!(
            list.contains("href=\"/new/getting-to-know-my-child/a%20b%22%3E%3Cscript%3E\""),
            "{list}"
        );
        assert_eq!(list.matches("<li>").count(), crate::forms::builtin().len());
    }

    #[test]
    fn a_card_says_its_words_in_the_language_given() {
        let child = Child {
            id: "c1".into(),
            name: "Leo Ruiz".into(),
            preferred_name: "Leo".into(),
            ..Child::default()
        };
        let en = card_markup(&child, Some("<li>doc</li>"), Locale::En);
        assert!(
            en.contains(">Leo</h3><ul class=\"doc-list\"><li>doc</li></ul>"),
            "{en}"
        );
        assert!(
            en.contains(">Change details</button>") && en.contains(">Delete child</button>"),
            "{en}"
        );
        assert!(
            en.contains("<summary id=\"child-c1-start\">Start a form for Leo</summary>"),
            "{en}"
        );
        let es = card_markup(&child, None, Locale::Es);
        assert!(
            es.contains(">Cambiar datos</button>") && es.contains(">Eliminar</button>"),
            "{es}"
        );
        assert!(
            es.contains(">Empezar un formulario para Leo</summary>"),
            "{es}"
        );
    }

    #[test]
    fn a_card_is_drawn_again_when_any_detail_of_the_child_changes() {
        let child = Child {
            id: "c1".into(),
            name: "Leo Ruiz".into(),
            school: "Barnard".into(),
            ..Child::default()
        };
        let forms = crate::forms::builtin();
        let when = (Utc::now(), "2026-12-02");
        let card =
            |c: &Child, edited| Card::new(c.clone(), &[], Locale::En, edited, forms, when).key();
        assert_eq!(card(&child, false), card(&child, false));
        // The school is not on the card, but "Change details" starts from it.
        let moved = Child {
            school: "Hooker".into(),
            ..child.clone()
        };
        assert_ne!(card(&child, false), card(&moved, false));
        assert_ne!(card(&child, false), card(&child, true));
        assert_ne!(
            card(&child, false),
            Card::new(child.clone(), &[], Locale::Es, false, forms, when).key()
        );
    }
}
