//! Criterion benchmarks of the seed model at batch 64: forward, forward + backward, and one
//! training step with Adam (forward, loss, backward, update).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use convlab::nn::init::{rng, uniform};
    use convlab::nn::{Adam, Mode, ModelConfig, Optimizer};
    use criterion::{black_box, Criterion, Throughput};
    use ndarray::Array2;

    pub fn seed_model(c: &mut Criterion) {
        let batch = 64;
        let x = uniform(&[batch, 1, 28, 28], 0.5, &mut rng(1)).mapv(|v| v + 0.5);
        let labels: Vec<usize> = (0..batch).map(|i| i % 10).collect();
        let mut m = ModelConfig::seed().build(0).unwrap();
        let mut group = c.benchmark_group("seed_model_batch64");
        group.throughput(Throughput::Elements(batch as u64));
        group.bench_function("forward", |b| {
            b.iter(|| black_box(m.forward(&x, Mode::Eval).unwrap()[[0, 0]]))
        });
        let grad = uniform(&[batch, 10], 0.01, &mut rng(2));
        group.bench_function("forward_backward", |b| {
            b.iter(|| {
                m.zero_grad();
                m.forward(&x, Mode::Train).unwrap();
                m.backward_params(&grad);
            })
        });
        let mut opt = Optimizer::Adam(Adam::new(1e-3));
        let mut g = Array2::zeros((batch, 10));
        group.bench_function("adam_train_step", |b| {
            b.iter(|| black_box(m.train_step(&x, &labels, &mut opt, &mut g).unwrap()))
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::seed_model);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
