//! Several input and output channels: the weight tensor (out, in, kH, kW), the sum over input
//! channels plus bias, and one output map per filter, stepped like the single-channel stepper.

use crate::components::context::use_text;
use crate::components::widgets::controls::StepControls;
use crate::components::widgets::grid::grid_rows;
use crate::components::widgets::stepper::{setting_field, use_stepper, StepFormula, Stepper};
use crate::text::fill;
use crate::viz::channels::ChannelSettings;
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
    grid_rows(rows, cols, move |r, c| {
        view! {
            <div class="cell-wrap" class:hit=move || hit(r, c)>
                <span class="cell" data-testid=testid(r, c)>{move || text(r, c)}</span>
            </div>
        }
    })
}

/// A captioned read-only grid: one input or output map.
fn number_figure(
    caption: impl Fn() -> String + Send + Sync + 'static,
    (rows, cols): (usize, usize),
    testid: impl Fn(usize, usize) -> String + 'static,
    text: impl Fn(usize, usize) -> String + Copy + Send + Sync + 'static,
    hit: impl Fn(usize, usize) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <figure class="grid">
            <figcaption>{caption}</figcaption>
            {number_grid(rows, cols, testid, text, hit)}
        </figure>
    }
}

/// The multi-channel example.
#[component]
pub fn ChannelsDemo() -> impl IntoView {
    let t = use_text();
    let settings = RwSignal::new(ChannelSettings::default());
    let plan = Memo::new(move |_| settings.with(|st| st.plan()));
    let stepper = use_stepper(plan, || {
        ChannelSettings::default().plan().expect("default is valid")
    });
    let Stepper {
        shown,
        step,
        total,
        current,
        announce,
    } = stepper;

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
            move |o: usize| current.with(|st| st.as_ref().is_some_and(|st| st.at.channel == o));
        let inputs = (0..c_in)
            .map(|c| {
                number_figure(
                    move || fill(t().conv.channel_label, &[("c", c.to_string())]),
                    (n, n),
                    move |r, col| format!("conv-ch-in-{c}-{r}-{col}"),
                    move |r, col| p.with_value(|p| fmt_num(p.input[[c, r, col]])),
                    move |r, col| covered(c, r, col),
                )
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
                        <figcaption>{move || fill(t().conv.filter_label, &[("o", o.to_string()), ("b", bias.clone())])}</figcaption>
                        <div class="stage tight">{kernels}</div>
                    </figure>
                }
            })
            .collect_view();
        let outputs = (0..c_out)
            .map(|o| {
                let cell = move |r: usize, col: usize| (o * oh + r) * ow + col;
                number_figure(
                    move || fill(t().conv.out_map_label, &[("o", o.to_string())]),
                    (oh, ow),
                    move |r, col| format!("conv-ch-out-{o}-{r}-{col}"),
                    move |r, col| {
                        if cell(r, col) < step.get() {
                            p.with_value(|p| fmt_num(p.output[[o, r, col]]))
                        } else {
                            String::new()
                        }
                    },
                    move |r, col| step.get() == cell(r, col) + 1,
                )
            })
            .collect_view();
        let shape = format!("({c_out}, {c_in}, {k}, {k})");
        view! {
            <div class="stage">{inputs}</div>
            <h4>{move || fill(t().conv.weight_tensor, &[("shape", shape.clone())])}</h4>
            <div class="stage">{filters}</div>
            <div class="stage">{outputs}</div>
        }
        .into_any()
    };

    view! {
        <div class="subpanel" data-testid="conv-channels">
            <h3>{move || t().conv.ch_title}</h3>
            <p>{move || t().conv.ch_intro}</p>
            <div class="config">
                {setting_field(settings, |t| t.conv.in_channels, "conv-ch-in", (1, 3), |st| st.in_channels, |st, v| st.in_channels = v)}
                {setting_field(settings, |t| t.conv.out_channels, "conv-ch-out", (1, 4), |st| st.out_channels, |st, v| st.out_channels = v)}
                <button type="button" data-testid="conv-ch-new" on:click=move |_| settings.update(|st| st.seed += 1)>
                    {move || t().conv.new_example}
                </button>
            </div>
            <pre class="code" translate="no">{move || settings.with(|st| st.pytorch())}</pre>
            {body}
            <StepControls prefix="conv-ch" step total announce/>
            <StepFormula prefix="conv-ch" stepper/>
        </div>
    }
}
