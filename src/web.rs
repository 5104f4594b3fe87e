//! The one piece of browser plumbing both the page and the training worker need: reading a
//! same-origin fetch into bytes. (They start the fetch from different globals: window or worker.)

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Awaits a `fetch(...)` promise and reads the whole body; an HTTP error status is an error.
pub async fn response_bytes(fetch: js_sys::Promise) -> Result<Vec<u8>, String> {
    let resp = JsFuture::from(fetch).await.map_err(|e| format!("{e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
