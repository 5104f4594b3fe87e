//! What the page's commands do to the run, and how it starts once the digits arrive.

use super::{Out, RunEngine};
use crate::data::augment::Augment;
use crate::data::{DataError, DataSet, Layout, Mnist, PIXELS};
use crate::nn::arch::ArchSettings;
use crate::nn::ModelConfig;
use crate::train::protocol::{LoadError, Settings, Status, ToWorker, WorkerError};
use crate::train::teach::{self, Teach};
use crate::train::{Setting, TrainConfig, Trainer, MICRO_BATCH};

impl RunEngine {
    /// The digits arrived: a fresh model, and the run is idle.
    pub fn digits_loaded(&mut self, data: Mnist) -> Vec<Out> {
        let mut out = Vec::new();
        match data.split() {
            Ok(split) => {
                self.base_len = data.len();
                self.shipped = Some(data.clone());
                self.data = Some((data, split));
                if self.new_run(&Settings::default(), true, &mut out) {
                    self.set_status(Status::Idle, &mut out);
                    self.weights(&mut out);
                    self.snapshot(&mut out);
                }
            }
            Err(e) => {
                Self::fail(WorkerError::Digits(LoadError::Digits(e)), &mut out);
                self.set_status(Status::Error, &mut out);
            }
        }
        out
    }

    /// The digits could not be fetched or read.
    pub fn digits_failed(&mut self, why: LoadError) -> Vec<Out> {
        let mut out = Vec::new();
        Self::fail(WorkerError::Digits(why), &mut out);
        self.set_status(Status::Error, &mut out);
        out
    }

    /// A run with these settings from the current weights (fresh ones for `fresh`). Bad
    /// settings are refused before the model is touched, so it is never lost.
    pub(super) fn new_run(&mut self, settings: &Settings, fresh: bool, out: &mut Vec<Out>) -> bool {
        let Some((_, split)) = &self.data else {
            Self::fail(WorkerError::Loading, out);
            return false;
        };
        let train = split.train.clone();
        self.teaching = false;
        self.new_run_on(settings, settings.config(), train, fresh, out)
    }

    /// A run on the images `train`, trained in that order on its first epoch when `cfg` has
    /// augmentation (a teaching run's order is its mix), else shuffled.
    fn new_run_on(
        &mut self,
        settings: &Settings,
        cfg: TrainConfig,
        train: Vec<usize>,
        fresh: bool,
        out: &mut Vec<Out>,
    ) -> bool {
        if let Err(e) = cfg.validate() {
            Self::fail(e, out);
            return false;
        }
        // An architecture a tab cannot train is refused before anything is allocated.
        let model = match settings.arch.checked_model(MICRO_BATCH as u64) {
            Ok(m) => m,
            Err(e) => {
                Self::fail(e, out);
                return false;
            }
        };
        let in_order = cfg.augment.is_some();
        self.in_flight = None;
        self.planned = None;
        self.pausing = false;
        self.settings = settings.clone();
        // Another architecture cannot go on from these weights: it starts fresh.
        let fresh = fresh || !self.arch.same_weights(&settings.arch);
        let result = match (fresh, self.trainer.take()) {
            (false, Some(t)) => Trainer::with_model(t.model, cfg, train),
            (_, old) => {
                self.trainer = old;
                Trainer::new(&model, cfg, train)
            }
        };
        match result {
            Ok(t) => {
                self.trainer = Some(if in_order { t.keep_order() } else { t });
                self.arch = settings.arch.clone();
                self.seen = 0;
                self.correct = 0;
                true
            }
            Err(e) => {
                Self::fail(e, out);
                // Keep a model no matter what: the page never loses one.
                if self.trainer.is_none() {
                    let seed = Settings::default().config();
                    self.trainer = Trainer::new(&ModelConfig::seed(), seed, Vec::new()).ok();
                    self.arch = ArchSettings::default();
                }
                false
            }
        }
    }

    /// A command of the page's run `run`.
    pub fn command(&mut self, run: u64, msg: ToWorker) -> Vec<Out> {
        let mut out = Vec::new();
        match msg {
            // A run is going: Start and One batch wait for it to pause or end.
            ToWorker::Start(_) | ToWorker::Step(_) | ToWorker::Teach(_)
                if self.status == Status::Running => {}
            ToWorker::Start(s) => {
                self.run = run;
                if self.new_run(&s, false, &mut out) {
                    self.step_once = false;
                    self.set_status(Status::Running, &mut out);
                    out.push(Out::Tick);
                }
            }
            ToWorker::Pause => {
                if self.status == Status::Running && self.in_flight.is_some() {
                    self.pausing = true;
                } else if self.status == Status::Running {
                    self.set_status(Status::Paused, &mut out);
                    self.weights(&mut out);
                }
            }
            ToWorker::Resume => {
                self.pausing = false;
                if self.status == Status::Paused {
                    self.step_once = false;
                    self.set_status(Status::Running, &mut out);
                    out.push(Out::Tick);
                }
            }
            ToWorker::Step(s) => {
                // One batch goes on with a paused run's settings; otherwise it starts a run.
                let continuing = self.status == Status::Paused;
                if !continuing {
                    self.run = run;
                }
                if continuing || self.new_run(&s, false, &mut out) {
                    self.step_once = true;
                    self.set_status(Status::Running, &mut out);
                    out.push(Out::Tick);
                }
            }
            ToWorker::Reset(s) => {
                self.run = run;
                if self.new_run(&s, true, &mut out) {
                    self.set_status(Status::Idle, &mut out);
                    self.weights(&mut out);
                    self.snapshot(&mut out);
                }
            }
            ToWorker::Load(bytes) => {
                self.run = run;
                let Some((_, split)) = &self.data else {
                    Self::fail(WorkerError::Loading, &mut out);
                    return out;
                };
                // Built and checked apart first: a refused file leaves the model as it was.
                let loaded = ArchSettings::load(&bytes, MICRO_BATCH as u64)
                    .map_err(WorkerError::from)
                    .and_then(|(arch, m)| {
                        let t =
                            Trainer::with_model(m, self.settings.config(), split.train.clone())?;
                        Ok((arch, t))
                    });
                match loaded {
                    Ok((arch, t)) => {
                        self.trainer = Some(t);
                        self.arch = arch;
                        self.in_flight = None;
                        self.planned = None;
                        self.pausing = false;
                        self.set_status(Status::Idle, &mut out);
                        self.weights(&mut out);
                        self.snapshot(&mut out);
                    }
                    Err(e) => Self::fail(e, &mut out),
                }
            }
            ToWorker::Watch(i) => {
                self.watch = i;
                self.snapshot(&mut out);
            }
            ToWorker::Data { layout, bytes } => {
                self.run = run;
                self.use_data(layout, &bytes, &mut out);
            }
            ToWorker::Teach(t) => {
                self.run = run;
                if self.teach(t, &mut out) {
                    self.step_once = false;
                    self.set_status(Status::Running, &mut out);
                    out.push(Out::Tick);
                }
            }
        }
        out
    }

    /// Trains and tests on another set from now on, keeping the model; the run in progress
    /// ends. A set that cannot be used changes nothing.
    fn use_data(&mut self, layout: Layout, bytes: &[u8], out: &mut Vec<Out>) {
        let Some(shipped) = &self.shipped else {
            return Self::fail(WorkerError::Loading, out);
        };
        let images = if bytes.is_empty() && layout == Layout::Shipped {
            Ok(shipped.clone())
        } else {
            Mnist::from_raw(bytes)
        };
        let set = match images.and_then(|m| DataSet::new(m, layout)) {
            Ok(set) => set,
            Err(e) => return Self::fail(WorkerError::Digits(LoadError::Digits(e)), out),
        };
        let Some(t) = self.trainer.take() else {
            return Self::fail(WorkerError::Loading, out);
        };
        let model = t.model;
        self.base_len = set.images.len();
        let train = set.split.train.clone();
        self.data = Some((std::sync::Arc::unwrap_or_clone(set.images), set.split));
        self.teaching = false;
        self.in_flight = None;
        self.planned = None;
        self.pausing = false;
        self.step_once = false;
        self.seen = 0;
        self.correct = 0;
        // The settings were valid for the run they came with; the model stays whatever happens.
        let cfg = self.settings.config();
        self.trainer = match Trainer::with_model(model.clone(), cfg, train) {
            Ok(t) => Some(t),
            Err(_) => Trainer::with_model(model, Settings::default().config(), Vec::new()).ok(),
        };
        if !self.helpers.is_empty() {
            out.push(Out::HelperData);
        }
        self.set_status(Status::Idle, out);
        self.weights(out);
        self.snapshot(out);
    }

    /// Starts a teaching run of the model in use; false (with the reason said) if it cannot.
    fn teach(&mut self, t: Teach, out: &mut Vec<Out>) -> bool {
        if !t.valid() {
            Self::fail(WorkerError::Setting(Setting::Batch), out);
            return false;
        }
        let yours = match Mnist::from_raw(&t.digits) {
            Ok(m) if !m.is_empty() => m,
            other => {
                let e = other.err().unwrap_or(DataError::TooFew(0));
                Self::fail(WorkerError::Digits(LoadError::Digits(e)), out);
                return false;
            }
        };
        let base_len = self.base_len;
        let Some((data, split)) = self.data.as_mut() else {
            Self::fail(WorkerError::Loading, out);
            return false;
        };
        // The digits of an earlier teaching run go; these take their place after the set.
        data.labels.truncate(base_len);
        data.pixels.truncate(base_len * PIXELS);
        data.labels.extend_from_slice(&yours.labels);
        data.pixels.extend_from_slice(&yours.pixels);
        let order = teach::order(
            &split.train,
            base_len..base_len + yours.len(),
            t.steps,
            t.settings.batch,
            t.yours_per_batch,
            t.settings.seed,
        );
        // The model in use goes on learning: its own architecture, one pass over the mix, with
        // augmentation so a few drawings are not learnt pixel by pixel.
        let settings = Settings {
            epochs: 1,
            arch: self.arch.clone(),
            ..t.settings
        };
        let cfg = TrainConfig {
            augment: Some(Augment::default()),
            ..settings.config()
        };
        let started = self.new_run_on(&settings, cfg, order, false, out);
        self.teaching = started;
        started
    }
}
