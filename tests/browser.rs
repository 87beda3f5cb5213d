//! Component tests in headless Chromium: mount a component, use it, read the DOM.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use family_forms::model::definition::parse_definition;
use family_forms::model::schema::FormDef;
use family_forms::model::values::{Answer, Answers};
use family_forms::storage::memory::MemoryStore;
use family_forms::ui::app::AppWith;
use family_forms::ui::context::provide_locale;
use family_forms::ui::field::FieldCtx;
use family_forms::ui::fields::FieldView;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const EVERY_KIND: &str = include_str!("fixtures/every-kind.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into.
fn host() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn every_kind() -> Arc<FormDef> {
    Arc::new(parse_definition(EVERY_KIND).unwrap())
}

/// Mounts one field of the fixture with its own answers signal.
fn mount_field(id: &'static str) -> (HtmlElement, RwSignal<Answers>, impl Drop) {
    mount_field_of(every_kind(), id)
}

/// Mounts question `id` of form `def` with its own answers signal.
fn mount_field_of(
    def: Arc<FormDef>,
    id: &'static str,
) -> (HtmlElement, RwSignal<Answers>, impl Drop) {
    let el = host();
    let answers = RwSignal::new(Answers::default());
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_locale(Default::default());
        let field = Arc::new(def.field(id).unwrap().clone());
        let ctx = FieldCtx {
            field,
            dom_id: format!("f-{id}"),
            value: Signal::derive(move || answers.with(|a| a.get(id).cloned())),
            set: Callback::new(move |a: Answer| answers.update(|all| all.set(id, a))),
            problems: Signal::derive(Vec::new),
            touch: Callback::new(|_| {}),
            def: def.clone(),
            answers: answers.into(),
        };
        view! { <FieldView ctx/> }
    });
    (el, answers, handle)
}

fn type_into(el: &HtmlElement, selector: &str, text: &str) {
    let input: HtmlInputElement = el
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(text);
    let ev = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn home_lists_the_shipped_forms() {
    let el = host();
    let _h = leptos::mount::mount_to(el.clone(), || {
        let store: family_forms::ui::context::SharedStore = Arc::new(MemoryStore::new());
        view! { <AppWith store/> }
    });
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Seven things to tell the teacher"), "{text}");
    assert!(el.query_selector("input[type=file]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_child_card_shows_a_name_from_a_file_as_text_and_its_buttons_work() {
    use family_forms::model::child::Child;
    use family_forms::storage::documents::save_children;
    let store: family_forms::ui::context::SharedStore = Arc::new(MemoryStore::new());
    let name = "<img src=x onerror=\"window.__xss=1\"> Núñez";
    save_children(
        store.as_ref(),
        &[Child {
            id: "c 1".into(),
            name: name.into(),
            ..Child::default()
        }],
    )
    .unwrap();
    let el = host();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        let store = store.clone();
        view! { <AppWith store/> }
    });
    leptos::task::tick().await;
    let card = el.query_selector(".child-card").unwrap().expect("a card");
    assert!(
        card.query_selector("img").unwrap().is_none(),
        "no element made from a name"
    );
    assert_eq!(
        card.query_selector("h3")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some(name)
    );
    // Its buttons say whose they are.
    let edit: HtmlElement = card
        .query_selector("[data-act=edit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let heading_id = card.query_selector("h3").unwrap().unwrap().id();
    assert_eq!(edit.get_attribute("aria-describedby"), Some(heading_id));
    // "Start a form for…" draws its list when first opened, once.
    assert!(card.query_selector(".start-list").unwrap().is_none());
    let summary: HtmlElement = card
        .query_selector(".start-form > summary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    summary.click();
    summary.click();
    summary.click();
    let links = card.query_selector_all(".start-list a").unwrap();
    assert_eq!(
        links.length() as usize,
        family_forms::forms::builtin().len()
    );
    assert_eq!(card.query_selector_all(".start-list").unwrap().length(), 1);
    let first: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("/new/getting-to-know-my-child/c%201")
    );
    // "Change details" turns the card into the form that changes them.
    edit.click();
    leptos::task::tick().await;
    let card = el.query_selector(".child-card").unwrap().unwrap();
    assert!(card.query_selector("form.add-child").unwrap().is_some());
    assert!(card.query_selector("[data-act]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn short_text_has_a_real_label_and_reports_its_value() {
    let (el, answers, _h) = mount_field("name");
    leptos::task::tick().await;
    let label = el.query_selector("label[for='f-name']").unwrap().unwrap();
    assert!(label.text_content().unwrap().contains("Full name"));
    let input: HtmlInputElement = el
        .query_selector("#f-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.get_attribute("autocomplete").as_deref(), Some("name"));
    type_into(&el, "#f-name", "Ana");
    assert_eq!(
        answers.with_untracked(|a| a.get("name").cloned()),
        Some(Answer::text("Ana"))
    );
}

fn input(el: &HtmlElement, selector: &str) -> HtmlInputElement {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// Ticks a checkbox or radio as a click would.
fn click(el: &HtmlElement, selector: &str) {
    let target: HtmlElement = el
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into();
    target.click();
}

fn value_of(answers: RwSignal<Answers>, id: &str) -> Option<Answer> {
    answers.with_untracked(|a| a.get(id).cloned())
}

#[wasm_bindgen_test]
async fn text_like_kinds_bring_up_the_right_keyboard_and_report_values() {
    for (id, ty, mode, typed) in [
        ("story", None, None, "Once upon a time"),
        ("birth", Some("date"), None, "2021-03-04"),
        ("age", Some("text"), Some("decimal"), "5,5"),
        ("email", Some("email"), Some("email"), "a@b.org"),
        ("phone", Some("tel"), Some("tel"), "860 555 0100"),
    ] {
        let (el, answers, _h) = mount_field(id);
        leptos::task::tick().await;
        let selector = format!("#f-{id}");
        let node = el.query_selector(&selector).unwrap().unwrap();
        assert_eq!(node.get_attribute("type").as_deref(), ty, "{id}");
        assert_eq!(node.get_attribute("inputmode").as_deref(), mode, "{id}");
        assert!(
            el.query_selector(&format!("label[for='f-{id}']"))
                .unwrap()
                .is_some(),
            "{id} has a label"
        );
        if id == "story" {
            let area: web_sys::HtmlTextAreaElement = node.unchecked_into();
            area.set_value(typed);
            area.dispatch_event(&web_sys::Event::new("input").unwrap())
                .unwrap();
        } else {
            type_into(&el, &selector, typed);
        }
        assert_eq!(value_of(answers, id), Some(Answer::text(typed)), "{id}");
    }
}

#[wasm_bindgen_test]
async fn number_shows_its_unit() {
    let (el, _answers, _h) = mount_field("age");
    leptos::task::tick().await;
    assert_eq!(
        el.query_selector(".unit")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("years")
    );
}

#[wasm_bindgen_test]
async fn single_choice_with_other_in_a_group() {
    let (el, answers, _h) = mount_field("travel");
    leptos::task::tick().await;
    assert!(el.query_selector("fieldset > legend").unwrap().is_some());
    click(&el, "input[value='car']");
    assert_eq!(
        value_of(answers, "travel"),
        Some(Answer::Choice {
            selected: "car".into(),
            other: String::new()
        })
    );
    assert!(el.query_selector(".other-input").unwrap().is_none());
    click(&el, "input[value='__other']");
    leptos::task::tick().await;
    type_into(&el, ".other-input", "Bike");
    assert_eq!(
        value_of(answers, "travel"),
        Some(Answer::Choice {
            selected: "__other".into(),
            other: "Bike".into()
        })
    );
}

#[wasm_bindgen_test]
async fn single_choice_as_a_drop_down() {
    let (el, answers, _h) = mount_field("grade");
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = el
        .query_selector("select#f-grade")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.length(), 3, "Choose… + two options");
    select.set_value("1");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(
        value_of(answers, "grade"),
        Some(Answer::Choice {
            selected: "1".into(),
            other: String::new()
        })
    );
}

#[wasm_bindgen_test]
async fn multiple_choice_toggles() {
    let (el, answers, _h) = mount_field("langs");
    leptos::task::tick().await;
    click(&el, "input[value='en']");
    click(&el, "input[value='es']");
    click(&el, "input[value='en']");
    assert_eq!(
        value_of(answers, "langs"),
        Some(Answer::Multi {
            selected: vec!["es".into()],
            other: String::new()
        })
    );
    assert!(input(&el, "input[value='es']").checked());
}

#[wasm_bindgen_test]
async fn yes_no_asks_for_details_on_yes() {
    let (el, answers, _h) = mount_field("allergies");
    leptos::task::tick().await;
    assert!(el.query_selector("textarea").unwrap().is_none());
    click(&el, "input[value='yes']");
    leptos::task::tick().await;
    let area: web_sys::HtmlTextAreaElement = el
        .query_selector("textarea")
        .unwrap()
        .unwrap()
        .unchecked_into();
    area.set_value("Peanuts");
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(
        value_of(answers, "allergies"),
        Some(Answer::YesNo {
            answer: Some(family_forms::model::values::YesNo::Yes),
            details: "Peanuts".into()
        })
    );
    click(&el, "input[value='no']");
    leptos::task::tick().await;
    assert!(
        el.query_selector("textarea").unwrap().is_none(),
        "details hidden for no, but kept"
    );
    assert!(
        matches!(value_of(answers, "allergies"), Some(Answer::YesNo { details, .. }) if details == "Peanuts")
    );
}

#[wasm_bindgen_test]
async fn rating_picks_a_step() {
    let (el, answers, _h) = mount_field("mood");
    leptos::task::tick().await;
    assert_eq!(
        el.query_selector_all("input[type=radio]").unwrap().length(),
        5
    );
    click(&el, "input[value='4']");
    assert_eq!(value_of(answers, "mood"), Some(Answer::text("4")));
    assert!(el.text_content().unwrap().contains("Not at all"));
}

#[wasm_bindgen_test]
async fn an_optional_answer_can_be_cleared_and_brought_back() {
    let (el, answers, _h) = mount_field("mood");
    leptos::task::tick().await;
    assert!(
        el.query_selector(".clear-answer").unwrap().is_none(),
        "nothing to clear yet"
    );
    click(&el, "input[value='4']");
    leptos::task::tick().await;
    click(&el, ".clear-answer");
    leptos::task::tick().await;
    let cleared = value_of(answers, "mood").unwrap();
    assert!(!cleared.is_answered(), "{cleared:?}");
    assert!(!input(&el, "input[value='4']").checked());
    assert!(el.query_selector(".clear-answer").unwrap().is_none());
    click(&el, ".clear-answer-undo button");
    leptos::task::tick().await;
    assert_eq!(value_of(answers, "mood"), Some(Answer::text("4")));
    assert!(input(&el, "input[value='4']").checked());

    // A required question is changed by picking another answer instead.
    let (el, _answers, _h) = mount_field("allergies");
    leptos::task::tick().await;
    click(&el, "input[value='yes']");
    leptos::task::tick().await;
    assert!(el.query_selector(".clear-answer").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn checklist_item_with_date() {
    let (el, answers, _h) = mount_field("prep");
    leptos::task::tick().await;
    click(&el, "#f-prep");
    type_into(&el, "#f-prep-date", "2026-11-01");
    match value_of(answers, "prep") {
        Some(Answer::Checklist { items }) => {
            assert!(items["talk"].done);
            assert_eq!(items["talk"].date, "2026-11-01");
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
async fn rows_add_fill_and_remove() {
    let (el, answers, _h) = mount_field("household");
    leptos::task::tick().await;
    let add: HtmlElement = el
        .query_selector(".add-row")
        .unwrap()
        .unwrap()
        .unchecked_into();
    add.click();
    leptos::task::tick().await;
    add.click();
    leptos::task::tick().await;
    assert_eq!(el.query_selector_all(".row-card").unwrap().length(), 2);
    type_into(&el, "#f-household-r2-who", "Luis");
    let rows = match value_of(answers, "household") {
        Some(Answer::Rows { rows }) => rows,
        other => panic!("{other:?}"),
    };
    assert_eq!(rows[1].cells.get("who"), Some(&Answer::text("Luis")));
    let remove: HtmlElement = el
        .query_selector(".row-card .danger")
        .unwrap()
        .unwrap()
        .unchecked_into();
    remove.click();
    leptos::task::tick().await;
    assert_eq!(el.query_selector_all(".row-card").unwrap().length(), 1);
    assert!(
        matches!(value_of(answers, "household"), Some(Answer::Rows { rows }) if rows.len() == 1 && rows[0].id == "r2")
    );
    // That row was blank: nothing to undo. Removing the one with "Luis" offers Undo.
    assert!(el.query_selector(".rows-undo button").unwrap().is_none());
    click(&el, ".row-card .danger");
    leptos::task::tick().await;
    assert_eq!(el.query_selector_all(".row-card").unwrap().length(), 0);
    click(&el, ".rows-undo button");
    leptos::task::tick().await;
    assert!(
        matches!(value_of(answers, "household"), Some(Answer::Rows { rows }) if rows.len() == 1 && rows[0].cells.get("who") == Some(&Answer::text("Luis")))
    );
    assert!(
        el.query_selector(".rows-undo button").unwrap().is_none(),
        "the offer goes once used"
    );
}

/// What a derived question shows.
fn output_text(el: &HtmlElement) -> String {
    el.query_selector("output")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn derived_date_follows_its_source() {
    let (el, answers, _h) = mount_field("review");
    leptos::task::tick().await;
    let out = || output_text(&el);
    assert!(out().contains("Filled in for you"));
    answers.update(|a| a.set("start", Answer::text("2026-09-01")));
    leptos::task::tick().await;
    assert_eq!(out(), "October 31, 2026");
}

#[wasm_bindgen_test]
async fn a_plan_s_progress_toward_its_goal_is_a_line_and_a_bar() {
    use family_forms::model::values::Row;
    let plan = family_forms::forms::builtin()
        .iter()
        .find(|f| f.id == "partnership-plan")
        .unwrap()
        .clone();
    let (el, answers, _h) = mount_field_of(plan, "toward_goal");
    leptos::task::tick().await;
    let out = || output_text(&el);
    let bar = || el.query_selector("progress").unwrap();
    assert!(out().contains("Filled in for you"));
    assert!(bar().is_none());
    let mut cells = Answers::default();
    cells.set("result", Answer::text("32"));
    answers.update(|a| {
        a.set("target", Answer::text("45"));
        a.set(
            "checkins",
            Answer::Rows {
                rows: vec![Row {
                    id: "r1".into(),
                    cells,
                }],
            },
        );
    });
    leptos::task::tick().await;
    assert_eq!(out(), "Latest check-in: 32. Goal: 45.");
    assert!(bar().is_none(), "no share without a start, so no bar");
    answers.update(|a| a.set("baseline", Answer::text("20")));
    leptos::task::tick().await;
    assert_eq!(
        out(),
        "Latest check-in: 32. Goal: 45. Started at 20: 48% of the way."
    );
    let bar = bar().expect("a bar once there is a share");
    assert_eq!(bar.get_attribute("value").as_deref(), Some("48"));
    assert_eq!(bar.get_attribute("aria-hidden").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn signature_takes_name_and_date() {
    let (el, answers, _h) = mount_field("signed");
    leptos::task::tick().await;
    type_into(&el, "#f-signed", "Rosa Ruiz");
    type_into(&el, "#f-signed-date", "2026-11-23");
    assert_eq!(
        value_of(answers, "signed"),
        Some(Answer::Signature {
            name: "Rosa Ruiz".into(),
            date: "2026-11-23".into()
        })
    );
}

#[wasm_bindgen_test]
async fn info_block_is_a_note_without_input() {
    let (el, _answers, _h) = mount_field("note");
    leptos::task::tick().await;
    assert!(el.query_selector("aside[role=note]").unwrap().is_some());
    assert!(el
        .query_selector("input, textarea, select")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn letter_is_written_from_the_answers_as_they_change() {
    let def = Arc::new(
        parse_definition(
            r#"{"id":"l","version":1,"title":{"en":"L","es":"L"},"sections":[{"id":"s",
            "title":{"en":"S","es":"S"},"fields":[
            {"id":"name","kind":"short_text","required":true,"label":{"en":"Your name","es":"Su nombre"}},
            {"id":"why","kind":"long_text","label":{"en":"Why","es":"Por qué"}},
            {"id":"letter","kind":"letter","label":{"en":"Letter","es":"Carta"},
             "body":{"en":"Dear school,\n\nBecause {why}\n\n{name}","es":"Hola,\n\n{name}"}}]}]}"#,
        )
        .unwrap(),
    );
    let el = host();
    let answers = RwSignal::new(Answers::default());
    let _h = leptos::mount::mount_to(el.clone(), move || {
        provide_locale(Default::default());
        let ctx = FieldCtx {
            field: Arc::new(def.field("letter").unwrap().clone()),
            dom_id: "f-letter".into(),
            value: Signal::derive(|| None),
            set: Callback::new(|_| {}),
            problems: Signal::derive(Vec::new),
            touch: Callback::new(|_| {}),
            def: def.clone(),
            answers: answers.into(),
        };
        view! { <FieldView ctx/> }
    });
    leptos::task::tick().await;
    let page = || el.query_selector(".letter-page").unwrap().unwrap();
    // The optional reason is left out; the missing name is marked with its question.
    assert_eq!(page().text_content().unwrap(), "Dear school,[Your name]");
    assert!(el.query_selector("mark.letter-missing").unwrap().is_some());
    answers.update(|a| {
        a.set("name", Answer::text("Rosa"));
        a.set("why", Answer::text("she needs help."));
    });
    leptos::task::tick().await;
    assert_eq!(
        page().text_content().unwrap(),
        "Dear school,Because she needs help.Rosa"
    );
    assert!(el.query_selector("mark").unwrap().is_none());
    assert!(el.query_selector("input, textarea").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn booklet_shows_answers_as_text_and_rows_as_a_table() {
    use family_forms::export::booklet::{booklet, Mode};
    use family_forms::model::text::Locale;
    use family_forms::model::values::Row;
    use family_forms::ui::booklet_view::BookletView;
    let def = every_kind();
    let mut answers = Answers::default();
    let payload = "<img src=x onerror=\"window.__xss=1\"> ¿Sí? ¡Ñu!";
    answers.set("name", Answer::text(payload));
    let rows_field = def
        .fields()
        .map(|(_, f)| f)
        .find(|f| f.kind.name() == "rows")
        .unwrap();
    let column = match &rows_field.kind {
        family_forms::model::schema::FieldKind::Rows { columns, .. } => columns[0].id.clone(),
        _ => unreachable!(),
    };
    let mut cells = Answers::default();
    cells.set(column, Answer::text("Abuela Rosa"));
    answers.set(
        rows_field.id.clone(),
        Answer::Rows {
            rows: vec![Row {
                id: "r1".into(),
                cells,
            }],
        },
    );
    let b = booklet(&def, &answers, None, Locale::Es, Mode::Filled);
    let el = host();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        view! { <BookletView booklet=b.clone() prepared_on="2026-11-23"/> }
    });
    leptos::task::tick().await;
    assert!(
        el.query_selector("img").unwrap().is_none(),
        "no element made from an answer"
    );
    let text = el.text_content().unwrap();
    assert!(text.contains(payload), "{text}");
    assert!(text.contains("23 de noviembre de 2026"));
    let cell = el.query_selector(".booklet-table td").unwrap().unwrap();
    assert_eq!(cell.text_content().unwrap(), "Abuela Rosa");
    assert_eq!(
        el.query_selector(".booklet")
            .unwrap()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("es")
    );
}

#[wasm_bindgen_test]
async fn booklet_names_on_its_cover_the_answers_a_damaged_file_lost() {
    use family_forms::export::booklet::{booklet, Mode};
    use family_forms::model::document::Document;
    use family_forms::model::text::Locale;
    use family_forms::ui::booklet_view::BookletView;
    let def = every_kind();
    let mut doc = Document::new("d1", def.id.clone(), def.version, chrono::Utc::now());
    let lost = def
        .fields()
        .map(|(_, f)| f)
        .find(|f| f.kind.name() == "long_text")
        .unwrap();
    // Only the form's own questions are named: an id it does not have is not.
    doc.missing = vec![lost.id.clone(), "not_a_question".into()];
    doc.answers.set("name", Answer::text("Mía"));
    let b = booklet(&def, &doc.answers, None, Locale::En, Mode::Filled).with_missing(&def, &doc);
    let el = host();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        view! { <BookletView booklet=b.clone() prepared_on="2026-11-23"/> }
    });
    leptos::task::tick().await;
    let cover = el
        .query_selector(".booklet-cover .booklet-missing")
        .unwrap()
        .unwrap();
    let heading = cover
        .query_selector("h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(heading, "Answers missing from this copy");
    let named = cover.query_selector_all("li").unwrap();
    assert_eq!(named.length(), 1);
    assert_eq!(
        named.item(0).unwrap().text_content().unwrap(),
        lost.label.en
    );
}

#[wasm_bindgen_test]
async fn key_answers_sheet_shows_a_name_and_an_answer_from_a_file_as_text() {
    use family_forms::model::document::{to_saved, Document};
    use family_forms::model::values::YesNo;
    use family_forms::storage::keys;
    let payload = "<img src=x onerror=\"window.__xss=1\"> Núñez";
    let store: family_forms::ui::context::SharedStore = Arc::new(MemoryStore::new());
    let mut doc = Document::new("d 1", "seven-things", 1, chrono::Utc::now());
    doc.answers.set("child_name", Answer::text(payload));
    doc.answers.set(
        "allergies",
        Answer::YesNo {
            answer: Some(YesNo::Yes),
            details: payload.into(),
        },
    );
    store
        .set(&keys::document(&doc.id), &to_saved(&doc))
        .unwrap();
    // The sheet is a page of the app: open it at its address, and put the address back after.
    let history = web_sys::window().unwrap().history().unwrap();
    let back_to = web_sys::window().unwrap().location().pathname().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("/key-answers/seven-things"),
        )
        .unwrap();
    let el = host();
    let h = leptos::mount::mount_to(el.clone(), move || {
        let store = store.clone();
        view! { <AppWith store/> }
    });
    leptos::task::tick().await;
    let card = el.query_selector(".key-answers-card").unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&back_to))
        .unwrap();
    let card = card.expect("a card for the saved copy");
    assert!(
        el.query_selector(".key-answers-list img")
            .unwrap()
            .is_none(),
        "no element made from a name or an answer"
    );
    assert_eq!(
        card.query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some(payload)
    );
    let text = card.text_content().unwrap();
    assert!(text.contains(&format!("Yes: {payload}")), "{text}");
    let link = card.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/doc/d%201"));
    assert_eq!(
        link.get_attribute("aria-label"),
        Some(format!("Open — {payload}"))
    );
    drop(h);
}
