//! convlab: an interactive explainer of convolutional neural networks.
//!
//! `nn`, `data` and `lang` are plain Rust (tested natively); `components` is the Leptos UI.

#[cfg(feature = "ui")]
pub mod components;
pub mod data;
pub mod lang;
pub mod nn;
pub mod train;
pub mod viz;
pub mod web;
