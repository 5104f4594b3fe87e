//! The Draw section: the canvas, the preprocessing steps, the prediction and every layer's maps;
//! and the learner's handwriting: labelling the drawing, Your digits, and teaching the model
//! them. It owns the drawing and runs the model on each change (while the pen moves, not only
//! when it lifts).

mod label;
mod maps;
mod mydigits;
mod pad;
mod prediction;
mod steps;

use crate::components::context::drawing::{use_drawing, Choice};
use crate::components::context::models::{use_models, Weights};
use crate::components::context::mydigits::provide_your_digits;
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::stages::StageStrip;
use crate::components::widgets::visible::visible;
use crate::text::{fill, Phrase};
use crate::viz::maps::shown_layers;
use leptos::prelude::*;
use maps::FeatureMaps;
use mydigits::MyDigitsPanel;
use pad::DrawPad;
use prediction::Prediction;
use steps::DrawSteps;

/// The whole section.
#[component]
pub fn DrawSection() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let models = use_models();
    let drawing = use_drawing();
    let mine = provide_your_digits();
    // The maps follow the drawing only while the section is in view: drawing in the overview's
    // pad does not pay for repainting every map down here.
    let in_view = visible("draw", "200px");
    let shown = drawing.while_in_view(in_view);
    let choice = drawing.choice;
    let weights = drawing.weights;
    let model_error = drawing.model_error;
    let logits = Signal::derive(move || drawing.logits());
    // The maps are laid out for the model's layers: built anew when a model with other layers
    // comes (a trained LeNet after the pretrained seed model), not for new weights.
    let layers = Memo::new(move |_| {
        drawing
            .model
            .with(|m| m.as_ref().map(|r| r.with(|m| shown_layers(m))))
    });
    let status = move || match weights.get() {
        Weights::Loading => Some(t().draw.model_loading.to_string()),
        Weights::Failed(e) => Some(fill(t().draw.model_failed, &[("e", e.message(lang.get()))])),
        Weights::Ready(_) => model_error
            .get()
            .map(|e| fill(t().draw.model_failed, &[("e", e.message(lang.get()))])),
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
                <DrawPad drawing shown=in_view mine/>
                <div class="draw-side">
                    <StageStrip drawing=shown count=3/>
                    <Prediction logits/>
                </div>
            </div>
            <MyDigitsPanel drawing mine/>
            <DrawSteps ink=drawing.ink prepared=drawing.prepared shown=in_view/>
            {move || layers.get().map(|l| view! { <FeatureMaps ctx=shown shown=l/> })}
        </section>
    }
}
