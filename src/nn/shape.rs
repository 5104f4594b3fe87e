//! The one output-size rule shared by convolution, pooling and the visualisers.

use super::error::{Extent, Field, NnError};

/// `input + 2·padding`, or `None` past `usize::MAX` (4,294,967,295 on wasm32, where a file's
/// padding of 4,000,000,000 wrapped to a wrong side).
pub fn padded_len(input: usize, padding: usize) -> Option<usize> {
    padding.checked_mul(2)?.checked_add(input)
}

/// Cells a dilated kernel covers along one axis, `dilation·(kernel − 1) + 1`, or `None` past
/// `usize::MAX`. A kernel of 0 covers 1 cell here; [`Window::validate`] refuses it.
pub fn span_len(kernel: usize, dilation: usize) -> Option<usize> {
    dilation.checked_mul(kernel.max(1) - 1)?.checked_add(1)
}

/// Output length along one axis, as PyTorch computes it for `Conv2d` and `MaxPool2d`
/// (`ceil_mode = False`):
///
/// `out = floor((input + 2·padding − dilation·(kernel − 1) − 1) / stride) + 1`
///
/// Returns `None` when the dilated kernel does not fit in the padded input, a size is 0, or the
/// padded input or the span passes `usize::MAX` ([`Window::output_size`] says which).
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
    let span = span_len(kernel, dilation)?;
    let padded = padded_len(input, padding)?;
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
    /// Cells the dilated kernel covers per axis: `D·(K−1)+1`, at most `usize::MAX` (a larger
    /// span is refused by [`Window::output_size`] before anything uses it).
    pub fn span(&self) -> (usize, usize) {
        let span = |k, d| span_len(k, d).unwrap_or(usize::MAX);
        (
            span(self.kernel.0, self.dilation.0),
            span(self.kernel.1, self.dilation.1),
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
        let axes = [
            (h, self.kernel.0, self.padding.0, self.dilation.0),
            (w, self.kernel.1, self.padding.1, self.dilation.1),
        ];
        // Sizes no tensor can have are refused by name, before the formula would wrap them.
        for (input, kernel, padding, dilation) in axes {
            if padded_len(input, padding).is_none() {
                return Err(NnError::Overflow(Extent::Padded { input, padding }));
            }
            if span_len(kernel, dilation).is_none() {
                return Err(NnError::Overflow(Extent::Span { kernel, dilation }));
            }
        }
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
                padded: (
                    padded_len(h, self.padding.0).expect("checked above"),
                    padded_len(w, self.padding.1).expect("checked above"),
                ),
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
    fn sizes_past_usize_are_refused_not_wrapped() {
        assert_eq!(output_len(28, 1, 1, usize::MAX / 2, 1), None);
        assert_eq!(output_len(28, usize::MAX, 1, 0, 2), None);
        // Still exact just below the limit: (28 + 2·(2⁶²) − 1) / 2⁶² + 1 = 3.
        assert_eq!(output_len(28, 1, 1 << 62, 1 << 62, 1), Some(3));
        let w = |padding, dilation| Window {
            kernel: (3, 3),
            stride: (1, 1),
            padding: (0, padding),
            dilation: (1, dilation),
        };
        assert_eq!(
            w(usize::MAX / 2, 1).output_size(28, 28),
            Err(NnError::Overflow(Extent::Padded {
                input: 28,
                padding: usize::MAX / 2
            }))
        );
        assert_eq!(
            w(0, usize::MAX).output_size(28, 28),
            Err(NnError::Overflow(Extent::Span {
                kernel: 3,
                dilation: usize::MAX
            }))
        );
        assert_eq!(w(0, usize::MAX).span(), (3, usize::MAX));
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
