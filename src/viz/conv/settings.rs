//! The convolution stepper's settings as plain data: what the learner typed, the presets, the
//! layer in PyTorch and Keras, the output-size arithmetic and the compact form for the URL.

use super::plan::ConvPlan;
use crate::nn::{Conv2dConfig, NnError, Window};
use crate::viz::format::fmt_num;
use crate::viz::grid::{parse_numbers, query_numbers, Grid};
use crate::viz::kernels::Kernel;
use crate::viz::stepper::{settings_accessors, size_formula, KerasGap, Preset, StepperSettings};

/// Largest input side of the convolution stepper.
pub const MAX_CONV_SIDE: usize = 12;

/// Everything the convolution stepper shows, for one input and one output channel.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvSettings {
    /// The input.
    pub input: Grid,
    /// The kernel's weights.
    pub kernel: Grid,
    /// Stride (rows, cols).
    pub stride: (usize, usize),
    /// Zero padding on every side.
    pub padding: usize,
    /// Dilation (both axes).
    pub dilation: usize,
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

impl Preset for ConvPreset {
    const ALL: &'static [ConvPreset] = &[
        ConvPreset::Classic,
        ConvPreset::Dilated,
        ConvPreset::Stride21,
        ConvPreset::Same,
        ConvPreset::Edge,
        ConvPreset::Blur,
        ConvPreset::Sharpen,
    ];

    fn key(self) -> &'static str {
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
}

/// A 7×7 image with a bright 3×3 square in the middle, so edge, blur and sharpen kernels show
/// their effect.
fn square_image(r: usize, c: usize) -> f32 {
    if (2..5).contains(&r) && (2..5).contains(&c) {
        9.0
    } else {
        1.0
    }
}

impl Default for ConvSettings {
    fn default() -> Self {
        ConvSettings::preset(ConvPreset::Classic)
    }
}

impl ConvSettings {
    /// Changes the kernel size, keeping the weights that still fit (new weights are 1).
    pub fn set_kernel(&mut self, size: (usize, usize)) {
        self.kernel.resize(size, |_, _| 1.0);
    }

    /// The layer configuration (`nn.Conv2d(1, 1, …)`).
    pub fn config(&self) -> Conv2dConfig {
        Conv2dConfig {
            in_channels: 1,
            out_channels: 1,
            window: Window {
                kernel: self.kernel.size,
                stride: self.stride,
                padding: (self.padding, self.padding),
                dilation: (self.dilation, self.dilation),
            },
            bias: true,
        }
    }
}

impl StepperSettings for ConvSettings {
    type Plan = ConvPlan;
    type Preset = ConvPreset;
    const QUERY_KEY: &'static str = "conv";
    const MAX_SIDE: usize = MAX_CONV_SIDE;

    fn preset(p: ConvPreset) -> Self {
        let base = |n: (usize, usize), k: (usize, usize)| ConvSettings {
            input: Grid::from_fn(n, |r, c| ((r * n.1 + c) % 10) as f32),
            kernel: Grid::from_fn(k, |r, c| (r * k.1 + c) as f32),
            stride: (1, 1),
            padding: 0,
            dilation: 1,
            bias: 0.0,
        };
        let weights = |k: (usize, usize), w: Vec<f32>| Grid::new(k, w).expect("a full kernel");
        let on_square = |k: Kernel| ConvSettings {
            input: Grid::from_fn((7, 7), square_image),
            kernel: weights((3, 3), k.weights()),
            ..base((7, 7), (3, 3))
        };
        match p {
            ConvPreset::Classic => base((3, 3), (2, 2)),
            ConvPreset::Dilated => ConvSettings {
                dilation: 2,
                kernel: weights((3, 3), vec![1.0, 0.0, -1.0, 2.0, 0.0, -2.0, 1.0, 0.0, -1.0]),
                ..base((5, 5), (3, 3))
            },
            ConvPreset::Stride21 => ConvSettings {
                stride: (2, 1),
                kernel: weights((2, 2), vec![1.0, 2.0, 0.0, -1.0]),
                ..base((5, 4), (2, 2))
            },
            ConvPreset::Same => ConvSettings {
                padding: 1,
                kernel: weights((3, 3), vec![0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0]),
                ..base((5, 5), (3, 3))
            },
            ConvPreset::Edge => on_square(Kernel::Edge),
            ConvPreset::Blur => on_square(Kernel::Blur),
            ConvPreset::Sharpen => on_square(Kernel::Sharpen),
        }
    }

    fn plan(&self) -> Result<ConvPlan, NnError> {
        let cfg = self.config();
        cfg.validate()?;
        let weight = self.kernel.array().insert_axis(ndarray::Axis(0));
        ConvPlan::new(cfg, self.input.array(), weight, vec![self.bias])
    }

    settings_accessors!();

    /// Inputs 0–9, weights −2–2.
    fn randomise(&mut self, seed: u64) {
        let mut r = crate::nn::init::rng(seed);
        self.input.randomise(&mut r, 0..=9);
        self.kernel.randomise(&mut r, -2..=2);
    }

    fn pytorch(&self) -> String {
        let (kh, kw) = self.kernel.size;
        let (sh, sw) = self.stride;
        format!(
            "nn.Conv2d(1, 1, kernel_size=({kh}, {kw}), stride=({sh}, {sw}), padding={}, dilation={})",
            self.padding, self.dilation
        )
    }

    fn keras(&self) -> Result<String, KerasGap> {
        let (kh, kw) = self.kernel.size;
        let (sh, sw) = self.stride;
        if self.dilation > 1 && (sh > 1 || sw > 1) {
            return Err(KerasGap::StridedDilation);
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

    /// `⌊(H + 2P − D(K−1) − 1)/S⌋ + 1 = ⌊(5 + 2·1 − 2·(3−1) − 1)/1⌋ + 1 = 3`.
    fn size_formula(&self, axis: usize) -> String {
        let (n, k, s) = if axis == 0 {
            (self.input.size.0, self.kernel.size.0, self.stride.0)
        } else {
            (self.input.size.1, self.kernel.size.1, self.stride.1)
        };
        size_formula(axis, n, k, s, self.padding, self.dilation)
    }

    /// `h.w.kh.kw.sh.sw.p.d~input,…~weights,…~bias`.
    fn to_query(&self) -> String {
        format!(
            "{}.{}.{}.{}.{}.{}.{}.{}~{}~{}~{}",
            self.input.size.0,
            self.input.size.1,
            self.kernel.size.0,
            self.kernel.size.1,
            self.stride.0,
            self.stride.1,
            self.padding,
            self.dilation,
            query_numbers(&self.input.values),
            query_numbers(&self.kernel.values),
            fmt_num(self.bias)
        )
    }

    fn from_query(q: &str) -> Option<ConvSettings> {
        let mut parts = q.split('~');
        let dims: Vec<usize> = parts
            .next()?
            .split('.')
            .map(|d| d.parse().ok())
            .collect::<Option<_>>()?;
        let [h, w, kh, kw, sh, sw, p, d] = dims.as_slice().try_into().ok()?;
        let input = parse_numbers(parts.next()?)?;
        let weights = parse_numbers(parts.next()?)?;
        let bias = parts
            .next()?
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())?;
        let side_ok = |v: usize| (1..=MAX_CONV_SIDE).contains(&v);
        if !(side_ok(h) && side_ok(w) && side_ok(kh) && side_ok(kw)) {
            return None;
        }
        if sh > MAX_CONV_SIDE || sw > MAX_CONV_SIDE || p > MAX_CONV_SIDE || d > MAX_CONV_SIDE {
            return None;
        }
        Some(ConvSettings {
            input: Grid::new((h, w), input)?,
            kernel: Grid::new((kh, kw), weights)?,
            stride: (sh, sw),
            padding: p,
            dilation: d,
            bias,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::stepper::Steppable;

    #[test]
    fn presets_are_valid_and_classic_has_four_steps() {
        for &p in ConvPreset::ALL {
            let s = ConvSettings::preset(p);
            assert!(s.plan().is_ok(), "{p:?}");
            assert_eq!(ConvPreset::from_key(p.key()), Some(p));
        }
        let steps = |p| ConvSettings::preset(p).plan().unwrap().steps();
        assert_eq!(steps(ConvPreset::Classic), 4);
        let same = ConvSettings::preset(ConvPreset::Same).plan().unwrap();
        assert_eq!(same.output_size(), (5, 5));
    }

    #[test]
    fn resizing_keeps_values() {
        let mut s = ConvSettings::preset(ConvPreset::Classic);
        s.set_input_size((4, 2));
        assert_eq!(&s.input.values[..4], &[0.0, 1.0, 3.0, 4.0]);
        assert_eq!(s.input.values.len(), 8);
        s.set_kernel((1, 3));
        assert_eq!(s.kernel.values, vec![0.0, 1.0, 1.0]);
    }

    #[test]
    fn code_lines() {
        let s = ConvSettings::preset(ConvPreset::Same);
        assert_eq!(
            s.pytorch(),
            "nn.Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1), padding=1, dilation=1)"
        );
        assert_eq!(
            s.keras().unwrap(),
            "Conv2D(1, (3, 3), strides=(1, 1), padding=\"same\", dilation_rate=1)"
        );
        let mut t = ConvSettings::preset(ConvPreset::Stride21);
        t.padding = 2;
        assert!(t.keras().unwrap().starts_with("ZeroPadding2D(padding=2)\n"));
        t.dilation = 2;
        assert_eq!(t.keras(), Err(KerasGap::StridedDilation));
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
    }

    #[test]
    fn edits_racing_a_resize_are_dropped() {
        let mut s = ConvSettings::preset(ConvPreset::Classic);
        s.set_input((3, 3), 1, 1, 42.0);
        s.kernel.set((2, 2), 0, 1, -7.0);
        assert_eq!((s.input.values[4], s.kernel.values[1]), (42.0, -7.0));
        let before = s.clone();
        s.set_input((4, 4), 0, 0, 1.0);
        s.kernel.set((3, 3), 0, 0, 1.0);
        assert_eq!(s, before);
    }
}
