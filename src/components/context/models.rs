//! The models the page can classify with: the pretrained one shipped in `public/`, and the one the
//! learner trained in the browser. Both are kept as safetensors bytes (the format of export,
//! import and storage), shared as context.

use crate::nn::{ModelConfig, NnError, Sequential};
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
    /// Checked safetensors bytes of the seed model.
    Ready(Arc<Vec<u8>>),
    /// Could not be fetched or does not fit the seed model (English detail).
    Failed(String),
}

/// The models, as context.
#[derive(Clone, Copy)]
pub struct Models {
    /// The shipped model.
    pub pretrained: RwSignal<Weights>,
    /// The learner's model, once one has been trained (or imported).
    pub trained: RwSignal<Option<Arc<Vec<u8>>>>,
}

/// Builds the seed model from safetensors bytes (all or nothing).
pub fn seed_model(bytes: &[u8]) -> Result<Sequential, NnError> {
    let mut m = ModelConfig::seed().build(0)?;
    m.load_safetensors(bytes)?;
    Ok(m)
}

/// Starts loading the pretrained weights and provides [`Models`] to the components below.
pub fn provide_models() -> Models {
    let models = Models {
        pretrained: RwSignal::new(Weights::Loading),
        trained: RwSignal::new(None),
    };
    provide_context(models);
    leptos::task::spawn_local(async move {
        let state = match fetch_bytes(PRETRAINED_URL).await {
            Ok(bytes) => match seed_model(&bytes) {
                Ok(_) => Weights::Ready(Arc::new(bytes)),
                Err(e) => Weights::Failed(e.to_string()),
            },
            Err(e) => Weights::Failed(e),
        };
        models.pretrained.set(state);
    });
    models
}

/// The models provided by [`provide_models`].
pub fn use_models() -> Models {
    expect_context::<Models>()
}
