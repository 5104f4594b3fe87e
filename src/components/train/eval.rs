//! What the model has learned, after each epoch and while it trains: the confusion matrix of the
//! held-out images, the images it gets wrong, and conv1's filters and maps of one image. Every
//! class is named as the set in use says (digits, Fashion-MNIST's names, or the learner's).

use crate::components::context::data::use_data;
use crate::components::context::train_link::use_train_link;
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::components::widgets::subpanel::Subpanel;
use crate::data::DataKind;
use crate::text::fill;
use crate::train::protocol::ToWorker;
use crate::viz::tiles::{layer_scale, TileLayout};
use crate::viz::Picture;
use leptos::prelude::*;

/// The 10×10 table: rows are true classes, columns predictions; shading by share of the row.
/// Rows name their class; columns give its number (a row's name says which).
#[component]
pub fn Confusion() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let link = use_train_link();
    let kind = use_data().kind;
    let digits = move || kind.with(|k| *k == DataKind::Digits);
    let matrix = Memo::new(move |_| link.state.with(|s| s.epochs.last().map(|e| e.confusion)));
    let row_name = move |k: usize| {
        kind.with(|kind| match kind {
            DataKind::Digits => k.to_string(),
            kind => format!("{k} {}", kind.class_name(k, lang.get())),
        })
    };
    let body = move || {
        let m = matrix.get()?;
        Some(
            (0..10)
                .map(|truth| {
                    let total: u32 = m[truth].iter().sum();
                    let cells = (0..10).map(|p| {
                let v = m[truth][p];
                let level = if total == 0 { 0 } else { (v * 4).div_ceil(total).min(4) };
                let class = format!("c{level}{}", if p == truth { " diag" } else { "" });
                view! { <td class=class data-testid=format!("train-confusion-{truth}-{p}")>{v}</td> }
            }).collect_view();
                    view! { <tr><th scope="row">{move || row_name(truth)}</th>{cells}</tr> }
                })
                .collect_view(),
        )
    };
    let title = move || {
        if digits() {
            t().train.confusion_title
        } else {
            t().idx.class_confusion_title
        }
    };
    let caption = move || {
        let (truth, pred) = if digits() {
            (t().train.confusion_true, t().train.confusion_pred)
        } else {
            (t().idx.class_true, t().idx.class_pred)
        };
        format!("{truth} ↓ · {pred} →")
    };
    view! {
        <div class="subpanel confusion">
            <h3>{title}</h3>
            <div class="table-scroll">
                <table data-testid="train-confusion" class:named=move || !digits()>
                    <caption class="note">{caption}</caption>
                    <thead><tr><th></th>{(0..10).map(|p| view! { <th scope="col">{p}</th> }).collect_view()}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    }
}

/// Held-out images the model got wrong in the last evaluation.
#[component]
pub fn Mistakes() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let link = use_train_link();
    let data = use_data();
    let mistakes = Memo::new(move |_| {
        link.state.with(|s| {
            s.epochs
                .last()
                .map(|e| e.mistakes.clone())
                .unwrap_or_default()
        })
    });
    let gallery = move || {
        let set = data.set.get()?;
        Some(mistakes.get().into_iter().filter(|(i, _)| *i < set.images.len()).map(|(i, p)| {
            let truth = set.images.labels[i] as usize;
            let px = Picture::digit(set.images.image(i));
            let caption = move || {
                let l = lang.get();
                data.kind.with(|k| fill(t().train.mistake, &[("p", k.class_name(p as usize, l)), ("t", k.class_name(truth, l))]))
            };
            view! {
                <figure class="mistake" data-testid="train-mistake">
                    <PixelMap pixels=Signal::derive(move || px.clone()) label=Signal::derive(caption) testid="train-mistake-img"/>
                    <figcaption>{caption}</figcaption>
                </figure>
            }
        }).collect_view())
    };
    let title = move || {
        if data.kind.with(|k| *k == DataKind::Digits) {
            t().train.mistakes_title
        } else {
            t().idx.class_mistakes_title
        }
    };
    view! {
        <div class="subpanel mistakes">
            <h3>{title}</h3>
            <div class="gallery">{gallery}</div>
        </div>
    }
}

/// conv1's filters and its maps of one chosen held-out digit, refreshed as the worker sends
/// snapshots.
#[component]
pub fn Watch() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let link = use_train_link();
    let data = use_data();
    let digits = move || data.kind.with(|k| *k == DataKind::Digits);
    let snapshot = Memo::new(move |_| link.state.with(|s| s.snapshot.clone()));
    let index = RwSignal::new(0usize);
    // Tiles of `[n, …, h, w]` values, whatever the model's filter count and kernel size.
    let tiles = |values: &[f32], shape: &[usize]| {
        let (n, h, w) = match shape {
            [n, .., h, w] => (*n, *h, *w),
            _ => return Picture::blank(),
        };
        if n == 0 || values.is_empty() || !values.len().is_multiple_of((n * h * w).max(1)) {
            return Picture::blank();
        }
        // Several input channels: the first channel's weights are shown.
        let per = values.len() / n;
        let first: Vec<f32> = values
            .chunks(per)
            .flat_map(|c| c[..h * w].to_vec())
            .collect();
        Picture::tiles(&TileLayout::new(n, h, w, 8), &first, layer_scale(&first))
    };
    let filters = Signal::derive(move || {
        snapshot.with(|s| {
            s.as_ref()
                .map(|s| tiles(&s.filters, &s.filter_shape))
                .unwrap_or_else(Picture::blank)
        })
    });
    let maps = Signal::derive(move || {
        snapshot.with(|s| {
            s.as_ref()
                .map(|s| tiles(&s.maps, &s.map_shape))
                .unwrap_or_else(Picture::blank)
        })
    });
    // Captions say the first convolution's own numbers, whatever the architecture.
    let shape = move || {
        snapshot.with(|s| {
            s.as_ref()
                .map(|s| s.filter_shape.clone())
                .unwrap_or_else(|| vec![16, 1, 3, 3])
        })
    };
    let filters_caption = move || {
        let s = shape();
        let (n, k) = match s.as_slice() {
            [n, .., h, w] => (*n, format!("{h} × {w}")),
            _ => (0, String::new()),
        };
        fill(t().train.filters, &[("n", n.to_string()), ("k", k)])
    };
    let maps_caption = move || {
        let n = shape().first().copied().unwrap_or(0);
        fill(t().train.watch_maps, &[("n", n.to_string())])
    };
    let digit = Signal::derive(move || match (data.set.get(), snapshot.get()) {
        (Some(d), Some(s)) if s.digit < d.images.len() => Picture::digit(d.images.image(s.digit)),
        _ => Picture::blank(),
    });
    let says = move || {
        let s = snapshot.get()?;
        let d = data.set.get()?;
        let (best, p) = s
            .probs
            .iter()
            .copied()
            .enumerate()
            .fold((0, f32::MIN), |a, (i, p)| if p > a.1 { (i, p) } else { a });
        let truth = *d.images.labels.get(s.digit)? as usize;
        let l = lang.get();
        let template = if digits() {
            t().train.watch_says
        } else {
            t().idx.class_watch_says
        };
        Some(data.kind.with(|k| {
            fill(
                template,
                &[
                    ("d", k.class_name(best, l)),
                    ("p", format!("{p:.3}")),
                    ("t", k.class_name(truth, l)),
                ],
            )
        }))
    };
    // The watched image is one of the held-out ones, by its place among them.
    let held_out = move || data.source.with(|s| s.test.max(1));
    let watch_label = move || {
        if digits() {
            t().train.watch_digit
        } else {
            t().idx.class_watch_label
        }
    };
    let id = "field-train-watch";
    view! {
        <Subpanel class="watch" title=|t| t.train.watch_title>
            <label class="field" for=id>
                <span>{watch_label}</span>
                <input id=id type="number" min="0" max=move || (held_out() - 1).to_string() step="1" data-testid="train-watch"
                    prop:value=move || index.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).trim().parse::<usize>() {
                            if i < held_out() {
                                index.set(i);
                                link.send(&ToWorker::Watch(i));
                            }
                        }
                    }/>
            </label>
            <div class="watch-row">
                <figure>
                    <PixelMap pixels=digit label=Signal::derive(move || watch_label().to_string()) testid="train-watch-digit"/>
                    <figcaption>{says}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=filters label=Signal::derive(filters_caption) testid="train-filters"/>
                    <figcaption>{filters_caption}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=maps label=Signal::derive(maps_caption) testid="train-maps"/>
                    <figcaption>{maps_caption}</figcaption>
                </figure>
            </div>
        </Subpanel>
    }
}
