//! Editable number cells shared by the steppers' grids.

use super::controls::StepCount;
use crate::components::context::use_text;
use crate::text::fill;
use crate::viz::fmt_num;
use leptos::html;
use leptos::prelude::*;

/// One editable number: shows `value`, calls `on_set` with every number typed. While the cell
/// has focus, what the learner is typing (say "1." or "-") is left alone.
#[component]
pub fn NumberCell(
    /// `data-testid`.
    testid: String,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// The value shown.
    #[prop(into)]
    value: Signal<f32>,
    /// Called with each parsed number.
    on_set: Callback<f32>,
) -> impl IntoView {
    let node = NodeRef::<html::Input>::new();
    let text = move || {
        let v = value.get();
        if let Some(el) = node.get_untracked() {
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_some_and(|a| {
                    let el: &web_sys::Element = &el;
                    a == *el
                });
            if focused && el.value().trim().parse::<f32>().ok() == Some(v) {
                return el.value();
            }
        }
        fmt_num(v)
    };
    view! {
        <input
            node_ref=node
            class="cell"
            type="text"
            inputmode="decimal"
            data-testid=testid
            aria-label=move || label.get()
            prop:value=text
            on:input=move |ev| {
                if let Ok(v) = event_target_value(&ev).trim().parse::<f32>() {
                    if v.is_finite() {
                        on_set.run(v);
                    }
                }
            }
            on:change=move |ev| {
                let el = event_target::<web_sys::HtmlInputElement>(&ev);
                el.set_value(&fmt_num(value.get_untracked()));
            }
        />
    }
}

/// `rows × cols` cells as `<div class="grid-row">` rows, each cell made by `cell(r, c)`.
pub fn grid_rows<V: IntoView + 'static>(
    rows: usize,
    cols: usize,
    cell: impl Fn(usize, usize) -> V,
) -> impl IntoView {
    (0..rows)
        .map(|r| {
            let cells = (0..cols).map(|c| cell(r, c)).collect_view();
            view! { <div class="grid-row">{cells}</div> }
        })
        .collect_view()
}

/// A stepper's output (first channel, row-major `values` of `size`): a cell shows its value once
/// its step has been reached, and the cell just filled is outlined. Large maps use small cells.
#[component]
pub fn OutputGrid(
    /// Prefix of the cells' `data-testid`: `{prefix}-out-R-C`.
    prefix: &'static str,
    /// Steps done.
    step: StepCount,
    /// (rows, cols).
    #[prop(into)]
    size: Signal<(usize, usize)>,
    /// The output values, row-major.
    #[prop(into)]
    values: Signal<Vec<f32>>,
) -> impl IntoView {
    let t = use_text();
    let dims = Memo::new(move |_| size.get());
    let dense = move || dims.with(|d| d.0.max(d.1) > 14);
    let rows = move || {
        let (oh, ow) = dims.get();
        grid_rows(oh, ow, move |r, c| {
            let idx = r * ow + c;
            let text = move || {
                if idx < step.get() {
                    values.with(|v| v.get(idx).map(|x| fmt_num(*x)).unwrap_or_default())
                } else {
                    String::new()
                }
            };
            let label = move || {
                fill(
                    t().stepper.cell_output,
                    &[("r", r.to_string()), ("c", c.to_string())],
                )
            };
            view! {
                <div class="cell-wrap out" class:current=move || step.get() == idx + 1>
                    <span class="cell" data-testid=format!("{prefix}-out-{r}-{c}") aria-label=label>{text}</span>
                </div>
            }
        })
    };
    view! {
        <figure class="grid" class:dense=dense>
            <figcaption>{move || t().stepper.output_grid}</figcaption>
            {rows}
        </figure>
    }
}
