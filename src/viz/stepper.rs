//! What the convolution and pooling steppers share, as plain data: walking a plan one output
//! cell at a time, named presets, the settings a stepper keeps (and puts in the URL), the
//! output-size arithmetic, and why Keras cannot say a layer. The components in
//! `components/widgets/stepper.rs` bind these to signals once, for both steppers.

use super::grid::{pattern, Grid};
use crate::nn::shape::output_len;
use crate::nn::{NnError, Window};
use ndarray::Array3;

/// A plan that can be walked one output cell at a time (row-major, channel by channel).
pub trait Steppable: Clone + PartialEq + Send + Sync + 'static {
    /// What one step shows.
    type Step: Clone + PartialEq + Send + Sync + 'static;

    /// The whole output `(channels, rows, cols)`, as the `nn` layer computed it.
    fn output(&self) -> &Array3<f32>;

    /// Step `k`, 0-based, below [`Steppable::steps`].
    fn step(&self, k: usize) -> Self::Step;

    /// The output cell a step fills.
    fn cell(step: &Self::Step) -> OutCell;

    /// The arithmetic of a step, as one line.
    fn formula(step: &Self::Step) -> String;

    /// The input `(channels, rows, cols)`, unpadded.
    fn input(&self) -> &Array3<f32>;

    /// Padding (rows, cols) on each side.
    fn padding(&self) -> (usize, usize);

    /// How the first input channel's cell `(y, x)` (unpadded coordinates, so negative inside the
    /// padding) looks during `step`.
    fn mark(step: &Self::Step, y: isize, x: isize) -> CellMark;

    /// Number of steps: one per output cell.
    fn steps(&self) -> usize {
        self.output().len()
    }

    /// Output (rows, cols).
    fn output_size(&self) -> (usize, usize) {
        let (_, h, w) = self.output().dim();
        (h, w)
    }
}

/// The parts of [`Steppable`] that read alike for every plan: a plan with `input`, `output` and
/// `config.window` fields, whose step has its [`OutCell`] as `at` and a `formula()`.
macro_rules! plan_accessors {
    () => {
        fn output(&self) -> &ndarray::Array3<f32> {
            &self.output
        }

        fn input(&self) -> &ndarray::Array3<f32> {
            &self.input
        }

        fn padding(&self) -> (usize, usize) {
            self.config.window.padding
        }

        fn cell(s: &Self::Step) -> $crate::viz::stepper::OutCell {
            s.at
        }

        fn formula(s: &Self::Step) -> String {
            s.formula()
        }
    };
}
pub(crate) use plan_accessors;

/// The output cell a step fills, and the value the layer computed there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutCell {
    /// Output channel.
    pub channel: usize,
    /// Output row.
    pub row: usize,
    /// Output column.
    pub col: usize,
    /// The output value, as the `nn` layer computed it.
    pub value: f32,
}

impl OutCell {
    /// Output cell `k` of `output`, counted row-major, channel by channel.
    pub fn of(output: &Array3<f32>, k: usize) -> OutCell {
        let (channel, row, col) = locate(output, k);
        OutCell {
            channel,
            row,
            col,
            value: output[[channel, row, col]],
        }
    }
}

/// The parts of [`StepperSettings`] that read alike for both steppers' settings: `input`,
/// `padding` and `dilation` fields.
macro_rules! settings_accessors {
    () => {
        fn input(&self) -> &$crate::viz::grid::Grid {
            &self.input
        }

        fn input_mut(&mut self) -> &mut $crate::viz::grid::Grid {
            &mut self.input
        }

        fn spacing(&self) -> (usize, usize) {
            (self.padding, self.dilation)
        }

        fn set_spacing(&mut self, padding: usize, dilation: usize) {
            (self.padding, self.dilation) = (padding, dilation);
        }
    };
}
pub(crate) use settings_accessors;

/// How an input cell looks during a step.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CellMark {
    /// The step reads this cell.
    pub hit: bool,
    /// The weight the cell is multiplied by (convolution).
    pub weight: Option<f32>,
    /// The cell holds the window's maximum (pooling).
    pub winner: bool,
}

/// Output cell `k` of a `(channels, rows, cols)` output as (channel, row, col), row-major.
pub fn locate(output: &Array3<f32>, k: usize) -> (usize, usize, usize) {
    let (_, oh, ow) = output.dim();
    (k / (oh * ow), (k / ow) % oh, k % ow)
}

/// One cell a window reads: kernel tap `(ki, kj)` lands on input `(y, x)` (unpadded
/// coordinates), inside the input or in its padding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WindowTap {
    /// Kernel row.
    pub ki: usize,
    /// Kernel column.
    pub kj: usize,
    /// Input row.
    pub y: isize,
    /// Input column.
    pub x: isize,
    /// Whether `(y, x)` is a real cell rather than padding.
    pub inside: bool,
}

/// The cells the window of output cell `(row, col)` reads in an `h × w` input, in kernel order
/// (row-major), as [`Window::tap`] places them.
pub fn window_taps(
    win: Window,
    (row, col): (usize, usize),
    size: (usize, usize),
) -> impl Iterator<Item = WindowTap> {
    let (kh, kw) = win.kernel;
    (0..kh * kw).map(move |i| {
        let (ki, kj) = (i / kw, i % kw);
        let (y, x) = win.tap((row, col), (ki, kj));
        WindowTap {
            ki,
            kj,
            y,
            x,
            inside: inside(y, x, size),
        }
    })
}

/// Whether `(y, x)`, in unpadded coordinates, lies inside an `h × w` input.
pub fn inside(y: isize, x: isize, (h, w): (usize, usize)) -> bool {
    (0..h as isize).contains(&y) && (0..w as isize).contains(&x)
}

/// A named example of a stepper's menu.
pub trait Preset: Copy + PartialEq + Send + Sync + 'static {
    /// All presets, in menu order.
    const ALL: &'static [Self];

    /// A stable name for the menu and the URL.
    fn key(self) -> &'static str;

    /// Parses [`Preset::key`].
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|p| p.key() == key)
    }
}

/// Why Keras cannot say a layer in one line; the page phrases it from the stepper's text table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KerasGap {
    /// `Conv2D` refuses strides above 1 together with `dilation_rate` above 1.
    StridedDilation,
    /// `MaxPool2D` has no dilation.
    PoolDilation,
    /// `MaxPool2D` pads only through `padding="same"`, and `ZeroPadding2D` pads with 0, not −∞.
    PoolPadding {
        /// PyTorch's padding that has no Keras equivalent.
        padding: usize,
    },
}

/// What a stepper keeps of what the learner set: enough to build its plan, its code lines, its
/// output-size arithmetic and the compact form in the URL (`?conv=…`, `?pool=…`).
pub trait StepperSettings: Clone + PartialEq + Default + Send + Sync + 'static {
    /// The plan these settings build.
    type Plan: Steppable;
    /// The menu of examples.
    type Preset: Preset;

    /// The URL parameter that carries these settings.
    const QUERY_KEY: &'static str;

    /// The settings of a preset.
    fn preset(p: Self::Preset) -> Self;

    /// The plan, or why this configuration is impossible.
    fn plan(&self) -> Result<Self::Plan, NnError>;

    /// Largest input side the fields accept.
    const MAX_SIDE: usize;

    /// The input grid.
    fn input(&self) -> &Grid;

    /// The input grid, to edit.
    fn input_mut(&mut self) -> &mut Grid;

    /// Padding on every side, and dilation, as the learner set them (both steppers have them,
    /// with PyTorch's meaning; only what a padding cell holds differs).
    fn spacing(&self) -> (usize, usize);

    /// Sets padding and dilation.
    fn set_spacing(&mut self, padding: usize, dilation: usize);

    /// Fills the numbers with small random integers.
    fn randomise(&mut self, seed: u64);

    /// The same layer in PyTorch.
    fn pytorch(&self) -> String;

    /// The same layer in Keras, or why Keras cannot say it.
    fn keras(&self) -> Result<String, KerasGap>;

    /// The output-size arithmetic for rows (`axis = 0`) or columns (`axis = 1`).
    fn size_formula(&self, axis: usize) -> String;

    /// The compact form for the URL.
    fn to_query(&self) -> String;

    /// Parses [`StepperSettings::to_query`]; anything malformed or out of range gives `None`.
    fn from_query(q: &str) -> Option<Self>;

    /// Changes the input size, keeping the values that still fit (new cells get [`pattern`]).
    fn set_input_size(&mut self, size: (usize, usize)) {
        self.input_mut().resize(size, pattern);
    }

    /// Sets input cell `(r, c)` to `v`, if the input is still `size` (an edit racing a resize
    /// is dropped).
    fn set_input(&mut self, size: (usize, usize), r: usize, c: usize, v: f32) {
        self.input_mut().set(size, r, c, v);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_row_major_channel_by_channel() {
        let out = Array3::<f32>::zeros((2, 2, 3));
        assert_eq!(locate(&out, 0), (0, 0, 0));
        assert_eq!(locate(&out, 4), (0, 1, 1));
        assert_eq!(locate(&out, 6), (1, 0, 0));
        assert!(inside(0, 2, (1, 3)) && !inside(-1, 0, (1, 3)) && !inside(0, 3, (1, 3)));
    }
}
