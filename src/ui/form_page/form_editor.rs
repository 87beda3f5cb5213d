//! The form with its answers: one section at a time, saving every change, with progress,
//! problems, "Check my form" and the ways to print or share.

use super::drawing_in_batches::{batches, draw_rest_after_paint};
use super::whose_form::WhoseForm;
use crate::export::letter::questions_named;
use crate::model::child::refill_for_child;
use crate::model::document::{lost_questions, restore, to_saved, Document};
use crate::model::logic::{is_section_visible, is_visible_in, shown_section_index};
use crate::model::progress::progress;
use crate::model::route::path;
use crate::model::schema::{Field, FormDef};
use crate::model::time::relative_time;
use crate::model::validate::{validate, ProblemKind};
use crate::model::values::Answer;
use crate::storage::backup::{delete_document_for_good, history, remember_version, trash_document};
use crate::storage::documents::{
    duplicate_document, last_section, open_document, remember_section, save_document, Loaded,
    SaveError, Saved,
};
use crate::storage::keys;
use crate::storage::StorageError;
use crate::ui::check_panel::CheckPanel;
use crate::ui::context::{use_children, use_locale, use_saves, use_store};
use crate::ui::export_actions::ExportActions;
use crate::ui::field::{localized, FieldCtx, ShownProblem};
use crate::ui::fields::FieldView;
use crate::ui::not_found::NotFound;
use crate::ui::progress_bar::ProgressBar;
use crate::ui::router::{use_navigate, use_redraw};
use crate::ui::section_nav::{SectionList, SectionSteps};
use crate::ui::translate::{tr, tr_in, tr_n};
use chrono::Utc;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

/// Whether the last save worked.
#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    Unchanged,
    Saved,
    Failed(StorageError),
}

/// The form with its answers, saving every change.
#[component]
pub fn FormEditor(
    def: Arc<FormDef>,
    doc_id: String,
    /// A document just created and saved, so it need not be read back from storage.
    #[prop(optional)]
    created: Option<Document>,
) -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let loaded = match created {
        Some(document) => Some(Loaded {
            document,
            problem: None,
            read_only: false,
            unreadable: Vec::new(),
        }),
        None => open_document(store.as_ref(), &doc_id, &def, Utc::now()),
    };
    let Some(loaded) = loaded else {
        return view! { <NotFound/> }.into_any();
    };
    let notice = loaded.problem.clone();
    let unreadable = loaded.unreadable.clone();
    let read_only = loaded.read_only;
    let document = StoredValue::new(loaded.document);
    let answers = RwSignal::new(document.with_value(|d| d.answers.clone()));
    // The child the document is for, which this page can change (see `WhoseForm`).
    let child_id = RwSignal::new(document.with_value(|d| d.child_id.clone()));
    let save_state = RwSignal::new(SaveState::Unchanged);
    // Set once a save found the device full and removed older versions to make room: said
    // with every later "Saved", as the device is nearly full.
    let made_room = RwSignal::new(false);
    let conflict = RwSignal::new(false);
    // Set while answers arrive from another tab, so they are shown without being saved back.
    let remote = StoredValue::new(false);

    // Autosave: the first change starts a 300 ms timer and everything typed until it fires is
    // saved together, so typing stays fast; hiding or leaving the page saves at once.
    let dirty = StoredValue::new(false);
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let (duplicate_store, delete_store, history_store, place_store) =
        (store.clone(), store.clone(), store.clone(), store.clone());
    let saves = use_saves();
    let flush = Callback::new(move |_: ()| {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if read_only || !dirty.try_get_value().unwrap_or(false) {
            return;
        }
        let Some(current) = answers.try_get_untracked() else {
            return;
        };
        dirty.set_value(false);
        crate::web::start_measure("ff-save");
        let now = Utc::now();
        let result = document.try_update_value(|doc| {
            doc.answers = current;
            match save_document(store.as_ref(), doc, now) {
                // Another tab saved this document since we loaded it: keep both. Ours
                // becomes a copy, and this page goes on editing the copy.
                Err(SaveError::Conflict(_)) => {
                    let copy_id = crate::web::new_id("d");
                    let mut copy = duplicate_document(store.as_ref(), doc, &copy_id, now)
                        .map_err(SaveError::Storage)?;
                    let saved = save_document(store.as_ref(), &mut copy, now)?;
                    *doc = copy;
                    crate::web::replace_url(&path(&["doc", &copy_id]));
                    conflict.set(true);
                    Ok(saved)
                }
                other => other,
            }
        });
        // Read by the benchmark: the save work (serialize, check, write) per flush.
        crate::web::end_measure("ff-save");
        if let Some(result) = result {
            save_state.try_set(match result {
                Err(SaveError::Storage(e)) => {
                    // Still unsaved: the next change (or leaving) tries again.
                    dirty.set_value(true);
                    SaveState::Failed(e)
                }
                Err(SaveError::Conflict(_)) => {
                    SaveState::Failed(StorageError::Other("conflict".into()))
                }
                Ok(saved) => {
                    saves.try_update(|n| *n += 1);
                    if saved == Saved::AfterMakingRoom {
                        made_room.set(true);
                    }
                    SaveState::Saved
                }
            });
        }
    });
    Effect::new(move |first_run: Option<()>| {
        answers.track();
        if first_run.is_none() || remote.try_update_value(std::mem::take).unwrap_or(false) {
            return;
        }
        dirty.set_value(true);
        if timer.with_value(Option::is_none) {
            let handle = set_timeout_with_handle(
                move || {
                    timer.set_value(None);
                    flush.run(());
                },
                Duration::from_millis(300),
            );
            timer.set_value(handle.ok());
        }
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush.run(()));
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| flush.run(()));
    // Back to this page from the browser's back-forward cache (after leaving the app in the
    // same tab) shows it as it was left, frozen: WebKit, every iPhone browser's engine, has
    // emptied its text boxes whose autocomplete is off, and another tab may have saved since.
    // Leaving saved everything, so the page is drawn again from what is saved. Not while a
    // save has failed (a full device): then the answers are only here, and they stay.
    let redraw = use_redraw();
    let on_shown = window_event_listener(leptos::ev::pageshow, move |event| {
        if event.persisted() && !read_only && !dirty.get_value() {
            redraw.notify();
            // The box that had the focus went with the old drawing: start at the heading, as
            // after Back within the app.
            crate::web::focus_page_heading_next_frame();
        }
    });
    // Edits saved in another tab show up here, unless this tab has unsaved edits of its own
    // (then the next save finds the conflict and keeps both).
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        let ours = document.with_value(|d| keys::document(&d.id));
        if ev.key().as_deref() != Some(ours.as_str()) || dirty.get_value() {
            return;
        }
        let Some(theirs) = ev.new_value().and_then(|src| restore(&src).ok()) else {
            return;
        };
        if theirs.revision > document.with_value(|d| d.revision) {
            remote.set_value(true);
            answers.set(theirs.answers.clone());
            child_id.set(theirs.child_id.clone());
            document.set_value(theirs);
        }
    });
    on_cleanup(move || {
        flush.run(());
        on_hide.remove();
        on_hidden.remove();
        on_shown.remove();
        on_storage.remove();
    });

    let def_for_history = def.clone();
    let title = localized(def.title.clone());
    let page_title = title.clone();
    Effect::new(move |_| crate::web::set_page_title(&page_title()));

    let problems = {
        let def = def.clone();
        // Read once: a form left open past midnight keeps the day it was opened.
        let today = crate::web::today_iso();
        Memo::new(move |_| answers.with(|a| validate(&def, a, &today)))
    };
    let checked = RwSignal::new(false);
    let touched: RwSignal<HashSet<String>> = RwSignal::new(HashSet::new());
    let progress_all = {
        let def = def.clone();
        Memo::new(move |_| answers.with(|a| progress(&def, a)))
    };
    let overall = Signal::derive(move || progress_all.with(|p| p.1));
    let per_section = Signal::derive(move || progress_all.with(|p| p.0.clone()));
    let visible_sections = {
        let def = def.clone();
        Memo::new(move |_| {
            answers.with(|a| {
                def.sections
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| is_section_visible(&def, a, s))
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    };
    // A document reopens at the section it was left at, so a long form can be filled over
    // several sittings without paging back to where one stopped.
    let current = RwSignal::new(
        last_section(place_store.as_ref(), &doc_id)
            .and_then(|id| answers.with_untracked(|a| shown_section_index(&def, a, &id)))
            .unwrap_or(0),
    );
    {
        let def = def.clone();
        Effect::new(move |previous: Option<usize>| {
            let index = current.get();
            if previous.is_some_and(|p| p != index) {
                if let Some(section) = def.sections.get(index) {
                    let id = document.with_value(|d| d.id.clone());
                    remember_section(place_store.as_ref(), &id, &section.id);
                }
            }
            index
        });
    }

    let field_ctx = {
        let def = def.clone();
        move |field: &Field| -> FieldCtx {
            let id = field.id.clone();
            let value = {
                let id = id.clone();
                Memo::new(move |_| answers.with(|a| a.get(&id).cloned()))
            };
            let set = {
                let id = id.clone();
                Callback::new(move |answer: Answer| {
                    // Unsaved from this moment, before any effect runs: a save arriving from
                    // another tab must not replace what is being typed here.
                    dirty.set_value(true);
                    answers.update(|a| a.set(id.clone(), answer))
                })
            };
            let shown = {
                let id = id.clone();
                Signal::derive(move || {
                    let show_all = checked.get();
                    let seen = show_all || touched.with(|t| t.contains(&id));
                    let l = locale.get();
                    problems.with(|ps| {
                        ps.iter()
                            .filter(|p| p.place.field == id)
                            // "Required" waits for "Check my form"; a wrong format shows once
                            // the person has left the field.
                            .filter(|p| show_all || (seen && p.kind != ProblemKind::Required))
                            .map(|p| (p.place.cell.clone(), p.kind.message(l)))
                            .collect::<Vec<ShownProblem>>()
                    })
                })
            };
            let touch = Callback::new(move |_| {
                if !touched.with_untracked(|t| t.contains(&id)) {
                    touched.update(|t| {
                        t.insert(id.clone());
                    });
                }
            });
            FieldCtx {
                field: Arc::new(field.clone()),
                dom_id: format!("f-{}", field.id),
                value: value.into(),
                set,
                problems: shown,
                touch,
                def: def.clone(),
                answers: answers.into(),
            }
        }
    };

    let section_view = {
        let def = def.clone();
        move || {
            let index = current.get();
            let Some(section) = def.sections.get(index) else {
                return ().into_any();
            };
            let title = localized(section.title.clone());
            let intro = section.intro.clone().map(|t| {
                let t = localized(t);
                view! { <p class="section-intro">{t}</p> }
            });
            // A long section is drawn a batch of fields at a time, so its first questions show
            // and take typing at once while the rest follow; "Check my form" draws them all
            // so it can jump to any of them.
            let batches = batches(section.fields.len());
            let drawn = RwSignal::new(1usize);
            if batches.len() > 1 {
                draw_rest_after_paint(drawn, batches.len());
            }
            let field_view = {
                let (def, field_ctx) = (def.clone(), field_ctx.clone());
                move |field: &Field| {
                    let ctx = field_ctx(field);
                    // Only a field with a condition needs watching; the section's own
                    // condition is handled by the section list.
                    let visible = field.visible_when.as_ref().map(|_| {
                        let (def, field) = (def.clone(), field.clone());
                        Memo::new(move |_| {
                            answers.with(|a| is_visible_in(&def, a, &def.sections[index], &field))
                        })
                    });
                    move || {
                        visible
                            .is_none_or(|v| v.get())
                            .then(|| view! { <FieldView ctx=ctx.clone()/> })
                    }
                }
            };
            let fields = batches
                .into_iter()
                .enumerate()
                .map(|(i, range)| {
                    let shown = Memo::new(move |_| i < drawn.get() || checked.get());
                    let (def, field_view) = (def.clone(), field_view.clone());
                    move || {
                        shown.get().then(|| {
                            def.sections[index].fields[range.clone()]
                                .iter()
                                .map(&field_view)
                                .collect_view()
                        })
                    }
                })
                .collect_view();
            view! {
                <section class="form-section" aria-labelledby="section-title">
                    <h2 id="section-title" tabindex="-1">{title}</h2>
                    {intro}
                    {fields}
                </section>
            }
            .into_any()
        }
    };

    let intro = def.intro.clone().map(|t| {
        let t = localized(t);
        view! { <p class="form-intro">{t}</p> }
    });
    // Just updated from a received file (`?updated=N`, see the received page): said once, and
    // the address loses the query so a reload does not say it again.
    let updated_from_file =
        crate::ui::router::use_query_value("updated").and_then(|n| n.parse::<usize>().ok());
    if updated_from_file.is_some() {
        crate::web::replace_url(&path(&["doc", &doc_id]));
    }
    let updated_view = updated_from_file.map(|n| {
        view! {
            <div class="banner banner-ok" role="status">
                {move || tr_n!(locale.get(), n, updated_from_file_one, updated_from_file)}
            </div>
        }
    });
    // Named by the notice above when it was just opened from a damaged save (see below).
    let opened_damaged = !unreadable.is_empty();
    let left_out_def = def.clone();
    let notice_view = notice.map(|e| {
        // Opened with what could be read: the questions left out are named, as the person
        // knows them, so she knows what to type again.
        let message = move || {
            let l = locale.get();
            if unreadable.is_empty() {
                return e.message(l);
            }
            let list = questions_named(&left_out_def, &unreadable, l);
            tr_n!(
                l,
                unreadable.len(),
                answers_left_out_one,
                answers_left_out,
                list = list
            )
        };
        view! {
            <div class="banner banner-error" role="alert">{message}</div>
        }
    });
    // Answers lost on the way (a damaged file this was saved from) are named until given
    // again, as every copy names them.
    let any_missing = document.with_value(|d| !d.missing.is_empty());
    let missing_def = def.clone();
    let missing_notice = move || {
        // As copies name them. (A save forgets one answered since: cleared again, it is not.)
        let still: Vec<String> = answers.with(|a| {
            document.with_value(|d| {
                let lost = lost_questions(&missing_def, a, &d.missing);
                lost.iter().map(|f| f.id.clone()).collect()
            })
        });
        (!still.is_empty()).then(|| {
            let l = locale.get();
            let list = questions_named(&missing_def, &still, l);
            let n = still.len();
            // A letter prints the letter alone, written without them (a blank where one was
            // required): no copy names them, so it says what the letter does instead.
            let text = if missing_def.writes_letter() {
                tr_n!(
                    l,
                    n,
                    missing_letter_answers_one,
                    missing_letter_answers,
                    list = list
                )
            } else {
                tr_n!(l, n, missing_answers_one, missing_answers, list = list)
            };
            // The first of them is a tap away, wherever in the form it is.
            let section = missing_def.section_of(&still[0]);
            let go = move |_| {
                if let Some(index) = section {
                    current.set(index);
                }
                let id = format!("f-{}", still[0]);
                crate::web::focus_by_id_next_frame(&id);
            };
            let go_label = if n == 1 {
                tr_in!(l, go_to_lost_question)
            } else {
                tr_in!(l, go_to_first_lost)
            };
            view! {
                <div class="banner banner-info form-missing" role="status">
                    <p>{text}</p>
                    <button type="button" class="link" on:click=go>{go_label}</button>
                </div>
            }
        })
    };
    let missing_view = (!opened_damaged && any_missing).then_some(missing_notice);
    let status = move || match save_state.get() {
        SaveState::Unchanged if read_only => tr_in!(locale.get(), status_read_only).to_string(),
        SaveState::Unchanged => String::new(),
        SaveState::Saved if made_room.get() => {
            tr_in!(locale.get(), status_saved_made_room).to_string()
        }
        SaveState::Saved => tr_in!(locale.get(), status_saved).to_string(),
        SaveState::Failed(e) => e.message(locale.get()),
    };
    let failed = move || matches!(save_state.get(), SaveState::Failed(_));
    let slug_title = def.title.clone();
    let download_copy = move |_| {
        let Some(mut doc) = document.try_get_value() else {
            return;
        };
        doc.answers = answers.get_untracked();
        let name = format!(
            "{}-{}.json",
            crate::export::file_slug(slug_title.get(locale.get_untracked())),
            crate::web::today_iso()
        );
        let _ = crate::web::download(&name, "application/json", to_saved(&doc).as_bytes());
    };
    let navigate = use_navigate();
    let duplicate = move |_| {
        flush.run(());
        let Some(doc) = document.try_get_value() else {
            return;
        };
        let id = crate::web::new_id("d");
        match duplicate_document(duplicate_store.as_ref(), &doc, &id, Utc::now()) {
            Ok(_) => navigate.to(&path(&["doc", &id])),
            Err(e) => save_state.set(SaveState::Failed(e)),
        }
    };
    let navigate = use_navigate();
    // Made once with the page rather than on every tap.
    let delete_question = tr!(delete_form_question);
    let delete = move |_| {
        if !crate::web::confirm(delete_question()) {
            return;
        }
        flush.run(());
        let Some(id) = document.try_with_value(|d| d.id.clone()) else {
            return;
        };
        // Gone: leaving the page must not save it again (answers a full device refused are
        // still waiting to be saved).
        match trash_document(delete_store.as_ref(), &id, Utc::now()) {
            Ok(entry) => {
                dirty.set_value(false);
                navigate.to(&format!("/?undo={}", entry.id))
            }
            // No room for the trash's copy: deleting is how the person makes room, so she may
            // delete for good instead.
            Err(StorageError::Full)
                if crate::web::confirm(tr_in!(
                    locale.get_untracked(),
                    delete_document_for_good_question
                )) && delete_document_for_good(delete_store.as_ref(), &id).is_ok() =>
            {
                dirty.set_value(false);
                navigate.to("/")
            }
            Err(e) => save_state.set(SaveState::Failed(e)),
        }
    };
    let show_history = RwSignal::new(false);
    // Set by "Restore this version": the list closes, so the page says what happened and the
    // focus goes back to the button that opened it.
    let restored = RwSignal::new(false);
    let history_view = move || {
        show_history.get().then(|| {
            let id = document.with_value(|d| d.id.clone());
            let versions = history(history_store.as_ref(), &id);
            let store = history_store.clone();
            let def = def_for_history.clone();
            let now = Utc::now();
            view! {
                <section class="history" aria-labelledby="history-title">
                    <h2 id="history-title">{tr!(earlier_versions)}</h2>
                    {versions.is_empty().then(|| view! {
                        <p class="help">{tr!(no_earlier_versions)}</p>
                    })}
                    <ul class="doc-list">
                        {versions.into_iter().map(|v| {
                            let store = store.clone();
                            let answered = progress(&def, &v.answers).1.answered;
                            let saved = v.saved;
                            let restore_version = move |_| {
                                if let Some(mut current) = document.try_get_value() {
                                    current.answers = answers.get_untracked();
                                    // The version being replaced is kept too, so a restore can be undone.
                                    remember_version(store.as_ref(), &current, true);
                                }
                                dirty.set_value(true);
                                answers.set(v.answers.clone());
                                show_history.set(false);
                                restored.set(true);
                                request_animation_frame(|| crate::web::focus_in_place("history-button"));
                            };
                            view! {
                                <li class="doc-item">
                                    <span>{move || relative_time(saved, now, locale.get())}</span>
                                    <span class="doc-meta">{move || tr_n!(locale.get(), answered, n_answered_one, n_answered)}</span>
                                    <button type="button" class="secondary" on:click=restore_version>{tr!(restore_this_version)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    let conflict_view = move || {
        conflict.get().then(|| {
            view! {
                <div class="banner banner-error" role="alert">{tr!(changed_elsewhere)}</div>
            }
        })
    };

    let export_def = def.clone();
    // The child the document is for: it can be given to one here (begun from the list of
    // forms before the child was added), and the copies then carry that child's name.
    let children = use_children();
    let child = Signal::derive(move || {
        let id = child_id.get()?;
        children.with(|c| c.iter().find(|c| c.id == id).cloned())
    });
    let assign_def = def.clone();
    let assign = Callback::new(move |id: Option<String>| {
        if let Some(profile) = id
            .as_ref()
            .and_then(|id| children.with_untracked(|c| c.iter().find(|c| &c.id == id).cloned()))
        {
            // What the former child's profile filled in moves to this one's; typing stays.
            let before = child.get_untracked();
            answers.update(|a| refill_for_child(&assign_def, before.as_ref(), &profile, a));
        }
        document.update_value(|d| d.child_id = id.clone());
        child_id.set(id);
        // Saved at once, as an answer would be on leaving the page.
        dirty.set_value(true);
        flush.run(());
    });
    let snapshot = Callback::new(move |_: ()| {
        let mut doc = document.get_value();
        doc.answers = answers.get_untracked();
        doc
    });

    view! {
        <article class="form-page">
          <div class="screen-only">
            <header class="form-head">
                <h1>{title}</h1>
                {intro}
                {notice_view}
                {missing_view}
                {updated_view}
                {conflict_view}
                <ProgressBar progress=overall/>
                <p class="save-status" class:save-failed=failed role="status" aria-live="polite">{status}</p>
                {move || failed().then(|| view! {
                    <button type="button" class="secondary" on:click=download_copy.clone()>
                        {tr!(download_my_answers)}
                    </button>
                })}
            </header>
            <SectionList def=def.clone() current visible=visible_sections.into() progress=per_section/>
            {section_view}
            <SectionSteps current visible=visible_sections.into()/>
            <CheckPanel def=def.clone() problems answers current checked/>
          </div>
            <ExportActions def=export_def snapshot child/>
            {(!read_only).then(|| view! { <WhoseForm current=child_id.into() assign/> })}
            <div class="doc-actions row-actions screen-only">
                <button type="button" class="secondary" on:click=duplicate>{tr!(duplicate_document)}</button>
                <button type="button" class="secondary" id="history-button" aria-expanded=move || show_history.get().to_string()
                    on:click=move |_| { restored.set(false); show_history.update(|s| *s = !*s) }>{tr!(earlier_versions)}</button>
                <button type="button" class="danger" on:click=delete>{tr!(delete)}</button>
            </div>
            <div class="screen-only">
                {move || restored.get().then(|| view! {
                    <p class="banner banner-ok" role="status">{tr!(version_restored)}</p>
                })}
                {history_view}
            </div>
        </article>
    }
    .into_any()
}
