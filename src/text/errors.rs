//! Why something was refused or failed, in either language: the core's errors
//! ([`NnError`], [`WeightsError`], [`DataError`]) and the worker link's ([`WorkerError`],
//! [`LoadError`]) are data; this is the one place that turns them into sentences. Names taken
//! from a file are cut ([`quoted`]) and go through [`fill`], which never reads them as
//! templates.

use super::{fill, text};
use crate::data::mnist::TEST_SIZE;
use crate::data::DataError;
use crate::lang::Lang;
use crate::nn::arch::ArchField;
use crate::nn::error::{quoted, ArchProblem, Damage, Extent, Field};
use crate::nn::summary::group_thousands;
use crate::nn::{NnError, WeightsError};
use crate::train::protocol::{LoadError, WorkerError};
use crate::train::Setting;
use std::fmt;

table! {
    /// Every sentence of an impossible layer, model or weights file.
    pub struct ErrorText {
        /// A size that must be at least 1 is 0; {field} names it ([`Field`]).
        zero {
            en: "{field} must be at least 1, not 0.",
            ko: "{field|은} 0이 될 수 없고 1 이상이어야 합니다.",
        }
        /// The name of `in_channels` in [`zero`](Self::zero).
        field_in_channels { en: "The number of input channels", ko: "입력 채널 수" }
        /// The name of `out_channels`.
        field_out_channels { en: "The number of output channels", ko: "출력 채널 수" }
        /// The name of a kernel size.
        field_kernel { en: "The kernel size", ko: "커널 크기" }
        /// The name of a stride.
        field_stride { en: "The stride", ko: "스트라이드" }
        /// The name of a dilation.
        field_dilation { en: "The dilation", ko: "팽창" }
        /// The name of `in_features`.
        field_in_features { en: "in_features", ko: "in_features(입력 특징 수)" }
        /// The name of `out_features`.
        field_out_features { en: "out_features", ko: "out_features(출력 특징 수)" }
        /// The name of the batch size.
        field_batch { en: "The batch size", ko: "배치 크기" }
        /// The window is larger than the padded input: {kernel} like 5×5, {dilation} empty or
        /// [`with_dilation`](Self::with_dilation), {span} and {padded} like 9×9.
        kernel_too_large {
            en: "A {kernel} kernel{dilation} spans {span}, but the padded input is only {padded}.",
            ko: "{dilation}{kernel} 커널은 {span} 영역을 덮지만, 패딩을 더한 입력은 {padded}뿐입니다.",
        }
        /// The dilation in [`kernel_too_large`](Self::kernel_too_large); {d} is 2 or (2, 3).
        with_dilation { en: " with dilation {d}", ko: "팽창이 {d}인 " }
        /// Pool padding over half the kernel; {padding} and {most} like (2, 2), {kernel} like 3×3.
        pool_padding {
            en: "Padding {padding} is more than half of the {kernel} pooling kernel; PyTorch allows at most {most}.",
            ko: "패딩 {padding|은} {kernel} 풀링 커널의 절반보다 큽니다. PyTorch는 최대 {most}까지만 허용합니다.",
        }
        /// The input has other channels than the layer expects.
        channels {
            en: "The layer expects {expected} input channels, but the input has {got}.",
            ko: "이 층에는 입력 채널이 {expected}개 필요하지만, 들어온 입력의 채널은 {got}개입니다.",
        }
        /// A linear layer's in_features differs from what reaches it.
        features {
            en: "The linear layer has in_features = {expected}, but {got} values reach it after flattening.",
            ko: "선형 층의 in_features는 {expected}인데, 평탄화 후 들어오는 값은 {got}개입니다.",
        }
        /// A tensor of the wrong rank.
        rank {
            en: "The layer needs a {expected}-dimensional tensor, but got {got} dimensions.",
            ko: "이 층은 {expected}차원 텐서가 필요하지만 {got}차원이 들어왔습니다.",
        }
        /// A dropout probability outside [0, 1); {p} the value.
        probability {
            en: "The dropout probability must be at least 0 and below 1, not {p}.",
            ko: "드롭아웃 확률은 0 이상 1 미만이어야 하는데, 지금 값은 {p}입니다.",
        }
        /// An error inside a model's layer; {layer} like Conv2d-4, {e} the layer's error.
        in_layer { en: "Layer {layer}: {e}", ko: "{layer} 층: {e}" }
        /// Too many parameters for a tab.
        too_many_params {
            en: "This model has {params} parameters; a browser tab trains at most {max}. Use fewer filters or a narrower hidden layer.",
            ko: "이 모델의 파라미터는 {params}개입니다. 브라우저 탭에서는 {max}개까지만 학습할 수 있으니 필터 수나 은닉 유닛 수를 줄여 보세요.",
        }
        /// Too much memory per worker; {mib} and {max} in MiB.
        too_much_memory {
            en: "Training this model would take about {mib} MiB in each worker; a browser tab allows {max} MiB. Use fewer filters, more pooling or a smaller padding.",
            ko: "이 모델을 학습하려면 워커마다 메모리가 약 {mib} MiB 필요한데, 브라우저 탭에서는 {max} MiB까지만 쓸 수 있습니다. 필터 수를 줄이거나 풀링을 늘리거나 패딩을 줄여 보세요.",
        }
        /// A padded side past what the machine counts; {input} {padding} the side and padding,
        /// {most} the count (usize::MAX).
        overflow_padded {
            en: "An input side of {input} with padding {padding} on both sides passes {most}, the most cells this machine can count.",
            ko: "입력 한 변({input})에 양쪽 패딩({padding})을 더하면 이 기기가 셀 수 있는 최대치 {most}칸을 넘습니다.",
        }
        /// A kernel's span past what the machine counts.
        overflow_span {
            en: "A kernel of {kernel} with dilation {dilation} spans more than {most} cells, the most this machine can count.",
            ko: "커널 크기({kernel})와 팽창({dilation})으로 덮는 영역이 이 기기가 셀 수 있는 최대치 {most}칸을 넘습니다.",
        }
        /// A tensor with more values than the machine counts; {shape} like (1, 16, 26, 26).
        overflow_values {
            en: "A tensor of shape {shape} would hold more than {most} values, the most this machine can count.",
            ko: "모양이 {shape}인 텐서는 값의 개수가 이 기기가 셀 수 있는 최대치({most}개)를 넘습니다.",
        }
        /// A flat parameter vector of the wrong length.
        param_count {
            en: "The model has {expected} parameters, but {got} values arrived for them.",
            ko: "모델의 파라미터는 {expected}개인데, 들어온 값은 {got}개입니다.",
        }
        /// A class the model has no output for; {class} asked, {last} the largest it has.
        class {
            en: "There is no class {class}; this model's classes are 0 to {last}.",
            ko: "클래스 {class|은} 없습니다. 이 모델의 클래스는 0부터 {last}까지입니다.",
        }
        /// Not a convolution; {layer} like Linear-8.
        not_conv {
            en: "Layer {layer} is not a convolution or the ReLU after one, so it has no filters to explain.",
            ko: "{layer} 층은 합성곱도, 합성곱 바로 뒤의 ReLU도 아니어서 설명할 필터가 없습니다.",
        }
        /// A filter the convolution does not have.
        filter {
            en: "There is no filter {filter}; this convolution's filters are 0 to {last}.",
            ko: "필터 {filter|은} 없습니다. 이 합성곱의 필터는 0부터 {last}까지입니다.",
        }
        /// An occlusion patch of 0 or wider than the image.
        patch {
            en: "The grey patch must be from 1 to {side} pixels wide, not {patch}.",
            ko: "회색 패치의 크기는 1에서 {side}픽셀 사이여야 하는데, 지금 값은 {patch}입니다.",
        }
        /// ε outside [0, 1].
        epsilon {
            en: "The size of the change ε must be from 0 to 1, not {eps}.",
            ko: "변화의 크기 ε에는 0에서 1 사이의 값만 쓸 수 있는데, 지금 값은 {eps}입니다.",
        }
        /// A step size that is not positive.
        step_size {
            en: "The step size must be a positive number, not {step}.",
            ko: "스텝 크기는 양수여야 하는데, 지금 값은 {step}입니다.",
        }
        /// A setting of the model family out of the editor's range, in a conv block; {block}
        /// from 1, {field} its name ([`arch_filters`](Self::arch_filters)…), {value} {min} {max}.
        out_of_range_block {
            en: "Block {block}: {field} is {value}; it must be from {min} to {max}.",
            ko: "합성곱 블록 {block}: {field|은} {value}입니다. {min}에서 {max} 사이여야 합니다.",
        }
        /// The same for a setting of the whole model.
        out_of_range {
            en: "{field} is {value}; it must be from {min} to {max}.",
            ko: "{field|은} {value}입니다. {min}에서 {max} 사이여야 합니다.",
        }
        /// The number of conv blocks, in [`out_of_range`](Self::out_of_range).
        arch_blocks { en: "The number of conv blocks", ko: "합성곱 블록 수" }
        /// A block's filters.
        arch_filters { en: "The number of filters", ko: "필터 수" }
        /// A block's padding.
        arch_padding { en: "The padding", ko: "패딩" }
        /// A block's pool kernel.
        arch_pool_kernel { en: "The pooling kernel", ko: "풀링 커널 크기" }
        /// A block's pool padding.
        arch_pool_padding { en: "The pooling padding", ko: "풀링 패딩" }
        /// The hidden layer's width.
        arch_hidden { en: "The number of hidden units", ko: "은닉 유닛 수" }
        /// The dropout probability.
        arch_dropout { en: "The dropout probability", ko: "드롭아웃 확률" }
        /// Not a readable safetensors file; {why} one of the `damage_*` phrases.
        corrupt {
            en: "This is not a readable safetensors file ({why}). The current model is unchanged.",
            ko: "읽을 수 있는 safetensors 파일이 아닙니다({why}). 현재 모델은 그대로입니다.",
        }
        /// The file is shorter than its header says.
        damage_too_short {
            en: "it is shorter than its header says",
            ko: "파일이 헤더에 적힌 길이보다 짧습니다",
        }
        /// The header is over the reader's limit.
        damage_header_too_large {
            en: "its header is larger than 100 MB",
            ko: "헤더가 100 MB보다 큽니다",
        }
        /// The header is not JSON describing tensors.
        damage_header {
            en: "its header is not a JSON list of tensors",
            ko: "헤더가 텐서 목록을 담은 JSON이 아닙니다",
        }
        /// The tensors' byte ranges do not fit.
        damage_offsets {
            en: "its tensors' byte ranges do not match their shapes and the data",
            ko: "텐서의 바이트 범위가 모양이나 데이터와 맞지 않습니다",
        }
        /// A tensor the model needs is missing; {n} its name.
        missing {
            en: "The file has no tensor named \"{n}\". The current model is unchanged.",
            ko: "파일에 \"{n}\" 텐서가 없습니다. 현재 모델은 그대로입니다.",
        }
        /// The file holds a tensor the model does not have; {n} its name.
        unexpected {
            en: "The file holds a tensor \"{n}\" that this model does not have. The current model is unchanged.",
            ko: "파일에 이 모델에 없는 텐서(\"{n}\")가 있습니다. 현재 모델은 그대로입니다.",
        }
        /// A tensor of another shape; {got} and {expected} like (16, 1, 3, 3).
        shape {
            en: "Tensor \"{name}\" has shape {got}, but the model needs {expected}. The current model is unchanged.",
            ko: "텐서 \"{name}\"의 모양은 {got}인데 모델에는 {expected|이} 필요합니다. 현재 모델은 그대로입니다.",
        }
        /// A tensor of another dtype; {got} like F64.
        dtype {
            en: "Tensor \"{name}\" is stored as {got}; only F32 (float32) is supported. The current model is unchanged.",
            ko: "텐서 \"{name}\"의 형식은 {got}입니다. F32(float32)만 지원합니다. 현재 모델은 그대로입니다.",
        }
        /// A tensor with NaN or infinity.
        not_finite {
            en: "Tensor \"{n}\" contains NaN or infinite values. The current model is unchanged.",
            ko: "텐서 \"{n}\"에 NaN 또는 무한대 값이 있습니다. 현재 모델은 그대로입니다.",
        }
        /// The file's stated architecture cannot be read.
        arch_unreadable {
            en: "The file describes its model in a form this app cannot read. The current model is unchanged.",
            ko: "파일에 적힌 모델 구조를 이 앱에서 읽을 수 없습니다. 현재 모델은 그대로입니다.",
        }
        /// The file's stated architecture is refused; {e} why.
        arch_refused {
            en: "The file describes a model this app cannot build: {e} The current model is unchanged.",
            ko: "파일에 적힌 모델 구조로는 모델을 만들 수 없습니다. {e} 현재 모델은 그대로입니다.",
        }
    }
}

/// The sentence for a layer setting that must be at least 1.
fn field_name(t: &ErrorText, f: Field) -> &'static str {
    match f {
        Field::InChannels => t.field_in_channels,
        Field::OutChannels => t.field_out_channels,
        Field::Kernel => t.field_kernel,
        Field::Stride => t.field_stride,
        Field::Dilation => t.field_dilation,
        Field::InFeatures => t.field_in_features,
        Field::OutFeatures => t.field_out_features,
        Field::Batch => t.field_batch,
    }
}

/// The name of a setting of the model family, as a sentence starts with it.
pub fn arch_field_name(t: &ErrorText, f: ArchField) -> &'static str {
    match f {
        ArchField::Blocks => t.arch_blocks,
        ArchField::Filters => t.arch_filters,
        // The same words as the layer settings they set.
        ArchField::Kernel => t.field_kernel,
        ArchField::Stride => t.field_stride,
        ArchField::Padding => t.arch_padding,
        ArchField::Dilation => t.field_dilation,
        ArchField::PoolKernel => t.arch_pool_kernel,
        ArchField::PoolPadding => t.arch_pool_padding,
        ArchField::Hidden => t.arch_hidden,
        ArchField::Dropout => t.arch_dropout,
    }
}

/// `(16, 1, 3, 3)`.
fn dims(shape: &[usize]) -> String {
    let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("({})", parts.join(", "))
}

/// `5×5`.
fn by((h, w): (usize, usize)) -> String {
    format!("{h}×{w}")
}

/// A number as the page writes it: whole numbers grouped in thousands, others to six decimals
/// at most (a dropout of 0.97 arrives as the f64 of an f32, 0.9700000286…).
fn number(v: f64) -> String {
    if !v.is_finite() {
        v.to_string()
    } else if v.fract() == 0.0 && v.abs() < 1e18 {
        let n = group_thousands(v.abs() as u64);
        if v < 0.0 {
            format!("-{n}")
        } else {
            n
        }
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

impl NnError {
    /// The error as a sentence in `lang`, naming the numbers involved.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).errors;
        match self {
            NnError::Zero(f) => fill(t.zero, &[("field", field_name(t, *f).into())]),
            NnError::KernelTooLarge {
                kernel,
                dilation,
                span,
                padded,
            } => {
                let d = match *dilation {
                    (1, 1) => String::new(),
                    (r, c) if r == c => fill(t.with_dilation, &[("d", r.to_string())]),
                    (r, c) => fill(t.with_dilation, &[("d", format!("({r}, {c})"))]),
                };
                fill(
                    t.kernel_too_large,
                    &[
                        ("kernel", by(*kernel)),
                        ("dilation", d),
                        ("span", by(*span)),
                        ("padded", by(*padded)),
                    ],
                )
            }
            NnError::PoolPadding { padding, kernel } => fill(
                t.pool_padding,
                &[
                    ("padding", format!("({}, {})", padding.0, padding.1)),
                    ("kernel", by(*kernel)),
                    ("most", format!("({}, {})", kernel.0 / 2, kernel.1 / 2)),
                ],
            ),
            NnError::Channels { expected, got } => fill(
                t.channels,
                &[("expected", expected.to_string()), ("got", got.to_string())],
            ),
            NnError::Features { expected, got } => fill(
                t.features,
                &[("expected", expected.to_string()), ("got", got.to_string())],
            ),
            NnError::Rank { expected, got } => fill(
                t.rank,
                &[("expected", expected.to_string()), ("got", got.to_string())],
            ),
            NnError::Probability(p) => fill(t.probability, &[("p", p.to_string())]),
            NnError::InLayer {
                index,
                kind,
                source,
            } => fill(
                t.in_layer,
                &[
                    ("layer", format!("{}-{index}", quoted(kind))),
                    ("e", source.message(lang)),
                ],
            ),
            NnError::Weights(w) => w.message(lang),
            NnError::TooManyParams { params, max } => fill(
                t.too_many_params,
                &[
                    ("params", group_thousands(*params)),
                    ("max", group_thousands(*max)),
                ],
            ),
            NnError::TooMuchMemory { mib, max } => fill(
                t.too_much_memory,
                &[
                    ("mib", group_thousands(*mib)),
                    ("max", group_thousands(*max)),
                ],
            ),
            NnError::Overflow(extent) => {
                let most = ("most", group_thousands(usize::MAX as u64));
                match extent {
                    Extent::Padded { input, padding } => fill(
                        t.overflow_padded,
                        &[
                            ("input", input.to_string()),
                            ("padding", padding.to_string()),
                            most,
                        ],
                    ),
                    Extent::Span { kernel, dilation } => fill(
                        t.overflow_span,
                        &[
                            ("kernel", kernel.to_string()),
                            ("dilation", dilation.to_string()),
                            most,
                        ],
                    ),
                    Extent::Values { shape } => {
                        fill(t.overflow_values, &[("shape", dims(shape)), most])
                    }
                }
            }
            NnError::ParamCount { expected, got } => fill(
                t.param_count,
                &[("expected", expected.to_string()), ("got", got.to_string())],
            ),
            NnError::Class { class, classes } => fill(
                t.class,
                &[
                    ("class", class.to_string()),
                    ("last", classes.saturating_sub(1).to_string()),
                ],
            ),
            NnError::NotConv { index, kind } => fill(
                t.not_conv,
                &[("layer", format!("{}-{index}", quoted(kind)))],
            ),
            NnError::Filter { filter, filters } => fill(
                t.filter,
                &[
                    ("filter", filter.to_string()),
                    ("last", filters.saturating_sub(1).to_string()),
                ],
            ),
            NnError::Patch { patch, side } => fill(
                t.patch,
                &[("patch", patch.to_string()), ("side", side.to_string())],
            ),
            NnError::Epsilon(eps) => fill(t.epsilon, &[("eps", eps.to_string())]),
            NnError::StepSize(step) => fill(t.step_size, &[("step", step.to_string())]),
            NnError::OutOfRange {
                block,
                field,
                value,
                min,
                max,
            } => {
                let mut pairs = vec![
                    ("field", arch_field_name(t, *field).to_string()),
                    ("value", number(*value)),
                    ("min", number(*min)),
                    ("max", number(*max)),
                ];
                match block {
                    Some(b) => {
                        pairs.push(("block", b.to_string()));
                        fill(t.out_of_range_block, &pairs)
                    }
                    None => fill(t.out_of_range, &pairs),
                }
            }
        }
    }
}

impl WeightsError {
    /// The error as a sentence in `lang`; names from the file are cut to
    /// [`crate::nn::error::MAX_QUOTED`] characters.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).errors;
        match self.quoted() {
            WeightsError::Corrupt(d) => {
                let why = match d {
                    Damage::TooShort => t.damage_too_short,
                    Damage::HeaderTooLarge => t.damage_header_too_large,
                    Damage::Header => t.damage_header,
                    Damage::Offsets => t.damage_offsets,
                };
                fill(t.corrupt, &[("why", why.into())])
            }
            WeightsError::Missing(n) => fill(t.missing, &[("n", n)]),
            WeightsError::Unexpected(n) => fill(t.unexpected, &[("n", n)]),
            WeightsError::Shape {
                name,
                expected,
                got,
            } => fill(
                t.shape,
                &[
                    ("name", name),
                    ("got", dims(&got)),
                    ("expected", dims(&expected)),
                ],
            ),
            WeightsError::Dtype { name, got } => fill(t.dtype, &[("name", name), ("got", got)]),
            WeightsError::NotFinite(n) => fill(t.not_finite, &[("n", n)]),
            WeightsError::Architecture(ArchProblem::Unreadable) => t.arch_unreadable.into(),
            WeightsError::Architecture(ArchProblem::Refused(e)) => {
                fill(t.arch_refused, &[("e", e.message(lang))])
            }
        }
    }
}

impl DataError {
    /// The error as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).data;
        match *self {
            DataError::Compression => t.compression.to_string(),
            DataError::Magic => t.magic.to_string(),
            DataError::Dimensions { rows, cols } => fill(
                t.dimensions,
                &[("rows", rows.to_string()), ("cols", cols.to_string())],
            ),
            DataError::Length { expected, got } => fill(
                t.length,
                &[("expected", expected.to_string()), ("got", got.to_string())],
            ),
            DataError::Label { index, label } => fill(
                t.label,
                &[("index", index.to_string()), ("label", label.to_string())],
            ),
            DataError::TooFew(n) => fill(
                t.too_few,
                &[("n", n.to_string()), ("test", TEST_SIZE.to_string())],
            ),
        }
    }
}

impl LoadError {
    /// Why a file the page or a worker loads could not be used, in `lang`: the browser's own
    /// detail for a failed fetch (an HTTP status, a network error), else the file's problem.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::Fetch(detail) => quoted(detail),
            LoadError::Digits(e) => e.message(lang),
            LoadError::Model(e) => e.message(lang),
        }
    }
}

/// The name of a training setting, as the Train section labels it.
pub fn setting_name(lang: Lang, s: Setting) -> &'static str {
    let t = text(lang).train;
    match s {
        Setting::Epochs => t.epochs,
        Setting::Batch => t.batch,
        Setting::Lr => t.lr,
        Setting::Dropout => t.dropout,
        // Momentum is part of the optimiser the learner picks ("SGD with momentum 0.9").
        Setting::Momentum => t.optimizer,
        Setting::Seed => t.seed,
    }
}

impl WorkerError {
    /// The error as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = text(lang).train;
        match self {
            WorkerError::Loading => t.err_loading.to_string(),
            WorkerError::Digits(e) => fill(t.err_digits, &[("e", e.message(lang))]),
            WorkerError::Setting(key) => fill(
                t.bad_setting,
                &[("field", setting_name(lang, *key).to_string())],
            ),
            WorkerError::Refused(e) => e.message(lang),
            WorkerError::Unstored => t.storage_unreadable.to_string(),
            WorkerError::Diverged { step, loss } => fill(
                t.err_diverged,
                &[("step", step.to_string()), ("loss", loss.to_string())],
            ),
            WorkerError::Unreadable => t.err_unreadable.to_string(),
            WorkerError::NotSent(detail) => fill(t.err_not_sent, &[("e", quoted(detail))]),
            WorkerError::Crashed(detail) => fill(t.err_crashed, &[("e", quoted(detail))]),
            WorkerError::Dead(detail) => fill(t.err_dead, &[("e", quoted(detail))]),
        }
    }
}

// Rust's error trait wants a Display: it is the English sentence (for logs and tools; the page
// always asks for its own language).
impl fmt::Display for NnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::arch::{ArchPreset, ArchSettings};

    fn both(e: &NnError) -> (String, String) {
        (e.message(Lang::En), e.message(Lang::Ko))
    }

    #[test]
    fn zero_message_is_a_sentence() {
        let e = NnError::Zero(Field::Stride);
        assert_eq!(e.to_string(), "The stride must be at least 1, not 0.");
        assert_eq!(
            e.message(Lang::Ko),
            "스트라이드는 0이 될 수 없고 1 이상이어야 합니다."
        );
    }

    #[test]
    fn a_refused_architecture_is_said_in_the_page_language_to_the_end() {
        // The nested refusal was rendered in English once, inside the Korean sentence.
        let mut arch = ArchSettings::default();
        arch.blocks[1].padding = 4_000_000_000;
        let seed = crate::nn::ModelConfig::seed().build(1).unwrap();
        let file = arch.export(&seed);
        let e = ArchSettings::load(&file, 256).unwrap_err();
        let (en, ko) = both(&e);
        assert_eq!(
            en,
            "The file describes a model this app cannot build: Block 2: The padding is \
             4,000,000,000; it must be from 0 to 28. The current model is unchanged."
        );
        assert_eq!(
            ko,
            "파일에 적힌 모델 구조로는 모델을 만들 수 없습니다. 합성곱 블록 2: 패딩은 \
             4,000,000,000입니다. 0에서 28 사이여야 합니다. 현재 모델은 그대로입니다."
        );
        assert!(!ko.chars().any(|c| c.is_ascii_alphabetic()), "{ko}");
    }

    #[test]
    fn a_big_model_is_refused_with_its_size_in_both_languages() {
        let e = NnError::TooManyParams {
            params: 5_138_099_978,
            max: 10_000_000,
        };
        let (en, ko) = both(&e);
        assert!(en.contains("5,138,099,978 parameters"), "{en}");
        assert!(ko.contains("5,138,099,978개"), "{ko}");
    }

    #[test]
    fn settings_out_of_range_name_value_and_limits() {
        let mut a = ArchPreset::LeNet.settings();
        a.hidden = 5000;
        let (en, ko) = both(&a.validate().unwrap_err());
        assert_eq!(
            en,
            "The number of hidden units is 5,000; it must be from 1 to 1,024."
        );
        assert_eq!(
            ko,
            "은닉 유닛 수는 5,000입니다. 1에서 1,024 사이여야 합니다."
        );
        a.hidden = 120;
        a.dropout = 0.97;
        let (en, ko) = both(&a.validate().unwrap_err());
        assert!(en.contains("0.97") && en.contains("0.95"), "{en}");
        assert!(ko.starts_with("드롭아웃 확률은 0.97입니다"), "{ko}");
    }

    #[test]
    fn file_names_are_quoted_cut_and_never_read_as_templates() {
        let e = WeightsError::Unexpected("{e|x}".into());
        assert_eq!(
            e.message(Lang::En),
            "The file holds a tensor \"{e|x}\" that this model does not have. The current model is unchanged."
        );
        let long = WeightsError::Missing("{n}".repeat(100_000));
        assert!(long.message(Lang::Ko).chars().count() < 120);
    }

    #[test]
    fn every_damage_is_a_sentence() {
        for d in [
            Damage::TooShort,
            Damage::HeaderTooLarge,
            Damage::Header,
            Damage::Offsets,
        ] {
            let e = WeightsError::Corrupt(d);
            let (en, ko) = (e.message(Lang::En), e.message(Lang::Ko));
            assert!(
                en.starts_with("This is not a readable safetensors file ("),
                "{en}"
            );
            assert!(ko.contains("safetensors 파일이 아닙니다("), "{ko}");
        }
    }

    #[test]
    fn worker_errors_are_sentences_in_both_languages() {
        let errors = [
            WorkerError::Loading,
            WorkerError::Digits(LoadError::Fetch("HTTP 404".into())),
            WorkerError::Digits(LoadError::Digits(DataError::Magic)),
            WorkerError::Setting(Setting::Batch),
            WorkerError::Refused(WeightsError::Missing("fc.weight".into()).into()),
            WorkerError::Unstored,
            WorkerError::Diverged {
                step: 12,
                loss: f32::NAN,
            },
            WorkerError::Unreadable,
            WorkerError::NotSent("DataCloneError".into()),
            WorkerError::Crashed("unreachable".into()),
            WorkerError::Dead("404".into()),
        ];
        for e in &errors {
            let (en, ko) = (e.message(Lang::En), e.message(Lang::Ko));
            assert!(!en.contains('{') && !ko.contains('{'), "{en} / {ko}");
            assert_ne!(en, ko);
            assert!(!ko.is_ascii(), "{ko}");
        }
        assert!(WorkerError::Setting(Setting::Batch)
            .message(Lang::Ko)
            .contains("배치"));
        assert!(WorkerError::Diverged {
            step: 12,
            loss: f32::NAN
        }
        .message(Lang::En)
        .contains("12"));
    }

    #[test]
    fn every_setting_has_its_own_name() {
        let all = [
            Setting::Epochs,
            Setting::Batch,
            Setting::Lr,
            Setting::Dropout,
            Setting::Momentum,
            Setting::Seed,
        ];
        assert_eq!(setting_name(Lang::En, Setting::Momentum), "Optimiser");
        for lang in [Lang::En, Lang::Ko] {
            let mut names: Vec<_> = all.iter().map(|s| setting_name(lang, *s)).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), all.len(), "{lang:?}: {names:?}");
        }
    }
}
