//! The model as a row of its stages, each with thumbnails of its real outputs for the page's
//! drawing, its shape and a link to the section that explains it. The overview shows the whole
//! row; the Draw section shows its first stages beside the canvas.

use crate::components::context::drawing::{Drawing, Trace};
use crate::components::context::use_text;
use crate::components::sections::section_name;
use crate::components::widgets::canvas::PixelMap;
use crate::nn::classify;
use crate::nn::summary::group_thousands;
use crate::text::fill;
use crate::viz::maps::layout_of;
use crate::viz::overview::{most_active, stages, Stage, StageKind, THUMBNAILS};
use crate::viz::tiles::layer_scale;
use crate::viz::Picture;
use leptos::prelude::*;

/// The first `count` stages of the model as a compact strip (the Draw section shows it beside
/// the canvas, so the first layers' maps stay in view while drawing).
#[component]
pub fn StageStrip(drawing: Drawing, count: usize) -> impl IntoView {
    let t = use_text();
    let row = stage_rows(drawing, count);
    view! {
        <nav class="overview-flow strip" aria-label=move || t().overview.diagram_label data-testid="draw-strip">
            <ol>
                <For each=move || row.get() key=|s| (s.index, s.shape.clone()) let:stage>
                    <li><StageBox drawing stage testids="draw-strip-stage"/></li>
                </For>
            </ol>
        </nav>
    }
}

/// The first `count` stages of the drawing's model, following the model.
pub fn stage_rows(drawing: Drawing, count: usize) -> Memo<Vec<Stage>> {
    Memo::new(move |_| {
        drawing.model.with(|m| {
            m.as_ref()
                .map(|r| r.with(|m| stages(m.config()).into_iter().take(count).collect()))
                .unwrap_or_default()
        })
    })
}

/// Output `index` of a trace, if it has `size` values: the trace can be a step behind a model
/// that just changed, and an output of another shape is not this stage's and is not drawn.
fn output_of(trace: &Option<Trace>, index: usize, size: usize) -> Option<&[f32]> {
    trace
        .as_ref()?
        .get(index)
        .filter(|o| o.len() == size)?
        .as_slice()
}

/// One stage: its name, thumbnails of its first outputs (or the probabilities and the
/// prediction for the last), and its shape; a link to the section that explains it.
#[component]
pub fn StageBox(
    drawing: Drawing,
    stage: Stage,
    /// The start of the box's `data-testid` (the stage's index follows): the overview's and the
    /// Draw section's strip must not share one.
    testids: &'static str,
) -> impl IntoView {
    let t = use_text();
    let Stage {
        index,
        kind,
        name,
        classes,
        shape,
    } = stage;
    let section = kind.section();
    let size: usize = shape.iter().product();
    let caption = {
        let shape = shape.clone();
        move || match (kind, shape.as_slice()) {
            (StageKind::Output, _) => t().overview.output.to_string(),
            (_, [c, h, w]) => fill(
                t().overview.maps,
                &[
                    ("n", c.to_string()),
                    ("h", h.to_string()),
                    ("w", w.to_string()),
                ],
            ),
            (_, [u]) => fill(t().overview.units, &[("n", group_thousands(*u as u64))]),
            _ => String::new(),
        }
    };
    let caption2 = caption.clone();
    let label = {
        let (name, classes) = (name.clone(), classes.clone());
        move || {
            let section = section_name(section).map_or("", |n| n(t()));
            fill(
                t().overview.go_to,
                &[
                    ("stage", format!("{name}: {classes}, {}", caption2())),
                    ("section", section.to_string()),
                ],
            )
        }
    };
    let body = match (kind, shape.as_slice()) {
        (StageKind::Output, _) => {
            let result = Memo::new(move |_| {
                drawing
                    .trace
                    .with(|tr| output_of(tr, index, size).map(classify))
            });
            let bars = (0..10)
                .map(|d| {
                    let p = move || result.with(|r| r.as_ref().map_or(0.0, |(p, _)| p[d]));
                    view! {
                        <span class="ov-bar" class:winner=move || result.with(|r| r.as_ref().is_some_and(|(_, a)| *a == d))>
                            <span class="ov-bar-fill" style:height=move || format!("{:.0}%", 100.0 * p())></span>
                            <span class="ov-bar-digit" aria-hidden="true">{d}</span>
                        </span>
                    }
                })
                .collect_view();
            view! {
                <span class="ov-output">
                    <span class="ov-bars" aria-hidden="true">{bars}</span>
                    <span class="ov-prediction">
                        {move || t().overview.prediction} " "
                        <strong data-testid="overview-prediction">
                            {move || result.with(|r| r.as_ref().map(|(_, a)| a.to_string()).unwrap_or_default())}
                        </strong>
                    </span>
                    {move || result.with(|r| r.is_none()).then(|| view! { <span class="note">{move || t().overview.nothing}</span> })}
                </span>
            }
            .into_any()
        }
        (_, &[c, h, w]) => {
            // The busiest maps for this input (after ReLU some are all 0 for a given digit), and
            // the layer's one colour scale, worked out once per output for all thumbnails.
            let shown = Memo::new(move |_| {
                drawing.trace.with(|tr| {
                    output_of(tr, index, size)
                        .map(|o| (most_active(o, c, THUMBNAILS), layer_scale(o)))
                        .unwrap_or_else(|| ((0..c.min(THUMBNAILS)).collect(), 1.0))
                })
            });
            (0..c.min(THUMBNAILS))
                .map(|slot| {
                    let pixels = Signal::derive(move || {
                        let (ch, scale) = shown.with(|(s, scale)| (s.get(slot).copied(), *scale));
                        ch.and_then(|ch| {
                            drawing.trace.with(|tr| {
                                let map = output_of(tr, index, size)?.get(ch * h * w..(ch + 1) * h * w)?;
                                Some(Picture::map(w, h, map, scale, false))
                            })
                        })
                        .unwrap_or_else(|| Picture::grey(w, h, std::iter::repeat_n(0.0, w * h)))
                    });
                    view! { <PixelMap pixels label=Signal::derive(String::new) testid="overview-thumb"/> }
                })
                .collect_view()
                .into_any()
        }
        (_, &[u]) => {
            let pixels = Signal::derive(move || {
                let layout = layout_of(&[1, u]);
                drawing
                    .trace
                    .with(|tr| {
                        let o = output_of(tr, index, size)?;
                        Some(Picture::tiles(&layout?, o, layer_scale(o)))
                    })
                    .unwrap_or_else(Picture::blank)
            });
            view! { <PixelMap pixels label=Signal::derive(String::new) testid="overview-units"/> }
                .into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <a class="ov-stage" class:output=kind == StageKind::Output href=format!("#{section}") aria-label=label
            data-testid=format!("{testids}-{index}")>
            <span class="stage-name" translate="no">{name}" · "{classes}</span>
            <span class="thumbs">{body}</span>
            <span class="stage-shape">{caption}</span>
        </a>
    }
}
