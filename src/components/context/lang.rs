//! Which language the page speaks: chosen by `?lang=`, else remembered in localStorage, else the
//! browser's language; kept in the URL, in localStorage and on `<html lang>`.

use crate::lang::Lang;
use crate::text::{text, Text};
use crate::web::url::{get_param, set_param};
use leptos::prelude::*;

const STORAGE_KEY: &str = "convlab.lang";

fn url_lang() -> Option<Lang> {
    Lang::from_code(&get_param("lang")?)
}

fn stored_lang() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_code(&storage.get_item(STORAGE_KEY).ok()??)
}

fn browser_lang() -> Option<Lang> {
    Lang::from_code(&web_sys::window()?.navigator().language()?)
}

/// The language to start in.
pub fn initial_lang() -> Lang {
    url_lang()
        .or_else(stored_lang)
        .or_else(browser_lang)
        .unwrap_or_default()
}

/// Records `lang` everywhere it is remembered. Failures (private mode storage, no history) are
/// harmless: the page still shows the chosen language.
pub fn persist(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
    if let Some(doc) = window.document() {
        doc.set_title(text(lang).shell.page_title);
    }
    set_param("lang", lang.code());
    crate::components::widgets::banner::set_lang(lang);
}

/// The language signal the app provides as context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The text of the current language, for a component to read as `t().draw.title`: the one way
/// components reach their strings.
pub fn use_text() -> impl Fn() -> &'static Text + Copy {
    let lang = use_lang();
    move || text(lang.get())
}
