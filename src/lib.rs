//! convlab: an interactive explainer of convolutional neural networks.
//!
//! `nn` (the numeric core), `data` (MNIST and drawings), `train` (the training loop and the
//! worker protocol), `viz` (what the page shows, as plain data), `text` (every sentence in both
//! languages) and `lang` are plain Rust, tested natively; `web` is browser plumbing and
//! `components` the Leptos UI. The README's "Where things live" maps each folder to its section.

#[cfg(feature = "ui")]
pub mod components;
pub mod data;
pub mod lang;
pub mod nn;
pub mod text;
pub mod train;
pub mod viz;
pub mod web;
