//! The models the page can classify with: the pretrained one shipped in `public/`, and the one the
//! learner trained in the browser. Both are kept as safetensors bytes (the format of export,
//! import and storage), shared as context.

use crate::data::DataSource;
use crate::nn::arch::ArchSettings;
use crate::nn::{NnError, Sequential};
use crate::train::protocol::LoadError;
use crate::train::MICRO_BATCH;
use crate::web::fetch::fetch_bytes;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the shipped pretrained weights are.
pub const PRETRAINED_URL: &str = "./public/pretrained.safetensors";

/// The pretrained weights while the page loads them.
#[derive(Clone, Debug, PartialEq)]
pub enum Weights {
    /// Being fetched.
    Loading,
    /// Checked safetensors bytes.
    Ready(Arc<Vec<u8>>),
    /// Could not be fetched or does not fit a model: why.
    Failed(LoadError),
}

/// The models, as context.
#[derive(Clone, Copy)]
pub struct Models {
    /// The shipped model.
    pub pretrained: RwSignal<Weights>,
    /// The learner's model, once one has been trained (or imported).
    pub trained: RwSignal<Option<Arc<Vec<u8>>>>,
    /// The set the learner's model was trained on (what its classes are); `None` when not known
    /// (an imported model), which the page reads as digits.
    pub trained_on: RwSignal<Option<DataSource>>,
}

/// The model a weights file holds, built in the architecture it states (the seed model when it
/// states none), all or nothing.
pub fn model_of(bytes: &[u8]) -> Result<(ArchSettings, Sequential), NnError> {
    ArchSettings::load(bytes, MICRO_BATCH as u64)
}

/// Starts loading the pretrained weights and provides [`Models`] to the components below.
pub fn provide_models() -> Models {
    let models = Models {
        pretrained: RwSignal::new(Weights::Loading),
        trained: RwSignal::new(None),
        trained_on: RwSignal::new(None),
    };
    provide_context(models);
    leptos::task::spawn_local(async move {
        let state = match fetch_bytes(PRETRAINED_URL).await {
            Ok(bytes) => match model_of(&bytes) {
                Ok(_) => Weights::Ready(Arc::new(bytes)),
                Err(e) => Weights::Failed(LoadError::Model(e)),
            },
            Err(e) => Weights::Failed(LoadError::Fetch(e)),
        };
        models.pretrained.set(state);
    });
    models
}

/// The models provided by [`provide_models`].
pub fn use_models() -> Models {
    expect_context::<Models>()
}
