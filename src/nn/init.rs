//! PyTorch's default initialisation, reproducible from a seed.

use ndarray::{ArrayD, IxDyn};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The random generator used everywhere in the core: ChaCha8, which gives the same stream on
/// every platform for a given seed (native tests and the browser agree).
pub type NnRng = ChaCha8Rng;

/// A generator seeded with `seed`.
pub fn rng(seed: u64) -> NnRng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// The bound PyTorch uses for both weights and biases of `Conv2d` and `Linear`:
/// Kaiming-uniform with `a = sqrt(5)` gives `gain·sqrt(3 / fan_in)` with
/// `gain = sqrt(2 / (1 + a²)) = sqrt(1/3)`, that is `1 / sqrt(fan_in)`; the bias uses the same bound.
pub fn default_bound(fan_in: usize) -> f32 {
    1.0 / (fan_in.max(1) as f32).sqrt()
}

/// A tensor of `shape` with values drawn uniformly from `[-bound, bound)`.
pub fn uniform(shape: &[usize], bound: f32, rng: &mut NnRng) -> ArrayD<f32> {
    ArrayD::from_shape_simple_fn(IxDyn(shape), || rng.random_range(-bound..bound))
}
