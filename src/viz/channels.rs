//! The multi-channel example of the convolution section: several input maps, several filters,
//! the weight tensor `(out, in, kH, kW)` and one output map per filter.

use crate::nn::{Conv2dConfig, NnError};
use crate::viz::conv::ConvPlan;
use ndarray::{Array3, Array4};

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
    use crate::viz::stepper::Steppable;

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
        assert_eq!((st.at.channel, st.at.row, st.at.col), (1, 1, 1));
        assert_eq!(st.taps.len(), 2 * 2 * 2);
        let sum: f32 = st.taps.iter().map(|t| t.input * t.weight).sum::<f32>() + st.bias;
        assert_eq!(sum, st.at.value);
        assert_eq!(
            ChannelSettings::default().plan().unwrap().output.dim(),
            (4, 3, 3)
        );
    }
}
