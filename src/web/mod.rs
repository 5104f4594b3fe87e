//! Browser plumbing, kept out of the components: same-origin fetches (also used by the training
//! worker), the page URL's query, IndexedDB storage, the page–worker message wire, and giving
//! the browser a turn during a long job (`paint`), and news between the app's tabs (`tabs`).

pub mod fetch;
pub mod offline;
pub mod paint;
pub mod storage;
pub mod tabs;
pub mod url;
pub mod wire;

pub use fetch::response_bytes;

use wasm_bindgen::JsValue;

/// The browser's own words for a failure: a thrown string, else the error's `message`, else its
/// `name`, else `fallback`. (A `{:?}` of the value would show the learner wasm-bindgen's
/// bookkeeping, `JsValue(TypeError: …)`.)
pub fn detail(e: &JsValue, fallback: &str) -> String {
    let field = |key: &str| {
        js_sys::Reflect::get(e, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    e.as_string()
        .filter(|s| !s.is_empty())
        .or_else(|| field("message"))
        .or_else(|| field("name"))
        .unwrap_or_else(|| fallback.to_string())
}
