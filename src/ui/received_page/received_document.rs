//! A received document shown as its booklet, read-only, with the ways to print or share it and
//! "Save on this device", which keeps it as a new document here.

use super::keep_received;
use super::kept_copy::KeptCopy;
use crate::export::booklet::{booklet, Mode};
use crate::export::letter::questions_named;
use crate::model::child::{title_and_name, Child};
use crate::model::route::path;
use crate::storage::documents::kept_copy_of;
use crate::ui::booklet_view::BookletView;
use crate::ui::context::{
    use_forms, use_locale, use_opened_files, use_received, use_store, OpenedFile,
};
use crate::ui::export_actions::ExportActions;
use crate::ui::router::use_navigate;
use crate::ui::translate::{tr, tr_in, tr_n};
use crate::web;
use leptos::prelude::*;
use std::sync::Arc;

/// The booklet of `received`, and the ways to print, share or keep it.
#[component]
pub(super) fn ReceivedDocument(
    received: Arc<crate::export::data_file::Received>,
    /// Whether it was opened with other files (then a way back to their list is offered).
    in_list: bool,
) -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let forms = use_forms();
    let opened = use_opened_files();
    let current = use_received();
    let navigate = use_navigate();
    let def = Arc::new(received.def.clone());
    let child = (!received.child_name.is_empty()).then(|| Child {
        preferred_name: received.child_name.clone(),
        ..Child::default()
    });
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // A copy of a document kept here (sent and sent back) can update it instead.
    let kept = kept_copy_of(store.as_ref(), &received.document);
    let has_kept = kept.is_some();
    let save_label = move || {
        let l = locale.get();
        if has_kept {
            tr_in!(l, save_as_separate_document)
        } else {
            tr_in!(l, save_on_this_device)
        }
    };
    let kept_view = kept.map(|kept| view! { <KeptCopy received=received.clone() kept/> });
    // Answers the file held but that could not be read are named, as the teacher knows them.
    let left_out = (!received.unreadable.is_empty()).then(|| {
        let received = received.clone();
        let message = move || {
            let l = locale.get();
            let list = questions_named(&received.def, &received.unreadable, l);
            let n = received.unreadable.len();
            tr_n!(l, n, received_left_out_one, received_left_out, list = list)
        };
        view! { <p class="banner banner-error received-left-out" role="alert">{message}</p> }
    });

    let title = {
        let (def, name) = (def.clone(), received.child_name.clone());
        move || {
            let l = locale.get();
            let what = title_and_name(def.title.get(l), &name);
            tr_in!(l, received_title, what = what)
        }
    };
    let page_title = title.clone();
    Effect::new(move |_| web::set_page_title(&page_title()));

    let booklet_view = {
        let (def, doc, child) = (def.clone(), received.document.clone(), child.clone());
        move || {
            let b = booklet(
                &def,
                &doc.answers,
                child.as_ref(),
                locale.get(),
                Mode::Filled,
            )
            .with_missing(&def, &doc);
            view! { <BookletView booklet=b prepared_on=web::local_date_iso(doc.updated)/> }
        }
    };

    let save = {
        let received = received.clone();
        move |_| match keep_received(&store, forms, &received, locale.get_untracked()) {
            Ok(id) => {
                // Opened with others: the list shows it as saved, so "Save all" skips it.
                opened.update(|files| {
                    for file in files.iter_mut() {
                        if let OpenedFile::Read {
                            received: r,
                            saved_as,
                        } = file
                        {
                            if Arc::ptr_eq(r, &received) {
                                *saved_as = Some(id.clone());
                            }
                        }
                    }
                });
                navigate.to(&path(&["doc", &id]));
                // Coming back, the list shows where this one went, not this one again.
                if in_list {
                    current.set(None);
                }
            }
            Err(message) => error.set(Some(message)),
        }
    };
    // Back to the list of files opened together, where the person was.
    let back = move |_| {
        current.set(None);
        request_animation_frame(|| web::focus_by_id("received-list-title"));
    };

    let snapshot = {
        let doc = received.document.clone();
        Callback::new(move |_: ()| doc.clone())
    };

    view! {
        <article class="received-page">
            {in_list.then(|| view! {
                <button type="button" class="secondary screen-only back-to-list" on:click=back>{tr!(back_to_received_files)}</button>
            })}
            <div class="banner banner-info screen-only" role="status">
                <p class="received-title" id="received-title" tabindex="-1"><strong>{title}</strong></p>
                <p>{move || if has_kept {
                    tr_in!(locale.get(), received_read_only_kept)
                } else {
                    tr_in!(locale.get(), received_read_only)
                }}</p>
                {left_out}
                {kept_view}
                <div class="row-actions">
                    <button type="button" class:secondary=has_kept on:click=save>{save_label}</button>
                </div>
                <div role="alert">{move || error.get().map(|e| view! { <p class="banner banner-error">{e}</p> })}</div>
            </div>
            // On paper goes the copy the export section draws, in the language chosen there.
            <div class="screen-only">{booklet_view}</div>
            <ExportActions def snapshot child blank=false form_source=received.new_form_source.clone()/>
        </article>
    }
}
