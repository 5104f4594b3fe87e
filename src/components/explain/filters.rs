//! The filters view: for the first filters of a chosen convolution layer, the image grown from
//! grey by gradient ascent on the filter's mean response beside the filter's weights (the mean
//! over its input channels), computed when asked.

use super::{convs, LayerSelect};
use crate::components::context::drawing::{samples, Reader};
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::data::MAX_PIXEL;
use crate::nn::explain::{filter_image, filter_weights, top_activating};
use crate::nn::NnError;
use crate::text::fill;
use crate::viz::colour::max_abs;
use crate::viz::Picture;
use leptos::prelude::*;
use ndarray::Axis;

/// Filters shown at most, the first of the layer.
const SHOWN: usize = 8;
/// Gradient ascent: steps, the largest change of a pixel per step, the pull back to grey.
const STEPS: usize = 40;
const LR: f32 = 0.1;
const L2: f32 = 0.02;
/// Built-in digits shown under each filter, those that excite it most.
const TOP: usize = 3;

/// One filter's grown image and weights.
#[derive(Clone)]
struct Filter {
    grown: Picture,
    weights: Picture,
    top: Vec<Picture>,
}

fn grow(reader: &Reader, layer: usize, filters: usize) -> Result<Vec<Filter>, NnError> {
    let digits = samples();
    let floats: Vec<Vec<f32>> = (0..digits.len())
        .map(|i| {
            digits
                .image(i)
                .iter()
                .map(|&p| f32::from(p) / f32::from(MAX_PIXEL))
                .collect()
        })
        .collect();
    let images: Vec<&[f32]> = floats.iter().map(Vec::as_slice).collect();
    reader.with(|m| {
        (0..filters.min(SHOWN))
            .map(|k| {
                let grown = filter_image(m, layer, k, STEPS, LR, L2)?;
                let w = filter_weights(m, layer, k)?;
                let mean = w.mean_axis(Axis(0)).expect("a filter has input channels");
                let values: Vec<f32> = mean.iter().copied().collect();
                let (h, wd) = (mean.shape()[0], mean.shape()[1]);
                let top = top_activating(m, layer, k, &images, TOP)?
                    .into_iter()
                    .map(|(i, _)| Picture::digit(digits.image(i)))
                    .collect();
                Ok(Filter {
                    grown: Picture::grey(
                        grown.image.ncols(),
                        grown.image.nrows(),
                        grown.image.iter().copied(),
                    ),
                    weights: Picture::map(wd, h, &values, max_abs(&values), false),
                    top,
                })
            })
            .collect()
    })
}

/// The filters view (`explain-filters`).
#[component]
pub(crate) fn FiltersView(
    model: Memo<Option<crate::components::context::drawing::Reader>>,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let chosen = RwSignal::new(None::<usize>);
    // The layer asked about and its filters' pictures (or why they could not be grown).
    let grown = RwSignal::new(None::<(usize, usize, Result<Vec<Filter>, String>)>);
    let layer = move || {
        let all = convs(&model);
        let i = chosen.get().or_else(|| all.last().map(|l| l.0))?;
        all.into_iter().find(|l| l.0 == i)
    };
    let on_run = move |_| {
        let (Some(reader), Some((i, n))) = (model.get_untracked(), untrack(layer)) else {
            return;
        };
        let out = grow(&reader, i, n).map_err(|e| e.message(lang.get_untracked()));
        grown.set(Some((i, n, out)));
    };
    view! {
        <section class="explain-view explain-filters" data-testid="explain-filters" aria-labelledby="explain-filters-title">
            <h3 id="explain-filters-title">{move || t().explain.filters_title}</h3>
            <p>{move || fill(t().explain.filters_intro, &[("n", STEPS.to_string())])}</p>
            <div class="config">
                <LayerSelect model chosen testid="explain-filters-layer"/>
                <button type="button" data-testid="explain-filters-run" on:click=on_run>{move || t().explain.filters_run}</button>
            </div>
            {move || grown.get().map(|(_, n, out)| match out {
                Ok(filters) => view! {
                    <p>{fill(t().explain.filters_shown, &[("k", filters.len().to_string()), ("n", n.to_string())])}" "{t().explain.filters_top}</p>
                    <ul class="filter-grid">
                        {filters.into_iter().enumerate().map(|(k, f)| {
                            let (grown, weights, top) = (f.grown, f.weights, f.top);
                            view! {
                                <li>
                                    <PixelMap pixels=Signal::derive(move || grown.clone())
                                        label=Signal::derive(move || fill(t().explain.filter_image_alt, &[("k", k.to_string())]))
                                        testid="explain-filter-image"/>
                                    <PixelMap pixels=Signal::derive(move || weights.clone())
                                        label=Signal::derive(move || fill(t().explain.filter_weights_alt, &[("k", k.to_string())]))
                                        testid="explain-filter-weights"/>
                                    <span>{move || fill(t().explain.filter_caption, &[("k", k.to_string())])}</span>
                                    <div class="filter-top">
                                        {top.into_iter().map(|p| view! {
                                            <PixelMap pixels=Signal::derive(move || p.clone())
                                                label=Signal::derive(move || fill(t().explain.filter_top_alt, &[("k", k.to_string())]))
                                                testid="explain-filter-top"/>
                                        }).collect_view()}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
