//! The training loop's shares: a batch split between the trainer and a helper (as the browser's
//! workers split it) must make the same update as the whole batch in one piece.

use convlab::data::Mnist;
use convlab::nn::{ModelConfig, NnError};
use convlab::train::{Helper, OptimizerKind, StepReport, TrainConfig, Trainer};

fn data() -> Mnist {
    Mnist::decode(&std::fs::read("public/mnist-10k.bin").unwrap()).unwrap()
}

/// The largest difference between two equally long lists.
fn max_diff(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0f32, f32::max)
}

/// The digits and a trainer of the seed model over their training split, without dropout.
fn trainer(cfg: TrainConfig) -> (Mnist, Trainer) {
    let data = data();
    let split = data.split().unwrap();
    let cfg = TrainConfig {
        dropout: 0.0,
        ..cfg
    };
    let t = Trainer::new(&ModelConfig::seed(), cfg, split.train).unwrap();
    (data, t)
}

#[test]
fn a_batch_split_into_shares_makes_the_same_update_as_the_whole_batch() {
    let data = data();
    let split = data.split().unwrap();
    // Without dropout the two runs draw no different random numbers. SGD's update is
    // proportional to the gradient, so the shares' rounding stays as small in the weights;
    // Adam's first steps would turn a gradient of ±1e-9 into a step of ±lr.
    let cfg = TrainConfig {
        dropout: 0.0,
        optimizer: OptimizerKind::Sgd { momentum: 0.9 },
        lr: 0.05,
        ..TrainConfig::default()
    };
    let seed = ModelConfig::seed();
    let mut whole = Trainer::new(&seed, cfg.clone(), split.train.clone()).unwrap();
    let mut shared = Trainer::new(&seed, cfg.clone(), split.train.clone()).unwrap();
    let mut helper = Helper::new(&seed, &cfg, 1).unwrap();
    for _ in 0..3 {
        let a = whole.step(&data).unwrap();
        let ids = shared.next_batch().to_vec();
        let (mine, theirs) = ids.split_at(40);
        let own = shared.own_share(&data, mine).unwrap();
        let values = shared.model.flat_values();
        let weight = theirs.len() as f32 / ids.len() as f32;
        let (grads, other) = helper.share(&data, &values, theirs, weight).unwrap();
        shared.add_share(&grads).unwrap();
        let b = shared.finish_step(&[own, other]);
        assert_eq!(
            (a.images, a.correct, a.batch),
            (b.images, b.correct, b.batch)
        );
        assert!(
            (a.loss - b.loss).abs() < 1e-5,
            "loss {} vs {}",
            a.loss,
            b.loss
        );
        let diff = max_diff(&whole.model.flat_values(), &shared.model.flat_values());
        assert!(diff < 1e-5, "weights differ by {diff}");
    }
    // The update did something: the weights moved away from the initial ones.
    let fresh = Trainer::new(&seed, cfg, split.train).unwrap();
    assert_ne!(fresh.model.flat_values(), shared.model.flat_values());
}

#[test]
fn flat_vectors_of_the_wrong_length_change_nothing() {
    let mut m = ModelConfig::seed().build(3).unwrap();
    let before = m.flat_values();
    assert_eq!(before.len(), 55_338);
    let e = m.set_flat_values(&before[1..]).unwrap_err();
    assert_eq!(
        e,
        NnError::ParamCount {
            expected: 55_338,
            got: 55_337
        }
    );
    assert!(m.add_flat_grads(&[0.0; 10]).is_err());
    assert_eq!(m.flat_values(), before);
    assert!(m.flat_grads().iter().all(|&g| g == 0.0));
}

#[test]
fn a_large_batch_goes_through_in_micro_batches_with_the_same_gradients() {
    use convlab::train::MICRO_BATCH;
    let (data, mut t) = trainer(TrainConfig {
        batch: MICRO_BATCH * 2 + 37,
        ..TrainConfig::default()
    });
    let ids = t.next_batch().to_vec();
    assert_eq!(ids.len(), MICRO_BATCH * 2 + 37);
    let mut whole = t.model.clone();
    let share = t.own_share(&data, &ids).unwrap();
    // The same images in one piece, straight through the model.
    let mut x = ndarray::ArrayD::zeros(ndarray::IxDyn(&[ids.len(), 1, 28, 28]));
    for (k, &i) in ids.iter().enumerate() {
        for (p, &v) in data.image(i).iter().enumerate() {
            x.as_slice_mut().unwrap()[k * 784 + p] = convlab::data::unit_pixel(v);
        }
    }
    let labels: Vec<usize> = ids.iter().map(|&i| data.labels[i] as usize).collect();
    whole.zero_grad();
    let mut grad = ndarray::Array2::zeros((0, 0));
    let loss = whole
        .accumulate_gradients(&x, &labels, 1.0, &mut grad)
        .unwrap();
    assert_eq!(share.images, ids.len());
    assert!((share.loss - loss).abs() < 1e-5, "{} vs {loss}", share.loss);
    let diff = max_diff(&whole.flat_grads(), &t.model.flat_grads());
    assert!(diff < 1e-5, "gradients differ by {diff}");
}

#[test]
fn a_step_that_makes_the_weights_not_finite_is_seen_as_divergence() {
    let (data, mut t) = trainer(TrainConfig::default());
    let ok = t.step(&data).unwrap();
    assert!(!t.diverged(&ok), "an ordinary step");
    // Either sign alone is divergence: a loss that is not a number with finite weights...
    let nan_loss = StepReport {
        loss: f32::NAN,
        ..ok
    };
    assert!(t.diverged(&nan_loss));
    let inf_loss = StepReport {
        loss: f32::INFINITY,
        ..ok
    };
    assert!(t.diverged(&inf_loss));
    // ...and a finite loss with one weight that is not a number.
    let mut values = t.model.flat_values();
    values[0] = f32::NAN;
    t.model.set_flat_values(&values).unwrap();
    assert!(t.diverged(&ok));
    // The next step goes on from that weight, and is seen as divergence too.
    let r = t.step(&data).unwrap();
    assert!(t.diverged(&r));
}

#[test]
fn every_preset_architecture_learns() {
    // Each preset the editor offers trains: 40 batches of 64 with Adam bring the mean loss of
    // the last ten batches well under the first ten's (ln 10 ≈ 2.30 is guessing).
    use convlab::nn::arch::ArchPreset;
    let data = data();
    let split = data.split().unwrap();
    for preset in ArchPreset::ALL {
        let model = preset.settings().to_model();
        let cfg = TrainConfig {
            dropout: 0.0,
            ..TrainConfig::default()
        };
        let mut t = Trainer::new(&model, cfg, split.train.clone()).unwrap();
        let losses: Vec<f32> = (0..40).map(|_| t.step(&data).unwrap().loss).collect();
        let mean = |l: &[f32]| l.iter().sum::<f32>() / l.len() as f32;
        let (first, last) = (mean(&losses[..10]), mean(&losses[30..]));
        assert!(
            last < 0.6 * first && last < 1.2,
            "{preset:?}: loss {first:.3} -> {last:.3}"
        );
    }
}
