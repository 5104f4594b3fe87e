//! Where a training step of the seed model (batch 64) spends its time: the median forward and
//! backward time of every layer, and each layer's share of the total. Built for
//! wasm32-wasip1 it shows the costs the browser's worker sees (see the README's "Benchmarks").
//!
//! `cargo run --release --example layer_times -- [repeats]`

use convlab::nn::init::{rng, uniform};
use convlab::nn::{Mode, ModelConfig};
use ndarray::ArrayD;
use std::time::Instant;

fn median_ms(repeats: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut t: Vec<f64> = (0..repeats)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

fn main() {
    let repeats: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let batch = 64;
    let config = ModelConfig::seed();
    let mut model = config.build(0).unwrap();
    let mut x: ArrayD<f32> = uniform(&[batch, 1, 28, 28], 0.5, &mut rng(1)).mapv(|v| v + 0.5);
    let mut inputs = Vec::new();
    for layer in &mut model.layers {
        inputs.push(x.clone());
        x = layer.forward(&x, Mode::Train).clone();
    }
    let mut rows = Vec::new();
    let mut grad = uniform(x.shape(), 0.01, &mut rng(2));
    for (i, layer) in model.layers.iter_mut().enumerate().rev() {
        let fwd = median_ms(repeats, || {
            layer.forward(&inputs[i], Mode::Train);
        });
        let first = i == 0;
        let bwd = median_ms(repeats, || {
            layer.backward(&grad, !first);
        });
        let next = layer.backward(&grad, !first).clone();
        rows.push((config.layers[i].name.clone(), fwd, bwd));
        grad = next;
    }
    rows.reverse();
    let total: f64 = rows.iter().map(|r| r.1 + r.2).sum();
    println!(
        "{:<14} {:>9} {:>9} {:>6}",
        "layer", "fwd ms", "bwd ms", "share"
    );
    for (name, f, b) in &rows {
        println!(
            "{name:<14} {f:>9.3} {b:>9.3} {:>5.1}%",
            100.0 * (f + b) / total
        );
    }
    println!("{:<14} {total:>19.3}", "total");
}
