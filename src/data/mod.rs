//! Data: the shipped MNIST digits, their fixed train / test split, augmentation for training, and
//! turning a drawing into an MNIST-style input.

pub mod augment;
pub mod draw;
pub mod mnist;

pub use mnist::{unit_pixel, DataError, Mnist, Split, IMAGE_SIDE, MAX_PIXEL, PIXELS};
