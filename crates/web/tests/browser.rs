//! Browser tests of the playground page: mounts [`gosched_web::App`] in headless Chromium.
//!
//! Run by `cargo xtask test` (stage "browser tests"), or by hand with
//! `cargo test -p gosched-web --target wasm32-unknown-unknown` (chromedriver on PATH).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh App in its own `<div>` and lets Yew render it.
async fn mount() -> Element {
    let document = document();
    let root = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the div");
    yew::Renderer::<gosched_web::App>::with_root(root.clone()).render();
    settle().await;
    root
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Waits until Yew has run its scheduled renders and the driver a few frames.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(150)).await;
}

fn find(root: &Element, test_id: &str) -> Element {
    root.query_selector(&format!("[data-testid={test_id}]"))
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}; did the app crash?"))
}

fn text(root: &Element, test_id: &str) -> String {
    find(root, test_id).text_content().unwrap_or_default()
}

fn items(list: &Element) -> Vec<String> {
    let nodes = list.query_selector_all("li").expect("a valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

fn click(root: &Element, test_id: &str) {
    find(root, test_id)
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

#[wasm_bindgen_test]
async fn page_shows_the_default_program_at_step_zero() {
    let root = mount().await;
    assert_eq!(text(&root, "title"), "Go Scheduler Playground");
    let editor: HtmlTextAreaElement = find(&root, "editor").dyn_into().expect("a textarea");
    assert_eq!(editor.value(), gosched_web::DEFAULT_PROGRAM);
    assert_eq!(items(&find(&root, "diagnostics")), Vec::<String>::new());
    // Main is on P0 before the first step.
    let g1 = find(&root, "g-1");
    assert_eq!(
        g1.get_attribute("data-where").as_deref(),
        Some("p0-running")
    );
    assert_eq!(g1.get_attribute("data-state").as_deref(), Some("running"));
    assert!(find(&root, "p-0")
        .query_selector("[data-testid=p-0-runq]")
        .ok()
        .flatten()
        .is_some());
}

#[wasm_bindgen_test]
async fn a_step_is_logged_and_step_back_returns() {
    let root = mount().await;
    assert!(items(&find(&root, "event-log")).len() <= 2);
    click(&root, "step");
    settle().await;
    click(&root, "step");
    settle().await;
    let after: Vec<String> = items(&find(&root, "event-log"));
    assert!(!after.is_empty(), "the log names the step");
    let step = find(&root, "step-now").get_attribute("data-step");
    click(&root, "step-back");
    settle().await;
    assert_ne!(find(&root, "step-now").get_attribute("data-step"), step);
}

#[wasm_bindgen_test]
async fn typing_a_syntax_error_shows_it_with_its_line() {
    let root = mount().await;
    let editor: HtmlTextAreaElement = find(&root, "editor").dyn_into().expect("a textarea");
    // Drop the last closing brace: Go reports an unexpected EOF on the line after the last newline.
    let src = gosched_web::DEFAULT_PROGRAM;
    let cut = src.rfind('}').expect("a closing brace");
    let broken = format!("{}{}", &src[..cut], &src[cut + 1..]);
    editor.set_value(&broken);
    let init = EventInit::new();
    init.set_bubbles(true);
    let input = Event::new_with_event_init_dict("input", &init).expect("an input event");
    editor.dispatch_event(&input).expect("dispatch");
    settle().await;

    let eof_line = broken.matches('\n').count() + 1;
    let diagnostics = items(&find(&root, "diagnostics"));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let prefix = format!("main.go:{eof_line}:1: syntax error: unexpected EOF");
    assert!(
        diagnostics[0].starts_with(&prefix),
        "{diagnostics:?} should start with {prefix:?}"
    );
    assert_eq!(text(&root, "status"), "1 error.");
    let run = find(&root, "run");
    assert!(run.has_attribute("disabled"), "a broken program cannot run");
}
