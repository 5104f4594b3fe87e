//! Data: the shipped MNIST digits and their fixed train / test split.

pub mod mnist;

pub use mnist::{DataError, Mnist, Split, IMAGE_SIDE, PIXELS};
