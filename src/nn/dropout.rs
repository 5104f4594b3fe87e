//! `Dropout(p)`: in training, zeroes each value with probability `p` and scales the kept ones by
//! `1/(1−p)`, so the expected sum is unchanged; in evaluation, the identity.

use super::error::NnError;
use super::init::{rng, NnRng};
use super::param::ensure_shape;
use ndarray::{ArrayD, IxDyn, Zip};
use rand::Rng;

/// Training or evaluation behaviour, as `model.train()` / `model.eval()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Dropout is active.
    Train,
    /// Dropout is the identity.
    Eval,
}

/// A dropout layer with its own seeded random stream.
#[derive(Clone, Debug)]
pub struct Dropout {
    /// Probability of zeroing a value, in `[0, 1)`.
    pub p: f32,
    rng: NnRng,
    // 0 or 1/(1−p) per value of the last training forward; empty after an eval forward.
    mask: ArrayD<f32>,
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

impl Dropout {
    /// The output of the last forward pass.
    pub fn output(&self) -> &ArrayD<f32> {
        &self.out
    }

    /// The input gradient of the last backward pass.
    pub fn input_grad(&self) -> &ArrayD<f32> {
        &self.dx
    }

    /// `nn.Dropout(p)`, its masks drawn from a generator seeded with `seed`.
    pub fn new(p: f32, seed: u64) -> Result<Self, NnError> {
        if !(0.0..1.0).contains(&p) {
            return Err(NnError::Probability(p));
        }
        let empty = || ArrayD::zeros(IxDyn(&[0]));
        Ok(Dropout {
            p,
            rng: rng(seed),
            mask: empty(),
            out: empty(),
            dx: empty(),
        })
    }

    fn active(&self) -> bool {
        !self.mask.is_empty()
    }

    /// # Shapes
    /// any shape, unchanged.
    pub fn forward(&mut self, x: &ArrayD<f32>, mode: Mode) -> &ArrayD<f32> {
        ensure_shape(&mut self.out, x.shape());
        if mode == Mode::Eval || self.p == 0.0 {
            ensure_shape(&mut self.mask, &[0]);
            self.out.assign(x);
            return &self.out;
        }
        let keep = 1.0 - self.p;
        let scale = 1.0 / keep;
        ensure_shape(&mut self.mask, x.shape());
        let rng = &mut self.rng;
        self.mask.mapv_inplace(|_| {
            if rng.random::<f32>() < keep {
                scale
            } else {
                0.0
            }
        });
        Zip::from(&mut self.out)
            .and(x)
            .and(&self.mask)
            .for_each(|o, &v, &m| *o = v * m);
        &self.out
    }

    /// `dx = dy · mask` (the identity after an eval forward).
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> &ArrayD<f32> {
        ensure_shape(&mut self.dx, grad.shape());
        if self.active() {
            Zip::from(&mut self.dx)
                .and(grad)
                .and(&self.mask)
                .for_each(|d, &g, &m| *d = g * m);
        } else {
            self.dx.assign(grad);
        }
        &self.dx
    }

    /// The mask of the last training forward (0 or `1/(1−p)` per value), for the visualiser.
    pub fn mask(&self) -> Option<&ArrayD<f32>> {
        self.active().then_some(&self.mask)
    }
}
