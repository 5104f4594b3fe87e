//! For every preset architecture: writes a freshly initialised model as the page exports it
//! (weights and the architecture in the metadata), the PyTorch class the page shows for it, an
//! input batch and this model's logits, so tools/check_export.py can run the class, load the
//! file strictly and compare. `cargo run --example export_check -- <dir>`

use convlab::nn::arch::ArchPreset;
use convlab::nn::init::{rng, uniform};
use convlab::nn::Mode;
use convlab::viz::code::pytorch_class;
use safetensors::tensor::{Dtype, TensorView};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: export_check <dir>");
        std::process::exit(2);
    };
    for preset in ArchPreset::ALL {
        let arch = preset.settings();
        let config = arch.to_model();
        let mut m = config.build(2024).expect("a preset builds");
        let path = |ext: &str| format!("{dir}/{}.{ext}", preset.key());
        std::fs::write(path("safetensors"), arch.export(&m)).expect("write weights");
        std::fs::write(path("py"), pytorch_class(&config)).expect("write class");
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
            path("check.safetensors"),
            safetensors::serialize(views, None).expect("serialise"),
        )
        .expect("write check");
    }
}
