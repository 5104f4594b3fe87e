//! The Draw section's pad: the shared drawing canvas with its pen width, undo, sample and clear,
//! and the buttons that label the drawing.

use super::label::LabelDrawing;
use crate::components::context::drawing::{samples, Drawing, GRID};
use crate::components::context::mydigits::YourDigits;
use crate::components::context::use_text;
use crate::components::widgets::draw_canvas::DrawCanvas;
use crate::text::{fill, Text};
use leptos::prelude::*;

/// What the note under the canvas says while sample `k` is shown.
fn sample_note(t: &Text, k: usize) -> String {
    let label = samples().labels.get(k).copied().unwrap_or(0);
    fill(t.draw.sample_note, &[("d", label.to_string())])
}

/// The Draw section's canvas with its pen width, undo, sample and clear controls, and the label
/// buttons (`mine`: Your digits); `shown` is whether the section is in view.
#[component]
pub fn DrawPad(
    drawing: Drawing,
    #[prop(into)] shown: Signal<bool>,
    mine: YourDigits,
) -> impl IntoView {
    let t = use_text();
    let Drawing {
        strokes, ink, pen, ..
    } = drawing;
    let undo = move |_| {
        strokes.update(|all| {
            all.pop();
        });
        ink.set(strokes.with(|all| crate::data::draw::Ink::from_strokes(GRID, all)));
    };
    let clear = move |_| drawing.clear();

    view! {
        <div class="draw-pad">
            <DrawCanvas drawing testid="draw-canvas" keys="draw-keys" shown
                label=Signal::derive(move || t().draw.canvas_label.to_string())/>
            // The buttons sit right under the canvas, so pressing one never scrolls it away.
            <div class="draw-tools">
                <label class="field">
                    <span>{move || t().draw.pen}</span>
                    <input
                        type="range"
                        min="6"
                        max="48"
                        step="1"
                        data-testid="draw-pen"
                        prop:value=move || pen.get().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f32>() {
                                pen.set(v);
                            }
                        }
                    />
                </label>
                <button type="button" data-testid="draw-undo" on:click=undo
                    disabled=move || strokes.with(|s| s.is_empty())>{move || t().draw.undo}</button>
                <button type="button" data-testid="draw-clear" on:click=clear>{move || t().draw.clear}</button>
                <button type="button" data-testid="draw-sample" on:click=move |_| drawing.next_sample()>{move || t().draw.sample}</button>
            </div>
            {move || drawing.sample.get().map(|k| view! {
                <p class="note" data-testid="draw-sample-note">{move || sample_note(t(), k)}</p>
            })}
            <LabelDrawing drawing mine/>
            <p id="draw-keys" class="note keys-hint">{move || t().draw.keys}</p>
        </div>
    }
}
