//! Home: the children and their documents, the forms to start, adding a form from a file.

use crate::ui::translate::{tr, tr_in};
use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;

use crate::model::child::Child;
use crate::model::definition::{parse_definition, MAX_DEFINITION_BYTES};
use crate::model::schema::FormDef;
use crate::model::text::Locale;
use crate::model::time::relative_time;
use crate::storage::backup::{trash_child, untrash};
use crate::storage::documents::{list_summaries, load_children, save_children, DocSummary};
use crate::storage::keys;
use crate::ui::context::{is_builtin, use_children, use_forms, use_locale, use_store, SharedStore};
use crate::ui::field::localized;
use crate::web;

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
    let undo_store = store.clone();
    let undo = move |_| {
        if let Some(id) = undo_id.get_untracked() {
            if untrash(undo_store.as_ref(), &id).is_ok() {
                children.set(load_children(undo_store.as_ref()));
                docs.set(summaries(&undo_store));
            }
        }
        undo_id.set(None);
    };
    provide_context(DocsSignal(docs));
    provide_context(UndoSignal(undo_id));
    let loose_docs = move || {
        docs.with(|d| {
            d.iter()
                .filter(|d| d.child_id.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page home">
            <h1>{tr!(family_forms)}</h1>
            {move || undo_id.get().is_some().then(|| view! {
                <div class="banner banner-ok" role="status">
                    <span>{tr!(deleted_banner)}</span>
                    <button type="button" class="secondary" on:click=undo.clone()>{tr!(undo)}</button>
                </div>
            })}
            {use_context::<crate::ui::app::DamagedCount>().filter(|d| d.0 > 0).map(|_| view! {
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
                <h2 id="children-title">{tr!(your_children)}</h2>
                <p class="help">{tr!(children_help)}</p>
                <ul class="child-cards">
                    // Cards are drawn with plain text in the current language and redrawn when
                    // it changes: far fewer reactive nodes for a family with many documents.
                    {move || {
                        let l = locale.get();
                        children.get().into_iter().map(|child| {
                            let child_docs = docs.with(|d| d.iter().filter(|d| d.child_id.as_deref() == Some(child.id.as_str())).cloned().collect::<Vec<_>>());
                            view! { <ChildCard child docs=child_docs l/> }
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
                <ul class="form-cards">
                    {move || forms.get().into_iter().map(|def| view! { <FormCard def/> }).collect_view()}
                </ul>
            </section>
            <crate::ui::open_received::OpenReceived/>
            <AddFormFromFile/>
        </section>
    }
}

/// The documents shown on home, re-read after a delete or an undo.
#[derive(Clone, Copy)]
struct DocsSignal(RwSignal<Vec<DocSummary>>);

/// The trash entry the "Undo" banner brings back.
#[derive(Clone, Copy)]
struct UndoSignal(RwSignal<Option<String>>);

/// A list of documents: form, how far along, when last edited, in language `l`.
#[component]
fn DocList(docs: Vec<DocSummary>, l: Locale) -> impl IntoView {
    let forms = use_forms();
    let now = Utc::now();
    view! {
        <ul class="doc-list">
            {docs.into_iter().map(|doc| {
                let title = forms
                    .with_untracked(|f| f.iter().find(|d| d.id == doc.form_id).map(|d| d.title.get(l).to_string()))
                    .unwrap_or_else(|| doc.form_id.clone());
                let state = match (doc.required_left, doc.percent) {
                    (0, 100) => tr_in!(l, doc_complete).to_string(),
                    (_, p) => tr_in!(l, doc_percent_answered, p = p),
                };
                let edited = relative_time(doc.updated, now, l);
                let meta = tr_in!(l, doc_meta, state = state, edited = edited);
                view! {
                    <li class="doc-item">
                        <a href=format!("/doc/{}", doc.id)>{title}</a>
                        <span class="doc-meta">{meta}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// One child: their documents and a way to start a form for them.
#[component]
fn ChildCard(child: Child, docs: Vec<DocSummary>, l: Locale) -> impl IntoView {
    let forms = use_forms();
    let name = child.display_name().to_string();
    let select_id = format!("start-{}", child.id);
    let chosen = RwSignal::new(String::new());
    let child_id = child.id.clone();
    let navigate = leptos_router::hooks::use_navigate();
    let start = move |_| {
        let form = chosen.get_untracked();
        if !form.is_empty() {
            navigate(&format!("/new/{form}/{child_id}"), Default::default());
        }
    };
    let heading = name.clone();
    let store = use_store();
    let children = use_children();
    let delete_id = child.id.clone();
    let (docs_ctx, undo_ctx) = (use_context::<DocsSignal>(), use_context::<UndoSignal>());
    let delete = move |_| {
        let question = tr_in!(l, delete_child_question);
        if !web::confirm(question) {
            return;
        }
        if let Ok(entry) = trash_child(store.as_ref(), &delete_id, Utc::now()) {
            children.set(load_children(store.as_ref()));
            if let Some(DocsSignal(docs)) = docs_ctx {
                docs.update(|d| d.retain(|s| s.child_id.as_deref() != Some(delete_id.as_str())));
            }
            if let Some(UndoSignal(undo)) = undo_ctx {
                undo.set(Some(entry.id));
            }
        }
    };
    view! {
        <li class="child-card">
            <h3>{heading}</h3>
            {if docs.is_empty() {
                view! { <p class="help">{tr_in!(l, no_forms_yet)}</p> }.into_any()
            } else {
                view! { <DocList docs l/> }.into_any()
            }}
            <div class="start-form">
                <label for=select_id.clone()>{tr_in!(l, start_a_form_for, name = name)}</label>
                <div class="input-row">
                    <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">{tr_in!(l, choose_a_form)}</option>
                        {forms.get_untracked().into_iter().map(|f| {
                            view! { <option value=f.id.clone()>{f.title.get(l).to_string()}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" on:click=start disabled=move || chosen.with(String::is_empty)>{tr_in!(l, start)}</button>
                </div>
            </div>
            <button type="button" class="danger delete-child" on:click=delete>{tr_in!(l, delete_child)}</button>
        </li>
    }
}

/// The grades a child can be in, as the shipped forms store them.
const GRADES: [&str; 14] = [
    "prek", "k", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

/// The words for grade `value` (one of `GRADES`) in language `l`.
fn grade_label(l: Locale, value: &str) -> &'static str {
    match value {
        "prek" => tr_in!(l, grade_prek),
        "k" => tr_in!(l, grade_k),
        "1" => tr_in!(l, grade_1),
        "2" => tr_in!(l, grade_2),
        "3" => tr_in!(l, grade_3),
        "4" => tr_in!(l, grade_4),
        "5" => tr_in!(l, grade_5),
        "6" => tr_in!(l, grade_6),
        "7" => tr_in!(l, grade_7),
        "8" => tr_in!(l, grade_8),
        "9" => tr_in!(l, grade_9),
        "10" => tr_in!(l, grade_10),
        "11" => tr_in!(l, grade_11),
        "12" => tr_in!(l, grade_12),
        _ => "",
    }
}

/// The child profile form: typed once, pre-filled into every form for that child.
#[component]
fn AddChild(adding: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let children = use_children();
    let locale = use_locale();
    let draft = RwSignal::new(Child::default());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut child = draft.get_untracked();
        if child.name.trim().is_empty() {
            error.set(Some(
                tr_in!(locale.get_untracked(), write_your_childs_name).to_string(),
            ));
            web::focus_by_id("child-name");
            return;
        }
        child.id = web::new_id("c");
        let mut all = children.get_untracked();
        all.push(child);
        match save_children(store.as_ref(), &all) {
            Ok(()) => {
                children.set(all);
                adding.set(false);
            }
            Err(e) => error.set(Some(e.message(locale.get_untracked()))),
        }
    };
    let text_input = move |id: &'static str,
                           label: fn(Locale) -> &'static str,
                           autocomplete: &'static str,
                           get: fn(&Child) -> String,
                           set: fn(&mut Child, String)| {
        view! {
            <div class="field">
                <label for=id>{move || label(locale.get())}</label>
                <input id=id type="text" autocomplete=autocomplete
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|c| set(c, v)) }/>
            </div>
        }
    };
    view! {
        <form class="add-child" on:submit=save aria-labelledby="add-child-title" novalidate>
            <h3 id="add-child-title">{tr!(add_a_child)}</h3>
            {text_input("child-name", |l| tr_in!(l, child_full_name), "off", |c| c.name.clone(), |c, v| c.name = v)}
            {text_input("child-preferred", |l| tr_in!(l, child_preferred_name), "off", |c| c.preferred_name.clone(), |c, v| c.preferred_name = v)}
            <div class="field">
                <label for="child-birth">{tr!(date_of_birth)}</label>
                <input id="child-birth" type="date" prop:value=move || draft.with(|c| c.birth_date.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|c| c.birth_date = v) }/>
            </div>
            <div class="field">
                <label for="child-grade">{tr!(grade)}</label>
                <select id="child-grade" on:change=move |ev| { let v = event_target_value(&ev); draft.update(|c| c.grade = v) }>
                    <option value="">{tr!(choose)}</option>
                    {GRADES.into_iter().map(|v| view! { <option value=v>{move || grade_label(locale.get(), v)}</option> }).collect_view()}
                </select>
            </div>
            {text_input("child-school", |l| tr_in!(l, school), "off", |c| c.school.clone(), |c, v| c.school = v)}
            <p class="field-error" aria-live="polite">{move || error.get()}</p>
            <div class="row-actions">
                <button type="submit">{tr!(save_child)}</button>
                <button type="button" class="secondary" on:click=move |_| adding.set(false)>{tr!(cancel)}</button>
            </div>
        </form>
    }
}

/// One form of the catalogue, with a way to start it for no particular child.
#[component]
fn FormCard(def: Arc<FormDef>) -> impl IntoView {
    let store = use_store();
    let locale = use_locale();
    let forms = use_forms();
    let title = localized(def.title.clone());
    let href = format!("/form/{}", def.id);
    let added = !is_builtin(&def.id);
    let id = def.id.clone();
    let remove = move |_| {
        let question = tr_in!(locale.get_untracked(), remove_form_question);
        if web::confirm(question) && store.remove(&keys::added_form(&id)).is_ok() {
            forms.update(|f| f.retain(|d| d.id != id));
        }
    };
    // The intro's first sentence says whom the form is for.
    let about = def.intro.clone().map(|intro| {
        let first = |t: &str| {
            t.split_inclusive(". ")
                .next()
                .unwrap_or(t)
                .trim()
                .to_string()
        };
        crate::model::text::Text::new(first(&intro.en), first(&intro.es))
    });
    view! {
        <li class="form-card">
            <h3><a href=href>{title}</a></h3>
            {about.map(|t| {
                let t = localized(t);
                view! { <p class="form-about">{t}</p> }
            })}
            {added.then(|| view! {
                <button type="button" class="secondary" on:click=remove>{tr!(remove_form)}</button>
            })}
        </li>
    }
}

/// Lets a school's own form (a definition file) be added to the app.
#[component]
fn AddFormFromFile() -> impl IntoView {
    let store = use_store();
    let forms = use_forms();
    let locale = use_locale();
    let message: RwSignal<Option<(bool, Vec<String>)>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(reading) = web::read_picked_file(&ev, MAX_DEFINITION_BYTES) else {
            return;
        };
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let l = locale.get_untracked();
            let result = match reading.await {
                Err(e) => Err(vec![e.message(l)]),
                Ok(text) => match parse_definition(&text) {
                    Err(errors) => Err(errors.iter().take(20).map(|e| e.describe(l)).collect()),
                    Ok(def) if is_builtin(&def.id) => {
                        Err(vec![tr_in!(l, form_id_taken, id = def.id)])
                    }
                    Ok(def) => match store.set(&keys::added_form(&def.id), &text) {
                        Err(e) => Err(vec![e.message(l)]),
                        Ok(()) => {
                            let name = def.title.get(l).to_string();
                            let def = Arc::new(def);
                            forms.update(|f| {
                                f.retain(|d| d.id != def.id);
                                f.push(def);
                            });
                            Ok(tr_in!(l, form_added, name = name))
                        }
                    },
                },
            };
            message.set(Some(match result {
                Ok(m) => (true, vec![m]),
                Err(lines) => (false, lines),
            }));
        });
    };
    view! {
        <section class="add-form" aria-labelledby="add-form-title">
            <h2 id="add-form-title">{tr!(add_form_title)}</h2>
            <p class="help" id="add-form-help">{tr!(add_form_help)}</p>
            <label class="file-button" for="add-form-file">{tr!(choose_a_form_file)}</label>
            <input id="add-form-file" class="visually-hidden-file" type="file" accept=".json,application/json"
                aria-describedby="add-form-help" on:change=on_change/>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, lines)| {
                    let class = if ok { "banner banner-ok" } else { "banner banner-error" };
                    let heading = (!ok).then(|| view! {
                        <p>{tr!(add_form_refused)}</p>
                    });
                    view! {
                        <div class=class>
                            {heading}
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
            </div>
        </section>
    }
}
