//! The architecture in the editor, shared: the MNIST model section edits it, the Train section
//! trains it, and an imported file puts its own back.

use crate::nn::arch::ArchSettings;
use crate::nn::{ModelConfig, NnError};
use crate::train::MICRO_BATCH;
use leptos::prelude::*;

/// The editor's architecture, as context.
#[derive(Clone, Copy)]
pub struct Architecture {
    /// What the editor shows; impossible while the learner is half-way through an edit.
    pub edit: RwSignal<ArchSettings>,
    /// The edit as a model a tab can train, or why not (a layer that does not fit, a size past
    /// the limits).
    pub checked: Memo<Result<ModelConfig, NnError>>,
    /// The last architecture that could be trained: what Start sends.
    pub valid: Memo<ArchSettings>,
}

/// Provides [`Architecture`], starting from the seed model.
pub fn provide_arch() -> Architecture {
    let edit = RwSignal::new(ArchSettings::default());
    let checked = Memo::new(move |_| edit.with(|a| a.checked_model(MICRO_BATCH as u64)));
    let valid = Memo::new(move |prev: Option<&ArchSettings>| {
        if checked.with(|c| c.is_ok()) {
            edit.get()
        } else {
            prev.cloned().unwrap_or_default()
        }
    });
    let arch = Architecture {
        edit,
        checked,
        valid,
    };
    provide_context(arch);
    arch
}

/// The architecture provided by [`provide_arch`].
pub fn use_arch() -> Architecture {
    expect_context::<Architecture>()
}
