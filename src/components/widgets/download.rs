//! Offering bytes as a file download: a Blob behind a link the page clicks. (The Train section's
//! weights export has the same few lines; both could use this one.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `bytes` as a file named `name`; an error is the browser's refusal.
pub fn download(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}
