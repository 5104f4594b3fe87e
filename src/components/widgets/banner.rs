//! A panic anywhere shows a readable banner instead of leaving a dead page.

use crate::lang::Lang;
use crate::text::text;
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    // The hook runs outside the reactive system, so it reads the language from here.
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Tells the banner which language to use.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// Routes panics to the console and to [`show`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show(&message);
    }));
}

/// Adds (or updates) the `role="alert"` banner at the top of the page with `detail`.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let t = text(LANG.with(|l| l.get())).shell;
    let banner = match document.get_element_by_id("crash-banner") {
        Some(b) => b,
        None => {
            let Ok(b) = document.create_element("div") else {
                return;
            };
            b.set_id("crash-banner");
            let _ = b.set_attribute("role", "alert");
            let _ = b.set_attribute("data-testid", "crash-banner");
            let _ = body.prepend_with_node_1(&b);
            b
        }
    };
    banner.set_text_content(None);
    for (tag, text) in [
        ("strong", t.crash_title),
        ("p", t.crash_advice),
        ("pre", detail),
    ] {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = banner.append_child(el.unchecked_ref());
        }
    }
}
