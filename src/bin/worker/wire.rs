//! How the trainer and its helpers talk: typed messages with their floats beside them, and the
//! digits every worker fetches for itself.

use convlab::data::Mnist;
use convlab::train::protocol::{decode, encode};
use convlab::web::response_bytes;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The name a helper is started with.
pub const HELPER_NAME: &str = "helper";

/// A typed message with floats beside it, as `[json, Float32Array]` (JSON would cost more
/// than the work for 55,338 floats), and the transfer list that moves the array.
pub fn with_floats<T: Serialize>(
    msg: &T,
    floats: Option<&[f32]>,
) -> (js_sys::Array, js_sys::Array) {
    let text = JsValue::from_str(&encode(msg));
    match floats {
        Some(f) => {
            let a = js_sys::Float32Array::from(f);
            (
                js_sys::Array::of2(&text, &a),
                js_sys::Array::of1(&a.buffer()),
            )
        }
        None => (js_sys::Array::of1(&text), js_sys::Array::new()),
    }
}

/// The message and floats of a [`with_floats`] message.
pub fn read_with_floats<T: DeserializeOwned>(ev: &MessageEvent) -> (Option<T>, Option<Vec<f32>>) {
    let data: js_sys::Array = ev.data().unchecked_into();
    let msg = data.get(0).as_string().and_then(|t| decode::<T>(&t));
    let floats = data
        .get(1)
        .dyn_into::<js_sys::Float32Array>()
        .ok()
        .map(|a| a.to_vec());
    (msg, floats)
}

/// The 10,000 digits, fetched from the app's own origin and decoded.
pub async fn fetch_digits(scope: &DedicatedWorkerGlobalScope) -> Result<Mnist, String> {
    let bytes = response_bytes(scope.fetch_with_str("./public/mnist-10k.bin")).await?;
    Mnist::decode(&bytes).map_err(|e| e.to_string())
}
