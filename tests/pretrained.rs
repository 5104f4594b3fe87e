//! The shipped pretrained model: it loads into the seed model, reads at least 98.40 % of the
//! 2,000 held-out digits it never saw (the model it replaced read 1,968), and reads digits drawn
//! on the pad of every class, as the README states.

use convlab::data::Mnist;
use convlab::nn::ModelConfig;
use convlab::train::evaluate;

#[test]
fn pretrained_model_reaches_98_percent_on_held_out_digits() {
    let data = Mnist::decode(&std::fs::read("public/mnist-10k.bin").unwrap()).unwrap();
    let split = data.split().unwrap();
    let mut model = ModelConfig::seed().build(0).unwrap();
    model
        .load_safetensors(&std::fs::read("public/pretrained.safetensors").unwrap())
        .unwrap();
    let eval = evaluate(&mut model, &data, &split.test, 250).unwrap();
    assert_eq!(eval.total(), 2000);
    println!("held-out accuracy {:.2} %", 100.0 * eval.accuracy());
    assert!(eval.correct() >= 1968, "{} of 2000", eval.correct());
    // The confusion matrix rows count each class of the test set.
    let per_class: Vec<u32> = eval.confusion.iter().map(|r| r.iter().sum()).collect();
    let expected = data.histogram(split.test.iter().copied());
    assert_eq!(per_class, expected.map(|c| c as u32).to_vec());
}

/// The page starts with a built-in sample drawn on the canvas; after the same preprocessing as a
/// drawing, the pretrained model reads it as its label, as every sample's label.
#[test]
fn pretrained_model_reads_the_built_in_samples_drawn_on_the_canvas() {
    use convlab::data::draw::{prepare, Ink};
    use convlab::data::{FIRST_SAMPLE, IMAGE_SIDE};
    use convlab::nn::classify;
    use ndarray::{ArrayD, IxDyn};
    let samples = Mnist::built_in_samples();
    let mut model = ModelConfig::seed().build(0).unwrap();
    model
        .load_safetensors(&std::fs::read("public/pretrained.safetensors").unwrap())
        .unwrap();
    let mut right = Vec::new();
    for k in 0..samples.len() {
        let ink = Ink::from_digit(280, samples.image(k));
        let p = prepare(&ink).expect("a sample has ink");
        let x = ArrayD::from_shape_vec(IxDyn(&[1, 1, IMAGE_SIDE, IMAGE_SIDE]), p.input).unwrap();
        let logits = model.forward(&x, convlab::nn::Mode::Eval).unwrap().clone();
        let (_, argmax) = classify(logits.as_slice().unwrap());
        right.push(argmax == samples.labels[k] as usize);
    }
    println!("samples read right: {right:?}");
    assert!(right[FIRST_SAMPLE], "the first sample shown is read right");
    assert!(right.iter().filter(|&&r| r).count() >= 38, "{right:?}");
}

/// Digits drawn the way a mouse draws them (`src/data/strokes.rs`: even strokes, straight 1s, 7s
/// with and without a bar, open and closed 4s, 8s in one stroke or two rings; never trained on),
/// put through the page's preprocessing: the pretrained model reads at least 95 % of every class.
#[test]
fn pretrained_model_reads_drawn_digits_of_every_class() {
    use convlab::data::strokes::drawn_input;
    use convlab::nn::classify;
    use ndarray::{ArrayD, IxDyn};
    const PER_CLASS: u64 = 60;
    let mut model = ModelConfig::seed().build(0).unwrap();
    model
        .load_safetensors(&std::fs::read("public/pretrained.safetensors").unwrap())
        .unwrap();
    let mut right = [0u64; 10];
    for class in 0..10u8 {
        let input: Vec<f32> = (0..PER_CLASS).flat_map(|n| drawn_input(class, n)).collect();
        let x = ArrayD::from_shape_vec(IxDyn(&[PER_CLASS as usize, 1, 28, 28]), input).unwrap();
        let logits = model.forward(&x, convlab::nn::Mode::Eval).unwrap().clone();
        for row in logits.rows() {
            let (_, argmax) = classify(row.as_slice().unwrap());
            right[class as usize] += u64::from(argmax == class as usize);
        }
    }
    println!("drawn digits read right, of {PER_CLASS} per class: {right:?}");
    for (class, &r) in right.iter().enumerate() {
        assert!(
            r * 100 >= 95 * PER_CLASS,
            "class {class}: {r} of {PER_CLASS}"
        );
    }
}
