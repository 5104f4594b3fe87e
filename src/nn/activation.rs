//! Element-wise and row-wise functions without parameters: `ReLU`, `Softmax`, `LogSoftmax`, argmax.

use super::param::ensure_shape;
use ndarray::{Array2, ArrayD, ArrayView2, Axis, IxDyn, Zip};

/// `ReLU(x) = max(0, x)`.
#[derive(Clone, Debug)]
pub struct ReLU {
    // The output doubles as the mask: PyTorch passes the gradient only where the output is > 0.
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

impl Default for ReLU {
    fn default() -> Self {
        ReLU {
            out: ArrayD::zeros(IxDyn(&[0])),
            dx: ArrayD::zeros(IxDyn(&[0])),
        }
    }
}

impl ReLU {
    /// The output of the last forward pass.
    pub fn output(&self) -> &ArrayD<f32> {
        &self.out
    }

    /// The input gradient of the last backward pass.
    pub fn input_grad(&self) -> &ArrayD<f32> {
        &self.dx
    }

    /// A ReLU layer.
    pub fn new() -> Self {
        ReLU::default()
    }

    /// # Shapes
    /// any shape, unchanged.
    pub fn forward(&mut self, x: &ArrayD<f32>) -> &ArrayD<f32> {
        ensure_shape(&mut self.out, x.shape());
        Zip::from(&mut self.out)
            .and(x)
            .for_each(|o, &v| *o = if v > 0.0 { v } else { 0.0 });
        &self.out
    }

    /// `dx = dy · [y > 0]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> &ArrayD<f32> {
        ensure_shape(&mut self.dx, grad.shape());
        Zip::from(&mut self.dx)
            .and(grad)
            .and(&self.out)
            .for_each(|d, &g, &y| *d = if y > 0.0 { g } else { 0.0 });
        &self.dx
    }
}

/// `torch.nn.Softmax(dim)`: probabilities along one dimension of a tensor of any rank.
#[derive(Clone, Debug)]
pub struct Softmax {
    /// The dimension that sums to 1.
    pub dim: usize,
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

impl Softmax {
    /// `nn.Softmax(dim)`.
    pub fn new(dim: usize) -> Self {
        Softmax {
            dim,
            out: ArrayD::zeros(IxDyn(&[0])),
            dx: ArrayD::zeros(IxDyn(&[0])),
        }
    }

    /// `y = exp(x − max) / Σ exp(x − max)` along `dim`.
    ///
    /// # Shapes
    /// any shape with more than `dim` dimensions, unchanged.
    pub fn forward(&mut self, x: &ArrayD<f32>) -> &ArrayD<f32> {
        assert!(
            self.dim < x.ndim(),
            "Softmax: dim {} of a {}-dimensional tensor",
            self.dim,
            x.ndim()
        );
        ensure_shape(&mut self.out, x.shape());
        self.out.assign(x);
        for mut lane in self.out.lanes_mut(Axis(self.dim)) {
            let m = lane.fold(f32::NEG_INFINITY, |a, &b| a.max(b));
            lane.mapv_inplace(|v| (v - m).exp());
            let sum = lane.sum();
            lane.mapv_inplace(|v| v / sum);
        }
        &self.out
    }

    /// The Jacobian-vector product `dx_i = y_i · (dy_i − Σ_j dy_j · y_j)` along `dim`.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> &ArrayD<f32> {
        ensure_shape(&mut self.dx, grad.shape());
        Zip::from(self.dx.lanes_mut(Axis(self.dim)))
            .and(grad.lanes(Axis(self.dim)))
            .and(self.out.lanes(Axis(self.dim)))
            .for_each(|mut dx, g, y| {
                let dot: f32 = g.iter().zip(y.iter()).map(|(a, b)| a * b).sum();
                Zip::from(&mut dx)
                    .and(&g)
                    .and(&y)
                    .for_each(|d, &g, &y| *d = y * (g - dot));
            });
        &self.dx
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
/// One row of logits as a prediction: its softmax probabilities and the index of the largest
/// (what `F.softmax(logits, dim=-1)` and `logits.argmax(dim=-1)` give for one image).
pub fn classify(logits: &[f32]) -> (Vec<f32>, usize) {
    let z = ArrayView2::from_shape((1, logits.len()), logits).expect("one row");
    (softmax(z).iter().copied().collect(), argmax(z)[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_gives_softmax_and_the_first_largest() {
        // The source post's printout: the digit 1 wins with probability ≈ 0.9997.
        let logits = [
            -7.427, 8.698, 0.407, -4.990, -4.264, -3.783, -4.286, -3.159, -2.024, -4.415,
        ];
        let (p, best) = classify(&logits);
        assert_eq!(best, 1);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!((p[1] - 0.9997).abs() < 1e-4, "{}", p[1]);
        assert_eq!(
            classify(&[2.0, 5.0, 5.0]).1,
            1,
            "ties go to the first, as torch.argmax"
        );
    }
}
