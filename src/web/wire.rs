//! How the page and the training worker send each other messages: the typed message as JSON
//! text, and weights beside it as an ArrayBuffer that is transferred, not copied. (Inside the
//! JSON, a 217 KB weights file became a 700 KB array of numbers, parsed on both sides.)

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// `[json]`, or `[json, Uint8Array]` with the transfer list that moves the array's buffer.
pub fn with_bytes<T: Serialize>(msg: &T, bytes: Option<Vec<u8>>) -> (js_sys::Array, js_sys::Array) {
    let text = JsValue::from_str(&crate::train::protocol::encode(msg));
    match bytes {
        Some(b) => {
            let a = js_sys::Uint8Array::from(b.as_slice());
            (
                js_sys::Array::of2(&text, &a),
                js_sys::Array::of1(&a.buffer()),
            )
        }
        None => (js_sys::Array::of1(&text), js_sys::Array::new()),
    }
}

/// The message and bytes of a [`with_bytes`] message; plain JSON text is read too (a worker's
/// panic hook sends that).
pub fn read_with_bytes<T: DeserializeOwned>(data: &JsValue) -> (Option<T>, Option<Vec<u8>>) {
    if let Some(text) = data.as_string() {
        return (crate::train::protocol::decode(&text), None);
    }
    let Some(parts) = data.dyn_ref::<js_sys::Array>() else {
        return (None, None);
    };
    let msg = parts
        .get(0)
        .as_string()
        .and_then(|t| crate::train::protocol::decode(&t));
    let bytes = parts
        .get(1)
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|a| a.to_vec());
    (msg, bytes)
}
