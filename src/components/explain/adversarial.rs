//! The adversarial view: the least ε (per-pixel change) that makes the model say a chosen digit,
//! found when asked by `nn::explain::smallest_flip`, with the changed image and the change.

use super::Subject;
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::data::IMAGE_SIDE;
use crate::nn::explain::{smallest_flip, Adversarial, FlipSearch};
use crate::text::fill;
use crate::viz::format::fmt_num;
use crate::viz::Picture;
use leptos::prelude::*;

/// One search's outcome: the example found, none up to the largest ε, or why it failed.
#[derive(Clone)]
enum Outcome {
    Found(Box<Adversarial>),
    None { target: usize },
    Failed(String),
}

/// The adversarial view (`explain-adversarial`).
#[component]
pub(crate) fn AdversarialView(subject: Subject) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let search = FlipSearch::default();
    let target = RwSignal::new(8usize);
    let outcome = RwSignal::new(None::<Outcome>);
    let on_run = move |_| {
        let (Some(reader), Some(input)) =
            (subject.model.get_untracked(), subject.input.get_untracked())
        else {
            return;
        };
        let Some(x) = Subject::image(&input) else {
            return;
        };
        let target = target.get_untracked();
        let found = reader.with(|m| smallest_flip(m, &x, Some(target), search));
        outcome.set(Some(match found {
            Ok(Some(a)) => Outcome::Found(Box::new(a)),
            Ok(None) => Outcome::None { target },
            Err(e) => Outcome::Failed(e.message(lang.get_untracked())),
        }));
    };
    let found = move || match outcome.get() {
        Some(Outcome::Found(a)) => Some(a),
        _ => None,
    };
    // The changed image, and the change on the diverging scale of its L∞ (orange ink added,
    // blue removed).
    let image = Signal::derive(move || match found() {
        Some(a) => Picture::grey(IMAGE_SIDE, IMAGE_SIDE, a.image.iter().copied()),
        None => Picture::blank(),
    });
    let change = Signal::derive(move || match found() {
        Some(a) => {
            let delta: Vec<f32> = a.delta.iter().copied().collect();
            Picture::map(IMAGE_SIDE, IMAGE_SIDE, &delta, a.linf, false)
        }
        None => Picture::blank(),
    });
    let image_alt = Signal::derive(move || t().explain.adversarial_image.to_string());
    let change_alt = Signal::derive(move || t().explain.adversarial_delta.to_string());
    view! {
        <section class="explain-view" data-testid="explain-adversarial" aria-labelledby="explain-adversarial-title">
            <h3 id="explain-adversarial-title">{move || t().explain.adversarial_title}</h3>
            <p>{move || fill(t().explain.adversarial_intro, &[("e", fmt_num(search.max_eps)), ("n", search.steps.to_string())])}</p>
            <div class="config">
                <label class="field">
                    <span>{move || t().explain.adversarial_target}</span>
                    <select data-testid="explain-adversarial-target" on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).parse() {
                            target.set(d);
                        }
                    }>
                        {(0..10usize).map(|d| view! { <option value=d.to_string() selected=move || target.get() == d>{d}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="explain-adversarial-run" on:click=on_run>{move || t().explain.adversarial_run}</button>
            </div>
            <div class="adversarial-pair">
                <figure>
                    <PixelMap pixels=image label=image_alt testid="explain-adversarial-image"/>
                    <figcaption>{move || t().explain.adversarial_image}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=change label=change_alt testid="explain-adversarial-delta"/>
                    <figcaption>{move || t().explain.adversarial_delta}</figcaption>
                </figure>
            </div>
            {move || match outcome.get() {
                Some(Outcome::Found(a)) => view! {
                    <p data-testid="explain-adversarial-sizes" translate="no">
                        {fill(t().explain.adversarial_sizes, &[("e", fmt_num(a.eps)), ("linf", fmt_num(a.linf)), ("l2", fmt_num(a.l2))])}
                    </p>
                }.into_any(),
                Some(Outcome::None { target }) => view! {
                    <p class="status" role="status">{fill(t().explain.adversarial_none, &[("e", fmt_num(search.max_eps)), ("d", target.to_string())])}</p>
                }.into_any(),
                Some(Outcome::Failed(e)) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                None => ().into_any(),
            }}
            <p>
                {move || t().explain.adversarial_now}" "
                <output class="prediction" data-testid="explain-adversarial-prediction">{move || found().map(|a| a.prediction.to_string()).unwrap_or_default()}</output>
            </p>
            <p>{move || t().explain.adversarial_lesson}</p>
        </section>
    }
}
