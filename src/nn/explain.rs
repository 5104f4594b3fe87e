//! Why did the model say 7? Explanations of one prediction, computed with the model's own
//! forward and backward passes (evaluation mode: Dropout is the identity).
//!
//! 1. **Saliency** (Simonyan, Vedaldi & Zisserman 2014, "Deep Inside Convolutional Networks"):
//!    the gradient of one class's logit with respect to the input pixels, and gradient × input.
//! 2. **Occlusion** (Zeiler & Fergus 2014, "Visualizing and Understanding Convolutional
//!    Networks"): a grey patch slid over the image, and the class's probability at each place.
//! 3. **Grad-CAM** (Selvaraju et al. 2017, "Grad-CAM: Visual Explanations from Deep Networks via
//!    Gradient-based Localization"): a convolution block's maps weighted by the class's mean
//!    gradient, upsampled to the input as `torch.nn.functional.interpolate` does.
//! 4. **The smallest change that flips it**: the fast gradient sign method (Goodfellow, Shlens &
//!    Szegedy 2015, "Explaining and Harnessing Adversarial Examples") and its iterative,
//!    projected version (Kurakin, Goodfellow & Bengio 2017, "Adversarial Examples in the
//!    Physical World"; Madry et al. 2018, "Towards Deep Learning Models Resistant to Adversarial
//!    Attacks"), and a bisection for the least ε that makes the model say a chosen digit. Every
//!    new prediction comes from a separate forward pass of the perturbed image.
//! 5. **What a filter looks for** (Erhan, Bengio, Courville & Vincent 2009, "Visualizing
//!    Higher-Layer Features of a Deep Network"): an input grown from grey by gradient ascent on
//!    one filter's mean response, the filter's weights, and the digits that excite it most.
//!
//! Every function takes the model and one grey image `x` of shape `[1, 1, H, W]` (28 × 28 for
//! MNIST, pixels from 0 to 1) and returns plain arrays. The heavy ones (occlusion, the attacks,
//! the filters' images) are also [`Job`]s, done a slice at a time ([`job`]); the functions run
//! the same job in one call. A shape other than one grey image is a
//! programmer error and panics; a class, layer, filter, patch or ε the model cannot answer for
//! is an [`NnError`]. Parameter gradients are left as they were: the backward passes here add
//! to them, and each function puts them back before it returns.

use super::activation::{argmax, softmax};
use super::dropout::Mode;
use super::error::{Field, NnError};
use super::layer::Layer;
use super::loss::{cross_entropy, logits_view};
use super::model::Sequential;
use super::shape::output_len;
use ndarray::{s, Array2, Array3, ArrayD, ArrayView2, Axis, Ix4, IxDyn};

pub mod job;
pub use job::{Job, Progress, Runner, Step};

/// The height and width of one grey image `[1, 1, H, W]`; panics on any other shape.
fn image_dims(x: &ArrayD<f32>) -> (usize, usize) {
    let s = x.shape();
    assert!(
        s.len() == 4 && s[0] == 1 && s[1] == 1,
        "explain: x must be one grey image of shape [1, 1, H, W], got {s:?}"
    );
    (s[2], s[3])
}

/// The `[H, W]` plane of a `[1, 1, H, W]` tensor.
fn plane(t: &ArrayD<f32>) -> Array2<f32> {
    t.slice(s![0, 0, .., ..]).to_owned()
}

/// Runs `f` and then restores every parameter gradient to what it was before.
fn keeping_grads<T>(
    model: &mut Sequential,
    f: impl FnOnce(&mut Sequential) -> Result<T, NnError>,
) -> Result<T, NnError> {
    let saved = model.flat_grads();
    let out = f(model);
    model.zero_grad();
    model
        .add_flat_grads(&saved)
        .expect("the same model has the same number of parameters");
    out
}

/// The logits of one image, `[classes]`.
fn logits(model: &mut Sequential, x: &ArrayD<f32>) -> Result<Vec<f32>, NnError> {
    let out = model.forward(x, Mode::Eval)?;
    Ok(logits_view(out)?.row(0).to_vec())
}

fn check_class(class: usize, classes: usize) -> Result<(), NnError> {
    if class >= classes {
        return Err(NnError::Class { class, classes });
    }
    Ok(())
}

/// Forward pass of `x`, then backward from `dlogit[class] = 1`: returns the number of classes;
/// every layer's cached gradients then belong to `logit[class]`.
fn backward_logit(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    class: usize,
    input_grad: bool,
) -> Result<ArrayD<f32>, NnError> {
    let out = model.forward(x, Mode::Eval)?;
    let classes = logits_view(out)?.ncols();
    check_class(class, classes)?;
    let mut seed = ArrayD::zeros(out.raw_dim());
    seed[[0, class]] = 1.0;
    if input_grad {
        model.backward(&seed);
    } else {
        model.backward_params(&seed);
    }
    Ok(seed)
}

/// Saliency (Simonyan et al. 2014): `S[i, j] = ∂ z_c / ∂ x[i, j]`, the gradient of the logit
/// `z_c` of `class` (before softmax) with respect to each input pixel, signed. A page shows
/// `|S|`; the sign says whether more ink there raises (+) or lowers (−) the class's logit.
///
/// # Shapes
/// `x: [1, 1, H, W] -> [H, W]`.
pub fn saliency(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    class: usize,
) -> Result<Array2<f32>, NnError> {
    image_dims(x);
    keeping_grads(model, |m| {
        backward_logit(m, x, class, true)?;
        Ok(plane(m.layers[0].input_grad()))
    })
}

/// Gradient × input: `x[i, j] · ∂ z_c / ∂ x[i, j]`, the saliency weighted by the ink that is
/// there (zero on blank background). For a model that is linear in `x` its sum is `z_c − z_c(0)`.
///
/// # Shapes
/// `x: [1, 1, H, W] -> [H, W]`.
pub fn gradient_times_input(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    class: usize,
) -> Result<Array2<f32>, NnError> {
    Ok(saliency(model, x, class)? * &plane(x))
}

/// The result of [`occlusion`].
#[derive(Clone, Debug, PartialEq)]
pub struct Occlusion {
    /// `p[r, c]`: the class's probability (softmax) with the patch's top-left corner at pixel
    /// `(r·stride, c·stride)`. `rows = ⌊(H − patch) / stride⌋ + 1`, likewise `cols`.
    pub probability: Array2<f32>,
    /// The class's probability for the image as it is.
    pub base: f32,
    /// `drop[i, j]`: the mean of `base − p[r, c]` over the positions whose patch covers pixel
    /// `(i, j)`, 0 where none does (the last pixels when the stride does not divide `H − patch`).
    pub drop: Array2<f32>,
    /// The patch's side in pixels.
    pub patch: usize,
    /// The step between positions in pixels.
    pub stride: usize,
    /// The value the patch's pixels are set to (0.5 grey, 0 blank).
    pub fill: f32,
}

/// Images forwarded at once by [`top_activating`].
const CHUNK: usize = 64;

/// Occlusion (Zeiler & Fergus 2014): for each position `(r, c)` of a `patch × patch` square,
/// stepping by `stride`, the pixels under it are set to `fill` and the model's softmax
/// probability of `class` is read: `p[r, c] = softmax(f(x with the patch at (r·stride,
/// c·stride)))[class]`. [`OcclusionJob`] in one call.
///
/// # Shapes
/// `x: [1, 1, H, W] -> probability: [⌊(H − patch)/stride⌋ + 1, ⌊(W − patch)/stride⌋ + 1]`,
/// `drop: [H, W]`.
pub fn occlusion(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    class: usize,
    patch: usize,
    stride: usize,
    fill: f32,
) -> Result<Occlusion, NnError> {
    OcclusionJob::new(model, x, class, patch, stride, fill)?.run(model)
}

/// [`occlusion`] one row of positions (one forward pass of that many images) per unit of
/// work; its [`Progress`] counts positions.
#[derive(Clone, Debug)]
pub struct OcclusionJob {
    x: ArrayD<f32>,
    class: usize,
    patch: usize,
    stride: usize,
    fill: f32,
    /// The class's probability without a patch.
    base: f32,
    rows: usize,
    cols: usize,
    /// `p` of the positions done, in row-major order.
    probs: Vec<f32>,
    finished: bool,
}

impl OcclusionJob {
    /// Checks the request and reads the class's probability without a patch.
    pub fn new(
        model: &mut Sequential,
        x: &ArrayD<f32>,
        class: usize,
        patch: usize,
        stride: usize,
        fill: f32,
    ) -> Result<OcclusionJob, NnError> {
        let (h, w) = image_dims(x);
        assert!(fill.is_finite(), "explain: occlusion fill {fill}");
        if patch == 0 || patch > h.min(w) {
            return Err(NnError::Patch {
                patch,
                side: h.min(w),
            });
        }
        if stride == 0 {
            return Err(NnError::Zero(Field::Stride));
        }
        let z = logits(model, x)?;
        check_class(class, z.len())?;
        let base = softmax(ArrayView2::from_shape((1, z.len()), &z).expect("one row"))[[0, class]];
        let positions =
            |side| output_len(side, patch, stride, 0, 1).expect("patch fits, stride ≥ 1");
        let (rows, cols) = (positions(h), positions(w));
        Ok(OcclusionJob {
            x: x.clone(),
            class,
            patch,
            stride,
            fill,
            base,
            rows,
            cols,
            probs: Vec::with_capacity(rows * cols),
            finished: false,
        })
    }

    /// The top-left corner of position `k` (row-major).
    fn place(&self, k: usize) -> (usize, usize) {
        ((k / self.cols) * self.stride, (k % self.cols) * self.stride)
    }

    /// The result, from every position's probability.
    fn result(&mut self) -> Occlusion {
        self.finished = true;
        let (h, w) = image_dims(&self.x);
        let probs = std::mem::take(&mut self.probs);
        let probability =
            Array2::from_shape_vec((self.rows, self.cols), probs).expect("one per place");
        let mut sum = Array2::<f32>::zeros((h, w));
        let mut count = Array2::<f32>::zeros((h, w));
        for (k, &p) in probability.iter().enumerate() {
            let (top, left) = self.place(k);
            let window = s![top..top + self.patch, left..left + self.patch];
            sum.slice_mut(window).mapv_inplace(|v| v + (self.base - p));
            count.slice_mut(window).mapv_inplace(|v| v + 1.0);
        }
        let drop =
            ndarray::Zip::from(&sum)
                .and(&count)
                .map_collect(|&s, &n| if n > 0.0 { s / n } else { 0.0 });
        Occlusion {
            probability,
            base: self.base,
            drop,
            patch: self.patch,
            stride: self.stride,
            fill: self.fill,
        }
    }
}

impl Job for OcclusionJob {
    type Output = Occlusion;

    fn step(
        &mut self,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<Occlusion>, NnError> {
        assert!(
            !self.finished,
            "explain: a finished occlusion stepped again"
        );
        let (h, w) = image_dims(&self.x);
        let total = self.rows * self.cols;
        loop {
            let from = self.probs.len();
            let to = (from + self.cols).min(total);
            let mut batch = ArrayD::zeros(IxDyn(&[to - from, 1, h, w]));
            for k in from..to {
                let (top, left) = self.place(k);
                let mut img = batch.slice_mut(s![k - from, 0, .., ..]);
                img.assign(&self.x.slice(s![0, 0, .., ..]));
                img.slice_mut(s![top..top + self.patch, left..left + self.patch])
                    .fill(self.fill);
            }
            let out = model.forward(&batch, Mode::Eval)?;
            let p = softmax(logits_view(out)?);
            self.probs.extend(p.column(self.class).iter().copied());
            if self.probs.len() == total {
                return Ok(Step::Done(self.result()));
            }
            if !more() {
                return Ok(Step::Going(self.progress()));
            }
        }
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.probs.len(),
            total: self.rows * self.cols,
        }
    }
}

/// The indices of every `Conv2d` in `model.layers`, in order; a page offers these for Grad-CAM
/// and the filter views, with the last as the default.
pub fn conv_layers(model: &Sequential) -> Vec<usize> {
    model
        .layers
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l, Layer::Conv2d(_)))
        .map(|(i, _)| i)
        .collect()
}

/// The convolution block of `layer` (a `Conv2d`, or the `ReLU` right after one): the index of
/// the `Conv2d` and of the layer whose output is the block's activation (its `ReLU`, or the
/// convolution itself when no ReLU follows). Panics on an index past the model's layers.
pub fn conv_block(model: &Sequential, layer: usize) -> Result<(usize, usize), NnError> {
    let layers = &model.layers;
    assert!(
        layer < layers.len(),
        "explain: layer {layer} of a model with {} layers",
        layers.len()
    );
    let is_relu = |i: usize| matches!(layers.get(i), Some(Layer::ReLU(_)));
    match &layers[layer] {
        Layer::Conv2d(_) if is_relu(layer + 1) => Ok((layer, layer + 1)),
        Layer::Conv2d(_) => Ok((layer, layer)),
        Layer::ReLU(_) if layer > 0 && matches!(layers[layer - 1], Layer::Conv2d(_)) => {
            Ok((layer - 1, layer))
        }
        _ => Err(NnError::NotConv {
            index: layer + 1,
            kind: model.config().layers[layer].config.kind().into(),
        }),
    }
}

/// The result of [`grad_cam`].
#[derive(Clone, Debug, PartialEq)]
pub struct GradCam {
    /// Index of the block's `Conv2d` in `model.layers`.
    pub conv: usize,
    /// Index of the layer whose output `A` was used (the block's ReLU, as Selvaraju et al.).
    pub activation: usize,
    /// `α_k`, one per channel of `A`.
    pub weights: Vec<f32>,
    /// `ReLU(Σ_k α_k A_k)` at the layer's resolution, `[h, w]`, not normalised.
    pub map: Array2<f32>,
    /// `map` upsampled bilinearly to the input's `[H, W]` ([`upsample_bilinear`]).
    pub upsampled: Array2<f32>,
}

/// Grad-CAM (Selvaraju et al. 2017) on the convolution block of `layer` (a `Conv2d` or the ReLU
/// right after it; see [`conv_block`]). `A` is the block's activation **after its ReLU** (the
/// rectified feature maps, as in the paper), `z_c` the logit of `class`:
///
/// `α_k = (1 / hw) Σ_ij ∂ z_c / ∂ A_k[i, j]`,  `map = ReLU(Σ_k α_k A_k)`,
///
/// then `upsampled = interpolate(map, size=(H, W), mode='bilinear', align_corners=False)`.
///
/// # Shapes
/// `x: [1, 1, H, W]`, `A: [1, K, h, w] -> map: [h, w]`, `upsampled: [H, W]`, `weights: [K]`.
pub fn grad_cam(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    class: usize,
    layer: usize,
) -> Result<GradCam, NnError> {
    let (h, w) = image_dims(x);
    let (conv, activation) = conv_block(model, layer)?;
    keeping_grads(model, |m| {
        let seed = backward_logit(m, x, class, false)?;
        let a = m.layers[activation]
            .output()
            .view()
            .into_dimensionality::<Ix4>()
            .expect("a convolution's output is [N, C, H, W]");
        let grad = match m.layers.get(activation + 1) {
            Some(next) => next.input_grad(),
            None => &seed,
        };
        let da = grad
            .view()
            .into_dimensionality::<Ix4>()
            .expect("its gradient has its shape");
        let weights: Vec<f32> = da
            .index_axis(Axis(0), 0)
            .outer_iter()
            .map(|g| g.mean().expect("a map has cells"))
            .collect();
        let a = a.index_axis(Axis(0), 0);
        let mut map = Array2::<f32>::zeros((a.shape()[1], a.shape()[2]));
        for (ak, &alpha) in a.outer_iter().zip(&weights) {
            map.scaled_add(alpha, &ak);
        }
        map.mapv_inplace(|v| v.max(0.0));
        let upsampled = upsample_bilinear(map.view(), (h, w));
        Ok(GradCam {
            conv,
            activation,
            weights,
            map,
            upsampled,
        })
    })
}

/// Bilinear resampling of `map` to `size`, exactly as
/// `torch.nn.functional.interpolate(map, size, mode='bilinear', align_corners=False)`: output
/// pixel `i` reads the input at `src = max(0, (i + ½)·(in / out) − ½)`, between
/// `i0 = ⌊src⌋` and `i1 = min(i0 + 1, in − 1)` with weights `1 − λ` and `λ = src − i0`, along
/// each axis.
///
/// # Shapes
/// `map: [h, w] -> [size.0, size.1]`.
pub fn upsample_bilinear(map: ArrayView2<f32>, size: (usize, usize)) -> Array2<f32> {
    let (ih, iw) = map.dim();
    assert!(
        ih > 0 && iw > 0 && size.0 > 0 && size.1 > 0,
        "upsample_bilinear: empty map or size"
    );
    // One axis: (i0, i1, λ) for every output index, as PyTorch's area_pixel_compute_source_index.
    let axis = |inp: usize, out: usize| -> Vec<(usize, usize, f32)> {
        let scale = inp as f32 / out as f32;
        (0..out)
            .map(|i| {
                let src = (scale * (i as f32 + 0.5) - 0.5).max(0.0);
                let i0 = (src as usize).min(inp - 1);
                let i1 = (i0 + 1).min(inp - 1);
                (i0, i1, src - i0 as f32)
            })
            .collect()
    };
    let (ys, xs) = (axis(ih, size.0), axis(iw, size.1));
    Array2::from_shape_fn(size, |(r, c)| {
        let (y0, y1, ly) = ys[r];
        let (x0, x1, lx) = xs[c];
        (1.0 - ly) * ((1.0 - lx) * map[[y0, x0]] + lx * map[[y0, x1]])
            + ly * ((1.0 - lx) * map[[y1, x0]] + lx * map[[y1, x1]])
    })
}

/// An adversarial example and what the model makes of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Adversarial {
    /// The perturbed image `x'`, pixels in `[0, 1]`, `[H, W]`.
    pub image: Array2<f32>,
    /// `x' − x`, the change actually applied (after clipping to `[0, 1]`).
    pub delta: Array2<f32>,
    /// The bound ε asked for: `‖x' − x‖∞ ≤ ε`.
    pub eps: f32,
    /// `‖x' − x‖∞ = max |δ|`.
    pub linf: f32,
    /// `‖x' − x‖₂ = √(Σ δ²)`.
    pub l2: f32,
    /// The model's class for `x`.
    pub before: usize,
    /// The digit asked for, or `None` for "anything but `before`".
    pub target: Option<usize>,
    /// The model's class for `x'`, from a forward pass of `x'`.
    pub prediction: usize,
    /// `softmax(f(x'))`, from the same forward pass.
    pub probabilities: Vec<f32>,
    /// Gradient steps taken (1 for FGSM; fewer than asked when the attack succeeded early).
    pub steps: usize,
}

impl Adversarial {
    /// Whether it worked: the model says `target`, or (untargeted) no longer says `before`.
    pub fn flipped(&self) -> bool {
        match self.target {
            Some(t) => self.prediction == t,
            None => self.prediction != self.before,
        }
    }
}

fn check_eps(eps: f32) -> Result<(), NnError> {
    if !(0.0..=1.0).contains(&eps) {
        return Err(NnError::Epsilon(eps));
    }
    Ok(())
}

/// The model's class of one image.
fn predict(model: &mut Sequential, x: &ArrayD<f32>) -> Result<usize, NnError> {
    let out = model.forward(x, Mode::Eval)?;
    Ok(argmax(logits_view(out)?)[0])
}

/// `sign(∇ₓ L)` of the cross-entropy `L = −log softmax(f(x))[label]`, with `sign(0) = 0` as
/// `torch.sign`; also the model's class of `x` from the same forward pass.
fn loss_gradient_sign(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    label: usize,
) -> Result<(ArrayD<f32>, usize), NnError> {
    let out = model.forward(x, Mode::Eval)?;
    let z = logits_view(out)?;
    check_class(label, z.ncols())?;
    let class = argmax(z)[0];
    let (_, grad) = cross_entropy(z, &[label]);
    let g = model.backward(&grad.into_dyn());
    Ok((g.mapv(|v| if v == 0.0 { 0.0 } else { v.signum() }), class))
}

/// Builds the result from `x` and `x'` with a fresh forward pass of `x'`.
fn finish(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    adv: ArrayD<f32>,
    eps: f32,
    before: usize,
    target: Option<usize>,
    steps: usize,
) -> Result<Adversarial, NnError> {
    let z = logits(model, &adv)?;
    let view = ArrayView2::from_shape((1, z.len()), &z).expect("one row");
    let probabilities = softmax(view).row(0).to_vec();
    let prediction = argmax(view)[0];
    let image = plane(&adv);
    let delta = &image - &plane(x);
    Ok(Adversarial {
        linf: delta.iter().fold(0.0f32, |m, d| m.max(d.abs())),
        l2: delta.iter().map(|d| d * d).sum::<f32>().sqrt(),
        image,
        delta,
        eps,
        before,
        target,
        prediction,
        probabilities,
        steps,
    })
}

/// The label whose loss an attack follows, and the sign it moves along: untargeted, up the loss
/// of the model's own class `before` (+1); targeted, down the loss of `target` (−1).
fn attack_direction(target: Option<usize>, before: usize) -> (usize, f32) {
    match target {
        Some(t) => (t, -1.0),
        None => (before, 1.0),
    }
}

/// Fast gradient sign method (Goodfellow et al. 2015), one step of size `eps`, `L` the
/// cross-entropy:
///
/// - untargeted (`target = None`): `x' = clip₀¹(x + ε·sign(∇ₓ L(x, y)))` with `y` the model's
///   own class for `x` (a drawing has no true label), pushing away from it;
/// - targeted: `x' = clip₀¹(x − ε·sign(∇ₓ L(x, target)))`, pulling towards `target`.
///
/// The new prediction comes from a separate forward pass of `x'`.
///
/// # Shapes
/// `x: [1, 1, H, W] -> image, delta: [H, W]`.
pub fn fgsm(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    target: Option<usize>,
    eps: f32,
) -> Result<Adversarial, NnError> {
    image_dims(x);
    check_eps(eps)?;
    keeping_grads(model, |m| {
        let before = predict(m, x)?;
        let (label, dir) = attack_direction(target, before);
        let (sign, _) = loss_gradient_sign(m, x, label)?;
        let adv = (x + &(sign * (dir * eps))).mapv(|v| v.clamp(0.0, 1.0));
        finish(m, x, adv, eps, before, target, 1)
    })
}

/// The iterative, projected FGSM (Kurakin et al. 2017; Madry et al. 2018's PGD without the
/// random start): from `x₀ = x`,
///
/// `x_{t+1} = clip_[0,1] ∩ [x−ε, x+ε] ( x_t ± step·sign(∇ₓ L(x_t, y)) )`
///
/// with the sign and label of [`fgsm`], for at most `steps` steps, stopping as soon as the
/// model says `target` (or, untargeted, anything but its first class). [`AttackJob`] in one
/// call.
///
/// # Shapes
/// `x: [1, 1, H, W] -> image, delta: [H, W]`.
pub fn iterative(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    target: Option<usize>,
    eps: f32,
    step: f32,
    steps: usize,
) -> Result<Adversarial, NnError> {
    AttackJob::new(model, x, target, eps, step, steps)?.run(model)
}

/// [`iterative`] one gradient step per unit of work; its [`Progress`] counts steps.
#[derive(Clone, Debug)]
pub struct AttackJob {
    x: ArrayD<f32>,
    target: Option<usize>,
    eps: f32,
    step: f32,
    steps: usize,
    /// The model's class for `x`.
    before: usize,
    /// The label whose loss the attack follows, and the sign it moves along.
    label: usize,
    dir: f32,
    /// The box each pixel must stay in: `[x − ε, x + ε] ∩ [0, 1]`.
    lo: ArrayD<f32>,
    hi: ArrayD<f32>,
    /// `x_t`, after `taken` steps.
    adv: ArrayD<f32>,
    taken: usize,
    finished: bool,
}

impl AttackJob {
    /// Checks the request and reads the model's class for `x`.
    pub fn new(
        model: &mut Sequential,
        x: &ArrayD<f32>,
        target: Option<usize>,
        eps: f32,
        step: f32,
        steps: usize,
    ) -> Result<AttackJob, NnError> {
        image_dims(x);
        check_eps(eps)?;
        if !(step > 0.0 && step.is_finite()) {
            return Err(NnError::StepSize(step));
        }
        let z = logits(model, x)?;
        let before = argmax(ArrayView2::from_shape((1, z.len()), &z).expect("one row"))[0];
        let (label, dir) = attack_direction(target, before);
        check_class(label, z.len())?;
        Ok(AttackJob {
            x: x.clone(),
            target,
            eps,
            step,
            steps,
            before,
            label,
            dir,
            lo: x.mapv(|v| (v - eps).max(0.0)),
            hi: x.mapv(|v| (v + eps).min(1.0)),
            adv: x.clone(),
            taken: 0,
            finished: false,
        })
    }

    /// Whether the model's answer `class` is what the attack wants.
    fn succeeded(&self, class: usize) -> bool {
        match self.target {
            Some(t) => class == t,
            None => class != self.before,
        }
    }
}

impl Job for AttackJob {
    type Output = Adversarial;

    fn step(
        &mut self,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<Adversarial>, NnError> {
        assert!(!self.finished, "explain: a finished attack stepped again");
        keeping_grads(model, |m| loop {
            if self.taken < self.steps {
                let (sign, class) = loss_gradient_sign(m, &self.adv, self.label)?;
                if !self.succeeded(class) {
                    let (dir, step) = (self.dir, self.step);
                    ndarray::Zip::from(&mut self.adv)
                        .and(&sign)
                        .and(&self.lo)
                        .and(&self.hi)
                        .for_each(|a, &g, &l, &h| *a = (*a + dir * step * g).clamp(l, h));
                    self.taken += 1;
                    if self.taken < self.steps && !more() {
                        return Ok(Step::Going(self.progress()));
                    }
                    continue;
                }
            }
            self.finished = true;
            let adv = std::mem::take(&mut self.adv);
            let (before, target, taken) = (self.before, self.target, self.taken);
            return finish(m, &self.x, adv, self.eps, before, target, taken).map(Step::Done);
        })
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.taken,
            total: self.steps,
        }
    }
}

/// The settings of [`smallest_flip`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlipSearch {
    /// The largest ε tried.
    pub max_eps: f32,
    /// Steps of [`iterative`] for each ε; its step size is `2.5·ε / steps` (Madry et al.).
    pub steps: usize,
    /// Halvings of the interval: the answer is within `max_eps / 2^bisections` of the least ε
    /// that works for this attack.
    pub bisections: usize,
}

impl Default for FlipSearch {
    /// ε up to 0.3 (the MNIST budget of Madry et al.), 20 steps, 8 halvings (ε to ±0.0012).
    fn default() -> Self {
        FlipSearch {
            max_eps: 0.3,
            steps: 20,
            bisections: 8,
        }
    }
}

/// The smallest change that flips it: bisection over ε in `[0, max_eps]` with [`iterative`]
/// (step `2.5·ε / steps`), keeping the smallest ε whose attack made the model say `target`
/// (untargeted: anything but its class). `None` when even `max_eps` does not. Success need not
/// be monotone in ε for a network, so this is the least ε found, not a proven minimum.
/// [`FlipJob`] in one call.
pub fn smallest_flip(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    target: Option<usize>,
    search: FlipSearch,
) -> Result<Option<Adversarial>, NnError> {
    FlipJob::new(model, x, target, search)?.run(model)
}

/// [`smallest_flip`] one gradient step per unit of work; its [`Progress`] counts the values of
/// ε tried (`1 + bisections` in all, or 1 when `max_eps` does not flip it).
#[derive(Clone, Debug)]
pub struct FlipJob {
    x: ArrayD<f32>,
    target: Option<usize>,
    search: FlipSearch,
    /// The attack at the ε being tried.
    probe: AttackJob,
    /// Values of ε tried to the end.
    tried: usize,
    /// The bisection's interval: `hi` flips it, `lo` did not.
    lo: f32,
    hi: f32,
    best: Option<Adversarial>,
}

impl FlipJob {
    /// Checks the request and starts the attack at `max_eps`.
    pub fn new(
        model: &mut Sequential,
        x: &ArrayD<f32>,
        target: Option<usize>,
        search: FlipSearch,
    ) -> Result<FlipJob, NnError> {
        check_eps(search.max_eps)?;
        Ok(FlipJob {
            probe: Self::attack(model, x, target, search, search.max_eps)?,
            x: x.clone(),
            target,
            search,
            tried: 0,
            lo: 0.0,
            hi: search.max_eps,
            best: None,
        })
    }

    fn attack(
        model: &mut Sequential,
        x: &ArrayD<f32>,
        target: Option<usize>,
        search: FlipSearch,
        eps: f32,
    ) -> Result<AttackJob, NnError> {
        let steps = search.steps.max(1);
        let step = (2.5 * eps / steps as f32).max(f32::MIN_POSITIVE);
        AttackJob::new(model, x, target, eps, step, steps)
    }

    /// The ε being tried.
    pub fn eps(&self) -> f32 {
        self.probe.eps
    }
}

impl Job for FlipJob {
    type Output = Option<Adversarial>;

    fn step(
        &mut self,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<Option<Adversarial>>, NnError> {
        loop {
            let Step::Done(a) = self.probe.step(model, more)? else {
                return Ok(Step::Going(self.progress()));
            };
            self.tried += 1;
            if self.tried == 1 && !a.flipped() {
                return Ok(Step::Done(None));
            }
            if a.flipped() {
                self.hi = a.eps;
                self.best = Some(a);
            } else {
                self.lo = a.eps;
            }
            if self.tried > self.search.bisections {
                return Ok(Step::Done(self.best.take()));
            }
            let mid = 0.5 * (self.lo + self.hi);
            self.probe = Self::attack(model, &self.x, self.target, self.search, mid)?;
            if !more() {
                return Ok(Step::Going(self.progress()));
            }
        }
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.tried,
            total: 1 + self.search.bisections,
        }
    }
}

/// The `Conv2d` of a block and a checked filter index.
fn conv_filter(model: &Sequential, layer: usize, filter: usize) -> Result<usize, NnError> {
    let (conv, _) = conv_block(model, layer)?;
    let Layer::Conv2d(c) = &model.layers[conv] else {
        unreachable!("conv_block returns a Conv2d")
    };
    let filters = c.weight.value.shape()[0];
    if filter >= filters {
        return Err(NnError::Filter { filter, filters });
    }
    Ok(conv)
}

/// The weights of one filter of the block of `layer`: `W[filter]`.
///
/// # Shapes
/// `-> [C_in, kH, kW]`.
pub fn filter_weights(
    model: &Sequential,
    layer: usize,
    filter: usize,
) -> Result<Array3<f32>, NnError> {
    let conv = conv_filter(model, layer, filter)?;
    let Layer::Conv2d(c) = &model.layers[conv] else {
        unreachable!("conv_filter returns a Conv2d")
    };
    Ok(c.weight
        .value
        .index_axis(Axis(0), filter)
        .to_owned()
        .into_dimensionality()
        .expect("a conv weight is [C_out, C_in, kH, kW]"))
}

/// A filter's response to `x`: the mean over the map of channel `filter` of the block's
/// convolution output **before** its ReLU, `r(x) = (1 / hw) Σ_ij Z_filter[i, j]` (before the
/// ReLU so that a filter silent on grey still has a gradient to climb).
pub fn filter_response(
    model: &mut Sequential,
    x: &ArrayD<f32>,
    layer: usize,
    filter: usize,
) -> Result<f32, NnError> {
    image_dims(x);
    let conv = conv_filter(model, layer, filter)?;
    model.forward(x, Mode::Eval)?;
    Ok(model.layers[conv]
        .output()
        .slice(s![0, filter, .., ..])
        .mean()
        .expect("a map has cells"))
}

/// The result of [`filter_image`].
#[derive(Clone, Debug, PartialEq)]
pub struct FilterImage {
    /// The grown input, pixels in `[0, 1]`, `[H, W]`.
    pub image: Array2<f32>,
    /// [`filter_response`] of the grey start.
    pub start: f32,
    /// [`filter_response`] of `image`.
    pub end: f32,
    /// Steps taken.
    pub steps: usize,
}

/// What a filter looks for (Erhan et al. 2009): gradient ascent on [`filter_response`] from a
/// grey image (`x₀ = 0.5` everywhere, the model's input size), each step
///
/// `x ← clip_[0,1]( ½ + (1 − l2)·(x + lr·g / max|g| − ½) )`,  `g = ∇ₓ r(x)`,
///
/// so `lr` is the largest change one step makes to a pixel, and `l2` pulls every pixel back
/// towards grey by that fraction (L2 decay, as Yosinski et al. 2015 regularise), which keeps
/// only the strokes that matter. [`FilterImageJob`] in one call.
///
/// # Shapes
/// `-> image: [H, W]` of the model's input.
pub fn filter_image(
    model: &mut Sequential,
    layer: usize,
    filter: usize,
    steps: usize,
    lr: f32,
    l2: f32,
) -> Result<FilterImage, NnError> {
    FilterImageJob::new(model, layer, filter, Ascent { steps, lr, l2 })?.run(model)
}

/// The settings of the gradient ascent of [`filter_image`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ascent {
    /// Steps taken (fewer if the gradient vanishes).
    pub steps: usize,
    /// The largest change of a pixel in one step.
    pub lr: f32,
    /// The pull back to grey in each step, in `[0, 1)`.
    pub l2: f32,
}

/// [`filter_image`] one ascent step per unit of work; its [`Progress`] counts steps.
#[derive(Clone, Debug)]
pub struct FilterImageJob {
    layer: usize,
    filter: usize,
    conv: usize,
    ascent: Ascent,
    /// The image grown so far, `[1, 1, H, W]`.
    x: ArrayD<f32>,
    start: f32,
    taken: usize,
    finished: bool,
}

impl FilterImageJob {
    /// Checks the request and reads the filter's response to grey.
    pub fn new(
        model: &mut Sequential,
        layer: usize,
        filter: usize,
        ascent: Ascent,
    ) -> Result<FilterImageJob, NnError> {
        if !(ascent.lr > 0.0 && ascent.lr.is_finite()) {
            return Err(NnError::StepSize(ascent.lr));
        }
        assert!(
            (0.0..1.0).contains(&ascent.l2),
            "explain: L2 decay {} outside [0, 1)",
            ascent.l2
        );
        let conv = conv_filter(model, layer, filter)?;
        let mut shape = vec![1];
        shape.extend_from_slice(&model.config().input);
        let x = ArrayD::from_elem(IxDyn(&shape), 0.5f32);
        image_dims(&x);
        let start = filter_response(model, &x, layer, filter)?;
        Ok(FilterImageJob {
            layer,
            filter,
            conv,
            ascent,
            x,
            start,
            taken: 0,
            finished: false,
        })
    }

    /// [`Job::step`] without putting the parameter gradients back (the caller does, once for
    /// all the steps of a slice: for one ascent step, saving and restoring them cost about half
    /// as much as the step).
    fn advance(
        &mut self,
        m: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<FilterImage>, NnError> {
        assert!(!self.finished, "explain: a finished ascent stepped again");
        while self.taken < self.ascent.steps {
            if !self.climb(m)? {
                break;
            }
            self.taken += 1;
            if self.taken < self.ascent.steps && !more() {
                return Ok(Step::Going(self.progress()));
            }
        }
        self.finished = true;
        Ok(Step::Done(FilterImage {
            image: plane(&self.x),
            start: self.start,
            end: filter_response(m, &self.x, self.layer, self.filter)?,
            steps: self.ascent.steps,
        }))
    }

    /// One ascent step; false (and nothing changed) when the gradient is 0 everywhere.
    fn climb(&mut self, m: &mut Sequential) -> Result<bool, NnError> {
        let Ascent { lr, l2, .. } = self.ascent;
        m.forward(&self.x, Mode::Eval)?;
        let out = m.layers[self.conv].output();
        let (h, w) = (out.shape()[2], out.shape()[3]);
        let mut g = ArrayD::zeros(out.raw_dim());
        g.slice_mut(s![0, self.filter, .., ..])
            .fill(1.0 / (h * w) as f32);
        for i in (0..=self.conv).rev() {
            g = m.layers[i].backward(&g, true).clone();
        }
        let top = g.iter().fold(0.0f32, |a, v| a.max(v.abs()));
        if top == 0.0 {
            return Ok(false);
        }
        ndarray::Zip::from(&mut self.x)
            .and(&g)
            .for_each(|v, &d| *v = (0.5 + (1.0 - l2) * (*v + lr * d / top - 0.5)).clamp(0.0, 1.0));
        Ok(true)
    }
}

impl Job for FilterImageJob {
    type Output = FilterImage;

    fn step(
        &mut self,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<FilterImage>, NnError> {
        keeping_grads(model, |m| self.advance(m, more))
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.taken,
            total: self.ascent.steps,
        }
    }
}

/// The digits that excite a filter most: for each image (`H·W` pixels, row-major, from 0 to
/// 1), the largest value of channel `filter` of the block's convolution output before ReLU,
/// `max_ij Z_filter[i, j]`; returns the `k` largest as `(index in images, value)`, largest
/// first (the lower index first on ties).
pub fn top_activating(
    model: &mut Sequential,
    layer: usize,
    filter: usize,
    images: &[&[f32]],
    k: usize,
) -> Result<Vec<(usize, f32)>, NnError> {
    let conv = conv_filter(model, layer, filter)?;
    let mut scores = vec![Vec::with_capacity(images.len())];
    for chunk in images.chunks(CHUNK) {
        peaks(model, conv, filter..filter + 1, chunk, &mut scores)?;
    }
    Ok(ranked(scores.pop().expect("one filter"), k))
}

/// Appends to `scores[f − first]`, for each filter `f` of `filters`, `max_ij Z_f[i, j]` of each
/// image of `images` (one forward pass of them all).
fn peaks(
    model: &mut Sequential,
    conv: usize,
    filters: std::ops::Range<usize>,
    images: &[&[f32]],
    scores: &mut [Vec<f32>],
) -> Result<(), NnError> {
    let input = model.config().input.clone();
    let pixels: usize = input.iter().product();
    let mut shape = vec![images.len()];
    shape.extend_from_slice(&input);
    let mut flat = Vec::with_capacity(images.len() * pixels);
    for img in images {
        assert_eq!(img.len(), pixels, "top_activating: pixels per image");
        flat.extend_from_slice(img);
    }
    let batch = ArrayD::from_shape_vec(IxDyn(&shape), flat).expect("sizes checked");
    model.forward(&batch, Mode::Eval)?;
    let out = model.layers[conv].output();
    for (f, list) in filters.zip(scores.iter_mut()) {
        for n in 0..images.len() {
            let map = out.slice(s![n, f, .., ..]);
            list.push(map.fold(f32::NEG_INFINITY, |a, &v| a.max(v)));
        }
    }
    Ok(())
}

/// The `k` largest scores as `(index, score)`, largest first, the lower index first on ties.
fn ranked(scores: Vec<f32>, k: usize) -> Vec<(usize, f32)> {
    let mut ranked: Vec<(usize, f32)> = scores.into_iter().enumerate().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(k);
    ranked
}

/// What one filter looks for, as the filters view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterView {
    /// [`filter_image`] of the filter.
    pub image: FilterImage,
    /// [`filter_weights`] of the filter, `[C_in, kH, kW]`.
    pub weights: Array3<f32>,
    /// [`top_activating`] of the filter over the job's images.
    pub top: Vec<(usize, f32)>,
}

/// Images of [`FiltersJob`] forwarded in one unit of work.
const PEAK_CHUNK: usize = 8;

/// The filters view's whole computation: for the first `shown` filters of a layer, the
/// [`FilterView`] (grown image, weights, the `top` images of `images` that excite it most). A
/// unit of work is one forward pass of a few of the images or one ascent step; its
/// [`Progress`] counts filters.
#[derive(Clone, Debug)]
pub struct FiltersJob {
    layer: usize,
    conv: usize,
    ascent: Ascent,
    images: Vec<Vec<f32>>,
    top: usize,
    /// `scores[f]`: the largest response of filter `f` to each image read so far (taken once
    /// the filter is done).
    scores: Vec<Vec<f32>>,
    /// Images read.
    read: usize,
    /// The ascent of the filter being grown.
    growing: Option<FilterImageJob>,
    done: Vec<FilterView>,
    finished: bool,
}

impl FiltersJob {
    /// Checks the layer; at most as many filters as it has are shown.
    pub fn new(
        model: &Sequential,
        layer: usize,
        shown: usize,
        ascent: Ascent,
        images: Vec<Vec<f32>>,
        top: usize,
    ) -> Result<FiltersJob, NnError> {
        let conv = conv_filter(model, layer, 0)?;
        let Layer::Conv2d(c) = &model.layers[conv] else {
            unreachable!("conv_filter returns a Conv2d")
        };
        let shown = shown.min(c.weight.value.shape()[0]);
        Ok(FiltersJob {
            layer,
            conv,
            ascent,
            scores: vec![Vec::with_capacity(images.len()); shown],
            images,
            read: 0,
            top,
            growing: None,
            done: Vec::with_capacity(shown),
            finished: false,
        })
    }

    /// One unit of work; the result once every filter is done.
    fn unit(&mut self, m: &mut Sequential) -> Result<Option<Vec<FilterView>>, NnError> {
        let shown = self.scores.len();
        if self.read < self.images.len() {
            let end = (self.read + PEAK_CHUNK).min(self.images.len());
            let chunk: Vec<&[f32]> = self.images[self.read..end]
                .iter()
                .map(Vec::as_slice)
                .collect();
            peaks(m, self.conv, 0..shown, &chunk, &mut self.scores)?;
            self.read = end;
            return Ok(None);
        }
        let filter = self.done.len();
        if shown == 0 {
            self.finished = true;
            return Ok(Some(Vec::new()));
        }
        let growing = match &mut self.growing {
            Some(g) => g,
            None => self
                .growing
                .insert(FilterImageJob::new(m, self.layer, filter, self.ascent)?),
        };
        if let Step::Done(image) = growing.advance(m, &mut || false)? {
            self.growing = None;
            self.done.push(FilterView {
                image,
                weights: filter_weights(m, self.layer, filter)?,
                top: ranked(std::mem::take(&mut self.scores[filter]), self.top),
            });
            if self.done.len() == shown {
                self.finished = true;
                return Ok(Some(std::mem::take(&mut self.done)));
            }
        }
        Ok(None)
    }
}

impl Job for FiltersJob {
    type Output = Vec<FilterView>;

    fn step(
        &mut self,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<Vec<FilterView>>, NnError> {
        assert!(
            !self.finished,
            "explain: a finished filters job stepped again"
        );
        keeping_grads(model, |m| loop {
            if let Some(out) = self.unit(m)? {
                return Ok(Step::Done(out));
            }
            if !more() {
                return Ok(Step::Going(self.progress()));
            }
        })
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.done.len(),
            total: self.scores.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::ModelConfig;

    fn model() -> Sequential {
        ModelConfig::seed().build(3).unwrap()
    }

    fn digit() -> ArrayD<f32> {
        // A plus sign of ink on a blank 28×28 image.
        let mut x = ArrayD::zeros(IxDyn(&[1, 1, 28, 28]));
        x.slice_mut(s![0, 0, 8..20, 13..15]).fill(1.0);
        x.slice_mut(s![0, 0, 13..15, 8..20]).fill(1.0);
        x
    }

    #[test]
    fn upsample_matches_hand_worked_pytorch_values() {
        // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4),
        // mode='bilinear', align_corners=False)[0, 0, 0] == [0, 0.25, 0.75, 1]; row 1 adds 0.5.
        let m = ndarray::arr2(&[[0.0f32, 1.0], [2.0, 3.0]]);
        let up = upsample_bilinear(m.view(), (4, 4));
        assert_eq!(up.row(0).to_vec(), vec![0.0, 0.25, 0.75, 1.0]);
        assert_eq!(up.row(1).to_vec(), vec![0.5, 0.75, 1.25, 1.5]);
        assert_eq!(up.row(3).to_vec(), vec![2.0, 2.25, 2.75, 3.0]);
        // Same size is the identity.
        assert_eq!(upsample_bilinear(m.view(), (2, 2)), m);
    }

    #[test]
    fn bad_requests_are_errors_and_leave_gradients_alone() {
        let mut m = model();
        let x = digit();
        assert_eq!(
            saliency(&mut m, &x, 10).unwrap_err(),
            NnError::Class {
                class: 10,
                classes: 10
            }
        );
        assert_eq!(
            grad_cam(&mut m, &x, 0, 2).unwrap_err(),
            NnError::NotConv {
                index: 3,
                kind: "MaxPool2d".into()
            }
        );
        assert_eq!(
            occlusion(&mut m, &x, 0, 29, 1, 0.5).unwrap_err(),
            NnError::Patch {
                patch: 29,
                side: 28
            }
        );
        assert_eq!(
            occlusion(&mut m, &x, 0, 4, 0, 0.5).unwrap_err(),
            NnError::Zero(Field::Stride)
        );
        assert_eq!(
            fgsm(&mut m, &x, None, 1.5).unwrap_err(),
            NnError::Epsilon(1.5)
        );
        assert_eq!(
            iterative(&mut m, &x, Some(3), 0.1, 0.0, 5).unwrap_err(),
            NnError::StepSize(0.0)
        );
        assert_eq!(
            filter_weights(&m, 3, 32).unwrap_err(),
            NnError::Filter {
                filter: 32,
                filters: 32
            }
        );
        assert_eq!(conv_layers(&m), vec![0, 3]);
        assert_eq!(conv_block(&m, 4).unwrap(), (3, 4));

        // Parameter gradients a training step had accumulated survive every explanation.
        m.parameters_mut()[0].grad.fill(0.25);
        let before = m.flat_grads();
        saliency(&mut m, &x, 3).unwrap();
        grad_cam(&mut m, &x, 3, 3).unwrap();
        fgsm(&mut m, &x, Some(1), 0.1).unwrap();
        filter_image(&mut m, 0, 2, 3, 0.1, 0.01).unwrap();
        assert_eq!(m.flat_grads(), before);
    }

    #[test]
    fn gradient_times_input_is_zero_off_the_ink() {
        let mut m = model();
        let x = digit();
        let s = saliency(&mut m, &x, 4).unwrap();
        let gi = gradient_times_input(&mut m, &x, 4).unwrap();
        assert_eq!(gi[[0, 0]], 0.0);
        assert_ne!(s[[10, 13]], 0.0);
        assert_eq!(gi[[10, 13]], s[[10, 13]]);
        assert_eq!(s.dim(), (28, 28));
    }

    #[test]
    fn top_activating_ranks_by_the_largest_response() {
        let mut m = model();
        let blank = vec![0.0f32; 784];
        let plus: Vec<f32> = digit().iter().copied().collect();
        let full = vec![1.0f32; 784];
        let images: Vec<&[f32]> = vec![&blank, &plus, &full];
        let all = top_activating(&mut m, 0, 5, &images, 3).unwrap();
        assert_eq!(all.len(), 3);
        assert!(all.windows(2).all(|w| w[0].1 >= w[1].1));
        // Each score is the map's maximum, as a forward pass of that image alone shows.
        for &(i, score) in &all {
            let x = ArrayD::from_shape_vec(IxDyn(&[1, 1, 28, 28]), images[i].to_vec()).unwrap();
            m.forward(&x, Mode::Eval).unwrap();
            let map = m.layers[0].output().slice(s![0, 5, .., ..]).to_owned();
            assert_eq!(score, map.fold(f32::NEG_INFINITY, |a, &v| a.max(v)));
        }
        assert_eq!(top_activating(&mut m, 1, 5, &images, 1).unwrap(), all[..1]);
    }
}
