//! Data: the shipped MNIST digits, their fixed train / test split, the official IDX files and
//! what kind of images a set holds, which set the page trains on (`choice`), augmentation for
//! training, and turning a drawing into an MNIST-style input.

pub mod augment;
pub mod choice;
pub mod draw;
pub mod idx;
pub mod mnist;
pub mod set;
pub mod source;

pub use mnist::{
    unit_pixel, DataError, Mnist, Split, FIRST_SAMPLE, IMAGE_SIDE, MAX_PIXEL, PIXELS, SAMPLE_ROUNDS,
};
pub use set::{DataSet, Layout};
pub use source::{DataKind, DataSource, CLASSES, SHIPPED_IMAGES};
