//! Trains the pretrained model that the Draw section ships with.
//!
//! Usage: `cargo run --release --bin pretrain [-- <epochs>]` writes
//! `public/pretrained.safetensors`. It trains the seed model on the 8,000 training digits of
//! `public/mnist-10k.bin` (never on the 2,000 held out), with augmentation so that digits drawn
//! with a mouse read well (30 % of them redrawn with an even pen), then prints the held-out
//! accuracy and how many of 60 drawn digits per class it reads. Everything is seeded, so the
//! same command gives the same file on the same machine. `pretrain --check` prints the same for
//! the file already there.

use convlab::data::augment::Augment;
use convlab::data::strokes::drawn_input;
use convlab::data::{Mnist, Split};
use convlab::nn::{classify, Mode, ModelConfig, Sequential};
use convlab::train::{evaluate, OptimizerKind, Schedule, TrainConfig, Trainer};
use ndarray::{ArrayD, IxDyn};
use std::process::ExitCode;
use std::time::Instant;

/// The documented settings (README, "Pretrained model").
fn settings(epochs: usize) -> TrainConfig {
    TrainConfig {
        epochs,
        batch: 64,
        lr: 3e-3,
        optimizer: OptimizerKind::Adam,
        dropout: 0.1,
        seed: 2024,
        augment: Some(Augment {
            redraw: 0.3,
            ..Augment::default()
        }),
        schedule: Schedule::Cosine,
    }
}

/// Drawings per class in the drawn-digit check (`tests/pretrained.rs` uses the same ones).
const DRAWN_PER_CLASS: u64 = 60;

/// How many of [`DRAWN_PER_CLASS`] drawings of each class the model reads right, and the
/// misread ones as `class/n→said`.
fn drawn_right(model: &mut Sequential) -> Result<([u64; 10], Vec<String>), String> {
    let mut right = [0u64; 10];
    let mut wrong = Vec::new();
    for class in 0..10u8 {
        let input: Vec<f32> = (0..DRAWN_PER_CLASS)
            .flat_map(|n| drawn_input(class, n))
            .collect();
        let x = ArrayD::from_shape_vec(IxDyn(&[DRAWN_PER_CLASS as usize, 1, 28, 28]), input)
            .map_err(|e| e.to_string())?;
        let logits = model.forward(&x, Mode::Eval).map_err(|e| e.to_string())?;
        for (n, row) in logits.rows().into_iter().enumerate() {
            let (_, argmax) = classify(row.as_slice().ok_or("a row in order")?);
            if argmax == class as usize {
                right[class as usize] += 1;
            } else {
                wrong.push(format!("{class}/{n}→{argmax}"));
            }
        }
    }
    Ok((right, wrong))
}

fn report(model: &mut Sequential, data: &Mnist, test: &[usize]) -> Result<(), String> {
    let eval = evaluate(model, data, test, 500).map_err(|e| e.to_string())?;
    println!(
        "held-out: {} of {} right ({:.2} %)",
        eval.correct(),
        eval.total(),
        100.0 * eval.accuracy()
    );
    let (right, wrong) = drawn_right(model)?;
    let per_class: Vec<String> = right
        .iter()
        .enumerate()
        .map(|(c, r)| format!("{c}: {r}"))
        .collect();
    println!(
        "drawn digits read right, of {DRAWN_PER_CLASS} per class: {}",
        per_class.join(", ")
    );
    println!("misread: {}", wrong.join(" "));
    Ok(())
}

/// The shipped digits and their fixed split.
fn digits() -> Result<(Mnist, Split), String> {
    let bytes =
        std::fs::read("public/mnist-10k.bin").map_err(|e| format!("public/mnist-10k.bin: {e}"))?;
    let data = Mnist::decode(&bytes).map_err(|e| e.to_string())?;
    let split = data.split().map_err(|e| e.to_string())?;
    Ok((data, split))
}

fn check() -> Result<(), String> {
    let (data, split) = digits()?;
    let mut model = ModelConfig::seed().build(0).map_err(|e| e.to_string())?;
    model
        .load_safetensors(
            &std::fs::read("public/pretrained.safetensors")
                .map_err(|e| format!("public/pretrained.safetensors: {e}"))?,
        )
        .map_err(|e| e.to_string())?;
    report(&mut model, &data, &split.test)
}

fn run(epochs: usize) -> Result<(), String> {
    let (data, split) = digits()?;
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
    report(&mut t.model, &data, &split.test)?;
    std::fs::write("public/pretrained.safetensors", t.model.to_safetensors())
        .map_err(|e| format!("public/pretrained.safetensors: {e}"))?;
    println!("wrote public/pretrained.safetensors");
    Ok(())
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--check") {
        return match check() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("pretrain: {e}");
                ExitCode::FAILURE
            }
        };
    }
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
