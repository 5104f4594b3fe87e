//! The page's end of the training worker: starts it, turns its messages into [`RunState`],
//! sends commands once it is Ready, and keeps the learner's model (offered to Draw, stored in
//! IndexedDB, restored after a reload).

use crate::components::context::models::{seed_model, use_models, Models};
use crate::train::protocol::{decode, encode, BatchReport, FromWorker, Status, ToWorker};
use crate::train::state::{Effect, RunState};
use crate::web::storage;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A module whose one function uses `f32x4.relaxed_madd`: valid only where relaxed SIMD is.
const RELAXED_PROBE: &[u8] = &[
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type: () -> v128
    0x03, 0x02, 0x01, 0x00, // one function of that type
    0x0a, 0x3d, 0x01, 0x3b, 0x00, // code: one body of 59 bytes, no locals
    0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // v128.const 0
    0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // v128.const 0
    0xfd, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // v128.const 0
    0xfd, 0x85, 0x02, // f32x4.relaxed_madd
    0x0b, // end
];

/// Which build of the worker this browser gets: the relaxed-SIMD one where it can run (and
/// `?simd=basic` does not ask for the plain one), else the plain simd128 one.
pub fn worker_script() -> &'static str {
    let basic = crate::web::url::get_param("simd").as_deref() == Some("basic");
    let relaxed = !basic
        && js_sys::WebAssembly::validate(&js_sys::Uint8Array::from(RELAXED_PROBE).into())
            .unwrap_or(false);
    if relaxed {
        "./worker_relaxed_loader.js"
    } else {
        "./worker_loader.js"
    }
}

const WEIGHTS_KEY: &str = "weights";
const META_KEY: &str = "meta";

/// What components use to talk to the worker.
#[derive(Clone, Copy)]
pub struct TrainLink {
    /// Everything known about the run.
    pub state: RwSignal<RunState>,
    /// The worker script in use (which SIMD build).
    pub script: RwSignal<&'static str>,
    /// Held-out accuracy of a model restored from storage, in percent.
    pub restored: RwSignal<Option<Option<f32>>>,
    models: Models,
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
    pending: StoredValue<Option<Vec<u8>>, LocalStorage>,
    // Batch reports not shown yet; the first one held starts the timer that shows them.
    held: StoredValue<Vec<BatchReport>, LocalStorage>,
}

/// How often the page shows batch reports. The worker sends one every few tens of
/// milliseconds; updating the page for each kept its thread busy a third of the time, which on
/// a two-core machine slowed the worker it shares the cores with.
const SHOW_BATCHES_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

impl TrainLink {
    /// Sends a command; commands before Ready are not sent (the controls are disabled then).
    pub fn send(&self, msg: &ToWorker) {
        if !self.state.with_untracked(|s| s.ready) {
            return;
        }
        self.show_held();
        if matches!(msg, ToWorker::Reset(_) | ToWorker::Load(_)) {
            self.state.update(|s| s.clear_run());
        }
        self.worker.with_value(|w| {
            if let Some(w) = w {
                let _ = w.post_message(&JsValue::from_str(&encode(msg)));
            }
        });
    }

    /// Holds a batch report back until the next showing, which a timer brings.
    fn hold(&self, b: BatchReport) {
        let first = self.held.try_update_value(|held| {
            held.push(b);
            held.len() == 1
        });
        if first == Some(true) {
            let link = *self;
            set_timeout(move || link.show_held(), SHOW_BATCHES_EVERY);
        }
    }

    /// Applies the held batch reports, in order; every other message calls this first.
    fn show_held(&self) {
        let held = self
            .held
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if !held.is_empty() {
            self.state.update(|s| {
                for b in held {
                    s.apply(FromWorker::Batch(b));
                }
            });
        }
    }

    /// The worker's status (`None` until it has said Ready).
    pub fn status(&self) -> Option<Status> {
        self.state.with(|s| s.status)
    }

    /// Loads restored weights into the worker once it has its digits.
    fn try_restore(&self) {
        if self.state.with_untracked(|s| s.status) == Some(Status::Idle) {
            if let Some(bytes) = self.pending.try_update_value(|p| p.take()).flatten() {
                self.send(&ToWorker::Load(bytes));
            }
        }
    }

    /// Makes `bytes` the learner's model: offered to Draw and stored in this browser, with its
    /// held-out accuracy (in [0, 1]) when known.
    pub fn keep(&self, bytes: Vec<u8>, accuracy: Option<f32>) {
        self.models.trained.set(Some(Arc::new(bytes.clone())));
        leptos::task::spawn_local(async move {
            let _ = storage::put(WEIGHTS_KEY, &bytes).await;
            let meta = accuracy
                .map(|a| format!("{:.2}", 100.0 * a))
                .unwrap_or_default();
            let _ = storage::put(META_KEY, meta.as_bytes()).await;
        });
    }

    /// Forgets the stored model.
    pub fn forget(&self) {
        leptos::task::spawn_local(async {
            let _ = storage::delete(WEIGHTS_KEY).await;
            let _ = storage::delete(META_KEY).await;
        });
        self.restored.set(None);
    }
}

/// Starts the worker and provides the [`TrainLink`].
pub fn provide_train_link() -> TrainLink {
    let models = use_models();
    let link = TrainLink {
        state: RwSignal::new(RunState::default()),
        restored: RwSignal::new(None),
        script: RwSignal::new(""),
        models,
        worker: StoredValue::new_local(None),
        pending: StoredValue::new_local(None),
        held: StoredValue::new_local(Vec::new()),
    };
    provide_context(link);
    let script = worker_script();
    link.script.set(script);
    // `?helpers=N` on the page passes on to the worker: how many helper workers share a step.
    let url = match crate::web::url::get_param("helpers").filter(|n| n.parse::<usize>().is_ok()) {
        Some(n) => format!("{script}?helpers={n}"),
        None => script.to_string(),
    };
    let worker = match web_sys::Worker::new(&url) {
        Ok(w) => w,
        Err(e) => {
            link.state.update(|s| {
                s.status = Some(Status::Error);
                s.error = Some(format!("{e:?}"));
            });
            return link;
        }
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(msg) = ev.data().as_string().and_then(|t| decode::<FromWorker>(&t)) else {
                return;
            };
            let msg = match msg {
                FromWorker::Batch(b) => return link.hold(b),
                other => other,
            };
            link.show_held();
            let became_idle = matches!(msg, FromWorker::Status(Status::Idle));
            let effect = link
                .state
                .try_update(|s| s.apply(msg))
                .unwrap_or(Effect::None);
            if effect == Effect::Trained {
                if let Some(bytes) = link.state.with_untracked(|s| s.weights.clone()) {
                    link.keep(bytes, link.state.with_untracked(|s| s.test_accuracy()));
                }
            }
            if became_idle {
                link.try_restore();
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    link.worker.set_value(Some(worker));
    leptos::task::spawn_local(async move {
        let Ok(Some(bytes)) = storage::get(WEIGHTS_KEY).await else {
            return;
        };
        if seed_model(&bytes).is_err() {
            return;
        }
        let acc = storage::get(META_KEY)
            .await
            .ok()
            .flatten()
            .and_then(|m| String::from_utf8(m).ok())
            .and_then(|m| m.parse::<f32>().ok());
        models.trained.set(Some(Arc::new(bytes.clone())));
        link.restored.set(Some(acc));
        link.pending.set_value(Some(bytes));
        link.try_restore();
    });
    link
}

/// The link provided by [`provide_train_link`].
pub fn use_train_link() -> TrainLink {
    expect_context::<TrainLink>()
}
