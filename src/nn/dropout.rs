//! `Dropout(p)`: in training, zeroes each value with probability `p` and scales the kept ones by
//! `1/(1−p)`, so the expected sum is unchanged; in evaluation, the identity.

use super::error::NnError;
use super::init::{rng, NnRng};
use ndarray::{ArrayD, Zip};
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
    // 0 or 1/(1−p) per value of the last training forward; `None` after an eval forward.
    mask: Option<ArrayD<f32>>,
}

impl Dropout {
    /// `nn.Dropout(p)`, its masks drawn from a generator seeded with `seed`.
    pub fn new(p: f32, seed: u64) -> Result<Self, NnError> {
        if !(0.0..1.0).contains(&p) {
            return Err(NnError::Probability(p));
        }
        Ok(Dropout {
            p,
            rng: rng(seed),
            mask: None,
        })
    }

    /// # Shapes
    /// any shape, unchanged.
    pub fn forward(&mut self, x: &ArrayD<f32>, mode: Mode) -> ArrayD<f32> {
        if mode == Mode::Eval || self.p == 0.0 {
            self.mask = None;
            return x.clone();
        }
        let keep = 1.0 - self.p;
        let scale = 1.0 / keep;
        let rng = &mut self.rng;
        let mask = x.mapv(|_| {
            if rng.random::<f32>() < keep {
                scale
            } else {
                0.0
            }
        });
        let mut y = x.clone();
        Zip::from(&mut y).and(&mask).for_each(|v, &m| *v *= m);
        self.mask = Some(mask);
        y
    }

    /// `dx = dy · mask` (the identity after an eval forward).
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> ArrayD<f32> {
        match &self.mask {
            None => grad.clone(),
            Some(mask) => {
                let mut dx = grad.clone();
                Zip::from(&mut dx).and(mask).for_each(|v, &m| *v *= m);
                dx
            }
        }
    }

    /// The mask of the last training forward (0 or `1/(1−p)` per value), for the visualiser.
    pub fn mask(&self) -> Option<&ArrayD<f32>> {
        self.mask.as_ref()
    }
}
