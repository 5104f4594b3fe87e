//! Reading and writing `?name=value` in the page URL without reloading, so a configuration can
//! be shared by copying the address.

/// The value of `name` in the current URL's query, if any.
pub fn get_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Sets `name` in the current URL's query (replacing the history entry). Failures are harmless:
/// the page works the same, only the address does not carry the setting.
pub fn set_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Ok(href), Ok(history)) = (window.location().href(), window.history()) else {
        return;
    };
    if let Ok(url) = web_sys::Url::new(&href) {
        url.search_params().set(name, value);
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
