//! The max-pooling section: the same stepper as convolution, without weights; padding cells hold
//! −∞, and each step outlines the cell that wins.

use crate::components::widgets::stepper::{setting_field, use_settings_stepper, StepperSection};
use crate::text::Phrase;
use crate::viz::pool::{PoolPreset, PoolSettings, MAX_POOL_SIDE};
use leptos::prelude::*;

const PRESETS: &[(PoolPreset, Phrase)] = &[
    (PoolPreset::Classic, |t| t.pool.preset_classic),
    (PoolPreset::Mnist, |t| t.pool.preset_mnist),
    (PoolPreset::Negative, |t| t.pool.preset_negative),
];

/// The window's own fields: one square kernel side and one stride (PyTorch's default follows
/// the kernel until it is set).
fn window_fields(settings: RwSignal<PoolSettings>) -> AnyView {
    let n = (0, MAX_POOL_SIDE);
    view! {
        {setting_field(settings, |t| t.layer.kernel_size, "pool-kernel", n, |st| st.kernel, |st, v| st.kernel = v)}
        {setting_field(settings, |t| t.layer.stride, "pool-stride", n, |st| st.stride(), |st, v| st.stride = Some(v))}
    }
    .into_any()
}

/// The whole pooling section.
#[component]
pub fn PoolSection() -> impl IntoView {
    let state = use_settings_stepper::<PoolSettings>();
    view! {
        <StepperSection prefix="pool" state presets=PRESETS pad_text="−∞" fields=window_fields(state.settings)
            words=|t| [t.pool.title, t.pool.intro, t.pool.truth, t.pool.stride_note]/>
    }
}
