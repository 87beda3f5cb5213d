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
    let el = host();
    let answers = RwSignal::new(Answers::default());
    let def = every_kind();
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
