//! The adversarial view: the least ε (per-pixel change) that makes the model say a chosen
//! digit, or any digit but its answer, found when asked by `nn::explain::FlipJob` a few gradient
//! steps at a time (`sliced.rs`), with the changed image and the change.

use super::gradients::error_line;
use super::sliced::Sliced;
use super::Subject;
use crate::components::context::drawing::Reader;
use crate::components::context::use_text;
use crate::components::widgets::canvas::PixelMap;
use crate::data::IMAGE_SIDE;
use crate::nn::explain::{FlipJob, FlipSearch};
use crate::text::fill;
use crate::viz::format::fmt_num;
use crate::viz::Picture;
use leptos::prelude::*;
use std::sync::Arc;

/// The drawing a search is about: its result is shown only while the model and the drawing
/// are still these.
#[derive(Clone, PartialEq)]
struct Drawn {
    model: Reader,
    input: Arc<Vec<f32>>,
}

/// What one search was asked: the drawing, and the digit wanted (`None`: any but the model's).
#[derive(Clone, PartialEq)]
struct Asked {
    drawn: Drawn,
    target: Option<usize>,
}

/// The adversarial view (`explain-adversarial`).
#[component]
pub(crate) fn AdversarialView(subject: Subject) -> impl IntoView {
    let t = use_text();
    let search = FlipSearch::default();
    let target = RwSignal::new(Some(8usize));
    let job = Sliced::<FlipJob, Asked>::new();
    let now = Memo::new(move |_| {
        Some(Drawn {
            model: subject.model.get()?,
            input: subject.input.get()?,
        })
    });
    let on_run = move |_| {
        let Some(drawn) = now.get_untracked() else {
            return;
        };
        let Some(x) = Subject::image(&drawn.input) else {
            return;
        };
        let target = target.get_untracked();
        job.start(
            drawn.model.clone(),
            Asked { drawn, target },
            |m| FlipJob::new(m, &x, target, search),
            move |a| now.try_get_untracked().flatten().as_ref() == Some(&a.drawn),
        );
    };
    // The last search's outcome while the drawing is the one it was about: the example found
    // (`Ok(Some)`), none up to the largest ε (`Ok(None)`, with the target), or why it failed.
    let outcome = Memo::new(move |_| {
        let now = now.get()?;
        job.done.with(|d| {
            d.as_ref()
                .filter(|(a, _)| a.drawn == now)
                .map(|(a, out)| (a.target, out.clone()))
        })
    });
    let progress = Memo::new(move |_| {
        let now = now.get()?;
        job.progress
            .with(|p| p.as_ref().filter(|(a, _)| a.drawn == now).map(|(_, p)| *p))
    });
    let found = move || match outcome.get() {
        Some((_, Ok(Some(a)))) => Some(a),
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
                        target.set(event_target_value(&ev).parse().ok());
                    }>
                        <option value="any" selected=move || target.get().is_none()>{move || t().explain.adversarial_any}</option>
                        {(0..10usize).map(|d| view! { <option value=d.to_string() selected=move || target.get() == Some(d)>{d}</option> }).collect_view()}
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
            {move || progress.get().map(|p| view! {
                <p class="status" data-testid="explain-adversarial-progress">
                    <progress max=p.total value=p.done aria-hidden="true"></progress>" "
                    {fill(t().explain.adversarial_progress, &[("k", p.done.to_string()), ("n", p.total.to_string())])}
                </p>
            })}
            {move || match outcome.get() {
                Some((_, Ok(Some(a)))) => view! {
                    <p data-testid="explain-adversarial-sizes" translate="no">
                        {fill(t().explain.adversarial_sizes, &[("e", fmt_num(a.eps)), ("linf", fmt_num(a.linf)), ("l2", fmt_num(a.l2))])}
                    </p>
                }.into_any(),
                Some((Some(target), Ok(None))) => view! {
                    <p class="status" role="status">{fill(t().explain.adversarial_none, &[("e", fmt_num(search.max_eps)), ("d", target.to_string())])}</p>
                }.into_any(),
                Some((None, Ok(None))) => view! {
                    <p class="status" role="status">{fill(t().explain.adversarial_none_any, &[("e", fmt_num(search.max_eps))])}</p>
                }.into_any(),
                Some((_, Err(e))) => error_line(e).into_any(),
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
