//! Writes a freshly initialised seed model as safetensors, plus an input batch and this
//! model's logits for it, so tools/check_export.py can load the weights into PyTorch's class
//! and compare. `cargo run --example export_check -- <weights.safetensors> <check.safetensors>`

use convlab::nn::init::{rng, uniform};
use convlab::nn::{Mode, ModelConfig};
use safetensors::tensor::{Dtype, TensorView};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [weights, check] = args.as_slice() else {
        eprintln!("usage: export_check <weights.safetensors> <check.safetensors>");
        std::process::exit(2);
    };
    let mut m = ModelConfig::seed()
        .build(2024)
        .expect("the seed model builds");
    std::fs::write(weights, m.to_safetensors()).expect("write weights");
    let x = uniform(&[4, 1, 28, 28], 0.5, &mut rng(9)).mapv(|v| v + 0.5);
    let logits = m.forward(&x, Mode::Eval).expect("forward").clone();
    let bytes =
        |a: &ndarray::ArrayD<f32>| a.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
    let (xb, lb) = (bytes(&x), bytes(&logits));
    let views = vec![
        (
            "input",
            TensorView::new(Dtype::F32, x.shape().to_vec(), &xb).expect("input"),
        ),
        (
            "logits",
            TensorView::new(Dtype::F32, logits.shape().to_vec(), &lb).expect("logits"),
        ),
    ];
    std::fs::write(
        check,
        safetensors::serialize(views, None).expect("serialise"),
    )
    .expect("write check");
}
