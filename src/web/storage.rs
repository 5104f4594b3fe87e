//! Keeping the learner's models and data across reloads: IndexedDB (database `convlab`; store
//! `models`, one record per model, "My models"; store `data`, an imported set; store
//! `mydigits`, the learner's own digits), through web-sys directly; a handful of calls did not
//! justify another dependency. A record is written in one transaction, and a write counts as
//! done only when its transaction commits, so a full quota or blocked storage is reported, not
//! hidden.

use crate::train::kept::StoredRecord;
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DB: &str = "convlab";
const STORE: &str = "models";
/// Version 2 added the stores of [`Store`].
const VERSION: u32 = 2;

/// A store of records of bytes beside the models' own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// An imported set (its images and its facts).
    Data,
    /// The learner's own digits.
    MyDigits,
}

impl Store {
    fn name(self) -> &'static str {
        match self {
            Store::Data => "data",
            Store::MyDigits => "mydigits",
        }
    }
}

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
    let req: IdbOpenDbRequest = factory.open_with_u32(DB, VERSION)?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        if let Some(db) = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok())
        {
            // From any earlier version: the stores it lacks, the models kept as they are.
            let names = db.object_store_names();
            for store in [STORE, Store::Data.name(), Store::MyDigits.name()] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
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
    request_in(STORE, mode, f).await
}

async fn request_in(
    store: &str,
    mode: IdbTransactionMode,
    f: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(store, mode)?;
    let out = async {
        let req = f(&tx.object_store(store)?)?;
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

// Where earlier versions kept one model: a record `{weights, accuracy, saved}` under "model", and
// before that the bytes and their accuracy (a percent, as text) in two records.
const LEGACY_WEIGHTS: &str = "weights";
const LEGACY_META: &str = "meta";

/// Keeps a model under `id`: its weights and its facts (JSON), one record in one transaction.
pub async fn put_model(id: &str, weights: &[u8], facts: &str) -> Result<(), JsValue> {
    let record = js_sys::Object::new();
    js_sys::Reflect::set(&record, &"weights".into(), &Uint8Array::from(weights))?;
    js_sys::Reflect::set(&record, &"facts".into(), &JsValue::from_str(facts))?;
    request(IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&record, &JsValue::from_str(id))
    })
    .await?;
    Ok(())
}

/// Every kept model's record, without copying any weights into the page's memory.
pub async fn list_models() -> Result<Vec<StoredRecord>, JsValue> {
    // Keys and values from one transaction, so another tab's write cannot fall between them.
    let db = open().await?;
    let read = async {
        let tx = db.transaction_with_str(STORE)?;
        let store = tx.object_store(STORE)?;
        let keys = store.get_all_keys()?;
        let values = store.get_all()?;
        let keys: js_sys::Array = done(&keys).await?.dyn_into()?;
        let values: js_sys::Array = done(&values).await?.dyn_into()?;
        Ok::<_, JsValue>((keys, values))
    }
    .await;
    db.close();
    let (keys, values) = read?;
    let legacy_accuracy = keys
        .iter()
        .position(|k| k.as_string().as_deref() == Some(LEGACY_META))
        .and_then(|i| values.get(i as u32).dyn_into::<Uint8Array>().ok())
        .and_then(|m| String::from_utf8(m.to_vec()).ok())
        .and_then(|m| m.parse::<f32>().ok())
        .map(|percent| percent / 100.0);
    let mut out = Vec::new();
    for (key, value) in keys.iter().zip(values.iter()) {
        let Some(id) = key.as_string() else { continue };
        let field = |name: &str| js_sys::Reflect::get(&value, &name.into()).ok();
        let record = match id.as_str() {
            LEGACY_META => continue,
            LEGACY_WEIGHTS => StoredRecord {
                id,
                accuracy: legacy_accuracy,
                has_weights: value.is_instance_of::<Uint8Array>(),
                ..Default::default()
            },
            _ => StoredRecord {
                id,
                facts: field("facts").and_then(|f| f.as_string()),
                accuracy: field("accuracy").and_then(|a| a.as_f64()).map(|a| a as f32),
                saved_ms: field("saved").and_then(|t| t.as_f64()),
                has_weights: field("weights").is_some_and(|w| w.is_instance_of::<Uint8Array>()),
            },
        };
        out.push(record);
    }
    Ok(out)
}

/// The weights kept under `id`, if there are.
pub async fn get_weights(id: &str) -> Result<Option<Vec<u8>>, JsValue> {
    let value = request(IdbTransactionMode::Readonly, |s| {
        s.get(&JsValue::from_str(id))
    })
    .await?;
    let bytes = if value.is_instance_of::<Uint8Array>() {
        value
    } else if value.is_object() {
        js_sys::Reflect::get(&value, &"weights".into())?
    } else {
        return Ok(None);
    };
    Ok(bytes.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec()))
}

/// Removes the model kept under `id` (with its accuracy, for the earliest format).
pub async fn delete_model(id: &str) -> Result<(), JsValue> {
    request(IdbTransactionMode::Readwrite, |s| {
        s.delete(&JsValue::from_str(id))
    })
    .await?;
    if id == LEGACY_WEIGHTS {
        request(IdbTransactionMode::Readwrite, |s| {
            s.delete(&JsValue::from_str(LEGACY_META))
        })
        .await?;
    }
    Ok(())
}

/// Keeps `bytes` and their facts (text, e.g. JSON) under `key` in `store`, in one transaction;
/// a full quota is an error (the browser's name for it, e.g. `QuotaExceededError`).
pub async fn put_bytes(store: Store, key: &str, bytes: &[u8], facts: &str) -> Result<(), JsValue> {
    let record = js_sys::Object::new();
    js_sys::Reflect::set(&record, &"bytes".into(), &Uint8Array::from(bytes))?;
    js_sys::Reflect::set(&record, &"facts".into(), &JsValue::from_str(facts))?;
    request_in(store.name(), IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&record, &JsValue::from_str(key))
    })
    .await?;
    Ok(())
}

/// The bytes and facts kept under `key` in `store`, if there are.
pub async fn get_bytes(store: Store, key: &str) -> Result<Option<(Vec<u8>, String)>, JsValue> {
    let value = request_in(store.name(), IdbTransactionMode::Readonly, |s| {
        s.get(&JsValue::from_str(key))
    })
    .await?;
    if !value.is_object() {
        return Ok(None);
    }
    let bytes = js_sys::Reflect::get(&value, &"bytes".into())?;
    let facts = js_sys::Reflect::get(&value, &"facts".into())?;
    Ok(bytes
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|b| (b.to_vec(), facts.as_string().unwrap_or_default())))
}

/// Every record of `store` as `(key, bytes, facts)`, read in one transaction; a record that is
/// not bytes and facts comes with empty bytes (the caller finds it unreadable).
pub async fn all_bytes(store: Store) -> Result<Vec<(String, Vec<u8>, String)>, JsValue> {
    let db = open().await?;
    let read = async {
        let tx = db.transaction_with_str(store.name())?;
        let s = tx.object_store(store.name())?;
        let keys = s.get_all_keys()?;
        let values = s.get_all()?;
        let keys: js_sys::Array = done(&keys).await?.dyn_into()?;
        let values: js_sys::Array = done(&values).await?.dyn_into()?;
        Ok::<_, JsValue>((keys, values))
    }
    .await;
    db.close();
    let (keys, values) = read?;
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| {
            let field = |name: &str| js_sys::Reflect::get(&v, &name.into()).ok();
            let bytes = field("bytes")
                .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                .map(|b| b.to_vec())
                .unwrap_or_default();
            let facts = field("facts")
                .and_then(|f| f.as_string())
                .unwrap_or_default();
            Some((k.as_string()?, bytes, facts))
        })
        .collect())
}

/// The keys of `store`'s records.
pub async fn keys(store: Store) -> Result<Vec<String>, JsValue> {
    let keys = request_in(store.name(), IdbTransactionMode::Readonly, |s| {
        s.get_all_keys()
    })
    .await?;
    let keys: js_sys::Array = keys.dyn_into()?;
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// Removes the record under `key` from `store`.
pub async fn delete_bytes(store: Store, key: &str) -> Result<(), JsValue> {
    request_in(store.name(), IdbTransactionMode::Readwrite, |s| {
        s.delete(&JsValue::from_str(key))
    })
    .await?;
    Ok(())
}
