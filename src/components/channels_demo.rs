//! Several input and output channels: the weight tensor (out, in, kH, kW), the sum over input
//! channels plus bias, and one output map per filter, stepped like the single-channel stepper.

use super::app::use_strings;
use super::controls::{NumberField, StepControls};
use super::i18n::fill;
use super::stepper::{use_stepper, Stepper};
use crate::viz::settings::ChannelSettings;
use crate::viz::{fmt_num, ConvStep};
use leptos::prelude::*;

/// A read-only grid of numbers; `hit(r, c)` marks highlighted cells.
fn number_grid(
    rows: usize,
    cols: usize,
    testid: impl Fn(usize, usize) -> String + 'static,
    text: impl Fn(usize, usize) -> String + Copy + Send + Sync + 'static,
    hit: impl Fn(usize, usize) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    (0..rows)
        .map(|r| {
            let cells = (0..cols)
                .map(|c| {
                    view! {
                        <div class="cell-wrap" class:hit=move || hit(r, c)>
                            <span class="cell" data-testid=testid(r, c)>{move || text(r, c)}</span>
                        </div>
                    }
                })
                .collect_view();
            view! { <div class="grid-row">{cells}</div> }
        })
        .collect_view()
}

/// The multi-channel example.
#[component]
pub fn ChannelsDemo() -> impl IntoView {
    let s = use_strings();
    let settings = RwSignal::new(ChannelSettings::default());
    let plan = Memo::new(move |_| settings.with(|st| st.plan()));
    let Stepper {
        shown,
        step,
        total,
        current,
        announce,
    } = use_stepper(plan, || {
        ChannelSettings::default().plan().expect("default is valid")
    });
    let set = move |f: fn(&mut ChannelSettings, usize)| {
        Callback::new(move |v: usize| settings.update(|st| f(st, v)))
    };

    let body = move || {
        let p = shown.get();
        let (c_in, n, _) = p.input.dim();
        let (c_out, oh, ow) = p.output.dim();
        let k = p.config.window.kernel.0;
        let p = StoredValue::new(p);
        let covered = move |c: usize, r: usize, col: usize| {
            current.with(|st: &Option<ConvStep>| {
                st.as_ref()
                    .is_some_and(|st| st.covers(c, r as isize, col as isize).is_some())
            })
        };
        let active_filter =
            move |o: usize| current.with(|st| st.as_ref().is_some_and(|st| st.out_channel == o));
        let inputs = (0..c_in)
            .map(|c| {
                view! {
                    <figure class="grid">
                        <figcaption>{move || fill(s().channel_label, &[("c", c.to_string())])}</figcaption>
                        {number_grid(n, n, move |r, col| format!("conv-ch-in-{c}-{r}-{col}"),
                            move |r, col| p.with_value(|p| fmt_num(p.input[[c, r, col]])),
                            move |r, col| covered(c, r, col))}
                    </figure>
                }
            })
            .collect_view();
        let filters = (0..c_out)
            .map(|o| {
                let bias = p.with_value(|p| fmt_num(p.bias[o]));
                let kernels = (0..c_in)
                    .map(|c| {
                        view! {
                            <div class="grid kernel-block">
                                {number_grid(k, k, move |r, col| format!("conv-ch-w-{o}-{c}-{r}-{col}"),
                                    move |r, col| p.with_value(|p| fmt_num(p.weight[[o, c, r, col]])),
                                    move |_, _| false)}
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <figure class="filter" class:active=move || active_filter(o)>
                        <figcaption>{move || fill(s().filter_label, &[("o", o.to_string()), ("b", bias.clone())])}</figcaption>
                        <div class="stage tight">{kernels}</div>
                    </figure>
                }
            })
            .collect_view();
        let outputs = (0..c_out)
            .map(|o| {
                view! {
                    <figure class="grid">
                        <figcaption>{move || fill(s().out_map_label, &[("o", o.to_string())])}</figcaption>
                        {number_grid(oh, ow, move |r, col| format!("conv-ch-out-{o}-{r}-{col}"),
                            move |r, col| {
                                if (o * oh + r) * ow + col < step.get() {
                                    p.with_value(|p| fmt_num(p.output[[o, r, col]]))
                                } else {
                                    String::new()
                                }
                            },
                            move |r, col| step.get() == (o * oh + r) * ow + col + 1)}
                    </figure>
                }
            })
            .collect_view();
        let shape = format!("({c_out}, {c_in}, {k}, {k})");
        view! {
            <div class="stage">{inputs}</div>
            <h4>{move || fill(s().weight_tensor, &[("shape", shape.clone())])}</h4>
            <div class="stage">{filters}</div>
            <div class="stage">{outputs}</div>
        }
        .into_any()
    };

    view! {
        <div class="subpanel" data-testid="conv-channels">
            <h3>{move || s().ch_title}</h3>
            <p>{move || s().ch_intro}</p>
            <div class="config">
                <NumberField label=Signal::derive(move || s().in_channels) testid="conv-ch-in" min=1 max=3
                    value=Signal::derive(move || settings.with(|st| st.in_channels)) on_set=set(|st, v| st.in_channels = v)/>
                <NumberField label=Signal::derive(move || s().out_channels) testid="conv-ch-out" min=1 max=4
                    value=Signal::derive(move || settings.with(|st| st.out_channels)) on_set=set(|st, v| st.out_channels = v)/>
                <button type="button" data-testid="conv-ch-new" on:click=move |_| settings.update(|st| st.seed += 1)>
                    {move || s().new_example}
                </button>
            </div>
            <pre class="code" translate="no">{move || settings.with(|st| st.pytorch())}</pre>
            {body}
            <StepControls prefix="conv-ch" step total announce/>
            <p class="formula" translate="no" data-testid="conv-ch-formula">
                {move || current.get().map(|c| c.formula()).unwrap_or_else(|| s().formula_idle.to_string())}
            </p>
        </div>
    }
}
