//! Every layer the app knows as one enum, as PyTorch names them: its description
//! ([`LayerConfig`]: enough to check shapes, count parameters and build it) and the built layer
//! ([`Layer`]: forward, backward and parameters), so a model is a plain list of them.

use super::activation::ReLU;
use super::conv::{Conv2d, Conv2dConfig};
use super::dropout::{Dropout, Mode};
use super::error::NnError;
use super::flatten::Flatten;
use super::init::NnRng;
use super::linear::{Linear, LinearConfig};
use super::param::Param;
use super::pool::{MaxPool2d, MaxPool2dConfig};
use ndarray::ArrayD;
use rand::Rng;

/// What a layer is, without its weights: enough to check shapes, count parameters and build it.
#[derive(Clone, Debug, PartialEq)]
pub enum LayerConfig {
    /// `nn.Conv2d`.
    Conv2d(Conv2dConfig),
    /// `nn.ReLU`.
    ReLU,
    /// `nn.MaxPool2d`.
    MaxPool2d(MaxPool2dConfig),
    /// `nn.Flatten(start_dim, end_dim)`.
    Flatten {
        /// First merged dimension.
        start_dim: isize,
        /// Last merged dimension.
        end_dim: isize,
    },
    /// `nn.Linear`.
    Linear(LinearConfig),
    /// `nn.Dropout(p)`.
    Dropout {
        /// Probability of zeroing a value.
        p: f32,
    },
}

impl LayerConfig {
    /// The PyTorch class name, e.g. `Conv2d`.
    pub fn kind(&self) -> &'static str {
        match self {
            LayerConfig::Conv2d(_) => "Conv2d",
            LayerConfig::ReLU => "ReLU",
            LayerConfig::MaxPool2d(_) => "MaxPool2d",
            LayerConfig::Flatten { .. } => "Flatten",
            LayerConfig::Linear(_) => "Linear",
            LayerConfig::Dropout { .. } => "Dropout",
        }
    }

    /// Output shape for `input` (batch first), or why the layer cannot take it.
    pub fn output_shape(&self, input: &[usize]) -> Result<Vec<usize>, NnError> {
        match self {
            LayerConfig::Conv2d(c) => c.output_shape(input),
            LayerConfig::MaxPool2d(c) => c.output_shape(input),
            LayerConfig::Flatten { start_dim, end_dim } => {
                Flatten::new(*start_dim, *end_dim).output_shape(input)
            }
            LayerConfig::Linear(c) => c.output_shape(input),
            LayerConfig::ReLU => Ok(input.to_vec()),
            LayerConfig::Dropout { p } => {
                if (0.0..1.0).contains(p) {
                    Ok(input.to_vec())
                } else {
                    Err(NnError::Probability(*p))
                }
            }
        }
    }

    /// Number of learnable scalars.
    pub fn num_params(&self) -> u64 {
        match self {
            LayerConfig::Conv2d(c) => c.num_params(),
            LayerConfig::Linear(c) => c.num_params(),
            _ => 0,
        }
    }

    /// Builds the layer with PyTorch's default initialisation drawn from `rng`.
    pub fn build(&self, rng: &mut NnRng) -> Result<Layer, NnError> {
        Ok(match self {
            LayerConfig::Conv2d(c) => Layer::Conv2d(c.init(rng)?),
            LayerConfig::ReLU => Layer::ReLU(ReLU::new()),
            LayerConfig::MaxPool2d(c) => Layer::MaxPool2d(c.init()?),
            LayerConfig::Flatten { start_dim, end_dim } => {
                Layer::Flatten(Flatten::new(*start_dim, *end_dim))
            }
            LayerConfig::Linear(c) => Layer::Linear(c.init(rng)?),
            LayerConfig::Dropout { p } => Layer::Dropout(Dropout::new(*p, rng.random())?),
        })
    }
}

/// A layer with its weights and the caches its backward pass needs.
#[derive(Clone, Debug)]
pub enum Layer {
    /// See [`Conv2d`].
    Conv2d(Conv2d),
    /// See [`ReLU`].
    ReLU(ReLU),
    /// See [`MaxPool2d`].
    MaxPool2d(MaxPool2d),
    /// See [`Flatten`].
    Flatten(Flatten),
    /// See [`Linear`].
    Linear(Linear),
    /// See [`Dropout`].
    Dropout(Dropout),
}

impl Layer {
    /// Forward pass (dropout follows `mode`) into the layer's own output buffer.
    pub fn forward(&mut self, x: &ArrayD<f32>, mode: Mode) -> &ArrayD<f32> {
        match self {
            Layer::Conv2d(l) => l.forward(x),
            Layer::ReLU(l) => l.forward(x),
            Layer::MaxPool2d(l) => l.forward(x),
            Layer::Flatten(l) => l.forward(x),
            Layer::Linear(l) => l.forward(x),
            Layer::Dropout(l) => l.forward(x, mode),
        }
    }

    /// The output of the last forward.
    pub fn output(&self) -> &ArrayD<f32> {
        match self {
            Layer::Conv2d(l) => l.output(),
            Layer::ReLU(l) => l.output(),
            Layer::MaxPool2d(l) => l.output(),
            Layer::Flatten(l) => l.output(),
            Layer::Linear(l) => l.output(),
            Layer::Dropout(l) => l.output(),
        }
    }

    /// Backward pass of the last forward: accumulates parameter gradients and returns `dL/dx`
    /// (an empty tensor from `Conv2d` and `Linear` when `input_grad` is false).
    pub fn backward(&mut self, grad: &ArrayD<f32>, input_grad: bool) -> &ArrayD<f32> {
        match self {
            Layer::Conv2d(l) => l.backward(grad, input_grad),
            Layer::ReLU(l) => l.backward(grad),
            Layer::MaxPool2d(l) => l.backward(grad),
            Layer::Flatten(l) => l.backward(grad),
            Layer::Linear(l) => l.backward(grad, input_grad),
            Layer::Dropout(l) => l.backward(grad),
        }
    }

    /// The input gradient of the last backward.
    pub(super) fn input_grad(&self) -> &ArrayD<f32> {
        match self {
            Layer::Conv2d(l) => l.input_grad(),
            Layer::ReLU(l) => l.input_grad(),
            Layer::MaxPool2d(l) => l.input_grad(),
            Layer::Flatten(l) => l.input_grad(),
            Layer::Linear(l) => l.input_grad(),
            Layer::Dropout(l) => l.input_grad(),
        }
    }

    /// The layer's parameters as `(suffix, param)`, suffix `weight` or `bias`, in PyTorch's order.
    pub fn params(&self) -> Vec<(&'static str, &Param)> {
        let (w, b) = match self {
            Layer::Conv2d(l) => (&l.weight, &l.bias),
            Layer::Linear(l) => (&l.weight, &l.bias),
            _ => return Vec::new(),
        };
        let mut out = vec![("weight", w)];
        if let Some(b) = b {
            out.push(("bias", b));
        }
        out
    }

    /// Mutable access to the parameters, in the order of [`Layer::params`].
    pub fn params_mut(&mut self) -> Vec<(&'static str, &mut Param)> {
        let (w, b) = match self {
            Layer::Conv2d(l) => (&mut l.weight, &mut l.bias),
            Layer::Linear(l) => (&mut l.weight, &mut l.bias),
            _ => return Vec::new(),
        };
        let mut out = vec![("weight", w)];
        if let Some(b) = b {
            out.push(("bias", b));
        }
        out
    }
}
