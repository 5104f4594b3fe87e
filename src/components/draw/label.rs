//! Labelling the drawing (`draw-teach`): ten buttons, 0–9, under the canvas. A press stores the
//! drawing's prepared 28×28 input with that label in Your digits and, once stored, clears the
//! canvas for the next one. While there is nothing of the learner's to label (an empty canvas,
//! a built-in sample) the buttons say so instead (`aria-disabled`, so keyboard focus stays on
//! them).

use crate::components::context::drawing::Drawing;
use crate::components::context::mydigits::{DigitsNews, YourDigits};
use crate::components::context::{use_lang, use_text};
use crate::data::mydigits::DigitsProblem;
use crate::text::{fill, Phrase};
use leptos::prelude::*;

/// Why the drawing cannot be labelled now, as the hint to show; `None` when it can.
fn not_now(drawing: &Drawing, loaded: bool) -> Option<Phrase> {
    if drawing.sample.get().is_some() {
        Some(|t| t.teach.label_sample)
    } else if !drawing.prepared.with(Option::is_some) || !loaded {
        Some(|t| t.teach.label_empty)
    } else {
        None
    }
}

/// The ten label buttons with their hint and what the last press did.
#[component]
pub fn LabelDrawing(drawing: Drawing, mine: YourDigits) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let blocked = Memo::new(move |_| not_now(&drawing, mine.loaded.get()));
    // Pressed while there is nothing to label: the hint is said again, as news.
    let said = RwSignal::new(false);
    let label = move |d: u8| {
        if blocked.get_untracked().is_some() {
            said.set(true);
            return;
        }
        said.set(false);
        let Some(input) = drawing
            .prepared
            .with_untracked(|p| p.as_ref().map(|p| p.input.clone()))
        else {
            return;
        };
        mine.add(d, &input, move || drawing.clear());
    };
    let buttons = (0..10u8)
        .map(|d| {
            view! {
                <button type="button" class="label-button"
                    aria-label=move || fill(t().teach.label_button, &[("d", d.to_string())])
                    aria-disabled=move || blocked.with(Option::is_some).to_string()
                    on:click=move |_| label(d)>
                    {d}
                </button>
            }
        })
        .collect_view();
    // What the last press did: stored, refused by storage, or nothing to label.
    let news = move || {
        if let Some(why) = blocked.get().filter(|_| said.get()) {
            return Some(view! { <p class="note" role="status" data-testid="draw-teach-news">{why(t())}</p> }.into_any());
        }
        match mine.news.get()? {
            DigitsNews::Added { label, count } => {
                let s = fill(
                    t().teach.label_added,
                    &[("d", label.to_string()), ("n", count.to_string())],
                );
                Some(view! { <p class="note" role="status" data-testid="draw-teach-news">{s}</p> }.into_any())
            }
            DigitsNews::Problem(p @ DigitsProblem::Save(_)) => Some(
                view! { <p class="error" role="alert" data-testid="draw-teach-error">{move || p.message(lang.get())}</p> }
                    .into_any(),
            ),
            _ => None,
        }
    };
    let hint = move || match blocked.get() {
        Some(why) => why(t()),
        None => t().teach.label_hint,
    };
    view! {
        <fieldset class="draw-teach" data-testid="draw-teach">
            <legend>{move || t().teach.label_legend}</legend>
            <div class="label-buttons">{buttons}</div>
            // Pressed while there is nothing to label, the same words come as news instead.
            {move || (!(said.get() && blocked.with(Option::is_some))).then(|| view! {
                <p class="note" data-testid="draw-teach-hint">{hint}</p>
            })}
            {news}
        </fieldset>
    }
}
