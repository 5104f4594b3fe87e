//! Training: the loop that feeds MNIST batches to a model, its evaluation, and (in `protocol`)
//! the messages between the page and the training worker. The same loop trains the shipped
//! pretrained model natively (`src/bin/pretrain.rs`) and the learner's model in the browser.

mod evaluate;
pub mod kept;
pub mod link;
pub mod mydigits;
pub mod protocol;
pub mod run;
pub mod state;
pub mod teach;

pub use evaluate::{evaluate, Evaluation};

use crate::data::augment::Augment;
use crate::data::{Mnist, PIXELS};
use crate::nn::init::{rng, NnRng};
use crate::nn::{
    argmax, logits_view, Adam, LayerConfig, ModelConfig, NnError, Optimizer, Sequential, Sgd,
};
use ndarray::{Array2, ArrayD, IxDyn};
use rand::seq::SliceRandom;

/// Which optimiser, with its one extra setting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptimizerKind {
    /// `torch.optim.Adam` with its default betas.
    Adam,
    /// `torch.optim.SGD` with momentum.
    Sgd {
        /// Momentum factor.
        momentum: f32,
    },
}

/// How the learning rate changes over the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// The same rate throughout.
    Constant,
    /// Cosine decay to zero over all batches: `lr·(1 + cos(π·t/T))/2`.
    Cosine,
}

/// Settings of a training run.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    /// Passes over the training set.
    pub epochs: usize,
    /// Images per batch.
    pub batch: usize,
    /// Learning rate.
    pub lr: f32,
    /// Optimiser.
    pub optimizer: OptimizerKind,
    /// Dropout probability of every Dropout layer.
    pub dropout: f32,
    /// Seed of the weights, the batch order and the augmentation.
    pub seed: u64,
    /// Random transformations of training images, if any.
    pub augment: Option<Augment>,
    /// Learning-rate schedule.
    pub schedule: Schedule,
}

impl Default for TrainConfig {
    /// The browser's defaults, chosen with `examples/defaults_sweep.rs` to pass 97 % on the
    /// held-out digits soonest (after 3 epochs; Adam at 3e-3 needs 4 to 5).
    fn default() -> Self {
        TrainConfig {
            epochs: 5,
            batch: 64,
            lr: 5e-3,
            optimizer: OptimizerKind::Adam,
            dropout: 0.3,
            seed: 1,
            augment: None,
            schedule: Schedule::Constant,
        }
    }
}

impl TrainConfig {
    /// Checks the settings, naming the first one out of range.
    pub fn validate(&self) -> Result<(), TrainError> {
        let bad = |setting| Err(TrainError::Setting(setting));
        if self.epochs == 0 || self.epochs > 1000 {
            return bad(Setting::Epochs);
        }
        if self.batch == 0 || self.batch > 8192 {
            return bad(Setting::Batch);
        }
        if !(self.lr > 0.0 && self.lr <= 10.0) {
            return bad(Setting::Lr);
        }
        if !(0.0..1.0).contains(&self.dropout) {
            return bad(Setting::Dropout);
        }
        if let OptimizerKind::Sgd { momentum } = self.optimizer {
            if !(0.0..1.0).contains(&momentum) {
                return bad(Setting::Momentum);
            }
        }
        Ok(())
    }

    fn optimizer(&self) -> Optimizer {
        match self.optimizer {
            OptimizerKind::Adam => Optimizer::Adam(Adam::new(self.lr)),
            OptimizerKind::Sgd { momentum } => Optimizer::Sgd(Sgd::new(self.lr, momentum, 0.0)),
        }
    }
}

/// A training setting, as the Train section's controls name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Setting {
    /// Epochs (1 to 1,000).
    Epochs,
    /// The batch size (1 to 8,192).
    Batch,
    /// The learning rate (above 0, at most 10).
    Lr,
    /// The dropout probability ([0, 1)).
    Dropout,
    /// SGD's momentum ([0, 1)).
    Momentum,
    /// The seed of the weights and the shuffles.
    Seed,
}

/// A refused training request.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// A setting out of range.
    Setting(Setting),
    /// The model cannot be built or run.
    Model(NnError),
}

impl From<NnError> for TrainError {
    fn from(e: NnError) -> Self {
        TrainError::Model(e)
    }
}

/// `config` with every Dropout layer's probability set to `p`.
pub fn with_dropout(mut config: ModelConfig, p: f32) -> ModelConfig {
    for l in &mut config.layers {
        if let LayerConfig::Dropout { p: q } = &mut l.config {
            *q = p;
        }
    }
    config
}

/// What one optimisation step did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepReport {
    /// Mean cross-entropy of the batch, before the update.
    pub loss: f32,
    /// Epoch of this batch, from 0.
    pub epoch: usize,
    /// Batch within its epoch, from 1.
    pub batch: usize,
    /// Images in the batch (the last one of an epoch may be smaller).
    pub images: usize,
    /// Images of the batch the model classified right (in training mode, before the update).
    pub correct: usize,
    /// True when this batch finished its epoch.
    pub epoch_done: bool,
}

/// A model, its optimiser and where it is in its run over the training images.
pub struct Trainer {
    /// The model being trained.
    pub model: Sequential,
    opt: Optimizer,
    cfg: TrainConfig,
    train: Vec<usize>,
    order: Vec<usize>,
    pos: usize,
    epoch: usize,
    steps: usize,
    rng: NnRng,
    inputs: Inputs,
}

impl Trainer {
    /// A fresh model of `config` (dropout from `cfg`) initialised from `cfg.seed`, to be trained
    /// on the images `train` (indices into the data passed to [`Trainer::step`]).
    pub fn new(
        config: &ModelConfig,
        cfg: TrainConfig,
        train: Vec<usize>,
    ) -> Result<Self, TrainError> {
        cfg.validate()?;
        let model = with_dropout(config.clone(), cfg.dropout).build(cfg.seed)?;
        Self::with_model(model, cfg, train)
    }

    /// Continues training an existing model (its weights are kept, its dropout set from `cfg`;
    /// the optimiser starts fresh).
    pub fn with_model(
        mut model: Sequential,
        cfg: TrainConfig,
        train: Vec<usize>,
    ) -> Result<Self, TrainError> {
        cfg.validate()?;
        model.set_dropout(cfg.dropout)?;
        let mut r = rng(cfg.seed ^ 0x5eed_0bad);
        let mut order = train.clone();
        order.shuffle(&mut r);
        Ok(Trainer {
            model,
            opt: cfg.optimizer(),
            cfg,
            train,
            order,
            pos: 0,
            epoch: 0,
            steps: 0,
            rng: r,
            inputs: Inputs::default(),
        })
    }

    /// Trains the first epoch on the images in the order given rather than shuffled (a
    /// teaching run's order already mixes its batches as stated); later epochs shuffle.
    pub fn keep_order(mut self) -> Self {
        self.order = self.train.clone();
        self
    }

    /// Batches in one epoch (the last may be partial, as PyTorch's `DataLoader` does by default).
    pub fn batches_per_epoch(&self) -> usize {
        self.train.len().div_ceil(self.cfg.batch)
    }

    /// Batches in the whole run.
    pub fn total_batches(&self) -> usize {
        self.batches_per_epoch() * self.cfg.epochs
    }

    /// Batches done so far.
    pub fn steps_done(&self) -> usize {
        self.steps
    }

    /// Whether the step that gave `report` made the run diverge: its loss, or any weight after
    /// the update, is no longer a finite number. The run cannot go on from there.
    pub fn diverged(&self, report: &StepReport) -> bool {
        !report.loss.is_finite() || !self.model.all_finite()
    }

    /// True once every epoch has run.
    pub fn finished(&self) -> bool {
        self.epoch >= self.cfg.epochs || self.train.is_empty()
    }

    /// One optimisation step on the next batch of `data`.
    pub fn step(&mut self, data: &Mnist) -> Result<StepReport, TrainError> {
        let ids = self.next_batch().to_vec();
        let own = self.own_share(data, &ids)?;
        Ok(self.finish_step(&[own]))
    }

    /// The images of the next batch (indices into the data), for splitting into shares.
    pub fn next_batch(&self) -> &[usize] {
        let n = self.cfg.batch.min(self.order.len() - self.pos);
        &self.order[self.pos..self.pos + n]
    }

    /// Starts a step: zeroes the gradients, then adds those of the images `ids` (a share of
    /// [`Trainer::next_batch`]) weighted by the share's fraction of the batch. Helpers add the
    /// other shares with [`Trainer::add_share`]; [`Trainer::finish_step`] makes the update.
    pub fn own_share(&mut self, data: &Mnist, ids: &[usize]) -> Result<Share, TrainError> {
        let weight = ids.len() as f32 / self.next_batch().len().max(1) as f32;
        self.model.zero_grad();
        self.inputs.share(
            &mut self.model,
            data,
            ids,
            weight,
            self.cfg.augment.as_ref(),
            &mut self.rng,
        )
    }

    /// Adds a helper's share: [`Helper::share`]'s gradients, already weighted.
    pub fn add_share(&mut self, grads: &[f32]) -> Result<(), TrainError> {
        Ok(self.model.add_flat_grads(grads)?)
    }

    /// Ends a step begun with [`Trainer::own_share`]: the optimiser's update, and the report
    /// of the whole batch from the results of its shares.
    pub fn finish_step(&mut self, shares: &[Share]) -> StepReport {
        let n = self.next_batch().len();
        if self.cfg.schedule == Schedule::Cosine {
            let t = self.steps as f32 / self.total_batches().max(1) as f32;
            self.opt
                .set_lr(self.cfg.lr * 0.5 * (1.0 + (std::f32::consts::PI * t).cos()));
        }
        self.opt.step(&mut self.model.parameters_mut());
        let images: usize = shares.iter().map(|s| s.images).sum();
        let loss =
            shares.iter().map(|s| s.loss * s.images as f32).sum::<f32>() / images.max(1) as f32;
        self.pos += n;
        self.steps += 1;
        let report = StepReport {
            loss,
            epoch: self.epoch,
            batch: self.pos.div_ceil(self.cfg.batch),
            images,
            correct: shares.iter().map(|s| s.correct).sum(),
            epoch_done: self.pos == self.order.len(),
        };
        if report.epoch_done {
            self.epoch += 1;
            self.pos = 0;
            self.order.shuffle(&mut self.rng);
        }
        report
    }
}

/// What one share of a batch gave.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Share {
    /// Images in the share.
    pub images: usize,
    /// Their mean cross-entropy, before the update.
    pub loss: f32,
    /// Those the model classified right (in training mode, before the update).
    pub correct: usize,
}

/// The most images whose activations a worker holds at once. A larger batch (or share) goes
/// through in micro-batches of this size whose gradients add up to the batch's, so memory stays
/// bounded whatever the batch size: about 577 KB an image for the seed model, so at most about
/// 150 MB of activations in each worker, where a batch of 8,192 in one piece needed 4.7 GB and
/// broke wasm32's 4 GiB.
pub const MICRO_BATCH: usize = 256;

/// A batch's input buffers, reused from step to step.
#[derive(Default)]
struct Inputs {
    x: ArrayD<f32>,
    labels: Vec<usize>,
    grad: Array2<f32>,
}

impl Inputs {
    /// Adds the `weight`ed gradients of the images `ids` of `data` (augmented when asked) to
    /// `model`'s, [`MICRO_BATCH`] images at a time.
    fn share(
        &mut self,
        model: &mut Sequential,
        data: &Mnist,
        ids: &[usize],
        weight: f32,
        augment: Option<&Augment>,
        rng: &mut NnRng,
    ) -> Result<Share, TrainError> {
        let mut total = Share {
            images: 0,
            loss: 0.0,
            correct: 0,
        };
        let n = ids.len().max(1) as f32;
        for micro in ids.chunks(MICRO_BATCH) {
            let part = micro.len() as f32 / n;
            self.fill(data, micro, augment, rng);
            let loss =
                model.accumulate_gradients(&self.x, &self.labels, weight * part, &mut self.grad)?;
            total.images += micro.len();
            total.loss += loss * part;
            total.correct += self.correct(model);
        }
        Ok(total)
    }

    /// Puts the images `ids` of `data` (augmented when asked) and their labels in the buffers.
    fn fill(&mut self, data: &Mnist, ids: &[usize], augment: Option<&Augment>, rng: &mut NnRng) {
        let n = ids.len();
        if self.x.shape() != [n, 1, 28, 28] {
            self.x = ArrayD::zeros(IxDyn(&[n, 1, 28, 28]));
        }
        let xs = self.x.as_slice_mut().expect("contiguous");
        self.labels.clear();
        for (k, &i) in ids.iter().enumerate() {
            let out = &mut xs[k * PIXELS..(k + 1) * PIXELS];
            match augment {
                Some(a) => a.apply(data.image(i), out, rng),
                None => {
                    for (o, &p) in out.iter_mut().zip(data.image(i)) {
                        *o = crate::data::unit_pixel(p);
                    }
                }
            }
            self.labels.push(data.labels[i] as usize);
        }
    }

    /// How many of the buffered images the model's last forward pass classified right.
    fn correct(&self, model: &Sequential) -> usize {
        model
            .layers
            .last()
            .and_then(|l| logits_view(l.output()).ok())
            .map_or(0, |logits| {
                argmax(logits)
                    .iter()
                    .zip(&self.labels)
                    .filter(|(p, t)| p == t)
                    .count()
            })
    }
}

/// A copy of the model in another worker that computes the gradients of a share of each
/// batch, so a step uses more than one core.
pub struct Helper {
    model: Sequential,
    augment: Option<Augment>,
    rng: NnRng,
    inputs: Inputs,
}

impl Helper {
    /// A helper for runs of `config` with the settings `cfg`; `index` (from 1) gives each
    /// helper its own dropout and augmentation randomness.
    pub fn new(config: &ModelConfig, cfg: &TrainConfig, index: u64) -> Result<Self, TrainError> {
        cfg.validate()?;
        let seed = cfg.seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        Ok(Helper {
            model: with_dropout(config.clone(), cfg.dropout).build(seed)?,
            augment: cfg.augment,
            rng: rng(seed),
            inputs: Inputs::default(),
        })
    }

    /// The gradients (flat, weighted by `weight`) of the images `ids` under the weights
    /// `values` ([`Sequential::flat_values`] of the trainer's model), with their results.
    pub fn share(
        &mut self,
        data: &Mnist,
        values: &[f32],
        ids: &[usize],
        weight: f32,
    ) -> Result<(Vec<f32>, Share), TrainError> {
        self.model.set_flat_values(values)?;
        self.model.zero_grad();
        let share = self.inputs.share(
            &mut self.model,
            data,
            ids,
            weight,
            self.augment.as_ref(),
            &mut self.rng,
        )?;
        Ok((self.model.flat_grads(), share))
    }
}
