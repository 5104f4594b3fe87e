//! The max-pooling stepper: its plan (what each step computes) and its settings.

pub mod plan;
pub mod settings;

pub use plan::{PoolPlan, PoolStep, PoolTap};
pub use settings::{PoolPreset, PoolSettings, MAX_POOL_SIDE};
