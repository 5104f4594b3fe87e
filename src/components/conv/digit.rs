//! A kernel applied to a real MNIST digit: the digit, the feature map, and the map after ReLU
//! with the cells it set to 0 marked.

use crate::components::context::drawing::samples;
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::data::{unit_pixel, IMAGE_SIDE};
use crate::nn::Conv2dConfig;
use crate::text::{fill, Text};
use crate::viz::colour::max_abs;
use crate::viz::conv::ConvSettings;
use crate::viz::kernels::Kernel;
use crate::viz::{fmt_num, ConvPlan, Picture};
use leptos::prelude::*;
use ndarray::{Array3, Array4};

/// The kernels on offer: the named ones, or the stepper's own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KernelChoice {
    Named(Kernel),
    Current,
}

impl KernelChoice {
    const ALL: [KernelChoice; 6] = [
        KernelChoice::Named(Kernel::Vertical),
        KernelChoice::Named(Kernel::Horizontal),
        KernelChoice::Named(Kernel::Edge),
        KernelChoice::Named(Kernel::Blur),
        KernelChoice::Named(Kernel::Sharpen),
        KernelChoice::Current,
    ];

    fn key(self) -> &'static str {
        match self {
            KernelChoice::Named(Kernel::Vertical) => "vertical",
            KernelChoice::Named(Kernel::Horizontal) => "horizontal",
            KernelChoice::Named(Kernel::Edge) => "edge",
            KernelChoice::Named(Kernel::Blur) => "blur",
            KernelChoice::Named(Kernel::Sharpen) => "sharpen",
            KernelChoice::Current => "current",
        }
    }

    fn name(self, t: &Text) -> &'static str {
        match self {
            KernelChoice::Named(Kernel::Vertical) => t.conv.k_vertical,
            KernelChoice::Named(Kernel::Horizontal) => t.conv.k_horizontal,
            KernelChoice::Named(Kernel::Edge) => t.conv.k_edge,
            KernelChoice::Named(Kernel::Blur) => t.conv.k_blur,
            KernelChoice::Named(Kernel::Sharpen) => t.conv.k_sharpen,
            KernelChoice::Current => t.conv.k_current,
        }
    }

    /// The layer and its weights: a named 3×3 kernel with padding 1, so the map keeps the
    /// digit's size, or the stepper's kernel with its settings.
    fn layer(self, current: &ConvSettings) -> (Conv2dConfig, Vec<f32>) {
        match self {
            KernelChoice::Named(k) => {
                (Conv2dConfig::new(1, 1, (3, 3)).padding((1, 1)), k.weights())
            }
            KernelChoice::Current => (current.config(), current.kernel.values.clone()),
        }
    }
}

/// The digit shown: its index among the 10,000, its label and its pixels in [0, 1].
#[derive(Clone, PartialEq)]
struct Digit {
    index: usize,
    label: u8,
    pixels: Vec<f32>,
    picture: Picture,
}

/// The feature map of the digit, before and after ReLU.
#[derive(Clone, PartialEq)]
struct Maps {
    before: Picture,
    after_relu: Picture,
    /// The colour scale's end, ±.
    scale: f32,
    /// How many values ReLU set to 0, of how many.
    negatives: usize,
    total: usize,
}

impl Maps {
    fn of(plan: &ConvPlan) -> Maps {
        let (_, h, w) = plan.output.dim();
        let v: Vec<f32> = plan.output.iter().copied().collect();
        let scale = max_abs(&v);
        Maps {
            before: Picture::map(w, h, &v, scale, false),
            after_relu: Picture::map(w, h, &v, scale, true),
            scale,
            negatives: v.iter().filter(|&&x| x < 0.0).count(),
            total: v.len(),
        }
    }
}

/// The digit example; `current` is the stepper's settings, for the "current kernel" choice.
#[component]
pub fn DigitDemo(current: RwSignal<ConvSettings>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let index = RwSignal::new(0usize);
    let choice = RwSignal::new(KernelChoice::Named(Kernel::Vertical));
    // The built-in held-out samples: real digits without fetching the 10,000.
    let digit = Memo::new(move |_| {
        let m = samples();
        let i = index.get() % m.len().max(1);
        (!m.is_empty()).then(|| Digit {
            index: i,
            label: m.labels[i],
            pixels: m.image(i).iter().map(|&p| unit_pixel(p)).collect(),
            picture: Picture::digit(m.image(i)),
        })
    });
    let plan = Memo::new(move |_| {
        let d = digit.get()?;
        let (cfg, w) = current.with(|c| choice.get().layer(c));
        let (kh, kw) = cfg.window.kernel;
        let input = Array3::from_shape_vec((1, IMAGE_SIDE, IMAGE_SIDE), d.pixels).ok()?;
        let weight = Array4::from_shape_vec((1, 1, kh, kw), w).ok()?;
        Some(ConvPlan::new(cfg, input, weight, vec![0.0]))
    });
    let maps = Memo::new(move |_| match plan.get() {
        Some(Ok(p)) => Some(Maps::of(&p)),
        _ => None,
    });
    let picture = move |f: fn(&Maps) -> &Picture| {
        Signal::derive(move || {
            maps.with(|m| m.as_ref().map(|m| f(m).clone()))
                .unwrap_or_else(Picture::blank)
        })
    };
    let digit_label = move || {
        digit.with(|d| {
            d.as_ref().map(|d| {
                fill(
                    t().conv.digit_label,
                    &[("i", d.index.to_string()), ("l", d.label.to_string())],
                )
            })
        })
    };
    let map_label = move || {
        let scale = maps
            .with(|m| m.as_ref().map(|m| fmt_num(m.scale)))
            .unwrap_or_default();
        fill(t().conv.feature_map, &[("v", scale)])
    };
    let next_digit = move |_| index.update(|i| *i = (*i + 1) % samples().len().max(1));

    view! {
        <div class="subpanel" data-testid="conv-digit">
            <h3>{move || t().conv.digit_title}</h3>
            <p>{move || t().conv.digit_intro}</p>
            <div class="config">
                <label class="field">
                    <span>{move || t().conv.kernel_choice}</span>
                    <select data-testid="conv-digit-kernel" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(c) = KernelChoice::ALL.into_iter().find(|c| c.key() == key) {
                            choice.set(c);
                        }
                    }>
                        {KernelChoice::ALL.into_iter().map(|c| view! { <option value=c.key()>{move || c.name(t())}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="conv-digit-next" on:click=next_digit>{move || t().conv.another_digit}</button>
            </div>
            {move || plan.get().and_then(|p| p.err()).map(|e| view! {
                <p class="error" role="alert" data-testid="conv-digit-error">{move || e.message(lang.get())}</p>
            })}
            <div class="stage">
                <figure class="map">
                    <PixelMap testid="conv-digit-image" label=Signal::derive(move || digit_label().unwrap_or_default())
                        pixels=Signal::derive(move || digit.with(|d| d.as_ref().map(|d| d.picture.clone())).unwrap_or_else(Picture::blank))/>
                    <figcaption>{digit_label}</figcaption>
                </figure>
                <figure class="map">
                    <PixelMap pixels=picture(|m| &m.before) testid="conv-digit-map" label=Signal::derive(map_label)/>
                    <figcaption>{map_label}</figcaption>
                </figure>
                <figure class="map">
                    <PixelMap pixels=picture(|m| &m.after_relu) testid="conv-digit-relu" label=Signal::derive(move || t().conv.relu_map.to_string())/>
                    <figcaption>{move || t().conv.relu_map}</figcaption>
                </figure>
            </div>
            <p data-testid="conv-digit-negatives">
                {move || maps.with(|m| m.as_ref().map(|m| fill(t().conv.negatives, &[("n", m.negatives.to_string()), ("m", m.total.to_string())])))}
            </p>
        </div>
    }
}
