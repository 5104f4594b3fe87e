//! What the edited model costs to train, in words and numbers, with an epoch's time estimated
//! from a short measurement on this device; and the limits past which a tab refuses a model.

use crate::components::context::arch::use_arch;
use crate::components::context::use_text;
use crate::nn::arch::{Cost, MAX_PARAMS, MAX_WORKER_MIB};
use crate::nn::summary::group_thousands;
use crate::nn::{Mode, ModelConfig};
use crate::text::fill;
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};

/// Training images of one epoch.
const EPOCH_IMAGES: u64 = 8_000;

/// Images per second of the seed model's training steps on this thread: three steps of 32
/// images after one to warm up, about 40 ms on a laptop. `None` where there is no clock.
fn calibrate() -> Option<f64> {
    let perf = web_sys::window()?.performance()?;
    let mut model = ModelConfig::seed().build(0).ok()?;
    let x = ArrayD::from_elem(IxDyn(&[32, 1, 28, 28]), 0.5f32);
    let mut step = || -> Option<()> {
        let out = model.forward(&x, Mode::Train).ok()?.clone();
        model.backward_params(&ArrayD::from_elem(out.raw_dim(), 0.01));
        Some(())
    };
    step()?;
    let start = perf.now();
    for _ in 0..3 {
        step()?;
    }
    let seconds = (perf.now() - start) / 1000.0;
    (seconds > 0.0).then(|| 96.0 / seconds)
}

/// A size in bytes as KB or MB (10⁶).
fn bytes(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.1} MB", n as f64 / 1e6)
    } else {
        format!("{:.0} KB", n as f64 / 1e3)
    }
}

/// The cost line (`arch-cost`) and the limits.
#[component]
pub fn ArchCost() -> impl IntoView {
    let t = use_text();
    let arch = use_arch();
    // Measured once, after the page has painted, so the first view does not wait for it.
    let seed_ips = RwSignal::new(None::<f64>);
    request_animation_frame(move || {
        set_timeout(
            move || seed_ips.set(calibrate()),
            std::time::Duration::from_millis(300),
        )
    });
    let line = move || {
        let model = arch.checked.with(|c| c.as_ref().ok().cloned())?;
        let cost = Cost::of(&model).ok()?;
        let seed = Cost::of(&ModelConfig::seed()).ok()?;
        let seconds = seed_ips
            .get()
            .map(|ips| {
                format!(
                    "{:.0}",
                    cost.epoch_seconds(&seed, ips, EPOCH_IMAGES).max(1.0)
                )
            })
            .unwrap_or_else(|| "?".into());
        Some(fill(
            t().model.cost,
            &[
                ("p", group_thousands(cost.params)),
                ("m", format!("{:.2}", cost.macs as f64 / 1e6)),
                ("b", bytes(cost.bytes_per_image)),
                ("s", seconds),
            ],
        ))
    };
    view! {
        <p class="note" data-testid="arch-cost">{line}</p>
        <p class="note">{move || fill(t().model.limits, &[("p", group_thousands(MAX_PARAMS)), ("mib", MAX_WORKER_MIB.to_string())])}</p>
    }
}
