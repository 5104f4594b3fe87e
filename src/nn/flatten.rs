//! `Flatten`: merges a range of dimensions into one, e.g. `(N, 32, 7, 7) -> (N, 1568)`.

use super::error::{Extent, NnError};
use super::param::ensure_shape;
use ndarray::{ArrayD, IxDyn};

/// `torch.nn.Flatten(start_dim, end_dim)`; negative dims count from the end.
#[derive(Clone, Debug, PartialEq)]
pub struct Flatten {
    /// First dimension merged (PyTorch's default is 1, keeping the batch).
    pub start_dim: isize,
    /// Last dimension merged (default −1, the last).
    pub end_dim: isize,
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

impl Default for Flatten {
    fn default() -> Self {
        Flatten::new(1, -1)
    }
}

impl Flatten {
    /// The output of the last forward pass.
    pub fn output(&self) -> &ArrayD<f32> {
        &self.out
    }

    /// The input gradient of the last backward pass.
    pub fn input_grad(&self) -> &ArrayD<f32> {
        &self.dx
    }

    /// `nn.Flatten(start_dim, end_dim)`.
    pub fn new(start_dim: isize, end_dim: isize) -> Self {
        Flatten {
            start_dim,
            end_dim,
            out: ArrayD::zeros(IxDyn(&[0])),
            dx: ArrayD::zeros(IxDyn(&[0])),
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
    /// `[d0, …, d_start, …, d_end, …] -> [d0, …, d_start·…·d_end, …]`; refused when the
    /// product passes `usize::MAX`.
    pub fn output_shape(&self, input: &[usize]) -> Result<Vec<usize>, NnError> {
        let (s, e) = self.range(input.len())?;
        let merged = input[s..=e]
            .iter()
            .try_fold(1usize, |n, &d| n.checked_mul(d))
            .ok_or_else(|| {
                NnError::Overflow(Extent::Values {
                    shape: input.to_vec(),
                })
            })?;
        let mut out = input[..s].to_vec();
        out.push(merged);
        out.extend_from_slice(&input[e + 1..]);
        Ok(out)
    }

    /// Copies the values, row-major, into the flattened shape.
    pub fn forward(&mut self, x: &ArrayD<f32>) -> &ArrayD<f32> {
        let shape = self
            .output_shape(x.shape())
            .unwrap_or_else(|e| panic!("Flatten::forward: {e}"));
        ensure_shape(&mut self.out, &shape);
        ensure_shape(&mut self.dx, x.shape());
        copy_row_major(x, &mut self.out);
        &self.out
    }

    /// Copies the gradient back into the input's shape.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> &ArrayD<f32> {
        assert_eq!(
            grad.len(),
            self.dx.len(),
            "Flatten::backward: gradient size"
        );
        copy_row_major(grad, &mut self.dx);
        &self.dx
    }
}

fn copy_row_major(src: &ArrayD<f32>, dst: &mut ArrayD<f32>) {
    let dst = dst.as_slice_mut().expect("standard layout");
    match src.as_slice() {
        Some(s) => dst.copy_from_slice(s),
        None => dst.iter_mut().zip(src.iter()).for_each(|(d, s)| *d = *s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_past_usize_is_refused() {
        let f = Flatten::default();
        assert_eq!(f.output_shape(&[1, 32, 7, 7]), Ok(vec![1, 1568]));
        // Two sides of 2^(bits/2) + 1 cells: their product passes usize, 32-bit (wasm32) or
        // 64-bit (as a padding of 4,000,000,000 made them).
        let side = (1usize << (usize::BITS / 2)) + 1;
        let shape = [1, 1, side, side];
        assert_eq!(
            f.output_shape(&shape),
            Err(NnError::Overflow(Extent::Values {
                shape: shape.to_vec()
            }))
        );
    }
}
