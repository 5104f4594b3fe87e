//! The `Sequential` model: a model description ([`ModelConfig`], with the seed MNIST model) and
//! the model built from it, with its forward and backward passes over every layer.

use super::conv::Conv2dConfig;
use super::dropout::Mode;
use super::error::{Field, NnError};
use super::init::rng;
use super::layer::{Layer, LayerConfig};
use super::linear::LinearConfig;
use super::loss::{cross_entropy_into, logits_view};
use super::optim::Optimizer;
use super::param::Param;
use super::pool::MaxPool2dConfig;
use ndarray::{Array2, ArrayD};

/// One layer of a model description, with its PyTorch module path (e.g. `conv1.0`).
#[derive(Clone, Debug, PartialEq)]
pub struct NamedLayerConfig {
    /// Module path in the PyTorch class; parameters are saved as `<name>.weight` / `<name>.bias`.
    pub name: String,
    /// The layer.
    pub config: LayerConfig,
}

impl NamedLayerConfig {
    /// The layer `config` under the module path `name`.
    pub fn new(name: impl Into<String>, config: LayerConfig) -> Self {
        NamedLayerConfig {
            name: name.into(),
            config,
        }
    }
}

/// A whole model without weights: the input shape of one sample and the layers in order.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelConfig {
    /// Shape of one input sample, e.g. `[1, 28, 28]`.
    pub input: Vec<usize>,
    /// The layers, applied in order.
    pub layers: Vec<NamedLayerConfig>,
}

impl ModelConfig {
    /// The seed MNIST model, with the module names of its PyTorch class:
    ///
    /// ```text
    /// conv1 = Sequential(Conv2d(1, 16, 3), ReLU(), MaxPool2d(2, 2, padding=1))
    /// conv2 = Sequential(Conv2d(16, 32, 3), ReLU(), MaxPool2d(2, 2, padding=1))
    /// classifier = Sequential(Flatten(), Linear(1568, 32), ReLU(), Dropout(0.3), Linear(32, 10))
    /// ```
    pub fn seed() -> Self {
        let pool = LayerConfig::MaxPool2d(MaxPool2dConfig::new((2, 2)).padding((1, 1)));
        let named = NamedLayerConfig::new;
        ModelConfig {
            input: vec![1, 28, 28],
            layers: vec![
                named(
                    "conv1.0",
                    LayerConfig::Conv2d(Conv2dConfig::new(1, 16, (3, 3))),
                ),
                named("conv1.1", LayerConfig::ReLU),
                named("conv1.2", pool.clone()),
                named(
                    "conv2.0",
                    LayerConfig::Conv2d(Conv2dConfig::new(16, 32, (3, 3))),
                ),
                named("conv2.1", LayerConfig::ReLU),
                named("conv2.2", pool),
                named(
                    "classifier.0",
                    LayerConfig::Flatten {
                        start_dim: 1,
                        end_dim: -1,
                    },
                ),
                named(
                    "classifier.1",
                    LayerConfig::Linear(LinearConfig::new(1568, 32)),
                ),
                named("classifier.2", LayerConfig::ReLU),
                named("classifier.3", LayerConfig::Dropout { p: 0.3 }),
                named(
                    "classifier.4",
                    LayerConfig::Linear(LinearConfig::new(32, 10)),
                ),
            ],
        }
    }

    /// The output shape of every layer for a batch of `batch`, or the first layer that cannot
    /// take what reaches it (named by its 1-based position and type).
    pub fn shapes(&self, batch: usize) -> Result<Vec<Vec<usize>>, NnError> {
        if batch == 0 {
            return Err(NnError::Zero(Field::Batch));
        }
        let mut shape: Vec<usize> = std::iter::once(batch)
            .chain(self.input.iter().copied())
            .collect();
        let mut out = Vec::with_capacity(self.layers.len());
        for (i, l) in self.layers.iter().enumerate() {
            shape = l
                .config
                .output_shape(&shape)
                .map_err(|e| NnError::InLayer {
                    index: i + 1,
                    kind: l.config.kind().into(),
                    source: Box::new(e),
                })?;
            out.push(shape.clone());
        }
        Ok(out)
    }

    /// Total number of learnable scalars.
    pub fn num_params(&self) -> u64 {
        self.layers
            .iter()
            .fold(0u64, |n, l| n.saturating_add(l.config.num_params()))
    }

    /// Checks every shape, then builds the model with weights drawn from `seed`.
    pub fn build(&self, seed: u64) -> Result<Sequential, NnError> {
        self.shapes(1)?;
        let mut r = rng(seed);
        let layers = self
            .layers
            .iter()
            .enumerate()
            .map(|(i, l)| {
                l.config.build(&mut r).map_err(|e| NnError::InLayer {
                    index: i + 1,
                    kind: l.config.kind().into(),
                    source: Box::new(e),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Sequential {
            config: self.clone(),
            layers,
        })
    }
}

/// Layers applied one after another, like `torch.nn.Sequential`.
#[derive(Clone, Debug)]
pub struct Sequential {
    config: ModelConfig,
    /// The layers, in the order of `config().layers`.
    pub layers: Vec<Layer>,
}

impl Sequential {
    /// The description this model was built from.
    pub fn config(&self) -> &ModelConfig {
        &self.config
    }

    fn check_input(&self, x: &ArrayD<f32>) -> Result<(), NnError> {
        let shape = x.shape();
        if shape.len() != self.config.input.len() + 1 {
            return Err(NnError::Rank {
                expected: self.config.input.len() + 1,
                got: shape.len(),
            });
        }
        if shape[0] == 0 {
            return Err(NnError::Zero(Field::Batch));
        }
        if shape[1] != self.config.input[0] {
            return Err(NnError::Channels {
                expected: self.config.input[0],
                got: shape[1],
            });
        }
        // Other sizes may differ from the configured ones as long as every layer still fits.
        let mut cfg = self.config.clone();
        cfg.input = shape[1..].to_vec();
        cfg.shapes(shape[0]).map(|_| ())
    }

    /// Forward pass through every layer; the result lives in the last layer's buffer, and no
    /// layer allocates once the batch shape has been seen.
    ///
    /// # Shapes
    /// `x: [N, …input] -> [N, …output of the last layer]` (logits for the seed model: `[N, 10]`).
    pub fn forward(&mut self, x: &ArrayD<f32>, mode: Mode) -> Result<&ArrayD<f32>, NnError> {
        self.check_input(x)?;
        for i in 0..self.layers.len() {
            let (done, rest) = self.layers.split_at_mut(i);
            let input = done.last().map_or(x, |l| l.output());
            rest[0].forward(input, mode);
        }
        Ok(self.layers.last().expect("a model has layers").output())
    }

    /// Forward pass in evaluation mode that returns a copy of every layer's output, for feature maps.
    pub fn forward_trace(&mut self, x: &ArrayD<f32>) -> Result<Vec<ArrayD<f32>>, NnError> {
        self.forward(x, Mode::Eval)?;
        Ok(self.layers.iter().map(|l| l.output().clone()).collect())
    }

    fn backward_through(&mut self, grad: &ArrayD<f32>, input_grad: bool) {
        let n = self.layers.len();
        for i in (0..n).rev() {
            let (head, tail) = self.layers.split_at_mut(i + 1);
            let g = tail.first().map_or(grad, |l| l.input_grad());
            head[i].backward(g, i > 0 || input_grad);
        }
    }

    /// Backward pass of the last forward: accumulates every parameter gradient and returns
    /// `dL/dx` for the input.
    pub fn backward(&mut self, grad: &ArrayD<f32>) -> &ArrayD<f32> {
        self.backward_through(grad, true);
        self.layers[0].input_grad()
    }

    /// Backward pass for training: accumulates every parameter gradient but skips the gradient
    /// with respect to the input images, which nothing uses (PyTorch skips it too).
    pub fn backward_params(&mut self, grad: &ArrayD<f32>) {
        self.backward_through(grad, false);
    }

    /// One optimisation step on a batch: forward in training mode, mean cross-entropy, backward
    /// (without the input gradient), `opt.step`. `grad` is a reusable `[N, classes]` buffer.
    /// Returns the loss before the step.
    pub fn train_step(
        &mut self,
        x: &ArrayD<f32>,
        labels: &[usize],
        opt: &mut Optimizer,
        grad: &mut Array2<f32>,
    ) -> Result<f32, NnError> {
        self.zero_grad();
        let loss = self.accumulate_gradients(x, labels, 1.0, grad)?;
        opt.step(&mut self.parameters_mut());
        Ok(loss)
    }

    /// Forward in training mode, mean cross-entropy over `labels`, backward: adds `weight ×` the
    /// loss's gradient to every parameter's gradient, without zeroing first and without an
    /// update. A batch split into shares, each weighted by its fraction of the batch, adds up
    /// to the gradient of the whole batch; that is how helper workers share a step. Returns the
    /// share's mean loss.
    pub fn accumulate_gradients(
        &mut self,
        x: &ArrayD<f32>,
        labels: &[usize],
        weight: f32,
        grad: &mut Array2<f32>,
    ) -> Result<f32, NnError> {
        let logits = self.forward(x, Mode::Train)?;
        let logits = logits_view(logits)?;
        if grad.dim() != logits.dim() {
            *grad = Array2::zeros(logits.dim());
        }
        let loss = cross_entropy_into(logits, labels, grad);
        if weight != 1.0 {
            grad.mapv_inplace(|g| g * weight);
        }
        let g = std::mem::take(grad).into_dyn();
        self.backward_params(&g);
        *grad = g.into_dimensionality().expect("rank 2");
        Ok(loss)
    }

    /// Every parameter's value, one after another in [`Sequential::named_parameters`] order.
    pub fn flat_values(&self) -> Vec<f32> {
        self.named_parameters()
            .iter()
            .flat_map(|(_, p)| p.value.iter().copied())
            .collect()
    }

    /// Every parameter's gradient, in the order of [`Sequential::flat_values`].
    pub fn flat_grads(&self) -> Vec<f32> {
        self.named_parameters()
            .iter()
            .flat_map(|(_, p)| p.grad.iter().copied())
            .collect()
    }

    /// Sets every parameter's value from [`Sequential::flat_values`] of a model of the same
    /// architecture; refuses a vector of another length and then changes nothing.
    pub fn set_flat_values(&mut self, values: &[f32]) -> Result<(), NnError> {
        self.check_flat(values)?;
        let mut rest = values;
        for p in self.parameters_mut() {
            let (head, tail) = rest.split_at(p.len());
            p.value.iter_mut().zip(head).for_each(|(v, &x)| *v = x);
            rest = tail;
        }
        Ok(())
    }

    /// Adds [`Sequential::flat_grads`] of another copy of this model to the gradients.
    pub fn add_flat_grads(&mut self, grads: &[f32]) -> Result<(), NnError> {
        self.check_flat(grads)?;
        let mut rest = grads;
        for p in self.parameters_mut() {
            let (head, tail) = rest.split_at(p.len());
            p.grad.iter_mut().zip(head).for_each(|(g, &x)| *g += x);
            rest = tail;
        }
        Ok(())
    }

    fn check_flat(&self, v: &[f32]) -> Result<(), NnError> {
        let expected = self.num_params();
        if v.len() != expected {
            return Err(NnError::ParamCount {
                expected,
                got: v.len(),
            });
        }
        Ok(())
    }

    /// Sets the probability of every Dropout layer (weights are untouched), so a run can
    /// continue from a model with another dropout setting. `p` must lie in `[0, 1)`.
    pub fn set_dropout(&mut self, p: f32) -> Result<(), NnError> {
        if !(0.0..1.0).contains(&p) {
            return Err(NnError::Probability(p));
        }
        for (cfg, layer) in self.config.layers.iter_mut().zip(&mut self.layers) {
            if let (LayerConfig::Dropout { p: q }, Layer::Dropout(d)) = (&mut cfg.config, layer) {
                *q = p;
                d.p = p;
            }
        }
        Ok(())
    }

    /// Parameters with their `state_dict` names (`conv1.0.weight`, …), in PyTorch's order.
    pub fn named_parameters(&self) -> Vec<(String, &Param)> {
        self.config
            .layers
            .iter()
            .zip(&self.layers)
            .flat_map(|(c, l)| {
                l.params()
                    .into_iter()
                    .map(move |(s, p)| (format!("{}.{s}", c.name), p))
            })
            .collect()
    }

    /// Mutable parameters in the order of [`Sequential::named_parameters`]; optimisers use this.
    pub fn parameters_mut(&mut self) -> Vec<&mut Param> {
        self.layers
            .iter_mut()
            .flat_map(|l| l.params_mut().into_iter().map(|(_, p)| p))
            .collect()
    }

    /// Zeroes every gradient (`optimizer.zero_grad()`).
    pub fn zero_grad(&mut self) {
        for p in self.parameters_mut() {
            p.zero_grad();
        }
    }

    /// Whether every parameter is a finite number (a diverged update makes some NaN or ±∞).
    pub fn all_finite(&self) -> bool {
        self.named_parameters()
            .iter()
            .all(|(_, p)| p.value.iter().all(|v| v.is_finite()))
    }

    /// Total number of learnable scalars.
    pub fn num_params(&self) -> usize {
        self.named_parameters().iter().map(|(_, p)| p.len()).sum()
    }
}
