//! What the engine tells the page besides each batch: the evaluation after every epoch, and
//! snapshots of conv1's filters and of the watched digit as the model learns.

use super::{Out, RunEngine};
use crate::data::unit_pixel;
use crate::nn::softmax;
use crate::train::evaluate;
use crate::train::protocol::{EpochReport, FromWorker, Snapshot};
use ndarray::{ArrayD, Ix2, IxDyn};

/// Held-out digits the model gets wrong that an epoch's report shows.
const MISTAKES_SHOWN: usize = 24;

impl RunEngine {
    /// Copies the trained weights into the evaluation model; false without a model.
    fn sync_eval(&mut self) -> bool {
        let Some(t) = &self.trainer else { return false };
        if !self.eval.0.same_weights(&self.arch) {
            self.eval = (self.arch.clone(), t.model.clone());
            return true;
        }
        for (dst, (_, src)) in self
            .eval
            .1
            .parameters_mut()
            .into_iter()
            .zip(t.model.named_parameters())
        {
            dst.value.assign(&src.value);
        }
        true
    }

    /// conv1's filters, its maps of the watched held-out digit and the model's probabilities.
    pub(super) fn snapshot(&mut self, out: &mut Vec<Out>) {
        if !self.sync_eval() {
            return;
        }
        let Some((data, split)) = &self.data else {
            return;
        };
        let i = split.test[self.watch % split.test.len()];
        let x: Vec<f32> = data.image(i).iter().map(|&p| unit_pixel(p)).collect();
        let Ok(x) = ArrayD::from_shape_vec(IxDyn(&[1, 1, 28, 28]), x) else {
            return;
        };
        let Ok(trace) = self.eval.1.forward_trace(&x) else {
            return;
        };
        let probs = trace
            .last()
            .and_then(|l| l.view().into_dimensionality::<Ix2>().ok())
            .map(|l| softmax(l).iter().copied().collect())
            .unwrap_or_default();
        // Every model of the editor begins with a convolution and its ReLU.
        let (filters, filter_shape) = self.eval.1.layers[0]
            .params()
            .first()
            .map(|(_, p)| (p.value.iter().copied().collect(), p.value.shape().to_vec()))
            .unwrap_or_default();
        let (maps, map_shape) = trace
            .get(1)
            .map(|m| (m.iter().copied().collect(), m.shape()[1..].to_vec()))
            .unwrap_or_default();
        out.push(Out::Post(FromWorker::Snapshot(Snapshot {
            filters,
            filter_shape,
            digit: i,
            maps,
            map_shape,
            probs,
        })));
    }

    /// The evaluation after epoch `epoch`, then the weights.
    pub(super) fn end_epoch(&mut self, epoch: usize, out: &mut Vec<Out>) {
        self.sync_eval();
        let Some((data, split)) = &self.data else {
            return;
        };
        match evaluate(&mut self.eval.1, data, &split.test, 500) {
            Ok(e) => {
                let mistakes = split
                    .test
                    .iter()
                    .zip(&e.predicted)
                    .filter(|(&i, &p)| data.labels[i] != p)
                    .take(MISTAKES_SHOWN)
                    .map(|(&i, &p)| (i, p))
                    .collect();
                let report = EpochReport {
                    epoch,
                    train_accuracy: self.correct as f32 / self.seen.max(1) as f32,
                    test_accuracy: e.accuracy(),
                    confusion: e.confusion,
                    mistakes,
                };
                out.push(Out::Post(FromWorker::Epoch(Box::new(report))));
            }
            Err(err) => Self::fail(err, out),
        }
        self.seen = 0;
        self.correct = 0;
        self.weights(out);
    }
}
