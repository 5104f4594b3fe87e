//! The trainer: owns the model, the digits and the run; trains one batch per turn of its event
//! loop, shares every batch with its helpers, evaluates after every epoch and reports to the page.

use convlab::data::{Mnist, Split};
use convlab::nn::{ModelConfig, Sequential};
use convlab::train::protocol::{
    decode, encode, BatchReport, Envelope, FromWorker, HelperJob, Sentence, Settings, Status,
    ToWorker, WorkerError,
};
use convlab::train::{Share, TrainError, Trainer};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

mod helpers;
mod reports;

use super::helper::start_helper;
use super::wire::{fetch_digits, with_floats, HELPER_NAME};

/// Batches between snapshots of the filters and the watched digit.
const SNAPSHOT_EVERY: usize = 10;

/// At most this many helpers, however many cores there are: shares of a 64-image batch
/// get too small for the GEMM to stay efficient.
const MAX_HELPERS: usize = 3;

/// A step whose helpers have not all answered.
struct InFlight {
    job: u64,
    shares: Vec<Share>,
    waiting: usize,
    started: f64,
}

struct HelperLink {
    worker: web_sys::Worker,
    ready: bool,
}

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    /// The page's number of the run this worker is in; every message it sends carries it.
    run: u64,
    /// The weights before the step in progress, to go back to if the step diverges.
    before_step: Vec<f32>,
    helpers: Vec<HelperLink>,
    in_flight: Option<InFlight>,
    jobs: u64,
    /// A Pause that came while a step was in flight; it takes effect when the step ends.
    pausing: bool,
    settings: Settings,
    tick: MessageChannel,
    data: Option<(Mnist, Split)>,
    trainer: Option<Trainer>,
    /// Evaluation copy of the model, so training buffers keep their batch shape.
    eval: Sequential,
    status: Status,
    step_once: bool,
    watch: usize,
    seen: usize,
    correct: usize,
    speed: f32,
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |p| p.now())
}

impl Worker {
    fn post(&self, msg: &FromWorker) {
        let text = encode(&Envelope {
            run: self.run,
            msg: msg.clone(),
        });
        let _ = self.scope.post_message(&JsValue::from_str(&text));
    }

    fn set_status(&mut self, s: Status) {
        self.status = s;
        self.post(&FromWorker::Status(s));
    }

    fn fail(&self, why: WorkerError) {
        self.post(&FromWorker::Error(why));
    }

    /// A refused request, as the page will say it.
    fn refuse(&self, e: TrainError) {
        self.fail(match e {
            TrainError::Setting(key) => WorkerError::Setting(key.into()),
            TrainError::Model(e) => WorkerError::Refused(Sentence::of(|l| e.message(l))),
        });
    }

    fn post_weights(&self) {
        if let Some(t) = &self.trainer {
            self.post(&FromWorker::Weights(t.model.to_safetensors()));
        }
    }

    fn schedule(&self) {
        let _ = self.tick.port1().post_message(&JsValue::NULL);
    }

    /// A run with these settings from the current weights (fresh ones for `fresh`).
    fn new_run(&mut self, settings: &Settings, fresh: bool) -> bool {
        let Some((_, split)) = &self.data else {
            self.fail(WorkerError::Loading);
            return false;
        };
        let cfg = settings.config();
        // Refuse bad settings before touching the model, so it is never lost.
        if let Err(e) = cfg.validate() {
            self.refuse(e);
            return false;
        }
        let train = split.train.clone();
        self.in_flight = None;
        self.pausing = false;
        self.settings = settings.clone();
        let result = match (fresh, self.trainer.take()) {
            (false, Some(t)) => Trainer::with_model(t.model, cfg, train),
            _ => Trainer::new(&ModelConfig::seed(), cfg, train),
        };
        match result {
            Ok(t) => {
                self.trainer = Some(t);
                self.seen = 0;
                self.correct = 0;
                true
            }
            Err(e) => {
                self.refuse(e);
                // Keep a model no matter what: the page never loses one.
                if self.trainer.is_none() {
                    self.trainer = Trainer::new(
                        &ModelConfig::seed(),
                        Settings::default().config(),
                        Vec::new(),
                    )
                    .ok();
                }
                false
            }
        }
    }

    /// A command of the page's run `run`.
    fn handle(&mut self, run: u64, msg: ToWorker) {
        match msg {
            ToWorker::Start(s) => {
                if self.status == Status::Running {
                    return;
                }
                self.run = run;
                if self.new_run(&s, false) {
                    self.step_once = false;
                    self.set_status(Status::Running);
                    self.schedule();
                }
            }
            ToWorker::Pause => {
                if self.status == Status::Running && self.in_flight.is_some() {
                    self.pausing = true;
                } else if self.status == Status::Running {
                    self.set_status(Status::Paused);
                    self.post_weights();
                }
            }
            ToWorker::Resume => {
                self.pausing = false;
                if self.status == Status::Paused {
                    self.step_once = false;
                    self.set_status(Status::Running);
                    self.schedule();
                }
            }
            ToWorker::Step(s) => {
                if self.status == Status::Running {
                    return;
                }
                let continuing = self.status == Status::Paused;
                if !continuing {
                    self.run = run;
                }
                if continuing || self.new_run(&s, false) {
                    self.step_once = true;
                    self.set_status(Status::Running);
                    self.schedule();
                }
            }
            ToWorker::Reset(s) => {
                self.run = run;
                if self.new_run(&s, true) {
                    self.set_status(Status::Idle);
                    self.post_weights();
                    self.snapshot();
                }
            }
            ToWorker::Load(bytes) => {
                self.run = run;
                let Some(t) = self.trainer.as_mut() else {
                    return self.fail(WorkerError::Loading);
                };
                // Check on a copy first: a refused file leaves the model as it was.
                let mut m = t.model.clone();
                match m.load_safetensors(&bytes) {
                    Ok(()) => {
                        t.model = m;
                        self.in_flight = None;
                        self.pausing = false;
                        self.set_status(Status::Idle);
                        self.post_weights();
                        self.snapshot();
                    }
                    Err(e) => self.fail(WorkerError::Refused(Sentence::of(|l| e.message(l)))),
                }
            }
            ToWorker::Watch(i) => {
                self.watch = i;
                self.snapshot();
            }
        }
    }

    /// Starts one batch; true if another should follow at once. With helpers ready, it
    /// sends them their shares, computes its own, and the step ends when they answer.
    fn run_batch(&mut self) -> bool {
        if self.status != Status::Running || self.in_flight.is_some() {
            return false;
        }
        let (Some(t), Some((data, _))) = (self.trainer.as_mut(), &self.data) else {
            return false;
        };
        let started = now(&self.scope);
        let ids = t.next_batch().to_vec();
        self.before_step = t.model.flat_values();
        let ready: Vec<usize> = (0..self.helpers.len())
            .filter(|&i| self.helpers[i].ready)
            .collect();
        // Shares of at least 8 images, or none: tiny shares cost more to send than to do.
        let parts = (ready.len() + 1).min(ids.len() / 8).max(1);
        let size = ids.len().div_ceil(parts);
        let mut chunks = ids.chunks(size);
        let mut own = chunks.next().unwrap_or_default();
        let mut waiting = 0;
        let mut lost = false;
        if parts > 1 {
            self.jobs += 1;
            let values = &self.before_step;
            for (chunk, &h) in chunks.zip(&ready) {
                let job = HelperJob {
                    job: self.jobs,
                    helper: h as u64 + 1,
                    ids: chunk.to_vec(),
                    weight: chunk.len() as f32 / ids.len() as f32,
                    settings: self.settings.clone(),
                };
                let (msg, transfer) = with_floats(&job, Some(values));
                if self.helpers[h]
                    .worker
                    .post_message_with_transfer(&msg, &transfer)
                    .is_ok()
                {
                    waiting += 1;
                } else {
                    lost = true;
                }
            }
        }
        if lost {
            // A share that could not be sent would be missing from the update: this step
            // and the rest of the run go without helpers (answers to this job are ignored).
            for h in self.helpers.drain(..) {
                h.worker.terminate();
            }
            (own, waiting) = (&ids[..], 0);
        }
        let own = match t.own_share(data, own) {
            Ok(r) => r,
            Err(e) => {
                self.refuse(e);
                self.set_status(Status::Error);
                return false;
            }
        };
        if waiting == 0 {
            return self.finish_batch(&[own], started);
        }
        self.in_flight = Some(InFlight {
            job: self.jobs,
            shares: vec![own],
            waiting,
            started,
        });
        false
    }

    /// Ends a step with the results of all its shares; true if another should follow.
    fn finish_batch(&mut self, shares: &[Share], started: f64) -> bool {
        let Some(t) = self.trainer.as_mut() else {
            return false;
        };
        let r = t.finish_step(shares);
        let diverged = t.diverged(&r);
        if diverged {
            // The weights from before this step are the last good ones: the run stops there,
            // and nothing that is not a number is ever sent, stored or drawn.
            let _ = t.model.set_flat_values(&self.before_step);
        }
        let dt = ((now(&self.scope) - started) / 1000.0).max(1e-6) as f32;
        let rate = r.images as f32 / dt;
        self.speed = if self.speed == 0.0 {
            rate
        } else {
            0.8 * self.speed + 0.2 * rate
        };
        self.seen += r.images;
        self.correct += r.correct;
        let (step, total, batches, finished) = (
            t.steps_done(),
            t.total_batches(),
            t.batches_per_epoch(),
            t.finished(),
        );
        self.post(&FromWorker::Batch(BatchReport {
            step,
            total,
            epoch: r.epoch,
            batch: r.batch,
            batches,
            loss: r.loss,
            accuracy: r.correct as f32 / r.images.max(1) as f32,
            images_per_sec: self.speed,
            workers: shares.len(),
        }));
        if diverged {
            self.fail(WorkerError::Diverged { step, loss: r.loss });
            self.pausing = false;
            self.step_once = false;
            self.set_status(Status::Error);
            self.post_weights();
            return false;
        }
        if r.epoch_done {
            self.end_epoch(r.epoch);
        }
        if r.epoch_done || step % SNAPSHOT_EVERY == 0 || self.step_once {
            self.snapshot();
        }
        if finished {
            self.pausing = false;
            self.set_status(Status::Done);
            return false;
        }
        if self.step_once || self.pausing {
            self.step_once = false;
            self.pausing = false;
            self.set_status(Status::Paused);
            self.post_weights();
            return false;
        }
        true
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
    let Ok(eval) = ModelConfig::seed().build(0) else {
        return;
    };
    let w = Rc::new(RefCell::new(Worker {
        scope: scope.clone(),
        run: 0,
        before_step: Vec::new(),
        helpers: Vec::new(),
        in_flight: None,
        jobs: 0,
        pausing: false,
        settings: Settings::default(),
        tick,
        data: None,
        trainer: None,
        eval,
        status: Status::Loading,
        step_once: false,
        watch: 0,
        seen: 0,
        correct: 0,
        speed: 0.0,
    }));
    let on_tick = {
        let w = w.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
            let mut w = w.borrow_mut();
            if w.run_batch() {
                w.schedule();
            }
        })
    };
    w.borrow()
        .tick
        .port2()
        .set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
    on_tick.forget();
    let on_message = {
        let w = w.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            match ev
                .data()
                .as_string()
                .and_then(|t| decode::<Envelope<ToWorker>>(&t))
            {
                Some(Envelope { run, msg }) => w.borrow_mut().handle(run, msg),
                None => w.borrow().fail(WorkerError::Unreadable),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    helpers::start_helpers(&w);
    w.borrow().post(&FromWorker::Ready);
    w.borrow_mut().set_status(Status::Loading);
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_digits(&scope).await.and_then(|m| {
            let s = m.split().map_err(|e| e.to_string())?;
            Ok((m, s))
        });
        let mut w = w.borrow_mut();
        match result {
            Ok(d) => {
                w.data = Some(d);
                if w.new_run(&Settings::default(), true) {
                    w.set_status(Status::Idle);
                    w.post_weights();
                    w.snapshot();
                }
            }
            Err(e) => {
                w.fail(WorkerError::Digits(e));
                w.set_status(Status::Error);
            }
        }
    });
}
