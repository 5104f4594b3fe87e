//! The preprocessing, one picture per step: the drawing with its ink box, the crop, the 20-pixel
//! box, and the 28×28 input (`draw-preview`).

use crate::components::context::use_text;
use crate::components::widgets::canvas::PixelMap;
use crate::data::draw::{Ink, Prepared};
use crate::data::IMAGE_SIDE;
use crate::text::fill;
use crate::viz::Picture;

/// The first picture shows the drawing at a quarter of its resolution.
const INK_FACTOR: usize = 4;
use leptos::prelude::*;

/// The four steps for the current drawing.
#[component]
pub fn DrawSteps(
    ink: RwSignal<Ink>,
    prepared: Memo<Option<Prepared>>,
    /// Whether the section is in view: the pictures follow the drawing only then (drawing in the
    /// overview's pad does not repaint them) and catch up when it comes back.
    #[prop(into)]
    shown: Signal<bool>,
) -> impl IntoView {
    let t = use_text();
    // A count of the drawings shown: it moves with the drawing while the section is in view,
    // and once more when it comes back; out of view it does not even watch the drawing.
    let seen = Memo::new_owning(move |prev: Option<u32>| {
        let n = prev.unwrap_or(0);
        if shown.get() {
            ink.track();
            prepared.track();
            (n.wrapping_add(1), true)
        } else {
            (n, false)
        }
    });
    // The pictures and captions read the drawing untracked and follow `seen` instead (read, not
    // only tracked: a memo runs when it is read).
    let step1 = Signal::derive(move || {
        let _ = seen.get();
        let bbox = prepared.with_untracked(|p| p.as_ref().map(|p| p.bbox));
        ink.with_untracked(|i| Picture::ink_with_box(i, bbox, INK_FACTOR))
    });
    let step2 = Signal::derive(move || {
        let _ = seen.get();
        prepared.with_untracked(|p| match p {
            Some(p) => ink.with_untracked(|i| Picture::ink_crop(i, p.bbox)),
            None => Picture::blank(),
        })
    });
    let step3 = Signal::derive(move || {
        let _ = seen.get();
        prepared.with_untracked(|p| match p {
            Some(p) => Picture::grey(p.scaled_size.0, p.scaled_size.1, p.scaled.iter().copied()),
            None => Picture::blank(),
        })
    });
    let preview = Signal::derive(move || {
        let _ = seen.get();
        prepared.with_untracked(|p| match p {
            Some(p) => Picture::grey(IMAGE_SIDE, IMAGE_SIDE, p.input.iter().copied()),
            None => Picture::grey(IMAGE_SIDE, IMAGE_SIDE, [0.0; IMAGE_SIDE * IMAGE_SIDE]),
        })
    });
    let size = move |f: fn(&Prepared) -> (usize, usize)| {
        let _ = seen.get();
        prepared.with_untracked(|p| p.as_ref().map(f).unwrap_or((0, 0)))
    };
    let cap2 = move || {
        let (w, h) = size(|p| (p.bbox.2 - p.bbox.0, p.bbox.3 - p.bbox.1));
        fill(
            t().draw.step_bbox,
            &[("w", w.to_string()), ("h", h.to_string())],
        )
    };
    let cap3 = move || {
        let (w, h) = size(|p| p.scaled_size);
        fill(
            t().draw.step_scaled,
            &[("w", w.to_string()), ("h", h.to_string())],
        )
    };
    let cap4 = move || {
        let _ = seen.get();
        let (x, y) = prepared.with_untracked(|p| p.as_ref().map(|p| p.offset).unwrap_or((0, 0)));
        fill(
            t().draw.step_centred,
            &[("x", x.to_string()), ("y", y.to_string())],
        )
    };
    view! {
        <div class="subpanel draw-steps">
            <h3>{move || t().draw.steps_title}</h3>
            <div class="step-row">
                <figure>
                    <PixelMap pixels=step1 label=Signal::derive(move || t().draw.step_ink.to_string()) testid="draw-step-ink"/>
                    <figcaption>{move || t().draw.step_ink}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=step2 label=Signal::derive(cap2) testid="draw-step-crop"/>
                    <figcaption>{cap2}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=step3 label=Signal::derive(cap3) testid="draw-step-scaled"/>
                    <figcaption>{cap3}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=preview label=Signal::derive(cap4) testid="draw-preview"/>
                    <figcaption>{cap4}</figcaption>
                </figure>
            </div>
            <p class="note">{move || t().draw.steps_note}</p>
        </div>
    }
}
