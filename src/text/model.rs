//! Text of the MNIST model section (`#model`, `components/model/`): the architecture editor, the
//! layer diagram, the summary table and the code.

table! {
    /// Every string of the MNIST model section.
    pub struct ModelText {
        /// Heading (h2) of the MNIST model section; also its link in the header navigation
        /// (`nav-model`).
        title {
            en: "The MNIST model",
            ko: "MNIST 모델",
        }
        /// Intro paragraph under the MNIST model heading.
        intro {
            en: "The network this app trains and explains: two convolution blocks, then a small classifier. The table is computed from the model's definition, exactly as torchsummary prints it in PyTorch.",
            ko: "이 앱이 학습시키고 설명하는 신경망입니다. 합성곱 블록 두 개 다음에 작은 분류기가 있습니다. 아래 표는 모델 정의에서 계산한 것으로, PyTorch에서 torchsummary가 출력하는 표와 똑같습니다.",
        }
        /// Caption of the MNIST model section's torchsummary table (`summary`).
        summary_caption {
            en: "Layer-by-layer summary for one 1×28×28 input image",
            ko: "1×28×28 입력 이미지 하나에 대한 층별 요약",
        }
        /// Header of the summary table's first column (`summary`): layer type and position, e.g.
        /// Conv2d-1.
        col_layer {
            en: "Layer (type)",
            ko: "층(종류)",
        }
        /// Header of the summary table's second column (`summary`): each layer's output shape.
        col_shape {
            en: "Output shape",
            ko: "출력 모양",
        }
        /// Header of the summary table's third column (`summary`): each layer's parameter count.
        col_params {
            en: "Parameters",
            ko: "파라미터 수",
        }
        /// Term in the totals list under the summary table; its value is `summary-total-params`.
        total_params {
            en: "Total parameters",
            ko: "전체 파라미터 수",
        }
        /// Term in the totals list under the summary table: trainable parameters.
        trainable_params {
            en: "Trainable parameters",
            ko: "학습하는 파라미터 수",
        }
        /// Term in the totals list under the summary table: non-trainable parameters.
        non_trainable_params {
            en: "Non-trainable parameters",
            ko: "학습하지 않는 파라미터 수",
        }
        /// Term in the totals list under the summary table: size of one input image in MB.
        input_size {
            en: "Input size (MB)",
            ko: "입력 크기(MB)",
        }
        /// Term in the totals list under the summary table: forward/backward pass size in MB.
        pass_size {
            en: "Forward/backward pass size (MB)",
            ko: "순전파/역전파 크기(MB)",
        }
        /// Term in the totals list under the summary table: size of the parameters in MB.
        params_size {
            en: "Parameters size (MB)",
            ko: "파라미터 크기(MB)",
        }
        /// Term in the totals list under the summary table: estimated total size in MB.
        total_size {
            en: "Estimated total size (MB)",
            ko: "예상 전체 크기(MB)",
        }
        /// Note under the summary table's totals: what the −1 in the output shapes means.
        batch_note {
            en: "−1 stands for the batch dimension: any number of images can go through at once.",
            ko: "−1은 배치 차원입니다. 이미지를 몇 장이든 한꺼번에 넣을 수 있다는 뜻입니다.",
        }
        /// Note under the summary table: why it differs from the source post's table.
        post_note {
            en: "The post's table has no Flatten row and says 0.27 and 0.49 MB. For the post's own code torchsummary prints the Flatten-7 row (nn.Flatten is a module there, so it gets a row) and 0.28 and 0.50, as here. torchsummary is a separate package (pip install torchsummary), not part of PyTorch, and its \"MB\" are MiB (2²⁰ bytes).",
            ko: "원글의 표에는 nn.Flatten에 해당하는 행이 없고 크기가 0.27 MB와 0.49 MB로 나옵니다. 하지만 원글의 코드를 그대로 실행하면 torchsummary는 Flatten-7 행(nn.Flatten이 모듈이라 행이 생깁니다)과 0.28, 0.50을 출력하며, 여기 표도 같습니다. torchsummary는 PyTorch에 들어 있지 않은 별도 패키지(pip install torchsummary)이고, 표의 ‘MB’는 실제로는 MiB(2²⁰바이트)입니다.",
        }
        /// Note under the Keras listing: the post's Keras shorthand and its pooling mismatch.
        keras_note {
            en: "Keras can also put the activation inside the layer, as the post does: layers.Conv2D(16, 3, activation=\"relu\") is the same as Conv2D followed by layers.ReLU(). The post's Keras MaxPool2D(pool_size=(2, 2), strides=(1, 1)) does not match its PyTorch model: stride 1 turns 26×26 into 25×25, not 14×14; the PyTorch model pools with stride 2 and padding 1.",
            ko: "Keras에서는 원글처럼 활성화 함수를 층 안에 넣을 수도 있습니다. 예를 들어 layers.Conv2D(16, 3, activation=\"relu\") 한 줄은 Conv2D 다음에 layers.ReLU() 층을 둔 것과 같습니다. 원글의 Keras 코드에 있는 풀링 층 MaxPool2D(pool_size=(2, 2), strides=(1, 1)) 설정은 PyTorch 모델과 맞지 않습니다. 스트라이드가 1이면 26×26이 14×14가 아니라 25×25가 됩니다. PyTorch 모델은 스트라이드 2, 패딩 1로 풀링합니다.",
        }
        /// Comment in the Keras listing (`arch-keras`) on the ZeroPadding2D before a max pool that
        /// follows a ReLU.
        keras_pad_same {
            en: "= PyTorch's −∞ padding: inputs are ≥ 0 after ReLU",
            ko: "ReLU를 거친 입력은 모두 0 이상이므로 PyTorch의 −∞ 패딩과 결과가 같습니다.",
        }
        /// Comment in the Keras listing (`arch-keras`) on the ZeroPadding2D before a max pool that
        /// does not follow a ReLU.
        keras_pad_differs {
            en: "differs from PyTorch's −∞ padding where a window's real cells are all negative",
            ko: "창의 실제 칸이 모두 음수인 곳에서는 PyTorch의 −∞ 패딩과 결과가 다릅니다.",
        }
        /// Comment line in the Keras listing (`arch-keras`) in place of a convolution Keras would
        /// refuse, under the stepper's `keras_strided_dilation`; {conv} is the refused line.
        keras_refused {
            en: "{conv} would be refused; this layer has no exact Keras form.",
            ko: "{conv}처럼 쓰면 Keras에서 오류가 납니다. 이 층은 Keras로 정확히 옮길 수 없습니다.",
        }
        /// Comment in the Keras listing (`arch-keras`) above a max pool written without its
        /// dilation, after the stepper's `keras_pool_dilation`.
        keras_inexact {
            en: "This layer cannot be written exactly.",
            ko: "그래서 이 층은 Keras로 정확히 옮길 수 없습니다.",
        }
        /// The one word in a model's short outline (`16@3×3+pool → …`, in `train-model`, the kept
        /// models' table and the comparison chart): a block that ends in max pooling.
        outline_pool {
            en: "pool",
            ko: "풀링",
        }
        /// Comment in the Keras listing (`arch-keras`) on `layers.Flatten()`.
        keras_flatten {
            en: "flattens (H, W, C), PyTorch (C, H, W): same size, other order",
            ko: "Keras는 (H, W, C) 순서로, PyTorch는 (C, H, W) 순서로 펼칩니다. 크기는 같고 순서만 다릅니다.",
        }
        /// Comment at the end of the Keras listing (`arch-keras`), one comment line per line;
        /// {loss} is the Keras loss to train the model with.
        keras_logits {
            en: "The last layer gives logits: train with\n{loss}.",
            ko: "마지막 층이 로짓을 내므로\n{loss|로} 학습합니다.",
        }
        /// Heading (h3) of the architecture editor in the MNIST model section.
        arch_title {
            en: "Change the architecture",
            ko: "구조 바꿔 보기",
        }
        /// Paragraph under the architecture editor's heading.
        arch_intro {
            en: "Change any layer and watch every shape, parameter count, the table and both code listings follow. The first linear layer's in_features is computed from the shapes, as you would in PyTorch.",
            ko: "층을 바꾸면 모든 모양과 파라미터 수, 표, PyTorch·Keras 코드가 함께 바뀝니다. 첫 번째 선형 층의 in_features는 PyTorch에서 직접 계산할 때처럼 이전 층의 출력 모양으로 구합니다.",
        }
        /// Legend of one conv block's fieldset in the architecture editor; {i} is the block's
        /// number, from 1.
        block_label {
            en: "Conv block {i}",
            ko: "합성곱 블록 {i}",
        }
        /// Label of each conv block's max-pooling checkbox in the architecture editor
        /// (`arch-cN-pool`).
        pool_toggle {
            en: "Max pool after ReLU",
            ko: "ReLU 후 최대 풀링",
        }
        /// Label of each conv block's pooling kernel (= stride) field in the architecture editor
        /// (`arch-cN-pool-kernel`).
        pool_kernel {
            en: "Pool kernel = stride",
            ko: "풀링 커널 = 스트라이드",
        }
        /// Label of each conv block's pooling padding field in the architecture editor
        /// (`arch-cN-pool-padding`).
        pool_padding {
            en: "Pool padding",
            ko: "풀링 패딩",
        }
        /// Button in each conv block of the architecture editor that removes it (`arch-cN-remove`);
        /// {i} is the block's number, from 1.
        remove_block {
            en: "Remove block {i}",
            ko: "블록 {i} 삭제",
        }
        /// Button under the architecture editor's blocks that adds a conv block (`arch-add`).
        add_block {
            en: "Add a conv block",
            ko: "합성곱 블록 추가",
        }
        /// Label of the architecture editor's classifier hidden-units field (`arch-hidden`).
        hidden_units {
            en: "Hidden units",
            ko: "은닉 유닛 수",
        }
        /// Button in the architecture editor that restores the seed model (`arch-seed`).
        seed_arch {
            en: "Back to the post's model",
            ko: "원글의 모델로 되돌리기",
        }
        /// Heading (h3) above the MNIST model section's layer diagram (`arch-diagram`).
        diagram_title {
            en: "Layers and output shapes",
            ko: "층과 출력 모양",
        }
        /// Name in the first box of the layer diagram (`arch-diagram`): the input, above its shape.
        input_box {
            en: "Input",
            ko: "입력",
        }
        /// Parameter count in a layer's box of the diagram (`arch-box-N`), for layers with weights;
        /// {n} is the count, grouped in thousands.
        params_short {
            en: "{n} params",
            ko: "파라미터 {n}개",
        }
        /// Heading (h3) above the model in PyTorch and Keras (`arch-pytorch`, `arch-keras`).
        code_pair_title {
            en: "The same model in PyTorch and Keras",
            ko: "같은 모델을 PyTorch와 Keras로",
        }
        /// Second line of the architecture editor's error (`arch-error`): the diagram, table and
        /// code keep the last valid model.
        arch_kept {
            en: "The diagram, table and code show the last model that worked.",
            ko: "그림, 표, 코드에는 오류가 나기 전의 마지막 모델이 그대로 표시됩니다.",
        }
        /// Label of the architecture editor's preset menu (`arch-preset`).
        preset_label {
            en: "Start from",
            ko: "기본 구조 고르기",
        }
        /// Preset menu: the source post's model.
        preset_seed {
            en: "The post's model (two 3×3 blocks)",
            ko: "원글의 모델(3×3 블록 두 개)",
        }
        /// Preset menu: one small block.
        preset_tiny {
            en: "Tiny and fast (one block of 8 filters)",
            ko: "작고 빠른 모델(필터 8개짜리 블록 하나)",
        }
        /// Preset menu: LeNet-5's layout.
        preset_lenet {
            en: "LeNet-5-like (5×5 kernels, 6 and 16 filters)",
            ko: "LeNet-5 방식(5×5 커널, 필터 6개와 16개)",
        }
        /// Preset menu: stride-2 convolutions instead of pooling.
        preset_allconv {
            en: "All-convolutional (stride 2 instead of pooling)",
            ko: "합성곱만 쓰는 모델(풀링 대신 스트라이드 2)",
        }
        /// Preset menu: dilated kernels.
        preset_dilated {
            en: "Dilated (3×3 kernels covering 5×5)",
            ko: "팽창 합성곱(5×5 범위를 덮는 3×3 커널)",
        }
        /// Preset menu entry shown when the editor holds an architecture of the learner's own.
        preset_custom {
            en: "Your own architecture",
            ko: "직접 만든 구조",
        }
        /// What the edited model costs (`arch-cost`); {p} parameters, {m} multiply-adds per
        /// image, {b} memory per image while training, {s} estimated seconds
        /// per epoch of 8,000 digits ("?" until measured).
        cost {
            en: "Cost: {p} parameters · {m} multiply-adds per image · {b} per image while training · about {s} s per epoch of 8,000 digits on this device (one worker).",
            ko: "비용: 파라미터 {p}개 · 이미지 한 장에 곱셈-누산(MAC) {m}번 · 학습할 때 이미지 한 장당 메모리 {b} · 이 기기에서 워커(백그라운드 스레드) 하나로 숫자 이미지 8,000장을 한 번 모두 학습하는 에포크(epoch) 하나에 약 {s}초.",
        }
        /// Note under the cost: the limits a browser tab trains within; {p} parameters, {mib}
        /// MiB per worker.
        limits {
            en: "A browser tab trains models of up to {p} parameters that need at most {mib} MiB in each worker; larger ones are refused before anything is allocated.",
            ko: "브라우저 탭에서는 파라미터 {p}개 이하, 워커마다 메모리 {mib} MiB 이하인 모델만 학습할 수 있습니다. 이보다 큰 모델은 메모리를 할당하기 전에 학습을 거부합니다.",
        }
    }
}

impl ModelText {
    /// A preset's name as the editor's menu and the Train section say it; `None` is the
    /// learner's own architecture.
    pub fn preset(&self, preset: Option<crate::nn::arch::ArchPreset>) -> &'static str {
        use crate::nn::arch::ArchPreset;
        match preset {
            Some(ArchPreset::Seed) => self.preset_seed,
            Some(ArchPreset::Tiny) => self.preset_tiny,
            Some(ArchPreset::LeNet) => self.preset_lenet,
            Some(ArchPreset::AllConv) => self.preset_allconv,
            Some(ArchPreset::Dilated) => self.preset_dilated,
            None => self.preset_custom,
        }
    }
}
