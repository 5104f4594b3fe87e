//! What the edited model costs to train, in words and numbers, with an epoch's time estimated
//! from a short measurement on this device; and the limits past which a tab refuses a model.

use crate::components::context::arch::use_arch;
use crate::components::context::use_text;
use crate::components::widgets::visible::when_near;
use crate::nn::arch::{Cost, MAX_PARAMS, MAX_WORKER_MIB};
use crate::nn::summary::group_thousands;
use crate::nn::{Mode, ModelConfig};
use crate::text::fill;
use crate::viz::fmt_bytes;
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};
use std::time::Duration;

/// Training images of one epoch.
const EPOCH_IMAGES: u64 = 8_000;

/// Images in one calibration step.
const CALIBRATION_IMAGES: usize = 16;

/// Steps of the calibration; the first warms up, the median of the others counts.
const CALIBRATION_STEPS: usize = 4;

type Calibration = StoredValue<(crate::nn::Sequential, Vec<f64>), LocalStorage>;

/// One calibration step, then the next in a later task; the last sets `ips`.
fn calibration_step(
    ips: RwSignal<Option<f64>>,
    perf: web_sys::Performance,
    x: ArrayD<f32>,
    state: Calibration,
) {
    let start = perf.now();
    let ok = state.try_update_value(|(model, _)| {
        let Ok(out) = model.forward(&x, Mode::Train) else {
            return false;
        };
        let grad = ArrayD::from_elem(out.raw_dim(), 0.01);
        model.backward_params(&grad);
        true
    });
    if ok != Some(true) {
        return;
    }
    let ms = perf.now() - start;
    let times = state
        .try_update_value(|(_, times)| {
            times.push(ms);
            times.clone()
        })
        .unwrap_or_default();
    if times.len() < CALIBRATION_STEPS {
        set_timeout(
            move || calibration_step(ips, perf, x, state),
            Duration::from_millis(50),
        );
        return;
    }
    let mut counted = times[1..].to_vec();
    counted.sort_by(f64::total_cmp);
    let median = counted[counted.len() / 2];
    if median > 0.0 {
        ips.set(Some(CALIBRATION_IMAGES as f64 * 1000.0 / median));
    }
}

/// Measures the seed model's training steps on this thread, one short step (about 5 ms on a
/// laptop) per task so the page never stalls, and sets `ips` to its images per second.
fn calibrate(ips: RwSignal<Option<f64>>) {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let Ok(model) = ModelConfig::seed().build(0) else {
        return;
    };
    let x = ArrayD::from_elem(IxDyn(&[CALIBRATION_IMAGES, 1, 28, 28]), 0.5f32);
    calibration_step(ips, perf, x, StoredValue::new_local((model, Vec::new())));
}

/// The cost line (`arch-cost`) and the limits.
#[component]
pub fn ArchCost() -> impl IntoView {
    let t = use_text();
    let arch = use_arch();
    // Measured once, when the section comes near: its training steps run on the page's thread,
    // and at load they landed between the first strokes of someone drawing up in the overview.
    let seed_ips = RwSignal::new(None::<f64>);
    // Under this component's owner, as if run in it: the measurement's state is its own.
    let owner = Owner::current();
    when_near("model", "600px", move || match owner {
        Some(o) => o.with(|| calibrate(seed_ips)),
        None => calibrate(seed_ips),
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
                ("m", group_thousands(cost.macs)),
                ("b", fmt_bytes(cost.bytes_per_image as f64)),
                ("s", seconds),
            ],
        ))
    };
    view! {
        <p class="note" data-testid="arch-cost">{line}</p>
        <p class="note">{move || fill(t().model.limits, &[("p", group_thousands(MAX_PARAMS)), ("mib", MAX_WORKER_MIB.to_string())])}</p>
    }
}
