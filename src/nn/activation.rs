//! Element-wise and row-wise functions without parameters: `ReLU`, `Softmax`, `LogSoftmax`, argmax.

use ndarray::{Array2, ArrayD, ArrayView2, Axis, Zip};

/// `ReLU(x) = max(0, x)`.
#[derive(Clone, Debug, Default)]
pub struct ReLU {
    // 1 where the input was positive: PyTorch passes the gradient only where the output is > 0.
    mask: ArrayD<f32>,
}

impl ReLU {
    /// A ReLU layer.
    pub fn new() -> Self {
        ReLU::default()
    }

    /// # Shapes
    /// any shape, unchanged.
    pub fn forward(&mut self, x: &ArrayD<f32>) -> ArrayD<f32> {
        self.mask = x.mapv(|v| if v > 0.0 { 1.0 } else { 0.0 });
        x.mapv(|v| if v > 0.0 { v } else { 0.0 })
    }

    /// `dx = dy · [x > 0]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> ArrayD<f32> {
        let mut dx = grad.clone();
        Zip::from(&mut dx).and(&self.mask).for_each(|d, &m| *d *= m);
        dx
    }
}

/// `softmax(z)_i = exp(z_i − max z) / Σ_j exp(z_j − max z)` along each row (`dim = 1`).
/// Subtracting the maximum changes nothing mathematically and keeps `exp` from overflowing.
pub fn softmax(logits: ArrayView2<f32>) -> Array2<f32> {
    let mut out = logits.to_owned();
    for mut row in out.axis_iter_mut(Axis(0)) {
        let m = row.fold(f32::NEG_INFINITY, |a, &b| a.max(b));
        row.mapv_inplace(|v| (v - m).exp());
        let s = row.sum();
        row.mapv_inplace(|v| v / s);
    }
    out
}

/// `log_softmax(z)_i = z_i − max z − log Σ_j exp(z_j − max z)` along each row.
pub fn log_softmax(logits: ArrayView2<f32>) -> Array2<f32> {
    let mut out = logits.to_owned();
    for mut row in out.axis_iter_mut(Axis(0)) {
        let m = row.fold(f32::NEG_INFINITY, |a, &b| a.max(b));
        let lse = row.fold(0.0f32, |a, &v| a + (v - m).exp()).ln() + m;
        row.mapv_inplace(|v| v - lse);
    }
    out
}

/// Index of the largest value of each row (the first one on ties, as `torch.argmax`).
pub fn argmax(values: ArrayView2<f32>) -> Vec<usize> {
    values
        .rows()
        .into_iter()
        .map(|row| {
            let mut best = 0;
            for (i, &v) in row.iter().enumerate() {
                if v > row[best] {
                    best = i;
                }
            }
            best
        })
        .collect()
}
