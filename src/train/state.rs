//! What the page knows of a training run, rebuilt from the worker's messages. A plain struct so
//! its logic is tested without a browser; the page holds it in one signal.

use super::protocol::{BatchReport, EpochReport, FromWorker, Snapshot, Status};

/// Weight of the newest loss in the smoothed curve (an exponential moving average).
pub const SMOOTHING: f32 = 0.05;

/// The page's view of the worker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunState {
    /// The worker has said Ready (the page may send).
    pub ready: bool,
    /// Its last status; `None` before Ready.
    pub status: Option<Status>,
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
    pub error: Option<String>,
}

/// What the page should do after a message, beyond showing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing more.
    None,
    /// New trained weights: offer them to Draw and store them.
    Trained,
}

impl RunState {
    /// Applies one message.
    pub fn apply(&mut self, msg: FromWorker) -> Effect {
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
                }
                let smooth = match self.losses.last() {
                    Some(&(_, _, s)) => (1.0 - SMOOTHING) * s + SMOOTHING * b.loss,
                    None => b.loss,
                };
                self.losses.push((b.step, b.loss, smooth));
                self.last = Some(b);
                self.trained = true;
            }
            FromWorker::Epoch(e) => self.epochs.push(*e),
            FromWorker::Snapshot(s) => self.snapshot = Some(s),
            FromWorker::Weights(w) => {
                self.weights = Some(w);
                if self.trained {
                    return Effect::Trained;
                }
            }
            FromWorker::Error(e) => self.error = Some(e),
        }
        Effect::None
    }

    /// Forget the run's numbers (after a reset or a load); weights follow from the worker.
    pub fn clear_run(&mut self) {
        self.last = None;
        self.losses.clear();
        self.epochs.clear();
        self.trained = false;
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
mod tests {
    use super::*;

    fn batch(step: usize, loss: f32) -> FromWorker {
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
        assert_eq!(s.apply(FromWorker::Ready), Effect::None);
        assert_eq!(s.apply(FromWorker::Weights(vec![1])), Effect::None);
        s.apply(batch(1, 2.0));
        assert_eq!(s.apply(FromWorker::Weights(vec![2])), Effect::Trained);
        s.clear_run();
        assert_eq!(s.apply(FromWorker::Weights(vec![3])), Effect::None);
        assert_eq!(s.weights, Some(vec![3]));
    }

    #[test]
    fn losses_are_smoothed_and_restart_with_a_run() {
        let mut s = RunState::default();
        s.apply(batch(1, 2.0));
        s.apply(batch(2, 1.0));
        assert_eq!(s.losses[0], (1, 2.0, 2.0));
        let expected = (1.0 - SMOOTHING) * 2.0 + SMOOTHING * 1.0;
        assert!((s.losses[1].2 - expected).abs() < 1e-6);
        // 8 batches of 64 left at 640 images per second.
        assert_eq!(s.eta_seconds(64), Some(8.0 * 64.0 / 640.0));
        s.apply(batch(1, 3.0));
        assert_eq!(s.losses.len(), 1);
    }
}
