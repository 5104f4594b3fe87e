//! A trainable tensor and its gradient: the only way optimisers reach weights.

use ndarray::{ArrayD, IxDyn};

/// A learnable tensor with the gradient accumulated by `backward`.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// The current value.
    pub value: ArrayD<f32>,
    /// d loss / d value, summed over backward calls since the last `zero_grad`.
    pub grad: ArrayD<f32>,
}

impl Param {
    /// A parameter holding `value` with a zero gradient.
    pub fn new(value: ArrayD<f32>) -> Self {
        let grad = ArrayD::zeros(value.raw_dim());
        Param { value, grad }
    }

    /// Number of scalars.
    pub fn len(&self) -> usize {
        self.value.len()
    }

    /// True for a parameter with no elements.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Sets the gradient to zero, as `optimizer.zero_grad()` does before a step.
    pub fn zero_grad(&mut self) {
        self.grad.fill(0.0);
    }
}

/// Gives `buf` the shape `shape`, reallocating only when the shape changed, so layers can reuse
/// their output and gradient buffers from one batch to the next. Contents are unspecified after
/// a reallocation-free call; callers overwrite them.
pub fn ensure_shape(buf: &mut ArrayD<f32>, shape: &[usize]) {
    if buf.shape() != shape {
        *buf = ArrayD::zeros(IxDyn(shape));
    }
}
