//! The one output-size rule shared by convolution, pooling and the visualisers.

use super::error::{Field, NnError};

/// Output length along one axis, as PyTorch computes it for `Conv2d` and `MaxPool2d`
/// (`ceil_mode = False`):
///
/// `out = floor((input + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1`
///
/// Returns `None` when the dilated kernel does not fit in the padded input or a size is 0.
pub fn output_len(
    input: usize,
    kernel: usize,
    stride: usize,
    padding: usize,
    dilation: usize,
) -> Option<usize> {
    if kernel == 0 || stride == 0 || dilation == 0 {
        return None;
    }
    let span = dilation * (kernel - 1) + 1;
    let padded = input + 2 * padding;
    if span > padded {
        return None;
    }
    Some((padded - span) / stride + 1)
}

/// The kernel taps `lo..hi` of output position `o` that land inside an input of `in_len`
/// (the others read padding): tap `k` reads input index `o·stride + k·dilation − pad`.
pub fn tap_range(
    o: usize,
    kernel: usize,
    stride: usize,
    pad: usize,
    dilation: usize,
    in_len: usize,
) -> (usize, usize) {
    let base = (o * stride) as isize - pad as isize;
    let lo = if base >= 0 {
        0
    } else {
        ((-base) as usize).div_ceil(dilation)
    };
    let hi = if in_len as isize <= base {
        0
    } else {
        ((in_len as isize - base) as usize).div_ceil(dilation)
    };
    (lo.min(kernel), hi.min(kernel).max(lo.min(kernel)))
}

/// Hyper-parameters of a sliding window over a 2D plane, each as (rows, cols).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Kernel size (kH, kW).
    pub kernel: (usize, usize),
    /// Step between windows (sH, sW): rows down, columns right.
    pub stride: (usize, usize),
    /// Cells added on each side (pH, pW).
    pub padding: (usize, usize),
    /// Gap between kernel taps (dH, dW); 1 means adjacent.
    pub dilation: (usize, usize),
}

impl Window {
    /// Cells the dilated kernel covers per axis: `D·(K−1)+1`.
    pub fn span(&self) -> (usize, usize) {
        (
            self.dilation.0 * (self.kernel.0.max(1) - 1) + 1,
            self.dilation.1 * (self.kernel.1.max(1) - 1) + 1,
        )
    }

    /// The input cell (row, col), in unpadded coordinates (negative or past the end inside the
    /// padding), that kernel tap `k` of output cell `out` reads:
    /// `out·stride + k·dilation − padding` on each axis.
    pub fn tap(&self, out: (usize, usize), k: (usize, usize)) -> (isize, isize) {
        (
            (out.0 * self.stride.0 + k.0 * self.dilation.0) as isize - self.padding.0 as isize,
            (out.1 * self.stride.1 + k.1 * self.dilation.1) as isize - self.padding.1 as isize,
        )
    }

    /// Checks the sizes that must be at least 1.
    pub fn validate(&self) -> Result<(), NnError> {
        if self.kernel.0 == 0 || self.kernel.1 == 0 {
            return Err(NnError::Zero(Field::Kernel));
        }
        if self.stride.0 == 0 || self.stride.1 == 0 {
            return Err(NnError::Zero(Field::Stride));
        }
        if self.dilation.0 == 0 || self.dilation.1 == 0 {
            return Err(NnError::Zero(Field::Dilation));
        }
        Ok(())
    }

    /// Output (rows, cols) for an input of `(h, w)`, or the reason there is none.
    pub fn output_size(&self, h: usize, w: usize) -> Result<(usize, usize), NnError> {
        self.validate()?;
        let oh = output_len(
            h,
            self.kernel.0,
            self.stride.0,
            self.padding.0,
            self.dilation.0,
        );
        let ow = output_len(
            w,
            self.kernel.1,
            self.stride.1,
            self.padding.1,
            self.dilation.1,
        );
        match (oh, ow) {
            (Some(oh), Some(ow)) => Ok((oh, ow)),
            _ => Err(NnError::KernelTooLarge {
                kernel: self.kernel,
                dilation: self.dilation,
                span: self.span(),
                padded: (h + 2 * self.padding.0, w + 2 * self.padding.1),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_formula() {
        assert_eq!(output_len(28, 3, 1, 0, 1), Some(26));
        assert_eq!(output_len(26, 2, 2, 1, 1), Some(14));
        assert_eq!(output_len(12, 2, 2, 1, 1), Some(7));
        assert_eq!(output_len(5, 3, 1, 0, 2), Some(1));
        assert_eq!(output_len(5, 3, 1, 0, 3), None);
        assert_eq!(output_len(3, 2, 1, 0, 1), Some(2));
    }

    #[test]
    fn names_the_span() {
        let w = Window {
            kernel: (5, 5),
            stride: (1, 1),
            padding: (1, 1),
            dilation: (2, 2),
        };
        let e = w.output_size(5, 5).unwrap_err();
        assert_eq!(
            e.to_string(),
            "A 5×5 kernel with dilation 2 spans 9×9, but the padded input is only 7×7."
        );
    }
}
