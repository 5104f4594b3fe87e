//! The learner's own digits ("Your digits" in the Draw section): drawings they labelled, each
//! kept as the 28×28 input the model reads (the Draw section's prepared input as bytes,
//! `round(255·v)`, the form of MNIST's own pixels) with its label. Here are the rules:
//!
//! 1. Every [`HOLD_BACK_EVERY`]th digit labelled (the 5th, 10th, …, counted by the number each
//!    digit gets when labelled, [`MyDigit::seq`]) is held back: never taught, only used to
//!    check the model. The number is stored with the digit, so deleting others never moves a
//!    digit between the two groups.
//! 2. Teaching needs at least [`MIN_TAUGHT`] digits to learn from and one held back
//!    ([`more_needed`] says how many more to label).
//! 3. A digit is stored as one record: its 784 pixel bytes, and its facts as JSON
//!    (`{"v":1,"seq":12,"label":7}`), under a key that sorts by when it was made.
//! 4. Exported, they are the two IDX files MNIST comes in, gzip-compressed ([`export`]).

use super::idx::gzip;
use super::mnist::{Mnist, MAX_PIXEL, PIXELS};
use serde::{Deserialize, Serialize};

/// Every this many digits labelled, one is held back for checking.
pub const HOLD_BACK_EVERY: u32 = 5;

/// The fewest of your digits a teaching run learns from.
pub const MIN_TAUGHT: usize = 4;

/// The version of the stored record's facts.
pub const RECORD_VERSION: u32 = 1;

/// The exported images file's name (the official files' naming).
pub const EXPORT_IMAGES: &str = "mydigits-images-idx3-ubyte.gz";

/// The exported labels file's name.
pub const EXPORT_LABELS: &str = "mydigits-labels-idx1-ubyte.gz";

/// One labelled drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyDigit {
    /// Its storage key ([`digit_key`]).
    pub key: String,
    /// Its number, from 1, in the order digits were labelled ([`next_seq`]).
    pub seq: u32,
    /// What the learner said it is, 0–9.
    pub label: u8,
    /// The 28×28 input, row-major bytes, 0 = background.
    pub pixels: Vec<u8>,
}

/// The facts stored beside a digit's pixels.
#[derive(Serialize, Deserialize)]
struct Facts {
    v: u32,
    seq: u32,
    label: u8,
}

/// Why a stored record is not a digit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The facts are not the JSON a digit is stored with.
    Facts,
    /// Facts of a later version of the page.
    Version(u32),
    /// A label outside 0–9.
    Label(u8),
    /// Not 784 pixel bytes.
    Length(usize),
}

/// What went wrong with the learner's digits in the browser; the `String`s are the browser's
/// reason (e.g. `QuotaExceededError`). Nothing changed on the page when one happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigitsProblem {
    /// A labelled drawing was not stored (so it was not added).
    Save(String),
    /// The stored digits could not be read.
    Load(String),
    /// A digit was not deleted (so it stays).
    Delete(String),
    /// This many stored records were not digits ([`RecordError`]) and were removed.
    Unreadable(usize),
    /// A file could not be offered for download.
    Download(String),
}

/// An ink value in [0, 1] as a pixel byte, as MNIST's pixels are: `round(255·v)`.
pub fn pixel(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * f32::from(MAX_PIXEL)).round() as u8
}

/// A storage key made at `created_ms` (ms since 1970) with `salt` in [0, 1] (so two tabs never
/// make the same one): keys sort by time.
pub fn digit_key(created_ms: f64, salt: f64) -> String {
    let ms = created_ms.max(0.0) as u64;
    let salt = (salt.clamp(0.0, 1.0) * 1e6) as u64;
    format!("digit-{ms:015}-{salt:06}")
}

/// The number the next digit labelled gets: one more than the largest kept.
pub fn next_seq(digits: &[MyDigit]) -> u32 {
    digits.iter().map(|d| d.seq).max().unwrap_or(0) + 1
}

/// Whether the digit numbered `seq` is held back (rule 1).
pub fn held_back(seq: u32) -> bool {
    seq.is_multiple_of(HOLD_BACK_EVERY)
}

impl MyDigit {
    /// The drawing `input` (28×28 values in [0, 1], the prepared input) labelled `label`,
    /// numbered `seq`, stored under `key`; `None` for a label past 9 or an input of another size.
    pub fn new(key: String, seq: u32, label: u8, input: &[f32]) -> Option<MyDigit> {
        (label <= 9 && input.len() == PIXELS).then(|| MyDigit {
            key,
            seq,
            label,
            pixels: input.iter().map(|&v| pixel(v)).collect(),
        })
    }

    /// Whether it is held back for checking (rule 1).
    pub fn held_back(&self) -> bool {
        held_back(self.seq)
    }

    /// The facts stored beside the pixels, as JSON.
    pub fn facts(&self) -> String {
        serde_json::to_string(&Facts {
            v: RECORD_VERSION,
            seq: self.seq,
            label: self.label,
        })
        .unwrap_or_default()
    }

    /// The digit a stored record holds: `bytes` its pixels, `facts` its [`MyDigit::facts`].
    pub fn from_record(key: &str, bytes: &[u8], facts: &str) -> Result<MyDigit, RecordError> {
        let f: Facts = serde_json::from_str(facts).map_err(|_| RecordError::Facts)?;
        if f.v > RECORD_VERSION {
            return Err(RecordError::Version(f.v));
        }
        if f.label > 9 {
            return Err(RecordError::Label(f.label));
        }
        if bytes.len() != PIXELS {
            return Err(RecordError::Length(bytes.len()));
        }
        Ok(MyDigit {
            key: key.to_string(),
            seq: f.seq,
            label: f.label,
            pixels: bytes.to_vec(),
        })
    }
}

/// The digits in the order they were labelled (by number, then key).
pub fn in_order(mut digits: Vec<MyDigit>) -> Vec<MyDigit> {
    digits.sort_by(|a, b| a.seq.cmp(&b.seq).then_with(|| a.key.cmp(&b.key)));
    digits
}

/// Digits as a set of images, in the order given.
pub fn to_mnist<'a>(digits: impl IntoIterator<Item = &'a MyDigit>) -> Mnist {
    let mut set = Mnist {
        labels: Vec::new(),
        pixels: Vec::new(),
    };
    for d in digits {
        set.labels.push(d.label);
        set.pixels.extend_from_slice(&d.pixels);
    }
    set
}

/// The digits a teaching run learns from, and those held back to check it (rule 1).
pub fn split(digits: &[MyDigit]) -> (Mnist, Mnist) {
    let taught = to_mnist(digits.iter().filter(|d| !d.held_back()));
    let held = to_mnist(digits.iter().filter(|d| d.held_back()));
    (taught, held)
}

/// How many more drawings the learner must label before teaching (rule 2): 0 when there are
/// enough. Digits labelled from now on get the numbers after [`next_seq`].
pub fn more_needed(digits: &[MyDigit]) -> usize {
    let mut held = digits.iter().filter(|d| d.held_back()).count();
    let mut taught = digits.len() - held;
    let mut seq = next_seq(digits);
    let mut more = 0;
    while taught < MIN_TAUGHT || held == 0 {
        if held_back(seq) {
            held += 1;
        } else {
            taught += 1;
        }
        seq += 1;
        more += 1;
    }
    more
}

/// The two exported files, gzip-compressed IDX: `(images, labels)`.
pub fn export(digits: &[MyDigit]) -> (Vec<u8>, Vec<u8>) {
    let set = to_mnist(digits);
    (gzip(&set.to_idx_images()), gzip(&set.to_idx_labels()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::idx::{read_file, read_set, IdxFile};

    fn digit(seq: u32, label: u8) -> MyDigit {
        let input: Vec<f32> = (0..PIXELS).map(|i| (i % 7) as f32 / 6.0).collect();
        MyDigit::new(
            digit_key(1_700_000_000_000.0 + seq as f64, 0.5),
            seq,
            label,
            &input,
        )
        .unwrap()
    }

    fn numbered(n: u32) -> Vec<MyDigit> {
        (1..=n).map(|s| digit(s, (s % 10) as u8)).collect()
    }

    #[test]
    fn every_fifth_digit_labelled_is_held_back_and_stays_so_after_deletions() {
        let mut all = numbered(12);
        let held: Vec<u32> = all
            .iter()
            .filter(|d| d.held_back())
            .map(|d| d.seq)
            .collect();
        assert_eq!(held, vec![5, 10]);
        let (taught, checked) = split(&all);
        assert_eq!((taught.len(), checked.len()), (10, 2));
        assert_eq!(checked.labels, vec![5, 0]);
        // Deleting the 2nd and 3rd moves no digit between the groups.
        all.retain(|d| d.seq != 2 && d.seq != 3);
        let held: Vec<u32> = all
            .iter()
            .filter(|d| d.held_back())
            .map(|d| d.seq)
            .collect();
        assert_eq!(held, vec![5, 10]);
        assert_eq!(next_seq(&all), 13);
        // Numbers follow the largest kept: deleting the newest gives its number again.
        all.retain(|d| d.seq != 12);
        assert_eq!(next_seq(&all), 12);
        assert_eq!(next_seq(&[]), 1);
    }

    #[test]
    fn teaching_needs_four_to_learn_from_and_one_held_back() {
        assert_eq!(more_needed(&[]), 5);
        assert_eq!(more_needed(&numbered(4)), 1);
        assert_eq!(more_needed(&numbered(5)), 0);
        assert_eq!(more_needed(&numbered(30)), 0);
        // The held-back one deleted, the newest: the next labelled takes its number.
        let mut d = numbered(5);
        d.retain(|d| d.seq != 5);
        assert_eq!(more_needed(&d), 1);
        // Deleted with a later one kept: the next held back is the 10th, four labels on.
        let mut d = numbered(6);
        d.retain(|d| d.seq != 5);
        assert_eq!(more_needed(&d), 4);
        // One to learn from deleted: the 6th labelled makes four again.
        let mut d = numbered(5);
        d.retain(|d| d.seq != 1);
        assert_eq!(more_needed(&d), 1);
        // Only held-back ones (the rest deleted): four more to learn from.
        let d: Vec<MyDigit> = numbered(10).into_iter().filter(|d| d.held_back()).collect();
        assert_eq!(more_needed(&d), 4);
    }

    #[test]
    fn a_record_round_trips_and_damaged_ones_are_refused() {
        let d = digit(7, 3);
        assert_eq!(d.facts(), r#"{"v":1,"seq":7,"label":3}"#);
        assert_eq!(
            MyDigit::from_record(&d.key, &d.pixels, &d.facts()),
            Ok(d.clone())
        );
        assert_eq!(
            MyDigit::from_record(&d.key, &d.pixels[1..], &d.facts()),
            Err(RecordError::Length(PIXELS - 1))
        );
        assert_eq!(
            MyDigit::from_record(&d.key, &d.pixels, "not json"),
            Err(RecordError::Facts)
        );
        assert_eq!(
            MyDigit::from_record(&d.key, &d.pixels, r#"{"v":1,"seq":7,"label":12}"#),
            Err(RecordError::Label(12))
        );
        assert_eq!(
            MyDigit::from_record(&d.key, &d.pixels, r#"{"v":2,"seq":7,"label":1}"#),
            Err(RecordError::Version(2))
        );
        // A label past 9 or an input of another size is no digit.
        assert!(MyDigit::new("k".into(), 1, 10, &[0.0; PIXELS]).is_none());
        assert!(MyDigit::new("k".into(), 1, 1, &[0.0; 10]).is_none());
    }

    #[test]
    fn pixels_are_the_prepared_input_as_mnist_bytes() {
        assert_eq!(
            [0.0, 0.5, 1.0, -0.2, 1.7, 0.002, 0.998].map(pixel),
            [0, 128, 255, 0, 255, 1, 254]
        );
        let d = digit(1, 1);
        assert_eq!(d.pixels.len(), PIXELS);
        assert_eq!(&d.pixels[..7], &[0, 43, 85, 128, 170, 213, 255]);
    }

    #[test]
    fn keys_sort_by_time_and_the_list_by_number() {
        let (a, b) = (digit_key(5.0, 0.9), digit_key(40.0, 0.1));
        assert!(a < b, "{a} < {b}");
        assert_eq!(a, "digit-000000000000005-900000");
        let d = in_order(vec![digit(3, 1), digit(1, 2), digit(2, 3)]);
        assert_eq!(d.iter().map(|d| d.seq).collect::<Vec<_>>(), vec![1, 2, 3]);
    }

    #[test]
    fn the_export_is_two_gzip_idx_files_that_read_back() {
        let d = numbered(3);
        let (images, labels) = export(&d);
        // gzip magic, then the IDX headers once inflated.
        assert_eq!(
            (&images[..2], &labels[..2]),
            (&[0x1f, 0x8b][..], &[0x1f, 0x8b][..])
        );
        let raw = crate::data::idx::gunzip(&images, 1 << 20).unwrap();
        assert_eq!(
            &raw[..16],
            &[0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 28, 0, 0, 0, 28]
        );
        assert_eq!(raw.len(), 16 + 3 * PIXELS);
        assert_eq!(&raw[16..16 + PIXELS], &d[0].pixels[..]);
        let raw = crate::data::idx::gunzip(&labels, 1 << 20).unwrap();
        assert_eq!(raw, vec![0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3]);
        // The IDX reader takes them: magic 2051 and 2049, three images and their labels.
        match read_file(&images).unwrap() {
            IdxFile::Images { count, pixels } => {
                assert_eq!(count, 3);
                assert_eq!(pixels, to_mnist(&d).pixels);
            }
            other => panic!("{other:?}"),
        }
        match read_file(&labels).unwrap() {
            IdxFile::Labels(l) => assert_eq!(l, vec![1, 2, 3]),
            other => panic!("{other:?}"),
        }
        // As a set (training and test pairs alike), they read back as the same digits.
        let set = read_set(&[
            ("train-images", &images),
            ("train-labels", &labels),
            ("t10k-images", &images),
            ("t10k-labels", &labels),
        ])
        .unwrap();
        assert_eq!(set.counts(), (3, 3));
    }
}
