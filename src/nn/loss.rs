//! Mean cross-entropy on logits: `F.cross_entropy(logits, labels)`, i.e. LogSoftmax followed by
//! the negative log-likelihood, averaged over the batch.

use super::NnError;
use ndarray::{Array2, ArrayD, ArrayView2, Ix2};

/// `loss = −(1/N) Σ_n log_softmax(z_n)[y_n]` and its gradient `dL/dz = (softmax(z) − onehot(y)) / N`.
///
/// # Shapes
/// `logits: [N, classes]`, `labels: [N]` with values below `classes` -> `(scalar, [N, classes])`.
pub fn cross_entropy(logits: ArrayView2<f32>, labels: &[usize]) -> (f32, Array2<f32>) {
    let mut grad = Array2::zeros(logits.raw_dim());
    let loss = cross_entropy_into(logits, labels, &mut grad);
    (loss, grad)
}

/// [`cross_entropy`] writing the gradient into `grad` (same shape as `logits`), so a training
/// loop allocates nothing.
pub fn cross_entropy_into(
    logits: ArrayView2<f32>,
    labels: &[usize],
    grad: &mut Array2<f32>,
) -> f32 {
    let n = logits.nrows();
    assert_eq!(n, labels.len(), "cross_entropy: one label per row");
    assert_eq!(grad.dim(), logits.dim(), "cross_entropy: gradient shape");
    let mut loss = 0.0f64;
    for ((z, mut g), &y) in logits.rows().into_iter().zip(grad.rows_mut()).zip(labels) {
        let m = z.fold(f32::NEG_INFINITY, |a, &b| a.max(b));
        let mut sum = 0.0f32;
        for (gi, &zi) in g.iter_mut().zip(z.iter()) {
            *gi = (zi - m).exp();
            sum += *gi;
        }
        loss -= (z[y] - m - sum.ln()) as f64;
        for gi in g.iter_mut() {
            *gi /= sum * n as f32;
        }
        g[y] -= 1.0 / n as f32;
    }
    (loss / n as f64) as f32
}

/// A model's output as `[N, classes]` logits, or the rank error when it is not 2-D.
pub fn logits_view(out: &ArrayD<f32>) -> Result<ArrayView2<'_, f32>, NnError> {
    out.view()
        .into_dimensionality::<Ix2>()
        .map_err(|_| NnError::Rank {
            expected: 2,
            got: out.ndim(),
        })
}
