//! How a model does on held-out digits: the confusion matrix, every prediction and the mean loss,
//! computed in eval mode (dropout off), as PyTorch's `model.eval()` loop would.

use crate::data::{unit_pixel, Mnist, PIXELS};
use crate::nn::{argmax, cross_entropy, logits_view, Mode, NnError, Sequential};
use ndarray::{ArrayD, IxDyn};

/// How a model does on a set of images.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// `confusion[true][predicted]` counts.
    pub confusion: [[u32; 10]; 10],
    /// The predicted digit of every image, in the order given.
    pub predicted: Vec<u8>,
    /// Mean cross-entropy.
    pub loss: f32,
}

impl Evaluation {
    /// Images classified correctly.
    pub fn correct(&self) -> u32 {
        (0..10).map(|d| self.confusion[d][d]).sum()
    }

    /// Images evaluated.
    pub fn total(&self) -> u32 {
        self.confusion.iter().flatten().sum()
    }

    /// Fraction correct, in [0, 1].
    pub fn accuracy(&self) -> f32 {
        self.correct() as f32 / self.total().max(1) as f32
    }
}

/// Runs `model` in eval mode over the images `indices` of `data`, `batch` at a time.
pub fn evaluate(
    model: &mut Sequential,
    data: &Mnist,
    indices: &[usize],
    batch: usize,
) -> Result<Evaluation, NnError> {
    let mut confusion = [[0u32; 10]; 10];
    let mut predicted = Vec::with_capacity(indices.len());
    let mut loss_sum = 0.0f64;
    for ids in indices.chunks(batch.max(1)) {
        let mut x = ArrayD::zeros(IxDyn(&[ids.len(), 1, 28, 28]));
        let xs = x.as_slice_mut().expect("contiguous");
        for (k, &i) in ids.iter().enumerate() {
            for (o, &p) in xs[k * PIXELS..(k + 1) * PIXELS]
                .iter_mut()
                .zip(data.image(i))
            {
                *o = unit_pixel(p);
            }
        }
        let logits = model.forward(&x, Mode::Eval)?;
        let logits = logits_view(logits)?;
        let labels: Vec<usize> = ids.iter().map(|&i| data.labels[i] as usize).collect();
        let (loss, _) = cross_entropy(logits, &labels);
        loss_sum += loss as f64 * ids.len() as f64;
        for (p, &t) in argmax(logits).into_iter().zip(&labels) {
            if p < 10 {
                confusion[t][p] += 1;
            }
            predicted.push(p as u8);
        }
    }
    Ok(Evaluation {
        confusion,
        predicted,
        loss: (loss_sum / indices.len().max(1) as f64) as f32,
    })
}
