//! Feature maps of every layer for the drawing: one picture per layer (all its channels as
//! tiles, one colour scale, a legend), painted as pixels. Pointing at a map, or focusing it and
//! using the arrow keys, shows the value there and the weights that produced that channel.

use super::canvas::{paint, PixelMap};
use super::draw_strings::use_draw_strings;
use super::i18n::fill;
use crate::nn::{Layer, LayerConfig, Sequential};
use crate::viz::colour::diverging;
use crate::viz::fmt_num;
use crate::viz::tiles::{layer_scale, TileLayout};
use leptos::html;
use leptos::prelude::*;
use ndarray::ArrayD;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Outputs of every layer for one drawing (batch of 1), in model order.
pub type Trace = Arc<Vec<ArrayD<f32>>>;

/// The model in use and its description; `model` is only read here.
#[derive(Clone, Copy)]
pub struct MapsContext {
    /// Outputs of the current drawing, `None` while nothing is drawn.
    pub trace: RwSignal<Option<Trace>>,
    /// The model that produced them (for its weights).
    pub model: StoredValue<Option<Sequential>>,
    /// Bumped whenever `model` changes, so weight pictures follow.
    pub model_version: RwSignal<u32>,
}

/// Which cell is pointed at: layer, channel (or unit), row, column.
type Pointed = (usize, usize, usize, usize);

/// How a layer's output is laid out: 4-D outputs as map tiles, 2-D ones as a strip of units.
fn layout_of(shape: &[usize]) -> Option<TileLayout> {
    match shape {
        [1, c, h, w] => Some(TileLayout::new(*c, *h, *w, 8)),
        [1, u] => Some(TileLayout::new(*u, 1, 1, if *u <= 10 { 10 } else { 16 })),
        _ => None,
    }
}

/// CSS width that makes a picture about `target` pixels wide with a whole zoom factor.
fn css_width(w: usize, target: usize) -> String {
    format!("{}px", w * (target / w.max(1)).clamp(1, 24))
}

/// The layer that holds the weights behind layer `i`'s channel: itself if it has weights, else
/// the nearest one before it (ReLU and MaxPool2d keep channels).
fn weight_source(model: &Sequential, i: usize) -> Option<usize> {
    let mut j = i;
    loop {
        match model.layers[j] {
            Layer::Conv2d(_) | Layer::Linear(_) => return Some(j),
            Layer::ReLU(_) | Layer::MaxPool2d(_) if j > 0 => j -= 1,
            _ => return None,
        }
    }
}

/// Weights of channel `c` of layer `j` as a picture, its bias, and the raw values.
fn weights_picture(
    model: &Sequential,
    trace: &[ArrayD<f32>],
    j: usize,
    c: usize,
) -> Option<(TileLayout, Vec<f32>, f32)> {
    let params = model.layers[j].params();
    let w = &params.iter().find(|(n, _)| *n == "weight")?.1.value;
    let b = params
        .iter()
        .find(|(n, _)| *n == "bias")
        .map(|(_, p)| p.value.as_slice().map(|s| s[c]).unwrap_or(0.0))
        .unwrap_or(0.0);
    let row: Vec<f32> = w.index_axis(ndarray::Axis(0), c).iter().copied().collect();
    let layout = match w.shape() {
        [_, i, kh, kw] => TileLayout::new(*i, *kh, *kw, 8),
        [_, n] => {
            // A Linear after Flatten: show its weights in the shape of the maps it reads.
            let before = j
                .checked_sub(2)
                .and_then(|k| trace.get(k))
                .map(|t| t.shape().to_vec());
            match (
                j.checked_sub(1).map(|k| &model.config().layers[k].config),
                before.as_deref(),
            ) {
                (Some(LayerConfig::Flatten { .. }), Some([1, ch, h, ww])) if ch * h * ww == *n => {
                    TileLayout::new(*ch, *h, *ww, 8)
                }
                _ => TileLayout::new(*n, 1, 1, 16),
            }
        }
        _ => return None,
    };
    Some((layout, row, b))
}

/// Every layer's maps, and the panel for what is pointed at.
#[component]
pub fn FeatureMaps(ctx: MapsContext) -> impl IntoView {
    let ds = use_draw_strings();
    let pointed = RwSignal::new(None::<Pointed>);
    let shown: Vec<(usize, String)> = ctx.model.with_value(|m| {
        m.as_ref()
            .map(|m| {
                m.config()
                    .layers
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| {
                        !matches!(
                            l.config,
                            LayerConfig::Flatten { .. } | LayerConfig::Dropout { .. }
                        )
                    })
                    .map(|(i, l)| (i, format!("{} · {}", l.name, l.config.kind())))
                    .collect()
            })
            .unwrap_or_default()
    });
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
        let text = match out.shape() {
            [1, _, h, w] => fill(
                ds().hover_map,
                &[
                    ("layer", name.clone()),
                    ("c", c.to_string()),
                    ("r", r.to_string()),
                    ("k", k.to_string()),
                    ("v", fmt_num(out.as_slice()?[(c * h + r) * w + k])),
                ],
            ),
            [1, _] => fill(
                ds().hover_unit,
                &[
                    ("layer", name.clone()),
                    ("c", c.to_string()),
                    ("v", fmt_num(out.as_slice()?[c])),
                ],
            ),
            _ => return None,
        };
        ctx.model_version.track();
        let weights = ctx.model.with_value(|m| {
            let m = m.as_ref()?;
            let j = weight_source(m, i)?;
            let (layout, row, bias) = weights_picture(m, &trace, j, c)?;
            let from = (j != i).then(|| fill(ds().weights_from, &[("layer", name.clone())]));
            Some((layout, row, bias, from))
        });
        let weights = weights.map(|(layout, row, bias, from)| {
            let scale = layer_scale(&row);
            let (pw, ph) = layout.size();
            let rgba = layout.render(&row, scale);
            let numbers = (row.len() <= 9).then(|| row.iter().map(|&v| fmt_num(v)).collect::<Vec<_>>().join(", "));
            view! {
                <div class="weights">
                    <p>{fill(ds().weights_of, &[("c", c.to_string())])}</p>
                    {from.map(|f| view! { <p class="note">{f}</p> })}
                    <div class="map-wrap">
                        <PixelMap pixels=Signal::derive(move || (pw, ph, rgba.clone())) label=Signal::derive(move || fill(ds().weights_of, &[("c", c.to_string())])) testid="draw-weights"/>
                    </div>
                    <p class="legend" translate="no">{fill(ds().legend, &[("m", fmt_num(scale))])}</p>
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
            <h3>{move || ds().maps_title}</h3>
            <p>{move || ds().maps_intro}</p>
            <p class="note">{move || ds().hover_hint}</p>
            <div class="map-layers">{layers}</div>
            <div class="map-info" aria-live="polite">{info}</div>
        </div>
    }
}

/// One layer's picture with its legend.
#[component]
fn LayerMaps(
    ctx: MapsContext,
    index: usize,
    name: String,
    pointed: RwSignal<Option<Pointed>>,
) -> impl IntoView {
    let ds = use_draw_strings();
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
                    let (w, h) = l.size();
                    let rgba = l.render(out.as_slice().unwrap_or(&[]), scale.get().unwrap_or(1.0));
                    let _ = web_sys::HtmlElement::style(&canvas)
                        .set_property("width", &css_width(w, 520));
                    paint(&canvas, w, h, &rgba);
                }
                _ => paint(&canvas, 1, 1, &[255, 255, 255, 255]),
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
        let (mut c, mut r, mut k) = match pointed.get_untracked() {
            Some((i, c, r, k)) if i == index => (c, r, k),
            _ => (0, 0, 0),
        };
        match ev.key().as_str() {
            "ArrowRight" if k + 1 < l.w => k += 1,
            "ArrowRight" if c + 1 < l.channels => (c, k) = (c + 1, 0),
            "ArrowLeft" if k > 0 => k -= 1,
            "ArrowLeft" if c > 0 => (c, k) = (c - 1, l.w - 1),
            "ArrowDown" if r + 1 < l.h => r += 1,
            "ArrowDown" if c + l.cols < l.channels => (c, r) = (c + l.cols, 0),
            "ArrowUp" if r > 0 => r -= 1,
            "ArrowUp" if c >= l.cols => (c, r) = (c - l.cols, l.h - 1),
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => {}
            _ => return,
        }
        ev.prevent_default();
        pointed.set(Some((index, c, r, k)));
    };
    let label = {
        let name = name.clone();
        move || {
            fill(
                ds().maps_label,
                &[
                    ("layer", name.clone()),
                    ("shape", shape.get().unwrap_or_default()),
                ],
            )
        }
    };
    let legend_px = (0..64)
        .flat_map(|i| diverging(i as f32 / 31.5 - 1.0, 1.0))
        .collect::<Vec<u8>>();
    view! {
        <figure class="layer-maps">
            <figcaption translate="no">{name.clone()} " " {move || shape.get().unwrap_or_default()}</figcaption>
            <canvas node_ref=node class="maps" tabindex="0" role="img" aria-label=label
                data-testid=format!("draw-maps-{index}")
                on:pointermove=on_move on:pointerdown=on_move on:keydown=on_key></canvas>
            <div class="legend">
                <PixelMap pixels=Signal::derive(move || (64, 1, legend_px.clone())) label=Signal::derive(move || ds().legend.to_string()) testid="draw-legend"/>
                <span translate="no">{move || fill(ds().legend, &[("m", scale.get().map(fmt_num).unwrap_or_else(|| "1".into()))])}</span>
            </div>
        </figure>
    }
}
