//! The shipped pretrained model: it loads into the seed model and reaches 98 % on the 2,000
//! held-out digits it never saw, as the README states.

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
    assert!(eval.correct() >= 1960, "{} of 2000", eval.correct());
    // The confusion matrix rows count each class of the test set.
    let per_class: Vec<u32> = eval.confusion.iter().map(|r| r.iter().sum()).collect();
    let expected = data.histogram(split.test.iter().copied());
    assert_eq!(per_class, expected.map(|c| c as u32).to_vec());
}
