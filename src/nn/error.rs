//! Errors a learner can cause: impossible layer configurations and unusable weight files.
//! They are data, carrying the numbers and names involved; the text layer
//! (`crate::text::errors`) turns each into a sentence in English or Korean. They cross to and
//! from the training worker as they are, so the page phrases them in its own language.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A hyper-parameter that must be at least 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    /// `in_channels` of a convolution.
    InChannels,
    /// `out_channels` of a convolution.
    OutChannels,
    /// A kernel size.
    Kernel,
    /// A stride.
    Stride,
    /// A dilation.
    Dilation,
    /// `in_features` of a linear layer.
    InFeatures,
    /// `out_features` of a linear layer.
    OutFeatures,
    /// The batch size.
    Batch,
}

/// A size worked out from a configuration that passes `usize::MAX`, the most this machine
/// counts (4,294,967,295 in the browser, whose wasm32 `usize` has 32 bits).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Extent {
    /// `input + 2·padding` along one axis.
    Padded {
        /// The input side.
        input: usize,
        /// The padding on each side.
        padding: usize,
    },
    /// `dilation·(kernel − 1) + 1` along one axis.
    Span {
        /// The kernel side.
        kernel: usize,
        /// The dilation.
        dilation: usize,
    },
    /// The number of values in a tensor, the product of its shape.
    Values {
        /// The shape whose product passes `usize::MAX`.
        shape: Vec<usize>,
    },
}

/// Why a layer, a model or a weight file cannot be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum NnError {
    /// A size that must be at least 1 is 0.
    Zero(Field),
    /// The (dilated) window is larger than the padded input along some axis.
    KernelTooLarge {
        /// Kernel size (rows, cols).
        kernel: (usize, usize),
        /// Dilation (rows, cols).
        dilation: (usize, usize),
        /// What the kernel covers: `D·(K−1)+1` per axis.
        span: (usize, usize),
        /// The input size plus padding on both sides.
        padded: (usize, usize),
    },
    /// PyTorch refuses pooling padding over half the kernel (`padding <= kernel / 2`).
    PoolPadding {
        /// Padding (rows, cols).
        padding: (usize, usize),
        /// Kernel (rows, cols).
        kernel: (usize, usize),
    },
    /// The input has a different number of channels than the layer expects.
    Channels {
        /// What the layer was built for.
        expected: usize,
        /// What arrived.
        got: usize,
    },
    /// A linear layer whose `in_features` differs from the size that reaches it.
    Features {
        /// The layer's `in_features`.
        expected: usize,
        /// The flattened size that reaches it.
        got: usize,
    },
    /// The tensor has the wrong number of dimensions for this layer.
    Rank {
        /// Dimensions the layer needs.
        expected: usize,
        /// Dimensions the tensor has.
        got: usize,
    },
    /// Dropout probability outside `[0, 1)`.
    Probability(f32),
    /// An error inside one layer of a model; names the layer.
    InLayer {
        /// 1-based position, as in the summary table.
        index: usize,
        /// Layer type, e.g. `Conv2d`.
        kind: Cow<'static, str>,
        /// What went wrong.
        source: Box<NnError>,
    },
    /// A weight file could not be used; the model was left unchanged.
    Weights(WeightsError),
    /// More parameters than a browser tab trains (refused before anything is allocated).
    TooManyParams {
        /// The model's parameters.
        params: u64,
        /// The most the app accepts.
        max: u64,
    },
    /// Training would need more memory per worker than a browser tab gives (refused before
    /// anything is allocated).
    TooMuchMemory {
        /// What one worker would need, in MiB.
        mib: u64,
        /// The most the app lets one worker use, in MiB.
        max: u64,
    },
    /// A size computed from the configuration is larger than this machine counts, so no tensor
    /// of it can exist (refused rather than wrapped to a small, wrong size).
    Overflow(Extent),
    /// A flat vector of parameters (from another copy of the model) has the wrong length.
    ParamCount {
        /// The model's number of parameters.
        expected: usize,
        /// The vector's length.
        got: usize,
    },
    /// A setting of the model family outside the range the editor offers (and every reader of
    /// an architecture enforces): see [`crate::nn::arch::ArchField`].
    OutOfRange {
        /// The conv block it belongs to, from 1; `None` for the classifier's settings.
        block: Option<usize>,
        /// Which setting.
        field: crate::nn::arch::ArchField,
        /// The value asked for.
        value: f64,
        /// The least allowed.
        min: f64,
        /// The most allowed.
        max: f64,
    },
    /// A class the model has no output for (an explanation names one of its outputs).
    Class {
        /// The class asked for, from 0.
        class: usize,
        /// How many outputs the model has.
        classes: usize,
    },
    /// A layer that is neither a convolution nor the ReLU right after one, asked for where an
    /// explanation needs a convolution's maps (Grad-CAM, what a filter looks for).
    NotConv {
        /// 1-based position, as in the summary table.
        index: usize,
        /// Layer type, e.g. `Linear`.
        kind: Cow<'static, str>,
    },
    /// A filter a convolution does not have.
    Filter {
        /// The filter asked for, from 0.
        filter: usize,
        /// The convolution's output channels.
        filters: usize,
    },
    /// An occlusion patch of 0 pixels or wider than the image.
    Patch {
        /// The patch's side asked for.
        patch: usize,
        /// The image's shorter side.
        side: usize,
    },
    /// A size of change ε for an adversarial example outside `[0, 1]` (pixels lie in `[0, 1]`).
    Epsilon(f32),
    /// A step size of an iterative method that is not a positive finite number.
    StepSize(f32),
}

/// What is wrong with a file that is not a readable safetensors file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Damage {
    /// Shorter than the 8-byte header length, or than the header that length announces.
    TooShort,
    /// The header is larger than a safetensors reader accepts (100 MB).
    HeaderTooLarge,
    /// The header is not UTF-8 JSON that describes tensors.
    Header,
    /// The tensors' byte ranges do not fit their shapes or the data that follows the header.
    Offsets,
}

impl From<safetensors::SafeTensorError> for Damage {
    fn from(e: safetensors::SafeTensorError) -> Damage {
        use safetensors::SafeTensorError as E;
        match e {
            E::HeaderTooSmall | E::InvalidHeaderLength => Damage::TooShort,
            E::HeaderTooLarge => Damage::HeaderTooLarge,
            E::InvalidHeader(_)
            | E::InvalidHeaderStart
            | E::InvalidHeaderDeserialization(_)
            | E::JsonError(_)
            | E::TensorInvalidInfo
            | E::IoError(_) => Damage::Header,
            E::InvalidOffset(_)
            | E::InvalidTensorView(..)
            | E::MetadataIncompleteBuffer
            | E::ValidationOverflow
            | E::MisalignedSlice
            | E::TensorNotFound(_) => Damage::Offsets,
        }
    }
}

/// Why the architecture a weights file states cannot be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ArchProblem {
    /// Its metadata is not an architecture this app writes (not JSON, or missing fields).
    Unreadable,
    /// It can be read, but the model it describes is refused (out of range, does not fit,
    /// too large for a tab).
    Refused(Box<NnError>),
}

/// Why a weight file was refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WeightsError {
    /// Not a safetensors file, or a damaged / truncated one.
    Corrupt(Damage),
    /// A tensor the model needs is missing.
    Missing(String),
    /// The file holds a tensor this model does not have.
    Unexpected(String),
    /// A tensor has another shape than the model's.
    Shape {
        /// Tensor name.
        name: String,
        /// Shape the model needs.
        expected: Vec<usize>,
        /// Shape in the file.
        got: Vec<usize>,
    },
    /// A tensor is stored in another dtype than F32.
    Dtype {
        /// Tensor name.
        name: String,
        /// The dtype found, e.g. `F64`.
        got: String,
    },
    /// A tensor holds NaN or infinity.
    NotFinite(String),
    /// The architecture the file states (in its metadata) cannot be read or built.
    Architecture(ArchProblem),
}

/// The longest name or detail a message repeats from a file: a file can name a tensor with a
/// megabyte of text, which must not flood the page.
pub const MAX_QUOTED: usize = 48;

/// `text` itself, or its first and last characters around an ellipsis, at most [`MAX_QUOTED`]
/// characters in all.
pub fn quoted(text: &str) -> String {
    let n = text.chars().count();
    if n <= MAX_QUOTED {
        return text.to_string();
    }
    let head: String = text.chars().take(MAX_QUOTED / 2).collect();
    let tail: String = text.chars().skip(n - (MAX_QUOTED / 2 - 1)).collect();
    format!("{head}…{tail}")
}

impl WeightsError {
    /// The same error with every name and detail from the file cut to [`MAX_QUOTED`], as a
    /// sentence repeats them.
    pub fn quoted(&self) -> WeightsError {
        match self {
            WeightsError::Corrupt(d) => WeightsError::Corrupt(*d),
            WeightsError::Missing(n) => WeightsError::Missing(quoted(n)),
            WeightsError::Unexpected(n) => WeightsError::Unexpected(quoted(n)),
            WeightsError::Shape {
                name,
                expected,
                got,
            } => WeightsError::Shape {
                name: quoted(name),
                expected: expected.clone(),
                got: got.clone(),
            },
            WeightsError::Dtype { name, got } => WeightsError::Dtype {
                name: quoted(name),
                got: quoted(got),
            },
            WeightsError::NotFinite(n) => WeightsError::NotFinite(quoted(n)),
            WeightsError::Architecture(a) => WeightsError::Architecture(a.clone()),
        }
    }
}

impl std::error::Error for NnError {}

impl From<WeightsError> for NnError {
    fn from(e: WeightsError) -> Self {
        NnError::Weights(e)
    }
}

#[cfg(test)]
mod quoting {
    use super::*;

    #[test]
    fn long_names_are_cut_in_the_middle() {
        assert_eq!(quoted("conv1.0.weight"), "conv1.0.weight");
        let long = "x".repeat(10_000) + "end";
        let q = quoted(&long);
        assert_eq!(q.chars().count(), MAX_QUOTED);
        assert!(q.ends_with("end") && q.contains('…'));
        assert_eq!(
            WeightsError::Unexpected(long).quoted(),
            WeightsError::Unexpected(q)
        );
    }
}
