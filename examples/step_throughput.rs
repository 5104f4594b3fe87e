//! Times the seed model at batch 64 (forward, forward + backward, Adam training step) and prints
//! one JSON line per figure, for tools/bench_compare.py to set beside PyTorch in the same run.
//!
//! `cargo run --release --example step_throughput -- [seconds per figure]`

use convlab::nn::init::{rng, uniform};
use convlab::nn::{Adam, Mode, ModelConfig, Optimizer};
use ndarray::Array2;
use std::time::Instant;

fn time_it(seconds: f64, mut f: impl FnMut()) -> f64 {
    for _ in 0..5 {
        f();
    }
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed().as_secs_f64() < seconds || samples.len() < 10 {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let batch = 64;
    let x = uniform(&[batch, 1, 28, 28], 0.5, &mut rng(1)).mapv(|v| v + 0.5);
    let labels: Vec<usize> = (0..batch).map(|i| i % 10).collect();
    let mut m = ModelConfig::seed().build(0).unwrap();
    let grad = uniform(&[batch, 10], 0.01, &mut rng(2));
    let mut opt = Optimizer::Adam(Adam::new(1e-3));
    let mut g = Array2::zeros((batch, 10));
    let forward = time_it(seconds, || {
        m.forward(&x, Mode::Eval).unwrap();
    });
    let fb = time_it(seconds, || {
        m.zero_grad();
        m.forward(&x, Mode::Train).unwrap();
        m.backward_params(&grad);
    });
    let step = time_it(seconds, || {
        m.train_step(&x, &labels, &mut opt, &mut g).unwrap();
    });
    for (name, t) in [
        ("forward", forward),
        ("forward_backward", fb),
        ("adam_step", step),
    ] {
        println!(
            "{{\"impl\": \"convlab\", \"what\": \"{name}\", \"batch\": {batch}, \"median_ms\": {:.3}, \"images_per_s\": {:.0}}}",
            t * 1e3,
            batch as f64 / t
        );
    }
}
