//! The training worker's run rules as a plain state machine: what each command of the page,
//! each turn of the worker's event loop and each message or silence of a helper does to the run,
//! and what the worker must then send or schedule. The wasm worker (`src/bin/worker/`) only
//! moves messages and timers; everything here is tested natively (`tests/run_engine.rs`).
//!
//! One batch runs per turn ([`RunEngine::tick`]), so a Pause that arrives is read before the
//! next one. With helpers ready, a batch is split into shares: the engine computes its own and
//! asks each helper for one ([`Out::Job`], with [`RunEngine::job_values`] beside it); the step
//! ends when all have answered. A helper that fails, or does not answer within
//! [`HELPER_TIMEOUT_MS`], is dropped and the step is done again alone.

mod commands;
mod helpers;
mod reports;

use super::protocol::{BatchReport, FromWorker, HelperJob, Settings, Status, WorkerError};
use super::{Share, Trainer};
use crate::data::{Mnist, Split};
use crate::nn::arch::ArchSettings;
use crate::nn::{ModelConfig, Sequential};

/// The shortest time between two snapshots of the filters and the watched digit during a run,
/// in milliseconds: by time rather than by batches, so tiny batches do not flood the page.
pub const SNAPSHOT_MS: f64 = 500.0;

/// How long the engine waits for a helper's share before it goes on alone.
pub const HELPER_TIMEOUT_MS: u32 = 20_000;

/// Shares of fewer images cost more to send than to compute.
const MIN_SHARE: usize = 8;

/// What the worker must do after an event.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    /// Send this to the page, tagged with [`RunEngine::run`].
    Post(FromWorker),
    /// Call [`RunEngine::tick`] on the next turn of the event loop.
    Tick,
    /// Call [`RunEngine::own_share`] now: after the jobs before it are sent, so the helpers
    /// work while the trainer computes its own share.
    OwnShare,
    /// Send this job to helper `helper`, with [`RunEngine::job_values`] beside it.
    Job {
        /// Which helper.
        helper: usize,
        /// The job.
        job: HelperJob,
    },
    /// Call [`RunEngine::helper_timeout`] with this job after `ms` milliseconds.
    Timeout {
        /// The job waited for.
        job: u64,
        /// How long.
        ms: u32,
    },
    /// Stop every helper: the engine trains alone from now on.
    DropHelpers,
    /// Send every helper the set now in use ([`RunEngine::data_raw`]), before any job on it.
    HelperData,
}

/// A step whose own share is still to compute: its images.
struct Planned {
    own: Vec<usize>,
    waiting: usize,
}

/// A step whose helpers have not all answered.
struct InFlight {
    job: u64,
    shares: Vec<Share>,
    waiting: usize,
    started: f64,
}

/// The worker's run: its model, its digits, its helpers and where the run is.
pub struct RunEngine {
    run: u64,
    status: Status,
    settings: Settings,
    data: Option<(Mnist, Split)>,
    /// The digits shipped with the page, as fetched (to go back to them after an import).
    shipped: Option<Mnist>,
    /// Images of the set before the learner's digits a teaching run appends.
    base_len: usize,
    /// Whether the run is a teaching run: it trains alone, as the helpers hold only the set.
    teaching: bool,
    trainer: Option<Trainer>,
    /// The architecture of the trainer's model.
    arch: ArchSettings,
    /// A copy of the model for evaluation, so training buffers keep their batch shape, and the
    /// architecture it was built for.
    eval: (ArchSettings, Sequential),
    helpers: Vec<bool>,
    planned: Option<Planned>,
    in_flight: Option<InFlight>,
    jobs: u64,
    /// The weights before the step in progress: sent to helpers, and gone back to if the step
    /// diverges.
    before_step: Vec<f32>,
    /// A Pause that came while a step was in flight; it takes effect when the step ends.
    pausing: bool,
    step_once: bool,
    watch: usize,
    seen: usize,
    correct: usize,
    speed: f32,
    /// When the last snapshot of the run was taken (the worker's clock).
    last_snapshot: f64,
}

impl RunEngine {
    /// An engine waiting for its digits, with `helpers` helpers starting (not ready yet).
    pub fn new(helpers: usize) -> Self {
        RunEngine {
            run: 0,
            status: Status::Loading,
            settings: Settings::default(),
            data: None,
            shipped: None,
            base_len: 0,
            teaching: false,
            trainer: None,
            arch: ArchSettings::default(),
            eval: (
                ArchSettings::default(),
                ModelConfig::seed().build(0).expect("the seed model builds"),
            ),
            helpers: vec![false; helpers],
            planned: None,
            in_flight: None,
            jobs: 0,
            before_step: Vec::new(),
            pausing: false,
            step_once: false,
            watch: 0,
            seen: 0,
            correct: 0,
            speed: 0.0,
            last_snapshot: f64::NEG_INFINITY,
        }
    }

    /// The page's number of the run the engine is in; every message it sends carries it.
    pub fn run(&self) -> u64 {
        self.run
    }

    /// Where the run is.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The model being trained, once the digits are loaded.
    pub fn trainer(&self) -> Option<&Trainer> {
        self.trainer.as_ref()
    }

    /// The model being trained, to change (tests use it to make a step diverge).
    pub fn trainer_mut(&mut self) -> Option<&mut Trainer> {
        self.trainer.as_mut()
    }

    /// Helpers still in use.
    pub fn helpers(&self) -> usize {
        self.helpers.len()
    }

    /// The set in use as [`Mnist::to_raw`] bytes, for the helpers ([`Out::HelperData`]).
    pub fn data_raw(&self) -> Vec<u8> {
        self.data
            .as_ref()
            .map(|(m, _)| m.to_raw())
            .unwrap_or_default()
    }

    /// Training and test images of the set in use.
    pub fn data_counts(&self) -> (usize, usize) {
        self.data
            .as_ref()
            .map_or((0, 0), |(_, s)| (s.train.len(), s.test.len()))
    }

    /// The weights the helpers' jobs of the step in flight start from.
    pub fn job_values(&self) -> &[f32] {
        &self.before_step
    }

    /// The first things the worker says: Ready, then that it is loading its digits.
    pub fn start(&self) -> Vec<Out> {
        vec![
            Out::Post(FromWorker::Ready),
            Out::Post(FromWorker::Status(Status::Loading)),
        ]
    }

    fn set_status(&mut self, s: Status, out: &mut Vec<Out>) {
        self.status = s;
        out.push(Out::Post(FromWorker::Status(s)));
    }

    fn weights(&self, out: &mut Vec<Out>) {
        if let Some(t) = &self.trainer {
            out.push(Out::Post(FromWorker::Weights(self.arch.export(&t.model))));
        }
    }

    /// Tells the page why a request was refused or the run stopped.
    fn fail(e: impl Into<WorkerError>, out: &mut Vec<Out>) {
        out.push(Out::Post(FromWorker::Error(e.into())));
    }

    /// A turn of the event loop: plans one batch if the run is going and none is in flight.
    /// With helpers ready it returns their jobs first, then [`Out::OwnShare`].
    pub fn tick(&mut self) -> Vec<Out> {
        let mut out = Vec::new();
        if self.status != Status::Running || self.in_flight.is_some() || self.planned.is_some() {
            return out;
        }
        let Some(t) = self.trainer.as_mut() else {
            return out;
        };
        let ids = t.next_batch().to_vec();
        self.before_step = t.model.flat_values();
        let ready: Vec<usize> = (0..self.helpers.len())
            .filter(|&i| self.helpers[i] && !self.teaching)
            .collect();
        let parts = (ready.len() + 1).min(ids.len() / MIN_SHARE).max(1);
        let size = ids.len().div_ceil(parts);
        let mut chunks = ids.chunks(size);
        let own = chunks.next().unwrap_or_default().to_vec();
        let mut waiting = 0;
        if parts > 1 {
            self.jobs += 1;
            for (chunk, &h) in chunks.zip(&ready) {
                out.push(Out::Job {
                    helper: h,
                    job: HelperJob {
                        job: self.jobs,
                        helper: h as u64 + 1,
                        ids: chunk.to_vec(),
                        weight: chunk.len() as f32 / ids.len() as f32,
                        settings: self.settings.clone(),
                    },
                });
                waiting += 1;
            }
        }
        self.planned = Some(Planned { own, waiting });
        out.push(Out::OwnShare);
        out
    }

    /// Computes the trainer's own share of the planned step; the step ends now, or when the
    /// helpers have answered. `clock` reads the worker's clock in milliseconds (before and
    /// after the work, for the images per second).
    pub fn own_share(&mut self, clock: &dyn Fn() -> f64) -> Vec<Out> {
        let started = clock();
        let mut out = Vec::new();
        let Some(Planned { own, waiting }) = self.planned.take() else {
            return out;
        };
        let (Some(t), Some((data, _))) = (self.trainer.as_mut(), &self.data) else {
            return out;
        };
        let own = match t.own_share(data, &own) {
            Ok(r) => r,
            Err(e) => {
                Self::fail(e, &mut out);
                self.set_status(Status::Error, &mut out);
                return out;
            }
        };
        if waiting == 0 {
            self.finish_batch(&[own], started, clock(), &mut out);
        } else {
            self.in_flight = Some(InFlight {
                job: self.jobs,
                shares: vec![own],
                waiting,
                started,
            });
            out.push(Out::Timeout {
                job: self.jobs,
                ms: HELPER_TIMEOUT_MS,
            });
        }
        out
    }

    /// Ends a step with the results of all its shares.
    fn finish_batch(&mut self, shares: &[Share], started: f64, now: f64, out: &mut Vec<Out>) {
        let Some(t) = self.trainer.as_mut() else {
            return;
        };
        let r = t.finish_step(shares);
        let diverged = t.diverged(&r);
        if diverged {
            // The weights from before this step are the last good ones: the run stops there,
            // and nothing that is not a number is ever sent, stored or drawn.
            let _ = t.model.set_flat_values(&self.before_step);
        }
        let dt = ((now - started) / 1000.0).max(1e-6) as f32;
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
        out.push(Out::Post(FromWorker::Batch(BatchReport {
            step,
            total,
            epoch: r.epoch,
            batch: r.batch,
            batches,
            loss: r.loss,
            accuracy: r.correct as f32 / r.images.max(1) as f32,
            images_per_sec: self.speed,
            workers: shares.len(),
        })));
        if diverged {
            Self::fail(WorkerError::Diverged { step, loss: r.loss }, out);
            self.pausing = false;
            self.step_once = false;
            self.set_status(Status::Error, out);
            self.weights(out);
            return;
        }
        if r.epoch_done {
            self.end_epoch(r.epoch, out);
        }
        if r.epoch_done || now - self.last_snapshot >= SNAPSHOT_MS || self.step_once {
            self.last_snapshot = now;
            self.snapshot(out);
        }
        if finished {
            self.pausing = false;
            self.set_status(Status::Done, out);
        } else if self.step_once || self.pausing {
            self.step_once = false;
            self.pausing = false;
            self.set_status(Status::Paused, out);
            self.weights(out);
        } else {
            out.push(Out::Tick);
        }
    }
}
