//! What both steppers (and the multi-channel example) share on the page: the stepper state
//! hook, the settings panel (examples menu, fields, random numbers, the error), the input grid
//! with its padding, and the explanation under the grids (this step's arithmetic, the output
//! size, the layer in code). The convolution and pooling sections hold only what differs.

use super::controls::{arrow_keys, NumberField, StepControls, StepCount};
use super::grid::{grid_rows, NumberCell, OutputGrid};
use crate::components::context::{use_lang, use_text};
use crate::nn::NnError;
use crate::text::{fill, Phrase, Text};
use crate::viz::stepper::{inside, OutCell};
use crate::viz::{fmt_num, KerasGap, Preset, Steppable, StepperSettings};
use crate::web::url::{get_param, set_param};
use leptos::prelude::*;

/// Signals of one stepper; all `Copy`, so closures can take them freely.
pub struct Stepper<P: Steppable> {
    /// The plan drawn: the current one, or the last valid one while the settings are impossible.
    pub shown: Memo<P>,
    /// Steps done, 0 ..= total; 0 again when the number of steps changes.
    pub step: StepCount,
    /// Number of steps of the shown plan.
    pub total: Signal<usize>,
    /// The last step done, if any.
    pub current: Memo<Option<P::Step>>,
    /// What a screen reader hears after each step.
    pub announce: Signal<String>,
}

impl<P: Steppable> Clone for Stepper<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Steppable> Copy for Stepper<P> {}

/// Builds the shared stepper state for `plan`; `fallback` is drawn if the very first settings
/// are impossible. The step count goes back to 0 whenever the number of steps changes.
pub fn use_stepper<P: Steppable>(
    plan: Memo<Result<P, NnError>>,
    fallback: fn() -> P,
) -> Stepper<P> {
    let t = use_text();
    let shown = Memo::new(move |prev: Option<&P>| match plan.get() {
        Ok(p) => p,
        Err(_) => prev.cloned().unwrap_or_else(fallback),
    });
    let total = Signal::derive(move || shown.with(|p| p.steps()));
    let step = StepCount::new(total);
    let current = Memo::new(move |_| {
        let k = step.get();
        shown.with(|p| (k > 0 && k <= p.steps()).then(|| p.step(k - 1)))
    });
    let announce = Signal::derive(move || match current.get() {
        None => String::new(),
        Some(c) => {
            let OutCell {
                row: r,
                col,
                value: v,
                ..
            } = P::cell(&c);
            fill(
                t().stepper.announce,
                &[
                    ("k", step.get().to_string()),
                    ("n", total.get().to_string()),
                    ("r", r.to_string()),
                    ("c", col.to_string()),
                    ("v", fmt_num(v)),
                ],
            )
        }
    });
    Stepper {
        shown,
        step,
        total,
        current,
        announce,
    }
}

/// A stepper section's state: its settings (read from and kept in the URL), the plan they build
/// (or why they cannot), and the stepper over the last valid plan.
pub struct SettingsStepper<S: StepperSettings> {
    /// What the learner set.
    pub settings: RwSignal<S>,
    /// The plan of the current settings, or why it is impossible.
    pub plan: Memo<Result<S::Plan, NnError>>,
    /// The stepper over the plan shown.
    pub stepper: Stepper<S::Plan>,
}

impl<S: StepperSettings> Clone for SettingsStepper<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: StepperSettings> Copy for SettingsStepper<S> {}

/// Settings from `?{S::QUERY_KEY}=…` (else the default), kept in the URL as they change.
pub fn use_settings_stepper<S: StepperSettings>() -> SettingsStepper<S> {
    let settings = RwSignal::new(
        get_param(S::QUERY_KEY)
            .and_then(|q| S::from_query(&q))
            .unwrap_or_default(),
    );
    let plan = Memo::new(move |_| settings.with(|st| st.plan()));
    let stepper = use_stepper(plan, || S::default().plan().expect("default is valid"));
    Effect::new(move |_| settings.with(|st| set_param(S::QUERY_KEY, &st.to_query())));
    SettingsStepper {
        settings,
        plan,
        stepper,
    }
}

/// A number field bound to one whole-number setting of `settings`.
pub fn setting_field<S: Send + Sync + 'static>(
    settings: RwSignal<S>,
    label: Phrase,
    testid: impl Into<String>,
    (min, max): (usize, usize),
    get: fn(&S) -> usize,
    set: fn(&mut S, usize),
) -> impl IntoView {
    let t = use_text();
    view! {
        <NumberField label=Signal::derive(move || label(t())) testid=testid.into() min max
            value=Signal::derive(move || settings.with(get))
            on_set=Callback::new(move |v: usize| settings.update(|st| set(st, v)))/>
    }
}

/// A whole stepper section (`<section id=prefix>`): heading and text, the settings (examples
/// menu `{prefix}-preset`, input rows and columns, the section's own `fields`, random numbers,
/// the error), the input grid with its padding, the section's `middle` grids, the output grid,
/// the step controls and the explanation under them; `children` follow at the end.
#[component]
pub fn StepperSection<S: StepperSettings>(
    /// The section id, also the prefix of its `data-testid`s.
    prefix: &'static str,
    /// The section's state.
    state: SettingsStepper<S>,
    /// Its words: the heading, the paragraph under it, what the textbooks get wrong
    /// (highlighted), and the note under the fields.
    words: fn(&Text) -> [&'static str; 4],
    /// The examples menu: each preset with its name.
    presets: &'static [(S::Preset, Phrase)],
    /// What a padding cell shows: "0" for convolution, "−∞" for max pooling.
    pad_text: &'static str,
    /// The section's own number fields (kernel and stride), between the input's rows and
    /// columns and the padding and dilation.
    fields: AnyView,
    /// Grids between the input and the output (the convolution's kernel).
    #[prop(optional)]
    middle: Option<AnyView>,
    /// What follows the explanation.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let SettingsStepper {
        settings,
        plan,
        stepper,
    } = state;
    let Stepper {
        shown,
        step,
        total,
        announce,
        ..
    } = stepper;
    let error = move || plan.with(|p| p.as_ref().err().map(|e| e.message(lang.get())));
    let randomise = move |_| {
        let seed = (js_sys::Math::random() * 1e9) as u64;
        settings.update(|st| st.randomise(seed));
    };
    let side = (1, S::MAX_SIDE);
    view! {
        <section id=prefix class="panel" data-testid=prefix aria-labelledby=format!("{prefix}-title") on:keydown=arrow_keys(step, total)>
            <h2 id=format!("{prefix}-title")>{move || words(t())[0]}</h2>
            <p>{move || words(t())[1]}</p>
            <p class="truth">{move || words(t())[2]}</p>
            // Open at first; a learner who has set things up can fold the settings away and
            // keep the grids and the step buttons in view.
            <details class="settings" open>
            <summary data-testid=format!("{prefix}-settings")>{move || t().stepper.settings}</summary>
            <div class="config">
                <label class="field">
                    <span>{move || t().stepper.preset}</span>
                    <select
                        data-testid=format!("{prefix}-preset")
                        on:change=move |ev| {
                            if let Some(p) = S::Preset::from_key(&event_target_value(&ev)) {
                                settings.set(S::preset(p));
                                step.set(0);
                            }
                        }
                    >
                        {presets
                            .iter()
                            .map(|&(p, name)| view! { <option value=p.key()>{move || name(t())}</option> })
                            .collect_view()}
                    </select>
                </label>
                {setting_field(settings, |t| t.stepper.input_rows, format!("{prefix}-input-h"), side,
                    |st| st.input().size.0, |st, v| st.set_input_size((v, st.input().size.1)))}
                {setting_field(settings, |t| t.stepper.input_cols, format!("{prefix}-input-w"), side,
                    |st| st.input().size.1, |st, v| st.set_input_size((st.input().size.0, v)))}
                {fields}
                {setting_field(settings, |t| t.layer.padding, format!("{prefix}-padding"), (0, S::MAX_SIDE),
                    |st| st.spacing().0, |st, v| st.set_spacing(v, st.spacing().1))}
                {setting_field(settings, |t| t.layer.dilation, format!("{prefix}-dilation"), (0, S::MAX_SIDE),
                    |st| st.spacing().1, |st, v| st.set_spacing(st.spacing().0, v))}
                <button type="button" data-testid=format!("{prefix}-random") on:click=randomise>{move || t().stepper.randomise}</button>
            </div>
            <p class="note">{move || words(t())[3]}</p>
            </details>
            {move || error().map(|msg| view! { <p class="error" role="alert" data-testid=format!("{prefix}-error")>{msg}</p> })}
            <div class="stage">
                <PaddedInputGrid prefix state pad_text/>
                {middle}
                <OutputGrid prefix step
                    size=Signal::derive(move || shown.with(|p| p.output_size()))
                    values=Signal::derive(move || shown.with(|p| p.output().iter().copied().collect::<Vec<f32>>()))/>
            </div>
            <StepControls prefix step total announce/>
            <StepperExplained prefix state/>
            {children.map(|c| c())}
        </section>
    }
}

/// The first input channel with its padding (`pad_text` in each padding cell); every real cell
/// is editable (`{prefix}-in-R-C`). Cells the current step reads are highlighted, with the
/// weight they are multiplied by, or the window's maximum outlined.
#[component]
fn PaddedInputGrid<S: StepperSettings>(
    /// Prefix of the cells' `data-testid`s.
    prefix: &'static str,
    /// The section's state.
    state: SettingsStepper<S>,
    /// What a padding cell shows.
    pad_text: &'static str,
) -> impl IntoView {
    let t = use_text();
    let SettingsStepper {
        settings, stepper, ..
    } = state;
    let Stepper { shown, current, .. } = stepper;
    let dims = Memo::new(move |_| {
        shown.with(|p| {
            let (_, h, w) = p.input().dim();
            (h, w, p.padding())
        })
    });
    let dense = move || dims.with(|&(h, w, (ph, pw))| (h + 2 * ph).max(w + 2 * pw) > 14);
    let rows = move || {
        let (h, w, (ph, pw)) = dims.get();
        grid_rows(h + 2 * ph, w + 2 * pw, move |rr, cc| {
            let (y, x) = (rr as isize - ph as isize, cc as isize - pw as isize);
            let mark = Memo::new(move |_| {
                current.with(|c| {
                    c.as_ref()
                        .map(|c| S::Plan::mark(c, y, x))
                        .unwrap_or_default()
                })
            });
            let hit = move || mark.get().hit;
            let win = move || mark.get().winner;
            let badge = move || {
                mark.get()
                    .weight
                    .map(|w| format!("×{}", fmt_num(w)))
                    .unwrap_or_default()
            };
            if !inside(y, x, (h, w)) {
                return view! {
                    <div class="cell-wrap pad" class:hit=hit>
                        <span class="cell" role="img" aria-label=move || t().stepper.pad_cell>{pad_text}</span>
                        <span class="badge">{badge}</span>
                    </div>
                }
                .into_any();
            }
            let (r, c) = (y as usize, x as usize);
            let value = Signal::derive(move || shown.with(|p| p.input()[[0, r, c]]));
            let on_set =
                Callback::new(move |v: f32| settings.update(|st| st.set_input((h, w), r, c, v)));
            let label = Signal::derive(move || {
                fill(
                    t().stepper.cell_input,
                    &[("r", r.to_string()), ("c", c.to_string())],
                )
            });
            view! {
                <div class="cell-wrap" class:hit=hit class:win=win title=move || if win() { t().pool.winner } else { "" }>
                    <NumberCell testid=format!("{prefix}-in-{r}-{c}") label value on_set/>
                    <span class="badge">{badge}</span>
                </div>
            }
            .into_any()
        })
    };
    view! {
        <figure class="grid" class:dense=dense>
            <figcaption>{move || t().stepper.input_grid}</figcaption>
            {rows}
        </figure>
    }
}

/// This step's arithmetic (`{prefix}-formula`), or how to start while no step is done.
#[component]
pub fn StepFormula<P: Steppable>(
    /// Prefix of the `data-testid`.
    prefix: &'static str,
    /// The stepper.
    stepper: Stepper<P>,
) -> impl IntoView {
    let t = use_text();
    view! {
        <p class="formula" class:prose=move || stepper.current.with(|c| c.is_none()) translate="no" data-testid=format!("{prefix}-formula")>
            {move || stepper.current.with(|c| c.as_ref().map(P::formula)).unwrap_or_else(|| t().stepper.formula_idle.to_string())}
        </p>
    }
}

/// Why Keras cannot say a layer, as a sentence in the page's language.
pub fn keras_gap(t: &Text, gap: KerasGap) -> String {
    match gap {
        KerasGap::StridedDilation => t.stepper.keras_strided_dilation.to_string(),
        KerasGap::PoolDilation => t.stepper.keras_pool_dilation.to_string(),
        KerasGap::PoolPadding { padding } => {
            fill(t.stepper.keras_pool_padding, &[("p", padding.to_string())])
        }
    }
}

/// Under the grids: this step's arithmetic, the output size for rows and columns
/// (`{prefix}-size-h`, `{prefix}-size-w`) and the layer in PyTorch and Keras (`{prefix}-pytorch`,
/// `{prefix}-keras`), each with the output shape of one image.
#[component]
fn StepperExplained<S: StepperSettings>(
    /// Prefix of the `data-testid`s.
    prefix: &'static str,
    /// The section's state.
    state: SettingsStepper<S>,
) -> impl IntoView {
    let t = use_text();
    let SettingsStepper {
        settings, stepper, ..
    } = state;
    let out = move || stepper.shown.with(|p| p.output_size());
    view! {
        <h3>{move || t().stepper.formula_title}</h3>
        <StepFormula prefix stepper/>
        <h3>{move || t().stepper.size_title}</h3>
        <p class="formula" translate="no" data-testid=format!("{prefix}-size-h")>{move || settings.with(|st| st.size_formula(0))}</p>
        <p class="formula" translate="no" data-testid=format!("{prefix}-size-w")>{move || settings.with(|st| st.size_formula(1))}</p>
        <h3>{move || t().stepper.code_title}</h3>
        <pre class="code" translate="no" data-testid=format!("{prefix}-pytorch")>
            {move || {
                let (oh, ow) = out();
                format!("{}  # → [1, 1, {oh}, {ow}]", settings.with(|st| st.pytorch()))
            }}
        </pre>
        // A sentence in place of the Keras line (no exact form) wraps like prose; code scrolls.
        <pre class="code" translate="no" data-testid=format!("{prefix}-keras")
            class:prose=move || settings.with(|st| st.keras().is_err())>
            {move || match settings.with(|st| st.keras()) {
                Ok(line) => {
                    // Keras is channels-last: (batch, rows, cols, channels).
                    let (oh, ow) = out();
                    format!("{line}  # → (1, {oh}, {ow}, 1)")
                }
                Err(gap) => format!("{} {}", t().stepper.keras_cannot, keras_gap(t(), gap)),
            }}
        </pre>
    }
}
