//! A trainable tensor and its gradient: the only way optimisers reach weights.

use ndarray::ArrayD;

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
