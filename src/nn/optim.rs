//! Optimisers with PyTorch's update rules and defaults: SGD (momentum, weight decay) and Adam.

use super::param::Param;
use ndarray::{ArrayD, Zip};

/// `torch.optim.SGD(lr, momentum, weight_decay)` (dampening 0, not Nesterov).
///
/// `g = ∇ + wd·θ;  b = g (first step) or μ·b + g;  θ = θ − lr·b` (without momentum, `b = g`).
#[derive(Clone, Debug)]
pub struct Sgd {
    /// Learning rate.
    pub lr: f32,
    /// Momentum μ (0 turns it off).
    pub momentum: f32,
    /// L2 penalty added to the gradient.
    pub weight_decay: f32,
    buffers: Vec<ArrayD<f32>>,
    started: bool,
}

impl Sgd {
    /// SGD with the given hyper-parameters.
    pub fn new(lr: f32, momentum: f32, weight_decay: f32) -> Self {
        Sgd {
            lr,
            momentum,
            weight_decay,
            buffers: Vec::new(),
            started: false,
        }
    }

    /// One update of every parameter from its gradient.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        if self.buffers.len() != params.len() {
            self.buffers = params
                .iter()
                .map(|p| ArrayD::zeros(p.value.raw_dim()))
                .collect();
            self.started = false;
        }
        let (lr, mu, wd, first) = (self.lr, self.momentum, self.weight_decay, !self.started);
        for (p, buf) in params.iter_mut().zip(&mut self.buffers) {
            let Param { value, grad } = &mut **p;
            Zip::from(value).and(&*grad).and(buf).for_each(|w, &g, b| {
                let g = g + wd * *w;
                let step = if mu == 0.0 {
                    g
                } else {
                    *b = if first { g } else { mu * *b + g };
                    *b
                };
                *w -= lr * step;
            });
        }
        self.started = true;
    }
}

/// `torch.optim.Adam(lr, betas=(0.9, 0.999), eps=1e-8, weight_decay)`:
///
/// `g = ∇ + wd·θ;  m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;`
/// `θ = θ − (lr / (1−β₁ᵗ)) · m / (sqrt(v) / sqrt(1−β₂ᵗ) + ε)`.
#[derive(Clone, Debug)]
pub struct Adam {
    /// Learning rate.
    pub lr: f32,
    /// Decay of the first moment.
    pub beta1: f32,
    /// Decay of the second moment.
    pub beta2: f32,
    /// Added to the denominator for stability.
    pub eps: f32,
    /// L2 penalty added to the gradient (PyTorch's Adam, not AdamW).
    pub weight_decay: f32,
    t: i32,
    m: Vec<ArrayD<f32>>,
    v: Vec<ArrayD<f32>>,
}

impl Adam {
    /// Adam with PyTorch's defaults and learning rate `lr`.
    pub fn new(lr: f32) -> Self {
        Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: 0.0,
            t: 0,
            m: Vec::new(),
            v: Vec::new(),
        }
    }

    /// Sets the weight decay.
    pub fn weight_decay(mut self, wd: f32) -> Self {
        self.weight_decay = wd;
        self
    }

    /// Number of steps taken.
    pub fn steps(&self) -> i32 {
        self.t
    }

    /// One update of every parameter from its gradient.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        if self.m.len() != params.len() {
            self.m = params
                .iter()
                .map(|p| ArrayD::zeros(p.value.raw_dim()))
                .collect();
            self.v = self.m.clone();
        }
        self.t += 1;
        let (b1, b2, eps, wd) = (self.beta1, self.beta2, self.eps, self.weight_decay);
        let bc1 = 1.0 - b1.powi(self.t);
        let bc2_sqrt = (1.0 - b2.powi(self.t)).sqrt();
        let step = self.lr / bc1;
        for ((p, m), v) in params.iter_mut().zip(&mut self.m).zip(&mut self.v) {
            let Param { value, grad } = &mut **p;
            Zip::from(value)
                .and(&*grad)
                .and(m)
                .and(v)
                .for_each(|w, &g, m, v| {
                    let g = g + wd * *w;
                    *m = b1 * *m + (1.0 - b1) * g;
                    *v = b2 * *v + (1.0 - b2) * g * g;
                    *w -= step * *m / (v.sqrt() / bc2_sqrt + eps);
                });
        }
    }
}

/// Either optimiser, for code that lets the learner choose.
#[derive(Clone, Debug)]
pub enum Optimizer {
    /// See [`Sgd`].
    Sgd(Sgd),
    /// See [`Adam`].
    Adam(Adam),
}

impl Optimizer {
    /// One update of every parameter from its gradient.
    pub fn step(&mut self, params: &mut [&mut Param]) {
        match self {
            Optimizer::Sgd(o) => o.step(params),
            Optimizer::Adam(o) => o.step(params),
        }
    }

    /// The learning rate.
    pub fn lr(&self) -> f32 {
        match self {
            Optimizer::Sgd(o) => o.lr,
            Optimizer::Adam(o) => o.lr,
        }
    }

    /// Changes the learning rate (for schedules); the optimiser's state is kept.
    pub fn set_lr(&mut self, lr: f32) {
        match self {
            Optimizer::Sgd(o) => o.lr = lr,
            Optimizer::Adam(o) => o.lr = lr,
        }
    }
}
