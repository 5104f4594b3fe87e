//! `MaxPool2d`: the largest value of each window. Like PyTorch, padding cells hold −∞, so a
//! padded cell is never the maximum (zero padding would win over negative inputs).

use super::error::NnError;
use super::param::ensure_shape;
use super::shape::{tap_range, Window};
use ndarray::{ArrayD, IxDyn};

/// Marks an output whose whole window lies in the padding (no input cell receives its gradient).
const NONE: u32 = u32::MAX;

/// Hyper-parameters of `torch.nn.MaxPool2d` with `ceil_mode = False`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxPool2dConfig {
    /// Kernel, stride, padding and dilation, each (rows, cols).
    pub window: Window,
}

impl MaxPool2dConfig {
    /// `nn.MaxPool2d(kernel)`: stride defaults to the kernel size, padding 0, dilation 1.
    pub fn new(kernel: (usize, usize)) -> Self {
        MaxPool2dConfig {
            window: Window {
                kernel,
                stride: kernel,
                padding: (0, 0),
                dilation: (1, 1),
            },
        }
    }

    /// Sets the stride (rows, cols).
    pub fn stride(mut self, stride: (usize, usize)) -> Self {
        self.window.stride = stride;
        self
    }

    /// Sets the padding (rows, cols); padded cells count as −∞.
    pub fn padding(mut self, padding: (usize, usize)) -> Self {
        self.window.padding = padding;
        self
    }

    /// Sets the dilation (rows, cols).
    pub fn dilation(mut self, dilation: (usize, usize)) -> Self {
        self.window.dilation = dilation;
        self
    }

    /// Checks what PyTorch checks: sizes at least 1 and `padding <= kernel / 2` on each axis.
    pub fn validate(&self) -> Result<(), NnError> {
        self.window.validate()?;
        let Window {
            kernel, padding, ..
        } = self.window;
        if padding.0 > kernel.0 / 2 || padding.1 > kernel.1 / 2 {
            return Err(NnError::PoolPadding { padding, kernel });
        }
        Ok(())
    }

    /// # Shapes
    /// `input: [N, C, H, W] -> output: [N, C, H_out, W_out]`.
    pub fn output_shape(&self, input: &[usize]) -> Result<Vec<usize>, NnError> {
        self.validate()?;
        if input.len() != 4 {
            return Err(NnError::Rank {
                expected: 4,
                got: input.len(),
            });
        }
        let (oh, ow) = self.window.output_size(input[2], input[3])?;
        Ok(vec![input[0], input[1], oh, ow])
    }

    /// Builds the layer (it has no parameters).
    pub fn init(&self) -> Result<MaxPool2d, NnError> {
        self.validate()?;
        Ok(MaxPool2d {
            config: *self,
            argmax: Vec::new(),
            input_shape: [0; 4],
            rows: Vec::new(),
            cols: Vec::new(),
            out: ArrayD::zeros(IxDyn(&[0])),
            dx: ArrayD::zeros(IxDyn(&[0])),
        })
    }
}

/// A 2D max-pooling layer.
#[derive(Clone, Debug)]
pub struct MaxPool2d {
    /// The configuration it was built from.
    pub config: MaxPool2dConfig,
    // For each output cell, the index (y·W + x) in its input plane of the winning cell.
    argmax: Vec<u32>,
    input_shape: [usize; 4],
    // Valid tap ranges per output row and column, rebuilt each forward without reallocating.
    rows: Vec<(usize, usize)>,
    cols: Vec<(usize, usize)>,
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

impl MaxPool2d {
    /// The output of the last forward pass.
    pub fn output(&self) -> &ArrayD<f32> {
        &self.out
    }

    /// The input gradient of the last backward pass.
    pub fn input_grad(&self) -> &ArrayD<f32> {
        &self.dx
    }

    /// Forward pass into the layer's own output buffer; remembers which cell won each window.
    ///
    /// Ties go to the first cell in row-major window order, as in PyTorch's CPU kernel. A window
    /// that lies wholly in the padding yields −∞ (PyTorch does the same).
    ///
    /// # Shapes
    /// `x: [N, C, H, W] -> [N, C, H_out, W_out]`.
    pub fn forward(&mut self, x: &ArrayD<f32>) -> &ArrayD<f32> {
        let out_shape = self
            .config
            .output_shape(x.shape())
            .unwrap_or_else(|e| panic!("MaxPool2d::forward on input {:?}: {e}", x.shape()));
        let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
        let (oh, ow) = (out_shape[2], out_shape[3]);
        self.input_shape = [n, c, h, w];
        let Window {
            kernel,
            stride,
            padding,
            dilation,
        } = self.config.window;
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        ensure_shape(&mut self.out, &out_shape);
        let os = self.out.as_slice_mut().expect("standard layout");
        self.argmax.resize(os.len(), NONE);
        // Which taps of each output row / column land inside the input: padding is −∞ and can
        // never win, so it is skipped rather than compared.
        self.rows.clear();
        self.rows
            .extend((0..oh).map(|o| tap_range(o, kernel.0, stride.0, padding.0, dilation.0, h)));
        self.cols.clear();
        self.cols
            .extend((0..ow).map(|o| tap_range(o, kernel.1, stride.1, padding.1, dilation.1, w)));
        for plane in 0..n * c {
            let src = &xs[plane * h * w..(plane + 1) * h * w];
            for (oy, &(ki_lo, ki_hi)) in self.rows.iter().enumerate() {
                // tap_range guarantees the first valid tap is at or past the padding.
                let y0 = (oy * stride.0 + ki_lo * dilation.0).saturating_sub(padding.0);
                for (ox, &(kj_lo, kj_hi)) in self.cols.iter().enumerate() {
                    let x0 = (ox * stride.1 + kj_lo * dilation.1).saturating_sub(padding.1);
                    let mut best = f32::NEG_INFINITY;
                    let mut at = NONE;
                    for ki in 0..ki_hi.saturating_sub(ki_lo) {
                        let row = (y0 + ki * dilation.0) * w;
                        for kj in 0..kj_hi.saturating_sub(kj_lo) {
                            let i = row + x0 + kj * dilation.1;
                            let v = src[i];
                            if v > best || v.is_nan() || at == NONE {
                                best = v;
                                at = i as u32;
                            }
                        }
                    }
                    let o = (plane * oh + oy) * ow + ox;
                    os[o] = best;
                    self.argmax[o] = at;
                }
            }
        }
        &self.out
    }

    /// Backward pass: each output's gradient flows to the one input cell that won its window.
    ///
    /// # Shapes
    /// `grad: [N, C, H_out, W_out] -> [N, C, H, W]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> &ArrayD<f32> {
        let [n, c, h, w] = self.input_shape;
        assert_eq!(
            grad.len(),
            self.argmax.len(),
            "MaxPool2d::backward: gradient shape"
        );
        let per_plane = grad.len() / (n * c).max(1);
        let grad = grad.as_standard_layout();
        let gs = grad.as_slice().expect("standard layout");
        ensure_shape(&mut self.dx, &[n, c, h, w]);
        self.dx.fill(0.0);
        let ds = self.dx.as_slice_mut().expect("standard layout");
        for (o, (&g, &at)) in gs.iter().zip(&self.argmax).enumerate() {
            if at != NONE {
                ds[(o / per_plane) * h * w + at as usize] += g;
            }
        }
        &self.dx
    }

    /// For each output cell, the flat index `y·W + x` in its input plane of the cell that won,
    /// or `None` for a window wholly in the padding. Used by the visualisers.
    pub fn winners(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.argmax
            .iter()
            .map(|&a| (a != NONE).then_some(a as usize))
    }
}
