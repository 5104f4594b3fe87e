//! The shipped MNIST digits, fetched once from the app's own origin and shared as context. They
//! are fetched when the training worker starts (the Train section is near or given a command),
//! not on a first visit; until then sections use the few built-in samples.

use crate::data::Mnist;
use crate::train::protocol::LoadError;
use crate::web::fetch::fetch_bytes;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the digits are while the page loads them.
#[derive(Clone, Debug)]
pub enum MnistState {
    /// Not asked for yet.
    Idle,
    /// Being fetched and decoded.
    Loading,
    /// Ready to use.
    Ready(Arc<Mnist>),
    /// The file could not be fetched or decoded: why.
    Failed(LoadError),
}

/// Provides the digits' state to every component below; [`load_mnist`] fetches them.
pub fn provide_mnist() -> RwSignal<MnistState> {
    let state = RwSignal::new(MnistState::Idle);
    provide_context(state);
    state
}

/// Fetches the digits, unless they are already fetched or on their way.
pub fn load_mnist(state: RwSignal<MnistState>) {
    if !matches!(state.get_untracked(), MnistState::Idle) {
        return;
    }
    state.set(MnistState::Loading);
    leptos::task::spawn_local(async move {
        let result = match fetch_bytes("./public/mnist-10k.bin").await {
            Ok(bytes) => Mnist::decode(&bytes)
                .map(|m| MnistState::Ready(Arc::new(m)))
                .unwrap_or_else(|e| MnistState::Failed(LoadError::Digits(e))),
            Err(e) => MnistState::Failed(LoadError::Fetch(e)),
        };
        state.set(result);
    });
}

/// The digits' state, as provided by [`provide_mnist`].
pub fn use_mnist() -> RwSignal<MnistState> {
    expect_context::<RwSignal<MnistState>>()
}
