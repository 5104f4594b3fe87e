//! `PoolPlan`: max pooling laid out step by step, with the −∞ padding PyTorch uses. The output,
//! and which cell of each window won, come from [`crate::nn::MaxPool2d`].

use crate::nn::{MaxPool2dConfig, NnError};
use crate::viz::format::fmt_num;
use crate::viz::stepper::{plan_accessors, window_taps, CellMark, OutCell, Steppable};
use ndarray::Array3;

/// One cell a pooling window looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolTap {
    /// Input row in unpadded coordinates (outside `0..H` in the padding).
    pub y: isize,
    /// Input column, like `y`.
    pub x: isize,
    /// The value (−∞ in the padding).
    pub value: f32,
    /// Whether this cell is padding.
    pub padding: bool,
}

/// Everything one pooling step shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolStep {
    /// The output cell and its value, the window's maximum.
    pub at: OutCell,
    /// The window's cells in row-major order.
    pub taps: Vec<PoolTap>,
    /// Index into `taps` of the maximum (the first one on ties, as PyTorch).
    pub winner: Option<usize>,
}

/// Max pooling of one input (C × H × W) ready to be stepped through.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolPlan {
    /// The layer configuration.
    pub config: MaxPool2dConfig,
    /// Input (C, H, W).
    pub input: Array3<f32>,
    /// Output (C, H_out, W_out), computed by `nn::MaxPool2d`.
    pub output: Array3<f32>,
    /// For each output cell (row-major), the flat index `y·W + x` in its channel of the cell
    /// that won, as `nn::MaxPool2d` picked it; `None` for a window wholly in the padding.
    pub winners: Vec<Option<usize>>,
}

impl PoolPlan {
    /// Checks the configuration and computes the output, or says why it is impossible.
    pub fn new(config: MaxPool2dConfig, input: Array3<f32>) -> Result<Self, NnError> {
        let (c, h, w) = input.dim();
        let shape = config.output_shape(&[1, c, h, w])?;
        let mut layer = config.init()?;
        let x = input
            .clone()
            .into_shape_with_order((1, c, h, w))
            .expect("same size")
            .into_dyn();
        let output = layer
            .forward(&x)
            .clone()
            .into_shape_with_order((shape[1], shape[2], shape[3]))
            .expect("one sample")
            .into_dimensionality()
            .expect("rank 3");
        let winners = layer.winners().collect();
        Ok(PoolPlan {
            config,
            input,
            output,
            winners,
        })
    }
}

impl Steppable for PoolPlan {
    type Step = PoolStep;
    plan_accessors!();

    fn mark(s: &PoolStep, y: isize, x: isize) -> CellMark {
        CellMark {
            hit: s.covers(y, x).is_some(),
            weight: None,
            winner: s.winner.map(|i| (s.taps[i].y, s.taps[i].x)) == Some((y, x)),
        }
    }

    fn step(&self, k: usize) -> PoolStep {
        let at = OutCell::of(&self.output, k);
        let (ch, row, col) = (at.channel, at.row, at.col);
        let (_, h, w) = self.input.dim();
        let won = self.winners[k].map(|i| ((i / w) as isize, (i % w) as isize));
        let taps: Vec<PoolTap> = window_taps(self.config.window, (row, col), (h, w))
            .map(|t| PoolTap {
                y: t.y,
                x: t.x,
                value: if t.inside {
                    self.input[[ch, t.y as usize, t.x as usize]]
                } else {
                    f32::NEG_INFINITY
                },
                padding: !t.inside,
            })
            .collect();
        let winner = won.and_then(|at| taps.iter().position(|t| (t.y, t.x) == at));
        PoolStep { at, taps, winner }
    }
}

impl PoolStep {
    /// `max(1, 3, −∞, 2) = 3`.
    pub fn formula(&self) -> String {
        let parts: Vec<String> = self.taps.iter().map(|t| fmt_num(t.value)).collect();
        format!("max({}) = {}", parts.join(", "), fmt_num(self.at.value))
    }

    /// The tap at input cell `(y, x)`, if this window covers it.
    pub fn covers(&self, y: isize, x: isize) -> Option<&PoolTap> {
        self.taps.iter().find(|t| t.y == y && t.x == x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn classic_four_by_four() {
        let input = array![[
            [1.0, 3.0, 2.0, 1.0],
            [4.0, 6.0, 5.0, 0.0],
            [3.0, 1.0, 1.0, 2.0],
            [0.0, 2.0, 4.0, 3.0]
        ]];
        let plan = PoolPlan::new(MaxPool2dConfig::new((2, 2)), input).unwrap();
        assert_eq!(plan.steps(), 4);
        let v: Vec<f32> = (0..4).map(|k| plan.step(k).at.value).collect();
        assert_eq!(v, vec![6.0, 5.0, 3.0, 4.0]);
        assert_eq!(plan.step(0).formula(), "max(1, 3, 4, 6) = 6");
        assert_eq!(plan.step(0).winner, Some(3));
    }

    #[test]
    fn padding_is_minus_infinity() {
        let input = Array3::from_elem((1, 2, 2), -5.0);
        let plan = PoolPlan::new(MaxPool2dConfig::new((2, 2)).padding((1, 1)), input).unwrap();
        assert_eq!(plan.output_size(), (2, 2));
        let s = plan.step(0);
        assert_eq!(s.at.value, -5.0, "zero padding would have given 0");
        assert_eq!(s.formula(), "max(−∞, −∞, −∞, -5) = -5");
    }

    #[test]
    fn the_winner_is_the_cell_the_layer_picked() {
        // On a tie PyTorch keeps the first cell in row-major order; the plan shows that one.
        let input = Array3::from_elem((1, 2, 2), 7.0);
        let plan = PoolPlan::new(MaxPool2dConfig::new((2, 2)), input).unwrap();
        assert_eq!(plan.step(0).winner, Some(0));
        let input = array![[[1.0, 5.0], [5.0, 2.0]]];
        let plan = PoolPlan::new(MaxPool2dConfig::new((2, 2)), input).unwrap();
        assert_eq!(plan.step(0).winner, Some(1));
    }
}
