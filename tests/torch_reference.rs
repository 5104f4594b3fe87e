//! The numeric core against PyTorch: every case in tests/fixtures (made by
//! tools/torch_reference.py) must match to 1e-5 relative (1e-4 for the whole model).

mod common;

use common::*;
use convlab::nn::reference;
use convlab::nn::*;
use ndarray::{Array1, Ix1, Ix4};

#[test]
fn conv2d_matches_pytorch() {
    let cases = json("conv_cases.json");
    let t = Tensors::open("conv_cases.safetensors");
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 40);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let cfg = Conv2dConfig::new(
            c["in_channels"].as_u64().unwrap() as usize,
            c["out_channels"].as_u64().unwrap() as usize,
            pair(&c["kernel"]),
        )
        .stride(pair(&c["stride"]))
        .padding(pair(&c["padding"]))
        .dilation(pair(&c["dilation"]))
        .bias(c["bias"].as_bool().unwrap());
        let x = t.f32(&format!("{name}.input"));
        assert_eq!(x.shape(), shape(&c["input_shape"]).as_slice());
        let mut layer = cfg.init(&mut init::rng(0)).unwrap();
        layer.weight.value = t.f32(&format!("{name}.weight"));
        if let Some(b) = &mut layer.bias {
            b.value = t.f32(&format!("{name}.bias"));
        }
        let want = t.f32(&format!("{name}.output"));
        assert_eq!(
            cfg.output_shape(x.shape()).unwrap(),
            want.shape(),
            "{name}: output_shape"
        );
        let y = layer.forward(&x);
        assert_close(&format!("{name} output"), y, &want, 1e-5);

        // The naive oracle agrees with PyTorch too.
        let x4 = x.clone().into_dimensionality::<Ix4>().unwrap();
        let w4 = layer
            .weight
            .value
            .clone()
            .into_dimensionality::<Ix4>()
            .unwrap();
        let b1: Option<Array1<f32>> = layer
            .bias
            .as_ref()
            .map(|b| b.value.clone().into_dimensionality::<Ix1>().unwrap());
        let naive = reference::conv2d(&x4, &w4, b1.as_ref(), &cfg.window);
        assert_close(
            &format!("{name} naive output"),
            &naive.into_dyn(),
            &want,
            1e-5,
        );

        let gy = t.f32(&format!("{name}.grad_output"));
        let dx = layer.backward(&gy, true);
        assert_close(
            &format!("{name} grad_input"),
            dx,
            &t.f32(&format!("{name}.grad_input")),
            1e-5,
        );
        assert_close(
            &format!("{name} grad_weight"),
            &layer.weight.grad,
            &t.f32(&format!("{name}.grad_weight")),
            1e-5,
        );
        if let Some(b) = &layer.bias {
            assert_close(
                &format!("{name} grad_bias"),
                &b.grad,
                &t.f32(&format!("{name}.grad_bias")),
                1e-5,
            );
        }
        let (ndx, ndw, _) = reference::conv2d_backward(
            &x4,
            &w4,
            &gy.clone().into_dimensionality::<Ix4>().unwrap(),
            &cfg.window,
        );
        assert_close(
            &format!("{name} naive grad_input"),
            &ndx.into_dyn(),
            &t.f32(&format!("{name}.grad_input")),
            1e-5,
        );
        assert_close(
            &format!("{name} naive grad_weight"),
            &ndw.into_dyn(),
            &t.f32(&format!("{name}.grad_weight")),
            1e-5,
        );
    }
}

#[test]
fn max_pool2d_matches_pytorch() {
    let cases = json("pool_cases.json");
    let t = Tensors::open("pool_cases.safetensors");
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 20);
    let mut negative_padded = 0;
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let cfg = MaxPool2dConfig::new(pair(&c["kernel"]))
            .stride(pair(&c["stride"]))
            .padding(pair(&c["padding"]))
            .dilation(pair(&c["dilation"]));
        if c["all_negative_input"].as_bool().unwrap() && cfg.window.padding != (0, 0) {
            negative_padded += 1;
        }
        let x = t.f32(&format!("{name}.input"));
        let want = t.f32(&format!("{name}.output"));
        let mut layer = cfg.init().unwrap();
        let y = layer.forward(&x);
        assert_close(&format!("{name} output"), y, &want, 1e-6);
        let naive = reference::max_pool2d(
            &x.clone().into_dimensionality::<Ix4>().unwrap(),
            &cfg.window,
        );
        assert_close(
            &format!("{name} naive output"),
            &naive.into_dyn(),
            &want,
            1e-6,
        );
        let dx = layer.backward(&t.f32(&format!("{name}.grad_output")));
        assert_close(
            &format!("{name} grad_input"),
            dx,
            &t.f32(&format!("{name}.grad_input")),
            1e-6,
        );
    }
    assert!(negative_padded >= 3, "cases where -inf padding matters");
}

#[test]
fn linear_matches_pytorch() {
    let cases = json("linear_cases.json");
    let t = Tensors::open("linear_cases.safetensors");
    for c in cases.as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        let mut cfg = LinearConfig::new(
            c["in_features"].as_u64().unwrap() as usize,
            c["out_features"].as_u64().unwrap() as usize,
        );
        cfg.bias = c["bias"].as_bool().unwrap();
        let mut layer = cfg.init(&mut init::rng(1)).unwrap();
        layer.weight.value = t.f32(&format!("{name}.weight"));
        if let Some(b) = &mut layer.bias {
            b.value = t.f32(&format!("{name}.bias"));
        }
        let y = layer.forward(&t.f32(&format!("{name}.input")));
        assert_close(
            &format!("{name} output"),
            y,
            &t.f32(&format!("{name}.output")),
            1e-5,
        );
        let dx = layer.backward(&t.f32(&format!("{name}.grad_output")), true);
        assert_close(
            &format!("{name} grad_input"),
            dx,
            &t.f32(&format!("{name}.grad_input")),
            1e-5,
        );
        assert_close(
            &format!("{name} grad_weight"),
            &layer.weight.grad,
            &t.f32(&format!("{name}.grad_weight")),
            1e-5,
        );
        if let Some(b) = &layer.bias {
            assert_close(
                &format!("{name} grad_bias"),
                &b.grad,
                &t.f32(&format!("{name}.grad_bias")),
                1e-5,
            );
        }
    }
}

fn seed_model() -> Sequential {
    let mut m = ModelConfig::seed().build(7).unwrap();
    m.load_safetensors(&read_fixture("seed_model.safetensors"))
        .expect("PyTorch's file loads");
    m
}

fn seed_labels(t: &Tensors) -> Vec<usize> {
    t.i64("labels").into_iter().map(|l| l as usize).collect()
}

fn loss_and_backward(m: &mut Sequential, x: &ndarray::ArrayD<f32>, labels: &[usize]) -> f32 {
    let logits = m.forward(x, Mode::Eval).unwrap();
    let (loss, grad) = cross_entropy(logits.view().into_dimensionality().unwrap(), labels);
    m.backward(&grad.into_dyn());
    loss
}

#[test]
fn seed_model_matches_pytorch() {
    let t = Tensors::open("seed_batch.safetensors");
    let mut m = seed_model();
    let x = t.f32("input");
    let acts = m.forward_trace(&x).unwrap();
    assert_eq!(acts.len(), 11);
    for (i, a) in acts.iter().enumerate() {
        assert_close(&format!("act.{i}"), a, &t.f32(&format!("act.{i}")), 1e-4);
    }
    assert_close("logits", &acts[10], &t.f32("logits"), 1e-4);
    let probs = softmax(acts[10].view().into_dimensionality().unwrap());
    assert_close("softmax", &probs.into_dyn(), &t.f32("softmax"), 1e-4);

    let labels = seed_labels(&t);
    m.zero_grad();
    let logits = m.forward(&x, Mode::Eval).unwrap();
    let (loss, grad) = cross_entropy(logits.view().into_dimensionality().unwrap(), &labels);
    let want_loss = t.f32("loss")[[0]];
    assert!(
        (loss - want_loss).abs() <= 1e-4 * want_loss.abs(),
        "loss {loss} vs {want_loss}"
    );
    let dx = m.backward(&grad.into_dyn());
    assert_close("grad.input", dx, &t.f32("grad.input"), 1e-4);
    for (name, p) in m.named_parameters() {
        assert_close(
            &format!("grad.{name}"),
            &p.grad,
            &t.f32(&format!("grad.{name}")),
            1e-4,
        );
    }
}

#[test]
fn optimisers_match_pytorch_after_three_steps() {
    let batch = Tensors::open("seed_batch.safetensors");
    let x = batch.f32("input");
    let labels = seed_labels(&batch);
    let cases = json("optim_cases.json");
    for c in cases.as_array().unwrap() {
        let file = c["file"].as_str().unwrap();
        let lr = c["lr"].as_f64().unwrap() as f32;
        let wd = c["weight_decay"].as_f64().unwrap() as f32;
        let mut opt = match c["optimizer"].as_str().unwrap() {
            "SGD" => Optimizer::Sgd(Sgd::new(lr, c["momentum"].as_f64().unwrap() as f32, wd)),
            "Adam" => Optimizer::Adam(Adam::new(lr).weight_decay(wd)),
            other => panic!("unknown optimiser {other}"),
        };
        let want = Tensors::open(file);
        let mut m = seed_model();
        // Adam divides by sqrt(v) ≈ |g|, so an element whose effective gradient (g + wd·w) is at
        // near float-rounding level (below 1e-4·max|g|) in some step moves by about ±lr whatever the sign noise says.
        // Those few elements are compared with the update's size as tolerance instead.
        let mut noisy: Vec<Vec<bool>> = m
            .named_parameters()
            .iter()
            .map(|(_, p)| vec![false; p.len()])
            .collect();
        for step in 0..3 {
            m.zero_grad();
            let loss = loss_and_backward(&mut m, &x, &labels);
            let want_loss = want.f32(&format!("loss.{step}"))[[0]];
            assert!(
                (loss - want_loss).abs() <= 1e-4 * want_loss,
                "{file} loss.{step}: {loss} vs {want_loss}"
            );
            for ((_, p), flags) in m.named_parameters().iter().zip(&mut noisy) {
                // Rounding noise lives in the backpropagated part; an exactly zero gradient (a dead
                // unit) has none.
                let floor = 1e-4 * p.grad.iter().fold(0.0f32, |a, v| a.max(v.abs()));
                for ((f, g), w) in flags.iter_mut().zip(p.grad.iter()).zip(p.value.iter()) {
                    *f |= *g != 0.0 && (g + wd * w).abs() < floor;
                }
            }
            opt.step(&mut m.parameters_mut());
        }
        let adam = c["optimizer"] == "Adam";
        for ((name, p), flags) in m.named_parameters().into_iter().zip(&noisy) {
            let mut want_value = want.f32(&name);
            if adam {
                let mut count = 0;
                for ((w, got), &f) in want_value.iter_mut().zip(p.value.iter()).zip(flags) {
                    if f {
                        count += 1;
                        assert!((*w - got).abs() <= 6.0 * lr, "{file} {name}: {got} vs {w}");
                        *w = *got;
                    }
                }
                assert!(
                    count * 20 <= p.len(),
                    "{file} {name}: {count} near-zero gradients"
                );
            }
            assert_close(&format!("{file} {name}"), &p.value, &want_value, 1e-4);
        }
    }
}

#[test]
fn summary_equals_torchsummary() {
    let want = String::from_utf8(read_fixture("summary.txt")).unwrap();
    let got = Summary::of(&ModelConfig::seed()).unwrap();
    assert_eq!(got.total_params, 55_338);
    assert_eq!(got.to_text().trim_end(), want.trim_end());
}

#[test]
fn pytorch_file_round_trips_byte_for_byte_in_values() {
    let m = seed_model();
    let bytes = m.to_safetensors();
    let mut fresh = ModelConfig::seed().build(99).unwrap();
    fresh.load_safetensors(&bytes).unwrap();
    let theirs = Tensors::open("seed_model.safetensors");
    for (name, p) in fresh.named_parameters() {
        assert_eq!(p.value, theirs.f32(&name), "{name}");
    }
}
