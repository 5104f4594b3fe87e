//! Keeping the learner's model across reloads: IndexedDB (database `convlab`, store `models`),
//! through web-sys directly; a handful of calls did not justify another dependency.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DB: &str = "convlab";
const STORE: &str = "models";

/// Waits for an IndexedDB request's result.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("IndexedDB request failed"),
            );
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()?
        .ok_or("IndexedDB is not available")?;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB, 1)?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        if let Some(db) = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok())
        {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&req).await?.unchecked_into())
}

async fn request(
    mode: IdbTransactionMode,
    f: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, mode)?;
    let req = f(&tx.object_store(STORE)?)?;
    let out = done(&req).await;
    db.close();
    out
}

/// Stores bytes under `key`.
pub async fn put(key: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let value = Uint8Array::from(bytes);
    request(IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&value, &JsValue::from_str(key))
    })
    .await?;
    Ok(())
}

/// The bytes under `key`, if any.
pub async fn get(key: &str) -> Result<Option<Vec<u8>>, JsValue> {
    let v = request(IdbTransactionMode::Readonly, |s| {
        s.get(&JsValue::from_str(key))
    })
    .await?;
    Ok(v.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
}

/// Removes `key`.
pub async fn delete(key: &str) -> Result<(), JsValue> {
    request(IdbTransactionMode::Readwrite, |s| {
        s.delete(&JsValue::from_str(key))
    })
    .await?;
    Ok(())
}
