//! Home: the children and their documents, the forms to start, adding a form from a file.

use crate::ui::translate::tr;

use leptos::prelude::*;

use crate::model::schema::Audience;
use crate::storage::backup::untrash;
use crate::storage::documents::{list_summaries, load_children};
use crate::ui::context::{
    use_children, use_damaged_count, use_forms, use_locale, use_store, SharedStore,
};
use crate::web;

mod add_child;
mod add_form_from_file;
mod backup_reminder;
mod child_card;
mod doc_list;
mod form_card;
use add_child::AddChild;
use add_form_from_file::AddFormFromFile;
use backup_reminder::BackupReminder;
use child_card::ChildCard;
use doc_list::DocList;
use form_card::FormCard;

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
    let adding = RwSignal::new(false);
    // After a delete, the page it came from passes the trash entry so it can be undone here.
    let query = leptos_router::hooks::use_query_map();
    let undo_id = RwSignal::new(query.with_untracked(|q| q.get("undo")));
    // After a delete or an undo, the children and documents are read again from the store.
    let refresh_store = store.clone();
    let refresh = move || {
        children.set(load_children(refresh_store.as_ref()));
        docs.set(summaries(&refresh_store));
    };
    let undo_store = store.clone();
    let refresh_after_undo = refresh.clone();
    let undo = move |_| {
        if let Some(id) = undo_id.get_untracked() {
            if untrash(undo_store.as_ref(), &id).is_ok() {
                refresh_after_undo();
            }
        }
        undo_id.set(None);
        // "Undo" goes away: focus goes to the list the child came back to, not to the page.
        web::focus_in_place("children-title");
    };
    // A deleted child and their documents leave the page, and "Undo" can bring them back; the
    // focus, lost with the card, goes to "Undo" once it is drawn.
    let child_deleted = Callback::new(move |trash_id: String| {
        refresh();
        undo_id.set(Some(trash_id));
        request_animation_frame(|| web::focus_in_place("home-undo"));
    });
    let loose_docs = move || {
        docs.with(|d| {
            d.iter()
                .filter(|d| d.child_id.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    // The catalogue's cards for one audience, each knowing how many copies the device holds.
    let form_cards = move |audience: Audience| {
        forms
            .get()
            .into_iter()
            .filter(|def| def.audience == audience)
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
            <BackupReminder docs=docs.into()/>
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

            <section aria-labelledby="children-title">
                <h2 id="children-title" tabindex="-1">{tr!(your_children)}</h2>
                <p class="help">{tr!(children_help)}</p>
                <ul class="child-cards">
                    // Cards are drawn with plain text in the current language and redrawn when
                    // it changes: far fewer reactive nodes for a family with many documents.
                    {move || {
                        let l = locale.get();
                        children.get().into_iter().map(|child| {
                            let child_docs = docs.with(|d| d.iter().filter(|d| d.child_id.as_deref() == Some(child.id.as_str())).cloned().collect::<Vec<_>>());
                            view! { <ChildCard child docs=child_docs l deleted=child_deleted/> }
                        }).collect_view()
                    }}
                </ul>
                {move || if adding.get() {
                    view! { <AddChild adding/> }.into_any()
                } else {
                    view! {
                        <button type="button" on:click=move |_| adding.set(true)>{tr!(add_a_child)}</button>
                    }.into_any()
                }}
            </section>

            {move || {
                let loose = loose_docs();
                (!loose.is_empty()).then(|| view! {
                    <section aria-labelledby="other-docs-title">
                        <h2 id="other-docs-title">{tr!(other_documents)}</h2>
                        <DocList docs=loose l=locale.get()/>
                    </section>
                })
            }}

            <section aria-labelledby="forms-title">
                <h2 id="forms-title">{tr!(forms)}</h2>
                <ul class="form-cards">{move || form_cards(Audience::Families)}</ul>
            </section>
            // Teachers' and case managers' tools, folded away from families unless in use here.
            <details class="school-forms" open=school_in_use>
                <summary><h2 id="school-forms-title">{tr!(forms_for_school)}</h2></summary>
                <p class="help">{tr!(forms_for_school_help)}</p>
                <ul class="form-cards">{move || form_cards(Audience::School)}</ul>
            </details>
            <crate::ui::open_received::OpenReceived/>
            <AddFormFromFile/>
        </section>
    }
}
