//! "Activations and classifier": ReLU, Flatten, Linear, Dropout, Softmax and argmax, each small
//! and interactive, computed by the `nn` layers.

mod relu;

use crate::components::context::use_text;
use crate::components::widgets::grid::NumberCell;
use crate::nn::{classify, Dropout, LinearConfig, Mode};
use crate::text::fill;
use crate::viz::{fmt_num, fmt_term};
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};
use relu::ReluDemo;
use wasm_bindgen::JsCast;

/// The section.
#[component]
pub fn HeadSection() -> impl IntoView {
    let t = use_text();
    view! {
        <section id="head" class="panel" aria-labelledby="head-title">
            <h2 id="head-title">{move || t().head.title}</h2>
            <p>{move || t().head.intro}</p>
            <ReluDemo/>
            <FlattenDemo/>
            <LinearDemo/>
            <DropoutDemo/>
            <SoftmaxDemo/>
        </section>
    }
}

const C: usize = 2;
const H: usize = 3;
const W: usize = 3;

/// A (2, 3, 3) block and its flattened vector; pointing at a cell on either side shows its pair.
#[component]
fn FlattenDemo() -> impl IntoView {
    let t = use_text();
    let active = RwSignal::new(None::<usize>);
    // Buttons named by where the value sits and what it is ("(0, 1, 2) = 6"); a press (click,
    // tap, Enter) shows the pair as pointing and focus do. Each side is one tab stop (the shown
    // cell, else the first), and the arrow keys walk it in flattening order, so the 36 cells
    // cost a keyboard two stops, not 36.
    let testid = |i: usize, block: bool| {
        if block {
            let (c, h, w) = (i / (H * W), (i / W) % H, i % W);
            format!("head-flat-{c}-{h}-{w}")
        } else {
            format!("head-vec-{i}")
        }
    };
    let cell = move |i: usize, block: bool, at: String| {
        let value = i + 1;
        let on_key = move |ev: web_sys::KeyboardEvent| {
            let to = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (i + 1).min(C * H * W - 1),
                "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
                "Home" => 0,
                "End" => C * H * W - 1,
                _ => return,
            };
            ev.prevent_default();
            let next = document()
                .query_selector(&format!("[data-testid=\"{}\"]", testid(to, block)))
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = next {
                let _ = el.focus();
            }
        };
        view! {
            <div class="cell-wrap" class:hit=move || active.get() == Some(i)>
                <button type="button" class="cell" data-testid=testid(i, block) aria-label=format!("{at} = {value}")
                    tabindex=move || if active.get().unwrap_or(0) == i { "0" } else { "-1" }
                    on:mouseenter=move |_| active.set(Some(i)) on:focus=move |_| active.set(Some(i))
                    on:click=move |_| active.set(Some(i)) on:keydown=on_key>
                    {value.to_string()}
                </button>
            </div>
        }
    };
    let block = (0..C)
        .map(|c| {
            let rows = (0..H)
                .map(|h| {
                    let cells = (0..W)
                        .map(|w| {
                            let i = (c * H + h) * W + w;
                            cell(i, true, format!("({c}, {h}, {w})"))
                        })
                        .collect_view();
                    view! { <div class="grid-row">{cells}</div> }
                })
                .collect_view();
            view! { <figure class="grid"><figcaption>{format!("c = {c}")}</figcaption>{rows}</figure> }
        })
        .collect_view();
    let vector = (0..C * H * W)
        .map(|i| cell(i, false, format!("[{i}]")))
        .collect_view();
    let mapping = move || match active.get() {
        None => t().head.flatten_hint.to_string(),
        Some(i) => {
            let (c, h, w) = (i / (H * W), (i / W) % H, i % W);
            format!("({c}, {h}, {w}) → {c}·{} + {h}·{W} + {w} = {i}", H * W)
        }
    };
    view! {
        <div class="subpanel">
            <h3>{move || t().head.flatten_title}</h3>
            <p>{move || t().head.flatten_intro}</p>
            <div class="stage">{block}</div>
            <div class="grid"><div class="grid-row wrap">{vector}</div></div>
            <p class="formula" class:prose=move || active.get().is_none() translate="no" data-testid="head-flat-map" aria-live="polite">{mapping}</p>
            <p>{move || t().head.flatten_model}</p>
        </div>
    }
}

/// y = W·x + b for 4 inputs and 3 outputs, through `nn::Linear`.
#[component]
fn LinearDemo() -> impl IntoView {
    let t = use_text();
    let x = RwSignal::new(vec![1.0f32, 0.0, 2.0, -1.0]);
    let weight = [
        [1.0f32, -1.0, 0.5, 2.0],
        [0.0, 2.0, -1.0, 1.0],
        [-2.0, 1.0, 1.0, 0.0],
    ];
    let bias = [0.5f32, -1.0, 0.0];
    let y = Memo::new(move |_| {
        let mut layer = LinearConfig::new(4, 3)
            .init(&mut crate::nn::init::rng(0))
            .expect("valid");
        layer.weight.value = ArrayD::from_shape_fn(IxDyn(&[3, 4]), |i| weight[i[0]][i[1]]);
        if let Some(b) = &mut layer.bias {
            b.value = ArrayD::from_shape_fn(IxDyn(&[3]), |i| bias[i[0]]);
        }
        let input =
            x.with(|v| ArrayD::from_shape_vec(IxDyn(&[1, 4]), v.clone()).expect("4 inputs"));
        layer.forward(&input).iter().copied().collect::<Vec<f32>>()
    });
    let inputs = (0..4)
        .map(|i| {
            let value = Signal::derive(move || x.with(|v| v[i]));
            let on_set = Callback::new(move |v: f32| x.update(|xs| xs[i] = v));
            view! { <div class="cell-wrap"><NumberCell testid=format!("head-x-{i}") label=Signal::derive(move || format!("x[{i}]")) value on_set/></div> }
        })
        .collect_view();
    let rows = (0..3)
        .map(|o| {
            let formula = move || {
                let terms: Vec<String> = (0..4).map(|i| format!("{}×{}", fmt_term(weight[o][i]), x.with(|v| fmt_term(v[i])))).collect();
                format!("y[{o}] = {} + {} = {}", terms.join(" + "), fmt_term(bias[o]), y.with(|y| fmt_num(y[o])))
            };
            view! { <p class="formula" translate="no" data-testid=format!("head-y-{o}")>{formula}</p> }
        })
        .collect_view();
    view! {
        <div class="subpanel">
            <h3>{move || t().head.linear_title}</h3>
            <p>{move || t().head.linear_intro}</p>
            <div class="grid"><div class="grid-row">{inputs}</div></div>
            {rows}
            <p>{move || t().head.linear_params}</p>
        </div>
    }
}

/// The Dropout demo's outputs so far for one p and mode: how many, and their sums' total.
#[derive(Clone, PartialEq)]
struct Tally {
    key: (f32, bool),
    n: usize,
    total: f32,
}

/// One vector through `nn::Dropout` in training or evaluation mode.
#[component]
fn DropoutDemo() -> impl IntoView {
    let t = use_text();
    let p = RwSignal::new(0.3f32);
    let train = RwSignal::new(true);
    let draws = RwSignal::new(1u64);
    let input: Vec<f32> = vec![1.0, 2.0, 0.5, 3.0, 1.5, 2.5, 1.0, 0.5, 2.0, 1.0];
    let total_in: f32 = input.iter().sum();
    let out = Memo::new(move |_| {
        let x = ArrayD::from_shape_vec(IxDyn(&[1, 10]), input.clone()).expect("10 values");
        let mode = if train.get() { Mode::Train } else { Mode::Eval };
        match Dropout::new(p.get(), draws.get()) {
            Ok(mut d) => Ok(d.forward(&x, mode).iter().copied().collect::<Vec<f32>>()),
            Err(e) => Err(e),
        }
    });
    // The sums of every output since p or the mode last changed, as a count and a total (all
    // the running average needs): a new p or mode starts again. It runs once per new output,
    // p or mode, so each output is counted once (p is set only when it changes).
    let sums = Memo::new(move |prev: Option<&Tally>| {
        let key = (p.get(), train.get());
        let mut tally = prev.filter(|t| t.key == key).cloned().unwrap_or(Tally {
            key,
            n: 0,
            total: 0.0,
        });
        out.with(|o| {
            if let Ok(v) = o {
                tally.n += 1;
                tally.total += v.iter().sum::<f32>();
            }
        });
        tally
    });
    let cells = (0..10)
        .map(|i| {
            let text = move || out.with(|o| o.as_ref().map(|v| fmt_num(v[i])).unwrap_or_default());
            view! { <div class="cell-wrap" class:dropped=move || out.with(|o| o.as_ref().is_ok_and(|v| v[i] == 0.0))><span class="cell" data-testid=format!("head-drop-{i}")>{text}</span></div> }
        })
        .collect_view();
    let lang = crate::components::context::use_lang();
    view! {
        <div class="subpanel">
            <h3>{move || t().head.dropout_title}</h3>
            <p>{move || t().head.dropout_intro}</p>
            <div class="config">
                <label class="field">
                    <span>{move || t().layer.dropout_p}</span>
                    <input type="number" min="0" max="0.95" step="0.05" data-testid="head-drop-p" prop:value=move || p.get().to_string()
                        on:input=move |ev| {
                            // "0.3" then "0.30" is one p: the sums go on.
                            if let Ok(v) = event_target_value(&ev).parse::<f32>() {
                                if v != p.get_untracked() {
                                    p.set(v);
                                }
                            }
                        }/>
                </label>
                <label class="field">
                    <span>{move || t().head.mode_label}</span>
                    <select data-testid="head-drop-mode" on:change=move |ev| train.set(event_target_value(&ev) == "train")>
                        <option value="train">{move || t().head.train_mode}</option>
                        <option value="eval">{move || t().head.eval_mode}</option>
                    </select>
                </label>
                <button type="button" data-testid="head-drop-new" on:click=move |_| draws.update(|d| *d += 1)>{move || t().head.new_mask}</button>
            </div>
            <div class="grid"><div class="grid-row">{cells}</div></div>
            {move || match out.get() {
                Err(e) => view! { <p class="error" role="alert" data-testid="head-drop-error">{e.message(lang.get())}</p> }.into_any(),
                Ok(v) => {
                    let (n, mean) = sums.with(|s| (s.n, if s.n == 0 { 0.0 } else { s.total / s.n as f32 }));
                    let text = fill(t().head.sums, &[
                        ("a", fmt_num(total_in)),
                        ("b", fmt_num(v.iter().sum())),
                        ("n", n.to_string()),
                        ("m", fmt_num(mean)),
                    ]);
                    view! { <p data-testid="head-drop-sums">{text}</p> }.into_any()
                }
            }}
        </div>
    }
}

/// Editable logits, their softmax as bars, and the argmax.
#[component]
fn SoftmaxDemo() -> impl IntoView {
    let t = use_text();
    // The ten logits the source post prints for its example digit, a 1.
    let logits = RwSignal::new(vec![
        -7.427f32, 8.698, 0.407, -4.990, -4.264, -3.783, -4.286, -3.159, -2.024, -4.415,
    ]);
    let probs = Memo::new(move |_| logits.with(|z| classify(z)));
    let bars = (0..10)
        .map(|d| {
            let value = Signal::derive(move || logits.with(|z| z[d]));
            let on_set = Callback::new(move |v: f32| logits.update(|z| z[d] = v));
            let p = move || probs.with(|(p, _)| p[d]);
            view! {
                <div class="bar-row" class:winner=move || probs.with(|(_, a)| *a == d)>
                    <span class="digit">{d}</span>
                    <div class="cell-wrap"><NumberCell testid=format!("head-logit-{d}") label=Signal::derive(move || fill(t().head.logit_label, &[("d", d.to_string())])) value on_set/></div>
                    <div class="bar-track"><div class="bar" style:width=move || format!("{:.1}%", 100.0 * p())></div></div>
                    <span class="num" data-testid=format!("head-prob-{d}") aria-label=move || fill(t().head.prob_label, &[("d", d.to_string())])>{move || format!("{:.4}", p())}</span>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="subpanel">
            <h3>{move || t().head.softmax_title}</h3>
            <p>{move || t().head.softmax_intro}</p>
            <div class="bars">{bars}</div>
            <p data-testid="head-argmax">
                {move || probs.with(|(p, a)| fill(t().head.prediction, &[("d", a.to_string()), ("p", format!("{:.4}", p[*a]))]))}
            </p>
        </div>
    }
}
