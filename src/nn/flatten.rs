//! `Flatten`: merges a range of dimensions into one, e.g. `(N, 32, 7, 7) -> (N, 1568)`.

use super::error::NnError;
use ndarray::{ArrayD, IxDyn};

/// `torch.nn.Flatten(start_dim, end_dim)`; negative dims count from the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flatten {
    /// First dimension merged (PyTorch's default is 1, keeping the batch).
    pub start_dim: isize,
    /// Last dimension merged (default −1, the last).
    pub end_dim: isize,
    input_shape: Vec<usize>,
}

impl Default for Flatten {
    fn default() -> Self {
        Flatten::new(1, -1)
    }
}

impl Flatten {
    /// `nn.Flatten(start_dim, end_dim)`.
    pub fn new(start_dim: isize, end_dim: isize) -> Self {
        Flatten {
            start_dim,
            end_dim,
            input_shape: Vec::new(),
        }
    }

    fn range(&self, rank: usize) -> Result<(usize, usize), NnError> {
        let fix = |d: isize| if d < 0 { d + rank as isize } else { d };
        let (s, e) = (fix(self.start_dim), fix(self.end_dim));
        if s < 0 || e < s || e >= rank as isize {
            return Err(NnError::Rank {
                expected: (self.end_dim.max(self.start_dim) + 1).max(2) as usize,
                got: rank,
            });
        }
        Ok((s as usize, e as usize))
    }

    /// # Shapes
    /// `[d0, …, d_start, …, d_end, …] -> [d0, …, d_start·…·d_end, …]`.
    pub fn output_shape(&self, input: &[usize]) -> Result<Vec<usize>, NnError> {
        let (s, e) = self.range(input.len())?;
        let mut out = input[..s].to_vec();
        out.push(input[s..=e].iter().product());
        out.extend_from_slice(&input[e + 1..]);
        Ok(out)
    }

    /// Reshapes (a copy only when the input is not contiguous).
    pub fn forward(&mut self, x: &ArrayD<f32>) -> ArrayD<f32> {
        let shape = self
            .output_shape(x.shape())
            .unwrap_or_else(|e| panic!("Flatten::forward: {e}"));
        self.input_shape = x.shape().to_vec();
        x.as_standard_layout()
            .into_owned()
            .into_shape_with_order(IxDyn(&shape))
            .expect("same size")
    }

    /// Reshapes the gradient back to the input's shape.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> ArrayD<f32> {
        grad.as_standard_layout()
            .into_owned()
            .into_shape_with_order(IxDyn(&self.input_shape))
            .expect("Flatten::backward: gradient size")
    }
}
