//! Data: the shipped MNIST digits, their fixed train / test split, the official IDX files and
//! what kind of images a set holds, which set the page trains on (`choice`), augmentation for
//! training, turning a drawing into an MNIST-style input, and the learner's own labelled
//! drawings (`mydigits`).

pub mod augment;
pub mod choice;
pub mod draw;
pub mod idx;
pub mod mnist;
pub mod mydigits;
pub mod redraw;
pub mod set;
pub mod source;
pub mod strokes;

pub use mnist::{
    unit_pixel, DataError, Mnist, Split, FIRST_SAMPLE, IMAGE_SIDE, MAX_PIXEL, PIXELS, SAMPLE_ROUNDS,
};
pub use set::{DataSet, Layout};
pub use source::{DataKind, DataSource, CLASSES, SHIPPED_IMAGES};
