//! Data: the shipped MNIST digits, their fixed train / test split, augmentation for training, and
//! turning a drawing into an MNIST-style input.

pub mod augment;
pub mod draw;
pub mod mnist;

pub use mnist::{
    unit_pixel, DataError, Mnist, Split, FIRST_SAMPLE, IMAGE_SIDE, MAX_PIXEL, PIXELS, SAMPLE_ROUNDS,
};
