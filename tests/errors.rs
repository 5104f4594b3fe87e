//! Impossible configurations and unusable weight files give typed errors with helpful sentences,
//! and leave the model untouched.

mod common;

use common::*;
use convlab::lang::Lang;
use convlab::nn::*;
use safetensors::tensor::{Dtype, TensorView};

#[test]
fn impossible_configurations_are_explained() {
    let conv = Conv2dConfig::new(1, 1, (5, 5))
        .padding((1, 1))
        .dilation((2, 2));
    let e = conv.output_shape(&[1, 1, 5, 5]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "A 5×5 kernel with dilation 2 spans 9×9, but the padded input is only 7×7."
    );
    assert_eq!(
        e.message(Lang::Ko),
        "팽창이 2인 5×5 커널은 9×9 영역을 덮지만, 패딩을 더한 입력은 7×7뿐입니다."
    );

    let e = Conv2dConfig::new(1, 4, (3, 3))
        .stride((0, 1))
        .output_shape(&[1, 1, 8, 8])
        .unwrap_err();
    assert_eq!(e, NnError::Zero(Field::Stride));
    assert_eq!(e.to_string(), "The stride must be at least 1, not 0.");
    assert_eq!(
        Conv2dConfig::new(0, 4, (3, 3)).validate(),
        Err(NnError::Zero(Field::InChannels))
    );
    assert_eq!(
        Conv2dConfig::new(1, 0, (3, 3)).validate(),
        Err(NnError::Zero(Field::OutChannels))
    );
    assert_eq!(
        Conv2dConfig::new(3, 4, (3, 3)).output_shape(&[1, 1, 8, 8]),
        Err(NnError::Channels {
            expected: 3,
            got: 1
        })
    );

    let e = MaxPool2dConfig::new((2, 2))
        .padding((2, 0))
        .validate()
        .unwrap_err();
    assert_eq!(e.to_string(), "Padding (2, 0) is more than half of the 2×2 pooling kernel; PyTorch allows at most (1, 1).");

    let e = LinearConfig::new(1000, 32)
        .output_shape(&[1, 1568])
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "The linear layer has in_features = 1000, but 1568 values reach it after flattening."
    );
    assert_eq!(
        Dropout::new(1.5, 0).unwrap_err().to_string(),
        "The dropout probability must be at least 0 and below 1, not 1.5."
    );
}

#[test]
fn model_errors_name_the_layer() {
    let mut cfg = ModelConfig::seed();
    cfg.layers[7].config = LayerConfig::Linear(LinearConfig::new(1000, 32));
    let e = cfg.build(0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Layer Linear-8: The linear layer has in_features = 1000, but 1568 values reach it after flattening."
    );
    assert!(e.message(Lang::Ko).starts_with("Linear-8 층:"));

    let mut cfg = ModelConfig::seed();
    cfg.input = vec![1, 4, 4];
    cfg.layers[3].config = LayerConfig::Conv2d(Conv2dConfig::new(16, 32, (5, 5)));
    let e = cfg.shapes(1).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "Layer Conv2d-4: A 5×5 kernel spans 5×5, but the padded input is only 2×2."
        ),
        "{e}"
    );

    let mut m = ModelConfig::seed().build(0).unwrap();
    let wrong = ndarray::ArrayD::zeros(ndarray::IxDyn(&[2, 3, 28, 28]));
    assert_eq!(
        m.forward(&wrong, Mode::Eval).unwrap_err(),
        NnError::Channels {
            expected: 1,
            got: 3
        }
    );
}

fn snapshot(m: &Sequential) -> Vec<ndarray::ArrayD<f32>> {
    m.named_parameters()
        .into_iter()
        .map(|(_, p)| p.value.clone())
        .collect()
}

fn file_with(tensors: Vec<(String, Dtype, Vec<usize>, Vec<u8>)>) -> Vec<u8> {
    let views: Vec<(String, TensorView<'_>)> = tensors
        .iter()
        .map(|(n, d, s, b)| (n.clone(), TensorView::new(*d, s.clone(), b).unwrap()))
        .collect();
    safetensors::serialize(views, None).unwrap()
}

fn seed_tensors() -> Vec<(String, Dtype, Vec<usize>, Vec<u8>)> {
    let m = ModelConfig::seed().build(3).unwrap();
    m.named_parameters()
        .into_iter()
        .map(|(n, p)| {
            (
                n,
                Dtype::F32,
                p.value.shape().to_vec(),
                p.value.iter().flat_map(|v| v.to_le_bytes()).collect(),
            )
        })
        .collect()
}

#[test]
fn bad_weight_files_are_refused_and_change_nothing() {
    let mut m = ModelConfig::seed().build(1).unwrap();
    let before = snapshot(&m);
    let good = Tensors::open("seed_model.safetensors");

    let truncated = &good.bytes()[..good.bytes().len() - 100];
    assert!(matches!(
        m.load_safetensors(truncated),
        Err(NnError::Weights(WeightsError::Corrupt(_)))
    ));
    assert!(matches!(
        m.load_safetensors(b"not a model at all"),
        Err(NnError::Weights(WeightsError::Corrupt(_)))
    ));
    assert!(matches!(
        m.load_safetensors(&[]),
        Err(NnError::Weights(WeightsError::Corrupt(_)))
    ));

    let mut renamed = seed_tensors();
    renamed[0].0 = "conv1.weight".into();
    let e = m.load_safetensors(&file_with(renamed)).unwrap_err();
    assert_eq!(
        e,
        NnError::Weights(WeightsError::Unexpected("conv1.weight".into()))
    );
    assert!(e.to_string().contains("unchanged"));

    let mut missing = seed_tensors();
    missing.pop();
    assert_eq!(
        m.load_safetensors(&file_with(missing)),
        Err(NnError::Weights(WeightsError::Missing(
            "classifier.4.bias".into()
        )))
    );

    let mut reshaped = seed_tensors();
    reshaped[2].2 = vec![32, 16, 9, 1];
    let e = m.load_safetensors(&file_with(reshaped)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Tensor \"conv2.0.weight\" has shape (32, 16, 9, 1), but the model needs (32, 16, 3, 3). The current model is unchanged."
    );

    let mut doubles = seed_tensors();
    let last = doubles.len() - 1;
    doubles[last] = (
        "classifier.4.bias".into(),
        Dtype::F64,
        vec![10],
        vec![0; 80],
    );
    assert!(matches!(
        m.load_safetensors(&file_with(doubles)),
        Err(NnError::Weights(WeightsError::Dtype { .. }))
    ));

    let mut nan = seed_tensors();
    nan[1].3[0..4].copy_from_slice(&f32::NAN.to_le_bytes());
    assert_eq!(
        m.load_safetensors(&file_with(nan)),
        Err(NnError::Weights(WeightsError::NotFinite(
            "conv1.0.bias".into()
        )))
    );

    assert_eq!(
        snapshot(&m),
        before,
        "every refused file left the model as it was"
    );
    m.load_safetensors(good.bytes()).unwrap();
    assert_ne!(snapshot(&m), before);
}
