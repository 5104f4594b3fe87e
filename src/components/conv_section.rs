//! The convolution stepper: edit an input and a kernel, set kernel size, stride, padding and
//! dilation, and walk the sliding window one output cell at a time.

use super::app::use_strings;
use super::channels_demo::ChannelsDemo;
use super::controls::{arrow_keys, NumberField, StepControls};
use super::digit_demo::DigitDemo;
use super::grid::{NumberCell, OutputGrid};
use super::i18n::{fill, Strings};
use super::lang_state::use_lang;
use super::stepper::{use_stepper, Stepper};
use super::url::{get_param, set_param};
use crate::viz::settings::{ConvPreset, ConvSettings, MAX_CONV_SIDE};
use crate::viz::{fmt_num, ConvPlan};
use leptos::prelude::*;

fn preset_name(s: &Strings, p: ConvPreset) -> &'static str {
    match p {
        ConvPreset::Classic => s.preset_classic,
        ConvPreset::Dilated => s.preset_dilated,
        ConvPreset::Stride21 => s.preset_stride21,
        ConvPreset::Same => s.preset_same,
        ConvPreset::Edge => s.preset_edge,
        ConvPreset::Blur => s.preset_blur,
        ConvPreset::Sharpen => s.preset_sharpen,
    }
}

/// The whole convolution section.
#[component]
pub fn ConvSection() -> impl IntoView {
    let s = use_strings();
    let lang = use_lang();
    let settings = RwSignal::new(
        get_param("conv")
            .and_then(|q| ConvSettings::from_query(&q))
            .unwrap_or_default(),
    );
    let plan = Memo::new(move |_| settings.with(|st| st.plan()));
    // While the configuration is impossible, the picture stays at the last valid one.
    let Stepper {
        shown,
        step,
        total,
        current,
        announce,
    } = use_stepper(plan, || {
        ConvSettings::default().plan().expect("default is valid")
    });
    Effect::new(move |_| settings.with(|st| set_param("conv", &st.to_query())));
    let error = move || plan.with(|p| p.as_ref().err().map(|e| e.message(lang.get())));
    let set = move |f: fn(&mut ConvSettings, usize)| {
        Callback::new(move |v: usize| settings.update(|st| f(st, v)))
    };
    let field = move |get: fn(&ConvSettings) -> usize| Signal::derive(move || settings.with(get));
    let keys = arrow_keys(step, total);
    let randomise = move |_| {
        let seed = (js_sys::Math::random() * 1e9) as u64;
        settings.update(|st| st.randomise(seed));
    };

    view! {
        <section id="conv" class="panel" data-testid="conv" aria-labelledby="conv-title" on:keydown=keys>
            <h2 id="conv-title">{move || s().conv_title}</h2>
            <p>{move || s().conv_intro}</p>
            <p class="truth">{move || s().conv_truth}</p>
            <div class="config">
                <label class="field">
                    <span>{move || s().preset}</span>
                    <select
                        data-testid="conv-preset"
                        on:change=move |ev| {
                            if let Some(p) = ConvPreset::from_key(&event_target_value(&ev)) {
                                settings.set(ConvSettings::preset(p));
                                step.set(0);
                            }
                        }
                    >
                        {ConvPreset::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.key()>{move || preset_name(s(), p)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <NumberField label=Signal::derive(move || s().input_rows) testid="conv-input-h" min=1 max=MAX_CONV_SIDE
                    value=field(|st| st.input_size.0) on_set=set(|st, v| st.set_input_size((v, st.input_size.1)))/>
                <NumberField label=Signal::derive(move || s().input_cols) testid="conv-input-w" min=1 max=MAX_CONV_SIDE
                    value=field(|st| st.input_size.1) on_set=set(|st, v| st.set_input_size((st.input_size.0, v)))/>
                <NumberField label=Signal::derive(move || s().kernel_rows) testid="conv-kernel-h" min=1 max=MAX_CONV_SIDE
                    value=field(|st| st.kernel.0) on_set=set(|st, v| st.set_kernel((v, st.kernel.1)))/>
                <NumberField label=Signal::derive(move || s().kernel_cols) testid="conv-kernel-w" min=1 max=MAX_CONV_SIDE
                    value=field(|st| st.kernel.1) on_set=set(|st, v| st.set_kernel((st.kernel.0, v)))/>
                <NumberField label=Signal::derive(move || s().stride_rows) testid="conv-stride-h" min=0 max=MAX_CONV_SIDE
                    value=field(|st| st.stride.0) on_set=set(|st, v| st.stride.0 = v)/>
                <NumberField label=Signal::derive(move || s().stride_cols) testid="conv-stride-w" min=0 max=MAX_CONV_SIDE
                    value=field(|st| st.stride.1) on_set=set(|st, v| st.stride.1 = v)/>
                <NumberField label=Signal::derive(move || s().padding) testid="conv-padding" min=0 max=MAX_CONV_SIDE
                    value=field(|st| st.padding) on_set=set(|st, v| st.padding = v)/>
                <NumberField label=Signal::derive(move || s().dilation) testid="conv-dilation" min=0 max=MAX_CONV_SIDE
                    value=field(|st| st.dilation) on_set=set(|st, v| st.dilation = v)/>
                <button type="button" data-testid="conv-random" on:click=randomise>{move || s().randomise}</button>
            </div>
            <p class="note">{move || s().stride_note}</p>
            {move || error().map(|msg| view! { <p class="error" role="alert" data-testid="conv-error">{msg}</p> })}
            <div class="stage">
                <InputGrid settings shown current/>
                <KernelGrid settings shown/>
                <OutputGrid prefix="conv" step
                    size=Signal::derive(move || shown.with(|p| p.output_size()))
                    values=Signal::derive(move || shown.with(|p| p.output.iter().copied().collect::<Vec<f32>>()))/>
            </div>
            <StepControls prefix="conv" step total announce/>
            <h3>{move || s().formula_title}</h3>
            <p class="formula" translate="no" data-testid="conv-formula">
                {move || current.get().map(|c| c.formula()).unwrap_or_else(|| s().formula_idle.to_string())}
            </p>
            <h3>{move || s().size_title}</h3>
            <p class="formula" translate="no" data-testid="conv-size-h">{move || settings.with(|st| st.size_formula(0))}</p>
            <p class="formula" translate="no" data-testid="conv-size-w">{move || settings.with(|st| st.size_formula(1))}</p>
            <h3>{move || s().code_title}</h3>
            <pre class="code" translate="no" data-testid="conv-pytorch">
                {move || {
                    let (oh, ow) = shown.with(|p| p.output_size());
                    format!("{}  # → [1, 1, {oh}, {ow}]", settings.with(|st| st.pytorch()))
                }}
            </pre>
            <pre class="code" translate="no" data-testid="conv-keras">
                {move || match settings.with(|st| st.keras(lang.get())) {
                    Ok(line) => {
                        // Keras is channels-last: (batch, rows, cols, channels).
                        let (oh, ow) = shown.with(|p| p.output_size());
                        format!("{line}  # → (1, {oh}, {ow}, 1)")
                    }
                    Err(why) => format!("{} {why}", s().keras_cannot),
                }}
            </pre>
            <ChannelsDemo/>
            <DigitDemo current=settings/>
        </section>
    }
}

/// The input with its zero padding; cells under the current window are highlighted and show
/// the weight they are multiplied by.
#[component]
fn InputGrid(
    settings: RwSignal<ConvSettings>,
    shown: Memo<ConvPlan>,
    current: Memo<Option<crate::viz::ConvStep>>,
) -> impl IntoView {
    let s = use_strings();
    let dims = Memo::new(move |_| {
        shown.with(|p| (p.input.dim().1, p.input.dim().2, p.config.window.padding))
    });
    let rows = move || {
        let (h, w, (ph, pw)) = dims.get();
        (0..h + 2 * ph)
            .map(|rr| {
                let y = rr as isize - ph as isize;
                let cells = (0..w + 2 * pw)
                    .map(|cc| {
                        let x = cc as isize - pw as isize;
                        let tap = move || current.with(|c| c.as_ref().and_then(|c| c.covers(0, y, x).map(|t| t.weight)));
                        let badge = move || tap().map(|w| format!("×{}", fmt_num(w))).unwrap_or_default();
                        let inside = (0..h as isize).contains(&y) && (0..w as isize).contains(&x);
                        if !inside {
                            return view! {
                                <div class="cell-wrap pad" class:hit=move || tap().is_some()>
                                    <span class="cell" role="img" aria-label=move || s().pad_cell>"0"</span>
                                    <span class="badge">{badge}</span>
                                </div>
                            }
                            .into_any();
                        }
                        let (r, c) = (y as usize, x as usize);
                        let value = Signal::derive(move || shown.with(|p| p.input[[0, r, c]]));
                        let on_set = Callback::new(move |v: f32| {
                            settings.update(|st| {
                                if st.input_size == (h, w) {
                                    st.input[r * w + c] = v;
                                }
                            })
                        });
                        let label = Signal::derive(move || fill(s().cell_input, &[("r", r.to_string()), ("c", c.to_string())]));
                        view! {
                            <div class="cell-wrap" class:hit=move || tap().is_some()>
                                <NumberCell testid=format!("conv-in-{r}-{c}") label value on_set/>
                                <span class="badge">{badge}</span>
                            </div>
                        }
                        .into_any()
                    })
                    .collect_view();
                view! { <div class="grid-row">{cells}</div> }
            })
            .collect_view()
    };
    view! {
        <figure class="grid">
            <figcaption>{move || s().input_grid}</figcaption>
            {rows}
        </figure>
    }
}

/// The kernel's weights, editable.
#[component]
fn KernelGrid(settings: RwSignal<ConvSettings>, shown: Memo<ConvPlan>) -> impl IntoView {
    let s = use_strings();
    let dims = Memo::new(move |_| shown.with(|p| p.config.window.kernel));
    let rows = move || {
        let (kh, kw) = dims.get();
        (0..kh)
            .map(|r| {
                let cells = (0..kw)
                    .map(|c| {
                        let value = Signal::derive(move || shown.with(|p| p.weight[[0, 0, r, c]]));
                        let on_set = Callback::new(move |v: f32| {
                            settings.update(|st| {
                                if st.kernel == (kh, kw) {
                                    st.weights[r * kw + c] = v;
                                }
                            })
                        });
                        let label = Signal::derive(move || fill(s().cell_kernel, &[("r", r.to_string()), ("c", c.to_string())]));
                        view! { <div class="cell-wrap kernel"><NumberCell testid=format!("conv-kernel-{r}-{c}") label value on_set/></div> }
                    })
                    .collect_view();
                view! { <div class="grid-row">{cells}</div> }
            })
            .collect_view()
    };
    view! {
        <figure class="grid">
            <figcaption>{move || s().kernel_grid}</figcaption>
            {rows}
        </figure>
    }
}
