//! Feature maps of every layer for the drawing: one picture per layer (all its channels as
//! tiles, one colour scale, a legend), painted as pixels. Pointing at a map, or focusing it and
//! using the arrow keys, outlines the cell and shows beside it a card with the value there, the
//! input with the cell's receptive field outlined, and the weights that produced that channel.

use crate::components::context::drawing::Drawing;
use crate::components::context::use_text;
use crate::components::widgets::canvas::{paint, PixelMap};
use crate::components::widgets::visible::canvas_visible;
use crate::data::IMAGE_SIDE;
use crate::text::fill;
use crate::viz::field::receptive_field;
use crate::viz::fmt_num;
use crate::viz::maps::{
    card_place, channel_weights, css_width, layout_of, value_at, weight_source, Arrow, Rect,
    CARD_GAP,
};
use crate::viz::tiles::layer_scale;
use crate::viz::tiles::TileLayout;
use crate::viz::Picture;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Which cell is pointed at: layer, channel (or unit), row, column.
type Pointed = (usize, usize, usize, usize);

/// Width of the read-out card on wide screens (the stylesheet's `.map-info.floating`).
const CARD_WIDTH: f64 = 272.0;

/// What the card's height is taken to be before it is first measured (the seed model's conv2 card).
const CARD_HEIGHT_GUESS: f64 = 330.0;

/// Screen pixels per input pixel in the card's picture of the input.
const FIELD_ZOOM: usize = 4;

/// The pointed cell and its box in the maps' area (CSS pixels), set together.
#[derive(Clone, Copy, PartialEq)]
struct Point {
    cell: Pointed,
    rect: Option<Rect>,
}

/// Every layer's maps, and the panel for what is pointed at.
#[component]
pub fn FeatureMaps(
    ctx: Drawing,
    /// The model's layers that get a picture ([`shown_layers`]).
    shown: Vec<(usize, String)>,
) -> impl IntoView {
    let t = use_text();
    let point = RwSignal::new(None::<Point>);
    let pointed = Memo::new(move |_| point.get().map(|p| p.cell));
    let area = NodeRef::<html::Div>::new();
    let names: Arc<Vec<(usize, String)>> = Arc::new(shown.clone());
    let layers = shown
        .into_iter()
        .map(|(i, name)| view! { <LayerMaps ctx index=i name point/> })
        .collect_view();
    let info = move || {
        let (i, c, r, k) = pointed.get()?;
        let trace = ctx.trace.get()?;
        let out = trace.get(i)?;
        let name = names
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let value = fmt_num(value_at(out, (c, r, k))?);
        let text = if out.ndim() == 4 {
            fill(
                t().draw.hover_map,
                &[
                    ("layer", name.clone()),
                    ("c", c.to_string()),
                    ("r", r.to_string()),
                    ("k", k.to_string()),
                    ("v", value),
                ],
            )
        } else {
            fill(
                t().draw.hover_unit,
                &[("layer", name.clone()), ("c", c.to_string()), ("v", value)],
            )
        };
        // Read under the model's lock; the text (a reactive read) is made after.
        let weights = ctx.model.get().and_then(|r| {
            r.with(|m| {
                let j = weight_source(m, i)?;
                Some((j, channel_weights(m, &trace, j, c)?))
            })
        });
        let weights = weights.map(|(j, w)| {
            let from = (j != i).then(|| fill(t().draw.weights_from, &[("layer", name.clone())]));
            (w, from)
        });
        let weights = weights.map(|(w, from)| {
            let scale = layer_scale(&w.values);
            let picture = Picture::tiles(&w.layout, &w.values, scale);
            // A whole number of screen pixels per weight, at most the card's width.
            let width = css_width(picture.width, 240);
            let bias = w.bias;
            let numbers = (w.values.len() <= 9).then(|| w.values.iter().map(|&v| fmt_num(v)).collect::<Vec<_>>().join(", "));
            view! {
                <div class="weights">
                    <p>{fill(t().draw.weights_of, &[("c", c.to_string())])}</p>
                    {from.map(|f| view! { <p class="note">{f}</p> })}
                    <div class="map-wrap" style:width=width>
                        <PixelMap pixels=Signal::derive(move || picture.clone()) label=Signal::derive(move || fill(t().draw.weights_of, &[("c", c.to_string())])) testid="draw-weights"/>
                    </div>
                    <p class="legend" translate="no">{fill(t().draw.legend, &[("m", fmt_num(scale))])}</p>
                    {numbers.map(|n| view! { <p class="mono" translate="no">"w = [" {n} "]"</p> })}
                    <p class="mono" translate="no">"bias = " {fmt_num(bias)}</p>
                </div>
            }
        });
        let field = ctx
            .model
            .get()
            .and_then(|m| m.with(|m| receptive_field(m.config(), i, (r, k))));
        let input = ctx.prepared.with(|p| p.as_ref().map(|p| p.input.clone()));
        let field = field.zip(input).map(|(f, input)| {
            let picture = Picture::input_with_field(&input, IMAGE_SIDE, &f, FIELD_ZOOM);
            let (h, w) = f.size();
            // A deep or dilated conv's field can cover the whole input too; the sentence about
            // Flatten is for the flat layers after it.
            let line = if out.ndim() != 4 {
                t().draw.field_whole.to_string()
            } else {
                fill(
                    t().draw.field_box,
                    &[
                        ("r0", f.top.to_string()),
                        ("r1", (f.bottom - 1).to_string()),
                        ("c0", f.left.to_string()),
                        ("c1", (f.right - 1).to_string()),
                        ("h", h.to_string()),
                        ("w", w.to_string()),
                    ],
                )
            };
            view! {
                <div class="receptive">
                    <PixelMap pixels=Signal::derive(move || picture.clone()) label=Signal::derive(move || t().draw.field_label.to_string()) testid="draw-field"/>
                    <p data-testid="draw-field-text">{line}</p>
                </div>
            }
        });
        Some(view! {
            // Touch screens have no Esc and no pointer that leaves: the card closes here.
            <button class="card-close" data-testid="draw-hover-close" aria-label=move || t().draw.close_card
                on:click=move |_| point.set(None)>"×"</button>
            <p data-testid="draw-hover">{text}</p>
            {field}
            {weights}
        })
    };
    // Beside the cell on wide screens (the stylesheet keeps the card at the bottom of the
    // screen on narrow ones, where there is no room beside anything).
    // One reading of the area's width per pointed cell, shared by the class and the style.
    // The card's height is known once it is shown: a guess first, then its measure.
    let card_height = RwSignal::new(CARD_HEIGHT_GUESS);
    let card = NodeRef::<html::Div>::new();
    // While a card is open, scrolling places it again (at most once a frame): a phone's card at
    // the top or bottom of the screen must move when the cell passes the middle, and a desktop
    // card stays in the window.
    let scrolled = RwSignal::new(0u32);
    let pending = StoredValue::new(false);
    let listener = window_event_listener(leptos::ev::scroll, move |_| {
        if pending.get_value() || point.with_untracked(Option::is_none) {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.try_set_value(false);
            scrolled.try_update(|n| *n = n.wrapping_add(1));
        });
    });
    on_cleanup(move || listener.remove());
    let place = Memo::new(move |_| {
        scrolled.track();
        let rect = point.get()?.rect?;
        let area = area.get()?;
        let width = area.client_width() as f64;
        // The part of the area in the window, below the sticky header.
        let top = area.get_bounding_client_rect().top();
        let header = document()
            .query_selector("header.site-header")
            .ok()
            .flatten()
            .map_or(0.0, |h| h.get_bounding_client_rect().bottom().max(0.0));
        let window = window().inner_height().ok()?.as_f64()?;
        let visible = (header - top + CARD_GAP, window - top - CARD_GAP);
        let (x, y) = card_place(rect, width, (CARD_WIDTH, card_height.get()), visible);
        // On a phone the card spans the screen's width at its bottom, or at its top when the
        // cell is in the lower half, so that it never hides the cell.
        let low = top + rect.1 + rect.3 / 2.0 > window / 2.0;
        Some((
            format!("--x:{x:.0}px;--y:{y:.0}px;--top:{header:.0}px"),
            low,
        ))
    });
    Effect::new(move |_| {
        if place.with(Option::is_none) {
            return;
        }
        pointed.track();
        // Measured before the next frame is drawn, once the card holds the new cell's read-out
        // (this effect can run before the card's own content is replaced).
        request_animation_frame(move || {
            // (The maps can have been rebuilt for another model by then.)
            let Some(el) = card.try_get_untracked().flatten() else {
                return;
            };
            let h = el.offset_height() as f64;
            if h > 0.0
                && card_height
                    .try_get_untracked()
                    .is_some_and(|was| (h - was).abs() > 1.0)
            {
                card_height.try_set(h);
            }
        });
    });
    let cursor = move || {
        // No outline without a read-out (the drawing was cleared, or the model changed).
        ctx.trace.with(|t| t.is_some()).then_some(())?;
        let (x, y, w, h) = point.get()?.rect?;
        Some(view! {
            <div class="map-cursor" aria-hidden="true"
                style=format!("--x:{x:.1}px;--y:{y:.1}px;--w:{w:.1}px;--h:{h:.1}px")></div>
        })
    };
    view! {
        <div class="subpanel feature-maps">
            <h3>{move || t().draw.maps_title}</h3>
            <p>{move || t().draw.maps_intro}</p>
            <p class="note">{move || t().draw.hover_hint}</p>
            <div class="map-area" node_ref=area>
                <div class="map-layers">{layers}</div>
                {cursor}
                <div class="map-info" node_ref=card class:floating=move || place.with(Option::is_some)
                    class:low=move || place.with(|p| p.as_ref().is_some_and(|p| p.1))
                    style=move || place.with(|p| p.as_ref().map(|p| p.0.clone())) aria-live="polite">{info}</div>
            </div>
        </div>
    }
}

/// One layer's picture with its legend.
#[component]
fn LayerMaps(
    ctx: Drawing,
    index: usize,
    name: String,
    point: RwSignal<Option<Point>>,
) -> impl IntoView {
    let t = use_text();
    let node = NodeRef::<html::Canvas>::new();
    // Each layer follows the drawing only while its maps are on screen: drawing with the canvas
    // in view, most layers are below the fold, and each catches up as it comes into view.
    let ctx = ctx.while_in_view(canvas_visible(node, "100px"));
    let layout = Memo::new(move |_| {
        ctx.trace
            .with(|t| t.as_ref().and_then(|t| layout_of(t.get(index)?.shape())))
    });
    let scale = Memo::new(move |_| {
        ctx.trace.with(|t| {
            t.as_ref()
                .and_then(|t| t.get(index))
                .map(|o| layer_scale(o.as_slice().unwrap_or(&[])))
        })
    });
    let shape = Memo::new(move |_| {
        ctx.trace.with(|t| {
            t.as_ref()
                .and_then(|t| t.get(index))
                .map(|o| format!("{:?}", &o.shape()[1..]))
        })
    });
    // The width is set only when it changes: every stroke repaints every layer.
    let width = StoredValue::new(0usize);
    Effect::new(move |_| {
        let Some(canvas) = node.get() else { return };
        ctx.trace.with(
            |t| match (t.as_ref().and_then(|t| t.get(index)), layout.get()) {
                (Some(out), Some(l)) => {
                    let values = out.as_slice().unwrap_or(&[]);
                    let picture = Picture::tiles(&l, values, scale.get().unwrap_or(1.0));
                    if width.get_value() != picture.width {
                        width.set_value(picture.width);
                        let _ = web_sys::HtmlElement::style(&canvas)
                            .set_property("width", &css_width(picture.width, 520));
                    }
                    paint(&canvas, &picture);
                }
                _ => paint(&canvas, &Picture::blank()),
            },
        );
    });
    let hit = move |x: f64, y: f64, el: &web_sys::Element| -> Option<(usize, usize, usize)> {
        let l = layout.get_untracked()?;
        let r = el.get_bounding_client_rect();
        let (w, h) = l.size();
        if r.width() <= 0.0 {
            return None;
        }
        let px = (x - r.left()) / r.width() * w as f64;
        let py = (y - r.top()) / r.height() * h as f64;
        l.hit_near(px, py)
    };
    let show = move |cell: (usize, usize, usize)| {
        let rect = node
            .get_untracked()
            .zip(layout.get_untracked())
            .and_then(|(canvas, l)| cell_rect(&canvas, &l, cell));
        let (c, r, k) = cell;
        point.set(Some(Point {
            cell: (index, c, r, k),
            rect,
        }));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some(cell) = hit(ev.client_x() as f64, ev.client_y() as f64, &el) {
            if point.with_untracked(|p| p.map(|p| p.cell)) != Some((index, cell.0, cell.1, cell.2))
            {
                show(cell);
            }
        }
    };
    // A mouse that leaves the maps takes the card with it; a finger lifts off the screen after
    // every tap, so a touched cell stays shown.
    let hide_if_ours = move || {
        if point.with_untracked(|p| p.is_some_and(|p| p.cell.0 == index)) {
            point.set(None);
        }
    };
    let on_leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            hide_if_ours();
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(l) = layout.get_untracked() else {
            return;
        };
        if ev.key() == "Escape" {
            hide_if_ours();
            return;
        }
        let Some(arrow) = Arrow::from_key(&ev.key()) else {
            return;
        };
        let from = match point.get_untracked() {
            Some(Point {
                cell: (i, c, r, k), ..
            }) if i == index => (c, r, k),
            _ => (0, 0, 0),
        };
        ev.prevent_default();
        show(l.neighbour(from, arrow));
    };
    let label = {
        let name = name.clone();
        move || {
            fill(
                t().draw.maps_label,
                &[
                    ("layer", name.clone()),
                    ("shape", shape.get().unwrap_or_default()),
                ],
            )
        }
    };
    // Ten units in a row are the logits: each is labelled with its digit.
    let digits = move || {
        layout.with(|l| {
            l.filter(|l| l.channels == 10 && l.h == 1 && l.w == 1 && l.cols == 10)
                .map(|l| {
                    let width = css_width(l.size().0, 520);
                    view! {
                        <div class="unit-digits" aria-hidden="true" style:width=width>
                            {(0..10).map(|d| view! { <span>{d}</span> }).collect_view()}
                        </div>
                    }
                })
        })
    };
    view! {
        <figure class="layer-maps">
            <figcaption translate="no">{name.clone()} " " {move || shape.get().unwrap_or_default()}</figcaption>
            <canvas node_ref=node class="maps" tabindex="0" role="img" aria-label=label
                data-testid=format!("draw-maps-{index}")
                on:pointermove=on_move on:pointerdown=on_move on:pointerleave=on_leave
                on:keydown=on_key on:blur=move |_| hide_if_ours()></canvas>
            {digits}
            <div class="legend">
                <PixelMap pixels=Signal::derive(Picture::legend) label=Signal::derive(move || fill(t().draw.legend, &[("m", scale.get().map(fmt_num).unwrap_or_else(|| "1".into()))])) testid="draw-legend"/>
                <span translate="no">{move || fill(t().draw.legend, &[("m", scale.get().map(fmt_num).unwrap_or_else(|| "1".into()))])}</span>
            </div>
        </figure>
    }
}

/// The box of `cell` of a maps canvas drawn with `layout`, in the coordinates of the canvas's
/// offset parent (the maps' area), in CSS pixels.
fn cell_rect(
    canvas: &web_sys::HtmlCanvasElement,
    layout: &TileLayout,
    cell: (usize, usize, usize),
) -> Option<Rect> {
    let (pw, ph) = layout.size();
    let (cw, ch) = (canvas.client_width() as f64, canvas.client_height() as f64);
    if cw <= 0.0 || pw == 0 || ph == 0 {
        return None;
    }
    let (sx, sy) = (cw / pw as f64, ch / ph as f64);
    let (x, y) = layout.origin(cell);
    let left = f64::from(canvas.offset_left() + canvas.client_left()) + x as f64 * sx;
    let top = f64::from(canvas.offset_top() + canvas.client_top()) + y as f64 * sy;
    Some((left, top, sx, sy))
}
