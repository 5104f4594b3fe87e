//! Errors a learner can cause: impossible layer configurations and unusable weight files.
//! Each renders as a sentence that names the numbers, in English and Korean.

use crate::lang::Lang;
use crate::nn::summary::group_thousands;
use crate::text::particle::{attach, Particle};
use std::fmt;

/// A hyper-parameter that must be at least 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl Field {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::InChannels, Lang::En) => "the number of input channels",
            (Field::InChannels, Lang::Ko) => "입력 채널 수",
            (Field::OutChannels, Lang::En) => "the number of output channels",
            (Field::OutChannels, Lang::Ko) => "출력 채널 수",
            (Field::Kernel, Lang::En) => "the kernel size",
            (Field::Kernel, Lang::Ko) => "커널 크기",
            (Field::Stride, Lang::En) => "the stride",
            (Field::Stride, Lang::Ko) => "스트라이드",
            (Field::Dilation, Lang::En) => "the dilation",
            (Field::Dilation, Lang::Ko) => "팽창(dilation)",
            (Field::InFeatures, Lang::En) => "in_features",
            (Field::InFeatures, Lang::Ko) => "in_features(입력 특성 수)",
            (Field::OutFeatures, Lang::En) => "out_features",
            (Field::OutFeatures, Lang::Ko) => "out_features(출력 특성 수)",
            (Field::Batch, Lang::En) => "the batch size",
            (Field::Batch, Lang::Ko) => "배치 크기",
        }
    }
}

/// A size worked out from a configuration that passes `usize::MAX`, the most this machine
/// counts (4,294,967,295 in the browser, whose wasm32 `usize` has 32 bits).
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq)]
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
        kind: &'static str,
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
}

/// Why a weight file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum WeightsError {
    /// Not a safetensors file, or a damaged / truncated one.
    Corrupt(String),
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
    Architecture(String),
}

fn dims(shape: &[usize]) -> String {
    let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("({})", parts.join(", "))
}

impl NnError {
    /// The error as a sentence in `lang`, naming the numbers involved.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NnError::Zero(f), Lang::En) => format!("{} must be at least 1, not 0.", capitalise(f.name(lang))),
            (NnError::Zero(f), Lang::Ko) => format!("{} 0이 될 수 없고 1 이상이어야 합니다.", attach(f.name(lang), Particle::Topic)),
            (NnError::KernelTooLarge { kernel, dilation, span, padded }, Lang::En) => {
                let dil = if *dilation == (1, 1) {
                    String::new()
                } else if dilation.0 == dilation.1 {
                    format!(" with dilation {}", dilation.0)
                } else {
                    format!(" with dilation ({}, {})", dilation.0, dilation.1)
                };
                format!(
                    "A {}×{} kernel{} spans {}×{}, but the padded input is only {}×{}.",
                    kernel.0, kernel.1, dil, span.0, span.1, padded.0, padded.1
                )
            }
            (NnError::KernelTooLarge { kernel, dilation, span, padded }, Lang::Ko) => {
                let dil = if *dilation == (1, 1) {
                    String::new()
                } else {
                    format!("(팽창 {}×{})", dilation.0, dilation.1)
                };
                format!(
                    "{}×{} 커널{}은 {}×{} 영역을 덮지만, 패딩을 더한 입력은 {}×{}뿐입니다.",
                    kernel.0, kernel.1, dil, span.0, span.1, padded.0, padded.1
                )
            }
            (NnError::PoolPadding { padding, kernel }, Lang::En) => format!(
                "Padding ({}, {}) is more than half of the {}×{} pooling kernel; PyTorch allows at most ({}, {}).",
                padding.0, padding.1, kernel.0, kernel.1, kernel.0 / 2, kernel.1 / 2
            ),
            (NnError::PoolPadding { padding, kernel }, Lang::Ko) => format!(
                "패딩({}, {})은 {}×{} 풀링 커널의 절반보다 큽니다. PyTorch는 최대 ({}, {})까지만 허용합니다.",
                padding.0, padding.1, kernel.0, kernel.1, kernel.0 / 2, kernel.1 / 2
            ),
            (NnError::Channels { expected, got }, Lang::En) => {
                format!("The layer expects {expected} input channels, but the input has {got}.")
            }
            (NnError::Channels { expected, got }, Lang::Ko) => {
                format!("이 층에는 입력 채널이 {expected}개 필요하지만, 들어온 입력의 채널은 {got}개입니다.")
            }
            (NnError::Features { expected, got }, Lang::En) => format!(
                "The linear layer has in_features = {expected}, but {got} values reach it after flattening."
            ),
            (NnError::Features { expected, got }, Lang::Ko) => format!(
                "선형 층의 in_features는 {expected}인데, 평탄화 후 들어오는 값은 {got}개입니다."
            ),
            (NnError::Rank { expected, got }, Lang::En) => {
                format!("The layer needs a {expected}-dimensional tensor, but got {got} dimensions.")
            }
            (NnError::Rank { expected, got }, Lang::Ko) => {
                format!("이 층은 {expected}차원 텐서가 필요하지만 {got}차원이 들어왔습니다.")
            }
            (NnError::Probability(p), Lang::En) => {
                format!("The dropout probability must be at least 0 and below 1, not {p}.")
            }
            (NnError::Probability(p), Lang::Ko) => {
                format!("드롭아웃 확률은 0 이상 1 미만이어야 하는데, 지금 값은 {p}입니다.")
            }
            (NnError::InLayer { index, kind, source }, Lang::En) => {
                format!("Layer {kind}-{index}: {}", source.message(lang))
            }
            (NnError::InLayer { index, kind, source }, Lang::Ko) => {
                format!("{kind}-{index} 층: {}", source.message(lang))
            }
            (NnError::Weights(w), _) => w.message(lang),
            (NnError::TooManyParams { params, max }, Lang::En) => format!(
                "This model has {} parameters; a browser tab trains at most {}. Use fewer filters or a narrower hidden layer.",
                group_thousands(*params),
                group_thousands(*max)
            ),
            (NnError::TooManyParams { params, max }, Lang::Ko) => format!(
                "이 모델의 파라미터는 {}개입니다. 브라우저 탭에서는 {}개까지만 학습할 수 있으니 필터 수나 은닉 유닛 수를 줄여 보세요.",
                group_thousands(*params),
                group_thousands(*max)
            ),
            (NnError::TooMuchMemory { mib, max }, Lang::En) => format!(
                "Training this model would take about {} MiB in each worker; a browser tab allows {} MiB. Use fewer filters, more pooling or a smaller padding.",
                group_thousands(*mib),
                group_thousands(*max)
            ),
            (NnError::TooMuchMemory { mib, max }, Lang::Ko) => format!(
                "이 모델을 학습하려면 워커마다 메모리가 약 {} MiB 필요한데, 브라우저 탭에서는 {} MiB까지만 쓸 수 있습니다. 필터 수를 줄이거나 풀링을 늘리거나 패딩을 줄여 보세요.",
                group_thousands(*mib),
                group_thousands(*max)
            ),
            (NnError::Overflow(Extent::Padded { input, padding }), Lang::En) => format!(
                "An input side of {input} with padding {padding} on both sides passes {}, the most cells this machine can count.",
                group_thousands(usize::MAX as u64)
            ),
            (NnError::Overflow(Extent::Padded { input, padding }), Lang::Ko) => format!(
                "입력 한 변({input})에 양쪽 패딩({padding})을 더하면 이 기기가 셀 수 있는 최대치 {}칸을 넘습니다.",
                group_thousands(usize::MAX as u64)
            ),
            (NnError::Overflow(Extent::Span { kernel, dilation }), Lang::En) => format!(
                "A kernel of {kernel} with dilation {dilation} spans more than {} cells, the most this machine can count.",
                group_thousands(usize::MAX as u64)
            ),
            (NnError::Overflow(Extent::Span { kernel, dilation }), Lang::Ko) => format!(
                "커널 크기({kernel})와 팽창({dilation})으로 덮는 영역이 이 기기가 셀 수 있는 최대치 {}칸을 넘습니다.",
                group_thousands(usize::MAX as u64)
            ),
            (NnError::Overflow(Extent::Values { shape }), Lang::En) => format!(
                "A tensor of shape {} would hold more than {} values, the most this machine can count.",
                dims(shape),
                group_thousands(usize::MAX as u64)
            ),
            (NnError::Overflow(Extent::Values { shape }), Lang::Ko) => format!(
                "모양이 {}인 텐서는 값이 이 기기가 셀 수 있는 최대치 {}개를 넘습니다.",
                dims(shape),
                group_thousands(usize::MAX as u64)
            ),
            (NnError::ParamCount { expected, got }, Lang::En) => format!(
                "The model has {expected} parameters, but {got} values arrived for them."
            ),
            (NnError::ParamCount { expected, got }, Lang::Ko) => format!(
                "모델의 파라미터는 {expected}개인데, 들어온 값은 {got}개입니다."
            ),
        }
    }
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
    /// The same error with every name and detail from the file cut to [`MAX_QUOTED`].
    fn quoted(&self) -> WeightsError {
        match self {
            WeightsError::Corrupt(w) => WeightsError::Corrupt(quoted(w)),
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
            WeightsError::Architecture(n) => WeightsError::Architecture(quoted(n)),
        }
    }

    /// The error as a sentence in `lang`; names from the file are cut to [`MAX_QUOTED`].
    pub fn message(&self, lang: Lang) -> String {
        match (&self.quoted(), lang) {
            (WeightsError::Corrupt(why), Lang::En) => {
                format!("This is not a readable safetensors file ({why}). The current model is unchanged.")
            }
            (WeightsError::Corrupt(why), Lang::Ko) => {
                format!("읽을 수 있는 safetensors 파일이 아닙니다({why}). 현재 모델은 그대로입니다.")
            }
            (WeightsError::Missing(n), Lang::En) => {
                format!("The file has no tensor named \"{n}\". The current model is unchanged.")
            }
            (WeightsError::Missing(n), Lang::Ko) => {
                format!("파일에 \"{n}\" 텐서가 없습니다. 현재 모델은 그대로입니다.")
            }
            (WeightsError::Unexpected(n), Lang::En) => format!(
                "The file holds a tensor \"{n}\" that this model does not have. The current model is unchanged."
            ),
            (WeightsError::Unexpected(n), Lang::Ko) => {
                format!("파일에 이 모델에 없는 텐서(\"{n}\")가 있습니다. 현재 모델은 그대로입니다.")
            }
            (WeightsError::Shape { name, expected, got }, Lang::En) => format!(
                "Tensor \"{name}\" has shape {}, but the model needs {}. The current model is unchanged.",
                dims(got),
                dims(expected)
            ),
            (WeightsError::Shape { name, expected, got }, Lang::Ko) => format!(
                "텐서 \"{name}\"의 모양은 {}인데 모델에는 {} 필요합니다. 현재 모델은 그대로입니다.",
                dims(got),
                attach(&dims(expected), Particle::Subject)
            ),
            (WeightsError::Dtype { name, got }, Lang::En) => format!(
                "Tensor \"{name}\" is stored as {got}; only F32 (float32) is supported. The current model is unchanged."
            ),
            (WeightsError::Dtype { name, got }, Lang::Ko) => format!(
                "텐서 \"{name}\"의 형식은 {got}입니다. F32(float32)만 지원합니다. 현재 모델은 그대로입니다."
            ),
            (WeightsError::NotFinite(n), Lang::En) => format!(
                "Tensor \"{n}\" contains NaN or infinite values. The current model is unchanged."
            ),
            (WeightsError::NotFinite(n), Lang::Ko) => {
                format!("텐서 \"{n}\"에 NaN 또는 무한대 값이 있습니다. 현재 모델은 그대로입니다.")
            }
            (WeightsError::Architecture(why), Lang::En) => format!(
                "The file describes a model this app cannot build ({why}). The current model is unchanged."
            ),
            (WeightsError::Architecture(why), Lang::Ko) => format!(
                "파일에 적힌 모델 구조를 이 앱에서 만들 수 없습니다({why}). 현재 모델은 그대로입니다."
            ),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

impl fmt::Display for NnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
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
        let m = WeightsError::Unexpected(long).message(Lang::En);
        assert!(m.len() < 200, "{m}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_message_names_the_numbers() {
        let e = NnError::KernelTooLarge {
            kernel: (5, 5),
            dilation: (2, 2),
            span: (9, 9),
            padded: (7, 7),
        };
        assert_eq!(
            e.to_string(),
            "A 5×5 kernel with dilation 2 spans 9×9, but the padded input is only 7×7."
        );
        assert!(e.message(Lang::Ko).contains("9×9"));
    }

    #[test]
    fn zero_message_is_a_sentence() {
        assert_eq!(
            NnError::Zero(Field::Stride).to_string(),
            "The stride must be at least 1, not 0."
        );
    }
}
