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
            scratch: (Vec::new(), Vec::new()),
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
    // Per output row, kH input-row offsets (y·W); per output column, kW input columns. A window
    // wholly in the padding starts with NONE. Rebuilt each forward without reallocating.
    rows: Vec<u32>,
    cols: Vec<u32>,
    // Per input column, the larger of a row pair and that row's offset (2×2 kernels).
    scratch: (Vec<f32>, Vec<u32>),
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
        // Each output row (column) gets its kernel's input rows (columns) with the taps that fall
        // in the padding replaced by the window's first valid tap: padding is −∞ and can never
        // win, and comparing a cell with itself again changes neither the maximum nor, under the
        // first-wins tie rule, the index. The inner loop is then free of bounds logic.
        fill_taps(
            &mut self.rows,
            oh,
            kernel.0,
            stride.0,
            padding.0,
            dilation.0,
            h,
            w,
        );
        fill_taps(
            &mut self.cols,
            ow,
            kernel.1,
            stride.1,
            padding.1,
            dilation.1,
            w,
            1,
        );
        let (rows, cols) = (&self.rows[..], &self.cols[..]);
        let planes = xs.chunks_exact(h * w).zip(
            os.chunks_exact_mut(oh * ow)
                .zip(self.argmax.chunks_exact_mut(oh * ow)),
        );
        let all_valid = !rows.contains(&NONE) && !cols.contains(&NONE);
        self.scratch.0.resize(w, 0.0);
        self.scratch.1.resize(w, 0);
        let (vm, vy) = (&mut self.scratch.0[..], &mut self.scratch.1[..]);
        for (src, (out, arg)) in planes {
            let nan = src.iter().fold(false, |acc, v| acc | v.is_nan());
            if kernel == (2, 2) && all_valid && !nan {
                max_windows_2x2(src, w, rows, cols, (&mut *vm, &mut *vy), out, arg);
            } else {
                max_windows_any(src, rows, cols, kernel, out, arg);
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
        if per_plane == 0 {
            return &self.dx;
        }
        let planes = ds.chunks_exact_mut(h * w).zip(
            gs.chunks_exact(per_plane)
                .zip(self.argmax.chunks_exact(per_plane)),
        );
        for (dx, (gs, argmax)) in planes {
            for (&g, &at) in gs.iter().zip(argmax) {
                if at != NONE {
                    dx[at as usize] += g;
                }
            }
        }
        &self.dx
    }

    /// For each output cell, the flat index `y·W + x` in its input plane of the cell that won,
    /// or `None` for a window wholly in the padding. The pooling stepper marks these cells.
    pub fn winners(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.argmax
            .iter()
            .map(|&a| (a != NONE).then_some(a as usize))
    }
}

/// Fills `taps` with `kernel` entries per output position along one axis: `scale ×` the input
/// index of each tap, a tap in the padding replaced by the first valid one, or NONE first when
/// the whole window lies in the padding.
#[allow(clippy::too_many_arguments)]
fn fill_taps(
    taps: &mut Vec<u32>,
    out_len: usize,
    kernel: usize,
    stride: usize,
    pad: usize,
    dilation: usize,
    in_len: usize,
    scale: usize,
) {
    taps.clear();
    for o in 0..out_len {
        let (lo, hi) = tap_range(o, kernel, stride, pad, dilation, in_len);
        if lo == hi {
            taps.push(NONE);
            taps.extend(std::iter::repeat_n(0, kernel - 1));
            continue;
        }
        let at = |k: usize| ((o * stride + k * dilation - pad) * scale) as u32;
        taps.extend((0..kernel).map(|k| at(if (lo..hi).contains(&k) { k } else { lo })));
    }
}

/// Keeps `v` at `i` if it beats the best so far: strictly greater (the first of equal values
/// wins) or NaN, PyTorch's rule.
#[inline(always)]
fn take(src: &[f32], i: u32, best: &mut f32, at: &mut u32) {
    let v = src[i as usize];
    if v > *best || v.is_nan() {
        *best = v;
        *at = i;
    }
}

/// One plane with a 2×2 kernel (the usual pooling), in two passes that compilers vectorise:
/// first the larger of the two rows at every column (`vm`, and that row's offset in `vy`),
/// then the larger of each window's two columns. Ties keep row-major order: the upper row
/// wins within a column, and between columns of equal value the one whose winner sits higher,
/// then the left one. Planes holding a NaN take [`max_windows_any`], whose NaN rule is
/// order-dependent.
fn max_windows_2x2(
    src: &[f32],
    w: usize,
    rows: &[u32],
    cols: &[u32],
    (vm, vy): (&mut [f32], &mut [u32]),
    out: &mut [f32],
    arg: &mut [u32],
) {
    let ow = cols.len() / 2;
    for (ys, (out, arg)) in rows
        .chunks_exact(2)
        .zip(out.chunks_exact_mut(ow).zip(arg.chunks_exact_mut(ow)))
    {
        let (ya, yb) = (ys[0], ys[1]);
        let upper = &src[ya as usize..ya as usize + w];
        let lower = &src[yb as usize..yb as usize + w];
        for (((m, y), &a), &b) in vm.iter_mut().zip(vy.iter_mut()).zip(upper).zip(lower) {
            let down = b > a;
            *m = if down { b } else { a };
            *y = if down { yb } else { ya };
        }
        for (xs, (o, at)) in cols.chunks_exact(2).zip(out.iter_mut().zip(arg.iter_mut())) {
            let (xa, xb) = (xs[0] as usize, xs[1] as usize);
            let (a, b) = (vm[xa], vm[xb]);
            // Non-short-circuit operators and arithmetic instead of branches: which column wins
            // is data-dependent, and a mispredicted branch costs more than this whole window.
            let right = (b > a) | ((b == a) & (vy[xa] > vy[xb]));
            let x = xa + usize::from(right) * (xb - xa);
            *o = vm[x];
            *at = vy[x] + x as u32;
        }
    }
}

/// The maximum of one window and its index, or (−∞, NONE) for a window wholly in the padding.
#[inline(always)]
fn window_max(src: &[f32], ys: &[u32], xs: &[u32]) -> (f32, u32) {
    if ys[0] == NONE || xs[0] == NONE {
        return (f32::NEG_INFINITY, NONE);
    }
    let mut at = ys[0] + xs[0];
    let mut best = src[at as usize];
    for &y in ys {
        for &x in xs {
            take(src, y + x, &mut best, &mut at);
        }
    }
    (best, at)
}

/// One plane with any kernel size.
fn max_windows_any(
    src: &[f32],
    rows: &[u32],
    cols: &[u32],
    kernel: (usize, usize),
    out: &mut [f32],
    arg: &mut [u32],
) {
    let ow = cols.len() / kernel.1;
    for (ys, (out, arg)) in rows
        .chunks_exact(kernel.0)
        .zip(out.chunks_exact_mut(ow).zip(arg.chunks_exact_mut(ow)))
    {
        for (xs, (o, a)) in cols
            .chunks_exact(kernel.1)
            .zip(out.iter_mut().zip(arg.iter_mut()))
        {
            (*o, *a) = window_max(src, ys, xs);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::init::{rng, uniform};

    /// The rule written out plainly: over the window's taps inside the input, in row-major
    /// order, a tap wins if it is the first, strictly greater, or NaN.
    fn oracle(x: &[f32], h: usize, w: usize, win: Window) -> Vec<(f32, Option<usize>)> {
        let (oh, ow) = win.output_size(h, w).unwrap();
        let tap = |o: usize, k: usize, axis: usize, len: usize| {
            let (s, d, p) = match axis {
                0 => (win.stride.0, win.dilation.0, win.padding.0),
                _ => (win.stride.1, win.dilation.1, win.padding.1),
            };
            (o * s + k * d).checked_sub(p).filter(|&i| i < len)
        };
        let mut out = Vec::new();
        for oy in 0..oh {
            for ox in 0..ow {
                let mut best = (f32::NEG_INFINITY, None);
                for ki in 0..win.kernel.0 {
                    for kj in 0..win.kernel.1 {
                        if let (Some(y), Some(xx)) = (tap(oy, ki, 0, h), tap(ox, kj, 1, w)) {
                            let v = x[y * w + xx];
                            if best.1.is_none() || v > best.0 || v.is_nan() {
                                best = (v, Some(y * w + xx));
                            }
                        }
                    }
                }
                out.push(best);
            }
        }
        out
    }

    #[test]
    fn winners_follow_pytorch_rules_for_ties_nan_and_padding() {
        let configs = [
            MaxPool2dConfig::new((2, 2)),
            MaxPool2dConfig::new((2, 2)).padding((1, 1)),
            MaxPool2dConfig::new((2, 2)).stride((1, 1)).padding((1, 0)),
            MaxPool2dConfig::new((2, 2))
                .dilation((2, 3))
                .padding((1, 1)),
            MaxPool2dConfig::new((3, 3)).stride((2, 2)).padding((1, 1)),
            MaxPool2dConfig::new((3, 2))
                .stride((1, 2))
                .dilation((2, 1))
                .padding((1, 1)),
        ];
        let (h, w) = (7, 6);
        // Few distinct values make many ties; all negative shows padding is not zero. Plane 1
        // holds NaNs, plane 0 does not (the 2×2 kernel takes another path for it).
        let mut x = uniform(&[1, 2, h, w], 2.0, &mut rng(5)).mapv(|v| v.round() - 3.0);
        x[[0, 1, 3, 2]] = f32::NAN;
        x[[0, 1, 5, 5]] = f32::NAN;
        let xs = x.as_slice().unwrap();
        for cfg in configs {
            let mut pool = cfg.init().unwrap();
            pool.forward(&x);
            let want: Vec<_> = xs
                .chunks(h * w)
                .flat_map(|plane| oracle(plane, h, w, cfg.window))
                .collect();
            let got: Vec<_> = pool.output().iter().copied().zip(pool.winners()).collect();
            assert_eq!(got.len(), want.len(), "{cfg:?}");
            for (i, ((gv, gi), (wv, wi))) in got.iter().zip(&want).enumerate() {
                assert_eq!(gi, wi, "{cfg:?} output {i}");
                assert!(
                    gv == wv || (gv.is_nan() && wv.is_nan()),
                    "{cfg:?} output {i}"
                );
            }
        }
    }
}
