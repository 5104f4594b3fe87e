//! The state every stepper shares: the plan on screen (the last valid one while the settings are
//! impossible), the number of steps done, the current step and its announcement.

use super::app::use_strings;
use super::i18n::fill;
use crate::nn::NnError;
use crate::viz::{fmt_num, ConvPlan, ConvStep, PoolPlan, PoolStep};
use leptos::prelude::*;

/// A plan that can be walked one output cell at a time.
pub trait Steppable: Clone + PartialEq + Send + Sync + 'static {
    /// What one step shows.
    type Step: Clone + PartialEq + Send + Sync + 'static;
    /// Number of steps.
    fn steps(&self) -> usize;
    /// Step `k`, 0-based.
    fn step(&self, k: usize) -> Self::Step;
    /// The output cell a step fills: (row, col, value).
    fn cell(step: &Self::Step) -> (usize, usize, f32);
}

impl Steppable for ConvPlan {
    type Step = ConvStep;
    fn steps(&self) -> usize {
        ConvPlan::steps(self)
    }
    fn step(&self, k: usize) -> ConvStep {
        ConvPlan::step(self, k)
    }
    fn cell(s: &ConvStep) -> (usize, usize, f32) {
        (s.row, s.col, s.value)
    }
}

impl Steppable for PoolPlan {
    type Step = PoolStep;
    fn steps(&self) -> usize {
        PoolPlan::steps(self)
    }
    fn step(&self, k: usize) -> PoolStep {
        PoolPlan::step(self, k)
    }
    fn cell(s: &PoolStep) -> (usize, usize, f32) {
        (s.row, s.col, s.value)
    }
}

/// Signals of one stepper; all `Copy`, so closures can take them freely.
pub struct Stepper<P: Steppable> {
    /// The plan drawn: the current one, or the last valid one while the settings are impossible.
    pub shown: Memo<P>,
    /// Steps done, 0 ..= total.
    pub step: RwSignal<usize>,
    /// Number of steps of the shown plan.
    pub total: Signal<usize>,
    /// The last step done, if any.
    pub current: Memo<Option<P::Step>>,
    /// What a screen reader hears after each step.
    pub announce: Signal<String>,
}

impl<P: Steppable> Clone for Stepper<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Steppable> Copy for Stepper<P> {}

/// Builds the shared stepper state for `plan`; `fallback` is drawn if the very first settings
/// are impossible. The step count goes back to 0 whenever the number of steps changes.
pub fn use_stepper<P: Steppable>(
    plan: Memo<Result<P, NnError>>,
    fallback: fn() -> P,
) -> Stepper<P> {
    let s = use_strings();
    let shown = Memo::new(move |prev: Option<&P>| match plan.get() {
        Ok(p) => p,
        Err(_) => prev.cloned().unwrap_or_else(fallback),
    });
    let step = RwSignal::new(0usize);
    let total = Signal::derive(move || shown.with(|p| p.steps()));
    Effect::new(move |prev: Option<usize>| {
        let n = total.get();
        if prev.is_some_and(|p| p != n) {
            step.set(0);
        }
        n
    });
    let current = Memo::new(move |_| {
        let k = step.get();
        shown.with(|p| (k > 0 && k <= p.steps()).then(|| p.step(k - 1)))
    });
    let announce = Signal::derive(move || match current.get() {
        None => String::new(),
        Some(c) => {
            let (r, col, v) = P::cell(&c);
            fill(
                s().announce,
                &[
                    ("k", step.get().to_string()),
                    ("n", total.get().to_string()),
                    ("r", r.to_string()),
                    ("c", col.to_string()),
                    ("v", fmt_num(v)),
                ],
            )
        }
    });
    Stepper {
        shown,
        step,
        total,
        current,
        announce,
    }
}
