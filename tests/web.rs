//! Components mounted in headless Chromium (wasm-bindgen-test): click, let the reactive system
//! run, read the DOM.
#![cfg(target_arch = "wasm32")]

use convlab::components::model::SummaryTable;
use convlab::components::{panic_banner, App};
use convlab::lang::Lang;
use convlab::nn::{Conv2dConfig, LayerConfig, ModelConfig};
use convlab::text::{EN, KO};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn by_testid(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {id}"))
        .unchecked_into()
}

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn toggle_switches_language_of_headings() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("convlab.lang", "en")
        .unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    tick().await;
    let h2 = || {
        root.query_selector("#model-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(h2(), EN.model.title);
    let toggle = by_testid(&root, "lang-toggle");
    assert_eq!(toggle.text_content().unwrap(), "한국어");
    toggle.click();
    tick().await;
    assert_eq!(h2(), KO.model.title);
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ko")
    );
    assert_eq!(
        by_testid(&root, "lang-toggle")
            .get_attribute("aria-label")
            .as_deref(),
        Some(KO.shell.lang_toggle_label)
    );
    by_testid(&root, "lang-toggle").click();
    tick().await;
    assert_eq!(h2(), EN.model.title);
    root.remove();
}

#[wasm_bindgen_test]
async fn summary_table_reports_an_impossible_model_in_both_languages() {
    let mut cfg = ModelConfig::seed();
    cfg.layers[3].config = LayerConfig::Conv2d(Conv2dConfig::new(16, 32, (15, 15)));
    let root = container();
    let lang = RwSignal::new(Lang::En);
    let model = cfg.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(lang);
        view! { <SummaryTable model=model.clone()/> }
    });
    tick().await;
    let text = root.text_content().unwrap();
    assert_eq!(
        text,
        "Layer Conv2d-4: A 15×15 kernel spans 15×15, but the padded input is only 14×14."
    );
    assert!(root
        .query_selector("[data-testid=\"summary\"]")
        .unwrap()
        .is_none());
    lang.set(Lang::Ko);
    tick().await;
    assert!(root.text_content().unwrap().starts_with("Conv2d-4 층:"));
    root.remove();
}

#[wasm_bindgen_test]
async fn summary_table_counts_a_changed_model() {
    let mut cfg = ModelConfig::seed();
    cfg.layers[0].config = LayerConfig::Conv2d(Conv2dConfig::new(1, 8, (5, 5)));
    cfg.layers[3].config = LayerConfig::Conv2d(Conv2dConfig::new(8, 32, (3, 3)));
    // 28 -> 24 -> pool 13 -> 11 -> pool 6: 32·6·6 = 1152 features.
    cfg.layers[7].config = LayerConfig::Linear(convlab::nn::LinearConfig::new(1152, 32));
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(RwSignal::new(Lang::En));
        view! { <SummaryTable model=cfg.clone()/> }
    });
    tick().await;
    let total = 8 * 25 + 8 + 32 * 8 * 9 + 32 + 1152 * 32 + 32 + 330;
    let want = convlab::nn::summary::group_thousands(total);
    assert_eq!(
        by_testid(&root, "summary-total-params")
            .text_content()
            .unwrap(),
        want
    );
    root.remove();
}

#[wasm_bindgen_test]
fn crash_banner_shows_the_message() {
    panic_banner::set_lang(Lang::Ko);
    panic_banner::show("index out of bounds");
    let banner = document()
        .get_element_by_id("crash-banner")
        .expect("banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap();
    assert!(text.starts_with(KO.shell.crash_title));
    assert!(text.ends_with("index out of bounds"));
    panic_banner::show("second");
    assert_eq!(
        document()
            .query_selector_all("#crash-banner")
            .unwrap()
            .length(),
        1
    );
    banner.remove();
}
