//! How the page, the training worker and its helpers send each other messages: the typed
//! message as JSON text, with an array beside it (weights as bytes, or gradients as floats)
//! whose buffer is transferred, not copied. (Inside the JSON, a 217 KB weights file became a
//! 700 KB array of numbers, parsed on both sides.)

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// `[json]`, or `[json, array]` with the transfer list that moves the array's buffer.
fn pack<T: Serialize>(
    msg: &T,
    array: Option<(JsValue, JsValue)>,
) -> (js_sys::Array, js_sys::Array) {
    let text = JsValue::from_str(&crate::train::protocol::encode(msg));
    match array {
        Some((a, buffer)) => (js_sys::Array::of2(&text, &a), js_sys::Array::of1(&buffer)),
        None => (js_sys::Array::of1(&text), js_sys::Array::new()),
    }
}

/// The message of a [`pack`]ed message (plain JSON text too: a worker's panic hook sends that)
/// and what stands beside it.
fn unpack<T: DeserializeOwned>(data: &JsValue) -> (Option<T>, JsValue) {
    if let Some(text) = data.as_string() {
        return (crate::train::protocol::decode(&text), JsValue::UNDEFINED);
    }
    let Some(parts) = data.dyn_ref::<js_sys::Array>() else {
        return (None, JsValue::UNDEFINED);
    };
    let msg = parts
        .get(0)
        .as_string()
        .and_then(|t| crate::train::protocol::decode(&t));
    (msg, parts.get(1))
}

/// What can stand beside a message: bytes (weights) as a `Uint8Array`, floats (weights or
/// gradients) as a `Float32Array`.
pub trait Element: Copy + Sized {
    /// The typed array of `values`, and its buffer to transfer.
    fn to_js(values: &[Self]) -> (JsValue, JsValue);
    /// The values of a typed array of this kind, if `v` is one.
    fn from_js(v: JsValue) -> Option<Vec<Self>>;
}

/// `Element` for a number type and the typed array that holds it.
macro_rules! element {
    ($t:ty, $array:ty) => {
        impl Element for $t {
            fn to_js(values: &[$t]) -> (JsValue, JsValue) {
                let a = <$array>::from(values);
                let buffer = a.buffer().into();
                (a.into(), buffer)
            }
            fn from_js(v: JsValue) -> Option<Vec<$t>> {
                v.dyn_into::<$array>().ok().map(|a| a.to_vec())
            }
        }
    };
}

element!(u8, js_sys::Uint8Array);
element!(f32, js_sys::Float32Array);

/// A message with an array beside it, and the transfer list that moves the array's buffer.
pub fn with_array<T: Serialize, E: Element>(
    msg: &T,
    array: Option<&[E]>,
) -> (js_sys::Array, js_sys::Array) {
    pack(msg, array.map(E::to_js))
}

/// The message and array of a [`with_array`] message.
pub fn read_with_array<T: DeserializeOwned, E: Element>(
    data: &JsValue,
) -> (Option<T>, Option<Vec<E>>) {
    let (msg, beside) = unpack(data);
    (msg, E::from_js(beside))
}
