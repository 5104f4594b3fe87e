//! Editable number cells shared by the steppers' grids.

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
