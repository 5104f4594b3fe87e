//! The named 3×3 kernels the app shows, in one table: the convolution stepper's presets and the
//! kernels applied to a real digit both take them from here.

/// A named 3×3 kernel, row-major.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// Responds to vertical edges (a Prewitt kernel): left minus right.
    Vertical,
    /// Responds to horizontal edges: top minus bottom.
    Horizontal,
    /// All edges (a Laplacian): 8 × the centre minus its eight neighbours.
    Edge,
    /// A box blur: the mean of the nine cells.
    Blur,
    /// Sharpen: 5 × the centre minus its four neighbours.
    Sharpen,
}

impl Kernel {
    /// The nine weights, row-major.
    pub fn weights(self) -> Vec<f32> {
        match self {
            Kernel::Vertical => vec![1.0, 0.0, -1.0, 1.0, 0.0, -1.0, 1.0, 0.0, -1.0],
            Kernel::Horizontal => vec![1.0, 1.0, 1.0, 0.0, 0.0, 0.0, -1.0, -1.0, -1.0],
            Kernel::Edge => vec![-1.0, -1.0, -1.0, -1.0, 8.0, -1.0, -1.0, -1.0, -1.0],
            Kernel::Blur => vec![1.0 / 9.0; 9],
            Kernel::Sharpen => vec![0.0, -1.0, 0.0, -1.0, 5.0, -1.0, 0.0, -1.0, 0.0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_say_what_each_kernel_keeps() {
        let sum = |k: Kernel| k.weights().iter().sum::<f32>();
        // Edge detectors ignore flat regions; blur and sharpen keep their brightness.
        for k in [Kernel::Vertical, Kernel::Horizontal, Kernel::Edge] {
            assert_eq!(sum(k), 0.0, "{k:?}");
        }
        assert!((sum(Kernel::Blur) - 1.0).abs() < 1e-6);
        assert_eq!(sum(Kernel::Sharpen), 1.0);
    }
}
