//! convlab: an interactive explainer of convolutional neural networks.
//!
//! `nn` (the numeric core), `data` (MNIST and drawings), `train` (the training loop and the
//! worker protocol), `viz` (what the page shows, as plain data), `text` (every sentence in both
//! languages) and `lang` are plain Rust, tested natively; `web` is browser plumbing. They live
//! in the `convlab-core` crate (root `src/core.rs`), compiled for speed, and are re-exported
//! here; `components`, the Leptos UI, is this crate's own, compiled for size in the page's build.
//! The README's "Where things live" maps each folder to its section.

#[cfg(feature = "ui")]
pub mod components;
pub use convlab_core::{data, lang, nn, text, train, viz, web};
