//! The occlusion view: a patch slid over the drawing when asked, a row of places at a time
//! (`sliced.rs`) with its progress shown, and the drop of the class's probability laid over the
//! drawing.

use super::gradients::{alt, legend, over_ink, picture, Shown};
use super::sliced::Sliced;
use super::Subject;
use crate::components::context::drawing::Reader;
use crate::components::context::use_text;
use crate::components::widgets::canvas::PixelMap;
use crate::nn::explain::OcclusionJob;
use crate::text::fill;
use crate::viz::format::fmt_num;
use leptos::prelude::*;
use std::sync::Arc;

/// What one run was asked, so its map and progress are shown only while it still answers the
/// page.
#[derive(Clone, PartialEq)]
struct Asked {
    model: Reader,
    input: Arc<Vec<f32>>,
    class: usize,
}

/// The occlusion view (`explain-occlusion`).
#[component]
pub(crate) fn OcclusionView(subject: Subject) -> impl IntoView {
    let t = use_text();
    let patch = RwSignal::new(6usize);
    let stride = RwSignal::new(2usize);
    let job = Sliced::<OcclusionJob, Asked>::new();
    let now = Memo::new(move |_| {
        Some(Asked {
            model: subject.model.get()?,
            input: subject.input.get()?,
            class: subject.class.get()?,
        })
    });
    let on_run = move |_| {
        let Some(asked) = now.get_untracked() else {
            return;
        };
        let Some(x) = Subject::image(&asked.input) else {
            return;
        };
        let (class, patch, stride) = (asked.class, patch.get_untracked(), stride.get_untracked());
        job.start(
            asked.model.clone(),
            asked,
            |m| OcclusionJob::new(m, &x, class, patch, stride, 0.0),
            move |a| now.try_get_untracked().flatten().as_ref() == Some(a),
        );
    };
    // The last run's map while the model, the drawing and the digit are the ones it was asked
    // about, and the unoccluded probability.
    let current = Memo::new(move |_| {
        let now = now.get()?;
        job.done.with(|r| {
            r.as_ref().filter(|(a, _)| *a == now).map(|(a, out)| {
                out.as_ref()
                    .map(|o| {
                        let drop: Vec<f32> = o.drop.iter().copied().collect();
                        (over_ink(&a.input, &drop), o.base)
                    })
                    .map_err(Clone::clone)
            })
        })
    });
    let progress = Memo::new(move |_| {
        let now = now.get()?;
        job.progress
            .with(|p| p.as_ref().filter(|(a, _)| *a == now).map(|(_, p)| *p))
    });
    let shown: Memo<Shown> = Memo::new(move |_| current.get().map(|r| r.map(|(p, _)| p)));
    let base = move || current.get().and_then(|r| r.ok()).map(|(_, b)| b);
    let class = subject.class;
    let digit = move || class.get().map(|d| d.to_string()).unwrap_or_default();
    let number = move |value: RwSignal<usize>, label: crate::text::Phrase, testid: &'static str| {
        view! {
            <label class="field">
                <span>{move || label(t())}</span>
                <input type="number" min="1" max="28" step="1" data-testid=testid
                    prop:value=move || value.get().to_string()
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                            value.set(v.clamp(1, 28));
                        }
                    }/>
            </label>
        }
    };
    view! {
        <section class="explain-view" data-testid="explain-occlusion" aria-labelledby="explain-occlusion-title">
            <h3 id="explain-occlusion-title">{move || t().explain.occlusion_title}</h3>
            <p>{move || t().explain.occlusion_intro}</p>
            <div class="config">
                {number(patch, |t| t.explain.occlusion_patch, "explain-occlusion-patch")}
                {number(stride, |t| t.explain.occlusion_stride, "explain-occlusion-stride")}
                <button type="button" data-testid="explain-occlusion-run" on:click=on_run>{move || t().explain.occlusion_run}</button>
            </div>
            <PixelMap pixels=picture(shown) label=alt(|t| t.explain.occlusion_alt, class) testid="explain-occlusion-map"/>
            {move || match (progress.get(), base()) {
                (Some(p), _) => view! {
                    <p class="status" data-testid="explain-occlusion-progress">
                        <progress max=p.total value=p.done aria-hidden="true"></progress>" "
                        {fill(t().explain.occlusion_progress, &[("k", p.done.to_string()), ("n", p.total.to_string())])}
                    </p>
                }.into_any(),
                (None, Some(p)) => view! { <p data-testid="explain-occlusion-base">{fill(t().explain.occlusion_base, &[("d", digit()), ("p", fmt_num(p))])}</p> }.into_any(),
                (None, None) => view! { <p class="status">{move || t().explain.occlusion_waiting}</p> }.into_any(),
            }}
            {legend(shown, class, |t| t.explain.occlusion_legend)}
        </section>
    }
}
