//! Controls shared by the steppers: a labelled number field and the step controls
//! (previous / next / reset / play with speed / timeline, counter `k/N`, live announcement).

use crate::components::context::use_text;
use leptos::prelude::*;
use std::time::Duration;

/// A labelled `<input type="number">` for a whole number. Text that is not a number is ignored
/// (the field keeps the last accepted value once it loses focus).
#[component]
pub fn NumberField(
    /// Visible label (also the accessible name).
    #[prop(into)]
    label: Signal<&'static str>,
    /// `data-testid` of the input.
    #[prop(into)]
    testid: String,
    /// Current value.
    #[prop(into)]
    value: Signal<usize>,
    /// Called with every accepted value.
    on_set: Callback<usize>,
    /// Smallest accepted value.
    min: usize,
    /// Largest accepted value.
    max: usize,
) -> impl IntoView {
    let id = format!("field-{testid}");
    let label_for = id.clone();
    view! {
        <label class="field" for=label_for>
            <span>{move || label.get()}</span>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min=min
                max=max
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).trim().parse::<usize>() {
                        if (min..=max).contains(&v) {
                            on_set.run(v);
                        }
                    }
                }
                on:change=move |ev| {
                    let el = event_target::<web_sys::HtmlInputElement>(&ev);
                    el.set_value(&value.get_untracked().to_string());
                }
            />
        </label>
    }
}

/// Steps done of a stepper's plan, 0 ..= its step count. It reads 0 again whenever the step
/// count changes (another configuration starts from its beginning): the count is kept with the
/// generation of the plan it was set in, and a new generation reads 0. Derived this way, no
/// effect has to notice the change and reset it.
#[derive(Clone, Copy)]
pub struct StepCount {
    /// The generation and the steps done, as last set.
    set: RwSignal<(u64, usize)>,
    /// The step count and its generation, one more each time the count changes.
    generation: Memo<(usize, u64)>,
}

impl StepCount {
    /// No steps done of a plan of `total` steps.
    pub fn new(total: Signal<usize>) -> StepCount {
        let generation = Memo::new(move |prev: Option<&(usize, u64)>| {
            let n = total.get();
            match prev {
                Some(&(m, g)) if m == n => (m, g),
                Some(&(_, g)) => (n, g + 1),
                None => (n, 0),
            }
        });
        StepCount {
            set: RwSignal::new((0, 0)),
            generation,
        }
    }

    /// Steps done (tracked).
    pub fn get(&self) -> usize {
        let g = self.generation.with(|g| g.1);
        self.set.with(|&(at, k)| if at == g { k } else { 0 })
    }

    /// Steps done (untracked).
    pub fn get_untracked(&self) -> usize {
        let g = self.generation.with_untracked(|g| g.1);
        self.set
            .with_untracked(|&(at, k)| if at == g { k } else { 0 })
    }

    /// Sets the steps done.
    pub fn set(&self, k: usize) {
        self.set.set((self.generation.with_untracked(|g| g.1), k));
    }

    /// Changes the steps done with `f`.
    pub fn update(&self, f: impl FnOnce(&mut usize)) {
        let mut k = self.get_untracked();
        f(&mut k);
        self.set(k);
    }
}

/// Previous / Next / Reset / Play, a timeline slider, the `k/N` counter and an aria-live
/// announcement of the current step. `step` counts steps done (0 ..= total).
#[component]
pub fn StepControls(
    /// Prefix of the `data-testid`s: `{prefix}-prev`, `{prefix}-next`, ….
    prefix: &'static str,
    /// Steps done.
    step: StepCount,
    /// Number of steps.
    #[prop(into)]
    total: Signal<usize>,
    /// What the screen reader hears after each step.
    #[prop(into)]
    announce: Signal<String>,
) -> impl IntoView {
    let t = use_text();
    let playing = RwSignal::new(false);
    let speed_ms = RwSignal::new(700u64);
    let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    let stop = move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(None);
        playing.set(false);
    };
    let start = move || {
        if step.get_untracked() >= total.get_untracked() {
            step.set(0);
        }
        let handle = set_interval_with_handle(
            move || {
                if step.get_untracked() < total.get_untracked() {
                    step.update(|k| *k += 1);
                }
                if step.get_untracked() >= total.get_untracked() {
                    if let Some(h) = timer.get_value() {
                        h.clear();
                    }
                    timer.set_value(None);
                    playing.set(false);
                }
            },
            Duration::from_millis(speed_ms.get_untracked()),
        );
        if let Ok(h) = handle {
            timer.set_value(Some(h));
            playing.set(true);
        }
    };
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });
    let tid = |name: &str| format!("{prefix}-{name}");
    view! {
        <div class="step-controls" role="group" aria-label=move || t().stepper.step_controls_label>
            <button type="button" data-testid=tid("reset") on:click=move |_| { stop(); step.set(0); }>
                {move || t().stepper.reset}
            </button>
            <button
                type="button"
                data-testid=tid("prev")
                prop:disabled=move || step.get() == 0
                on:click=move |_| { stop(); step.update(|k| *k = k.saturating_sub(1)); }
            >
                {move || t().stepper.prev}
            </button>
            <button
                type="button"
                data-testid=tid("next")
                prop:disabled=move || { step.get() >= total.get() }
                on:click=move |_| { stop(); step.update(|k| *k = (*k + 1).min(total.get_untracked())); }
            >
                {move || t().stepper.next}
            </button>
            <button
                type="button"
                data-testid=tid("play")
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| if playing.get_untracked() { stop() } else { start() }
            >
                {move || if playing.get() { t().stepper.pause } else { t().stepper.play }}
            </button>
            <label class="field inline">
                <span>{move || t().stepper.speed}</span>
                <select
                    data-testid=tid("speed")
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse() {
                            speed_ms.set(v);
                            if playing.get_untracked() {
                                stop();
                                start();
                            }
                        }
                    }
                >
                    <option value="1200">{move || t().stepper.speed_slow}</option>
                    <option value="700" selected>{move || t().stepper.speed_normal}</option>
                    <option value="250">{move || t().stepper.speed_fast}</option>
                </select>
            </label>
            <span class="counter" data-testid=tid("step") aria-label=move || t().stepper.step_counter_label>
                {move || format!("{}/{}", step.get(), total.get())}
            </span>
            <input
                type="range"
                class="timeline"
                data-testid=tid("timeline")
                aria-label=move || t().stepper.timeline
                min="0"
                max=move || total.get().to_string()
                prop:value=move || step.get().to_string()
                on:input=move |ev| {
                    stop();
                    if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                        step.set(v.min(total.get_untracked()));
                    }
                }
            />
            <p class="sr-only" aria-live="polite">{move || announce.get()}</p>
        </div>
    }
}

/// Handles ← and → for a stepper root, unless the key is meant for a text or number field.
pub fn arrow_keys(step: StepCount, total: Signal<usize>) -> impl Fn(web_sys::KeyboardEvent) + Copy {
    move |ev: web_sys::KeyboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
            .unwrap_or(false);
        if in_field {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" => {
                ev.prevent_default();
                step.update(|k| *k = (*k + 1).min(total.get_untracked()));
            }
            "ArrowLeft" => {
                ev.prevent_default();
                step.update(|k| *k = k.saturating_sub(1));
            }
            _ => {}
        }
    }
}
