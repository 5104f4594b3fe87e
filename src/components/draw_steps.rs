//! The preprocessing, one picture per step: the drawing with its ink box, the crop, the 20-pixel
//! box, and the 28×28 input (`draw-preview`).

use super::canvas::PixelMap;
use super::draw_pad::GRID;
use super::draw_strings::use_draw_strings;
use super::i18n::fill;
use crate::data::draw::{Ink, Prepared};
use crate::data::IMAGE_SIDE;
use crate::viz::colour::grey;
use leptos::prelude::*;

const BOX_COLOUR: [u8; 4] = [217, 45, 32, 255];

fn greys(values: impl Iterator<Item = f32>) -> Vec<u8> {
    values.flat_map(|v| grey(v, 1.0)).collect()
}

/// Step 1's picture: the ink at a quarter of the grid's resolution, with the box drawn on it.
fn ink_with_box(ink: &Ink, bbox: Option<(usize, usize, usize, usize)>) -> (usize, usize, Vec<u8>) {
    const F: usize = 4;
    let n = GRID / F;
    let cov = ink.coverage();
    let mut rgba = Vec::with_capacity(n * n * 4);
    for y in 0..n {
        for x in 0..n {
            let mut m = 0.0f32;
            for dy in 0..F {
                for dx in 0..F {
                    m = m.max(cov[(y * F + dy) * GRID + x * F + dx]);
                }
            }
            let on_box = bbox.is_some_and(|(x0, y0, x1, y1)| {
                let (x0, y0, x1, y1) = (x0 / F, y0 / F, (x1 - 1) / F, (y1 - 1) / F);
                ((x == x0 || x == x1) && (y0..=y1).contains(&y))
                    || ((y == y0 || y == y1) && (x0..=x1).contains(&x))
            });
            rgba.extend_from_slice(&if on_box { BOX_COLOUR } else { grey(m, 1.0) });
        }
    }
    (n, n, rgba)
}

/// The four steps for the current drawing.
#[component]
pub fn DrawSteps(ink: RwSignal<Ink>, prepared: Memo<Option<Prepared>>) -> impl IntoView {
    let ds = use_draw_strings();
    let step1 = Signal::derive(move || {
        let bbox = prepared.with(|p| p.as_ref().map(|p| p.bbox));
        ink.with(|i| ink_with_box(i, bbox))
    });
    let step2 = Signal::derive(move || {
        prepared.with(|p| match p {
            Some(p) => {
                let (x0, y0, x1, y1) = p.bbox;
                ink.with(|i| {
                    let rows = (y0..y1)
                        .flat_map(|y| i.coverage()[y * GRID + x0..y * GRID + x1].iter().copied());
                    (x1 - x0, y1 - y0, greys(rows))
                })
            }
            None => (1, 1, vec![255; 4]),
        })
    });
    let step3 = Signal::derive(move || {
        prepared.with(|p| match p {
            Some(p) => (
                p.scaled_size.0,
                p.scaled_size.1,
                greys(p.scaled.iter().copied()),
            ),
            None => (1, 1, vec![255; 4]),
        })
    });
    let preview = Signal::derive(move || {
        prepared.with(|p| {
            let input = p
                .as_ref()
                .map(|p| p.input.clone())
                .unwrap_or_else(|| vec![0.0; IMAGE_SIDE * IMAGE_SIDE]);
            (IMAGE_SIDE, IMAGE_SIDE, greys(input.into_iter()))
        })
    });
    let size = move |f: fn(&Prepared) -> (usize, usize)| {
        prepared.with(|p| p.as_ref().map(f).unwrap_or((0, 0)))
    };
    let cap2 = move || {
        let (w, h) = size(|p| (p.bbox.2 - p.bbox.0, p.bbox.3 - p.bbox.1));
        fill(
            ds().step_bbox,
            &[("w", w.to_string()), ("h", h.to_string())],
        )
    };
    let cap3 = move || {
        let (w, h) = size(|p| p.scaled_size);
        fill(
            ds().step_scaled,
            &[("w", w.to_string()), ("h", h.to_string())],
        )
    };
    let cap4 = move || {
        let (x, y) = prepared.with(|p| p.as_ref().map(|p| p.offset).unwrap_or((0, 0)));
        fill(
            ds().step_centred,
            &[("x", x.to_string()), ("y", y.to_string())],
        )
    };
    view! {
        <div class="subpanel draw-steps">
            <h3>{move || ds().steps_title}</h3>
            <div class="step-row">
                <figure>
                    <PixelMap pixels=step1 label=Signal::derive(move || ds().step_ink.to_string()) testid="draw-step-ink"/>
                    <figcaption>{move || ds().step_ink}</figcaption>
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
            <p class="note">{move || ds().steps_note}</p>
        </div>
    }
}
