//! ReLU on its own: a few editable values through `nn::ReLU`, max(0, x), with what became 0.

use crate::components::context::use_text;
use crate::components::widgets::grid::NumberCell;
use crate::nn::ReLU;
use crate::text::fill;
use crate::viz::code::relu_code;
use crate::viz::fmt_num;
use leptos::prelude::*;
use ndarray::{ArrayD, IxDyn};

/// Values the demo starts from: some negative, one zero, some positive.
const START: [f32; 8] = [-2.0, 1.5, 0.0, -0.5, 3.0, -1.0, 0.25, 2.0];

/// Editable inputs, their ReLU, and how many became 0.
#[component]
pub fn ReluDemo() -> impl IntoView {
    let t = use_text();
    let x = RwSignal::new(START.to_vec());
    let y = Memo::new(move |_| {
        let input = x.with(|v| ArrayD::from_shape_vec(IxDyn(&[1, v.len()]), v.clone()));
        input
            .map(|i| {
                ReLU::new()
                    .forward(&i)
                    .iter()
                    .copied()
                    .collect::<Vec<f32>>()
            })
            .unwrap_or_default()
    });
    let inputs = (0..START.len())
        .map(|i| {
            let value = Signal::derive(move || x.with(|v| v[i]));
            let on_set = Callback::new(move |v: f32| x.update(|xs| xs[i] = v));
            view! { <div class="cell-wrap"><NumberCell testid=format!("relu-in-{i}") label=Signal::derive(move || format!("x[{i}]")) value on_set/></div> }
        })
        .collect_view();
    let outputs = (0..START.len())
        .map(|i| {
            let v = move || y.with(|y| y.get(i).copied().unwrap_or(0.0));
            let zeroed = move || x.with(|x| x[i] < 0.0);
            view! { <div class="cell-wrap" class:zeroed=zeroed><span class="cell" data-testid=format!("relu-out-{i}")>{move || fmt_num(v())}</span></div> }
        })
        .collect_view();
    let zeroed = move || {
        let n = x.with(|v| v.iter().filter(|&&v| v < 0.0).count());
        fill(
            t().head.relu_zeroed,
            &[("n", n.to_string()), ("m", START.len().to_string())],
        )
    };
    view! {
        <div class="subpanel" data-testid="relu">
            <h3>{move || t().head.relu_title}</h3>
            <p>{move || t().head.relu_intro}</p>
            <div class="grid"><div class="grid-row">{inputs}</div></div>
            <div class="grid"><div class="grid-row">{outputs}</div></div>
            <p data-testid="relu-zeroed">{zeroed}</p>
            <pre class="code" translate="no" data-testid="relu-code">{move || relu_code(t())}</pre>
            <p>{move || t().head.relu_inplace}</p>
        </div>
    }
}
