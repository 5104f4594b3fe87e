//! `PoolPlan`: max pooling laid out step by step, with the −∞ padding PyTorch uses. The output
//! comes from [`crate::nn::MaxPool2d`].

use super::format::fmt_num;
use crate::nn::{MaxPool2dConfig, NnError};
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
    /// Channel.
    pub channel: usize,
    /// Output row.
    pub row: usize,
    /// Output column.
    pub col: usize,
    /// The window's cells in row-major order.
    pub taps: Vec<PoolTap>,
    /// Index into `taps` of the maximum (the first one on ties, as PyTorch).
    pub winner: Option<usize>,
    /// The output value.
    pub value: f32,
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
        Ok(PoolPlan {
            config,
            input,
            output,
        })
    }

    /// Output (rows, cols).
    pub fn output_size(&self) -> (usize, usize) {
        let (_, h, w) = self.output.dim();
        (h, w)
    }

    /// Number of steps: one per output cell.
    pub fn steps(&self) -> usize {
        self.output.len()
    }

    /// Step `k` (0-based).
    pub fn step(&self, k: usize) -> PoolStep {
        let (_, oh, ow) = self.output.dim();
        let (ch, row, col) = (k / (oh * ow), (k / ow) % oh, k % ow);
        let win = self.config.window;
        let (_, h, w) = self.input.dim();
        let mut taps = Vec::new();
        let mut winner: Option<usize> = None;
        for ki in 0..win.kernel.0 {
            for kj in 0..win.kernel.1 {
                let (y, x) = win.tap((row, col), (ki, kj));
                let inside = (0..h as isize).contains(&y) && (0..w as isize).contains(&x);
                let value = if inside {
                    self.input[[ch, y as usize, x as usize]]
                } else {
                    f32::NEG_INFINITY
                };
                if inside
                    && winner.is_none_or(|i| {
                        value > taps.get(i).map_or(f32::NEG_INFINITY, |t: &PoolTap| t.value)
                    })
                {
                    winner = Some(taps.len());
                }
                taps.push(PoolTap {
                    y,
                    x,
                    value,
                    padding: !inside,
                });
            }
        }
        PoolStep {
            channel: ch,
            row,
            col,
            taps,
            winner,
            value: self.output[[ch, row, col]],
        }
    }
}

impl PoolStep {
    /// `max(1, 3, −∞, 2) = 3`.
    pub fn formula(&self) -> String {
        let parts: Vec<String> = self.taps.iter().map(|t| fmt_num(t.value)).collect();
        format!("max({}) = {}", parts.join(", "), fmt_num(self.value))
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
        let v: Vec<f32> = (0..4).map(|k| plan.step(k).value).collect();
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
        assert_eq!(s.value, -5.0, "zero padding would have given 0");
        assert_eq!(s.formula(), "max(−∞, −∞, −∞, -5) = -5");
    }
}
