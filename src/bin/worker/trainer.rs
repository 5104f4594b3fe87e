//! The trainer's shell: it moves messages and timers for [`RunEngine`], which holds every rule
//! of a run. Commands from the page, turns of the event loop, helpers' answers and timeouts go
//! in; what the engine returns ([`Out`]) is posted, scheduled or sent to helpers.

use super::helper::start_helper;
use super::wire::{fetch_digits, HELPER_NAME};
use convlab::train::protocol::WorkerError;
use convlab::train::protocol::{
    encode, CarriesBytes, Envelope, FromHelper, FromWorker, ToHelper, ToWorker,
};
use convlab::train::run::{Out, RunEngine};
use convlab::web::wire::{read_with_array, with_array};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

/// At most this many helpers, however many cores there are: shares of a 64-image batch
/// get too small for the GEMM to stay efficient.
const MAX_HELPERS: usize = 3;

struct Shell {
    scope: DedicatedWorkerGlobalScope,
    engine: RunEngine,
    helpers: Vec<web_sys::Worker>,
    tick: MessageChannel,
    me: Weak<RefCell<Shell>>,
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |p| p.now())
}

impl Shell {
    fn post(&self, msg: FromWorker) {
        let (msg, bytes) = msg.split_bytes();
        let envelope = Envelope {
            run: self.engine.run(),
            msg,
        };
        let (data, transfer) = with_array(&envelope, bytes.as_deref());
        let _ = self.scope.post_message_with_transfer(&data, &transfer);
    }

    /// Does what the engine asked, in order.
    fn apply(&mut self, outs: Vec<Out>) {
        for o in outs {
            match o {
                Out::Post(msg) => self.post(msg),
                Out::Tick => {
                    let _ = self.tick.port1().post_message(&JsValue::NULL);
                }
                Out::OwnShare => {
                    let scope = self.scope.clone();
                    let more = self.engine.own_share(&|| now(&scope));
                    self.apply(more);
                }
                Out::Job { helper, job } => {
                    // After a failed send the helpers are gone; the engine redoes the step.
                    let Some(worker) = self.helpers.get(helper) else {
                        continue;
                    };
                    let job = ToHelper::Job(job);
                    let (msg, transfer) = with_array(&job, Some(self.engine.job_values()));
                    if worker.post_message_with_transfer(&msg, &transfer).is_err() {
                        let more = self.engine.job_not_sent();
                        self.apply(more);
                    }
                }
                Out::Timeout { job, ms } => self.after(ms, move |s| s.engine.helper_timeout(job)),
                Out::HelperData => {
                    // Each helper gets its own copy (a transferred buffer leaves the sender).
                    let sent = self.helpers.iter().all(|worker| {
                        let raw = self.engine.data_raw();
                        let (msg, transfer) = with_array(&ToHelper::Data, Some(&raw[..]));
                        worker.post_message_with_transfer(&msg, &transfer).is_ok()
                    });
                    if !sent {
                        let more = self.engine.job_not_sent();
                        self.apply(more);
                    }
                }
                Out::DropHelpers => {
                    for h in self.helpers.drain(..) {
                        h.terminate();
                    }
                }
            }
        }
    }

    /// Calls `f` on the shell after `ms` milliseconds, and does what it returns.
    fn after(&self, ms: u32, f: impl FnOnce(&mut Shell) -> Vec<Out> + 'static) {
        let me = self.me.clone();
        let callback = Closure::once_into_js(move || {
            if let Some(shell) = me.upgrade() {
                let mut shell = shell.borrow_mut();
                let outs = f(&mut shell);
                shell.apply(outs);
            }
        });
        let _ = self
            .scope
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                ms as i32,
            );
    }

    /// A helper's message; `grads` is the array that came with it.
    fn on_helper(&mut self, index: usize, msg: FromHelper, grads: Option<Vec<f32>>) {
        let outs = match msg {
            FromHelper::Ready => {
                self.engine.helper_ready(index);
                Vec::new()
            }
            FromHelper::Done { job, share } => {
                let t = now(&self.scope);
                self.engine.helper_done(job, share, grads, t)
            }
            FromHelper::Failed(why) => {
                web_sys::console::warn_1(&format!("training helper: {why}").into());
                self.engine.helper_failed()
            }
        };
        self.apply(outs);
    }
}

/// How many helpers to start: `?helpers=N` on the script's URL, else one per core beyond
/// the first, at most [`MAX_HELPERS`].
fn helper_count(scope: &DedicatedWorkerGlobalScope) -> usize {
    let asked = web_sys::Url::new(&scope.location().href())
        .ok()
        .and_then(|u| u.search_params().get("helpers"))
        .and_then(|v| v.parse::<usize>().ok());
    let cores = scope.navigator().hardware_concurrency() as usize;
    asked.unwrap_or(cores.saturating_sub(1)).min(MAX_HELPERS)
}

/// Starts `count` helpers; each answers through `on_helper` with its index. One that cannot be
/// started never says Ready, so the engine never gives it a share.
fn start_helpers(shell: &Rc<RefCell<Shell>>, count: usize) {
    let scope = shell.borrow().scope.clone();
    let href = scope.location().href();
    let options = web_sys::WorkerOptions::new();
    options.set_name(HELPER_NAME);
    for index in 0..count {
        let Ok(worker) = web_sys::Worker::new_with_options(&href, &options) else {
            break;
        };
        let on_message = {
            let shell = shell.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let (msg, grads) = read_with_array::<FromHelper, f32>(&ev.data());
                let msg = msg.unwrap_or(FromHelper::Failed("an unreadable message".into()));
                shell.borrow_mut().on_helper(index, msg, grads);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        shell.borrow_mut().helpers.push(worker);
    }
}

/// Tells the page before the worker dies of a panic: its message, as the page's error. (The
/// trap that follows also reaches the page as an `error` event; the page replaces the worker.)
fn report_panics(scope: DedicatedWorkerGlobalScope) {
    std::panic::set_hook(Box::new(move |info| {
        let msg = Envelope {
            // Whatever the run, the page shows this.
            run: u64::MAX,
            msg: FromWorker::Error(WorkerError::Crashed(info.to_string())),
        };
        let _ = scope.post_message(&JsValue::from_str(&encode(&msg)));
    }));
}

/// Starts this worker as the trainer, or as a helper when it was started with that name.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    if scope.name() == HELPER_NAME {
        return start_helper(scope);
    }
    report_panics(scope.clone());
    let Ok(tick) = MessageChannel::new() else {
        return;
    };
    let helpers = helper_count(&scope);
    let shell = Rc::new_cyclic(|me| {
        RefCell::new(Shell {
            scope: scope.clone(),
            engine: RunEngine::new(helpers),
            helpers: Vec::new(),
            tick,
            me: me.clone(),
        })
    });
    start_helpers(&shell, helpers);
    let on_tick = {
        let shell = shell.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
            let mut s = shell.borrow_mut();
            let outs = s.engine.tick();
            s.apply(outs);
        })
    };
    shell
        .borrow()
        .tick
        .port2()
        .set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
    on_tick.forget();
    let on_message = {
        let shell = shell.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let mut s = shell.borrow_mut();
            match read_with_array::<Envelope<ToWorker>, u8>(&ev.data()) {
                (Some(Envelope { run, msg }), bytes) => {
                    let outs = s.engine.command(run, msg.join_bytes(bytes));
                    s.apply(outs);
                }
                (None, _) => s.post(FromWorker::Error(WorkerError::Unreadable)),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let first = shell.borrow().engine.start();
    shell.borrow_mut().apply(first);
    wasm_bindgen_futures::spawn_local(async move {
        let outs = match fetch_digits(&scope).await {
            Ok(m) => shell.borrow_mut().engine.digits_loaded(m),
            Err(e) => shell.borrow_mut().engine.digits_failed(e),
        };
        shell.borrow_mut().apply(outs);
    });
}
