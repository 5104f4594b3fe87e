//! The official MNIST files (and Fashion-MNIST, which has the same layout): the IDX format,
//! raw or gzip, read into a training set and a held-out set of [`Mnist`] bytes.
//!
//! An IDX file (LeCun et al., <http://yann.lecun.com/exdb/mnist/>) is:
//!
//! ```text
//! magic    4 bytes   0x00 0x00, a type byte (0x08 = unsigned byte), the number of dimensions
//! sizes    dims × u32 big-endian
//! data     the values, row-major, last dimension fastest
//! ```
//!
//! MNIST's images files have magic `0x00000803` = 2051 (count, rows, cols), its labels files
//! `0x00000801` = 2049 (count). A set is read in four steps, each refusing with an [`IdxError`]
//! before anything is kept:
//! 1. at most [`MAX_FILES`] files, each at most [`MAX_FILE_BYTES`] as given;
//! 2. a file starting `1f 8b` is gzip (RFC 1952): inflated to at most [`MAX_FILE_BYTES`] (a gzip
//!    bomb stops at the cap, never allocated past it), then its CRC-32 and length are checked;
//! 3. each file is recognised by its content, never its name: images or labels, 28×28, its
//!    length exactly what its header says, labels 0–9, a labels file at most
//!    [`MAX_LABELS_BYTES`];
//! 4. two images files and two labels files pair by count: the larger pair trains, the smaller
//!    is held out. Equal counts take the hint of a name holding `t10k` or `test`, else the set is
//!    refused. Both pairs are required: the official test set is the held-out set.
//!
//! Steps 2 and 3 can also be taken a piece at a time ([`FileSteps`], [`Gunzip`]), so a page
//! reading 47 MB gives the browser turns in between.
//!
//! Images stay bytes (784 per image, 47 MB for 60,000), as [`Mnist`] keeps them.

use super::mnist::{Mnist, IMAGE_SIDE, PIXELS};

/// Magic number of an images file: unsigned bytes, three dimensions (count, rows, cols).
pub const IMAGES_MAGIC: u32 = 0x0000_0803;
/// Magic number of a labels file: unsigned bytes, one dimension (count).
pub const LABELS_MAGIC: u32 = 0x0000_0801;
/// The IDX type byte of unsigned bytes, the only type MNIST uses.
pub const TYPE_U8: u8 = 0x08;
/// Header of an images file: magic, count, rows, cols.
pub const IMAGES_HEADER: usize = 16;
/// Header of a labels file: magic, count.
pub const LABELS_HEADER: usize = 8;

/// The most bytes one file may hold, as given and once inflated: 64 MiB. The official training
/// images (MNIST and Fashion-MNIST alike) are 60,000 × 784 + 16 = 47,040,016 bytes, so this
/// admits them with a third to spare (up to 85,598 images) and keeps a browser tab's memory
/// bounded: four files at the cap, raw and kept, stay under half a gigabyte.
pub const MAX_FILE_BYTES: usize = 64 << 20;
/// The most bytes a labels file may hold: 1 MiB. The official training labels are
/// 60,000 + 8 = 60,008 bytes; a labels file matching an images file at the cap has 85,606.
pub const MAX_LABELS_BYTES: usize = 1 << 20;
/// A set is four files: training images and labels, test images and labels.
pub const MAX_FILES: usize = 4;
/// Name fragments (lowercase) that mark the test pair when both pairs hold as many images.
pub const TEST_HINTS: [&str; 2] = ["t10k", "test"];

/// What is wrong with one file (the text layer phrases it: `crate::text::idx`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FileProblem {
    /// The file is over a size cap; `size` and `cap` in bytes.
    TooLarge {
        /// Bytes in the file.
        size: usize,
        /// The cap it passes ([`MAX_FILE_BYTES`] or [`MAX_LABELS_BYTES`]).
        cap: usize,
    },
    /// A gzip file that does not inflate, or whose CRC-32 or length disagrees.
    Gzip,
    /// A gzip file that inflates past `cap` bytes (stopped there).
    GzipTooLarge {
        /// [`MAX_FILE_BYTES`].
        cap: usize,
    },
    /// Not an IDX file at all (too short for a magic number, or not starting with two zeros and
    /// a known type byte).
    NotIdx,
    /// An IDX file of another shape than images or labels; `found` is its magic number.
    Magic {
        /// The first four bytes, big-endian.
        found: u32,
    },
    /// An IDX file of values other than unsigned bytes; `found` is the type byte.
    WrongType {
        /// The type byte (0x09 signed bytes, 0x0B i16, 0x0C i32, 0x0D f32, 0x0E f64).
        found: u8,
    },
    /// Shorter than its header says (or than a header).
    Truncated {
        /// Bytes the header promises (at least).
        expected: u64,
        /// Bytes present.
        got: usize,
    },
    /// Longer than its header says.
    TooLong {
        /// Bytes the header promises.
        expected: u64,
        /// Bytes present.
        got: usize,
    },
    /// Images that are not 28×28.
    NotSquare28 {
        /// Rows in the header.
        rows: u32,
        /// Columns in the header.
        cols: u32,
    },
    /// A header that counts no images or labels.
    Empty,
    /// A label outside 0–9.
    Label {
        /// Position in the file, from 0.
        index: usize,
        /// The label found.
        label: u8,
    },
}

/// Why a set of files was refused: one file's problem, or how the files fit together. Names
/// are the files' names as given, used only in sentences.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum IdxError {
    /// One file is unusable.
    File {
        /// The file's name.
        name: String,
        /// What is wrong with it.
        problem: FileProblem,
    },
    /// More than [`MAX_FILES`] files, refused before any is read.
    TooManyFiles {
        /// Files given.
        count: usize,
    },
    /// Not two images files and two labels files.
    Parts {
        /// Images files among those given.
        images: usize,
        /// Labels files among those given.
        labels: usize,
    },
    /// An images file and the labels file it pairs with hold different counts.
    CountMismatch {
        /// The images file's name.
        images: String,
        /// Its images.
        image_count: usize,
        /// The labels file's name.
        labels: String,
        /// Its labels.
        label_count: usize,
    },
    /// Both pairs hold `count` images and the names do not say which is the test pair.
    Ambiguous {
        /// Images in each pair.
        count: usize,
    },
}

impl std::error::Error for IdxError {}

/// One file's content, recognised by its magic number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdxFile {
    /// An images file: `pixels` holds `count` × 784 bytes.
    Images {
        /// Number of images.
        count: usize,
        /// Row-major bytes, 784 per image.
        pixels: Vec<u8>,
    },
    /// A labels file: one label (0–9) per image.
    Labels(Vec<u8>),
}

/// A set read from IDX files: the training images and the held-out test images.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdxSet {
    /// The larger pair (the official 60,000).
    pub train: Mnist,
    /// The held-out pair (the official 10,000), never trained on.
    pub test: Mnist,
}

impl IdxSet {
    /// `(training images, test images)`.
    pub fn counts(&self) -> (usize, usize) {
        (self.train.len(), self.test.len())
    }
}

// ---------------------------------------------------------------------------------------------
// CRC-32 and gzip (RFC 1952)

/// The CRC-32 table of the reflected polynomial 0xEDB88320 (gzip's, zlib's, PNG's). Tables are
/// statics built from consts: indexing a const array in a debug build copies all of it each
/// time, which made the tests' CRC of 47 MB take over a minute.
static CRC_TABLE: [u32; 256] = CRC_INIT;

const CRC_INIT: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// CRC-32 of `bytes` as gzip's trailer holds it (`crc32(b"123456789") = 0xCBF43926`).
pub fn crc32(bytes: &[u8]) -> u32 {
    !crc32_running(!0, bytes)
}

/// [`CRC_TABLE`] extended for eight bytes at a time ("slicing by 8"): `SLICES[k][b]` is the
/// register's change from byte `b` followed by `k` zero bytes.
static SLICES: [[u32; 256]; 8] = {
    let mut t = [[0u32; 256]; 8];
    t[0] = CRC_INIT;
    let mut k = 1;
    while k < 8 {
        let mut n = 0;
        while n < 256 {
            let c = t[k - 1][n];
            t[k][n] = CRC_INIT[(c & 0xFF) as usize] ^ (c >> 8);
            n += 1;
        }
        k += 1;
    }
    t
};

/// The CRC's register after `bytes`, from the register `c` (`!0` at the start; the CRC is its
/// complement at the end), so a file's CRC can be taken a piece at a time. Eight bytes per
/// step, as zlib does: byte by byte, 47 MB took longer than inflating them.
fn crc32_running(mut c: u32, bytes: &[u8]) -> u32 {
    let mut chunks = bytes.chunks_exact(8);
    for w in &mut chunks {
        let lo = c ^ u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        let hi = u32::from_le_bytes([w[4], w[5], w[6], w[7]]);
        c = SLICES[7][(lo & 0xFF) as usize]
            ^ SLICES[6][((lo >> 8) & 0xFF) as usize]
            ^ SLICES[5][((lo >> 16) & 0xFF) as usize]
            ^ SLICES[4][(lo >> 24) as usize]
            ^ SLICES[3][(hi & 0xFF) as usize]
            ^ SLICES[2][((hi >> 8) & 0xFF) as usize]
            ^ SLICES[1][((hi >> 16) & 0xFF) as usize]
            ^ SLICES[0][(hi >> 24) as usize];
    }
    chunks.remainder().iter().fold(c, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// True when `bytes` start as a gzip file does (`1f 8b`).
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Gzip header flags (RFC 1952 §2.3.1).
const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;
const FRESERVED: u8 = 0xE0;

/// Where the deflate body of a gzip file starts, after the header's optional fields.
fn gzip_body_start(bytes: &[u8]) -> Option<usize> {
    // ID1 ID2 CM FLG MTIME(4) XFL OS
    if bytes.len() < 18 || !is_gzip(bytes) || bytes[2] != 8 || bytes[3] & FRESERVED != 0 {
        return None;
    }
    let flags = bytes[3];
    let mut pos = 10;
    if flags & FEXTRA != 0 {
        let xlen = u16::from_le_bytes([*bytes.get(pos)?, *bytes.get(pos + 1)?]) as usize;
        pos += 2 + xlen;
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            pos += bytes.get(pos..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        let stored = u16::from_le_bytes([*bytes.get(pos)?, *bytes.get(pos + 1)?]);
        if stored != crc32(bytes.get(..pos)?) as u16 {
            return None;
        }
        pos += 2;
    }
    (pos <= bytes.len() - 8).then_some(pos)
}

/// Inflates a single-member gzip file to at most `cap` bytes and checks its CRC-32 and ISIZE.
///
/// The trailer is read from the last 8 bytes; a file of several members is refused as damaged
/// (its trailer would not match the first member), which no MNIST file is.
pub fn gunzip(bytes: &[u8], cap: usize) -> Result<Vec<u8>, FileProblem> {
    let mut g = Gunzip::new(bytes, cap)?;
    loop {
        // Steps that double what is inflated, so the output grows as a vector does.
        let step = g.out.len().max(1 << 16);
        if let Some(out) = g.step(step)? {
            return Ok(out);
        }
    }
}

/// A gzip file inflated a step at a time, with [`gunzip`]'s checks: a page reading tens of
/// megabytes gives the browser a turn between steps instead of stopping for the whole file.
pub struct Gunzip<'a> {
    // The deflate body not inflated yet.
    input: &'a [u8],
    // The trailer: CRC-32 and length of the whole output.
    crc: u32,
    isize: u32,
    state: Box<miniz_oxide::inflate::stream::InflateState>,
    out: Vec<u8>,
    // The CRC register over `out` so far.
    running: u32,
    cap: usize,
}

impl<'a> Gunzip<'a> {
    /// Starts inflating `bytes` (a whole gzip file) to at most `cap` bytes; a header that is not
    /// gzip's is refused here.
    pub fn new(bytes: &'a [u8], cap: usize) -> Result<Gunzip<'a>, FileProblem> {
        let start = gzip_body_start(bytes).ok_or(FileProblem::Gzip)?;
        let end = bytes.len() - 8;
        let word =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        Ok(Gunzip {
            input: &bytes[start..end],
            crc: word(end),
            isize: word(end + 4),
            state: miniz_oxide::inflate::stream::InflateState::new_boxed(
                miniz_oxide::DataFormat::Raw,
            ),
            out: Vec::new(),
            running: !0,
            cap,
        })
    }

    /// Inflates at most `step` more bytes: `Ok(None)` while there is more, the whole checked
    /// output at the end. Past `cap` it stops and refuses (a gzip bomb is never inflated
    /// further), as it does a damaged body or a CRC-32 or length that disagrees.
    pub fn step(&mut self, step: usize) -> Result<Option<Vec<u8>>, FileProblem> {
        use miniz_oxide::{MZError, MZFlush, MZStatus};
        let done = self.out.len();
        // One byte past the cap is room enough to learn that the file goes past it.
        let room = step.max(1).min(self.cap + 1 - done);
        self.out.resize(done + room, 0);
        let r = miniz_oxide::inflate::stream::inflate(
            &mut self.state,
            self.input,
            &mut self.out[done..],
            MZFlush::None,
        );
        self.input = &self.input[r.bytes_consumed..];
        self.out.truncate(done + r.bytes_written);
        self.running = crc32_running(self.running, &self.out[done..]);
        if self.out.len() > self.cap {
            return Err(FileProblem::GzipTooLarge { cap: self.cap });
        }
        match r.status {
            Ok(MZStatus::StreamEnd) => {
                if !self.running != self.crc || self.out.len() as u32 != self.isize {
                    return Err(FileProblem::Gzip);
                }
                Ok(Some(std::mem::take(&mut self.out)))
            }
            // More to come: output room ran out, or input is left to read.
            Ok(_) if r.bytes_written > 0 || r.bytes_consumed > 0 => Ok(None),
            Ok(_) | Err(MZError::Buf) | Err(_) => Err(FileProblem::Gzip),
        }
    }
}

/// `bytes` as a gzip file: a minimal header (no name, no time), deflate at level 6, CRC-32 and
/// ISIZE. For tests and for exporting the learner's own digits.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let body = miniz_oxide::deflate::compress_to_vec(bytes, 6);
    let mut out = Vec::with_capacity(body.len() + 18);
    // ID1 ID2, CM = deflate, FLG = 0, MTIME = 0, XFL = 0, OS = 255 (unknown).
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(bytes).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

// ---------------------------------------------------------------------------------------------
// One file

/// Reads one file, raw or gzip, recognising images or labels by its magic number.
pub fn read_file(bytes: &[u8]) -> Result<IdxFile, FileProblem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            size: bytes.len(),
            cap: MAX_FILE_BYTES,
        });
    }
    if is_gzip(bytes) {
        parse(Body::Owned(gunzip(bytes, MAX_FILE_BYTES)?))
    } else {
        parse(Body::Borrowed(bytes))
    }
}

/// One file read a step at a time ([`read_file`] for a caller that gives the browser a turn
/// between steps): a raw file in one step, a gzip file [`Gunzip`]'s steps at a time.
pub enum FileSteps<'a> {
    /// A raw file, parsed in its one step.
    Raw(&'a [u8]),
    /// A gzip file being inflated.
    Gzip(Gunzip<'a>),
}

impl<'a> FileSteps<'a> {
    /// Starts reading `bytes`; a file over [`MAX_FILE_BYTES`] or a damaged gzip header is
    /// refused here.
    pub fn new(bytes: &'a [u8]) -> Result<FileSteps<'a>, FileProblem> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(FileProblem::TooLarge {
                size: bytes.len(),
                cap: MAX_FILE_BYTES,
            });
        }
        Ok(if is_gzip(bytes) {
            FileSteps::Gzip(Gunzip::new(bytes, MAX_FILE_BYTES)?)
        } else {
            FileSteps::Raw(bytes)
        })
    }

    /// Reads at most `step` more inflated bytes: `Ok(None)` while there is more, the file's
    /// content at the end, as [`read_file`] gives it.
    pub fn step(&mut self, step: usize) -> Result<Option<IdxFile>, FileProblem> {
        match self {
            FileSteps::Raw(bytes) => parse(Body::Borrowed(bytes)).map(Some),
            FileSteps::Gzip(g) => match g.step(step)? {
                Some(out) => parse(Body::Owned(out)).map(Some),
                None => Ok(None),
            },
        }
    }
}

/// An IDX body: inflated (kept, its header drained) or as given (copied once).
enum Body<'a> {
    Owned(Vec<u8>),
    Borrowed(&'a [u8]),
}

impl Body<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Body::Owned(v) => v,
            Body::Borrowed(b) => b,
        }
    }

    /// The data after a header of `header` bytes.
    fn into_data(self, header: usize) -> Vec<u8> {
        match self {
            Body::Owned(mut v) => {
                v.drain(..header);
                v
            }
            Body::Borrowed(b) => b[header..].to_vec(),
        }
    }
}

fn parse(body: Body) -> Result<IdxFile, FileProblem> {
    let raw = body.bytes();
    let size = raw.len();
    if size < 4 || raw[0] != 0 || raw[1] != 0 || !matches!(raw[2], 0x08 | 0x09 | 0x0B..=0x0E) {
        return Err(FileProblem::NotIdx);
    }
    if raw[2] != TYPE_U8 {
        return Err(FileProblem::WrongType { found: raw[2] });
    }
    let magic = u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]);
    let header = match magic {
        IMAGES_MAGIC => IMAGES_HEADER,
        LABELS_MAGIC => LABELS_HEADER,
        found => return Err(FileProblem::Magic { found }),
    };
    if magic == LABELS_MAGIC && size > MAX_LABELS_BYTES {
        return Err(FileProblem::TooLarge {
            size,
            cap: MAX_LABELS_BYTES,
        });
    }
    if size < header {
        return Err(FileProblem::Truncated {
            expected: header as u64,
            got: size,
        });
    }
    let word = |i: usize| u32::from_be_bytes([raw[i], raw[i + 1], raw[i + 2], raw[i + 3]]);
    let count = word(4);
    let per_item = if magic == IMAGES_MAGIC {
        let (rows, cols) = (word(8), word(12));
        if rows as usize != IMAGE_SIDE || cols as usize != IMAGE_SIDE {
            return Err(FileProblem::NotSquare28 { rows, cols });
        }
        PIXELS as u64
    } else {
        1
    };
    if count == 0 {
        return Err(FileProblem::Empty);
    }
    // In u64: a header may claim 4 billion images of 784 bytes, past a 32-bit usize.
    let expected = header as u64 + u64::from(count) * per_item;
    if (size as u64) < expected {
        return Err(FileProblem::Truncated {
            expected,
            got: size,
        });
    }
    if (size as u64) > expected {
        return Err(FileProblem::TooLong {
            expected,
            got: size,
        });
    }
    if magic == LABELS_MAGIC {
        if let Some((index, &label)) = raw[header..].iter().enumerate().find(|(_, &l)| l > 9) {
            return Err(FileProblem::Label { index, label });
        }
        Ok(IdxFile::Labels(body.into_data(header)))
    } else {
        Ok(IdxFile::Images {
            count: count as usize,
            pixels: body.into_data(header),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// A set of files

/// True when a file's name marks it as the test pair's ([`TEST_HINTS`]).
fn named_test(name: &str) -> bool {
    let lower = name.to_lowercase();
    TEST_HINTS.iter().any(|h| lower.contains(h))
}

/// Orders two `(name, count, …)` files as (train, test): the larger count trains; equal counts
/// follow the names' hint, if exactly one of the two carries it.
fn train_first<T>(mut two: Vec<(String, usize, T)>) -> Option<[(String, usize, T); 2]> {
    two.sort_by_key(|f| std::cmp::Reverse(f.1));
    if two[0].1 == two[1].1 {
        match (named_test(&two[0].0), named_test(&two[1].0)) {
            (true, false) => two.swap(0, 1),
            (false, true) => {}
            _ => return None,
        }
    }
    let test = two.pop()?;
    let train = two.pop()?;
    Some([train, test])
}

/// Reads the four files of a set, given as `(name, bytes)` in any order, into the training set
/// and the held-out set. Names serve only the sentences (and the hint for equal counts).
pub fn read_set(files: &[(&str, &[u8])]) -> Result<IdxSet, IdxError> {
    if files.len() > MAX_FILES {
        return Err(IdxError::TooManyFiles { count: files.len() });
    }
    let mut read = Vec::with_capacity(files.len());
    for &(name, bytes) in files {
        read.push(read_named(name, bytes)?);
    }
    assemble(read)
}

/// [`read_file`], its problem naming the file: steps 1 to 3 for one file ([`FileSteps`] does
/// them a piece at a time).
pub fn read_named(name: &str, bytes: &[u8]) -> Result<(String, IdxFile), IdxError> {
    read_file(bytes)
        .map(|file| (name.to_string(), file))
        .map_err(|problem| IdxError::File {
            name: name.to_string(),
            problem,
        })
}

/// Step 4: files read one by one ([`read_named`] or [`FileSteps`]) paired into a training set and a held-out
/// set, as [`read_set`] does.
pub fn assemble(files: Vec<(String, IdxFile)>) -> Result<IdxSet, IdxError> {
    if files.len() > MAX_FILES {
        return Err(IdxError::TooManyFiles { count: files.len() });
    }
    let mut images = Vec::new();
    let mut labels = Vec::new();
    for (name, file) in files {
        match file {
            IdxFile::Images { count, pixels } => images.push((name, count, pixels)),
            IdxFile::Labels(l) => labels.push((name, l.len(), l)),
        }
    }
    if images.len() != 2 || labels.len() != 2 {
        return Err(IdxError::Parts {
            images: images.len(),
            labels: labels.len(),
        });
    }
    let count = images[0].1;
    let ambiguous = IdxError::Ambiguous { count };
    let [train_images, test_images] = train_first(images).ok_or(ambiguous.clone())?;
    let [train_labels, test_labels] = train_first(labels).ok_or(ambiguous)?;
    let train = pair(train_images, train_labels)?;
    let test = pair(test_images, test_labels)?;
    Ok(IdxSet { train, test })
}

/// An images file and its labels file as one [`Mnist`], if their counts agree.
fn pair(
    (images, image_count, pixels): (String, usize, Vec<u8>),
    (labels, label_count, l): (String, usize, Vec<u8>),
) -> Result<Mnist, IdxError> {
    if image_count != label_count {
        return Err(IdxError::CountMismatch {
            images,
            image_count,
            labels,
            label_count,
        });
    }
    Ok(Mnist { labels: l, pixels })
}

// ---------------------------------------------------------------------------------------------
// Writing

/// An IDX file of unsigned bytes with the given sizes (big-endian) and data.
pub fn write_idx(sizes: &[u32], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + 4 * sizes.len() + data.len());
    out.extend_from_slice(&[0, 0, TYPE_U8, sizes.len() as u8]);
    for s in sizes {
        out.extend_from_slice(&s.to_be_bytes());
    }
    out.extend_from_slice(data);
    out
}

impl Mnist {
    /// The images as an IDX images file (magic 2051, count, 28, 28, pixels).
    pub fn to_idx_images(&self) -> Vec<u8> {
        let side = IMAGE_SIDE as u32;
        write_idx(&[self.len() as u32, side, side], &self.pixels)
    }

    /// The labels as an IDX labels file (magic 2049, count, labels).
    pub fn to_idx_labels(&self) -> Vec<u8> {
        write_idx(&[self.len() as u32], &self.labels)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(count: usize, seed: u8) -> Mnist {
        Mnist {
            labels: (0..count)
                .map(|i| ((i + seed as usize) % 10) as u8)
                .collect(),
            pixels: (0..count * PIXELS)
                .map(|i| (i % 251) as u8 ^ seed)
                .collect(),
        }
    }

    fn file_problem(r: Result<IdxSet, IdxError>) -> (String, FileProblem) {
        match r {
            Err(IdxError::File { name, problem }) => (name, problem),
            other => panic!("expected a file's problem, got {other:?}"),
        }
    }

    #[test]
    fn a_file_read_in_small_steps_is_the_file_read_at_once() {
        let set = tiny(40, 3);
        let raw = set.to_idx_images();
        let gz = gzip(&raw);
        for bytes in [&raw, &gz] {
            let mut steps = FileSteps::new(bytes).unwrap();
            let mut calls = 1;
            let file = loop {
                match steps.step(1000).unwrap() {
                    Some(f) => break f,
                    None => calls += 1,
                }
            };
            assert_eq!(file, read_file(bytes).unwrap());
            if bytes == &gz {
                assert!(calls >= raw.len() / 1000, "{calls} steps");
            }
        }
        // The checks hold step by step too: a flipped byte of the body, and a bomb.
        let mut bad = gz.clone();
        let last = bad.len() - 9;
        bad[last] ^= 0xff;
        let mut steps = FileSteps::new(&bad).unwrap();
        let got = loop {
            match steps.step(100) {
                Ok(None) => {}
                other => break other,
            }
        };
        assert_eq!(got, Err(FileProblem::Gzip));
        let bomb = gzip(&vec![0u8; 5_000]);
        let mut g = Gunzip::new(&bomb, 4_096).unwrap();
        let got = loop {
            match g.step(512) {
                Ok(None) => assert!(g.out.len() <= 4_097),
                other => break other,
            }
        };
        assert_eq!(got, Err(FileProblem::GzipTooLarge { cap: 4_096 }));
    }

    #[test]
    fn crc32_matches_the_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // Eight bytes at a time equals one at a time, at every length and in pieces.
        let bytes: Vec<u8> = (0..1000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let one_by_one = |b: &[u8]| {
            !b.iter().fold(!0u32, |c, &x| {
                CRC_TABLE[((c ^ u32::from(x)) & 0xFF) as usize] ^ (c >> 8)
            })
        };
        for n in [0, 1, 7, 8, 9, 63, 1000] {
            assert_eq!(crc32(&bytes[..n]), one_by_one(&bytes[..n]), "{n}");
        }
        let (a, b) = bytes.split_at(333);
        assert_eq!(!crc32_running(crc32_running(!0, a), b), one_by_one(&bytes));
    }

    #[test]
    fn a_set_round_trips_raw_and_gzip_in_any_order() {
        let (train, test) = (tiny(30, 1), tiny(12, 2));
        let files = [
            test.to_idx_labels(),
            gzip(&train.to_idx_images()),
            train.to_idx_labels(),
            gzip(&test.to_idx_images()),
        ];
        let named: Vec<(&str, &[u8])> = files.iter().map(|f| ("x", f.as_slice())).collect();
        let set = read_set(&named).unwrap();
        assert_eq!(set.train, train);
        assert_eq!(set.test, test);
        assert_eq!(set.counts(), (30, 12));
    }

    #[test]
    fn gzip_header_fields_are_skipped_and_checked() {
        let raw = tiny(3, 0).to_idx_labels();
        let plain = gzip(&raw);
        // The same file with FEXTRA, FNAME, FCOMMENT and FHCRC.
        let mut header = vec![
            0x1f,
            0x8b,
            8,
            FEXTRA | FNAME | FCOMMENT | FHCRC,
            0,
            0,
            0,
            0,
            0,
            3,
        ];
        header.extend_from_slice(&[3, 0, b'a', b'b', b'c']);
        header.extend_from_slice(b"train-labels-idx1-ubyte\0a comment\0");
        let hcrc = crc32(&header) as u16;
        header.extend_from_slice(&hcrc.to_le_bytes());
        let mut full = header.clone();
        full.extend_from_slice(&plain[10..]);
        assert_eq!(gunzip(&full, 1 << 20).unwrap(), raw);
        // A wrong header CRC, a flipped trailer CRC, a wrong ISIZE, a cut file.
        let mut bad = full.clone();
        bad[header.len() - 1] ^= 1;
        assert_eq!(gunzip(&bad, 1 << 20), Err(FileProblem::Gzip));
        for i in [full.len() - 8, full.len() - 1] {
            let mut bad = full.clone();
            bad[i] ^= 0x40;
            assert_eq!(gunzip(&bad, 1 << 20), Err(FileProblem::Gzip));
        }
        assert_eq!(
            gunzip(&full[..full.len() - 3], 1 << 20),
            Err(FileProblem::Gzip)
        );
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_cap() {
        let zeros = vec![0u8; 4 << 20];
        let bomb = gzip(&zeros);
        assert!(bomb.len() < 10_000);
        assert_eq!(
            gunzip(&bomb, 1 << 20),
            Err(FileProblem::GzipTooLarge { cap: 1 << 20 })
        );
    }

    #[test]
    fn each_malformed_file_has_its_problem() {
        let m = tiny(5, 0);
        let read = |b: Vec<u8>| read_file(&b);
        let mut magic = m.to_idx_images();
        magic[3] = 2;
        assert_eq!(read(magic), Err(FileProblem::Magic { found: 0x0802 }));
        let mut float = m.to_idx_images();
        float[2] = 0x0D;
        assert_eq!(read(float), Err(FileProblem::WrongType { found: 0x0D }));
        assert_eq!(read(b"\x89PNG\r\n".to_vec()), Err(FileProblem::NotIdx));
        assert_eq!(read(vec![0, 0]), Err(FileProblem::NotIdx));
        let mut cut = m.to_idx_images();
        cut.truncate(100);
        assert_eq!(
            read(cut),
            Err(FileProblem::Truncated {
                expected: 16 + 5 * 784,
                got: 100
            })
        );
        assert_eq!(
            read(vec![0, 0, 8, 3, 0, 0]),
            Err(FileProblem::Truncated {
                expected: 16,
                got: 6
            })
        );
        let mut long = m.to_idx_labels();
        long.push(0);
        assert_eq!(
            read(long),
            Err(FileProblem::TooLong {
                expected: 13,
                got: 14
            })
        );
        assert_eq!(
            read(write_idx(&[3, 1, 1], &[0, 0, 0])),
            Err(FileProblem::NotSquare28 { rows: 1, cols: 1 })
        );
        assert_eq!(read(write_idx(&[0], &[])), Err(FileProblem::Empty));
        assert_eq!(
            read(write_idx(&[3], &[1, 10, 2])),
            Err(FileProblem::Label {
                index: 1,
                label: 10
            })
        );
        let huge = write_idx(&[u32::MAX, 28, 28], &[]);
        assert!(matches!(read(huge), Err(FileProblem::Truncated { .. })));
        let labels = write_idx(&[(MAX_LABELS_BYTES) as u32], &vec![0; MAX_LABELS_BYTES]);
        assert_eq!(
            read(labels),
            Err(FileProblem::TooLarge {
                size: MAX_LABELS_BYTES + 8,
                cap: MAX_LABELS_BYTES
            })
        );
    }

    #[test]
    fn files_pair_by_count_and_equal_counts_take_the_names_hint() {
        let (a, b) = (tiny(10, 1), tiny(10, 2));
        let files = [
            ("t10k-images", a.to_idx_images()),
            ("train-labels", b.to_idx_labels()),
            ("TEST-labels", a.to_idx_labels()),
            ("train-images", b.to_idx_images()),
        ];
        let named: Vec<(&str, &[u8])> = files.iter().map(|(n, f)| (*n, f.as_slice())).collect();
        let set = read_set(&named).unwrap();
        assert_eq!((set.train, set.test), (b, a));
        let unnamed: Vec<(&str, &[u8])> =
            files.iter().map(|(_, f)| ("data", f.as_slice())).collect();
        assert_eq!(read_set(&unnamed), Err(IdxError::Ambiguous { count: 10 }));
    }

    #[test]
    fn a_set_is_two_pairs_with_matching_counts() {
        let (train, test) = (tiny(20, 1), tiny(10, 2));
        let ti = train.to_idx_images();
        let tl = train.to_idx_labels();
        let si = test.to_idx_images();
        let sl = test.to_idx_labels();
        assert_eq!(
            read_set(&[("a", &ti), ("b", &tl), ("c", &si)]),
            Err(IdxError::Parts {
                images: 2,
                labels: 1
            })
        );
        let five: Vec<(&str, &[u8])> = vec![("a", &ti); 5];
        assert_eq!(read_set(&five), Err(IdxError::TooManyFiles { count: 5 }));
        let set = read_set(&[("a", &sl), ("b", &ti), ("c", &si), ("d", &tl)]).unwrap();
        assert_eq!((set.train, set.test), (train, test));
        let other = tiny(11, 3).to_idx_labels();
        assert_eq!(
            read_set(&[("a", &ti), ("b", &tl), ("c", &si), ("d", &other)]),
            Err(IdxError::CountMismatch {
                images: "c".into(),
                image_count: 10,
                labels: "d".into(),
                label_count: 11
            })
        );
        let (name, problem) = file_problem(read_set(&[
            ("a", &ti),
            ("b", &tl),
            ("c", &si),
            ("d", &[1, 2, 3]),
        ]));
        assert_eq!((name.as_str(), problem), ("d", FileProblem::NotIdx));
    }
}
