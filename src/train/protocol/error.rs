//! Why the worker refused a request or stopped a run, as a value both sides share; the page
//! phrases it in its own language (`crate::text::errors`).

use crate::data::DataError;
use crate::nn::NnError;
use crate::train::Setting;
use serde::{Deserialize, Serialize};

/// Why the worker refused a request or stopped a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerError {
    /// A command that needs the digits came while they were still loading.
    Loading,
    /// The digits could not be fetched or decoded.
    Digits(LoadError),
    /// A setting out of range.
    Setting(Setting),
    /// The core refused weights or a model.
    Refused(NnError),
    /// A model kept in this browser could not be read, and was removed.
    Unstored,
    /// The loss or the weights stopped being finite numbers at this batch; the weights from
    /// before it were kept.
    Diverged {
        /// The batch of the run at which it happened, from 1.
        step: usize,
        /// Its loss.
        #[serde(with = "super::any_f32")]
        loss: f32,
    },
    /// A message the worker could not read.
    Unreadable,
    /// The browser could not post a command to the worker (its detail); the worker never got
    /// it.
    NotSent(String),
    /// The worker stopped working: a panic, a trap, a script that did not load (the browser's
    /// or the panic's own detail, which no table can translate). The page starts a fresh one
    /// with the last good weights.
    Crashed(String),
    /// The worker stopped working again and again, or could not be started; the page gave up.
    Dead(String),
}

/// Why a file the page or a worker loads from the app's origin (the digits, the pretrained
/// model) could not be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LoadError {
    /// The fetch failed: the browser's detail (an HTTP status, a network error).
    Fetch(String),
    /// The digits file was refused.
    Digits(DataError),
    /// The weights file was refused.
    Model(NnError),
}

impl From<NnError> for WorkerError {
    /// A refusal of the core (weights that do not fit, a model that cannot be built).
    fn from(e: NnError) -> Self {
        WorkerError::Refused(e)
    }
}

impl From<crate::train::TrainError> for WorkerError {
    fn from(e: crate::train::TrainError) -> Self {
        match e {
            crate::train::TrainError::Setting(key) => WorkerError::Setting(key),
            crate::train::TrainError::Model(e) => e.into(),
        }
    }
}
