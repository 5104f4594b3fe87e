//! The Draw section: the canvas, the preprocessing steps, the prediction and every layer's maps.
//! It owns the drawing and runs the model on each change (while the pen moves, not only when it
//! lifts).

mod maps;
mod pad;
mod prediction;
mod steps;

use crate::components::context::models::{model_of, use_models, Weights};
use crate::components::context::{use_lang, use_text};
use crate::data::draw::{prepare, Ink, Stroke};
use crate::data::IMAGE_SIDE;
use crate::nn::Sequential;
use crate::text::{fill, Phrase};
use crate::train::protocol::Sentence;
use leptos::prelude::*;
use maps::{FeatureMaps, MapsContext};
use ndarray::{ArrayD, IxDyn};
use pad::{DrawPad, GRID};
use prediction::Prediction;
use std::sync::Arc;
use steps::DrawSteps;

/// Which model classifies the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Pretrained,
    Trained,
}

/// The whole section.
#[component]
pub fn DrawSection() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let models = use_models();
    let strokes = RwSignal::new(Vec::<Stroke>::new());
    let ink = RwSignal::new(Ink::new(GRID));
    let prepared = Memo::new(move |_| ink.with(prepare));
    let choice = RwSignal::new(Choice::Pretrained);
    let ctx = MapsContext {
        trace: RwSignal::new(None),
        model: StoredValue::new(None::<Sequential>),
        model_version: RwSignal::new(0),
    };

    // The weights in use, as bytes; switching back to the pretrained model when the trained
    // one is forgotten.
    let weights = Memo::new(move |_| match (choice.get(), models.trained.get()) {
        (Choice::Trained, Some(bytes)) => Weights::Ready(bytes),
        _ => models.pretrained.get(),
    });
    let model_error = RwSignal::new(None::<Sentence>);
    Effect::new(move |_| {
        if let Weights::Ready(bytes) = weights.get() {
            match model_of(&bytes) {
                Ok(m) => {
                    ctx.model.set_value(Some(m.1));
                    model_error.set(None);
                }
                Err(e) => model_error.set(Some(Sentence::of(|l| e.message(l)))),
            }
            ctx.model_version.update(|v| *v += 1);
        }
    });
    // Inference: every layer's output for the current input.
    Effect::new(move |_| {
        ctx.model_version.track();
        let trace = prepared.with(|p| {
            let p = p.as_ref()?;
            let x = ArrayD::from_shape_vec(IxDyn(&[1, 1, IMAGE_SIDE, IMAGE_SIDE]), p.input.clone())
                .ok()?;
            ctx.model
                .try_update_value(|m| m.as_mut()?.forward_trace(&x).ok())
                .flatten()
        });
        ctx.trace.set(trace.map(Arc::new));
    });
    let logits = Signal::derive(move || {
        ctx.trace.with(|t| {
            t.as_ref()
                .and_then(|t| t.last())
                .and_then(|l| l.as_slice().map(<[f32]>::to_vec))
        })
    });
    let has_model = Memo::new(move |_| ctx.model_version.get() > 0);
    let status = move || match weights.get() {
        Weights::Loading => Some(t().draw.model_loading.to_string()),
        Weights::Failed(e) => Some(fill(
            t().draw.model_failed,
            &[("e", e.get(lang.get()).to_string())],
        )),
        Weights::Ready(_) => model_error.get().map(|e| {
            fill(
                t().draw.model_failed,
                &[("e", e.get(lang.get()).to_string())],
            )
        }),
    };
    let chooser = move || {
        models.trained.with(|t| t.is_some()).then(|| {
            let option = move |c: Choice, label: Phrase, testid: &'static str| view! {
                <label class="radio">
                    <input type="radio" name="draw-model" data-testid=testid
                        prop:checked=move || choice.get() == c on:change=move |_| choice.set(c)/>
                    {move || label(t())}
                </label>
            };
            view! {
                <fieldset class="model-choice">
                    <legend>{move || t().draw.model_choice}</legend>
                    {option(Choice::Pretrained, |t| t.draw.model_pretrained, "draw-model-pretrained")}
                    {option(Choice::Trained, |t| t.draw.model_trained, "draw-model-trained")}
                </fieldset>
            }
        })
    };
    view! {
        <section id="draw" class="panel" data-testid="draw" aria-labelledby="draw-title">
            <h2 id="draw-title">{move || t().draw.title}</h2>
            <p>{move || t().draw.intro}</p>
            {chooser}
            {move || status().map(|s| view! { <p class="status" role="status" data-testid="draw-model-status">{s}</p> })}
            <div class="draw-layout">
                <DrawPad strokes ink/>
                <Prediction logits/>
            </div>
            <DrawSteps ink prepared/>
            {move || has_model.get().then(|| view! { <FeatureMaps ctx/> })}
        </section>
    }
}
