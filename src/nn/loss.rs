//! Mean cross-entropy on logits: `F.cross_entropy(logits, labels)`, i.e. LogSoftmax followed by
//! the negative log-likelihood, averaged over the batch.

use super::activation::{log_softmax, softmax};
use ndarray::{Array2, ArrayView2};

/// `loss = −(1/N) Σ_n log_softmax(z_n)[y_n]` and its gradient `dL/dz = (softmax(z) − onehot(y)) / N`.
///
/// # Shapes
/// `logits: [N, classes]`, `labels: [N]` with values below `classes` -> `(scalar, [N, classes])`.
pub fn cross_entropy(logits: ArrayView2<f32>, labels: &[usize]) -> (f32, Array2<f32>) {
    let n = logits.nrows();
    assert_eq!(n, labels.len(), "cross_entropy: one label per row");
    let logp = log_softmax(logits);
    let mut loss = 0.0f64;
    for (row, &y) in labels.iter().enumerate() {
        loss -= logp[[row, y]] as f64;
    }
    let mut grad = softmax(logits);
    for (row, &y) in labels.iter().enumerate() {
        grad[[row, y]] -= 1.0;
    }
    grad.mapv_inplace(|g| g / n as f32);
    ((loss / n as f64) as f32, grad)
}
