//! The drawing the page classifies, shared by the Draw section and the overview at the top: its
//! strokes and ink, the model that reads it, and every layer's output for it. The page starts
//! with a built-in held-out digit on the canvas, so the prediction and every map show before the
//! learner draws; their first stroke replaces it.
//!
//! The model and the trace are memos of the weights and the drawing: nothing writes them, so
//! they are computed only when a part of the page in view reads them (and at most once per
//! change).

use super::models::{model_of, use_models, Weights};
use crate::data::draw::{prepare, Ink, Prepared, Stroke};
use crate::data::{Mnist, FIRST_SAMPLE, IMAGE_SIDE};
use crate::nn::{NnError, Sequential};
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};
use std::sync::{Arc, Mutex, PoisonError};

pub use crate::data::draw::GRID;

/// Outputs of every layer for one drawing (batch of 1), in model order.
pub type Trace = Arc<Vec<ArrayD<f32>>>;

/// A model built from weights, to read drawings with. Its layers keep their buffers from one
/// drawing to the next, so reading needs `&mut`: it sits behind a lock (the page's one thread
/// never finds it taken). Two are equal only if they are the same build, so a memo holding one
/// tells its readers exactly when another model is built, not when equal weights come again.
#[derive(Clone)]
pub struct Reader(Arc<Mutex<Sequential>>);

impl PartialEq for Reader {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Reader {
    fn new(model: Sequential) -> Reader {
        Reader(Arc::new(Mutex::new(model)))
    }

    /// `f` with the model. `f` must not read it again (the lock is not re-entrant).
    pub fn with<R>(&self, f: impl FnOnce(&mut Sequential) -> R) -> R {
        f(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The model the weights build, or why they build none (then the last model built stays).
#[derive(Clone, Default, PartialEq)]
struct Built {
    reader: Option<Reader>,
    error: Option<NnError>,
}

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
    /// Whether a pointer (mouse, finger, pen) is drawing a stroke on a canvas right now.
    pub pen_down: RwSignal<bool>,
    /// Which built-in sample is on the canvas; `None` once the learner draws or clears.
    pub sample: RwSignal<Option<usize>>,
    /// Steps 2–4 of the preprocessing; `None` for an empty canvas.
    pub prepared: Memo<Option<Prepared>>,
    /// Which model reads the drawing.
    pub choice: RwSignal<Choice>,
    /// Its weights, as bytes.
    pub weights: Memo<Weights>,
    /// Why those weights could not be built into a model, if they could not.
    pub model_error: Memo<Option<NnError>>,
    /// The model that reads the drawing (the last one the weights built); `None` until the
    /// first weights are ready.
    pub model: Memo<Option<Reader>>,
    /// Outputs of the current drawing, `None` while nothing is drawn. Every new value is news
    /// (a drawing's outputs are not compared with the last ones: each pen move changes them).
    pub trace: Memo<Option<Trace>>,
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
    /// its layers and their outputs agree. Out of view it does not read the drawing's trace,
    /// so drawing elsewhere does not run the model for it.
    pub fn while_in_view(self, in_view: impl Into<Signal<bool>>) -> Drawing {
        let in_view = in_view.into();
        let (all, model) = (self.trace, self.model);
        // The trace shown and the model it came from.
        let kept = Memo::new_owning(move |prev: Option<(Option<Reader>, Option<Trace>)>| {
            let visible = in_view.get();
            let now = model.get();
            match prev {
                Some(prev) if !visible && prev.0 == now => (prev, false),
                _ => ((now, all.get()), true),
            }
        });
        let trace = Memo::new_with_compare(move |_| kept.with(|k| k.1.clone()), always);
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

/// A memo's comparison for values that are new whenever they are computed.
fn always<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

/// Provides the [`Drawing`], with the first sample on the canvas; its model and trace follow
/// the weights and the ink.
pub fn provide_drawing() -> Drawing {
    let models = use_models();
    let ink = RwSignal::new(Ink::new(GRID));
    let choice = RwSignal::new(Choice::Pretrained);
    let prepared = Memo::new(move |_| ink.with(prepare));
    // The weights in use; back to the pretrained model when the trained one is forgotten.
    let weights = Memo::new(move |_| match (choice.get(), models.trained.get()) {
        (Choice::Trained, Some(bytes)) => Weights::Ready(bytes),
        _ => models.pretrained.get(),
    });
    let built = Memo::new(move |prev: Option<&Built>| {
        let last = prev.and_then(|b| b.reader.clone());
        match weights.get() {
            Weights::Ready(bytes) => match model_of(&bytes) {
                Ok((_, m)) => Built {
                    reader: Some(Reader::new(m)),
                    error: None,
                },
                Err(e) => Built {
                    reader: last,
                    error: Some(e),
                },
            },
            // Loading or failed (which the Draw section says): the last model goes on.
            _ => prev.cloned().unwrap_or_default(),
        }
    });
    let model = Memo::new(move |_| built.with(|b| b.reader.clone()));
    // Inference: every layer's output for the current input.
    let trace = Memo::new_with_compare(
        move |_| {
            let reader = model.get()?;
            prepared.with(|p| {
                let p = p.as_ref()?;
                let x =
                    ArrayD::from_shape_vec(IxDyn(&[1, 1, IMAGE_SIDE, IMAGE_SIDE]), p.input.clone())
                        .ok()?;
                reader.with(|m| m.forward_trace(&x).ok()).map(Arc::new)
            })
        },
        always,
    );
    let drawing = Drawing {
        strokes: RwSignal::new(Vec::new()),
        ink,
        pen: RwSignal::new(22.0),
        key_down: RwSignal::new(false),
        pen_down: RwSignal::new(false),
        sample: RwSignal::new(None),
        prepared,
        choice,
        weights,
        model_error: Memo::new(move |_| built.with(|b| b.error.clone())),
        model,
        trace,
    };
    drawing.show_sample(FIRST_SAMPLE);
    provide_context(drawing);
    drawing
}

/// The drawing provided by [`provide_drawing`].
pub fn use_drawing() -> Drawing {
    expect_context::<Drawing>()
}
