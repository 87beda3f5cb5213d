//! Several received files opened at once (a teacher with a class's files): each one to read,
//! the refused ones with their reason, and "Save all" for those not saved yet.

use super::keep_received;
use crate::export::letter::questions_named;
use crate::model::child::title_and_name;
use crate::model::dates::format_date;
use crate::model::differences::changes;
use crate::model::route::path;
use crate::storage::documents::{kept_copy_among, list_documents};
use crate::ui::context::{
    use_forms, use_locale, use_opened_files, use_received, use_store, OpenedFile,
};
use crate::ui::open_received::OpenReceived;
use crate::ui::translate::{tr, tr_in, tr_n};
use crate::web;
use leptos::prelude::*;

#[component]
pub(super) fn ReceivedList() -> impl IntoView {
    let locale = use_locale();
    let store = use_store();
    let forms = use_forms();
    let opened = use_opened_files();
    let current = use_received();
    let heading = move || tr_in!(locale.get(), files_you_received, n = opened.with(Vec::len));
    // Also when the person comes back from reading one file, which named the window after it.
    Effect::new(move |_| web::set_page_title(&heading()));
    // What the last "Save all" did: how many were saved, or why it stopped.
    let outcome: RwSignal<Option<Result<usize, String>>> = RwSignal::new(None);
    // For each file not saved here yet: the copy this device keeps of it, if any (its id, and
    // how many answers differ). Those are left out of "Save all": the person reads each one and
    // updates the copy kept, or saves it apart.
    let kept = {
        let store = store.clone();
        Memo::new(move |_| {
            let documents = list_documents(store.as_ref());
            opened.with(|files| {
                files
                    .iter()
                    .map(|file| match file {
                        OpenedFile::Read {
                            received,
                            saved_as: None,
                        } => kept_copy_among(&documents, &received.document).map(|d| {
                            let incoming = received.over(d);
                            let differ = changes(&received.def, &d.answers, &incoming.answers);
                            (d.id.clone(), differ.count())
                        }),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let is_new = move |i: usize| kept.with(|k| k.get(i).is_none_or(Option::is_none));
    let unsaved = move || {
        opened.with(|files| {
            files
                .iter()
                .enumerate()
                .filter(|(i, f)| matches!(f, OpenedFile::Read { saved_as: None, .. }) && is_new(*i))
                .count()
        })
    };
    let save_all = move |_| {
        let l = locale.get_untracked();
        let mut files = opened.get_untracked();
        let mut saved = 0;
        let mut stopped = None;
        for (i, file) in files.iter_mut().enumerate() {
            if let OpenedFile::Read {
                received,
                saved_as: saved_as @ None,
            } = file
            {
                if !is_new(i) {
                    continue;
                }
                match keep_received(&store, forms, received, l) {
                    Ok(id) => {
                        *saved_as = Some(id);
                        saved += 1;
                    }
                    // Full storage, most likely: the rest stay open to save later.
                    Err(message) => {
                        stopped = Some(message);
                        break;
                    }
                }
            }
        }
        opened.set(files);
        outcome.set(Some(stopped.map_or(Ok(saved), Err)));
    };

    let items = move || {
        let l = locale.get();
        opened
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, file)| {
                let name_id = format!("received-{i}-name");
                match file {
                    OpenedFile::Read { received, saved_as } => {
                        let what = title_and_name(received.def.title.get(l), &received.child_name);
                        let when = format_date(&web::local_date_iso(received.document.updated), l);
                        let kept_here = kept.with(|k| k.get(i).cloned().flatten());
                        let left_out = (!received.unreadable.is_empty()).then(|| {
                            let list = questions_named(&received.def, &received.unreadable, l);
                            let n = received.unreadable.len();
                            tr_n!(l, n, received_left_out_one, received_left_out, list = list)
                        });
                        let action = match (saved_as, kept_here) {
                            (Some(id), _) | (None, Some((id, 0))) => {
                                let note = if kept.with(|k| k.get(i).is_some_and(Option::is_some)) {
                                    tr_in!(l, received_kept_same)
                                } else {
                                    tr_in!(l, received_saved)
                                };
                                view! {
                                    <span class="doc-meta">{note}</span>
                                    <a href=path(&["doc", &id]) aria-describedby=name_id.clone()>{tr_in!(l, open_saved)}</a>
                                }
                                .into_any()
                            }
                            (None, kept_here) => {
                                let note = kept_here.map(|(_, n)| {
                                    tr_n!(l, n, received_kept_changes_one, received_kept_changes)
                                });
                                let read = move |_| {
                                    current.set(Some(received.clone()));
                                    request_animation_frame(|| web::focus_by_id("received-title"));
                                };
                                view! {
                                    {note.map(|n| view! { <span class="doc-meta">{n}</span> })}
                                    <button type="button" class="secondary" aria-describedby=name_id.clone() on:click=read>{tr_in!(l, read_it)}</button>
                                }
                                .into_any()
                            }
                        };
                        view! {
                            <li class="doc-item">
                                <span id=name_id.clone()>{what}</span>
                                <span class="doc-meta">{when}</span>
                                // Empty (and not shown) when every answer was read.
                                <p class="field-error">{left_out}</p>
                                <div class="row-actions">{action}</div>
                            </li>
                        }
                        .into_any()
                    }
                    OpenedFile::Refused { file_name, why } => view! {
                        <li class="doc-item received-refused">
                            <span><strong>{file_name}</strong></span>
                            <p class="field-error">{why.message(l)}</p>
                        </li>
                    }
                    .into_any(),
                }
            })
            .collect_view()
    };

    view! {
        <section class="page received-list">
            <h1 id="received-list-title" tabindex="-1">{heading}</h1>
            <p class="help">{tr!(received_files_help)}</p>
            <ul class="doc-list">{items}</ul>
            {move || {
                let n = unsaved();
                (n > 0).then(|| view! {
                    <button type="button" on:click=save_all.clone()>{move || tr_n!(locale.get(), n, save_all_n_one, save_all_n)}</button>
                })
            }}
            <div role="status">
                {move || outcome.get().map(|o| match o {
                    Ok(n) => view! { <p class="banner banner-ok">{move || tr_n!(locale.get(), n, saved_all_n_one, saved_all_n)}</p> }.into_any(),
                    Err(message) => view! { <p class="banner banner-error">{message}</p> }.into_any(),
                })}
            </div>
            <OpenReceived/>
        </section>
    }
}
