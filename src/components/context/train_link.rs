//! The page's end of the training worker: the browser's side of [`LinkEngine`] (in
//! `crate::train::link`, where its rules are tested natively). It starts workers, posts what
//! the engine sends, feeds it the workers' messages, crashes and timers, and keeps the learner's
//! model (offered to Draw, stored in IndexedDB, restored after a reload); a model taught the
//! learner's digits is the one Draw reads with at once.

use super::data::{use_data, Data};
use super::drawing::{use_drawing, Choice, Drawing};
use super::kept::{provide_my_models, MyModels};
use super::mnist::{load_mnist, use_mnist, MnistState};
use crate::components::context::models::{use_models, Models};
use crate::data::{Layout, Mnist};
use crate::train::link::{LinkEngine, LinkOut, Teaching};
use crate::train::protocol::{CarriesBytes, Envelope, FromWorker, Settings, Status, ToWorker};
use crate::train::state::RunState;
use crate::web::detail;
use crate::web::wire::{read_with_array, with_array};
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

/// What components use to talk to the worker: a thin shell over [`LinkEngine`], which holds
/// every rule of the link (queued commands, run numbers, held reports, restarts). Browser
/// events go in; what the engine returns is carried out here.
#[derive(Clone, Copy)]
pub struct TrainLink {
    /// Everything known about the run.
    pub state: RwSignal<RunState>,
    /// The worker script in use (which SIMD build).
    pub script: RwSignal<&'static str>,
    /// The kept models ("My models").
    pub my: MyModels,
    /// The settings of the run in progress (what Resume and One batch go on with).
    pub run_settings: Memo<Option<Settings>>,
    /// Whether the worker has been started. It starts when the learner nears the Train section
    /// or gives it a command, so a first visit fetches neither it nor the 10,000 digits; until
    /// then the section shows it as idle and keeps the commands for it.
    pub woken: RwSignal<bool>,
    models: Models,
    drawing: Drawing,
    // Told when a teaching run's weights were kept (Draw's "Your digits" checks them).
    on_taught: StoredValue<Option<Box<dyn Fn()>>, LocalStorage>,
    mnist: RwSignal<MnistState>,
    data: Data,
    engine: StoredValue<LinkEngine, LocalStorage>,
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
}

impl TrainLink {
    /// Runs one rule of the engine on the run state, then does what it asks.
    fn drive(&self, rule: impl FnOnce(&mut LinkEngine, &mut RunState) -> Vec<LinkOut>) {
        let mut outs = Vec::new();
        self.state.update(|s| {
            self.engine.update_value(|e| outs = rule(e, s));
        });
        self.apply(outs);
    }

    /// Does what the engine asked, in order.
    fn apply(&self, outs: Vec<LinkOut>) {
        for out in outs {
            match out {
                LinkOut::StartWorker { first } => {
                    if first {
                        self.woken.set(true);
                        load_mnist(self.mnist);
                        self.data.wake();
                    }
                    start_worker(*self);
                }
                LinkOut::EndWorker => {
                    if let Some(w) = self.worker.try_update_value(|w| w.take()).flatten() {
                        w.terminate();
                    }
                }
                LinkOut::Post(envelope) => self.post(envelope),
                LinkOut::ShowHeldAfter(wait) => {
                    let link = *self;
                    set_timeout(
                        move || {
                            link.drive(|e, s| {
                                e.show_held(s);
                                Vec::new()
                            })
                        },
                        wait,
                    );
                }
                LinkOut::NewRun => self.my.new_run(),
                LinkOut::Status(s) => self.my.status(s),
                LinkOut::Keep(bytes) => self.state.with_untracked(|s| {
                    self.my.keep_run(bytes, s, s.settings.as_ref());
                }),
                // Kept just above: Draw reads with the taught model from now on.
                LinkOut::Taught => {
                    self.drawing.choice.set(Choice::Trained);
                    self.on_taught.with_value(|f| {
                        if let Some(f) = f {
                            f();
                        }
                    });
                }
            }
        }
    }

    /// Posts a command; a post the browser refuses is said on the page.
    fn post(&self, envelope: Envelope<ToWorker>) {
        let Envelope { run, msg } = envelope;
        let (msg, bytes) = msg.split_bytes();
        let (data, transfer) = with_array(&Envelope { run, msg }, bytes.as_deref());
        let sent = self.worker.with_value(|w| match w {
            Some(w) => w
                .post_message_with_transfer(&data, &transfer)
                .map_err(|e| detail(&e, "postMessage")),
            None => Err("Worker".to_string()),
        });
        if let Err(why) = sent {
            self.drive(|e, s| {
                e.post_failed(s, why);
                Vec::new()
            });
        }
    }

    /// Starts the worker and the page's digits, once.
    pub fn wake(&self) {
        self.drive(|e, _| e.wake());
    }

    /// Sends a command; before the worker can take it, it waits for it (and starts it).
    pub fn send(&self, msg: &ToWorker) {
        let msg = msg.clone();
        self.drive(|e, s| e.send(s, msg));
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

    /// Gives the worker these (checked) weights: at once when it is ready, else as soon as it
    /// is, so an import made while it loads is not lost.
    pub fn load(&self, bytes: Vec<u8>) {
        self.drive(|e, s| e.load(s, bytes));
    }

    /// The learner's set from now on (`None`: the digits shipped with the page): the worker
    /// gets it before any other command, and a fresh one after a crash gets it again.
    pub fn use_data(&self, data: Option<(Layout, Arc<Mnist>)>) {
        self.drive(|e, s| e.use_data(s, data));
    }

    /// Where the learner's latest teaching run is (`None`: none asked for); follows the run
    /// state.
    pub fn teaching(&self) -> Option<Teaching> {
        self.state.track();
        self.engine.with_value(LinkEngine::teaching)
    }

    /// Calls `f` whenever a teaching run's weights have been kept and Draw reads with them (when
    /// the run pauses or ends); the last `f` given is the one called.
    pub fn on_taught(&self, f: impl Fn() + 'static) {
        self.on_taught.set_value(Some(Box::new(f)));
    }

    /// The worker stopped working (`detail`, the browser's words): the engine replaces it.
    fn crashed(&self, detail: String) {
        let kept = self.models.trained.get_untracked().map(|b| b.to_vec());
        self.drive(|e, s| e.crashed(s, detail, kept));
    }
}

/// Starts the worker and provides the [`TrainLink`].
pub fn provide_train_link() -> TrainLink {
    let models = use_models();
    let data = use_data();
    let state = RwSignal::new(RunState::default());
    let link = TrainLink {
        state,
        script: RwSignal::new(""),
        my: provide_my_models(models, data.source),
        run_settings: Memo::new(move |_| state.with(|s| s.settings.clone())),
        woken: RwSignal::new(false),
        models,
        drawing: use_drawing(),
        on_taught: StoredValue::new_local(None),
        mnist: use_mnist(),
        data,
        engine: StoredValue::new_local(LinkEngine::default()),
        worker: StoredValue::new_local(None),
    };
    provide_context(link);
    let script = worker_script();
    link.script.set(script);
    link.my
        .restore(move |bytes| link.drive(|e, s| e.restore(s, bytes)));
    // The set the learner chose reaches the worker before any command, and a run asked for
    // while it is on its way waits for it.
    data.connect(move |set| link.use_data(set));
    Effect::new(move |_| {
        let busy = data.busy();
        link.drive(|e, s| e.await_data(s, busy));
    });
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
            let why = detail(&e, "Worker");
            return link.drive(|e, s| {
                e.start_failed(s, why);
                Vec::new()
            });
        }
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let (Some(Envelope { run, msg }), bytes) =
                read_with_array::<Envelope<FromWorker>, u8>(&ev.data())
            else {
                return link.crashed("a message the page could not read".into());
            };
            match msg.join_bytes(bytes) {
                // Held without touching the run state, so nothing on the page redraws for each
                // of the worker's frequent batch reports; they show together on the timer.
                FromWorker::Batch(b) => {
                    let outs = link.engine.try_update_value(|e| e.hold(run, b));
                    link.apply(outs.unwrap_or_default());
                }
                msg => link.drive(|e, s| e.message(s, run, msg)),
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

/// The link provided by [`provide_train_link`].
pub fn use_train_link() -> TrainLink {
    expect_context::<TrainLink>()
}
