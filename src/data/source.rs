//! Which set trains and tests: its kind (what the images are, so every place that names a class
//! uses the right names) and its counts. The page's `data-source` line and class names are
//! phrased by the text layer (`crate::text::idx`).

use super::idx::IdxSet;
use super::mnist::TEST_SIZE;

/// Images in the digits shipped with the page (`public/mnist-10k.bin`; `tests/mnist_data.rs`
/// checks it): 8,000 train and 2,000 are held out.
pub const SHIPPED_IMAGES: usize = 10_000;

/// Number of classes: every kind has ten, as MNIST's layout does.
pub const CLASSES: usize = 10;

/// What the images are, as the learner says (the files cannot tell digits from clothing).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DataKind {
    /// Handwritten digits (MNIST): class `k` is the digit `k`.
    #[default]
    Digits,
    /// Zalando's Fashion-MNIST: T-shirt/top, Trouser, …, Ankle boot.
    Fashion,
    /// Anything else, with the learner's ten class names (an empty name falls back to
    /// "Class k" in the page's language).
    Other {
        /// Class `k`'s name, as typed; the same in both languages. Boxed: the other kinds
        /// carry nothing.
        names: Box<[String; CLASSES]>,
    },
}

impl DataKind {
    /// Something else, its classes not named yet.
    pub fn other() -> DataKind {
        DataKind::Other {
            names: Default::default(),
        }
    }
}

/// The set in use: its kind and how many images train and how many are held out.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DataSource {
    /// What the images are.
    pub kind: DataKind,
    /// Training images.
    pub train: usize,
    /// Held-out test images.
    pub test: usize,
}

impl DataSource {
    /// The digits shipped with the page: 10,000 MNIST digits split 8,000 / 2,000.
    pub fn shipped(total: usize) -> DataSource {
        DataSource {
            kind: DataKind::Digits,
            train: total.saturating_sub(TEST_SIZE),
            test: TEST_SIZE.min(total),
        }
    }

    /// An imported set of the kind the learner named.
    pub fn imported(kind: DataKind, set: &IdxSet) -> DataSource {
        let (train, test) = set.counts();
        DataSource { kind, train, test }
    }
}
