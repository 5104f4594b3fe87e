//! Which training defaults pass 97 % on the held-out digits soonest? Trains the seed model with a
//! few settings and prints the held-out accuracy after every epoch (the browser evaluates at the
//! same points). `cargo run --release --example defaults_sweep`
use convlab::data::Mnist;
use convlab::nn::ModelConfig;
use convlab::train::{evaluate, OptimizerKind, TrainConfig, Trainer};

fn main() {
    let data = Mnist::decode(&std::fs::read("public/mnist-10k.bin").unwrap()).unwrap();
    let split = data.split().unwrap();
    for (lr, batch, dropout) in [
        (3e-3, 64, 0.3),
        (5e-3, 64, 0.3),
        (3e-3, 32, 0.3),
        (3e-3, 64, 0.1),
        (2e-3, 32, 0.1),
    ] {
        for seed in [1, 2] {
            let cfg = TrainConfig {
                epochs: 4,
                batch,
                lr,
                optimizer: OptimizerKind::Adam,
                dropout,
                seed,
                ..TrainConfig::default()
            };
            let mut t = Trainer::new(&ModelConfig::seed(), cfg, split.train.clone()).unwrap();
            let mut accs = Vec::new();
            while !t.finished() {
                if t.step(&data).unwrap().epoch_done {
                    accs.push(format!(
                        "{:.2}",
                        100.0
                            * evaluate(&mut t.model, &data, &split.test, 500)
                                .unwrap()
                                .accuracy()
                    ));
                }
            }
            println!(
                "lr {lr} batch {batch} dropout {dropout} seed {seed}: {}",
                accs.join(" ")
            );
        }
    }
}
