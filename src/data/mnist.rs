//! The compact MNIST file shipped in `public/mnist-10k.bin` and its decoder.
//!
//! File layout (all of it zlib-compressed):
//!
//! ```text
//! magic    8 bytes  "CLMNIST1"
//! count    u32 LE   number of images (10,000)
//! rows     u32 LE   28
//! cols     u32 LE   28
//! labels   count × u8        (0–9)
//! pixels   count × rows × cols × u8   (row-major, 0 = background, 255 = ink)
//! ```
//!
//! The split is fixed: per digit class, the images are shuffled with a ChaCha8 generator seeded
//! with [`SPLIT_SEED`], and the class gives `round(n_class / 5)` images to the test set (largest
//! remainders first so the test set holds exactly 2,000); the rest (8,000) train. Both lists are
//! then shuffled with the same generator, so neither is ordered by class.

use crate::nn::init::rng;
use rand::seq::SliceRandom;

/// The first bytes of a decompressed file.
pub const MAGIC: &[u8; 8] = b"CLMNIST1";
/// Width and height of an image.
pub const IMAGE_SIDE: usize = 28;
/// Pixels per image.
pub const PIXELS: usize = IMAGE_SIDE * IMAGE_SIDE;
/// The brightest pixel byte (full ink).
pub const MAX_PIXEL: u8 = 255;
/// A pixel byte as the network reads it: ink from 0 to 1, as PyTorch's `ToTensor` scales it.
pub fn unit_pixel(p: u8) -> f32 {
    f32::from(p) / f32::from(MAX_PIXEL)
}

/// Seed of the train / test split.
pub const SPLIT_SEED: u64 = 20_241_128;
/// Size of the held-out test set.
pub const TEST_SIZE: usize = 2_000;
const HEADER: usize = 8 + 4 * 3;
/// Held-out digits of each class among the built-in samples.
pub const SAMPLE_ROUNDS: usize = 4;
/// The built-in sample the page starts with (a held-out 3, whose curves make busy feature maps).
pub const FIRST_SAMPLE: usize = 3;
/// The built-in samples file (see [`Mnist::built_in_samples`]).
pub const SAMPLES_FILE: &[u8] = include_bytes!("mnist-samples.bin");

/// Why a data file was refused (the text layer phrases it: `crate::text::errors`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DataError {
    /// The zlib stream is damaged or truncated.
    Compression,
    /// The file does not start with `CLMNIST1`.
    Magic,
    /// Images that are not 28×28.
    Dimensions {
        /// Rows in the header.
        rows: u32,
        /// Columns in the header.
        cols: u32,
    },
    /// The length does not match the header's count.
    Length {
        /// Bytes the header promises.
        expected: usize,
        /// Bytes present.
        got: usize,
    },
    /// A label outside 0–9.
    Label {
        /// Position of the image.
        index: usize,
        /// The label found.
        label: u8,
    },
    /// Fewer images than a split needs.
    TooFew(usize),
}

impl std::error::Error for DataError {}

/// Decoded digits: `labels[i]` belongs to `pixels[i·784 .. (i+1)·784]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mnist {
    /// One label (0–9) per image.
    pub labels: Vec<u8>,
    /// All images, 784 bytes each, row-major, 0 = background.
    pub pixels: Vec<u8>,
}

/// Indices into a [`Mnist`] for training and held-out testing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// 8,000 training images.
    pub train: Vec<usize>,
    /// 2,000 test images, never trained on.
    pub test: Vec<usize>,
}

impl Mnist {
    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there are no images.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The 784 pixels of image `i`.
    pub fn image(&self, i: usize) -> &[u8] {
        &self.pixels[i * PIXELS..(i + 1) * PIXELS]
    }

    /// The uncompressed file body (header, labels, pixels).
    pub fn to_raw(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.labels.len() + self.pixels.len());
        out.extend_from_slice(MAGIC);
        for v in [
            self.labels.len() as u32,
            IMAGE_SIDE as u32,
            IMAGE_SIDE as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.labels);
        out.extend_from_slice(&self.pixels);
        out
    }

    /// The shipped file: [`Mnist::to_raw`] compressed with zlib at the highest level.
    pub fn encode(&self) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec_zlib(&self.to_raw(), 10)
    }

    /// Decodes and validates a file made by [`Mnist::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Mnist, DataError> {
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, 64 << 20)
            .map_err(|_| DataError::Compression)?;
        Mnist::from_raw(&raw)
    }

    /// Validates an uncompressed body.
    pub fn from_raw(raw: &[u8]) -> Result<Mnist, DataError> {
        if raw.len() < HEADER || &raw[..8] != MAGIC {
            return Err(DataError::Magic);
        }
        let word = |i: usize| u32::from_le_bytes([raw[i], raw[i + 1], raw[i + 2], raw[i + 3]]);
        let (count, rows, cols) = (word(8) as usize, word(12), word(16));
        if rows as usize != IMAGE_SIDE || cols as usize != IMAGE_SIDE {
            return Err(DataError::Dimensions { rows, cols });
        }
        // Checked: a damaged header can claim billions of images, which would overflow.
        let expected = count
            .checked_mul(1 + PIXELS)
            .and_then(|n| n.checked_add(HEADER))
            .unwrap_or(usize::MAX);
        if raw.len() != expected {
            return Err(DataError::Length {
                expected,
                got: raw.len(),
            });
        }
        let labels = raw[HEADER..HEADER + count].to_vec();
        if let Some((index, &label)) = labels.iter().enumerate().find(|(_, &l)| l > 9) {
            return Err(DataError::Label { index, label });
        }
        Ok(Mnist {
            labels,
            pixels: raw[HEADER + count..].to_vec(),
        })
    }

    /// How many images of each digit.
    pub fn histogram(&self, indices: impl IntoIterator<Item = usize>) -> [usize; 10] {
        let mut h = [0; 10];
        for i in indices {
            h[self.labels[i] as usize] += 1;
        }
        h
    }

    /// The digits shown before any is asked for (the page's first screen, the Draw section's
    /// sample): [`SAMPLE_ROUNDS`] held-out digits of each class, in rounds of 0–9, so sample
    /// `r·10 + d` is a `d`. Held out, so the pretrained model has never trained on them.
    pub fn samples(&self) -> Result<Mnist, DataError> {
        let split = self.split()?;
        let mut picked = Vec::with_capacity(SAMPLE_ROUNDS * 10);
        for round in 0..SAMPLE_ROUNDS {
            for digit in 0..10u8 {
                let i = split
                    .test
                    .iter()
                    .filter(|&&i| self.labels[i] == digit)
                    .nth(round)
                    .ok_or(DataError::TooFew(self.len()))?;
                picked.push(*i);
            }
        }
        Ok(Mnist {
            labels: picked.iter().map(|&i| self.labels[i]).collect(),
            pixels: picked
                .iter()
                .flat_map(|&i| self.image(i))
                .copied()
                .collect(),
        })
    }

    /// The samples of [`Mnist::samples`] as built into the page (`src/data/mnist-samples.bin`,
    /// made by `mnist_pack --samples`), so the first screen needs no data file.
    pub fn built_in_samples() -> Mnist {
        // The file is checked by a native test against the shipped digits; a damaged build
        // would show no sample rather than fail.
        Mnist::decode(SAMPLES_FILE).unwrap_or(Mnist {
            labels: Vec::new(),
            pixels: Vec::new(),
        })
    }

    /// The fixed stratified split described in the module documentation.
    pub fn split(&self) -> Result<Split, DataError> {
        let n = self.len();
        if n <= TEST_SIZE {
            return Err(DataError::TooFew(n));
        }
        let mut r = rng(SPLIT_SEED);
        let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); 10];
        for (i, &l) in self.labels.iter().enumerate() {
            by_class[l as usize].push(i);
        }
        // Largest-remainder apportionment of TEST_SIZE over the classes.
        let quota: Vec<(usize, usize)> = by_class
            .iter()
            .map(|c| (c.len() * TEST_SIZE / n, c.len() * TEST_SIZE % n))
            .collect();
        let mut take: Vec<usize> = quota.iter().map(|q| q.0).collect();
        let mut order: Vec<usize> = (0..10).collect();
        order.sort_by(|&a, &b| quota[b].1.cmp(&quota[a].1).then(a.cmp(&b)));
        let short = TEST_SIZE - take.iter().sum::<usize>();
        for &c in order.iter().take(short) {
            take[c] += 1;
        }
        let (mut train, mut test) = (Vec::new(), Vec::new());
        for (class, members) in by_class.iter_mut().enumerate() {
            members.shuffle(&mut r);
            test.extend_from_slice(&members[..take[class]]);
            train.extend_from_slice(&members[take[class]..]);
        }
        train.shuffle(&mut r);
        test.shuffle(&mut r);
        Ok(Split { train, test })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(count: usize) -> Mnist {
        Mnist {
            labels: (0..count).map(|i| (i % 10) as u8).collect(),
            pixels: (0..count * PIXELS).map(|i| (i % 251) as u8).collect(),
        }
    }

    #[test]
    fn round_trips() {
        let m = tiny(30);
        assert_eq!(Mnist::decode(&m.encode()).unwrap(), m);
    }

    #[test]
    fn refuses_damage() {
        let m = tiny(30);
        let enc = m.encode();
        assert_eq!(
            Mnist::decode(&enc[..enc.len() / 2]),
            Err(DataError::Compression)
        );
        let mut raw = m.to_raw();
        raw.pop();
        assert!(matches!(
            Mnist::from_raw(&raw),
            Err(DataError::Length { .. })
        ));
        let mut raw = m.to_raw();
        raw[0] = b'X';
        assert_eq!(Mnist::from_raw(&raw), Err(DataError::Magic));
        let mut raw = m.to_raw();
        raw[HEADER + 3] = 12;
        assert_eq!(
            Mnist::from_raw(&raw),
            Err(DataError::Label {
                index: 3,
                label: 12
            })
        );
        let mut raw = m.to_raw();
        raw[12] = 27;
        assert!(matches!(
            Mnist::from_raw(&raw),
            Err(DataError::Dimensions { rows: 27, .. })
        ));
    }
}
