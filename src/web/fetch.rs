//! Reading a same-origin fetch into bytes: the page (digits, pretrained weights) and the training
//! worker both need it, and start the fetch from different globals (window or worker).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Awaits a `fetch(...)` promise and reads the whole body; an HTTP error status is an error.
pub async fn response_bytes(fetch: js_sys::Promise) -> Result<Vec<u8>, String> {
    let resp = JsFuture::from(fetch)
        .await
        .map_err(|e| super::detail(&e, "fetch"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let body = resp
        .array_buffer()
        .map_err(|e| super::detail(&e, "fetch"))?;
    let buf = JsFuture::from(body)
        .await
        .map_err(|e| super::detail(&e, "fetch"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The bytes at `url` (same origin), fetched from the page's window, or why not.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    response_bytes(window.fetch_with_str(url)).await
}
