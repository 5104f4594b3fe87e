//! Feature maps of every layer for the drawing: one picture per layer (all its channels as
//! tiles, one colour scale, a legend), painted as pixels. Pointing at a map, or focusing it and
//! using the arrow keys, shows the value there and the weights that produced that channel.

use crate::components::context::drawing::Drawing;
use crate::components::context::use_text;
use crate::components::widgets::canvas::{paint, PixelMap};
use crate::text::fill;
use crate::viz::fmt_num;
use crate::viz::maps::{
    channel_weights, css_width, layout_of, shown_layers, value_at, weight_source, Arrow,
};
use crate::viz::tiles::layer_scale;
use crate::viz::Picture;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Which cell is pointed at: layer, channel (or unit), row, column.
type Pointed = (usize, usize, usize, usize);

/// Every layer's maps, and the panel for what is pointed at.
#[component]
pub fn FeatureMaps(ctx: Drawing) -> impl IntoView {
    let t = use_text();
    let pointed = RwSignal::new(None::<Pointed>);
    let shown: Vec<(usize, String)> = ctx
        .model
        .with_value(|m| m.as_ref().map(shown_layers).unwrap_or_default());
    let names: Arc<Vec<(usize, String)>> = Arc::new(shown.clone());
    let layers = shown
        .into_iter()
        .map(|(i, name)| view! { <LayerMaps ctx index=i name pointed/> })
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
        ctx.model_version.track();
        let weights = ctx.model.with_value(|m| {
            let m = m.as_ref()?;
            let j = weight_source(m, i)?;
            let w = channel_weights(m, &trace, j, c)?;
            let from = (j != i).then(|| fill(t().draw.weights_from, &[("layer", name.clone())]));
            Some((w, from))
        });
        let weights = weights.map(|(w, from)| {
            let scale = layer_scale(&w.values);
            let picture = Picture::tiles(&w.layout, &w.values, scale);
            let bias = w.bias;
            let numbers = (w.values.len() <= 9).then(|| w.values.iter().map(|&v| fmt_num(v)).collect::<Vec<_>>().join(", "));
            view! {
                <div class="weights">
                    <p>{fill(t().draw.weights_of, &[("c", c.to_string())])}</p>
                    {from.map(|f| view! { <p class="note">{f}</p> })}
                    <div class="map-wrap">
                        <PixelMap pixels=Signal::derive(move || picture.clone()) label=Signal::derive(move || fill(t().draw.weights_of, &[("c", c.to_string())])) testid="draw-weights"/>
                    </div>
                    <p class="legend" translate="no">{fill(t().draw.legend, &[("m", fmt_num(scale))])}</p>
                    {numbers.map(|n| view! { <p class="mono" translate="no">"w = [" {n} "]"</p> })}
                    <p class="mono" translate="no">"bias = " {fmt_num(bias)}</p>
                </div>
            }
        });
        Some(view! {
            <p data-testid="draw-hover">{text}</p>
            {weights}
        })
    };
    view! {
        <div class="subpanel feature-maps">
            <h3>{move || t().draw.maps_title}</h3>
            <p>{move || t().draw.maps_intro}</p>
            <p class="note">{move || t().draw.hover_hint}</p>
            <div class="map-layers">{layers}</div>
            <div class="map-info" aria-live="polite">{info}</div>
        </div>
    }
}

/// One layer's picture with its legend.
#[component]
fn LayerMaps(
    ctx: Drawing,
    index: usize,
    name: String,
    pointed: RwSignal<Option<Pointed>>,
) -> impl IntoView {
    let t = use_text();
    let node = NodeRef::<html::Canvas>::new();
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
    Effect::new(move |_| {
        let Some(canvas) = node.get() else { return };
        ctx.trace.with(
            |t| match (t.as_ref().and_then(|t| t.get(index)), layout.get()) {
                (Some(out), Some(l)) => {
                    let values = out.as_slice().unwrap_or(&[]);
                    let picture = Picture::tiles(&l, values, scale.get().unwrap_or(1.0));
                    let _ = web_sys::HtmlElement::style(&canvas)
                        .set_property("width", &css_width(picture.width, 520));
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
        let px = ((x - r.left()) / r.width() * w as f64).floor();
        let py = ((y - r.top()) / r.height() * h as f64).floor();
        if px < 0.0 || py < 0.0 {
            return None;
        }
        l.hit(px as usize, py as usize)
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some((c, r, k)) = hit(ev.client_x() as f64, ev.client_y() as f64, &el) {
            pointed.set(Some((index, c, r, k)));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(l) = layout.get_untracked() else {
            return;
        };
        let Some(arrow) = Arrow::from_key(&ev.key()) else {
            return;
        };
        let from = match pointed.get_untracked() {
            Some((i, c, r, k)) if i == index => (c, r, k),
            _ => (0, 0, 0),
        };
        let (c, r, k) = l.neighbour(from, arrow);
        ev.prevent_default();
        pointed.set(Some((index, c, r, k)));
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
                on:pointermove=on_move on:pointerdown=on_move on:keydown=on_key></canvas>
            {digits}
            <div class="legend">
                <PixelMap pixels=Signal::derive(Picture::legend) label=Signal::derive(move || fill(t().draw.legend, &[("m", scale.get().map(fmt_num).unwrap_or_else(|| "1".into()))])) testid="draw-legend"/>
                <span translate="no">{move || fill(t().draw.legend, &[("m", scale.get().map(fmt_num).unwrap_or_else(|| "1".into()))])}</span>
            </div>
        </figure>
    }
}
