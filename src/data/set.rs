//! A set of images with the rule that says which of them train and which are held out. The
//! worker trains on one; the page holds the same one (its mistakes gallery names images by
//! their index), so both build it from the same bytes and the same [`Layout`].

use super::idx::IdxSet;
use super::mnist::{DataError, Mnist, Split};
use std::sync::Arc;

/// Which images of a set train and which are held out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Layout {
    /// The digits shipped with the page: the fixed stratified 8,000 / 2,000 split
    /// ([`Mnist::split`]).
    Shipped,
    /// Imported files: the first `train` images train, the rest are the test set (the
    /// official 60,000 then the official 10,000).
    TrainFirst {
        /// How many images, from the first, train.
        train: usize,
    },
}

/// Images and their split, ready to train on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataSet {
    /// Every image of the set, training ones and held-out ones; shared, so the page hands the
    /// worker link the same bytes its gallery reads (tens of megabytes are never copied to
    /// share them).
    pub images: Arc<Mnist>,
    /// Which train and which are held out.
    pub split: Split,
    /// The rule the split follows (what the page sends the worker to build the same set).
    pub layout: Layout,
}

impl DataSet {
    /// Splits `images` as `layout` says; a set with no training or no test image is refused.
    pub fn new(images: impl Into<Arc<Mnist>>, layout: Layout) -> Result<DataSet, DataError> {
        let images = images.into();
        let split = match layout {
            Layout::Shipped => images.split()?,
            Layout::TrainFirst { train } => {
                if train == 0 || train >= images.len() {
                    return Err(DataError::TooFew(images.len().min(train)));
                }
                Split {
                    train: (0..train).collect(),
                    test: (train..images.len()).collect(),
                }
            }
        };
        Ok(DataSet {
            images,
            split,
            layout,
        })
    }

    /// The set read from IDX files: its training images, then its test images.
    pub fn from_idx(set: IdxSet) -> Result<DataSet, DataError> {
        let IdxSet { mut train, test } = set;
        let layout = Layout::TrainFirst { train: train.len() };
        train.labels.extend_from_slice(&test.labels);
        train.pixels.extend_from_slice(&test.pixels);
        DataSet::new(train, layout)
    }

    /// Training and test images.
    pub fn counts(&self) -> (usize, usize) {
        (self.split.train.len(), self.split.test.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::PIXELS;

    fn numbered(count: usize) -> Mnist {
        Mnist {
            labels: (0..count).map(|i| (i % 10) as u8).collect(),
            pixels: (0..count * PIXELS).map(|i| (i / PIXELS) as u8).collect(),
        }
    }

    #[test]
    fn imported_files_train_on_their_training_images_and_test_on_their_test_images() {
        let set = IdxSet {
            train: numbered(30),
            test: Mnist {
                labels: vec![7; 5],
                pixels: vec![200; 5 * PIXELS],
            },
        };
        let d = DataSet::from_idx(set).unwrap();
        assert_eq!(d.counts(), (30, 5));
        assert_eq!(d.layout, Layout::TrainFirst { train: 30 });
        assert!(d
            .split
            .test
            .iter()
            .all(|&i| d.images.labels[i] == 7 && d.images.image(i)[0] == 200));
        assert!(d
            .split
            .train
            .iter()
            .all(|&i| d.images.image(i)[0] == i as u8));
    }

    #[test]
    fn a_split_with_nothing_to_train_or_nothing_to_test_is_refused() {
        assert!(DataSet::new(numbered(10), Layout::TrainFirst { train: 10 }).is_err());
        assert!(DataSet::new(numbered(10), Layout::TrainFirst { train: 0 }).is_err());
        assert!(DataSet::new(numbered(10), Layout::Shipped).is_err());
        assert_eq!(
            DataSet::new(numbered(2_100), Layout::Shipped)
                .unwrap()
                .counts(),
            (100, 2_000)
        );
    }
}
