//! The max-pooling stepper: the same controls as the convolution stepper; padding cells hold −∞.

use super::app::use_strings;
use super::controls::{arrow_keys, NumberField, StepControls};
use super::grid::{NumberCell, OutputGrid};
use super::i18n::{fill, Strings};
use super::lang_state::use_lang;
use super::stepper::{use_stepper, Stepper};
use super::url::{get_param, set_param};
use crate::viz::settings::{PoolPreset, PoolSettings, MAX_POOL_SIDE};
use crate::viz::{PoolPlan, PoolStep};
use leptos::prelude::*;

fn preset_name(s: &Strings, p: PoolPreset) -> &'static str {
    match p {
        PoolPreset::Classic => s.pool_preset_classic,
        PoolPreset::Mnist => s.pool_preset_mnist,
        PoolPreset::Negative => s.pool_preset_negative,
    }
}

/// The whole pooling section.
#[component]
pub fn PoolSection() -> impl IntoView {
    let s = use_strings();
    let lang = use_lang();
    let settings = RwSignal::new(
        get_param("pool")
            .and_then(|q| PoolSettings::from_query(&q))
            .unwrap_or_default(),
    );
    let plan = Memo::new(move |_| settings.with(|st| st.plan()));
    let Stepper {
        shown,
        step,
        total,
        current,
        announce,
    } = use_stepper(plan, || {
        PoolSettings::default().plan().expect("default is valid")
    });
    Effect::new(move |_| settings.with(|st| set_param("pool", &st.to_query())));
    let error = move || plan.with(|p| p.as_ref().err().map(|e| e.message(lang.get())));
    let set = move |f: fn(&mut PoolSettings, usize)| {
        Callback::new(move |v: usize| settings.update(|st| f(st, v)))
    };
    let field = move |get: fn(&PoolSettings) -> usize| Signal::derive(move || settings.with(get));
    let keys = arrow_keys(step, total);
    let randomise = move |_| {
        let seed = (js_sys::Math::random() * 1e9) as u64;
        settings.update(|st| st.randomise(seed));
    };

    view! {
        <section id="pool" class="panel" data-testid="pool" aria-labelledby="pool-title" on:keydown=keys>
            <h2 id="pool-title">{move || s().pool_title}</h2>
            <p>{move || s().pool_intro}</p>
            <p class="truth">{move || s().pool_truth}</p>
            <div class="config">
                <label class="field">
                    <span>{move || s().preset}</span>
                    <select
                        data-testid="pool-preset"
                        on:change=move |ev| {
                            if let Some(p) = PoolPreset::from_key(&event_target_value(&ev)) {
                                settings.set(PoolSettings::preset(p));
                                step.set(0);
                            }
                        }
                    >
                        {PoolPreset::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.key()>{move || preset_name(s(), p)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <NumberField label=Signal::derive(move || s().input_rows) testid="pool-input-h" min=1 max=MAX_POOL_SIDE
                    value=field(|st| st.input_size.0) on_set=set(|st, v| st.set_input_size((v, st.input_size.1)))/>
                <NumberField label=Signal::derive(move || s().input_cols) testid="pool-input-w" min=1 max=MAX_POOL_SIDE
                    value=field(|st| st.input_size.1) on_set=set(|st, v| st.set_input_size((st.input_size.0, v)))/>
                <NumberField label=Signal::derive(move || s().kernel_size) testid="pool-kernel" min=0 max=MAX_POOL_SIDE
                    value=field(|st| st.kernel) on_set=set(|st, v| st.kernel = v)/>
                <NumberField label=Signal::derive(move || s().stride) testid="pool-stride" min=0 max=MAX_POOL_SIDE
                    value=field(|st| st.stride()) on_set=set(|st, v| st.stride = Some(v))/>
                <NumberField label=Signal::derive(move || s().padding) testid="pool-padding" min=0 max=MAX_POOL_SIDE
                    value=field(|st| st.padding) on_set=set(|st, v| st.padding = v)/>
                <NumberField label=Signal::derive(move || s().dilation) testid="pool-dilation" min=0 max=MAX_POOL_SIDE
                    value=field(|st| st.dilation) on_set=set(|st, v| st.dilation = v)/>
                <button type="button" data-testid="pool-random" on:click=randomise>{move || s().randomise}</button>
            </div>
            <p class="note">{move || s().pool_stride_note}</p>
            {move || error().map(|msg| view! { <p class="error" role="alert" data-testid="pool-error">{msg}</p> })}
            <div class="stage">
                <PoolInputGrid settings shown current/>
                <OutputGrid prefix="pool" step
                    size=Signal::derive(move || shown.with(|p| p.output_size()))
                    values=Signal::derive(move || shown.with(|p| p.output.iter().copied().collect::<Vec<f32>>()))/>
            </div>
            <StepControls prefix="pool" step total announce/>
            <h3>{move || s().formula_title}</h3>
            <p class="formula" translate="no" data-testid="pool-formula">
                {move || current.get().map(|c| c.formula()).unwrap_or_else(|| s().formula_idle.to_string())}
            </p>
            <h3>{move || s().size_title}</h3>
            <p class="formula" translate="no" data-testid="pool-size-h">{move || settings.with(|st| st.size_formula(0))}</p>
            <p class="formula" translate="no" data-testid="pool-size-w">{move || settings.with(|st| st.size_formula(1))}</p>
            <h3>{move || s().code_title}</h3>
            <pre class="code" translate="no" data-testid="pool-pytorch">
                {move || {
                    let (oh, ow) = shown.with(|p| p.output_size());
                    format!("{}  # → [1, 1, {oh}, {ow}]", settings.with(|st| st.pytorch()))
                }}
            </pre>
            <pre class="code" translate="no" data-testid="pool-keras">
                {move || match settings.with(|st| st.keras(lang.get())) {
                    Ok(line) => {
                        // Keras is channels-last: (batch, rows, cols, channels).
                        let (oh, ow) = shown.with(|p| p.output_size());
                        format!("{line}  # → (1, {oh}, {ow}, 1)")
                    }
                    Err(why) => format!("{} {why}", s().keras_cannot),
                }}
            </pre>
        </section>
    }
}

/// The input with its −∞ padding; the current window is highlighted and its maximum marked.
#[component]
fn PoolInputGrid(
    settings: RwSignal<PoolSettings>,
    shown: Memo<PoolPlan>,
    current: Memo<Option<PoolStep>>,
) -> impl IntoView {
    let s = use_strings();
    let dims = Memo::new(move |_| {
        shown.with(|p| (p.input.dim().1, p.input.dim().2, p.config.window.padding))
    });
    let dense = move || dims.with(|d| d.0.max(d.1) + 2 * d.2 .0.max(d.2 .1) > 14);
    let rows = move || {
        let (h, w, (ph, pw)) = dims.get();
        (0..h + 2 * ph)
            .map(|rr| {
                let y = rr as isize - ph as isize;
                let cells = (0..w + 2 * pw)
                    .map(|cc| {
                        let x = cc as isize - pw as isize;
                        let hit = move || current.with(|c| c.as_ref().is_some_and(|c| c.covers(y, x).is_some()));
                        let win = move || {
                            current.with(|c| {
                                c.as_ref().is_some_and(|c| c.winner.map(|i| (c.taps[i].y, c.taps[i].x)) == Some((y, x)))
                            })
                        };
                        let inside = (0..h as isize).contains(&y) && (0..w as isize).contains(&x);
                        if !inside {
                            return view! {
                                <div class="cell-wrap pad" class:hit=hit>
                                    <span class="cell" role="img" aria-label=move || s().pad_cell>"−∞"</span>
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
                            <div class="cell-wrap" class:hit=hit class:win=win title=move || if win() { s().winner } else { "" }>
                                <NumberCell testid=format!("pool-in-{r}-{c}") label value on_set/>
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
        <figure class="grid" class:dense=dense>
            <figcaption>{move || s().input_grid}</figcaption>
            {rows}
        </figure>
    }
}
