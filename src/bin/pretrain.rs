//! Trains the pretrained model that the Draw section ships with.
//!
//! Usage: `cargo run --release --bin pretrain [-- <epochs>]` writes
//! `public/pretrained.safetensors`. It trains the seed model on the 8,000 training digits of
//! `public/mnist-10k.bin` (never on the 2,000 held out), with light augmentation so that digits
//! drawn with a mouse read well, then prints the held-out accuracy. Everything is seeded, so the
//! same command gives the same file on the same machine.

use convlab::data::augment::Augment;
use convlab::data::Mnist;
use convlab::nn::ModelConfig;
use convlab::train::{evaluate, OptimizerKind, Schedule, TrainConfig, Trainer};
use std::process::ExitCode;
use std::time::Instant;

/// The documented settings (README, "Pretrained model").
fn settings(epochs: usize) -> TrainConfig {
    TrainConfig {
        epochs,
        batch: 64,
        lr: 3e-3,
        optimizer: OptimizerKind::Adam,
        dropout: 0.3,
        seed: 2024,
        augment: Some(Augment::default()),
        schedule: Schedule::Cosine,
    }
}

fn run(epochs: usize) -> Result<(), String> {
    let bytes =
        std::fs::read("public/mnist-10k.bin").map_err(|e| format!("public/mnist-10k.bin: {e}"))?;
    let data = Mnist::decode(&bytes).map_err(|e| e.to_string())?;
    let split = data.split().map_err(|e| e.to_string())?;
    let mut t = Trainer::new(&ModelConfig::seed(), settings(epochs), split.train.clone())
        .map_err(|e| format!("{e:?}"))?;
    let start = Instant::now();
    let mut loss_sum = 0.0;
    while !t.finished() {
        let r = t.step(&data).map_err(|e| format!("{e:?}"))?;
        loss_sum += r.loss;
        if r.epoch_done {
            let eval =
                evaluate(&mut t.model, &data, &split.test, 500).map_err(|e| e.to_string())?;
            println!(
                "epoch {:>2}  train loss {:.4}  held-out accuracy {:.2} %  ({:.0} s)",
                r.epoch + 1,
                loss_sum / r.batch as f32,
                100.0 * eval.accuracy(),
                start.elapsed().as_secs_f32()
            );
            loss_sum = 0.0;
        }
    }
    let eval = evaluate(&mut t.model, &data, &split.test, 500).map_err(|e| e.to_string())?;
    std::fs::write("public/pretrained.safetensors", t.model.to_safetensors())
        .map_err(|e| format!("public/pretrained.safetensors: {e}"))?;
    println!(
        "wrote public/pretrained.safetensors: {} of {} held-out digits right ({:.2} %)",
        eval.correct(),
        eval.total(),
        100.0 * eval.accuracy()
    );
    Ok(())
}

fn main() -> ExitCode {
    let epochs = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        None => 45,
        Some(Ok(e)) if e > 0 => e,
        Some(_) => {
            eprintln!("usage: pretrain [epochs]");
            return ExitCode::FAILURE;
        }
    };
    match run(epochs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pretrain: {e}");
            ExitCode::FAILURE
        }
    }
}
