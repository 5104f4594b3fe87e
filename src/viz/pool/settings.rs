//! The max-pooling stepper's settings as plain data: what the learner typed, the presets, the
//! layer in PyTorch and Keras, the output-size arithmetic and the compact form for the URL.

use super::plan::PoolPlan;
use crate::nn::{MaxPool2dConfig, NnError};
use crate::viz::grid::{parse_numbers, query_numbers, Grid};
use crate::viz::stepper::{settings_accessors, size_formula, KerasGap, Preset, StepperSettings};

/// Largest input side of the pooling stepper (the MNIST model's 26×26 maps fit).
pub const MAX_POOL_SIDE: usize = 28;

/// Everything the pooling stepper shows, for one channel.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolSettings {
    /// The input.
    pub input: Grid,
    /// Square kernel side.
    pub kernel: usize,
    /// Stride; `None` follows the kernel, as PyTorch's default.
    pub stride: Option<usize>,
    /// Padding (−∞) on every side.
    pub padding: usize,
    /// Dilation.
    pub dilation: usize,
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

impl Preset for PoolPreset {
    const ALL: &'static [PoolPreset] =
        &[PoolPreset::Classic, PoolPreset::Mnist, PoolPreset::Negative];

    fn key(self) -> &'static str {
        match self {
            PoolPreset::Classic => "classic",
            PoolPreset::Mnist => "mnist",
            PoolPreset::Negative => "negative",
        }
    }
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings::preset(PoolPreset::Classic)
    }
}

impl PoolSettings {
    /// The stride in use.
    pub fn stride(&self) -> usize {
        self.stride.unwrap_or(self.kernel)
    }

    /// The layer configuration.
    pub fn config(&self) -> MaxPool2dConfig {
        let k = self.kernel;
        MaxPool2dConfig::new((k, k))
            .stride((self.stride(), self.stride()))
            .padding((self.padding, self.padding))
            .dilation((self.dilation, self.dilation))
    }
}

impl StepperSettings for PoolSettings {
    type Plan = PoolPlan;
    type Preset = PoolPreset;
    const QUERY_KEY: &'static str = "pool";
    const MAX_SIDE: usize = MAX_POOL_SIDE;

    fn preset(p: PoolPreset) -> Self {
        let window = |size: (usize, usize), stride, padding, input| PoolSettings {
            input: Grid::new(size, input).expect("a full input"),
            kernel: 2,
            stride,
            padding,
            dilation: 1,
        };
        match p {
            PoolPreset::Classic => window(
                (4, 4),
                None,
                0,
                vec![
                    1.0, 3.0, 2.0, 1.0, 4.0, 6.0, 5.0, 0.0, 3.0, 1.0, 1.0, 2.0, 0.0, 2.0, 4.0, 3.0,
                ],
            ),
            PoolPreset::Mnist => window(
                (26, 26),
                Some(2),
                1,
                (0..26 * 26)
                    .map(|i| ((i * 37 % 23) as f32 / 4.0).max(0.0))
                    .collect(),
            ),
            PoolPreset::Negative => window(
                (4, 4),
                Some(2),
                1,
                (0..16).map(|i| -1.0 - (i % 5) as f32).collect(),
            ),
        }
    }

    fn plan(&self) -> Result<PoolPlan, NnError> {
        let cfg = self.config();
        cfg.validate()?;
        PoolPlan::new(cfg, self.input.array())
    }

    settings_accessors!();

    /// Integers −5–9, so some windows are all negative.
    fn randomise(&mut self, seed: u64) {
        self.input
            .randomise(&mut crate::nn::init::rng(seed), -5..=9);
    }

    fn pytorch(&self) -> String {
        let stride = self
            .stride
            .map(|s| format!(", stride={s}"))
            .unwrap_or_default();
        format!(
            "nn.MaxPool2d(kernel_size={}{stride}, padding={}, dilation={})",
            self.kernel, self.padding, self.dilation
        )
    }

    fn keras(&self) -> Result<String, KerasGap> {
        if self.dilation > 1 {
            return Err(KerasGap::PoolDilation);
        }
        if self.padding > 0 {
            return Err(KerasGap::PoolPadding {
                padding: self.padding,
            });
        }
        Ok(format!(
            "MaxPool2D(pool_size=({k}, {k}), strides=({s}, {s}), padding=\"valid\")",
            k = self.kernel,
            s = self.stride()
        ))
    }

    fn size_formula(&self, axis: usize) -> String {
        let n = if axis == 0 {
            self.input.size.0
        } else {
            self.input.size.1
        };
        let (k, s) = (self.kernel, self.stride());
        size_formula(axis, n, k, s, self.padding, self.dilation)
    }

    /// `h.w.k.s.p.d~input,…`, `s` is `-` while it follows the kernel.
    fn to_query(&self) -> String {
        let stride = self.stride.map_or("-".to_string(), |s| s.to_string());
        format!(
            "{}.{}.{}.{stride}.{}.{}~{}",
            self.input.size.0,
            self.input.size.1,
            self.kernel,
            self.padding,
            self.dilation,
            query_numbers(&self.input.values)
        )
    }

    fn from_query(q: &str) -> Option<PoolSettings> {
        let (dims, values) = q.split_once('~')?;
        let dims: Vec<&str> = dims.split('.').collect();
        let [h, w, k, s, p, d] = dims.as_slice().try_into().ok()?;
        let num = |x: &str| x.parse::<usize>().ok().filter(|v| *v <= MAX_POOL_SIDE);
        let (h, w, k, p, d) = (num(h)?, num(w)?, num(k)?, num(p)?, num(d)?);
        let stride = if s == "-" { None } else { Some(num(s)?) };
        if h == 0 || w == 0 {
            return None;
        }
        Some(PoolSettings {
            input: Grid::new((h, w), parse_numbers(values)?)?,
            kernel: k,
            stride,
            padding: p,
            dilation: d,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::stepper::Steppable;

    #[test]
    fn presets_are_valid() {
        for &p in PoolPreset::ALL {
            assert!(PoolSettings::preset(p).plan().is_ok(), "{p:?}");
            assert_eq!(PoolPreset::from_key(p.key()), Some(p));
        }
        let mnist = PoolSettings::preset(PoolPreset::Mnist).plan().unwrap();
        assert_eq!(mnist.output_size(), (14, 14));
        let classic = PoolSettings::preset(PoolPreset::Classic).plan().unwrap();
        assert_eq!(classic.steps(), 4);
    }

    #[test]
    fn code_lines() {
        assert_eq!(
            PoolSettings::preset(PoolPreset::Mnist).keras(),
            Err(KerasGap::PoolPadding { padding: 1 })
        );
        let mut s = PoolSettings::preset(PoolPreset::Classic);
        assert_eq!(
            s.pytorch(),
            "nn.MaxPool2d(kernel_size=2, padding=0, dilation=1)"
        );
        assert_eq!(
            s.keras().unwrap(),
            "MaxPool2D(pool_size=(2, 2), strides=(2, 2), padding=\"valid\")"
        );
        s.dilation = 2;
        assert_eq!(s.keras(), Err(KerasGap::PoolDilation));
    }

    #[test]
    fn query_round_trip() {
        for &p in PoolPreset::ALL {
            let s = PoolSettings::preset(p);
            assert_eq!(PoolSettings::from_query(&s.to_query()), Some(s));
        }
        assert_eq!(PoolSettings::from_query("2.2.2.-.0.1~1,2,3"), None);
    }
}
