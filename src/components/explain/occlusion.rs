//! The occlusion view: a patch slid over the drawing, run when asked (one forward pass per
//! place), with the drop of the class's probability laid over the drawing.

use super::gradients::{legend, over_ink, picture, Shown};
use super::Subject;
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::nn::explain::occlusion;
use crate::text::fill;
use crate::viz::format::fmt_num;
use leptos::prelude::*;
use std::sync::Arc;

/// What one run was asked, so its map is shown only while it still answers the page.
#[derive(Clone, PartialEq)]
struct Asked {
    input: Arc<Vec<f32>>,
    class: usize,
}

/// The occlusion view (`explain-occlusion`).
#[component]
pub(crate) fn OcclusionView(subject: Subject) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let patch = RwSignal::new(6usize);
    let stride = RwSignal::new(2usize);
    // The last run: what it was asked, its map and the unoccluded probability.
    let run = RwSignal::new(None::<(Asked, Result<((crate::viz::Picture, f32), f32), String>)>);
    let on_run = move |_| {
        let (Some(reader), Some(class), Some(input)) = (
            subject.model.get_untracked(),
            subject.class.get_untracked(),
            subject.input.get_untracked(),
        ) else {
            return;
        };
        let Some(x) = Subject::image(&input) else {
            return;
        };
        let out = reader.with(|m| {
            occlusion(
                m,
                &x,
                class,
                patch.get_untracked(),
                stride.get_untracked(),
                0.0,
            )
        });
        let out = match out {
            Ok(o) => Ok((
                over_ink(&input, &o.drop.iter().copied().collect::<Vec<_>>()),
                o.base,
            )),
            Err(e) => Err(e.message(lang.get_untracked())),
        };
        run.set(Some((Asked { input, class }, out)));
    };
    // The run's map while the drawing and the digit are the ones it was asked about.
    let current = Memo::new(move |_| {
        let now = Asked {
            input: subject.input.get()?,
            class: subject.class.get()?,
        };
        run.with(|r| {
            r.as_ref()
                .filter(|(a, _)| *a == now)
                .map(|(_, o)| o.clone())
        })
    });
    let shown: Memo<Shown> = Memo::new(move |_| current.get().map(|r| r.map(|(p, _)| p)));
    let base = move || current.get().and_then(|r| r.ok()).map(|(_, b)| b);
    let class = subject.class;
    let digit = move || class.get().map(|d| d.to_string()).unwrap_or_default();
    let alt = Signal::derive(move || fill(t().explain.occlusion_alt, &[("d", digit())]));
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
            <PixelMap pixels=picture(shown) label=alt testid="explain-occlusion-map"/>
            {move || match base() {
                Some(p) => view! { <p data-testid="explain-occlusion-base">{fill(t().explain.occlusion_base, &[("d", digit()), ("p", fmt_num(p))])}</p> }.into_any(),
                None => view! { <p class="status">{move || t().explain.occlusion_waiting}</p> }.into_any(),
            }}
            {legend(shown, class, |t| t.explain.occlusion_legend)}
        </section>
    }
}
