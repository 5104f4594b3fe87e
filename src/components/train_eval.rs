//! What the model has learned, after each epoch and while it trains: the confusion matrix of the
//! held-out digits, the digits it gets wrong, and conv1's filters and maps of one digit.

use super::canvas::PixelMap;
use super::i18n::fill;
use super::mnist_data::{use_mnist, MnistState};
use super::train_link::use_train_link;
use super::train_strings::use_train_strings;
use crate::data::IMAGE_SIDE;
use crate::train::protocol::ToWorker;
use crate::viz::colour::grey;
use crate::viz::tiles::{layer_scale, TileLayout};
use leptos::prelude::*;

/// The 10×10 table: rows are true digits, columns predictions; shading by share of the row.
#[component]
pub fn Confusion() -> impl IntoView {
    let ts = use_train_strings();
    let link = use_train_link();
    let matrix = Memo::new(move |_| link.state.with(|s| s.epochs.last().map(|e| e.confusion)));
    let body = move || {
        let m = matrix.get()?;
        Some(
            (0..10)
                .map(|t| {
                    let total: u32 = m[t].iter().sum();
                    let cells = (0..10).map(|p| {
                let v = m[t][p];
                let level = if total == 0 { 0 } else { (v * 4).div_ceil(total).min(4) };
                let class = format!("c{level}{}", if p == t { " diag" } else { "" });
                view! { <td class=class data-testid=format!("train-confusion-{t}-{p}")>{v}</td> }
            }).collect_view();
                    view! { <tr><th scope="row">{t}</th>{cells}</tr> }
                })
                .collect_view(),
        )
    };
    view! {
        <div class="subpanel confusion">
            <h3>{move || ts().confusion_title}</h3>
            <table data-testid="train-confusion">
                <caption class="note">{move || format!("{} ↓ · {} →", ts().confusion_true, ts().confusion_pred)}</caption>
                <thead><tr><th></th>{(0..10).map(|p| view! { <th scope="col">{p}</th> }).collect_view()}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn digit_pixels(img: &[u8]) -> (usize, usize, Vec<u8>) {
    (
        IMAGE_SIDE,
        IMAGE_SIDE,
        img.iter().flat_map(|&p| grey(p as f32, 255.0)).collect(),
    )
}

/// Held-out digits the model got wrong in the last evaluation.
#[component]
pub fn Mistakes() -> impl IntoView {
    let ts = use_train_strings();
    let link = use_train_link();
    let mnist = use_mnist();
    let mistakes = Memo::new(move |_| {
        link.state.with(|s| {
            s.epochs
                .last()
                .map(|e| e.mistakes.clone())
                .unwrap_or_default()
        })
    });
    let gallery = move || {
        let MnistState::Ready(data) = mnist.get() else {
            return None;
        };
        Some(mistakes.get().into_iter().filter(|(i, _)| *i < data.len()).map(|(i, p)| {
            let t = data.labels[i];
            let px = digit_pixels(data.image(i));
            let caption = move || fill(ts().mistake, &[("p", p.to_string()), ("t", t.to_string())]);
            view! {
                <figure class="mistake" data-testid="train-mistake">
                    <PixelMap pixels=Signal::derive(move || px.clone()) label=Signal::derive(caption) testid="train-mistake-img"/>
                    <figcaption>{caption}</figcaption>
                </figure>
            }
        }).collect_view())
    };
    view! {
        <div class="subpanel mistakes">
            <h3>{move || ts().mistakes_title}</h3>
            <div class="gallery">{gallery}</div>
        </div>
    }
}

/// conv1's filters and its maps of one chosen held-out digit, refreshed as the worker sends
/// snapshots.
#[component]
pub fn Watch() -> impl IntoView {
    let ts = use_train_strings();
    let link = use_train_link();
    let mnist = use_mnist();
    let snapshot = Memo::new(move |_| link.state.with(|s| s.snapshot.clone()));
    let index = RwSignal::new(0usize);
    let tiles = |values: &[f32], n: usize, h: usize, w: usize| {
        let l = TileLayout::new(n, h, w, 8);
        let (pw, ph) = l.size();
        if values.len() != n * h * w {
            return (1, 1, vec![255; 4]);
        }
        (pw, ph, l.render(values, layer_scale(values)))
    };
    let filters = Signal::derive(move || {
        snapshot.with(|s| {
            s.as_ref()
                .map(|s| tiles(&s.filters, 16, 3, 3))
                .unwrap_or((1, 1, vec![255; 4]))
        })
    });
    let maps = Signal::derive(move || {
        snapshot.with(|s| {
            s.as_ref()
                .map(|s| tiles(&s.maps, 16, 26, 26))
                .unwrap_or((1, 1, vec![255; 4]))
        })
    });
    let digit = Signal::derive(move || match (mnist.get(), snapshot.get()) {
        (MnistState::Ready(d), Some(s)) if s.digit < d.len() => digit_pixels(d.image(s.digit)),
        _ => (1, 1, vec![255; 4]),
    });
    let says = move || {
        let s = snapshot.get()?;
        let MnistState::Ready(d) = mnist.get() else {
            return None;
        };
        let (best, p) = s
            .probs
            .iter()
            .copied()
            .enumerate()
            .fold((0, f32::MIN), |a, (i, p)| if p > a.1 { (i, p) } else { a });
        Some(fill(
            ts().watch_says,
            &[
                ("d", best.to_string()),
                ("p", format!("{p:.3}")),
                ("t", d.labels.get(s.digit)?.to_string()),
            ],
        ))
    };
    let id = "field-train-watch";
    view! {
        <div class="subpanel watch">
            <h3>{move || ts().watch_title}</h3>
            <label class="field" for=id>
                <span>{move || ts().watch_digit}</span>
                <input id=id type="number" min="0" max="1999" step="1" data-testid="train-watch"
                    prop:value=move || index.get().to_string()
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).trim().parse::<usize>() {
                            if i < 2_000 {
                                index.set(i);
                                link.send(&ToWorker::Watch(i));
                            }
                        }
                    }/>
            </label>
            <div class="watch-row">
                <figure>
                    <PixelMap pixels=digit label=Signal::derive(move || ts().watch_digit.to_string()) testid="train-watch-digit"/>
                    <figcaption>{says}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=filters label=Signal::derive(move || ts().filters.to_string()) testid="train-filters"/>
                    <figcaption>{move || ts().filters}</figcaption>
                </figure>
                <figure>
                    <PixelMap pixels=maps label=Signal::derive(move || ts().watch_maps.to_string()) testid="train-maps"/>
                    <figcaption>{move || ts().watch_maps}</figcaption>
                </figure>
            </div>
        </div>
    }
}
