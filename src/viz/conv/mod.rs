//! The convolution stepper: its plan (what each step computes) and its settings.

pub mod plan;
pub mod settings;

pub use plan::{ConvPlan, ConvStep, Tap};
pub use settings::{ConvPreset, ConvSettings, MAX_CONV_SIDE};
