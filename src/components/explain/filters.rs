//! The filters view: for the first filters of a chosen convolution layer, the image grown from
//! grey by gradient ascent on the filter's mean response beside the filter's weights (the mean
//! over its input channels) and the built-in digits that excite it most, computed when asked a
//! few steps at a time (`nn::explain::FiltersJob`, `sliced.rs`) with its progress shown.

use super::gradients::error_line;
use super::sliced::Sliced;
use super::{convs, LayerSelect};
use crate::components::context::drawing::{samples, Reader};
use crate::components::context::use_text;
use crate::components::widgets::canvas::PixelMap;
use crate::data::MAX_PIXEL;
use crate::nn::explain::{Ascent, FilterView, FiltersJob};
use crate::text::fill;
use crate::viz::colour::max_abs;
use crate::viz::Picture;
use leptos::prelude::*;
use ndarray::Axis;

/// Filters shown at most, the first of the layer.
const SHOWN: usize = 8;
/// Gradient ascent: steps, the largest change of a pixel per step, the pull back to grey.
const ASCENT: Ascent = Ascent {
    steps: 40,
    lr: 0.1,
    l2: 0.02,
};
/// Built-in digits shown under each filter, those that excite it most.
const TOP: usize = 3;

/// One filter's grown image, weights and digits, as pictures.
#[derive(Clone, PartialEq)]
struct Filter {
    grown: Picture,
    weights: Picture,
    top: Vec<Picture>,
}

impl Filter {
    fn of(f: &FilterView) -> Filter {
        let digits = samples();
        let mean = f
            .weights
            .mean_axis(Axis(0))
            .expect("a filter has input channels");
        let values: Vec<f32> = mean.iter().copied().collect();
        let (h, w) = (mean.shape()[0], mean.shape()[1]);
        let image = &f.image.image;
        Filter {
            grown: Picture::grey(image.ncols(), image.nrows(), image.iter().copied()),
            weights: Picture::map(w, h, &values, max_abs(&values), false),
            top: f
                .top
                .iter()
                .map(|&(i, _)| Picture::digit(digits.image(i)))
                .collect(),
        }
    }
}

/// The built-in digits, pixels from 0 to 1.
fn digits() -> Vec<Vec<f32>> {
    let digits = samples();
    (0..digits.len())
        .map(|i| {
            digits
                .image(i)
                .iter()
                .map(|&p| f32::from(p) / f32::from(MAX_PIXEL))
                .collect()
        })
        .collect()
}

/// What one run was asked: the model, the layer and how many filters it has.
#[derive(Clone, PartialEq)]
struct Asked {
    model: Reader,
    layer: usize,
    filters: usize,
}

/// The filters view (`explain-filters`).
#[component]
pub(crate) fn FiltersView(model: Memo<Option<Reader>>) -> impl IntoView {
    let t = use_text();
    let chosen = RwSignal::new(None::<usize>);
    let job = Sliced::<FiltersJob, Asked>::new();
    let layer = move || {
        let all = convs(&model);
        let i = chosen.get().or_else(|| all.last().map(|l| l.0))?;
        all.into_iter().find(|l| l.0 == i)
    };
    let on_run = move |_| {
        let (Some(reader), Some((layer, filters))) = (model.get_untracked(), untrack(layer)) else {
            return;
        };
        job.start(
            reader.clone(),
            Asked {
                model: reader,
                layer,
                filters,
            },
            |m| FiltersJob::new(m, layer, SHOWN, ASCENT, digits(), TOP),
            move |a| model.try_get_untracked().flatten().as_ref() == Some(&a.model),
        );
    };
    // The last run's filters (with the layer's filter count), while the model is the one it
    // grew them with, as pictures.
    let grown = Memo::new(move |_| {
        let now = model.get()?;
        job.done.with(|d| {
            d.as_ref().filter(|(a, _)| a.model == now).map(|(a, out)| {
                (
                    a.filters,
                    out.as_ref()
                        .map(|fs| fs.iter().map(Filter::of).collect::<Vec<_>>())
                        .map_err(Clone::clone),
                )
            })
        })
    });
    let progress = Memo::new(move |_| {
        let now = model.get()?;
        job.progress
            .with(|p| p.as_ref().filter(|(a, _)| a.model == now).map(|(_, p)| *p))
    });
    view! {
        <section class="explain-view explain-filters" data-testid="explain-filters" aria-labelledby="explain-filters-title">
            <h3 id="explain-filters-title">{move || t().explain.filters_title}</h3>
            <p>{move || fill(t().explain.filters_intro, &[("n", ASCENT.steps.to_string())])}</p>
            <div class="config">
                <LayerSelect model chosen testid="explain-filters-layer"/>
                <button type="button" data-testid="explain-filters-run" on:click=on_run>{move || t().explain.filters_run}</button>
            </div>
            {move || progress.get().map(|p| view! {
                <p class="status" data-testid="explain-filters-progress">
                    <progress max=p.total value=p.done aria-hidden="true"></progress>" "
                    {fill(t().explain.filters_progress, &[("k", p.done.to_string()), ("n", p.total.to_string())])}
                </p>
            })}
            {move || grown.get().map(|(n, out)| match out {
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
                Err(e) => error_line(e).into_any(),
            })}
        </section>
    }
}
