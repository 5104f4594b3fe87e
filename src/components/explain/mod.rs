//! The Explain section ("Why did it say that?"): five views of why the model in use gave the
//! Draw section's drawing its class, computed by `nn::explain`. The light views (saliency,
//! Grad-CAM) are memos that follow the drawing while the section is in view, once each stroke
//! ends (on every pen move they made a move several times as slow: see the README's Speed
//! section); the heavy ones
//! (occlusion, the adversarial search, the filters' grown images) run only when asked, a slice
//! per task with their progress shown (`sliced.rs`).

mod adversarial;
mod filters;
mod gradients;
mod occlusion;
mod sliced;

use crate::components::context::drawing::{use_drawing, Reader};
use crate::components::context::use_text;
use crate::components::widgets::visible::visible;
use crate::data::IMAGE_SIDE;
use crate::nn::explain::conv_layers;
use crate::nn::Layer;
use crate::text::fill;
use adversarial::AdversarialView;
use filters::FiltersView;
use gradients::{GradCamView, SaliencyView};
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};
use occlusion::OcclusionView;
use std::sync::Arc;

/// What every view explains: the model, the 28×28 input it reads and the digit asked about.
#[derive(Clone, Copy)]
pub(crate) struct Subject {
    /// The model in use.
    pub model: Memo<Option<Reader>>,
    /// The prepared input (pixels from 0 to 1, row-major), followed only while in view.
    pub input: Memo<Option<Arc<Vec<f32>>>>,
    /// The digit to explain: the one chosen, or the predicted one.
    pub class: Memo<Option<usize>>,
}

impl Subject {
    /// The input as one grey image `[1, 1, 28, 28]`.
    pub fn image(input: &[f32]) -> Option<ArrayD<f32>> {
        ArrayD::from_shape_vec(IxDyn(&[1, 1, IMAGE_SIDE, IMAGE_SIDE]), input.to_vec()).ok()
    }
}

/// The model's convolution layers as `(index in the model, filters)`.
pub(crate) fn convs(model: &Memo<Option<Reader>>) -> Vec<(usize, usize)> {
    model.with(|m| {
        m.as_ref().map_or_else(Vec::new, |r| {
            r.with(|m| {
                conv_layers(m)
                    .into_iter()
                    .map(|i| match &m.layers[i] {
                        Layer::Conv2d(c) => (i, c.weight.value.shape()[0]),
                        _ => (i, 0),
                    })
                    .collect()
            })
        })
    })
}

/// A select of the model's convolution layers writing `chosen` (`None`: the last).
#[component]
pub(crate) fn LayerSelect(
    model: Memo<Option<Reader>>,
    chosen: RwSignal<Option<usize>>,
    testid: &'static str,
) -> impl IntoView {
    let t = use_text();
    let layers = Memo::new(move |_| convs(&model));
    view! {
        <label class="field">
            <span>{move || t().explain.gradcam_layer}</span>
            <select data-testid=testid on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                {move || {
                    let all = layers.get();
                    let last = all.last().map(|l| l.0);
                    let now = chosen.get().or(last);
                    all.into_iter().map(|(i, c)| view! {
                        <option value=i.to_string() selected=now == Some(i)>
                            {move || fill(t().explain.layer_option, &[("i", i.to_string()), ("c", c.to_string())])}
                        </option>
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// The whole section.
#[component]
pub fn ExplainSection() -> impl IntoView {
    let t = use_text();
    let drawing = use_drawing();
    let in_view = visible("explain", "200px");
    // The section follows the drawing while it is in view and no stroke is being drawn: a
    // saliency map and a Grad-CAM (a forward and a backward pass each) on every pen move made
    // each move several times as slow; in view, they keep the last stroke's answer until the
    // pen lifts.
    let follow = Memo::new(move |_| in_view.get() && !drawing.pen_down.get());
    let shown = drawing.while_in_view(follow);
    let input = Memo::new(move |prev: Option<&Option<Arc<Vec<f32>>>>| {
        if let (false, Some(p)) = (follow.get(), prev) {
            return p.clone();
        }
        drawing
            .prepared
            .with(|p| p.as_ref().map(|p| Arc::new(p.input.clone())))
    });
    let predicted = Memo::new(move |_| {
        shown.logits().and_then(|l| {
            l.iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|(i, _)| i)
        })
    });
    let chosen = RwSignal::new(None::<usize>);
    let class = Memo::new(move |_| chosen.get().or(predicted.get()));
    let subject = Subject {
        model: drawing.model,
        input,
        class,
    };
    let ready = move || input.with(Option::is_some) && drawing.model.with(Option::is_some);
    view! {
        <section id="explain" class="panel" data-testid="explain" aria-labelledby="explain-title">
            <h2 id="explain-title">{move || t().explain.title}</h2>
            <p>{move || t().explain.intro}</p>
            <label class="field">
                <span>{move || t().explain.class_label}</span>
                <select data-testid="explain-class" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || chosen.get().is_none()>
                        {move || fill(t().explain.class_predicted, &[("d", predicted.get().map(|d| d.to_string()).unwrap_or_default())])}
                    </option>
                    {(0..10).map(|d| view! { <option value=d.to_string() selected=move || chosen.get() == Some(d)>{d}</option> }).collect_view()}
                </select>
            </label>
            <Show when=ready fallback=move || view! { <p class="status" data-testid="explain-nothing">{move || t().explain.nothing}</p> }>
                <div class="explain-grid">
                    <SaliencyView subject/>
                    <GradCamView subject/>
                    <OcclusionView subject/>
                    <AdversarialView subject/>
                    <FiltersView model=subject.model/>
                </div>
            </Show>
        </section>
    }
}
