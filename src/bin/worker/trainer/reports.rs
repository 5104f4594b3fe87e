//! What the trainer tells the page besides each batch: the evaluation after every epoch, and
//! snapshots of conv1's filters and of the watched digit as the model learns.

use super::Worker;
use convlab::nn::softmax;
use convlab::train::evaluate;
use convlab::train::protocol::{EpochReport, FromWorker, Sentence, Snapshot, WorkerError};
use ndarray::{ArrayD, Ix2, IxDyn};

impl Worker {
    pub(super) fn sync_eval(&mut self) -> bool {
        let Some(t) = &self.trainer else { return false };
        for (dst, (_, src)) in self
            .eval
            .parameters_mut()
            .into_iter()
            .zip(t.model.named_parameters())
        {
            dst.value.assign(&src.value);
        }
        true
    }
    pub(super) fn snapshot(&mut self) {
        if !self.sync_eval() {
            return;
        }
        let Some((data, split)) = &self.data else {
            return;
        };
        let i = split.test[self.watch % split.test.len()];
        let x: Vec<f32> = data.image(i).iter().map(|&p| p as f32 / 255.0).collect();
        let Ok(x) = ArrayD::from_shape_vec(IxDyn(&[1, 1, 28, 28]), x) else {
            return;
        };
        let Ok(trace) = self.eval.forward_trace(&x) else {
            return;
        };
        let probs = trace
            .last()
            .and_then(|l| l.view().into_dimensionality::<Ix2>().ok())
            .map(|l| softmax(l).iter().copied().collect())
            .unwrap_or_default();
        let filters = self.eval.layers[0]
            .params()
            .first()
            .map(|(_, p)| p.value.iter().copied().collect())
            .unwrap_or_default();
        let maps = trace
            .get(1)
            .map(|m| m.iter().copied().collect())
            .unwrap_or_default();
        self.post(&FromWorker::Snapshot(Snapshot {
            filters,
            digit: i,
            maps,
            probs,
        }));
    }
    pub(super) fn end_epoch(&mut self, epoch: usize) {
        self.sync_eval();
        let Some((data, split)) = &self.data else {
            return;
        };
        match evaluate(&mut self.eval, data, &split.test, 500) {
            Ok(e) => {
                let mistakes = split
                    .test
                    .iter()
                    .zip(&e.predicted)
                    .filter(|(&i, &p)| data.labels[i] != p)
                    .take(24)
                    .map(|(&i, &p)| (i, p))
                    .collect();
                let report = EpochReport {
                    epoch,
                    train_accuracy: self.correct as f32 / self.seen.max(1) as f32,
                    test_accuracy: e.accuracy(),
                    confusion: e.confusion,
                    mistakes,
                };
                self.post(&FromWorker::Epoch(Box::new(report)));
            }
            Err(err) => self.fail(WorkerError::Refused(Sentence::of(|l| err.message(l)))),
        }
        self.seen = 0;
        self.correct = 0;
        self.post_weights();
    }
}
