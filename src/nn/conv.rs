//! `Conv2d`: the cross-correlation deep-learning libraries call convolution (no kernel flip),
//! computed as im2col + GEMM. The direct loops live in [`super::reference`] as the test oracle.

use super::error::{Field, NnError};
use super::init::{default_bound, uniform, NnRng};
use super::param::Param;
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
    pub fn num_params(&self) -> usize {
        self.weight_shape().iter().product::<usize>()
            + if self.bias { self.out_channels } else { 0 }
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
        let fan_in = self.in_channels * self.window.kernel.0 * self.window.kernel.1;
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
            input_shape: [0; 4],
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
    // im2col of the last input, one (K, P) block per sample; backward needs it for dW.
    cols: Vec<f32>,
    dcols: Vec<f32>,
    input_shape: [usize; 4],
}

/// Geometry of one im2col: rows K = C·kH·kW, columns P = H_out·W_out.
#[derive(Clone, Copy)]
struct Im2col {
    c: usize,
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    win: Window,
}

impl Im2col {
    fn k(&self) -> usize {
        self.c * self.win.kernel.0 * self.win.kernel.1
    }
    fn p(&self) -> usize {
        self.oh * self.ow
    }

    /// Input row read by output row `oy` at kernel row `ki`, or `None` inside the padding.
    fn src_row(&self, oy: usize, ki: usize) -> Option<usize> {
        let y = (oy * self.win.stride.0 + ki * self.win.dilation.0) as isize
            - self.win.padding.0 as isize;
        (0..self.h as isize).contains(&y).then_some(y as usize)
    }

    fn src_col(&self, ox: usize, kj: usize) -> Option<usize> {
        let x = (ox * self.win.stride.1 + kj * self.win.dilation.1) as isize
            - self.win.padding.1 as isize;
        (0..self.w as isize).contains(&x).then_some(x as usize)
    }

    /// Unfolds one sample `x` (C·H·W) into `cols` (K × P): each column is one receptive field.
    fn unfold(&self, x: &[f32], cols: &mut [f32]) {
        let (kh, kw) = self.win.kernel;
        let p = self.p();
        for c in 0..self.c {
            let plane = &x[c * self.h * self.w..(c + 1) * self.h * self.w];
            for ki in 0..kh {
                for kj in 0..kw {
                    let row = ((c * kh + ki) * kw + kj) * p;
                    let dst = &mut cols[row..row + p];
                    for oy in 0..self.oh {
                        let out = &mut dst[oy * self.ow..(oy + 1) * self.ow];
                        match self.src_row(oy, ki) {
                            None => out.fill(0.0),
                            Some(y) => {
                                let src = &plane[y * self.w..(y + 1) * self.w];
                                for (ox, o) in out.iter_mut().enumerate() {
                                    *o = self.src_col(ox, kj).map_or(0.0, |x| src[x]);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of `unfold`: adds every column entry back onto the input cell it came from.
    fn fold_add(&self, cols: &[f32], dx: &mut [f32]) {
        let (kh, kw) = self.win.kernel;
        let p = self.p();
        for c in 0..self.c {
            let plane = &mut dx[c * self.h * self.w..(c + 1) * self.h * self.w];
            for ki in 0..kh {
                for kj in 0..kw {
                    let row = ((c * kh + ki) * kw + kj) * p;
                    for oy in 0..self.oh {
                        let Some(y) = self.src_row(oy, ki) else {
                            continue;
                        };
                        let src = &cols[row + oy * self.ow..row + (oy + 1) * self.ow];
                        for (ox, g) in src.iter().enumerate() {
                            if let Some(x) = self.src_col(ox, kj) {
                                plane[y * self.w + x] += g;
                            }
                        }
                    }
                }
            }
        }
    }
}

impl Conv2d {
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

    /// Forward pass; keeps what `backward` needs.
    ///
    /// # Shapes
    /// `x: [N, C_in, H, W] -> [N, C_out, H_out, W_out]`. Panics on a shape the layer was not built
    /// for (check with [`Conv2dConfig::output_shape`] first).
    pub fn forward(&mut self, x: &ArrayD<f32>) -> ArrayD<f32> {
        let shape = x.shape().to_vec();
        let g = self.geometry(&shape);
        let n = shape[0];
        let (k, p, o) = (g.k(), g.p(), self.config.out_channels);
        self.input_shape = [n, g.c, g.h, g.w];
        self.cols.resize(n * k * p, 0.0);
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        let mut out = ArrayD::<f32>::zeros(IxDyn(&[n, o, g.oh, g.ow]));
        let os = out.as_slice_mut().expect("fresh array");
        let w = self
            .weight
            .value
            .view()
            .into_shape_with_order((o, k))
            .expect("weight (O, K)");
        for s in 0..n {
            let cols = &mut self.cols[s * k * p..(s + 1) * k * p];
            g.unfold(&xs[s * g.c * g.h * g.w..(s + 1) * g.c * g.h * g.w], cols);
            let cols = ArrayView2::from_shape((k, p), cols).expect("cols (K, P)");
            let dst = &mut os[s * o * p..(s + 1) * o * p];
            if let Some(b) = &self.bias {
                for (row, bv) in dst.chunks_mut(p).zip(b.value.iter()) {
                    row.fill(*bv);
                }
            }
            let mut dst = ArrayViewMut2::from_shape((o, p), dst).expect("out (O, P)");
            general_mat_mul(1.0, &w, &cols, 1.0, &mut dst);
        }
        out
    }

    /// Backward pass: accumulates `dL/dW` and `dL/db` into the parameters' gradients and returns
    /// `dL/dx`.
    ///
    /// # Shapes
    /// `grad: [N, C_out, H_out, W_out] -> [N, C_in, H, W]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> ArrayD<f32> {
        let [n, c, h, w] = self.input_shape;
        let g = self.geometry(&self.input_shape);
        let (k, p, o) = (g.k(), g.p(), self.config.out_channels);
        assert_eq!(
            grad.shape(),
            &[n, o, g.oh, g.ow],
            "Conv2d::backward: gradient shape"
        );
        let grad = grad.as_standard_layout();
        let gs = grad.as_slice().expect("standard layout");
        let mut dx = ArrayD::<f32>::zeros(IxDyn(&[n, c, h, w]));
        let dxs = dx.as_slice_mut().expect("fresh array");
        self.dcols.resize(k * p, 0.0);
        let wv = self
            .weight
            .value
            .view()
            .into_shape_with_order((o, k))
            .expect("weight (O, K)");
        let mut dw = self
            .weight
            .grad
            .view_mut()
            .into_shape_with_order((o, k))
            .expect("grad (O, K)");
        for s in 0..n {
            let gy = ArrayView2::from_shape((o, p), &gs[s * o * p..(s + 1) * o * p])
                .expect("grad (O, P)");
            let cols = ArrayView2::from_shape((k, p), &self.cols[s * k * p..(s + 1) * k * p])
                .expect("cols");
            general_mat_mul(1.0, &gy, &cols.t(), 1.0, &mut dw);
            if let Some(b) = &mut self.bias {
                for (bg, row) in b.grad.iter_mut().zip(gy.rows()) {
                    *bg += row.sum();
                }
            }
            let mut dcols = ArrayViewMut2::from_shape((k, p), &mut self.dcols[..]).expect("dcols");
            general_mat_mul(1.0, &wv.t(), &gy, 0.0, &mut dcols);
            g.fold_add(&self.dcols, &mut dxs[s * c * h * w..(s + 1) * c * h * w]);
        }
        dx
    }
}
