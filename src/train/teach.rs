//! Teaching the model your own digits: a short fine-tuning run of the model in use on the digits
//! you drew mixed with the set's training images, so it learns yours without forgetting the
//! rest. It runs in the worker as any run does (pause, reset, the result kept in My models).

use super::protocol::Settings;
use crate::data::Mnist;
use crate::nn::init::rng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Steps of a teaching run.
pub const TEACH_STEPS: usize = 40;
/// Images per step.
pub const TEACH_BATCH: usize = 64;
/// Of each step's images, how many are yours (a quarter); the rest come from the set.
pub const TEACH_YOURS: usize = 16;
/// Adam's learning rate for teaching: lower than a run from scratch, so what the model knows
/// is adjusted rather than overwritten.
pub const TEACH_LR: f32 = 1e-3;

/// A teaching run: the settings it trains with (one pass of `steps` batches), how many of each
/// batch's images are yours, and your digits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Teach {
    /// Optimiser, learning rate, batch size, dropout and seed (the worker keeps the model's
    /// own architecture and weights, and makes it one epoch).
    pub settings: Settings,
    /// Batches to train.
    pub steps: usize,
    /// Of each batch's images, how many are yours.
    pub yours_per_batch: usize,
    /// Your digits for training ([`Mnist::to_raw`]); they travel beside the JSON.
    #[serde(skip)]
    pub digits: Vec<u8>,
}

impl Teach {
    /// The page's teaching run of `digits` with the page's settings (`settings` gives the
    /// dropout, the seed and the architecture of the model in use).
    pub fn new(digits: &Mnist, settings: &Settings) -> Teach {
        Teach {
            settings: Settings {
                epochs: 1,
                batch: TEACH_BATCH,
                lr: TEACH_LR,
                sgd: false,
                ..settings.clone()
            },
            steps: TEACH_STEPS,
            yours_per_batch: TEACH_YOURS,
            digits: digits.to_raw(),
        }
    }

    /// Whether the run can be made: at least one step, and room in each batch for images of
    /// both kinds.
    pub fn valid(&self) -> bool {
        (1..=1_000).contains(&self.steps)
            && self.yours_per_batch >= 1
            && self.yours_per_batch < self.settings.batch
    }
}

/// The images of a teaching run, batch after batch: each batch of `batch` holds
/// `yours_per_batch` of `yours` (each of yours as often as the others, in a shuffled order)
/// and the rest from `base` (without repeats while there are enough), shuffled inside the
/// batch. Trained in this order, every step sees the stated mix.
pub fn order(
    base: &[usize],
    yours: Range<usize>,
    steps: usize,
    batch: usize,
    yours_per_batch: usize,
    seed: u64,
) -> Vec<usize> {
    let mut r = rng(seed ^ 0x7eac_4e55);
    let yours: Vec<usize> = yours.collect();
    let mut base_pool: Vec<usize> = Vec::new();
    let mut yours_pool: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(steps * batch);
    for _ in 0..steps {
        let start = out.len();
        for _ in 0..yours_per_batch.min(batch) {
            if yours_pool.is_empty() {
                yours_pool = yours.clone();
                yours_pool.shuffle(&mut r);
            }
            if let Some(i) = yours_pool.pop() {
                out.push(i);
            }
        }
        for _ in yours_per_batch.min(batch)..batch {
            if base_pool.is_empty() {
                base_pool = base.to_vec();
                base_pool.shuffle(&mut r);
            }
            if let Some(i) = base_pool.pop() {
                out.push(i);
            }
        }
        out[start..].shuffle(&mut r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_batch_holds_the_stated_mix() {
        let base: Vec<usize> = (0..1000).collect();
        let o = order(&base, 1000..1010, 40, 64, 16, 3);
        assert_eq!(o.len(), 40 * 64);
        for b in o.chunks(64) {
            assert_eq!(b.iter().filter(|&&i| i >= 1000).count(), 16);
        }
        // Each of your ten digits 64 times (640 = 40 × 16); no base image twice in 1,920.
        for d in 1000..1010 {
            assert_eq!(o.iter().filter(|&&i| i == d).count(), 64);
        }
        // The first 20 batches (960 of the 1,000 base images) repeat none.
        let mut seen: Vec<usize> = o[..20 * 64].iter().copied().filter(|&i| i < 1000).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 20 * 48);
    }

    #[test]
    fn same_seed_same_order() {
        let base: Vec<usize> = (0..50).collect();
        assert_eq!(
            order(&base, 50..53, 5, 8, 2, 9),
            order(&base, 50..53, 5, 8, 2, 9)
        );
        assert_ne!(
            order(&base, 50..53, 5, 8, 2, 9),
            order(&base, 50..53, 5, 8, 2, 10)
        );
    }

    #[test]
    fn the_page_s_run_is_valid_and_odd_ones_are_not() {
        let d = Mnist {
            labels: vec![1],
            pixels: vec![0; crate::data::PIXELS],
        };
        let t = Teach::new(&d, &Settings::default());
        assert!(t.valid());
        assert_eq!((t.settings.epochs, t.settings.batch), (1, TEACH_BATCH));
        assert!(!Teach {
            steps: 0,
            ..t.clone()
        }
        .valid());
        assert!(!Teach {
            yours_per_batch: TEACH_BATCH,
            ..t.clone()
        }
        .valid());
    }
}
