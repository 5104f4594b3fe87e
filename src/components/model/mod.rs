//! "The MNIST model": the architecture editor, a diagram of the layers with their shapes, the
//! torchsummary table computed by the numeric core, and the model in PyTorch and Keras.

use crate::components::context::arch::{use_arch, Architecture};
mod cost;

use crate::components::context::use_lang;
use crate::components::context::use_text;
use crate::components::widgets::controls::NumberField;
use crate::nn::arch::{ArchField, ArchPreset, ArchSettings, MAX_BLOCKS};
use crate::nn::summary::{group_thousands, shape_text};
use crate::nn::{ModelConfig, Summary};
use crate::text::{fill, Phrase};
use crate::viz::code::{keras_sequential, pytorch_class};
use crate::viz::format::fmt_summary_mib;
use cost::ArchCost;
use leptos::prelude::*;

/// The model section.
/// The least value the editor offers for `f` (the range every reader of a model checks).
fn lo(f: ArchField) -> usize {
    f.limits().0 as usize
}

/// The most the editor offers for `f`.
fn hi(f: ArchField) -> usize {
    f.limits().1 as usize
}

#[component]
pub fn ModelSection() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let Architecture {
        edit: arch,
        checked,
        ..
    } = use_arch();
    // An impossible edit keeps the last model that worked on screen.
    let model = Memo::new(move |prev: Option<&ModelConfig>| match checked.get() {
        Ok(m) => m,
        Err(_) => prev.cloned().unwrap_or_else(ModelConfig::seed),
    });
    let error = move || checked.with(|c| c.as_ref().err().map(|e| e.message(lang.get())));
    view! {
        <section id="model" class="panel" aria-labelledby="model-title">
            <h2 id="model-title">{move || t().model.title}</h2>
            <p>{move || t().model.intro}</p>
            <ArchEditor arch/>
            <ArchCost/>
            {move || error().map(|msg| view! {
                <div class="error" role="alert" data-testid="arch-error"><p>{msg}</p><p>{move || t().model.arch_kept}</p></div>
            })}
            <h3>{move || t().model.diagram_title}</h3>
            <Diagram model/>
            <SummaryTable model/>
            <h3>{move || t().model.code_pair_title}</h3>
            <div class="code-pair">
                <pre class="code" translate="no" data-testid="arch-pytorch">{move || model.with(pytorch_class)}</pre>
                <pre class="code" translate="no" data-testid="arch-keras">{move || model.with(|m| keras_sequential(m, t()))}</pre>
            </div>
            <p class="note" data-testid="arch-keras-note">{move || t().model.keras_note}</p>
        </section>
    }
}

/// Fields for every conv block and the classifier.
#[component]
fn ArchEditor(arch: RwSignal<ArchSettings>) -> impl IntoView {
    let t = use_text();
    let count = Memo::new(move |_| arch.with(|a| a.blocks.len()));
    let blocks = move || {
        (0..count.get())
            .map(|i| {
                let get = move |f: fn(&crate::nn::arch::ConvBlock) -> usize| {
                    Signal::derive(move || arch.with(|a| a.blocks.get(i).map_or(0, f)))
                };
                let set = move |f: fn(&mut crate::nn::arch::ConvBlock, usize)| {
                    Callback::new(move |v: usize| arch.update(|a| if let Some(b) = a.blocks.get_mut(i) { f(b, v) }))
                };
                let tid = move |name: &str| format!("arch-c{}-{name}", i + 1);
                view! {
                    <fieldset class="block">
                        <legend>{move || fill(t().model.block_label, &[("i", (i + 1).to_string())])}</legend>
                        <NumberField label=Signal::derive(move || t().layer.filters) testid=tid("out") min=lo(ArchField::Filters) max=hi(ArchField::Filters)
                            value=get(|b| b.out_channels) on_set=set(|b, v| b.out_channels = v)/>
                        <NumberField label=Signal::derive(move || t().layer.kernel_size) testid=tid("kernel") min=lo(ArchField::Kernel) max=hi(ArchField::Kernel)
                            value=get(|b| b.kernel) on_set=set(|b, v| b.kernel = v)/>
                        <NumberField label=Signal::derive(move || t().layer.stride) testid=tid("stride") min=lo(ArchField::Stride) max=hi(ArchField::Stride)
                            value=get(|b| b.stride) on_set=set(|b, v| b.stride = v)/>
                        <NumberField label=Signal::derive(move || t().layer.padding) testid=tid("padding") min=lo(ArchField::Padding) max=hi(ArchField::Padding)
                            value=get(|b| b.padding) on_set=set(|b, v| b.padding = v)/>
                        <NumberField label=Signal::derive(move || t().layer.dilation) testid=tid("dilation") min=lo(ArchField::Dilation) max=hi(ArchField::Dilation)
                            value=get(|b| b.dilation) on_set=set(|b, v| b.dilation = v)/>
                        <label class="field inline">
                            <input type="checkbox" data-testid=tid("pool")
                                prop:checked=move || arch.with(|a| a.blocks.get(i).is_some_and(|b| b.pool))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    arch.update(|a| if let Some(b) = a.blocks.get_mut(i) { b.pool = on });
                                }/>
                            <span>{move || t().model.pool_toggle}</span>
                        </label>
                        <NumberField label=Signal::derive(move || t().model.pool_kernel) testid=tid("pool-kernel") min=lo(ArchField::PoolKernel) max=hi(ArchField::PoolKernel)
                            value=get(|b| b.pool_kernel) on_set=set(|b, v| b.pool_kernel = v)/>
                        <NumberField label=Signal::derive(move || t().model.pool_padding) testid=tid("pool-padding") min=lo(ArchField::PoolPadding) max=hi(ArchField::PoolPadding)
                            value=get(|b| b.pool_padding) on_set=set(|b, v| b.pool_padding = v)/>
                        <button type="button" data-testid=tid("remove") prop:disabled=move || { count.get() <= 1 }
                            on:click=move |_| arch.update(|a| a.remove_block(i))>
                            {move || fill(t().model.remove_block, &[("i", (i + 1).to_string())])}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <div class="subpanel">
            <h3>{move || t().model.arch_title}</h3>
            <p>{move || t().model.arch_intro}</p>
            <label class="field">
                <span>{move || t().model.preset_label}</span>
                <select data-testid="arch-preset"
                    prop:value=move || arch.with(|a| ArchPreset::of(a).map_or("custom", |p| p.key()))
                    on:change=move |ev| {
                        if let Some(p) = ArchPreset::from_key(&event_target_value(&ev)) {
                            arch.set(p.settings());
                        }
                    }>
                    {ArchPreset::ALL.into_iter().map(|p| view! { <option value=p.key()>{move || t().model.preset(Some(p))}</option> }).collect_view()}
                    <option value="custom" disabled=true>{move || t().model.preset_custom}</option>
                </select>
            </label>
            {blocks}
            <div class="config">
                <button type="button" data-testid="arch-add" prop:disabled=move || { count.get() >= MAX_BLOCKS }
                    on:click=move |_| arch.update(|a| a.add_block())>{move || t().model.add_block}</button>
                <NumberField label=Signal::derive(move || t().model.hidden_units) testid="arch-hidden" min=lo(ArchField::Hidden) max=hi(ArchField::Hidden)
                    value=Signal::derive(move || arch.with(|a| a.hidden)) on_set=Callback::new(move |v| arch.update(|a| a.hidden = v))/>
                <label class="field">
                    <span>{move || t().layer.dropout_p}</span>
                    <input type="number" min="0" max=ArchField::Dropout.limits().1.to_string() step="0.05" data-testid="arch-dropout"
                        prop:value=move || arch.with(|a| a.dropout.to_string())
                        on:input=move |ev| {
                            if let Ok(p) = event_target_value(&ev).parse::<f32>() {
                                arch.update(|a| a.dropout = p);
                            }
                        }/>
                </label>
                <button type="button" data-testid="arch-seed" on:click=move |_| arch.set(ArchSettings::default())>
                    {move || t().model.seed_arch}
                </button>
            </div>
        </div>
    }
}

/// Boxes for the input and every layer, with output shapes and parameter counts.
#[component]
fn Diagram(model: Memo<ModelConfig>) -> impl IntoView {
    let t = use_text();
    let boxes = move || {
        let m = model.get();
        let shapes = m.shapes(1).unwrap_or_default();
        let input = m
            .input
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("×");
        let first = view! { <li class="layer-box input"><strong>{move || t().model.input_box}</strong><span>{input}</span></li> }.into_any();
        let rest = m.layers.iter().zip(shapes).enumerate().map(|(i, (l, shape))| {
            let kind = format!("{}-{}", l.config.kind(), i + 1);
            let dims = shape[1..].iter().map(|d| d.to_string()).collect::<Vec<_>>().join("×");
            let params = l.config.num_params();
            let p = (params > 0).then(|| {
                let n = group_thousands(params);
                view! { <em>{move || fill(t().model.params_short, &[("n", n.clone())])}</em> }
            });
            view! { <li class="layer-box" data-testid=format!("arch-box-{}", i + 1)><strong>{kind}</strong><span>{dims}</span>{p}</li> }.into_any()
        });
        std::iter::once(first).chain(rest).collect_view()
    };
    view! { <ol class="diagram" data-testid="arch-diagram">{boxes}</ol> }
}

/// The layer table of `model`, with totals and memory estimates, as torchsummary prints them.
#[component]
pub fn SummaryTable(#[prop(into)] model: Signal<ModelConfig>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    move || match model.with(Summary::of) {
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
            // torchsummary's totals, in its order; only the first has a test id.
            let totals: [(Phrase, String); 7] = [
                (|t| t.model.total_params, group_thousands(sum.total_params)),
                (
                    |t| t.model.trainable_params,
                    group_thousands(sum.trainable_params),
                ),
                (
                    |t| t.model.non_trainable_params,
                    group_thousands(sum.total_params - sum.trainable_params),
                ),
                (|t| t.model.input_size, fmt_summary_mib(sum.input_mb)),
                (
                    |t| t.model.pass_size,
                    fmt_summary_mib(sum.forward_backward_mb),
                ),
                (|t| t.model.params_size, fmt_summary_mib(sum.params_mb)),
                (|t| t.model.total_size, fmt_summary_mib(sum.total_mb())),
            ];
            let totals = totals
                .into_iter()
                .enumerate()
                .map(|(i, (label, value))| {
                    let testid = (i == 0).then_some("summary-total-params");
                    view! {
                        <dt>{move || label(t())}</dt>
                        <dd data-testid=testid>{value}</dd>
                    }
                })
                .collect_view();
            view! {
                <table class="summary" data-testid="summary">
                    <caption>{move || t().model.summary_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().model.col_layer}</th>
                            <th scope="col">{move || t().model.col_shape}</th>
                            <th scope="col">{move || t().model.col_params}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <dl class="summary-totals">{totals}</dl>
                <p class="note">{move || t().model.batch_note}</p>
                <p class="note" data-testid="summary-post-note">{move || t().model.post_note}</p>
            }
            .into_any()
        }
    }
}
