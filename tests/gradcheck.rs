//! Finite-difference gradient checks for every layer and the loss, and a training sanity check.
//!
//! For a layer f and a fixed random projection r, L(x) = Σ f(x)·r. Central differences
//! (L(x + h·e_i) − L(x − h·e_i)) / 2h, computed in f64 from f32 forwards, must match backward.

use convlab::nn::init::{rng, uniform};
use convlab::nn::*;
use ndarray::{ArrayD, IxDyn};

const H: f32 = 1e-2;

fn proj(y: &ArrayD<f32>, r: &ArrayD<f32>) -> f64 {
    y.iter()
        .zip(r.iter())
        .map(|(a, b)| *a as f64 * *b as f64)
        .sum()
}

/// Compares analytic and numeric derivatives at up to `samples` positions of `x`.
fn check(
    what: &str,
    analytic: &ArrayD<f32>,
    x: &ArrayD<f32>,
    mut loss: impl FnMut(&ArrayD<f32>) -> f64,
) {
    let n = x.len();
    let step = (n / 40).max(1);
    let mut checked = 0;
    for i in (0..n).step_by(step) {
        let mut xp = x.clone();
        xp.as_slice_mut().unwrap()[i] += H;
        let mut xm = x.clone();
        xm.as_slice_mut().unwrap()[i] -= H;
        let numeric = (loss(&xp) - loss(&xm)) / (2.0 * H as f64);
        let a = analytic.as_slice().unwrap()[i] as f64;
        let tol = 2e-2 * (a.abs() + numeric.abs()).max(1e-1);
        assert!(
            (a - numeric).abs() <= tol,
            "{what}[{i}]: backward {a} vs finite difference {numeric}"
        );
        checked += 1;
    }
    assert!(checked > 0);
}

fn input(shape: &[usize], seed: u64) -> ArrayD<f32> {
    uniform(shape, 1.0, &mut rng(seed))
}

#[test]
fn conv2d_gradients() {
    for (i, cfg) in [
        Conv2dConfig::new(2, 3, (3, 2))
            .stride((2, 1))
            .padding((1, 2))
            .dilation((1, 2)),
        Conv2dConfig::new(1, 2, (3, 3)).dilation((2, 2)).bias(false),
        Conv2dConfig::new(3, 2, (1, 1)),
    ]
    .into_iter()
    .enumerate()
    {
        let x = input(&[2, cfg.in_channels, 7, 6], i as u64);
        let mut layer = cfg.init(&mut rng(10 + i as u64)).unwrap();
        let y = layer.forward(&x);
        let r = input(y.shape(), 20 + i as u64);
        let dx = layer.backward(&r, true).clone();
        let mut probe = layer.clone();
        check("conv dx", &dx, &x, |x| proj(probe.forward(x), &r));
        let w = layer.weight.value.clone();
        let dw = layer.weight.grad.clone();
        check("conv dw", &dw, &w, |w| {
            let mut l = layer.clone();
            l.weight.value = w.clone();
            proj(l.forward(&x), &r)
        });
        if let Some(b) = &layer.bias {
            let (bv, bg) = (b.value.clone(), b.grad.clone());
            check("conv db", &bg, &bv, |b| {
                let mut l = layer.clone();
                l.bias.as_mut().unwrap().value = b.clone();
                proj(l.forward(&x), &r)
            });
        }
    }
}

#[test]
fn max_pool2d_gradients() {
    // Distinct values spaced wider than 2H, so nudging one never changes which cell wins.
    let mut values: Vec<f32> = (0..2 * 3 * 7 * 7).map(|v| v as f32 * 0.05 - 3.0).collect();
    let mut r = rng(3);
    use rand::seq::SliceRandom;
    values.shuffle(&mut r);
    let x = ArrayD::from_shape_vec(IxDyn(&[2, 3, 7, 7]), values).unwrap();
    for cfg in [
        MaxPool2dConfig::new((2, 2)).padding((1, 1)),
        MaxPool2dConfig::new((3, 2)).stride((1, 2)).dilation((2, 1)),
        MaxPool2dConfig::new((3, 3)).stride((2, 2)).padding((1, 1)),
    ] {
        let mut layer = cfg.init().unwrap();
        let y = layer.forward(&x);
        let rp = input(y.shape(), 5);
        let dx = layer.backward(&rp).clone();
        check("pool dx", &dx, &x, |x| proj(layer.clone().forward(x), &rp));
    }
}

#[test]
fn linear_relu_flatten_gradients() {
    let x = input(&[3, 2, 2, 3], 1);
    let mut flat = Flatten::new(1, -1);
    let mut lin = LinearConfig::new(12, 5).init(&mut rng(2)).unwrap();
    let mut relu = ReLU::new();
    let y = relu.forward(lin.forward(flat.forward(&x)));
    let r = input(y.shape(), 3);
    let dx = flat.backward(&lin.backward(&relu.backward(&r).clone(), true).clone());
    let f = |x: &ArrayD<f32>, lin: &Linear| {
        let mut l = lin.clone();
        proj(
            ReLU::new().forward(l.forward(Flatten::new(1, -1).forward(x))),
            &r,
        )
    };
    check("linear+relu dx", dx, &x, |x| f(x, &lin));
    let (w, dw) = (lin.weight.value.clone(), lin.weight.grad.clone());
    check("linear dw", &dw, &w, |w| {
        let mut l = lin.clone();
        l.weight.value = w.clone();
        f(&x, &l)
    });
}

#[test]
fn dropout_scales_kept_units_and_routes_gradients() {
    let x = ArrayD::from_elem(IxDyn(&[4, 1000]), 1.0f32);
    let mut d = Dropout::new(0.3, 9).unwrap();
    let y = d.forward(&x, Mode::Train).clone();
    let kept = y.iter().filter(|&&v| v != 0.0).count() as f32 / y.len() as f32;
    assert!((kept - 0.7).abs() < 0.03, "kept fraction {kept}");
    assert!(y.iter().all(|&v| v == 0.0 || (v - 1.0 / 0.7).abs() < 1e-6));
    let g = d.backward(&x).clone();
    assert_eq!(
        g, y,
        "gradient passes exactly where units were kept, scaled the same"
    );
    let mean = y.mean().unwrap();
    assert!(
        (mean - 1.0).abs() < 0.05,
        "expected sum preserved, mean {mean}"
    );
    assert_eq!(d.forward(&x, Mode::Eval), x);
    assert!(Dropout::new(1.0, 0).is_err());
}

#[test]
fn cross_entropy_gradient() {
    let z = input(&[4, 10], 11)
        .into_dimensionality::<ndarray::Ix2>()
        .unwrap()
        * 3.0;
    let labels = [3, 0, 9, 3];
    let (_, g) = cross_entropy(z.view(), &labels);
    let zd = z.clone().into_dyn();
    check("cross_entropy dz", &g.into_dyn(), &zd, |z| {
        cross_entropy(z.view().into_dimensionality().unwrap(), &labels).0 as f64
    });
}

#[test]
fn whole_model_gradient() {
    let mut m = ModelConfig::seed().build(4).unwrap();
    let x = uniform(&[2, 1, 28, 28], 0.5, &mut rng(1)).mapv(|v| v + 0.5);
    let labels = [7, 2];
    m.zero_grad();
    let logits = m.forward(&x, Mode::Eval).unwrap();
    let (_, g) = cross_entropy(logits.view().into_dimensionality().unwrap(), &labels);
    m.backward(&g.into_dyn());
    let loss_of = |m: &mut Sequential| {
        let z = m.forward(&x, Mode::Eval).unwrap();
        cross_entropy(z.view().into_dimensionality().unwrap(), &labels).0 as f64
    };
    for idx in [0, 2, 4, 6] {
        let grad = m
            .layers
            .iter()
            .flat_map(|l| l.params())
            .nth(idx)
            .unwrap()
            .1
            .grad
            .clone();
        let value = m
            .layers
            .iter()
            .flat_map(|l| l.params())
            .nth(idx)
            .unwrap()
            .1
            .value
            .clone();
        check(&format!("param {idx}"), &grad, &value, |v| {
            let mut probe = m.clone();
            *probe
                .parameters_mut()
                .into_iter()
                .nth(idx)
                .map(|p| &mut p.value)
                .unwrap() = v.clone();
            loss_of(&mut probe)
        });
    }
}

#[test]
fn two_hundred_steps_fit_one_batch() {
    let mut m = ModelConfig::seed().build(1).unwrap();
    let x = uniform(&[16, 1, 28, 28], 0.5, &mut rng(2)).mapv(|v| v + 0.5);
    let labels: Vec<usize> = (0..16).map(|i| i % 10).collect();
    let mut opt = Adam::new(1e-3);
    let mut loss = f32::INFINITY;
    for _ in 0..200 {
        m.zero_grad();
        let z = m.forward(&x, Mode::Train).unwrap();
        let (l, g) = cross_entropy(z.view().into_dimensionality().unwrap(), &labels);
        m.backward(&g.into_dyn());
        opt.step(&mut m.parameters_mut());
        loss = l;
    }
    let z = m.forward(&x, Mode::Eval).unwrap();
    let (eval_loss, _) = cross_entropy(z.view().into_dimensionality().unwrap(), &labels);
    assert!(
        eval_loss < 0.05,
        "loss after 200 steps: {eval_loss} (last train loss {loss})"
    );
}

#[test]
fn default_init_follows_pytorch_bounds() {
    let m = ModelConfig::seed().build(5).unwrap();
    for (name, p) in m.named_parameters() {
        let fan_in: usize = if name.starts_with("conv1") {
            9
        } else if name.starts_with("conv2") {
            144
        } else if name.starts_with("classifier.1") {
            1568
        } else {
            32
        };
        let bound = 1.0 / (fan_in as f32).sqrt();
        assert!(
            p.value.iter().all(|v| v.abs() <= bound),
            "{name} within ±1/sqrt(fan_in)"
        );
        if p.len() > 1000 {
            let std = (p.value.mapv(|v| v * v).mean().unwrap()).sqrt();
            let want = bound / 3f32.sqrt();
            assert!(
                (std - want).abs() < 0.05 * want,
                "{name}: std {std}, uniform gives {want}"
            );
        }
    }
    let a = ModelConfig::seed().build(5).unwrap();
    assert_eq!(
        a.named_parameters()[0].1.value,
        m.named_parameters()[0].1.value,
        "seeded"
    );
}

#[test]
fn buffers_are_reused_across_batches() {
    let mut m = ModelConfig::seed().build(2).unwrap();
    let x = uniform(&[8, 1, 28, 28], 0.5, &mut rng(4)).mapv(|v| v + 0.5);
    let labels: Vec<usize> = (0..8).collect();
    let mut opt = Optimizer::Adam(Adam::new(1e-3));
    let mut grad = ndarray::Array2::zeros((8, 10));
    m.train_step(&x, &labels, &mut opt, &mut grad).unwrap();
    let before: Vec<*const f32> = m.layers.iter().map(|l| l.output().as_ptr()).collect();
    let loss = m.train_step(&x, &labels, &mut opt, &mut grad).unwrap();
    let after: Vec<*const f32> = m.layers.iter().map(|l| l.output().as_ptr()).collect();
    assert_eq!(
        before, after,
        "a second batch of the same shape reuses every output buffer"
    );
    assert!(loss.is_finite());
}

#[test]
fn softmax_layer_gradient_along_any_dim() {
    for dim in 0..3 {
        let x = input(&[3, 4, 2], 30 + dim as u64) * 2.0;
        let mut sm = Softmax::new(dim);
        let y = sm.forward(&x).clone();
        let sums = y.sum_axis(ndarray::Axis(dim));
        assert!(
            sums.iter().all(|s| (s - 1.0).abs() < 1e-5),
            "dim {dim} sums to 1"
        );
        let r = input(y.shape(), 40);
        let dx = sm.backward(&r).clone();
        check(&format!("softmax dim {dim}"), &dx, &x, |x| {
            proj(Softmax::new(dim).forward(x), &r)
        });
    }
    let z = input(&[4, 10], 12);
    let rows = softmax(z.view().into_dimensionality().unwrap()).into_dyn();
    assert_eq!(
        Softmax::new(1).forward(&z),
        &rows,
        "the layer equals the row-wise function"
    );
}
