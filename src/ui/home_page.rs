//! Home: the children and their documents, the forms to start, adding a form from a file.

use crate::ui::translate::{tr, tr_in};

use leptos::prelude::*;

use crate::model::child::Child;
use crate::model::schema::Audience;
use crate::model::text::search_matches;
use crate::storage::backup::untrash;
use crate::storage::documents::DocSummary;
use crate::storage::documents::{list_summaries, load_children};
use crate::storage::keys;
use crate::ui::context::{
    use_children, use_damaged_count, use_forms, use_locale, use_saves, use_store, SharedStore,
};
use crate::web;

mod add_form_from_file;
mod backup_reminder;
mod child_card;
mod child_form;
mod doc_list;
mod find_box;
mod form_card;
use crate::ui::install_tip::InstallTip;
use add_form_from_file::AddFormFromFile;
use backup_reminder::BackupReminder;
use child_card::{Card, ChildCard};
use child_form::{ChildForm, ChildForms};
use doc_list::DocList;
use find_box::FindBox;
use form_card::FormCard;

/// From how many children and documents together home offers a search.
const FIND_FROM: usize = 8;

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    let forms = use_forms();
    let children = use_children();
    let locale = use_locale();
    let summaries = move |store: &SharedStore| {
        let all = forms.get_untracked();
        list_summaries(store.as_ref(), |id| {
            all.iter().find(|d| d.id == id).cloned()
        })
    };

    let docs = RwSignal::new(summaries(&store));
    Effect::new(move |_| web::set_title("Family Forms"));
    let first_run = move || children.with(Vec::is_empty) && docs.with(Vec::is_empty);
    let child_forms = ChildForms::new();
    // After a delete, the page it came from passes the trash entry so it can be undone here.
    let undo_id = RwSignal::new(crate::ui::router::use_query_value("undo"));
    // After a delete or an undo, the children and documents are read again from the store.
    let refresh_store = store.clone();
    let refresh = move || {
        children.set(load_children(refresh_store.as_ref()));
        docs.set(summaries(&refresh_store));
    };
    // The form just left may save what was typed last after this page was drawn: read the
    // documents again when it does, so home never shows the state before that save.
    let saves = use_saves();
    let seen = saves.get_untracked();
    Effect::new({
        let refresh = refresh.clone();
        move |_| {
            if saves.get() != seen {
                refresh();
            }
        }
    });
    // Another tab's changes (a child added there, a document saved) show up here as they
    // happen. One save writes several entries, so they are read once, just after.
    let refresh_pending = StoredValue::new(false);
    let on_storage = window_event_listener(leptos::ev::storage, {
        let refresh = refresh.clone();
        move |ev| {
            if !keys::changes_home(ev.key().as_deref()) || refresh_pending.get_value() {
                return;
            }
            refresh_pending.set_value(true);
            let refresh = refresh.clone();
            set_timeout(
                move || {
                    // Home may have given way to another page meanwhile.
                    if !refresh_pending.is_disposed() {
                        refresh_pending.set_value(false);
                        refresh();
                    }
                },
                std::time::Duration::from_millis(50),
            );
        }
    });
    on_cleanup(move || on_storage.remove());
    // Why the last delete or undo did not happen (a full device, storage switched off).
    let failed: RwSignal<Option<String>> = RwSignal::new(None);
    let undo_store = store.clone();
    let refresh_after_undo = refresh.clone();
    let undo = move |_| {
        if let Some(id) = undo_id.get_untracked() {
            match untrash(undo_store.as_ref(), &id) {
                Ok(()) => refresh_after_undo(),
                Err(e) => failed.set(Some(e.reason(locale.get_untracked()).to_string())),
            }
        }
        undo_id.set(None);
        // "Undo" goes away: focus goes to the list the child came back to, not to the page.
        web::focus_in_place("children-title");
    };
    // A deleted child and their documents leave the page, and "Undo" can bring them back; the
    // focus, lost with the card, goes to "Undo" once it is drawn. Deleted for good (no room
    // for the trash's copy), they leave with nothing to undo: the focus goes to the list.
    let child_deleted = Callback::new(move |trash_id: Option<String>| {
        failed.set(None);
        refresh();
        let focus = if trash_id.is_some() {
            "home-undo"
        } else {
            "children-title"
        };
        undo_id.set(trash_id);
        request_animation_frame(move || web::focus_in_place(focus));
    });
    // With many children and documents, a search narrows home's lists.
    let query = RwSignal::new(String::new());
    let many = move || children.with(Vec::len) + docs.with(Vec::len) >= FIND_FROM;
    // A child matches by their full name or the name they like.
    let child_named =
        |c: &Child, q: &str| search_matches(&c.name, q) || search_matches(c.display_name(), q);
    // Kept while a search is typed, even if deleting makes the lists short again; a memo, so
    // typing does not draw the box anew (and take the focus from it).
    let show_find = Memo::new(move |_| many() || query.with(|q| !q.is_empty()));
    // A document matches by its form's title and the name typed in it.
    let doc_matches = move |doc: &DocSummary, q: &str, l| {
        let title = forms.with(|f| {
            f.iter()
                .find(|d| d.id == doc.form_id)
                .map(|d| d.title.get(l).to_string())
        });
        search_matches(&title.unwrap_or_default(), q) || search_matches(&doc.child_name, q)
    };
    // Documents of no child (a teacher's received files, kept), and the ids of those the
    // search leaves in: the list is drawn once and a search only hides what it leaves out.
    let loose_docs = move || {
        docs.with(|d| {
            d.iter()
                .filter(|d| d.child_id.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let loose_found = Memo::new(move |_| {
        let (q, l) = (query.get(), locale.get());
        docs.with(|d| {
            d.iter()
                .filter(|d| d.child_id.is_none() && doc_matches(d, &q, l))
                .map(|d| d.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // The ids of the children the search leaves in, by name or by one of their documents:
    // each card reads whether it is among them, and a search only hides the others.
    let found_children = Memo::new(move |_| {
        let (q, l) = (query.get(), locale.get());
        children.with(|c| {
            c.iter()
                .filter(|child| {
                    child_named(child, &q)
                        || docs.with(|d| {
                            d.iter().any(|s| {
                                s.child_id.as_deref() == Some(child.id.as_str())
                                    && doc_matches(s, &q, l)
                            })
                        })
                })
                .map(|child| child.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // Nothing matches the search: say so, rather than an empty page.
    let nothing_found = move || {
        let (q, l) = (query.get(), locale.get());
        (!q.trim().is_empty()
            && found_children.with(Vec::is_empty)
            && loose_found.with(Vec::is_empty))
        .then(|| view! { <p class="help">{tr_in!(l, nothing_matches, query = q.trim().to_string())}</p> })
    };
    // The catalogue's cards for one audience (families' letters apart from their forms), each
    // knowing how many copies the device holds.
    let form_cards = move |audience: Audience, letters: bool| {
        forms
            .get()
            .into_iter()
            .filter(|def| {
                def.audience == audience
                    && (audience == Audience::School || def.writes_letter() == letters)
            })
            .map(|def| {
                let copies = docs.with(|d| d.iter().filter(|s| s.form_id == def.id).count());
                view! { <FormCard def copies/> }
            })
            .collect_view()
    };
    let school_in_use = forms.with_untracked(|f| {
        docs.with_untracked(|d| {
            d.iter().any(|s| {
                f.iter()
                    .any(|def| def.id == s.form_id && def.audience == Audience::School)
            })
        })
    });
    view! {
        <section class="page home">
            <h1>{tr!(family_forms)}</h1>
            {move || undo_id.get().is_some().then(|| view! {
                <div class="banner banner-ok" role="status">
                    <span>{tr!(deleted_banner)}</span>
                    <button type="button" class="secondary" id="home-undo" on:click=undo.clone()>{tr!(undo)}</button>
                </div>
            })}
            {move || failed.get().map(|why| view! {
                <p class="banner banner-error" role="alert" id="home-failed" tabindex="-1">{why}</p>
            })}
            <BackupReminder docs=docs.into()/>
            <InstallTip on_home_once=Signal::derive(move || !first_run())/>
            {(use_damaged_count() > 0).then(|| view! {
                <div class="banner banner-error" role="alert">
                    {tr!(damaged_data_banner)}
                    <a href="/settings">{tr!(damaged_data_see_settings)}</a>
                </div>
            })}
            {move || first_run().then(|| view! {
                <div class="welcome">
                    <p class="lead">{tr!(home_intro)}</p>
                    <p class="lead">{tr!(home_privacy)}</p>
                </div>
            })}

            {move || show_find.get().then(|| view! { <FindBox query/> })}
            <div role="status">{nothing_found}</div>
            <section aria-labelledby="children-title">
                <h2 id="children-title" tabindex="-1">{tr!(your_children)}</h2>
                <p class="help">{tr!(children_help)}</p>
                <ul class="child-cards">
                    // Cards are drawn with plain text in the current language. Keyed by what
                    // each shows, so another tab's change or a new language draws only the
                    // cards that changed and moves the others as they are. A search only hides
                    // the cards it leaves out: typing draws nothing, and a card brought back
                    // by a key rubbed out is the one already drawn.
                    <For
                        each=move || {
                            let l = locale.get();
                            let editing = child_forms.editing.get();
                            // Another tab's change may draw anew the card whose details are
                            // being typed in (its place in the list moved): the focus and the
                            // caret go back to its box.
                            if let Some(place) = web::focused() {
                                request_animation_frame(move || web::refocus(&place));
                            }
                            let forms = forms.get_untracked();
                            let today = web::today_iso();
                            let when = (chrono::Utc::now(), today.as_str());
                            children.get().into_iter().map(|child| {
                                let child_docs = docs.with(|d| d.iter().filter(|d| d.child_id.as_deref() == Some(child.id.as_str())).cloned().collect::<Vec<_>>());
                                let edited = editing.as_deref() == Some(child.id.as_str());
                                Card::new(child, &child_docs, l, edited, &forms, when)
                            }).collect::<Vec<_>>()
                        }
                        key=Card::key
                        children=move |card| {
                            let id = card.child().id.clone();
                            let found = Signal::derive(move || found_children.with(|ids| ids.contains(&id)));
                            view! { <ChildCard card found deleted=child_deleted not_deleted=failed child_forms/> }
                        }
                    />
                </ul>
                {move || if child_forms.adding.get() {
                    view! { <ChildForm forms=child_forms/> }.into_any()
                } else {
                    view! {
                        <button type="button" id="add-child-button" on:click=move |_| child_forms.add()>{tr!(add_a_child)}</button>
                    }.into_any()
                }}
            </section>

            {move || {
                let loose = loose_docs();
                (!loose.is_empty()).then(|| view! {
                    <section aria-labelledby="other-docs-title"
                        hidden=move || loose_found.with(Vec::is_empty)>
                        <h2 id="other-docs-title">{tr!(other_documents)}</h2>
                        <DocList docs=loose l=locale.get() shown=loose_found.into()/>
                    </section>
                })
            }}

            <section aria-labelledby="forms-title">
                <h2 id="forms-title">{tr!(forms)}</h2>
                // These start a form for no child: the parent of a child added here is shown
                // the way that fills the child's details in.
                {move || children.with(|c| !c.is_empty()).then(|| view! { <p class="help">{tr!(forms_from_child_card)}</p> })}
                <ul class="form-cards">{move || form_cards(Audience::Families, false)}</ul>
            </section>
            {move || {
                let any = forms.with(|f| {
                    f.iter().any(|d| d.audience == Audience::Families && d.writes_letter())
                });
                any.then(|| view! {
                    <section aria-labelledby="letters-title">
                        <h2 id="letters-title">{tr!(letters_to_school)}</h2>
                        <p class="help">{tr!(letters_to_school_help)}</p>
                        <ul class="form-cards">{form_cards(Audience::Families, true)}</ul>
                    </section>
                })
            }}
            // Teachers' and case managers' tools, folded away from families unless in use here.
            <details class="school-forms" open=school_in_use>
                <summary><h2 id="school-forms-title">{tr!(forms_for_school)}</h2></summary>
                <p class="help">{tr!(forms_for_school_help)}</p>
                <ul class="form-cards">{move || form_cards(Audience::School, false)}</ul>
            </details>
            <crate::ui::open_received::OpenReceived/>
            <AddFormFromFile/>
        </section>
    }
}
