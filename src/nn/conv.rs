//! `Conv2d`: the cross-correlation deep-learning libraries call convolution (no kernel flip),
//! computed as im2col + GEMM. The direct loops live in [`super::reference`] as the test oracle.

use super::error::{Field, NnError};
use super::init::{default_bound, uniform, NnRng};
use super::param::{ensure_shape, Param};
use super::shape::Window;
use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayD, ArrayView2, ArrayViewMut2, IxDyn};

/// Hyper-parameters of a 2D convolution, named and ordered as `torch.nn.Conv2d`'s arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conv2dConfig {
    /// Channels of the input, C_in.
    pub in_channels: usize,
    /// Channels of the output (number of filters), C_out.
    pub out_channels: usize,
    /// Kernel (kH, kW), stride, padding and dilation, each (rows, cols).
    pub window: Window,
    /// Whether a bias is added to every output channel.
    pub bias: bool,
}

impl Conv2dConfig {
    /// `nn.Conv2d(in_channels, out_channels, kernel)` with stride 1, padding 0, dilation 1 and a bias.
    pub fn new(in_channels: usize, out_channels: usize, kernel: (usize, usize)) -> Self {
        Conv2dConfig {
            in_channels,
            out_channels,
            window: Window {
                kernel,
                stride: (1, 1),
                padding: (0, 0),
                dilation: (1, 1),
            },
            bias: true,
        }
    }

    /// Sets the stride (rows, cols).
    pub fn stride(mut self, stride: (usize, usize)) -> Self {
        self.window.stride = stride;
        self
    }

    /// Sets the zero padding (rows, cols).
    pub fn padding(mut self, padding: (usize, usize)) -> Self {
        self.window.padding = padding;
        self
    }

    /// Sets the dilation (rows, cols).
    pub fn dilation(mut self, dilation: (usize, usize)) -> Self {
        self.window.dilation = dilation;
        self
    }

    /// Turns the bias on or off.
    pub fn bias(mut self, bias: bool) -> Self {
        self.bias = bias;
        self
    }

    /// Checks the sizes that must be at least 1.
    pub fn validate(&self) -> Result<(), NnError> {
        if self.in_channels == 0 {
            return Err(NnError::Zero(Field::InChannels));
        }
        if self.out_channels == 0 {
            return Err(NnError::Zero(Field::OutChannels));
        }
        self.window.validate()
    }

    /// Weight shape `(C_out, C_in, kH, kW)`, PyTorch's layout.
    pub fn weight_shape(&self) -> [usize; 4] {
        [
            self.out_channels,
            self.in_channels,
            self.window.kernel.0,
            self.window.kernel.1,
        ]
    }

    /// Number of learnable scalars: `C_out·C_in·kH·kW + C_out` (the last term only with a bias).
    /// Counted in 64 bits, saturating: on wasm32 a `usize` overflows at 4.3 billion, which an
    /// edited model can pass; any saturated count is far over every limit that refuses it.
    pub fn num_params(&self) -> u64 {
        let weights = self
            .weight_shape()
            .iter()
            .fold(1u64, |n, &d| n.saturating_mul(d as u64));
        weights.saturating_add(if self.bias {
            self.out_channels as u64
        } else {
            0
        })
    }

    /// # Shapes
    /// `input: [N, C_in, H, W] -> output: [N, C_out, H_out, W_out]`, sizes from [`Window::output_size`].
    pub fn output_shape(&self, input: &[usize]) -> Result<Vec<usize>, NnError> {
        self.validate()?;
        if input.len() != 4 {
            return Err(NnError::Rank {
                expected: 4,
                got: input.len(),
            });
        }
        if input[1] != self.in_channels {
            return Err(NnError::Channels {
                expected: self.in_channels,
                got: input[1],
            });
        }
        let (oh, ow) = self.window.output_size(input[2], input[3])?;
        Ok(vec![input[0], self.out_channels, oh, ow])
    }

    /// Builds the layer with PyTorch's default initialisation (weights and bias uniform in
    /// `±1/sqrt(C_in·kH·kW)`).
    pub fn init(&self, rng: &mut NnRng) -> Result<Conv2d, NnError> {
        self.validate()?;
        let fan_in = self
            .in_channels
            .saturating_mul(self.window.kernel.0)
            .saturating_mul(self.window.kernel.1);
        let bound = default_bound(fan_in);
        let weight = Param::new(uniform(&self.weight_shape(), bound, rng));
        let bias = self
            .bias
            .then(|| Param::new(uniform(&[self.out_channels], bound, rng)));
        Ok(Conv2d {
            config: *self,
            weight,
            bias,
            cols: Vec::new(),
            dcols: Vec::new(),
            rows: Vec::new(),
            input_shape: [0; 4],
            out: ArrayD::zeros(IxDyn(&[0])),
            dx: ArrayD::zeros(IxDyn(&[0])),
        })
    }
}

/// A 2D convolution layer: `out[n, o] = bias[o] + Σ_c Σ_i Σ_j w[o, c, i, j] · x_pad[n, c, y·sH + i·dH, x·sW + j·dW]`.
#[derive(Clone, Debug)]
pub struct Conv2d {
    /// The configuration it was built from.
    pub config: Conv2dConfig,
    /// Weight `(C_out, C_in, kH, kW)`.
    pub weight: Param,
    /// Bias `(C_out)`, if any.
    pub bias: Option<Param>,
    // im2col of the last input, K × N·P (sample s owns columns s·P..(s+1)·P); backward needs it for dW.
    cols: Vec<f32>,
    dcols: Vec<f32>,
    // The GEMM result (C_out × N·P) in forward, the regrouped output gradient in backward.
    rows: Vec<f32>,
    input_shape: [usize; 4],
    // Output and input-gradient buffers, reused from batch to batch.
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

/// Geometry of one im2col: rows K = C·kH·kW, columns P = H_out·W_out per sample.
#[derive(Clone, Copy)]
struct Im2col {
    c: usize,
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    win: Window,
}

/// The output positions `lo..hi` along one axis whose tap lands inside the input, and the input
/// index of output position 0 (`o·stride + offset` for the others).
fn valid_range(
    out_len: usize,
    in_len: usize,
    stride: usize,
    tap: usize,
    pad: usize,
) -> (usize, usize, isize) {
    let offset = tap as isize - pad as isize;
    let first = if offset >= 0 {
        0
    } else {
        (-offset as usize).div_ceil(stride)
    };
    let end = if (in_len as isize) <= offset {
        0
    } else {
        ((in_len as isize - offset) as usize).div_ceil(stride)
    };
    (
        first.min(out_len),
        end.clamp(first.min(out_len), out_len),
        offset,
    )
}

impl Im2col {
    fn k(&self) -> usize {
        self.c * self.win.kernel.0 * self.win.kernel.1
    }
    fn p(&self) -> usize {
        self.oh * self.ow
    }

    /// Calls `f(row, oy, y, ox_lo, ox_hi, x0)` for every kernel tap `row` = (c, ki, kj) and output
    /// row `oy` whose input row `y` exists; output columns `ox_lo..ox_hi` read input column
    /// `x0 + ox·stride`, the others fall in the zero padding.
    fn for_each_run(&self, mut f: impl FnMut(usize, usize, Option<usize>, usize, usize, isize)) {
        let (kh, kw) = self.win.kernel;
        let (sh, sw) = self.win.stride;
        let (dh, dw) = self.win.dilation;
        for c in 0..self.c {
            for ki in 0..kh {
                let (y_lo, y_hi, y0) =
                    valid_range(self.oh, self.h, sh, ki * dh, self.win.padding.0);
                for kj in 0..kw {
                    let (x_lo, x_hi, x0) =
                        valid_range(self.ow, self.w, sw, kj * dw, self.win.padding.1);
                    let row = (c * kh + ki) * kw + kj;
                    for oy in 0..self.oh {
                        let y = (y_lo..y_hi)
                            .contains(&oy)
                            .then(|| c * self.h + (y0 + (oy * sh) as isize) as usize);
                        f(row, oy, y, x_lo, x_hi, x0);
                    }
                }
            }
        }
    }

    /// Unfolds one sample `x` (C·H·W) into its columns of `cols` (K rows of `stride` floats, this
    /// sample's P columns starting at `at`): each column is one receptive field.
    fn unfold(&self, x: &[f32], cols: &mut [f32], stride: usize, at: usize) {
        let (ow, w, sw) = (self.ow, self.w, self.win.stride.1);
        self.for_each_run(|row, oy, y, lo, hi, x0| {
            let start = row * stride + at + oy * ow;
            let dst = &mut cols[start..start + ow];
            let Some(y) = y else {
                dst.fill(0.0);
                return;
            };
            dst[..lo].fill(0.0);
            dst[hi..].fill(0.0);
            if lo == hi {
                return;
            }
            let src = &x[y * w..(y + 1) * w];
            let first = (x0 + (lo * sw) as isize) as usize;
            if sw == 1 {
                dst[lo..hi].copy_from_slice(&src[first..first + (hi - lo)]);
            } else {
                for (d, s) in dst[lo..hi].iter_mut().zip(src[first..].iter().step_by(sw)) {
                    *d = *s;
                }
            }
        });
    }

    /// The adjoint of `unfold`: adds every column entry back onto the input cell it came from.
    fn fold_add(&self, cols: &[f32], stride: usize, at: usize, dx: &mut [f32]) {
        let (ow, w, sw) = (self.ow, self.w, self.win.stride.1);
        self.for_each_run(|row, oy, y, lo, hi, x0| {
            let Some(y) = y.filter(|_| lo < hi) else {
                return;
            };
            let start = row * stride + at + oy * ow;
            let src = &cols[start + lo..start + hi];
            let first = (x0 + (lo * sw) as isize) as usize;
            let dst = &mut dx[y * w..(y + 1) * w];
            for (d, s) in dst[first..].iter_mut().step_by(sw).zip(src) {
                *d += *s;
            }
        });
    }
}

/// The sum of `xs` in eight interleaved partial sums, which compilers turn into SIMD adds (a
/// single running sum must stay sequential). The order differs from a plain loop's only in
/// rounding.
fn sum(xs: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let chunks = xs.chunks_exact(8);
    let tail: f32 = chunks.remainder().iter().sum();
    for c in chunks {
        for (a, v) in acc.iter_mut().zip(c) {
            *a += v;
        }
    }
    acc.iter().sum::<f32>() + tail
}

impl Conv2d {
    /// The output of the last forward pass.
    pub fn output(&self) -> &ArrayD<f32> {
        &self.out
    }

    /// The input gradient of the last backward pass.
    pub fn input_grad(&self) -> &ArrayD<f32> {
        &self.dx
    }

    fn geometry(&self, shape: &[usize]) -> Im2col {
        let out = self
            .config
            .output_shape(shape)
            .unwrap_or_else(|e| panic!("Conv2d::forward on input {shape:?}: {e}"));
        Im2col {
            c: shape[1],
            h: shape[2],
            w: shape[3],
            oh: out[2],
            ow: out[3],
            win: self.config.window,
        }
    }

    /// Forward pass into the layer's own output buffer (reused across calls of the same shape);
    /// keeps what `backward` needs.
    ///
    /// The whole batch is one GEMM: `Y (C_out × N·P) = W (C_out × K) · cols (K × N·P)`, with
    /// `K = C_in·kH·kW` and `P = H_out·W_out`, then each sample's block is copied into place.
    ///
    /// # Shapes
    /// `x: [N, C_in, H, W] -> [N, C_out, H_out, W_out]`. Panics on a shape the layer was not built
    /// for (check with [`Conv2dConfig::output_shape`] first).
    pub fn forward(&mut self, x: &ArrayD<f32>) -> &ArrayD<f32> {
        let shape = x.shape().to_vec();
        let g = self.geometry(&shape);
        let n = shape[0];
        let (k, p, o) = (g.k(), g.p(), self.config.out_channels);
        let np = n * p;
        self.input_shape = [n, g.c, g.h, g.w];
        self.cols.resize(k * np, 0.0);
        self.rows.resize(o * np, 0.0);
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        let sample = g.c * g.h * g.w;
        for s in 0..n {
            g.unfold(&xs[s * sample..(s + 1) * sample], &mut self.cols, np, s * p);
        }
        let w = self
            .weight
            .value
            .view()
            .into_shape_with_order((o, k))
            .expect("weight (O, K)");
        let cols = ArrayView2::from_shape((k, np), &self.cols[..]).expect("cols (K, NP)");
        let mut y = ArrayViewMut2::from_shape((o, np), &mut self.rows[..]).expect("rows (O, NP)");
        general_mat_mul(1.0, &w, &cols, 0.0, &mut y);
        ensure_shape(&mut self.out, &[n, o, g.oh, g.ow]);
        let os = self.out.as_slice_mut().expect("standard layout");
        for (f, src) in self.rows.chunks_exact(np).enumerate() {
            let b = self.bias.as_ref().map_or(0.0, |b| b.value[f]);
            for s in 0..n {
                let dst = &mut os[(s * o + f) * p..(s * o + f + 1) * p];
                for (d, v) in dst.iter_mut().zip(&src[s * p..(s + 1) * p]) {
                    *d = v + b;
                }
            }
        }
        &self.out
    }

    /// Backward pass: accumulates `dL/dW` and `dL/db` into the parameters' gradients and, when
    /// `input_grad` is set, returns `dL/dx` (otherwise an empty tensor: the first layer of a model
    /// needs no input gradient, and skipping it saves a third of this layer's work).
    ///
    /// `dW += dY · colsᵀ` and `dcols = Wᵀ · dY` over the whole batch, then `dcols` is folded back
    /// onto the input positions.
    ///
    /// # Shapes
    /// `grad: [N, C_out, H_out, W_out] -> [N, C_in, H, W]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>, input_grad: bool) -> &ArrayD<f32> {
        let [n, c, h, w] = self.input_shape;
        let g = self.geometry(&self.input_shape);
        let (k, p, o) = (g.k(), g.p(), self.config.out_channels);
        let np = n * p;
        assert_eq!(
            grad.shape(),
            &[n, o, g.oh, g.ow],
            "Conv2d::backward: gradient shape"
        );
        let grad = grad.as_standard_layout();
        let gs = grad.as_slice().expect("standard layout");
        // Regroup the gradient as (C_out, N·P), the layout of the forward GEMM's result.
        for (f, dst) in self.rows.chunks_exact_mut(np).enumerate() {
            for s in 0..n {
                dst[s * p..(s + 1) * p].copy_from_slice(&gs[(s * o + f) * p..(s * o + f + 1) * p]);
            }
        }
        let gy = ArrayView2::from_shape((o, np), &self.rows[..]).expect("rows (O, NP)");
        let cols = ArrayView2::from_shape((k, np), &self.cols[..]).expect("cols (K, NP)");
        let mut dw = self
            .weight
            .grad
            .view_mut()
            .into_shape_with_order((o, k))
            .expect("grad (O, K)");
        general_mat_mul(1.0, &gy, &cols.t(), 1.0, &mut dw);
        if let Some(b) = &mut self.bias {
            for (bg, row) in b.grad.iter_mut().zip(self.rows.chunks_exact(np)) {
                *bg += sum(row);
            }
        }
        if !input_grad {
            ensure_shape(&mut self.dx, &[0]);
            return &self.dx;
        }
        self.dcols.resize(k * np, 0.0);
        let wv = self
            .weight
            .value
            .view()
            .into_shape_with_order((o, k))
            .expect("weight (O, K)");
        let mut dcols =
            ArrayViewMut2::from_shape((k, np), &mut self.dcols[..]).expect("dcols (K, NP)");
        general_mat_mul(1.0, &wv.t(), &gy, 0.0, &mut dcols);
        ensure_shape(&mut self.dx, &[n, c, h, w]);
        self.dx.fill(0.0);
        let dxs = self.dx.as_slice_mut().expect("standard layout");
        for s in 0..n {
            g.fold_add(
                &self.dcols,
                np,
                s * p,
                &mut dxs[s * c * h * w..(s + 1) * c * h * w],
            );
        }
        &self.dx
    }
}
