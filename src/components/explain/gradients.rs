//! The two light views, memos of the drawing while the section is in view: the saliency
//! (gradient of the class's logit, or gradient × input) and Grad-CAM on a chosen convolution
//! layer, each laid over the drawing.

use super::{LayerSelect, Subject};
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::data::IMAGE_SIDE;
use crate::nn::explain::{grad_cam, gradient_times_input, saliency};
use crate::nn::NnError;
use crate::text::{fill, Phrase};
use crate::viz::colour::max_abs;
use crate::viz::format::fmt_num;
use crate::viz::Picture;
use leptos::prelude::*;

/// A map over the drawing and its scale, or why the model could not give one (phrased when
/// shown, in the language of the moment).
pub(crate) type Shown = Option<Result<(Picture, f32), NnError>>;

/// `values` (28×28) over the drawing `input`, on one diverging scale of their largest size.
pub(crate) fn over_ink(input: &[f32], values: &[f32]) -> (Picture, f32) {
    let scale = max_abs(values);
    (Picture::over_ink(IMAGE_SIDE, input, values, scale), scale)
}

/// The picture of `shown`, blank while there is none.
pub(crate) fn picture(shown: Memo<Shown>) -> Signal<Picture> {
    Signal::derive(move || {
        shown.with(|s| match s {
            Some(Ok((p, _))) => p.clone(),
            _ => Picture::blank(),
        })
    })
}

/// The accessible name `template` of a view's canvas, with the digit explained as `{d}`.
pub(crate) fn alt(template: Phrase, class: Memo<Option<usize>>) -> Signal<String> {
    let t = use_text();
    Signal::derive(move || {
        fill(
            template(t()),
            &[("d", class.get().map(|d| d.to_string()).unwrap_or_default())],
        )
    })
}

/// Why a view has nothing to show, in the page's language (it follows the language toggle).
pub(crate) fn error_line(e: NnError) -> impl IntoView {
    let lang = use_lang();
    view! { <p class="error" role="alert">{move || e.message(lang.get())}</p> }
}

/// The legend `template` with its `{s}` (and `{d}`) filled, once there is a map.
pub(crate) fn legend(
    shown: Memo<Shown>,
    class: Memo<Option<usize>>,
    template: Phrase,
) -> impl IntoView {
    let t = use_text();
    move || {
        shown.with(|s| match s {
            Some(Ok((_, scale))) => Some(view! {
                <p class="legend">
                    <PixelMap pixels=Signal::derive(Picture::legend) label=String::new() testid="explain-legend"/>
                    <span>{fill(template(t()), &[("s", fmt_num(*scale)), ("d", class.get().map(|d| d.to_string()).unwrap_or_default())])}</span>
                </p>
            }.into_any()),
            Some(Err(e)) => Some(error_line(e.clone()).into_any()),
            None => None,
        })
    }
}

/// The saliency view (`explain-saliency`).
#[component]
pub(crate) fn SaliencyView(subject: Subject) -> impl IntoView {
    let t = use_text();
    let times_input = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let reader = subject.model.get()?;
        let class = subject.class.get()?;
        let times = times_input.get();
        subject.input.with(|input| {
            let input = input.as_ref()?;
            let x = Subject::image(input)?;
            let values = reader.with(|m| {
                if times {
                    gradient_times_input(m, &x, class)
                } else {
                    saliency(m, &x, class)
                }
            });
            Some(values.map(|v| over_ink(input, &v.iter().copied().collect::<Vec<_>>())))
        })
    });
    let class = subject.class;
    view! {
        <section class="explain-view" data-testid="explain-saliency" aria-labelledby="explain-saliency-title">
            <h3 id="explain-saliency-title">{move || t().explain.saliency_title}</h3>
            <p>{move || t().explain.saliency_intro}</p>
            <label class="check">
                <input type="checkbox" data-testid="explain-saliency-times-input"
                    prop:checked=move || times_input.get()
                    on:change=move |ev| times_input.set(event_target_checked(&ev))/>
                {move || t().explain.saliency_times_input}
            </label>
            <PixelMap pixels=picture(shown) label=alt(|t| t.explain.saliency_alt, class) testid="explain-saliency-map"/>
            {legend(shown, class, |t| t.explain.saliency_legend)}
        </section>
    }
}

/// The Grad-CAM view (`explain-gradcam`).
#[component]
pub(crate) fn GradCamView(subject: Subject) -> impl IntoView {
    let t = use_text();
    let chosen = RwSignal::new(None::<usize>);
    let shown = Memo::new(move |_| {
        let reader = subject.model.get()?;
        let class = subject.class.get()?;
        let layer = chosen
            .get()
            .or_else(|| super::convs(&subject.model).last().map(|l| l.0))?;
        subject.input.with(|input| {
            let input = input.as_ref()?;
            let x = Subject::image(input)?;
            Some(
                reader
                    .with(|m| grad_cam(m, &x, class, layer))
                    .map(|g| over_ink(input, &g.upsampled.iter().copied().collect::<Vec<_>>())),
            )
        })
    });
    let class = subject.class;
    view! {
        <section class="explain-view" data-testid="explain-gradcam" aria-labelledby="explain-gradcam-title">
            <h3 id="explain-gradcam-title">{move || t().explain.gradcam_title}</h3>
            <p>{move || t().explain.gradcam_intro}</p>
            <LayerSelect model=subject.model chosen testid="explain-gradcam-layer"/>
            <PixelMap pixels=picture(shown) label=alt(|t| t.explain.gradcam_alt, class) testid="explain-gradcam-map"/>
            {legend(shown, class, |t| t.explain.gradcam_legend)}
        </section>
    }
}
