//! `Linear`: a fully connected layer, `y = x·Wᵀ + b`.

use super::error::{Field, NnError};
use super::init::{default_bound, uniform, NnRng};
use super::param::{ensure_shape, Param};
use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayD, Ix1, Ix2, IxDyn};

/// Hyper-parameters of `torch.nn.Linear`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinearConfig {
    /// Size of each input vector.
    pub in_features: usize,
    /// Size of each output vector.
    pub out_features: usize,
    /// Whether a bias is added.
    pub bias: bool,
}

impl LinearConfig {
    /// `nn.Linear(in_features, out_features)` with a bias.
    pub fn new(in_features: usize, out_features: usize) -> Self {
        LinearConfig {
            in_features,
            out_features,
            bias: true,
        }
    }

    /// Checks the sizes that must be at least 1.
    pub fn validate(&self) -> Result<(), NnError> {
        if self.in_features == 0 {
            return Err(NnError::Zero(Field::InFeatures));
        }
        if self.out_features == 0 {
            return Err(NnError::Zero(Field::OutFeatures));
        }
        Ok(())
    }

    /// Number of learnable scalars: `in·out + out` (the last term only with a bias), in 64 bits,
    /// saturating (see [`Conv2dConfig::num_params`](super::Conv2dConfig::num_params)).
    pub fn num_params(&self) -> u64 {
        let (i, o) = (self.in_features as u64, self.out_features as u64);
        i.saturating_mul(o)
            .saturating_add(if self.bias { o } else { 0 })
    }

    /// # Shapes
    /// `input: [N, in_features] -> output: [N, out_features]`.
    pub fn output_shape(&self, input: &[usize]) -> Result<Vec<usize>, NnError> {
        self.validate()?;
        if input.len() != 2 {
            return Err(NnError::Rank {
                expected: 2,
                got: input.len(),
            });
        }
        if input[1] != self.in_features {
            return Err(NnError::Features {
                expected: self.in_features,
                got: input[1],
            });
        }
        Ok(vec![input[0], self.out_features])
    }

    /// Builds the layer with PyTorch's default initialisation (uniform in `±1/sqrt(in_features)`).
    pub fn init(&self, rng: &mut NnRng) -> Result<Linear, NnError> {
        self.validate()?;
        let bound = default_bound(self.in_features);
        let weight = Param::new(uniform(&[self.out_features, self.in_features], bound, rng));
        let bias = self
            .bias
            .then(|| Param::new(uniform(&[self.out_features], bound, rng)));
        Ok(Linear {
            config: *self,
            weight,
            bias,
            input: ArrayD::zeros(IxDyn(&[0, self.in_features])),
            out: ArrayD::zeros(IxDyn(&[0])),
            dx: ArrayD::zeros(IxDyn(&[0])),
        })
    }
}

/// A fully connected layer.
#[derive(Clone, Debug)]
pub struct Linear {
    /// The configuration it was built from.
    pub config: LinearConfig,
    /// Weight `(out_features, in_features)`, PyTorch's layout.
    pub weight: Param,
    /// Bias `(out_features)`, if any.
    pub bias: Option<Param>,
    input: ArrayD<f32>,
    out: ArrayD<f32>,
    dx: ArrayD<f32>,
}

impl Linear {
    /// The output of the last forward pass.
    pub fn output(&self) -> &ArrayD<f32> {
        &self.out
    }

    /// The input gradient of the last backward pass.
    pub fn input_grad(&self) -> &ArrayD<f32> {
        &self.dx
    }

    /// `y = x·Wᵀ + b`, into the layer's own output buffer.
    ///
    /// # Shapes
    /// `x: [N, in_features] -> [N, out_features]`.
    pub fn forward(&mut self, x: &ArrayD<f32>) -> &ArrayD<f32> {
        let shape = self
            .config
            .output_shape(x.shape())
            .unwrap_or_else(|e| panic!("Linear::forward on input {:?}: {e}", x.shape()));
        self.input.clone_from(x);
        let x2 = x.view().into_dimensionality::<Ix2>().expect("rank 2");
        let w = self
            .weight
            .value
            .view()
            .into_dimensionality::<Ix2>()
            .expect("weight rank 2");
        ensure_shape(&mut self.out, &shape);
        let mut y2 = self
            .out
            .view_mut()
            .into_dimensionality::<Ix2>()
            .expect("rank 2");
        match &self.bias {
            Some(b) => y2.assign(
                &b.value
                    .view()
                    .into_dimensionality::<Ix1>()
                    .expect("bias rank 1"),
            ),
            None => y2.fill(0.0),
        }
        general_mat_mul(1.0, &x2, &w.t(), 1.0, &mut y2);
        &self.out
    }

    /// Accumulates `dW = dyᵀ·x`, `db = Σ_n dy` and, when `input_grad` is set, returns
    /// `dx = dy·W` (otherwise an empty tensor).
    ///
    /// # Shapes
    /// `grad: [N, out_features] -> [N, in_features]`.
    pub fn backward(&mut self, grad: &ArrayD<f32>, input_grad: bool) -> &ArrayD<f32> {
        let gy = grad
            .view()
            .into_dimensionality::<Ix2>()
            .expect("Linear::backward: rank 2");
        let x = self
            .input
            .view()
            .into_dimensionality::<Ix2>()
            .expect("rank 2");
        let w = self
            .weight
            .value
            .view()
            .into_dimensionality::<Ix2>()
            .expect("rank 2");
        let mut dw = self
            .weight
            .grad
            .view_mut()
            .into_dimensionality::<Ix2>()
            .expect("rank 2");
        general_mat_mul(1.0, &gy.t(), &x, 1.0, &mut dw);
        if let Some(b) = &mut self.bias {
            for (bg, col) in b.grad.iter_mut().zip(gy.columns()) {
                *bg += col.sum();
            }
        }
        if input_grad {
            ensure_shape(&mut self.dx, self.input.shape());
            let mut dx2 = self
                .dx
                .view_mut()
                .into_dimensionality::<Ix2>()
                .expect("rank 2");
            general_mat_mul(1.0, &gy, &w, 0.0, &mut dx2);
        } else {
            ensure_shape(&mut self.dx, &[0]);
        }
        &self.dx
    }
}
