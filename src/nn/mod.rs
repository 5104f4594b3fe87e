//! The numeric core: a small CNN library on `ndarray` whose numbers equal PyTorch's.
//!
//! Tensors are `ndarray::ArrayD<f32>` in NCHW order. Each layer has a config (validated, knows
//! its output shape and parameter count), a `forward` that caches what its `backward` needs, and a
//! `backward` that accumulates parameter gradients and returns the input gradient. Nothing here
//! knows about the web.

pub mod activation;
pub mod arch;
pub mod conv;
pub mod dropout;
pub mod error;
pub mod explain;
pub mod flatten;
pub mod init;
pub mod io;
pub mod layer;
pub mod linear;
pub mod loss;
pub mod model;
pub mod optim;
pub mod param;
pub mod pool;
pub mod reference;
pub mod shape;
pub mod summary;

pub use activation::{argmax, classify, log_softmax, softmax, ReLU, Softmax};
pub use conv::{Conv2d, Conv2dConfig};
pub use dropout::{Dropout, Mode};
pub use error::{Extent, Field, NnError, WeightsError};
pub use flatten::Flatten;
pub use layer::{Layer, LayerConfig};
pub use linear::{Linear, LinearConfig};
pub use loss::{cross_entropy, logits_view};
pub use model::{ModelConfig, NamedLayerConfig, Sequential};
pub use optim::{Adam, Optimizer, Sgd};
pub use param::Param;
pub use pool::{MaxPool2d, MaxPool2dConfig};
pub use shape::{output_len, Window};
pub use summary::{Summary, SummaryRow};
