//! Pure logic behind what the page shows: which cells a stepper's step covers and the products it
//! sums (`conv/`, `pool/`, `channels`, shared rules in `stepper`), the architecture editor's model
//! and its code, feature-map layouts, pictures, colour scales, the training charts' axes and
//! number formatting. No DOM; the numbers come from the `nn` layers themselves.

pub mod axes;
pub mod channels;
pub mod code;
pub mod colour;
pub mod conv;
pub mod field;
pub mod format;
pub mod grid;
pub mod kernels;
pub mod maps;
pub mod overview;
pub mod picture;
pub mod pool;
pub mod stepper;
pub mod tiles;

pub use conv::{ConvPlan, ConvStep, Tap};
pub use format::{fmt_bytes, fmt_num, fmt_term};
pub use picture::Picture;
pub use pool::{PoolPlan, PoolStep, PoolTap};
pub use stepper::{KerasGap, Preset, Steppable, StepperSettings};
