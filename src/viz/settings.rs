//! The stepper settings as plain data: what the learner typed, presets, code in PyTorch and
//! Keras, the output-size arithmetic, and a compact form for the URL. Tested without a DOM.

use super::conv_plan::ConvPlan;
use super::format::fmt_num;
use super::pool_plan::PoolPlan;
use crate::lang::Lang;
use crate::nn::shape::output_len;
use crate::nn::{Conv2dConfig, MaxPool2dConfig, NnError, Window};
use ndarray::{Array3, Array4};

/// Largest input side of the convolution stepper.
pub const MAX_CONV_SIDE: usize = 12;
/// Largest input side of the pooling stepper (the MNIST model's 26×26 maps fit).
pub const MAX_POOL_SIDE: usize = 28;

fn resize_grid(
    values: &[f32],
    old: (usize, usize),
    new: (usize, usize),
    fill: impl Fn(usize, usize) -> f32,
) -> Vec<f32> {
    let mut out = Vec::with_capacity(new.0 * new.1);
    for r in 0..new.0 {
        for c in 0..new.1 {
            out.push(if r < old.0 && c < old.1 {
                values[r * old.1 + c]
            } else {
                fill(r, c)
            });
        }
    }
    out
}

/// A `(1, rows, cols)` array of row-major `values`. The settings keep `values` the size of
/// their grid (resizing and URL parsing both enforce it), so a mismatch is a bug, not user input.
fn one_channel(size: (usize, usize), values: &[f32]) -> Array3<f32> {
    Array3::from_shape_vec((1, size.0, size.1), values.to_vec())
        .expect("grid values match the grid size")
}

fn pattern(r: usize, c: usize) -> f32 {
    ((r * 7 + c * 3 + 1) % 5) as f32
}

/// Everything the convolution stepper shows, for one input and one output channel.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvSettings {
    /// Input (rows, cols).
    pub input_size: (usize, usize),
    /// Kernel (rows, cols).
    pub kernel: (usize, usize),
    /// Stride (rows, cols).
    pub stride: (usize, usize),
    /// Zero padding on every side.
    pub padding: usize,
    /// Dilation (both axes).
    pub dilation: usize,
    /// Input values, row-major.
    pub input: Vec<f32>,
    /// Kernel values, row-major.
    pub weights: Vec<f32>,
    /// Bias added to every output cell.
    pub bias: f32,
}

/// The convolution presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvPreset {
    /// 3×3 input, 2×2 kernel: 4 steps.
    Classic,
    /// 5×5 input, 3×3 kernel, dilation 2.
    Dilated,
    /// Stride (2, 1): two rows down, one column right.
    Stride21,
    /// "Same" padding: the output keeps the input's size.
    Same,
    /// An edge detector (Laplacian).
    Edge,
    /// A 3×3 box blur.
    Blur,
    /// Sharpen.
    Sharpen,
}

impl ConvPreset {
    /// All presets, in menu order.
    pub const ALL: [ConvPreset; 7] = [
        ConvPreset::Classic,
        ConvPreset::Dilated,
        ConvPreset::Stride21,
        ConvPreset::Same,
        ConvPreset::Edge,
        ConvPreset::Blur,
        ConvPreset::Sharpen,
    ];

    /// A stable name for menus and the URL.
    pub fn key(self) -> &'static str {
        match self {
            ConvPreset::Classic => "classic",
            ConvPreset::Dilated => "dilated",
            ConvPreset::Stride21 => "stride21",
            ConvPreset::Same => "same",
            ConvPreset::Edge => "edge",
            ConvPreset::Blur => "blur",
            ConvPreset::Sharpen => "sharpen",
        }
    }

    /// Parses [`ConvPreset::key`].
    pub fn from_key(key: &str) -> Option<ConvPreset> {
        ConvPreset::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// A 7×7 image with a bright square, so edge, blur and sharpen kernels show their effect.
fn square_image() -> Vec<f32> {
    (0..49)
        .map(|i| {
            if (2..5).contains(&(i / 7)) && (2..5).contains(&(i % 7)) {
                9.0
            } else {
                1.0
            }
        })
        .collect()
}

impl Default for ConvSettings {
    fn default() -> Self {
        ConvSettings::preset(ConvPreset::Classic)
    }
}

impl ConvSettings {
    /// The settings of a preset.
    pub fn preset(p: ConvPreset) -> Self {
        let base = |n: (usize, usize), k: (usize, usize)| ConvSettings {
            input_size: n,
            kernel: k,
            stride: (1, 1),
            padding: 0,
            dilation: 1,
            input: (0..n.0 * n.1).map(|i| (i % 10) as f32).collect(),
            weights: (0..k.0 * k.1).map(|i| i as f32).collect(),
            bias: 0.0,
        };
        match p {
            ConvPreset::Classic => base((3, 3), (2, 2)),
            ConvPreset::Dilated => ConvSettings {
                dilation: 2,
                weights: vec![1.0, 0.0, -1.0, 2.0, 0.0, -2.0, 1.0, 0.0, -1.0],
                ..base((5, 5), (3, 3))
            },
            ConvPreset::Stride21 => ConvSettings {
                stride: (2, 1),
                weights: vec![1.0, 2.0, 0.0, -1.0],
                ..base((5, 4), (2, 2))
            },
            ConvPreset::Same => ConvSettings {
                padding: 1,
                weights: vec![0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0],
                ..base((5, 5), (3, 3))
            },
            ConvPreset::Edge => ConvSettings {
                input: square_image(),
                weights: vec![-1.0, -1.0, -1.0, -1.0, 8.0, -1.0, -1.0, -1.0, -1.0],
                ..base((7, 7), (3, 3))
            },
            ConvPreset::Blur => ConvSettings {
                input: square_image(),
                weights: vec![1.0 / 9.0; 9],
                ..base((7, 7), (3, 3))
            },
            ConvPreset::Sharpen => ConvSettings {
                input: square_image(),
                weights: vec![0.0, -1.0, 0.0, -1.0, 5.0, -1.0, 0.0, -1.0, 0.0],
                ..base((7, 7), (3, 3))
            },
        }
    }

    /// Changes the input size, keeping the values that still fit.
    pub fn set_input_size(&mut self, size: (usize, usize)) {
        self.input = resize_grid(&self.input, self.input_size, size, pattern);
        self.input_size = size;
    }

    /// Changes the kernel size, keeping the weights that still fit (new weights are 1).
    pub fn set_kernel(&mut self, size: (usize, usize)) {
        self.weights = resize_grid(&self.weights, self.kernel, size, |_, _| 1.0);
        self.kernel = size;
    }

    /// Fills input and kernel with small random integers (inputs 0–9, weights −2–2).
    pub fn randomise(&mut self, seed: u64) {
        use rand::Rng;
        let mut r = crate::nn::init::rng(seed);
        self.input
            .iter_mut()
            .for_each(|v| *v = r.random_range(0..10) as f32);
        self.weights
            .iter_mut()
            .for_each(|v| *v = r.random_range(-2..=2) as f32);
    }

    /// The layer configuration (`nn.Conv2d(1, 1, …)`).
    pub fn config(&self) -> Conv2dConfig {
        Conv2dConfig {
            in_channels: 1,
            out_channels: 1,
            window: Window {
                kernel: self.kernel,
                stride: self.stride,
                padding: (self.padding, self.padding),
                dilation: (self.dilation, self.dilation),
            },
            bias: true,
        }
    }

    /// The plan, or why this configuration is impossible.
    pub fn plan(&self) -> Result<ConvPlan, NnError> {
        let cfg = self.config();
        cfg.validate()?;
        let input = one_channel(self.input_size, &self.input);
        let weight = one_channel(self.kernel, &self.weights).insert_axis(ndarray::Axis(0));
        ConvPlan::new(cfg, input, weight, vec![self.bias])
    }

    /// The same layer in PyTorch, with the output shape for one image.
    pub fn pytorch(&self) -> String {
        let (kh, kw) = self.kernel;
        let (sh, sw) = self.stride;
        format!(
            "nn.Conv2d(1, 1, kernel_size=({kh}, {kw}), stride=({sh}, {sw}), padding={}, dilation={})",
            self.padding, self.dilation
        )
    }

    /// The same layer in Keras, or why Keras cannot say it in one layer.
    pub fn keras(&self, lang: Lang) -> Result<String, String> {
        let (kh, kw) = self.kernel;
        let (sh, sw) = self.stride;
        if self.dilation > 1 && (sh > 1 || sw > 1) {
            return Err(match lang {
                Lang::En => "Keras's Conv2D cannot combine strides above 1 with dilation_rate above 1.".into(),
                Lang::Ko => "Keras의 Conv2D는 1보다 큰 strides와 1보다 큰 dilation_rate를 함께 쓸 수 없습니다.".into(),
            });
        }
        let conv = |padding: &str| {
            format!(
                "Conv2D(1, ({kh}, {kw}), strides=({sh}, {sw}), padding=\"{padding}\", dilation_rate={})",
                self.dilation
            )
        };
        let same = sh == 1
            && sw == 1
            && (self.dilation * (kh - 1)) == 2 * self.padding
            && (self.dilation * (kw - 1)) == 2 * self.padding;
        Ok(if self.padding == 0 {
            conv("valid")
        } else if same {
            conv("same")
        } else {
            // Keras pads only through "same"; explicit zero padding is a layer of its own.
            format!("ZeroPadding2D(padding={})\n{}", self.padding, conv("valid"))
        })
    }

    /// The output-size arithmetic for rows (`axis = 0`) or columns (`axis = 1`):
    /// `⌊(H + 2P − D(K−1) − 1)/S⌋ + 1 = ⌊(5 + 2·1 − 2·(3−1) − 1)/1⌋ + 1 = 3`.
    pub fn size_formula(&self, axis: usize) -> String {
        let (n, k, s) = if axis == 0 {
            (self.input_size.0, self.kernel.0, self.stride.0)
        } else {
            (self.input_size.1, self.kernel.1, self.stride.1)
        };
        size_formula(axis, n, k, s, self.padding, self.dilation)
    }

    /// A compact form for the URL: `h.w.kh.kw.sh.sw.p.d~input,…~weights,…~bias`.
    pub fn to_query(&self) -> String {
        let nums = |v: &[f32]| v.iter().map(|x| fmt_num(*x)).collect::<Vec<_>>().join(",");
        format!(
            "{}.{}.{}.{}.{}.{}.{}.{}~{}~{}~{}",
            self.input_size.0,
            self.input_size.1,
            self.kernel.0,
            self.kernel.1,
            self.stride.0,
            self.stride.1,
            self.padding,
            self.dilation,
            nums(&self.input),
            nums(&self.weights),
            fmt_num(self.bias)
        )
    }

    /// Parses [`ConvSettings::to_query`]; anything malformed or out of range gives `None`.
    pub fn from_query(q: &str) -> Option<ConvSettings> {
        let mut parts = q.split('~');
        let dims: Vec<usize> = parts
            .next()?
            .split('.')
            .map(|d| d.parse().ok())
            .collect::<Option<_>>()?;
        let [h, w, kh, kw, sh, sw, p, d] = dims.as_slice().try_into().ok()?;
        let floats = |s: &str| {
            s.split(',')
                .map(|x| x.parse::<f32>().ok().filter(|v| v.is_finite()))
                .collect::<Option<Vec<f32>>>()
        };
        let input = floats(parts.next()?)?;
        let weights = floats(parts.next()?)?;
        let bias = parts
            .next()?
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())?;
        let side_ok = |v: usize| (1..=MAX_CONV_SIDE).contains(&v);
        if !(side_ok(h) && side_ok(w) && side_ok(kh) && side_ok(kw))
            || input.len() != h * w
            || weights.len() != kh * kw
        {
            return None;
        }
        if sh > MAX_CONV_SIDE || sw > MAX_CONV_SIDE || p > MAX_CONV_SIDE || d > MAX_CONV_SIDE {
            return None;
        }
        Some(ConvSettings {
            input_size: (h, w),
            kernel: (kh, kw),
            stride: (sh, sw),
            padding: p,
            dilation: d,
            input,
            weights,
            bias,
        })
    }
}

/// `⌊(H + 2P − D(K−1) − 1)/S⌋ + 1 = ⌊(5 + 2·0 − 1·(2−1) − 1)/1⌋ + 1 = 4`, or `… < 1` when the
/// kernel does not fit.
pub fn size_formula(axis: usize, n: usize, k: usize, s: usize, p: usize, d: usize) -> String {
    let (out, nn) = if axis == 0 {
        ("H_out", "H")
    } else {
        ("W_out", "W")
    };
    let general = format!("{out} = ⌊({nn} + 2P − D(K−1) − 1)/S⌋ + 1");
    let numbers = format!("⌊({n} + 2·{p} − {d}·({k}−1) − 1)/{s}⌋ + 1");
    match output_len(n, k, s, p, d) {
        Some(v) => format!("{general} = {numbers} = {v}"),
        None if s == 0 || k == 0 || d == 0 => format!("{general}: S, K, D ≥ 1"),
        None => format!("{general} = {numbers} < 1"),
    }
}

/// Everything the pooling stepper shows, for one channel.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSettings {
    /// Input (rows, cols).
    pub input_size: (usize, usize),
    /// Square kernel side.
    pub kernel: usize,
    /// Stride; `None` follows the kernel, as PyTorch's default.
    pub stride: Option<usize>,
    /// Padding (−∞) on every side.
    pub padding: usize,
    /// Dilation.
    pub dilation: usize,
    /// Input values, row-major.
    pub input: Vec<f32>,
}

/// The pooling presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolPreset {
    /// 4×4 → 2×2 with a 2×2 window: 4 steps.
    Classic,
    /// The MNIST model's first pool: kernel 2, stride 2, padding 1, 26×26 → 14×14.
    Mnist,
    /// All-negative input with padding: where −∞ padding differs from zero padding.
    Negative,
}

impl PoolPreset {
    /// All presets, in menu order.
    pub const ALL: [PoolPreset; 3] = [PoolPreset::Classic, PoolPreset::Mnist, PoolPreset::Negative];

    /// A stable name for menus.
    pub fn key(self) -> &'static str {
        match self {
            PoolPreset::Classic => "classic",
            PoolPreset::Mnist => "mnist",
            PoolPreset::Negative => "negative",
        }
    }

    /// Parses [`PoolPreset::key`].
    pub fn from_key(key: &str) -> Option<PoolPreset> {
        PoolPreset::ALL.into_iter().find(|p| p.key() == key)
    }
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings::preset(PoolPreset::Classic)
    }
}

impl PoolSettings {
    /// The settings of a preset.
    pub fn preset(p: PoolPreset) -> Self {
        match p {
            PoolPreset::Classic => PoolSettings {
                input_size: (4, 4),
                kernel: 2,
                stride: None,
                padding: 0,
                dilation: 1,
                input: vec![
                    1.0, 3.0, 2.0, 1.0, 4.0, 6.0, 5.0, 0.0, 3.0, 1.0, 1.0, 2.0, 0.0, 2.0, 4.0, 3.0,
                ],
            },
            PoolPreset::Mnist => PoolSettings {
                input_size: (26, 26),
                kernel: 2,
                stride: Some(2),
                padding: 1,
                dilation: 1,
                input: (0..26 * 26)
                    .map(|i| ((i * 37 % 23) as f32 / 4.0).max(0.0))
                    .collect(),
            },
            PoolPreset::Negative => PoolSettings {
                input_size: (4, 4),
                kernel: 2,
                stride: Some(2),
                padding: 1,
                dilation: 1,
                input: (0..16).map(|i| -1.0 - (i % 5) as f32).collect(),
            },
        }
    }

    /// The stride in use.
    pub fn stride(&self) -> usize {
        self.stride.unwrap_or(self.kernel)
    }

    /// Changes the input size, keeping the values that still fit.
    pub fn set_input_size(&mut self, size: (usize, usize)) {
        self.input = resize_grid(&self.input, self.input_size, size, pattern);
        self.input_size = size;
    }

    /// Fills the input with small random integers, some negative.
    pub fn randomise(&mut self, seed: u64) {
        use rand::Rng;
        let mut r = crate::nn::init::rng(seed);
        self.input
            .iter_mut()
            .for_each(|v| *v = r.random_range(-5..10) as f32);
    }

    /// The layer configuration.
    pub fn config(&self) -> MaxPool2dConfig {
        let k = self.kernel;
        MaxPool2dConfig::new((k, k))
            .stride((self.stride(), self.stride()))
            .padding((self.padding, self.padding))
            .dilation((self.dilation, self.dilation))
    }

    /// The plan, or why this configuration is impossible.
    pub fn plan(&self) -> Result<PoolPlan, NnError> {
        let cfg = self.config();
        cfg.validate()?;
        PoolPlan::new(cfg, one_channel(self.input_size, &self.input))
    }

    /// The same layer in PyTorch.
    pub fn pytorch(&self) -> String {
        let stride = self
            .stride
            .map(|s| format!(", stride={s}"))
            .unwrap_or_default();
        format!(
            "nn.MaxPool2d(kernel_size={}{stride}, padding={}, dilation={})",
            self.kernel, self.padding, self.dilation
        )
    }

    /// The same layer in Keras, or why Keras cannot say it.
    pub fn keras(&self, lang: Lang) -> Result<String, String> {
        if self.dilation > 1 {
            return Err(match lang {
                Lang::En => "Keras's MaxPool2D has no dilation.".into(),
                Lang::Ko => "Keras의 MaxPool2D에는 팽창(dilation)이 없습니다.".into(),
            });
        }
        if self.padding > 0 {
            return Err(match lang {
                Lang::En => format!(
                    "Keras's MaxPool2D pads only through padding=\"same\", and ZeroPadding2D would pad with 0, not −∞; PyTorch's padding={} has no exact Keras equivalent.",
                    self.padding
                ),
                Lang::Ko => format!(
                    "Keras의 MaxPool2D는 padding=\"same\"으로만 패딩하고, ZeroPadding2D는 −∞가 아니라 0으로 채웁니다. PyTorch의 padding={}과 정확히 같은 Keras 표현은 없습니다.",
                    self.padding
                ),
            });
        }
        Ok(format!(
            "MaxPool2D(pool_size=({k}, {k}), strides=({s}, {s}), padding=\"valid\")",
            k = self.kernel,
            s = self.stride()
        ))
    }

    /// A compact form for the URL: `h.w.k.s.p.d~input,…`, `s` is `-` while it follows the kernel.
    pub fn to_query(&self) -> String {
        let stride = self.stride.map_or("-".to_string(), |s| s.to_string());
        let values: Vec<String> = self.input.iter().map(|v| fmt_num(*v)).collect();
        format!(
            "{}.{}.{}.{stride}.{}.{}~{}",
            self.input_size.0,
            self.input_size.1,
            self.kernel,
            self.padding,
            self.dilation,
            values.join(",")
        )
    }

    /// Parses [`PoolSettings::to_query`]; anything malformed or out of range gives `None`.
    pub fn from_query(q: &str) -> Option<PoolSettings> {
        let (dims, values) = q.split_once('~')?;
        let dims: Vec<&str> = dims.split('.').collect();
        let [h, w, k, s, p, d] = dims.as_slice().try_into().ok()?;
        let num = |x: &str| x.parse::<usize>().ok().filter(|v| *v <= MAX_POOL_SIDE);
        let (h, w, k, p, d) = (num(h)?, num(w)?, num(k)?, num(p)?, num(d)?);
        let stride = if s == "-" { None } else { Some(num(s)?) };
        let input = values
            .split(',')
            .map(|x| x.parse::<f32>().ok().filter(|v| v.is_finite()))
            .collect::<Option<Vec<f32>>>()?;
        if h == 0 || w == 0 || input.len() != h * w {
            return None;
        }
        Some(PoolSettings {
            input_size: (h, w),
            kernel: k,
            stride,
            padding: p,
            dilation: d,
            input,
        })
    }

    /// The output-size arithmetic for rows (0) or columns (1).
    pub fn size_formula(&self, axis: usize) -> String {
        let n = if axis == 0 {
            self.input_size.0
        } else {
            self.input_size.1
        };
        size_formula(
            axis,
            n,
            self.kernel,
            self.stride(),
            self.padding,
            self.dilation,
        )
    }
}

/// The multi-channel example: `in_channels` input maps, `out_channels` filters, each filter a
/// `(in_channels, k, k)` block of the weight tensor `(out, in, kH, kW)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelSettings {
    /// Input channels (1–3).
    pub in_channels: usize,
    /// Output channels (1–4).
    pub out_channels: usize,
    /// Input side.
    pub side: usize,
    /// Kernel side.
    pub kernel: usize,
    /// Seed of the example's integers.
    pub seed: u64,
}

impl Default for ChannelSettings {
    /// One input channel, four filters: the "1 → 4 feature maps" example.
    fn default() -> Self {
        ChannelSettings {
            in_channels: 1,
            out_channels: 4,
            side: 5,
            kernel: 3,
            seed: 1,
        }
    }
}

impl ChannelSettings {
    /// The layer configuration (`nn.Conv2d(in, out, k)`).
    pub fn config(&self) -> Conv2dConfig {
        Conv2dConfig::new(
            self.in_channels,
            self.out_channels,
            (self.kernel, self.kernel),
        )
    }

    /// The example with small integer inputs (0–4), weights (−1–1) and biases (−1–1).
    pub fn plan(&self) -> Result<ConvPlan, NnError> {
        use rand::Rng;
        let cfg = self.config();
        cfg.validate()?;
        let mut r = crate::nn::init::rng(self.seed);
        let (c, n, k, o) = (self.in_channels, self.side, self.kernel, self.out_channels);
        let input = Array3::from_shape_simple_fn((c, n, n), || r.random_range(0..5) as f32);
        let weight = Array4::from_shape_simple_fn((o, c, k, k), || r.random_range(-1..=1) as f32);
        let bias = (0..o).map(|_| r.random_range(-1..=1) as f32).collect();
        ConvPlan::new(cfg, input, weight, bias)
    }

    /// `nn.Conv2d(1, 4, kernel_size=3)  # weight (4, 1, 3, 3), bias (4)`.
    pub fn pytorch(&self) -> String {
        let (i, o, k) = (self.in_channels, self.out_channels, self.kernel);
        format!("nn.Conv2d({i}, {o}, kernel_size={k})  # weight ({o}, {i}, {k}, {k}), bias ({o})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_valid_and_classic_has_four_steps() {
        for p in ConvPreset::ALL {
            let s = ConvSettings::preset(p);
            assert!(s.plan().is_ok(), "{p:?}");
            assert_eq!(ConvPreset::from_key(p.key()), Some(p));
        }
        assert_eq!(
            ConvSettings::preset(ConvPreset::Classic)
                .plan()
                .unwrap()
                .steps(),
            4
        );
        assert_eq!(
            ConvSettings::preset(ConvPreset::Same)
                .plan()
                .unwrap()
                .output_size(),
            (5, 5)
        );
        for p in PoolPreset::ALL {
            assert!(PoolSettings::preset(p).plan().is_ok(), "{p:?}");
        }
        assert_eq!(
            PoolSettings::preset(PoolPreset::Mnist)
                .plan()
                .unwrap()
                .output_size(),
            (14, 14)
        );
        assert_eq!(
            PoolSettings::preset(PoolPreset::Classic)
                .plan()
                .unwrap()
                .steps(),
            4
        );
    }

    #[test]
    fn resizing_keeps_values() {
        let mut s = ConvSettings::preset(ConvPreset::Classic);
        s.set_input_size((4, 2));
        assert_eq!(&s.input[..4], &[0.0, 1.0, 3.0, 4.0]);
        assert_eq!(s.input.len(), 8);
        s.set_kernel((1, 3));
        assert_eq!(s.weights, vec![0.0, 1.0, 1.0]);
    }

    #[test]
    fn code_lines() {
        let s = ConvSettings::preset(ConvPreset::Same);
        assert_eq!(
            s.pytorch(),
            "nn.Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1), padding=1, dilation=1)"
        );
        assert_eq!(
            s.keras(Lang::En).unwrap(),
            "Conv2D(1, (3, 3), strides=(1, 1), padding=\"same\", dilation_rate=1)"
        );
        let mut t = ConvSettings::preset(ConvPreset::Stride21);
        t.padding = 2;
        assert!(t
            .keras(Lang::En)
            .unwrap()
            .starts_with("ZeroPadding2D(padding=2)\n"));
        t.dilation = 2;
        assert!(t.keras(Lang::En).is_err());
        assert!(PoolSettings::preset(PoolPreset::Mnist)
            .keras(Lang::En)
            .is_err());
        assert_eq!(
            PoolSettings::preset(PoolPreset::Classic).pytorch(),
            "nn.MaxPool2d(kernel_size=2, padding=0, dilation=1)"
        );
    }

    #[test]
    fn size_formula_with_numbers() {
        let s = ConvSettings::preset(ConvPreset::Dilated);
        assert_eq!(
            s.size_formula(0),
            "H_out = ⌊(H + 2P − D(K−1) − 1)/S⌋ + 1 = ⌊(5 + 2·0 − 2·(3−1) − 1)/1⌋ + 1 = 1"
        );
        let mut t = s.clone();
        t.dilation = 3;
        assert!(t.size_formula(1).ends_with("< 1"));
    }

    #[test]
    fn channels_sum_over_inputs_plus_bias() {
        let s = ChannelSettings {
            in_channels: 2,
            out_channels: 3,
            side: 4,
            kernel: 2,
            seed: 5,
        };
        let p = s.plan().unwrap();
        assert_eq!(p.steps(), 3 * 3 * 3);
        let st = p.step(3 * 3 + 4);
        assert_eq!((st.out_channel, st.row, st.col), (1, 1, 1));
        assert_eq!(st.taps.len(), 2 * 2 * 2);
        let sum: f32 = st.taps.iter().map(|t| t.input * t.weight).sum::<f32>() + st.bias;
        assert_eq!(sum, st.value);
        assert_eq!(
            ChannelSettings::default().plan().unwrap().output.dim(),
            (4, 3, 3)
        );
    }

    #[test]
    fn query_round_trip() {
        let mut s = ConvSettings::preset(ConvPreset::Stride21);
        s.bias = -0.5;
        assert_eq!(ConvSettings::from_query(&s.to_query()), Some(s));
        assert_eq!(
            ConvSettings::from_query("3.3.2.2.1.1.0.1~1,2~0,1,2,3~0"),
            None,
            "wrong count"
        );
        assert_eq!(ConvSettings::from_query("junk"), None);
        for p in PoolPreset::ALL {
            let s = PoolSettings::preset(p);
            assert_eq!(PoolSettings::from_query(&s.to_query()), Some(s));
        }
        assert_eq!(PoolSettings::from_query("2.2.2.-.0.1~1,2,3"), None);
    }
}
