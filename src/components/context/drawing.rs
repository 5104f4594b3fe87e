//! The drawing the page classifies, shared by the Draw section and the overview at the top: its
//! strokes and ink, the model that reads it, and every layer's output for it. The page starts
//! with a built-in held-out digit on the canvas, so the prediction and every map show before the
//! learner draws; their first stroke replaces it.

use super::models::{model_of, use_models, Weights};
use crate::data::draw::{prepare, Ink, Prepared, Stroke};
use crate::data::{Mnist, FIRST_SAMPLE, IMAGE_SIDE};
use crate::nn::Sequential;
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};
use std::sync::Arc;

/// Side of the drawing grid in pixels (the canvas bitmap; CSS may show it smaller).
pub const GRID: usize = 280;

/// Outputs of every layer for one drawing (batch of 1), in model order.
pub type Trace = Arc<Vec<ArrayD<f32>>>;

/// Which model classifies the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The shipped model.
    Pretrained,
    /// The learner's, once there is one.
    Trained,
}

/// The drawing and what the model makes of it, as context.
#[derive(Clone, Copy)]
pub struct Drawing {
    /// The learner's strokes (empty while the sample is shown).
    pub strokes: RwSignal<Vec<Stroke>>,
    /// The ink on the grid: the sample's or the strokes'.
    pub ink: RwSignal<Ink>,
    /// Pen diameter in grid pixels, the same on every canvas.
    pub pen: RwSignal<f32>,
    /// Whether the keyboard pen is down.
    pub key_down: RwSignal<bool>,
    /// Which built-in sample is on the canvas; `None` once the learner draws or clears.
    pub sample: RwSignal<Option<usize>>,
    /// Steps 2–4 of the preprocessing; `None` for an empty canvas.
    pub prepared: Memo<Option<Prepared>>,
    /// Which model reads the drawing.
    pub choice: RwSignal<Choice>,
    /// Its weights, as bytes.
    pub weights: Memo<Weights>,
    /// Why those weights could not be built into a model, if they could not.
    pub model_error: RwSignal<Option<crate::nn::NnError>>,
    /// Outputs of the current drawing, `None` while nothing is drawn.
    pub trace: RwSignal<Option<Trace>>,
    /// The model that produced them (for its weights).
    pub model: StoredValue<Option<Sequential>>,
    /// Bumped whenever `model` changes, so weight pictures follow.
    pub model_version: RwSignal<u32>,
}

impl Drawing {
    /// The learner starts their own drawing: the sample, if shown, goes first.
    pub fn own(&self) {
        if self.sample.get_untracked().is_some() {
            self.sample.set(None);
            self.strokes.set(Vec::new());
            self.ink.set(Ink::new(GRID));
        }
    }

    /// Puts built-in sample `k` on the canvas (the strokes are cleared).
    pub fn show_sample(&self, k: usize) {
        let samples = samples();
        if samples.is_empty() {
            return;
        }
        let k = k % samples.len();
        self.strokes.set(Vec::new());
        self.ink.set(Ink::from_digit(GRID, samples.image(k)));
        self.sample.set(Some(k));
    }

    /// Puts the sample after the one shown on the canvas (the first after a drawing).
    pub fn next_sample(&self) {
        self.show_sample(self.sample.get_untracked().map_or(0, |k| k + 1));
    }

    /// Empties the canvas.
    pub fn clear(&self) {
        self.key_down.set(false);
        self.sample.set(None);
        self.strokes.set(Vec::new());
        self.ink.set(Ink::new(GRID));
    }

    /// The same drawing for a part of the page that follows it only while `in_view` (work for
    /// what nobody sees waits until it is back); a new model's outputs always go through, so
    /// its layers and their outputs agree.
    pub fn while_in_view(self, in_view: RwSignal<bool>) -> Drawing {
        let trace = RwSignal::new(None::<Trace>);
        let version = StoredValue::new(0);
        Effect::new(move |_| {
            let now = self.trace.get();
            let v = self.model_version.get();
            if in_view.get() || version.get_value() != v {
                version.set_value(v);
                trace.set(now);
            }
        });
        Drawing { trace, ..self }
    }

    /// The predicted class's logits, if something is drawn.
    pub fn logits(&self) -> Option<Vec<f32>> {
        self.trace.with(|t| {
            t.as_ref()
                .and_then(|t| t.last())
                .and_then(|l| l.as_slice().map(<[f32]>::to_vec))
        })
    }
}

/// The built-in samples, decoded once.
pub fn samples() -> Arc<Mnist> {
    thread_local! {
        static SAMPLES: Arc<Mnist> = Arc::new(Mnist::built_in_samples());
    }
    SAMPLES.with(Arc::clone)
}

/// Provides the [`Drawing`], with the first sample on the canvas, and keeps its model and
/// trace up to date.
pub fn provide_drawing() -> Drawing {
    let models = use_models();
    let ink = RwSignal::new(Ink::new(GRID));
    let choice = RwSignal::new(Choice::Pretrained);
    let drawing = Drawing {
        strokes: RwSignal::new(Vec::new()),
        ink,
        pen: RwSignal::new(22.0),
        key_down: RwSignal::new(false),
        sample: RwSignal::new(None),
        prepared: Memo::new(move |_| ink.with(prepare)),
        choice,
        // The weights in use; back to the pretrained model when the trained one is forgotten.
        weights: Memo::new(move |_| match (choice.get(), models.trained.get()) {
            (Choice::Trained, Some(bytes)) => Weights::Ready(bytes),
            _ => models.pretrained.get(),
        }),
        model_error: RwSignal::new(None),
        trace: RwSignal::new(None),
        model: StoredValue::new(None),
        model_version: RwSignal::new(0),
    };
    drawing.show_sample(FIRST_SAMPLE);
    provide_context(drawing);
    Effect::new(move |_| {
        if let Weights::Ready(bytes) = drawing.weights.get() {
            match model_of(&bytes) {
                Ok(m) => {
                    drawing.model.set_value(Some(m.1));
                    drawing.model_error.set(None);
                }
                Err(e) => drawing.model_error.set(Some(e)),
            }
            drawing.model_version.update(|v| *v += 1);
        }
    });
    // Inference: every layer's output for the current input.
    Effect::new(move |_| {
        drawing.model_version.track();
        let trace = drawing.prepared.with(|p| {
            let p = p.as_ref()?;
            let x = ArrayD::from_shape_vec(IxDyn(&[1, 1, IMAGE_SIDE, IMAGE_SIDE]), p.input.clone())
                .ok()?;
            drawing
                .model
                .try_update_value(|m| m.as_mut()?.forward_trace(&x).ok())
                .flatten()
        });
        drawing.trace.set(trace.map(Arc::new));
    });
    drawing
}

/// The drawing provided by [`provide_drawing`].
pub fn use_drawing() -> Drawing {
    expect_context::<Drawing>()
}
