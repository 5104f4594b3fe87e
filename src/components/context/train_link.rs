//! The page's end of the training worker: starts it, turns its messages into [`RunState`],
//! sends commands once it is Ready, and keeps the learner's model (offered to Draw, stored in
//! IndexedDB, restored after a reload). A worker that dies (a trap, running out of memory, a
//! script that does not load) is replaced by a fresh one that gets the last good weights.

use super::kept::{provide_my_models, MyModels};
use super::mnist::{load_mnist, use_mnist, MnistState};
use crate::components::context::models::{model_of, use_models, Models};
use crate::train::protocol::{
    BatchReport, CarriesBytes, Envelope, FromWorker, Settings, Status, ToWorker, WorkerError,
};
use crate::train::state::{Effect, RunState};
use crate::web::wire::{read_with_array, with_array};
use leptos::prelude::*;
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

/// What components use to talk to the worker.
#[derive(Clone, Copy)]
pub struct TrainLink {
    /// Everything known about the run.
    pub state: RwSignal<RunState>,
    /// The worker script in use (which SIMD build).
    pub script: RwSignal<&'static str>,
    /// The kept models ("My models").
    pub my: MyModels,
    /// The settings of the run in progress (what Resume and One batch go on with).
    pub run_settings: RwSignal<Option<Settings>>,
    /// Whether the worker has been started. It starts when the learner nears the Train section
    /// or gives it a command, so a first visit fetches neither it nor the 10,000 digits; until
    /// then the section shows it as idle and keeps the commands for it.
    pub woken: RwSignal<bool>,
    models: Models,
    mnist: RwSignal<MnistState>,
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
    // The last command given before the worker was ready, sent once it is idle.
    queued: StoredValue<Option<ToWorker>, LocalStorage>,
    pending: StoredValue<Option<Vec<u8>>, LocalStorage>,
    // Batch reports not shown yet, with their run; the first one held starts the timer that
    // shows them.
    held: StoredValue<Vec<(u64, BatchReport)>, LocalStorage>,
    // The number of the newest run the page asked for.
    run: StoredValue<u64, LocalStorage>,
    // Workers started in a row after one died, none of which loaded; past MAX_RESTARTS the
    // page stops trying.
    restarts: StoredValue<u32, LocalStorage>,
}

/// How many times the page starts a fresh worker after one died, before it gives up (a script
/// that does not load would fail every time).
const MAX_RESTARTS: u32 = 2;

/// How often the page shows batch reports. The worker sends one every few tens of
/// milliseconds; updating the page for each kept its thread busy a third of the time, which on
/// a two-core machine slowed the worker it shares the cores with.
const SHOW_BATCHES_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

impl TrainLink {
    /// Starts the worker and the page's digits, once.
    pub fn wake(&self) {
        if self.woken.get_untracked() {
            return;
        }
        self.woken.set(true);
        load_mnist(self.mnist);
        start_worker(*self);
    }

    /// Sends a command. Before the worker is ready, the command starts it if need be and
    /// waits for it (the last one given is sent once it is idle). Start, One batch, Reset and
    /// Load get a new run number; Reset and Load discard the run on screen, so its reports
    /// still on their way are dropped.
    pub fn send(&self, msg: &ToWorker) {
        if !self.woken.get_untracked() || !self.state.with_untracked(|s| s.ready) {
            self.queued.set_value(Some(msg.clone()));
            self.wake();
            return;
        }
        self.show_held();
        let new_run = matches!(
            msg,
            ToWorker::Start(_) | ToWorker::Step(_) | ToWorker::Reset(_) | ToWorker::Load(_)
        );
        if new_run {
            self.run.update_value(|r| *r += 1);
        }
        let run = self.run.get_value();
        match msg {
            ToWorker::Reset(_) | ToWorker::Load(_) => {
                self.state.update(|s| s.discard(run));
                self.run_settings.set(None);
                self.my.new_run();
            }
            ToWorker::Start(s) => {
                self.run_settings.set(Some(s.clone()));
                self.my.new_run();
            }
            ToWorker::Step(s) if self.status() != Some(Status::Paused) => {
                self.run_settings.set(Some(s.clone()));
                self.my.new_run();
            }
            _ => {}
        }
        let (msg, bytes) = msg.clone().split_bytes();
        let (data, transfer) = with_array(&Envelope { run, msg }, bytes.as_deref());
        self.worker.with_value(|w| {
            if let Some(w) = w {
                let _ = w.post_message_with_transfer(&data, &transfer);
            }
        });
    }

    /// Holds a batch report back until the next showing, which a timer brings.
    fn hold(&self, run: u64, b: BatchReport) {
        let first = self.held.try_update_value(|held| {
            held.push((run, b));
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
                for (run, b) in held {
                    s.apply(run, FromWorker::Batch(b));
                }
            });
        }
    }

    /// The worker's status (`None` while it loads); idle before it is started, as it takes
    /// commands then.
    pub fn status(&self) -> Option<Status> {
        if !self.woken.get() {
            return Some(Status::Idle);
        }
        self.state.with(|s| s.status)
    }

    /// The weights Export writes: the worker's, or before it is started the model restored
    /// from this browser's storage.
    pub fn weights(&self) -> Option<Vec<u8>> {
        self.state.with(|s| s.weights.clone()).or_else(|| {
            (!self.woken.get())
                .then(|| self.models.trained.with(|t| t.as_ref().map(|b| b.to_vec())))
                .flatten()
        })
    }

    /// Loads restored weights into the worker once it has its digits, then sends the commands
    /// given before it was started.
    fn try_restore(&self) {
        if self.state.with_untracked(|s| s.status) == Some(Status::Idle) {
            if let Some(bytes) = self.pending.try_update_value(|p| p.take()).flatten() {
                self.send(&ToWorker::Load(bytes));
            }
            if let Some(msg) = self.queued.try_update_value(|q| q.take()).flatten() {
                self.send(&msg);
            }
        }
    }

    /// Keeps restored weights for the worker without starting it: sent once it is idle.
    fn keep_for_worker(&self, bytes: Vec<u8>) {
        if self.woken.get_untracked() {
            self.load(bytes);
        } else {
            self.pending.set_value(Some(bytes));
        }
    }

    /// Gives the worker these (checked) weights: at once when it is ready, else as soon as it
    /// is, so an import made while it loads is not lost.
    pub fn load(&self, bytes: Vec<u8>) {
        if !self.woken.get_untracked() {
            self.pending.set_value(Some(bytes));
            self.wake();
            return;
        }
        let ready = self.state.with_untracked(|s| s.ready)
            && matches!(
                self.status(),
                Some(Status::Idle | Status::Paused | Status::Done | Status::Error)
            );
        if ready {
            self.send(&ToWorker::Load(bytes));
        } else {
            self.pending.set_value(Some(bytes));
        }
    }
}

/// Starts the worker and provides the [`TrainLink`].
pub fn provide_train_link() -> TrainLink {
    let models = use_models();
    let link = TrainLink {
        state: RwSignal::new(RunState::default()),
        script: RwSignal::new(""),
        my: provide_my_models(models),
        run_settings: RwSignal::new(None),
        woken: RwSignal::new(false),
        models,
        mnist: use_mnist(),
        worker: StoredValue::new_local(None),
        queued: StoredValue::new_local(None),
        pending: StoredValue::new_local(None),
        held: StoredValue::new_local(Vec::new()),
        run: StoredValue::new_local(0),
        restarts: StoredValue::new_local(0),
    };
    provide_context(link);
    let script = worker_script();
    link.script.set(script);
    link.my.restore(move |bytes| link.keep_for_worker(bytes));
    link
}

/// Starts a worker (the build `link.script` names) and routes its messages and failures.
fn start_worker(link: TrainLink) {
    // `?helpers=N` on the page passes on to the worker: how many helper workers share a step.
    let script = link.script.get_untracked();
    let url = match crate::web::url::get_param("helpers").filter(|n| n.parse::<usize>().is_ok()) {
        Some(n) => format!("{script}?helpers={n}"),
        None => script.to_string(),
    };
    let worker = match web_sys::Worker::new(&url) {
        Ok(w) => w,
        Err(e) => {
            let detail = e.as_string().unwrap_or_else(|| "Worker".into());
            link.state.update(|s| {
                s.status = Some(Status::Error);
                s.error = Some(WorkerError::Dead(detail));
            });
            return;
        }
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let (Some(Envelope { run, msg }), bytes) =
                read_with_array::<Envelope<FromWorker>, u8>(&ev.data())
            else {
                return link.crashed("a message the page could not read".into());
            };
            let msg = msg.join_bytes(bytes);
            let msg = match msg {
                FromWorker::Batch(b) => return link.hold(run, b),
                other => other,
            };
            link.show_held();
            let became_idle = matches!(msg, FromWorker::Status(Status::Idle));
            if let FromWorker::Status(s) = msg {
                link.my.status(s);
            }
            let effect = link
                .state
                .try_update(|s| s.apply(run, msg))
                .unwrap_or(Effect::None);
            if effect == Effect::Trained {
                link.state.with_untracked(|s| {
                    if let Some(bytes) = s.weights.clone() {
                        link.run_settings
                            .with_untracked(|r| link.my.keep_run(bytes, s, r.as_ref()));
                    }
                });
            }
            if became_idle {
                // A worker that got this far loads; a later death is a new fault, not the
                // same one again, so it may be restarted too.
                link.restarts.set_value(0);
                link.try_restore();
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A trap, an out-of-memory abort or a script that does not load all end here.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let detail = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| ev.type_());
        link.crashed(detail);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    link.worker.set_value(Some(worker));
}

impl TrainLink {
    /// The worker stopped working: it is replaced by a fresh one, which gets the learner's last
    /// good weights once it is ready, so nothing trained is lost.
    fn crashed(&self, detail: String) {
        if let Some(w) = self.worker.try_update_value(|w| w.take()).flatten() {
            w.terminate();
        }
        let _ = self.held.try_update_value(std::mem::take);
        let last_good = self
            .state
            .with_untracked(|s| s.weights.clone())
            .filter(|w| model_of(w).is_ok())
            .or_else(|| self.models.trained.get_untracked().map(|b| b.to_vec()));
        let restarts = self.restarts.get_value() + 1;
        self.restarts.set_value(restarts);
        let give_up = restarts > MAX_RESTARTS;
        self.state.update(|s| {
            // The next worker counts runs from 0 until the page's next command.
            s.floor = 0;
            s.ready = false;
            s.status = Some(Status::Error);
            s.error = Some(if give_up {
                WorkerError::Dead(detail)
            } else {
                WorkerError::Crashed(detail)
            });
        });
        self.run_settings.set(None);
        if give_up {
            return;
        }
        if let Some(bytes) = last_good {
            self.pending.set_value(Some(bytes));
        }
        start_worker(*self);
    }
}

/// The link provided by [`provide_train_link`].
pub fn use_train_link() -> TrainLink {
    expect_context::<TrainLink>()
}
