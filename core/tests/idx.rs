//! The IDX reader on files built from the shipped digits: 12,000 training images (the 8,000 of
//! the shipped split, then shifted copies) and the 2,000 held out, written raw and gzip, given
//! in shuffled order under misleading names. Then every malformed file a learner could drop,
//! each refused with its sentence in both languages naming the file, quickly, while the set in
//! use stays. A property test mutates the files at random.
// Native only: proptest is a native dev-dependency (the wasm32 lint of all targets skips this).
#![cfg(not(target_arch = "wasm32"))]

use convlab_core::data::idx::{
    gzip, read_set, write_idx, FileProblem, IdxError, IdxSet, MAX_FILE_BYTES, MAX_LABELS_BYTES,
};
use convlab_core::data::{DataKind, DataSource, Mnist, IMAGE_SIDE, PIXELS};
use convlab_core::lang::Lang;
use convlab_core::nn::error::quoted;
use proptest::prelude::*;
use std::sync::OnceLock;

const TRAIN: usize = 12_000;
const TEST: usize = 2_000;

/// Image `img` moved by `(dy, dx)` pixels, background filling what comes in.
fn shifted(img: &[u8], dy: isize, dx: isize) -> Vec<u8> {
    let side = IMAGE_SIDE as isize;
    let mut out = vec![0u8; PIXELS];
    for r in 0..side {
        for c in 0..side {
            let (sr, sc) = (r - dy, c - dx);
            if (0..side).contains(&sr) && (0..side).contains(&sc) {
                out[(r * side + c) as usize] = img[(sr * side + sc) as usize];
            }
        }
    }
    out
}

/// The training and test sets the files are built from.
fn sets() -> &'static (Mnist, Mnist) {
    static SETS: OnceLock<(Mnist, Mnist)> = OnceLock::new();
    SETS.get_or_init(|| {
        let bytes = include_bytes!("../../public/mnist-10k.bin");
        let all = Mnist::decode(bytes).expect("the shipped digits decode");
        let split = all.split().expect("the shipped split");
        let pick = |indices: &[usize]| Mnist {
            labels: indices.iter().map(|&i| all.labels[i]).collect(),
            pixels: indices
                .iter()
                .flat_map(|&i| all.image(i))
                .copied()
                .collect(),
        };
        let mut train = pick(&split.train);
        let shifts = [(1, 0), (0, 1), (-1, 0), (0, -1), (1, 1), (-1, -1)];
        for k in 0..TRAIN - split.train.len() {
            let i = split.train[k % split.train.len()];
            let (dy, dx) = shifts[k % shifts.len()];
            train.labels.push(all.labels[i]);
            train.pixels.extend(shifted(all.image(i), dy, dx));
        }
        let test = pick(&split.test);
        assert_eq!((train.len(), test.len()), (TRAIN, TEST));
        (train, test)
    })
}

/// The four files as `(name, bytes)`, in a shuffled order, named to mislead: the names swap
/// training and test and say nothing of images or labels.
fn files(gz: [bool; 4]) -> Vec<(String, Vec<u8>)> {
    let (train, test) = sets();
    let raw = [
        ("t10k-labels-idx1-ubyte", train.to_idx_images()),
        ("test.bin", test.to_idx_labels()),
        ("train-images-idx3-ubyte", test.to_idx_images()),
        ("train-labels (1)", train.to_idx_labels()),
    ];
    raw.into_iter()
        .zip(gz)
        .map(|((name, bytes), gz)| {
            if gz {
                (format!("{name}.gz"), gzip(&bytes))
            } else {
                (name.to_string(), bytes)
            }
        })
        .collect()
}

fn read(files: &[(String, Vec<u8>)]) -> Result<IdxSet, IdxError> {
    let named: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    // A bomb is stopped at the cap (its error says so); speed is the benchmarks' business.
    read_set(&named)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A refusal is one sentence in each language, every placeholder filled, naming `file` (cut
/// as the sentence cuts it) when there is one.
fn says_why(e: &IdxError, file: Option<&str>) {
    let (en, ko) = (e.message(Lang::En), e.message(Lang::Ko));
    assert_ne!(en, ko);
    assert!(ko.chars().any(is_hangul), "no Korean in {ko:?}");
    for m in [&en, &ko] {
        assert!(m.chars().count() < 400, "{m}");
        let ours = match file {
            Some(f) => {
                assert!(
                    m.contains(&format!("\"{}\"", quoted(f))),
                    "{m} names no {f}"
                );
                m.replace(&quoted(f), "")
            }
            None => m.clone(),
        };
        assert!(!ours.contains(['{', '}', '\n']), "{m}");
    }
}

#[test]
fn the_official_layout_reads_raw_or_gzip_in_any_order_whatever_the_names() {
    let (train, test) = sets();
    for gz in [
        [false; 4],
        [true; 4],
        [true, false, false, true],
        [false, true, true, false],
    ] {
        let mut fs = files(gz);
        for rotation in 0..4 {
            fs.rotate_left(rotation);
            let r = read(&fs);
            let set = r.expect("a good set reads");
            assert_eq!(set.counts(), (TRAIN, TEST));
            assert_eq!(&set.train, train);
            assert_eq!(&set.test, test);
            assert_eq!(set.train.pixels.len(), TRAIN * PIXELS, "bytes, not floats");
            let source = DataSource::imported(DataKind::Digits, &set);
            assert_eq!(
                source.sentence(Lang::En),
                "MNIST: 12,000 training, 2,000 test images"
            );
        }
    }
}

#[test]
fn equal_counts_take_the_test_hint_of_the_names() {
    // Fashion-MNIST's layout at a small scale: two pairs of 2,000, named as the official files.
    let (_, test) = sets();
    let other = Mnist {
        labels: test.labels.iter().map(|l| (l + 1) % 10).collect(),
        pixels: test.pixels.iter().map(|p| 255 - p).collect(),
    };
    let fs = vec![
        (
            "t10k-images-idx3-ubyte.gz".to_string(),
            gzip(&test.to_idx_images()),
        ),
        ("train-labels-idx1-ubyte".to_string(), other.to_idx_labels()),
        ("t10k-labels-idx1-ubyte".to_string(), test.to_idx_labels()),
        ("train-images-idx3-ubyte".to_string(), other.to_idx_images()),
    ];
    let set = read(&fs).unwrap();
    assert_eq!((&set.train, &set.test), (&other, test));
    let source = DataSource::imported(DataKind::Fashion, &set);
    assert_eq!(
        source.sentence(Lang::Ko),
        "Fashion-MNIST: 학습 이미지 2,000장, 테스트 이미지 2,000장"
    );
}

/// One malformed drop: its files, the file a sentence names, the error expected.
struct Case {
    what: &'static str,
    files: Vec<(String, Vec<u8>)>,
    names: Option<String>,
    expect: fn(&IdxError) -> bool,
}

/// The good files with file `i` replaced by `bytes`.
fn with(i: usize, bytes: Vec<u8>) -> (Vec<(String, Vec<u8>)>, Option<String>) {
    let mut fs = files([false, true, false, true]);
    fs[i].1 = bytes;
    let name = fs[i].0.clone();
    (fs, Some(name))
}

fn malformed() -> Vec<Case> {
    let (train, test) = sets();
    let mut cases = Vec::new();
    let mut add = |what, (files, names): (Vec<(String, Vec<u8>)>, Option<String>), expect| {
        cases.push(Case {
            what,
            files,
            names,
            expect,
        })
    };
    let mut magic = train.to_idx_images();
    magic[3] = 2;
    add("wrong magic", with(0, magic), |e| {
        matches!(
            e,
            IdxError::File {
                problem: FileProblem::Magic { found: 2050 },
                ..
            }
        )
    });
    let mut not_idx = test.to_idx_labels();
    not_idx[0] = b'P';
    add("not IDX", with(1, not_idx), |e| {
        matches!(
            e,
            IdxError::File {
                problem: FileProblem::NotIdx,
                ..
            }
        )
    });
    let images = test.to_idx_images();
    add(
        "truncated",
        with(2, images[..images.len() - 784].to_vec()),
        |e| {
            matches!(
                e,
                IdxError::File {
                    problem: FileProblem::Truncated { .. },
                    ..
                }
            )
        },
    );
    let mut mismatched = train.to_idx_labels();
    mismatched.truncate(mismatched.len() - 5);
    mismatched[4..8].copy_from_slice(&((TRAIN - 5) as u32).to_be_bytes());
    add("mismatched counts", with(3, mismatched), |e| {
        matches!(
            e,
            IdxError::CountMismatch { image_count: TRAIN, label_count, .. } if *label_count == TRAIN - 5
        )
    });
    let mut ten = test.to_idx_labels();
    ten[8 + 1_234] = 10;
    add("label 10", with(1, gzip(&ten)), |e| {
        matches!(
            e,
            IdxError::File {
                problem: FileProblem::Label {
                    index: 1_234,
                    label: 10
                },
                ..
            }
        )
    });
    add(
        "1×1 images",
        with(2, write_idx(&[TEST as u32, 1, 1], &vec![0; TEST])),
        |e| {
            matches!(
                e,
                IdxError::File {
                    problem: FileProblem::NotSquare28 { rows: 1, cols: 1 },
                    ..
                }
            )
        },
    );
    add("over the cap", with(0, vec![0; MAX_FILE_BYTES + 1]), |e| {
        matches!(
            e,
            IdxError::File {
                problem: FileProblem::TooLarge { .. },
                ..
            }
        )
    });
    add(
        "labels over their cap",
        with(3, write_idx(&[2_000_000], &vec![0; 2_000_000])),
        |e| {
            matches!(
                e,
                IdxError::File {
                    problem: FileProblem::TooLarge {
                        cap: MAX_LABELS_BYTES,
                        ..
                    },
                    ..
                }
            )
        },
    );
    let mut damaged = gzip(&test.to_idx_labels());
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x55;
    add("damaged gzip", with(1, damaged), |e| {
        matches!(
            e,
            IdxError::File {
                problem: FileProblem::Gzip,
                ..
            }
        )
    });
    // 100,000 blank images: 78 MB inflated from about 80 KB.
    let bomb = gzip(&write_idx(&[100_000, 28, 28], &vec![0; 100_000 * PIXELS]));
    assert!(bomb.len() < 200_000);
    add("gzip bomb", with(3, bomb), |e| {
        matches!(
            e,
            IdxError::File {
                problem: FileProblem::GzipTooLarge { .. },
                ..
            }
        )
    });
    let mut three = files([false; 4]);
    three.remove(2);
    add("three files", (three, None), |e| {
        matches!(
            e,
            IdxError::Parts {
                images: 1,
                labels: 2
            }
        )
    });
    let two_train = vec![
        ("train-images-idx3-ubyte".to_string(), train.to_idx_images()),
        ("train-labels-idx1-ubyte".to_string(), train.to_idx_labels()),
        (
            "train-images-idx3-ubyte (1)".to_string(),
            train.to_idx_images(),
        ),
        (
            "train-labels-idx1-ubyte (1)".to_string(),
            train.to_idx_labels(),
        ),
    ];
    add("two train pairs", (two_train, None), |e| {
        matches!(e, IdxError::Ambiguous { count: TRAIN })
    });
    let mut five = files([false; 4]);
    five.push(("extra".into(), vec![]));
    add("five files", (five, None), |e| {
        matches!(e, IdxError::TooManyFiles { count: 5 })
    });
    cases
}

/// What the page will do with a drop: the set in use changes only when the whole drop reads.
fn import(in_use: &mut DataSource, files: &[(String, Vec<u8>)]) -> Result<(), IdxError> {
    let set = read(files)?;
    *in_use = DataSource::imported(DataKind::Digits, &set);
    Ok(())
}

#[test]
fn every_malformed_drop_is_refused_with_its_sentence_and_nothing_replaced() {
    let mut in_use = DataSource::shipped(10_000);
    let before = in_use.clone();
    for case in malformed() {
        let r = import(&mut in_use, &case.files);
        let Err(e) = r else {
            panic!("{}: accepted", case.what)
        };
        assert!((case.expect)(&e), "{}: {e:?}", case.what);
        let named = match &e {
            IdxError::File { name, .. } => Some(name.as_str()),
            IdxError::CountMismatch { images, .. } => Some(images.as_str()),
            _ => None,
        };
        if case.names.is_some() && matches!(e, IdxError::File { .. }) {
            assert_eq!(named, case.names.as_deref(), "{}", case.what);
        }
        says_why(&e, named);
        println!(
            "{}: {} / {}",
            case.what,
            e.message(Lang::En),
            e.message(Lang::Ko)
        );
    }
    assert_eq!(in_use, before);
}

// ---------------------------------------------------------------------------------------------
// Property: any mutation of the files
// ---------------------------------------------------------------------------------------------

/// A small set (300 training, 100 test) so each case is quick.
fn small() -> &'static Vec<(String, Vec<u8>)> {
    static SMALL: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    SMALL.get_or_init(|| {
        let (train, test) = sets();
        let cut = |m: &Mnist, n: usize| Mnist {
            labels: m.labels[..n].to_vec(),
            pixels: m.pixels[..n * PIXELS].to_vec(),
        };
        let (train, test) = (cut(train, 300), cut(test, 100));
        vec![
            ("train-images-idx3-ubyte".into(), train.to_idx_images()),
            ("train-labels-idx1-ubyte".into(), train.to_idx_labels()),
            ("t10k-images-idx3-ubyte".into(), test.to_idx_images()),
            ("t10k-labels-idx1-ubyte".into(), test.to_idx_labels()),
        ]
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    /// XOR a byte, mostly in the header.
    Flip(usize, u8),
    /// Cut the file to this fraction (per mille) of its length.
    Truncate(u16),
    /// Insert bytes.
    Insert(usize, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (0usize..24, 1u8..=255).prop_map(|(i, x)| Mutation::Flip(i, x)),
        2 => (any::<usize>(), 1u8..=255).prop_map(|(i, x)| Mutation::Flip(i, x)),
        1 => (0u16..1000).prop_map(Mutation::Truncate),
        1 => (0usize..40, prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len();
    match m {
        Mutation::Flip(i, x) if n > 0 => bytes[i % n] ^= x,
        Mutation::Flip(..) => {}
        Mutation::Truncate(per_mille) => bytes.truncate(n * *per_mille as usize / 1000),
        Mutation::Insert(i, b) => {
            let at = i % (n + 1);
            bytes.splice(at..at, b.iter().copied());
        }
    }
}

fn config(cases: u32) -> ProptestConfig {
    let mut c = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = cases;
    }
    c
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn mutated_files_are_read_or_refused_with_a_sentence(
        which in prop::collection::vec(0usize..4, 1..=2),
        gz in any::<[bool; 4]>(),
        mutate_gzip in any::<bool>(),
        mutations in prop::collection::vec(mutation(), 1..4),
        order in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
        name in prop_oneof![Just(String::new()), "\\PC{0,80}"],
    ) {
        let mut fs: Vec<(String, Vec<u8>)> = small().clone();
        for (i, (n, bytes)) in fs.iter_mut().enumerate() {
            if which.contains(&i) {
                if gz[i] && !mutate_gzip {
                    // Mutate the IDX content, then wrap it.
                    for m in &mutations { apply(bytes, m); }
                    *bytes = gzip(bytes);
                } else {
                    if gz[i] { *bytes = gzip(bytes); }
                    for m in &mutations { apply(bytes, m); }
                }
                n.push_str(&name);
            } else if gz[i] {
                *bytes = gzip(bytes);
            }
        }
        let shuffled: Vec<(String, Vec<u8>)> = order.iter().map(|&i| fs[i].clone()).collect();
        let r = read(&shuffled);
        match r {
            Ok(set) => {
                for m in [&set.train, &set.test] {
                    prop_assert_eq!(m.pixels.len(), m.len() * PIXELS);
                    prop_assert!(m.labels.iter().all(|&l| l < 10));
                }
                prop_assert!(set.train.len() >= set.test.len());
            }
            Err(e) => {
                let named = match &e {
                    IdxError::File { name, .. } => Some(name.clone()),
                    IdxError::CountMismatch { images, labels, .. } => {
                        // Both names are repeated; strip the labels file's before checking.
                        let _ = labels;
                        Some(images.clone())
                    }
                    _ => None,
                };
                let (en, ko) = (e.message(Lang::En), e.message(Lang::Ko));
                prop_assert!(ko.chars().any(is_hangul), "{ko}");
                prop_assert_ne!(&en, &ko);
                for m in [&en, &ko] {
                    let mut ours = m.clone();
                    if let Some(f) = &named {
                        prop_assert!(m.contains(&quoted(f)), "{m} names no {f}");
                        ours = ours.replace(&quoted(f), "");
                    }
                    if let IdxError::CountMismatch { labels, .. } = &e {
                        ours = ours.replace(&quoted(labels), "");
                    }
                    prop_assert!(m.chars().count() < 400, "{m}");
                    prop_assert!(!ours.contains(['{', '}', '\n']), "{m}");
                }
            }
        }
    }
}
