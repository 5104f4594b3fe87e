//! What the page knows of a training run, rebuilt from the worker's messages. A plain struct so
//! its logic is tested without a browser; the page holds it in one signal.

use super::protocol::{
    BatchReport, EpochReport, FromWorker, Settings, Snapshot, Status, WorkerError,
};

/// Weight of the newest loss in the smoothed curve (an exponential moving average).
pub const SMOOTHING: f32 = 0.05;

/// The most points the loss chart keeps: past it, neighbouring points merge in pairs, so a run
/// of a million batches costs the page no more than one of two thousand.
pub const MAX_LOSS_POINTS: usize = 2048;

/// Held-out accuracy at or below which a model has learned nothing worth keeping: guessing one
/// of ten digits gets 10 %, and a model stuck on one class about as much.
pub const CHANCE: f32 = 0.2;

/// The page's view of the worker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunState {
    /// The worker has said Ready (the page may send).
    pub ready: bool,
    /// Its last status; `None` before Ready.
    pub status: Option<Status>,
    /// Reports of runs numbered below this were discarded by a reset or a load and are
    /// dropped when they arrive late.
    pub floor: u64,
    /// The last batch.
    pub last: Option<BatchReport>,
    /// `(step, loss, smoothed loss)` of every batch of the run.
    pub losses: Vec<(usize, f32, f32)>,
    /// Every evaluated epoch of the run.
    pub epochs: Vec<EpochReport>,
    /// The latest pictures of the model.
    pub snapshot: Option<Snapshot>,
    /// The worker's current weights.
    pub weights: Option<Vec<u8>>,
    /// Batches have run since the last reset or load: the weights are the learner's own.
    pub trained: bool,
    /// Last error from the worker.
    pub error: Option<WorkerError>,
    /// The batch at which the run's loss stopped being a number, for the loss chart.
    pub diverged_at: Option<usize>,
    /// The last evaluation was no better than chance ([`CHANCE`]).
    pub learned_nothing: bool,
    /// The settings of the run in progress (what Resume and One batch go on with); `None`
    /// after a reset, a load or a crash.
    pub settings: Option<Settings>,
}

/// What the page should do after a message, beyond showing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing more.
    None,
    /// New trained weights: offer them to Draw and store them.
    Trained,
    /// New weights of a run that diverged or learned nothing: not kept, so a model kept before
    /// stays.
    NotKept,
}

impl RunState {
    /// Applies one message of run `run`; a message of a discarded run changes nothing.
    pub fn apply(&mut self, run: u64, msg: FromWorker) -> Effect {
        if run < self.floor {
            return Effect::None;
        }
        match msg {
            FromWorker::Ready => self.ready = true,
            FromWorker::Status(s) => {
                self.status = Some(s);
                if s == Status::Running {
                    self.error = None;
                }
            }
            FromWorker::Batch(b) => {
                if b.step == 1 {
                    // A new run starts its charts afresh.
                    self.losses.clear();
                    self.epochs.clear();
                    self.diverged_at = None;
                    self.learned_nothing = false;
                }
                let last = self.losses.last().map(|&(_, _, s)| s);
                let smooth = match last {
                    _ if !b.loss.is_finite() => {
                        self.diverged_at = Some(b.step);
                        last.unwrap_or(0.0)
                    }
                    Some(s) => (1.0 - SMOOTHING) * s + SMOOTHING * b.loss,
                    None => b.loss,
                };
                self.losses.push((b.step, b.loss, smooth));
                if self.losses.len() > MAX_LOSS_POINTS {
                    // Each pair becomes one point at its later batch, with the pair's mean loss.
                    self.losses = self
                        .losses
                        .chunks(2)
                        .map(|c| {
                            let last = c[c.len() - 1];
                            let mean = c.iter().map(|p| p.1).sum::<f32>() / c.len() as f32;
                            (last.0, mean, last.2)
                        })
                        .collect();
                }
                self.last = Some(b);
                self.trained = true;
            }
            FromWorker::Epoch(e) => {
                self.learned_nothing = e.test_accuracy <= CHANCE;
                self.epochs.push(*e);
            }
            FromWorker::Snapshot(s) => self.snapshot = Some(s),
            FromWorker::Weights(w) => {
                self.weights = Some(w);
                if self.trained {
                    return if self.diverged_at.is_some() || self.learned_nothing {
                        Effect::NotKept
                    } else {
                        Effect::Trained
                    };
                }
            }
            FromWorker::Error(e) => {
                if let WorkerError::Diverged { step, .. } = e {
                    self.diverged_at = Some(step);
                }
                self.error = Some(e);
            }
        }
        Effect::None
    }

    /// Discards the run (a reset or a load numbered `run` was sent): its numbers go, and its
    /// reports still on their way will be dropped. Weights follow from the worker.
    pub fn discard(&mut self, run: u64) {
        self.floor = self.floor.max(run);
        self.last = None;
        self.losses.clear();
        self.epochs.clear();
        self.trained = false;
        self.diverged_at = None;
        self.learned_nothing = false;
        self.error = None;
    }

    /// The latest held-out accuracy, in [0, 1].
    pub fn test_accuracy(&self) -> Option<f32> {
        self.epochs.last().map(|e| e.test_accuracy)
    }

    /// Seconds left at the current speed.
    pub fn eta_seconds(&self, batch: usize) -> Option<f32> {
        let b = self.last.as_ref()?;
        (b.images_per_sec > 0.0)
            .then(|| (b.total - b.step) as f32 * batch as f32 / b.images_per_sec)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn epoch(test_accuracy: f32) -> FromWorker {
        FromWorker::Epoch(Box::new(EpochReport {
            epoch: 0,
            train_accuracy: test_accuracy,
            test_accuracy,
            confusion: [[0; 10]; 10],
            mistakes: Vec::new(),
        }))
    }

    /// Batch `step` of a ten-batch run, with this loss (the link's tests use it too).
    pub(crate) fn batch(step: usize, loss: f32) -> FromWorker {
        FromWorker::Batch(BatchReport {
            step,
            total: 10,
            epoch: 0,
            batch: step,
            batches: 10,
            loss,
            accuracy: 0.5,
            images_per_sec: 640.0,
            workers: 1,
        })
    }

    #[test]
    fn weights_count_as_trained_only_after_batches() {
        let mut s = RunState::default();
        assert_eq!(s.apply(0, FromWorker::Ready), Effect::None);
        assert_eq!(s.apply(0, FromWorker::Weights(vec![1])), Effect::None);
        s.apply(1, batch(1, 2.0));
        assert_eq!(s.apply(1, FromWorker::Weights(vec![2])), Effect::Trained);
        s.discard(2);
        assert_eq!(s.apply(2, FromWorker::Weights(vec![3])), Effect::None);
        assert_eq!(s.weights, Some(vec![3]));
    }

    #[test]
    fn losses_are_smoothed_and_restart_with_a_run() {
        let mut s = RunState::default();
        s.apply(0, batch(1, 2.0));
        s.apply(0, batch(2, 1.0));
        assert_eq!(s.losses[0], (1, 2.0, 2.0));
        let expected = (1.0 - SMOOTHING) * 2.0 + SMOOTHING * 1.0;
        assert!((s.losses[1].2 - expected).abs() < 1e-6);
        // 8 batches of 64 left at 640 images per second.
        assert_eq!(s.eta_seconds(64), Some(8.0 * 64.0 / 640.0));
        s.apply(0, batch(1, 3.0));
        assert_eq!(s.losses.len(), 1);
    }

    #[test]
    fn long_runs_keep_a_bounded_loss_series() {
        let mut s = RunState::default();
        for step in 1..=100_000 {
            s.apply(0, batch(step, 1.0 + 1.0 / step as f32));
        }
        assert!(s.losses.len() <= MAX_LOSS_POINTS && s.losses.len() > MAX_LOSS_POINTS / 2);
        assert_eq!(
            s.losses.last().unwrap().0,
            100_000,
            "the newest batch is there"
        );
        assert!(s.losses.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            s.losses[0].1 > s.losses[s.losses.len() - 1].1,
            "the curve keeps its shape"
        );
    }

    #[test]
    fn reports_still_on_their_way_after_a_reset_are_dropped() {
        // Reset while running: the batch and the weights the worker sent before it read the
        // Reset arrive after it. They used to count as trained and replace the kept model.
        let mut s = RunState::default();
        s.apply(1, batch(1, 2.0));
        s.apply(1, batch(2, 1.5));
        s.discard(2);
        assert_eq!(s.apply(1, batch(3, 1.0)), Effect::None);
        assert_eq!(s.apply(1, FromWorker::Weights(vec![9])), Effect::None);
        assert_eq!(s.apply(1, FromWorker::Status(Status::Paused)), Effect::None);
        assert!(s.losses.is_empty() && s.last.is_none() && !s.trained);
        assert_eq!(s.weights, None);
        // The fresh weights of the reset are the worker's, not the learner's.
        assert_eq!(s.apply(2, FromWorker::Status(Status::Idle)), Effect::None);
        assert_eq!(s.apply(2, FromWorker::Weights(vec![0])), Effect::None);
        assert_eq!(s.status, Some(Status::Idle));
        // A later run trains and is kept.
        s.apply(3, batch(1, 2.0));
        assert_eq!(s.apply(3, FromWorker::Weights(vec![5])), Effect::Trained);
    }

    #[test]
    fn a_diverged_run_is_marked_and_not_kept() {
        let mut s = RunState::default();
        s.apply(1, batch(1, 2.0));
        s.apply(1, batch(2, f32::NAN));
        assert_eq!(s.diverged_at, Some(2));
        assert_eq!(s.losses[1].2, 2.0, "the smoothed curve stays where it was");
        assert_eq!(s.apply(1, FromWorker::Weights(vec![1])), Effect::NotKept);
        // The next run starts clean.
        s.apply(2, batch(1, 2.0));
        assert_eq!(s.diverged_at, None);
        assert_eq!(s.apply(2, FromWorker::Weights(vec![2])), Effect::Trained);
    }

    #[test]
    fn a_run_that_learned_nothing_is_not_kept() {
        let mut s = RunState::default();
        s.apply(1, batch(1, 2.3));
        s.apply(1, epoch(0.098));
        assert!(s.learned_nothing);
        assert_eq!(s.apply(1, FromWorker::Weights(vec![1])), Effect::NotKept);
        s.apply(1, epoch(0.9));
        assert_eq!(s.apply(1, FromWorker::Weights(vec![2])), Effect::Trained);
    }
}
