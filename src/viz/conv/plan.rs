//! `ConvPlan`: a convolution laid out step by step. Step k computes output cell k (row-major,
//! output channel by output channel): which input cells the dilated kernel covers, the products,
//! and their sum. The output itself comes from [`crate::nn::Conv2d`], the same code the model uses.

use crate::nn::init::rng;
use crate::nn::{Conv2dConfig, NnError};
use crate::viz::format::{fmt_num, fmt_term};
use crate::viz::stepper::{plan_accessors, window_taps, CellMark, OutCell, Steppable};
use ndarray::{Array3, Array4, ArrayD, IxDyn};

/// One product of a step: `input[channel, y, x] · weight[out, channel, ki, kj]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Tap {
    /// Input channel.
    pub channel: usize,
    /// Kernel row.
    pub ki: usize,
    /// Kernel column.
    pub kj: usize,
    /// Input row, counted in the unpadded input (negative or ≥ H inside the padding).
    pub y: isize,
    /// Input column, counted like `y`.
    pub x: isize,
    /// The input value (0 in the zero padding).
    pub input: f32,
    /// The kernel weight.
    pub weight: f32,
    /// Whether this tap reads the padding.
    pub padding: bool,
}

/// Everything one step shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvStep {
    /// The output cell (its channel is the filter) and its value.
    pub at: OutCell,
    /// The products summed, in kernel order per input channel.
    pub taps: Vec<Tap>,
    /// The bias added.
    pub bias: f32,
}

/// A convolution of one input (C_in × H × W) ready to be stepped through.
#[derive(Clone, Debug, PartialEq)]
pub struct ConvPlan {
    /// The layer configuration.
    pub config: Conv2dConfig,
    /// Weights (C_out, C_in, kH, kW).
    pub weight: Array4<f32>,
    /// One bias per output channel.
    pub bias: Vec<f32>,
    /// Input (C_in, H, W).
    pub input: Array3<f32>,
    /// Output (C_out, H_out, W_out), computed by `nn::Conv2d`.
    pub output: Array3<f32>,
}

impl ConvPlan {
    /// Checks the configuration and computes the output, or says why it is impossible.
    pub fn new(
        config: Conv2dConfig,
        input: Array3<f32>,
        weight: Array4<f32>,
        bias: Vec<f32>,
    ) -> Result<Self, NnError> {
        let (c, h, w) = input.dim();
        let out_shape = config.output_shape(&[1, c, h, w])?;
        assert_eq!(
            weight.shape(),
            &config.weight_shape(),
            "ConvPlan: weight shape"
        );
        assert_eq!(
            bias.len(),
            config.out_channels,
            "ConvPlan: one bias per output channel"
        );
        let mut layer = config.bias(true).init(&mut rng(0))?;
        layer.weight.value = weight.clone().into_dyn();
        if let Some(b) = &mut layer.bias {
            b.value =
                ArrayD::from_shape_vec(IxDyn(&[bias.len()]), bias.clone()).expect("bias length");
        }
        let x = input
            .clone()
            .into_shape_with_order((1, c, h, w))
            .expect("same size")
            .into_dyn();
        let y = layer.forward(&x).clone();
        let output = y
            .into_shape_with_order((out_shape[1], out_shape[2], out_shape[3]))
            .expect("one sample")
            .into_dimensionality()
            .expect("rank 3");
        Ok(ConvPlan {
            config,
            input,
            weight,
            bias,
            output,
        })
    }
}

impl Steppable for ConvPlan {
    type Step = ConvStep;
    plan_accessors!();

    fn mark(s: &ConvStep, y: isize, x: isize) -> CellMark {
        let tap = s.covers(0, y, x);
        CellMark {
            hit: tap.is_some(),
            weight: tap.map(|t| t.weight),
            winner: false,
        }
    }

    fn step(&self, k: usize) -> ConvStep {
        let at = OutCell::of(&self.output, k);
        let (o, row, col) = (at.channel, at.row, at.col);
        let (c, h, w) = self.input.dim();
        let taps = (0..c)
            .flat_map(|ch| {
                window_taps(self.config.window, (row, col), (h, w)).map(move |t| Tap {
                    channel: ch,
                    ki: t.ki,
                    kj: t.kj,
                    y: t.y,
                    x: t.x,
                    input: if t.inside {
                        self.input[[ch, t.y as usize, t.x as usize]]
                    } else {
                        0.0
                    },
                    weight: self.weight[[o, ch, t.ki, t.kj]],
                    padding: !t.inside,
                })
            })
            .collect();
        ConvStep {
            at,
            taps,
            bias: self.bias[o],
        }
    }
}

impl ConvStep {
    /// The arithmetic of the step: `1×0 + 2×1 + … (+ bias) = value`.
    pub fn formula(&self) -> String {
        let terms: Vec<String> = self
            .taps
            .iter()
            .map(|t| format!("{}×{}", fmt_term(t.input), fmt_term(t.weight)))
            .collect();
        let mut s = terms.join(" + ");
        if self.bias != 0.0 {
            s += &format!(" + {}", fmt_num(self.bias));
        }
        format!("{s} = {}", fmt_num(self.at.value))
    }

    /// Whether input cell `(channel, y, x)` (unpadded coordinates) is read by this step.
    pub fn covers(&self, channel: usize, y: isize, x: isize) -> Option<&Tap> {
        self.taps
            .iter()
            .find(|t| t.channel == channel && t.y == y && t.x == x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn classic_three_by_three_with_two_by_two_kernel() {
        let input = array![[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]];
        let weight = array![[[[0.0, 1.0], [2.0, 3.0]]]];
        let plan =
            ConvPlan::new(Conv2dConfig::new(1, 1, (2, 2)), input, weight, vec![0.0]).unwrap();
        assert_eq!(plan.steps(), 4);
        let values: Vec<f32> = (0..4).map(|k| plan.step(k).at.value).collect();
        assert_eq!(values, vec![19.0, 25.0, 37.0, 43.0]);
        assert_eq!(plan.step(0).formula(), "0×0 + 1×1 + 3×2 + 4×3 = 19");
        assert_eq!((plan.step(3).at.row, plan.step(3).at.col), (1, 1));
    }

    #[test]
    fn padding_and_dilation_taps() {
        let input = Array3::from_shape_fn((1, 5, 5), |(_, y, x)| (y * 5 + x) as f32);
        let weight = Array4::from_elem((1, 1, 3, 3), 1.0);
        let cfg = Conv2dConfig::new(1, 1, (3, 3))
            .dilation((2, 2))
            .padding((1, 1));
        let plan = ConvPlan::new(cfg, input, weight, vec![0.5]).unwrap();
        assert_eq!(plan.output_size(), (3, 3));
        let s = plan.step(0);
        assert_eq!(s.taps.iter().filter(|t| t.padding).count(), 5);
        let sum: f32 = s.taps.iter().map(|t| t.input * t.weight).sum::<f32>() + s.bias;
        assert_eq!(sum, s.at.value);
        assert!(s.covers(0, 1, 1).is_some() && s.covers(0, 0, 0).is_none());
    }

    #[test]
    fn stride_rows_then_columns() {
        let input = Array3::from_shape_fn((1, 5, 4), |(_, y, x)| (y * 4 + x) as f32);
        let weight = Array4::from_elem((1, 1, 2, 2), 1.0);
        let plan = ConvPlan::new(
            Conv2dConfig::new(1, 1, (2, 2)).stride((2, 1)),
            input,
            weight,
            vec![0.0],
        )
        .unwrap();
        assert_eq!(plan.output_size(), (2, 3), "2 rows down, 1 column right");
    }
}
