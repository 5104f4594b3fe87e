//! convlab's core, shared by the page and the training worker: `nn` (the numeric core), `data`
//! (MNIST and drawings), `train` (the training loop and the worker protocol), `viz` (what the
//! page shows, as plain data), `text` (every sentence in both languages) and `lang` are plain
//! Rust, tested natively; `web` is the browser plumbing both threads use. The page's Leptos UI
//! (`components`) is the `convlab` crate, which re-exports all of these.

pub mod data;
pub mod lang;
pub mod nn;
pub mod text;
pub mod train;
pub mod viz;
pub mod web;
