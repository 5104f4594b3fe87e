//! Keeping the learner's model across reloads: IndexedDB (database `convlab`, store `models`),
//! through web-sys directly; a handful of calls did not justify another dependency. The model
//! and its facts are one record written in one transaction, and a write counts as done only
//! when its transaction commits, so a full quota or blocked storage is reported, not hidden.

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

/// Waits for a transaction to commit; an abort (a full quota, say) is an error.
async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let why = t
                .error()
                .map(|e| e.name())
                .unwrap_or_else(|| "the transaction was aborted".into());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onabort(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn request(
    mode: IdbTransactionMode,
    f: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, mode)?;
    let out = async {
        let req = f(&tx.object_store(STORE)?)?;
        let value = done(&req).await?;
        if mode == IdbTransactionMode::Readwrite {
            committed(&tx).await?;
        }
        Ok(value)
    }
    .await;
    db.close();
    out
}

/// The learner's model as it is kept: its weights and what is known of them.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredModel {
    /// Safetensors bytes of the seed model.
    pub weights: Vec<u8>,
    /// Held-out accuracy in [0, 1], when it was evaluated.
    pub accuracy: Option<f32>,
}

const MODEL_KEY: &str = "model";
// Where an earlier version kept the weights and their accuracy, in two records.
const LEGACY_WEIGHTS: &str = "weights";
const LEGACY_META: &str = "meta";

/// Keeps `model`, weights and accuracy together in one record.
pub async fn put_model(model: &StoredModel) -> Result<(), JsValue> {
    let record = js_sys::Object::new();
    js_sys::Reflect::set(
        &record,
        &"weights".into(),
        &Uint8Array::from(model.weights.as_slice()),
    )?;
    let acc = model
        .accuracy
        .map_or(JsValue::NULL, |a| JsValue::from_f64(a as f64));
    js_sys::Reflect::set(&record, &"accuracy".into(), &acc)?;
    js_sys::Reflect::set(&record, &"saved".into(), &js_sys::Date::now().into())?;
    request(IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&record, &JsValue::from_str(MODEL_KEY))
    })
    .await?;
    Ok(())
}

/// The kept model, if any: the one record, else the two an earlier version wrote. A record that
/// cannot be read is an error (the caller says so and removes it).
pub async fn get_model() -> Result<Option<StoredModel>, JsValue> {
    let record = request(IdbTransactionMode::Readonly, |s| {
        s.get(&JsValue::from_str(MODEL_KEY))
    })
    .await?;
    if record.is_undefined() {
        let Some(weights) = get(LEGACY_WEIGHTS).await? else {
            return Ok(None);
        };
        let accuracy = get(LEGACY_META)
            .await?
            .and_then(|m| String::from_utf8(m).ok())
            .and_then(|m| m.parse::<f32>().ok())
            .map(|percent| percent / 100.0);
        return Ok(Some(StoredModel { weights, accuracy }));
    }
    let weights = js_sys::Reflect::get(&record, &"weights".into())?
        .dyn_into::<Uint8Array>()
        .map_err(|_| JsValue::from_str("a kept model without weights"))?
        .to_vec();
    let accuracy = js_sys::Reflect::get(&record, &"accuracy".into())?
        .as_f64()
        .map(|a| a as f32);
    Ok(Some(StoredModel { weights, accuracy }))
}

/// Removes the kept model (and what an earlier version kept).
pub async fn forget_model() -> Result<(), JsValue> {
    delete(MODEL_KEY).await?;
    delete(LEGACY_WEIGHTS).await?;
    delete(LEGACY_META).await
}

/// The bytes under `key`, if any.
async fn get(key: &str) -> Result<Option<Vec<u8>>, JsValue> {
    let v = request(IdbTransactionMode::Readonly, |s| {
        s.get(&JsValue::from_str(key))
    })
    .await?;
    Ok(v.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
}

/// Removes `key`.
async fn delete(key: &str) -> Result<(), JsValue> {
    request(IdbTransactionMode::Readwrite, |s| {
        s.delete(&JsValue::from_str(key))
    })
    .await?;
    Ok(())
}
