//! Pure logic behind the step-by-step animations: which cells step k covers, the products it
//! sums, number formatting. No DOM; the numbers come from the `nn` layers themselves.

pub mod arch;
pub mod code;
pub mod colour;
pub mod conv_plan;
pub mod format;
pub mod pool_plan;
pub mod settings;
pub mod tiles;

pub use conv_plan::{ConvPlan, ConvStep, Tap};
pub use format::{fmt_num, fmt_term};
pub use pool_plan::{PoolPlan, PoolStep, PoolTap};
