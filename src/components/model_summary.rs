//! "The MNIST model": the seed network's torchsummary table, computed by the numeric core.

use super::app::use_strings;
use crate::nn::summary::{group_thousands, shape_text};
use crate::nn::{ModelConfig, Summary};
use leptos::prelude::*;

/// The model section.
#[component]
pub fn ModelSection() -> impl IntoView {
    let s = use_strings();
    view! {
        <section id="model" class="panel" aria-labelledby="model-title">
            <h2 id="model-title">{move || s().model_title}</h2>
            <p>{move || s().model_intro}</p>
            <SummaryTable model=ModelConfig::seed()/>
        </section>
    }
}

/// The layer table of `model`, with totals and memory estimates.
#[component]
pub fn SummaryTable(model: ModelConfig) -> impl IntoView {
    let s = use_strings();
    let lang = super::lang_state::use_lang();
    match Summary::of(&model) {
        Err(e) => {
            view! { <p class="error" role="alert">{move || e.message(lang.get())}</p> }.into_any()
        }
        Ok(sum) => {
            let rows = sum
                .rows
                .iter()
                .map(|r| {
                    view! {
                        <tr>
                            <td>{format!("{}-{}", r.kind, r.index)}</td>
                            <td class="num">{shape_text(&r.output_shape)}</td>
                            <td class="num">{group_thousands(r.params)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let total = group_thousands(sum.total_params);
            let trainable = group_thousands(sum.trainable_params);
            let frozen = group_thousands(sum.total_params - sum.trainable_params);
            let mb = |v: f64| format!("{v:.2}");
            let (input, pass, params, all) = (
                mb(sum.input_mb),
                mb(sum.forward_backward_mb),
                mb(sum.params_mb),
                mb(sum.total_mb()),
            );
            view! {
                <table class="summary" data-testid="summary">
                    <caption>{move || s().summary_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || s().col_layer}</th>
                            <th scope="col">{move || s().col_shape}</th>
                            <th scope="col">{move || s().col_params}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <dl class="summary-totals">
                    <dt>{move || s().total_params}</dt>
                    <dd data-testid="summary-total-params">{total}</dd>
                    <dt>{move || s().trainable_params}</dt>
                    <dd>{trainable}</dd>
                    <dt>{move || s().non_trainable_params}</dt>
                    <dd>{frozen}</dd>
                    <dt>{move || s().input_size}</dt>
                    <dd>{input}</dd>
                    <dt>{move || s().pass_size}</dt>
                    <dd>{pass}</dd>
                    <dt>{move || s().params_size}</dt>
                    <dd>{params}</dd>
                    <dt>{move || s().total_size}</dt>
                    <dd>{all}</dd>
                </dl>
                <p class="note">{move || s().batch_note}</p>
            }
            .into_any()
        }
    }
}
