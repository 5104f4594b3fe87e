//! The messages between the page and the training worker, both ways. They cross `postMessage`
//! as JSON text (serde), so both sides share these exact types; weights travel as safetensors
//! bytes, the same format as export, import and storage.

mod error;
mod floats;

pub use error::{LoadError, WorkerError};
use floats::{any_f32, any_f32s};

use super::teach::Teach;
use super::{OptimizerKind, Share, TrainConfig};
use crate::data::Layout;
use crate::nn::arch::ArchSettings;
use serde::{Deserialize, Serialize};

/// Settings the learner chooses (the subset of [`TrainConfig`] the page shows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Passes over the 8,000 training digits.
    pub epochs: usize,
    /// Images per batch.
    pub batch: usize,
    /// Learning rate.
    #[serde(with = "any_f32")]
    pub lr: f32,
    /// `true` for SGD with momentum 0.9, `false` for Adam.
    pub sgd: bool,
    /// Dropout probability.
    #[serde(with = "any_f32")]
    pub dropout: f32,
    /// Seed of the weights and the batch order.
    pub seed: u64,
    /// The architecture to train (the editor's; the seed model by default).
    #[serde(default)]
    pub arch: ArchSettings,
}

impl Default for Settings {
    fn default() -> Self {
        let c = TrainConfig::default();
        Settings {
            epochs: c.epochs,
            batch: c.batch,
            lr: c.lr,
            sgd: false,
            dropout: c.dropout,
            seed: c.seed,
            arch: ArchSettings::default(),
        }
    }
}

impl Settings {
    /// The training configuration these settings describe.
    pub fn config(&self) -> TrainConfig {
        TrainConfig {
            epochs: self.epochs,
            batch: self.batch,
            lr: self.lr,
            optimizer: if self.sgd {
                OptimizerKind::Sgd { momentum: 0.9 }
            } else {
                OptimizerKind::Adam
            },
            dropout: self.dropout,
            seed: self.seed,
            ..TrainConfig::default()
        }
    }
}

/// What the page asks of the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Train from the current weights with these settings, from the first epoch.
    Start(Settings),
    /// Stop after the batch in progress.
    Pause,
    /// Go on after a pause.
    Resume,
    /// Train exactly one batch, then pause.
    Step(Settings),
    /// Fresh weights from this seed; forget the run.
    Reset(Settings),
    /// Use these safetensors weights (already checked by the page).
    Load(Vec<u8>),
    /// Which test digit to show feature maps of.
    Watch(usize),
    /// Train and test on this set from now on, keeping the model: `bytes` is the set's
    /// [`crate::data::Mnist::to_raw`], split as `layout` says. Empty bytes with
    /// [`Layout::Shipped`]: the digits shipped with the page again. The run on screen ends.
    Data {
        /// Which images train and which are held out.
        layout: Layout,
        /// The images (they travel beside the JSON).
        #[serde(skip)]
        bytes: Vec<u8>,
    },
    /// Fine-tune the model in use on the learner's digits mixed with the set's training
    /// images: a run of its own.
    Teach(Teach),
}

impl ToWorker {
    /// Whether the page counts it as a run of its own (numbered, so the last run's late
    /// reports are told apart); pause, resume and watch act on the run there is.
    pub fn starts_run(&self) -> bool {
        !matches!(
            self,
            ToWorker::Pause | ToWorker::Resume | ToWorker::Watch(_)
        )
    }
}

/// Where a run is; the names are the `train-status` words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Nothing running.
    Idle,
    /// Fetching the digits.
    Loading,
    /// Training.
    Running,
    /// Paused mid-run.
    Paused,
    /// Every epoch done.
    Done,
    /// Something failed; see the error message.
    Error,
}

impl Status {
    /// The word tests and the page use.
    pub fn word(self) -> &'static str {
        match self {
            Status::Idle => "idle",
            Status::Loading => "loading",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Done => "done",
            Status::Error => "error",
        }
    }
}

/// One batch done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchReport {
    /// Batches done in the run.
    pub step: usize,
    /// Batches in the run.
    pub total: usize,
    /// Epoch of the batch, from 0.
    pub epoch: usize,
    /// Batch in its epoch, from 1.
    pub batch: usize,
    /// Batches per epoch.
    pub batches: usize,
    /// Loss of the batch (NaN or ±∞ when the run diverged at this batch).
    #[serde(with = "any_f32")]
    pub loss: f32,
    /// Fraction of the batch classified right (before the update).
    #[serde(with = "any_f32")]
    pub accuracy: f32,
    /// Training images per second over the last batches (compute only).
    #[serde(with = "any_f32")]
    pub images_per_sec: f32,
    /// Workers that shared the batch: the training worker and its helpers.
    pub workers: usize,
}

/// Evaluation after an epoch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochReport {
    /// Epoch, from 0.
    pub epoch: usize,
    /// Training accuracy over the epoch's batches (in training mode, as they were seen).
    #[serde(with = "any_f32")]
    pub train_accuracy: f32,
    /// Accuracy on the 2,000 held-out digits.
    #[serde(with = "any_f32")]
    pub test_accuracy: f32,
    /// `confusion[true][predicted]` over the held-out digits.
    pub confusion: [[u32; 10]; 10],
    /// Up to 24 held-out digits the model got wrong: (index into the data, predicted).
    pub mistakes: Vec<(usize, u8)>,
}

/// What the model makes of the watched digit, and its first filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The first convolution's weights, flattened (`[16, 1, 3, 3]` for the seed model).
    #[serde(with = "any_f32s")]
    pub filters: Vec<f32>,
    /// Their shape `[filters, channels, kH, kW]`.
    pub filter_shape: Vec<usize>,
    /// Index of the watched digit in the data.
    pub digit: usize,
    /// The first convolution's outputs for it after ReLU, flattened (`[16, 26, 26]` for the
    /// seed model).
    #[serde(with = "any_f32s")]
    pub maps: Vec<f32>,
    /// Their shape `[maps, H, W]`.
    pub map_shape: Vec<usize>,
    /// Predicted probabilities for it.
    #[serde(with = "any_f32s")]
    pub probs: Vec<f32>,
}

/// What the worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// Listening; the page may send from now on.
    Ready,
    /// The run's state changed.
    Status(Status),
    /// A batch finished.
    Batch(BatchReport),
    /// An epoch finished and was evaluated.
    Epoch(Box<EpochReport>),
    /// New pictures of the model.
    Snapshot(Snapshot),
    /// The current weights (safetensors), sent when a run pauses, finishes an epoch or ends,
    /// and after a reset or load.
    Weights(Vec<u8>),
    /// A request was refused, or the run stopped; the page says why in its language.
    Error(WorkerError),
}

/// A message with the run it belongs to. The page numbers runs: every Start, Step, Reset and
/// Load carries a new number, the worker tags what it sends with the number of the run it is
/// in, and the page drops the reports of a run it has discarded (say a batch already on its
/// way when Reset was pressed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The run's number.
    pub run: u64,
    /// The message.
    pub msg: T,
}

/// The training worker to a helper worker: compute the gradients of a share of a step. The
/// trainer's weights travel beside it as a `Float32Array` (JSON would cost more than the work).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelperJob {
    /// Numbers the jobs, so an answer for a step that was abandoned (reset, load) is ignored.
    pub job: u64,
    /// Which helper (from 1): each draws its own dropout and augmentation randomness.
    pub helper: u64,
    /// The share's images (indices into the digits).
    pub ids: Vec<usize>,
    /// The share's fraction of the batch.
    pub weight: f32,
    /// The run's settings (dropout and seed matter to the helper).
    pub settings: Settings,
}

/// The training worker to a helper worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToHelper {
    /// Compute a share; the weights travel beside it as a `Float32Array`.
    Job(HelperJob),
    /// Use these images from now on ([`crate::data::Mnist::to_raw`], beside it as a
    /// `Uint8Array`): job ids index them.
    Data,
}

/// A helper worker to the training worker. `Done` travels with the weighted gradients as a
/// `Float32Array`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromHelper {
    /// It has the digits and takes jobs.
    Ready,
    /// A job's results.
    Done {
        /// The job's number.
        job: u64,
        /// Its images, loss and correct predictions.
        share: Share,
    },
    /// It could not do a job (the detail, for the console); the training worker goes on without
    /// helpers.
    Failed(String),
}

/// A message that may carry weights, which travel beside its JSON as a transferred buffer.
pub trait CarriesBytes: Sized {
    /// The weights inside, if this kind of message has any.
    fn bytes_mut(&mut self) -> Option<&mut Vec<u8>>;

    /// The message without its weights, and the weights.
    fn split_bytes(mut self) -> (Self, Option<Vec<u8>>) {
        let bytes = self.bytes_mut().map(std::mem::take);
        (self, bytes)
    }

    /// Puts back the weights [`CarriesBytes::split_bytes`] took out.
    fn join_bytes(mut self, bytes: Option<Vec<u8>>) -> Self {
        if let (Some(slot), Some(b)) = (self.bytes_mut(), bytes) {
            *slot = b;
        }
        self
    }
}

impl CarriesBytes for ToWorker {
    fn bytes_mut(&mut self) -> Option<&mut Vec<u8>> {
        match self {
            ToWorker::Load(b) | ToWorker::Data { bytes: b, .. } => Some(b),
            ToWorker::Teach(t) => Some(&mut t.digits),
            _ => None,
        }
    }
}

impl CarriesBytes for FromWorker {
    fn bytes_mut(&mut self) -> Option<&mut Vec<u8>> {
        match self {
            FromWorker::Weights(b) => Some(b),
            _ => None,
        }
    }
}

/// Encodes a message for `postMessage`.
pub fn encode<T: Serialize>(msg: &T) -> String {
    serde_json::to_string(msg).expect("protocol types always serialise")
}

/// Decodes a message; `None` for anything that is not one.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let msgs = vec![
            ToWorker::Start(Settings {
                lr: f32::NAN,
                ..Settings::default()
            }),
            ToWorker::Load(vec![1, 2, 3]),
            ToWorker::Watch(17),
        ];
        for m in msgs {
            // A NaN learning rate decodes (and is refused by validation, with a sentence).
            let back = decode::<ToWorker>(&encode(&m)).expect("decodes");
            assert_eq!(encode(&back), encode(&m));
        }
        let job = HelperJob {
            job: 3,
            helper: 1,
            ids: vec![5, 8],
            weight: 0.5,
            settings: Settings::default(),
        };
        assert_eq!(decode::<HelperJob>(&encode(&job)), Some(job));
        let done = FromHelper::Done {
            job: 3,
            share: Share {
                images: 2,
                loss: 0.25,
                correct: 1,
            },
        };
        assert_eq!(decode::<FromHelper>(&encode(&done)), Some(done));
        let b = FromWorker::Batch(BatchReport {
            step: 3,
            total: 375,
            epoch: 0,
            batch: 3,
            batches: 125,
            loss: 0.1234567,
            accuracy: 0.5,
            images_per_sec: 1234.5,
            workers: 2,
        });
        assert_eq!(decode::<FromWorker>(&encode(&b)), Some(b));
        assert_eq!(decode::<FromWorker>("{\"Nope\":1}"), None);
        let e = Envelope {
            run: 7,
            msg: FromWorker::Error(WorkerError::Setting(crate::train::Setting::Lr)),
        };
        assert_eq!(decode::<Envelope<FromWorker>>(&encode(&e)), Some(e));
    }

    #[test]
    fn weights_travel_beside_the_json() {
        let (msg, bytes) = FromWorker::Weights(vec![1, 2, 3]).split_bytes();
        assert_eq!(encode(&msg), "{\"Weights\":[]}", "no bytes in the JSON");
        assert_eq!(msg.join_bytes(bytes), FromWorker::Weights(vec![1, 2, 3]));
        let (msg, bytes) = ToWorker::Load(vec![9; 1000]).split_bytes();
        assert!(encode(&msg).len() < 20);
        assert_eq!(msg.join_bytes(bytes), ToWorker::Load(vec![9; 1000]));
        let data = ToWorker::Data {
            layout: crate::data::Layout::TrainFirst { train: 60_000 },
            bytes: vec![5; 100],
        };
        let (msg, bytes) = data.clone().split_bytes();
        assert!(encode(&msg).len() < 60, "{}", encode(&msg));
        let back = decode::<ToWorker>(&encode(&msg)).unwrap();
        assert_eq!(back.join_bytes(bytes), data);
        assert_eq!(
            decode::<ToHelper>(&encode(&ToHelper::Data)),
            Some(ToHelper::Data)
        );
        let (msg, bytes) = ToWorker::Pause.split_bytes();
        assert_eq!((msg, bytes), (ToWorker::Pause, None));
    }

    #[test]
    fn settings_make_a_valid_config() {
        assert!(Settings::default().config().validate().is_ok());
        let sgd = Settings {
            sgd: true,
            ..Settings::default()
        };
        assert_eq!(sgd.config().optimizer, OptimizerKind::Sgd { momentum: 0.9 });
    }
}
