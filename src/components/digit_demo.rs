//! A kernel applied to a real MNIST digit: the digit, the feature map, and the map after ReLU
//! with the cells it set to 0 marked.

use super::app::use_strings;
use super::canvas::PixelMap;
use super::i18n::{fill, Strings};
use super::lang_state::use_lang;
use super::mnist_data::{use_mnist, MnistState};
use crate::data::IMAGE_SIDE;
use crate::nn::Conv2dConfig;
use crate::viz::colour::{diverging, grey, max_abs, CLIPPED};
use crate::viz::settings::ConvSettings;
use crate::viz::{fmt_num, ConvPlan};
use leptos::prelude::*;
use ndarray::{Array3, Array4};

#[derive(Clone, Copy, PartialEq, Eq)]
enum KernelChoice {
    Vertical,
    Horizontal,
    Edge,
    Blur,
    Sharpen,
    Current,
}

impl KernelChoice {
    const ALL: [KernelChoice; 6] = [
        KernelChoice::Vertical,
        KernelChoice::Horizontal,
        KernelChoice::Edge,
        KernelChoice::Blur,
        KernelChoice::Sharpen,
        KernelChoice::Current,
    ];

    fn key(self) -> &'static str {
        match self {
            KernelChoice::Vertical => "vertical",
            KernelChoice::Horizontal => "horizontal",
            KernelChoice::Edge => "edge",
            KernelChoice::Blur => "blur",
            KernelChoice::Sharpen => "sharpen",
            KernelChoice::Current => "current",
        }
    }

    fn name(self, s: &Strings) -> &'static str {
        match self {
            KernelChoice::Vertical => s.k_vertical,
            KernelChoice::Horizontal => s.k_horizontal,
            KernelChoice::Edge => s.k_edge,
            KernelChoice::Blur => s.k_blur,
            KernelChoice::Sharpen => s.k_sharpen,
            KernelChoice::Current => s.k_current,
        }
    }

    /// The layer and its 3×3 weights; `Current` takes the stepper's kernel and settings.
    fn layer(self, current: &ConvSettings) -> (Conv2dConfig, Vec<f32>) {
        let same = |w: Vec<f32>| (Conv2dConfig::new(1, 1, (3, 3)).padding((1, 1)), w);
        match self {
            KernelChoice::Vertical => same(vec![1.0, 0.0, -1.0, 1.0, 0.0, -1.0, 1.0, 0.0, -1.0]),
            KernelChoice::Horizontal => same(vec![1.0, 1.0, 1.0, 0.0, 0.0, 0.0, -1.0, -1.0, -1.0]),
            KernelChoice::Edge => same(vec![-1.0, -1.0, -1.0, -1.0, 8.0, -1.0, -1.0, -1.0, -1.0]),
            KernelChoice::Blur => same(vec![1.0 / 9.0; 9]),
            KernelChoice::Sharpen => same(vec![0.0, -1.0, 0.0, -1.0, 5.0, -1.0, 0.0, -1.0, 0.0]),
            KernelChoice::Current => (current.config(), current.weights.clone()),
        }
    }
}

/// The digit example; `current` is the stepper's settings, for the "current kernel" choice.
#[component]
pub fn DigitDemo(current: RwSignal<ConvSettings>) -> impl IntoView {
    let s = use_strings();
    let lang = use_lang();
    let mnist = use_mnist();
    let index = RwSignal::new(0usize);
    let choice = RwSignal::new(KernelChoice::Vertical);
    let image = Memo::new(move |_| match mnist.get() {
        MnistState::Ready(m) => {
            let i = index.get() % m.len();
            Some((
                i,
                m.labels[i],
                m.image(i)
                    .iter()
                    .map(|&p| p as f32 / 255.0)
                    .collect::<Vec<f32>>(),
            ))
        }
        _ => None,
    });
    let plan = Memo::new(move |_| {
        let (_, _, px) = image.get()?;
        let (cfg, w) = current.with(|c| choice.get().layer(c));
        let (kh, kw) = cfg.window.kernel;
        let input = Array3::from_shape_vec((1, IMAGE_SIDE, IMAGE_SIDE), px).ok()?;
        let weight = Array4::from_shape_vec((1, 1, kh, kw), w).ok()?;
        Some(ConvPlan::new(cfg, input, weight, vec![0.0]))
    });
    let digit_px = Signal::derive(move || match image.get() {
        Some((_, _, px)) => (
            IMAGE_SIDE,
            IMAGE_SIDE,
            px.iter().flat_map(|&v| grey(v, 1.0)).collect(),
        ),
        None => (1, 1, vec![255; 4]),
    });
    let maps = Memo::new(move |_| match plan.get() {
        Some(Ok(p)) => {
            let (_, h, w) = p.output.dim();
            let v: Vec<f32> = p.output.iter().copied().collect();
            let m = max_abs(&v);
            let before: Vec<u8> = v.iter().flat_map(|&x| diverging(x, m)).collect();
            let after: Vec<u8> = v
                .iter()
                .flat_map(|&x| if x < 0.0 { CLIPPED } else { diverging(x, m) })
                .collect();
            let negatives = v.iter().filter(|&&x| x < 0.0).count();
            Some((w, h, before, after, m, negatives, v.len()))
        }
        _ => None,
    });
    let next_digit = move |_| {
        index.update(|i| *i = (*i + 1 + (js_sys::Math::random() * 9973.0) as usize) % 10_000)
    };

    view! {
        <div class="subpanel" data-testid="conv-digit">
            <h3>{move || s().digit_title}</h3>
            <p>{move || s().digit_intro}</p>
            <div class="config">
                <label class="field">
                    <span>{move || s().kernel_choice}</span>
                    <select data-testid="conv-digit-kernel" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(c) = KernelChoice::ALL.into_iter().find(|c| c.key() == key) {
                            choice.set(c);
                        }
                    }>
                        {KernelChoice::ALL.into_iter().map(|c| view! { <option value=c.key()>{move || c.name(s())}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="conv-digit-next" on:click=next_digit>{move || s().another_digit}</button>
            </div>
            {move || match mnist.get() {
                MnistState::Loading => view! { <p class="note">{move || s().loading_digits}</p> }.into_any(),
                MnistState::Failed(why) => view! { <p class="error" role="alert">{move || s().digits_failed}" "{why.clone()}</p> }.into_any(),
                MnistState::Ready(_) => ().into_any(),
            }}
            {move || plan.get().and_then(|p| p.err()).map(|e| view! {
                <p class="error" role="alert" data-testid="conv-digit-error">{move || e.message(lang.get())}</p>
            })}
            <div class="stage">
                <figure class="map">
                    <PixelMap pixels=digit_px testid="conv-digit-image"
                        label=Signal::derive(move || image.get().map(|(i, l, _)| fill(s().digit_label, &[("i", i.to_string()), ("l", l.to_string())])).unwrap_or_default())/>
                    <figcaption>{move || image.get().map(|(i, l, _)| fill(s().digit_label, &[("i", i.to_string()), ("l", l.to_string())]))}</figcaption>
                </figure>
                <figure class="map">
                    <PixelMap pixels=Signal::derive(move || maps.get().map(|m| (m.0, m.1, m.2)).unwrap_or((1, 1, vec![255; 4])))
                        testid="conv-digit-map" label=Signal::derive(move || s().feature_map.replace("{v}", &maps.get().map(|m| fmt_num(m.4)).unwrap_or_default()))/>
                    <figcaption>{move || fill(s().feature_map, &[("v", maps.get().map(|m| fmt_num(m.4)).unwrap_or_default())])}</figcaption>
                </figure>
                <figure class="map">
                    <PixelMap pixels=Signal::derive(move || maps.get().map(|m| (m.0, m.1, m.3)).unwrap_or((1, 1, vec![255; 4])))
                        testid="conv-digit-relu" label=Signal::derive(move || s().relu_map.to_string())/>
                    <figcaption>{move || s().relu_map}</figcaption>
                </figure>
            </div>
            <p data-testid="conv-digit-negatives">
                {move || maps.get().map(|m| fill(s().negatives, &[("n", m.5.to_string()), ("m", m.6.to_string())]))}
            </p>
        </div>
    }
}
