//! The convolution section: the stepper (edit an input and a kernel, set kernel size, stride,
//! padding and dilation, and walk the sliding window one output cell at a time), then several
//! channels (`channels.rs`) and a kernel on a real digit (`digit.rs`).

mod channels;
mod digit;

use crate::components::context::use_text;
use crate::components::widgets::grid::{grid_rows, NumberCell};
use crate::components::widgets::stepper::{
    setting_field, use_settings_stepper, SettingsStepper, StepperSection,
};
use crate::text::{fill, Phrase};
use crate::viz::conv::{ConvPreset, ConvSettings, MAX_CONV_SIDE};
use channels::ChannelsDemo;
use digit::DigitDemo;
use leptos::prelude::*;

const PRESETS: &[(ConvPreset, Phrase)] = &[
    (ConvPreset::Classic, |t| t.conv.preset_classic),
    (ConvPreset::Dilated, |t| t.conv.preset_dilated),
    (ConvPreset::Stride21, |t| t.conv.preset_stride21),
    (ConvPreset::Same, |t| t.conv.preset_same),
    (ConvPreset::Edge, |t| t.conv.preset_edge),
    (ConvPreset::Blur, |t| t.conv.preset_blur),
    (ConvPreset::Sharpen, |t| t.conv.preset_sharpen),
];

/// The window's own fields: the kernel's rows and columns, and the stride as (rows, columns).
fn window_fields(settings: RwSignal<ConvSettings>) -> AnyView {
    let (side, any) = ((1, MAX_CONV_SIDE), (0, MAX_CONV_SIDE));
    view! {
        {setting_field(settings, |t| t.conv.kernel_rows, "conv-kernel-h", side,
            |st| st.kernel.size.0, |st, v| st.set_kernel((v, st.kernel.size.1)))}
        {setting_field(settings, |t| t.conv.kernel_cols, "conv-kernel-w", side,
            |st| st.kernel.size.1, |st, v| st.set_kernel((st.kernel.size.0, v)))}
        {setting_field(settings, |t| t.conv.stride_rows, "conv-stride-h", any, |st| st.stride.0, |st, v| st.stride.0 = v)}
        {setting_field(settings, |t| t.conv.stride_cols, "conv-stride-w", any, |st| st.stride.1, |st, v| st.stride.1 = v)}
    }
    .into_any()
}

/// The whole convolution section: the stepper with its kernel grid, then several channels and
/// a kernel on a real digit.
#[component]
pub fn ConvSection() -> impl IntoView {
    let state = use_settings_stepper::<ConvSettings>();
    view! {
        <StepperSection prefix="conv" state presets=PRESETS pad_text="0" fields=window_fields(state.settings)
            words=|t| [t.conv.title, t.conv.intro, t.conv.truth, t.conv.stride_note]
            middle=view! { <KernelGrid state/> }.into_any()>
            <ChannelsDemo/>
            <DigitDemo current=state.settings/>
        </StepperSection>
    }
}

/// The kernel's weights, editable (`conv-kernel-R-C`).
#[component]
fn KernelGrid(state: SettingsStepper<ConvSettings>) -> impl IntoView {
    let t = use_text();
    let (settings, shown) = (state.settings, state.stepper.shown);
    let dims = Memo::new(move |_| shown.with(|p| p.config.window.kernel));
    let rows = move || {
        let (kh, kw) = dims.get();
        grid_rows(kh, kw, move |r, c| {
            let value = Signal::derive(move || shown.with(|p| p.weight[[0, 0, r, c]]));
            let on_set =
                Callback::new(move |v: f32| settings.update(|st| st.kernel.set((kh, kw), r, c, v)));
            let label = Signal::derive(move || {
                fill(
                    t().conv.cell_kernel,
                    &[("r", r.to_string()), ("c", c.to_string())],
                )
            });
            view! { <div class="cell-wrap kernel"><NumberCell testid=format!("conv-kernel-{r}-{c}") label value on_set/></div> }
        })
    };
    view! {
        <figure class="grid">
            <figcaption>{move || t().conv.kernel_grid}</figcaption>
            {rows}
        </figure>
    }
}
