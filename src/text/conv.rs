//! Text of the Convolution section (`#conv`, `components/conv/`): the stepper, the multi-channel
//! example and the kernel on a real digit.

table! {
    /// Every string of the Convolution section.
    pub struct ConvText {
        /// Heading (h2) of the Convolution section; also its link in the header navigation
        /// (`nav-conv`).
        title {
            en: "Convolution",
            ko: "합성곱",
        }
        /// Intro paragraph under the Convolution heading.
        intro {
            en: "A small grid of weights, the kernel, slides over the input. At each position, every weight is multiplied by the input value under it, and the products are added up: that sum is one output cell. The grid of output cells is a feature map: it shows where in the input the kernel's pattern appears. Padding adds cells around the input first (0 for Conv2d; max pooling pads with −∞), so the kernel can also sit on the edges. Dilation spreads the kernel's taps apart: a 3×3 kernel with dilation 2 covers 5×5, since D·(K−1)+1 = 2·2+1, and sees a wider area with the same nine weights; that is why dilated convolutions are used where wide context matters, as in segmentation. Step through it, or change any number and setting.",
            ko: "커널이라는 작은 가중치 격자가 입력 위를 옮겨 다닙니다. 위치마다 각 가중치를 그 아래 입력값과 곱하고, 곱한 값들을 모두 더합니다. 그 합이 출력 칸 하나가 되고, 출력 칸들이 이루는 격자가 특징 맵(feature map)입니다. 특징 맵은 커널이 찾는 무늬가 입력의 어디에 있는지 보여 줍니다. 패딩은 먼저 입력 둘레에 칸을 덧붙여 커널이 가장자리에도 놓일 수 있게 합니다(덧붙이는 칸의 값은 Conv2d에서 0, 최대 풀링에서 −∞입니다). 팽창(dilation)은 커널의 칸 사이를 벌립니다. 팽창이 2인 3×3 커널은 5×5 범위를 덮고(D·(K−1)+1 = 2·2+1 = 5), 같은 가중치 9개로 더 넓은 영역을 봅니다. 그래서 이미지 분할(segmentation)처럼 넓은 맥락이 필요한 작업에 팽창 합성곱을 씁니다. 한 단계씩 따라가 보거나, 값과 설정을 마음대로 바꿔 보세요.",
        }
        /// Highlighted note (`.truth`) under the Convolution intro: libraries compute
        /// cross-correlation.
        truth {
            en: "What deep-learning libraries call convolution is really cross-correlation: the kernel is not flipped. PyTorch's nn.Conv2d and Keras's Conv2D both compute exactly what you see here.",
            ko: "딥러닝 라이브러리가 합성곱이라고 부르는 연산은 사실 교차 상관(cross-correlation)입니다. 커널을 뒤집지 않기 때문입니다. PyTorch의 nn.Conv2d와 Keras의 Conv2D는 둘 다 여기 보이는 계산을 그대로 수행합니다.",
        }
        /// Note under the conv stepper's settings fields: how a (rows, columns) stride reads.
        stride_note {
            en: "A stride is given as (rows, columns), like PyTorch: stride (2, 1) moves the kernel 2 rows down and 1 column right.",
            ko: "스트라이드는 PyTorch처럼 (행, 열) 순서로 적습니다. 스트라이드 (2, 1)에서는 커널이 아래로 2행, 오른쪽으로 1열씩 움직입니다.",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): 3×3 input, 2×2 kernel.
        preset_classic {
            en: "3×3 input, 2×2 kernel (4 steps)",
            ko: "3×3 입력, 2×2 커널(4단계)",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): a dilated 3×3 kernel.
        preset_dilated {
            en: "5×5 input, 3×3 kernel, dilation 2",
            ko: "5×5 입력, 3×3 커널, 팽창 2",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): stride (2, 1).
        preset_stride21 {
            en: "Stride (2, 1)",
            ko: "스트라이드 (2, 1)",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): "same" padding.
        preset_same {
            en: "\"Same\" padding: output as large as input",
            ko: "‘same’ 패딩: 출력 크기 = 입력 크기",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): an edge-detector kernel.
        preset_edge {
            en: "Edge detector",
            ko: "에지 검출",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): a blur kernel.
        preset_blur {
            en: "Blur",
            ko: "흐림(blur)",
        }
        /// Option of the conv stepper's Example menu (`conv-preset`): a sharpen kernel.
        preset_sharpen {
            en: "Sharpen",
            ko: "선명화(sharpen)",
        }
        /// Label of the conv stepper's kernel-rows field (`conv-kernel-h`).
        kernel_rows {
            en: "Kernel rows",
            ko: "커널 행 수",
        }
        /// Label of the conv stepper's kernel-columns field (`conv-kernel-w`).
        kernel_cols {
            en: "Kernel columns",
            ko: "커널 열 수",
        }
        /// Label of the conv stepper's vertical-stride field (`conv-stride-h`).
        stride_rows {
            en: "Stride (rows)",
            ko: "스트라이드(행)",
        }
        /// Label of the conv stepper's horizontal-stride field (`conv-stride-w`).
        stride_cols {
            en: "Stride (columns)",
            ko: "스트라이드(열)",
        }
        /// Caption of the conv stepper's editable kernel grid (cells `conv-kernel-R-C`).
        kernel_grid {
            en: "Kernel",
            ko: "커널",
        }
        /// Accessible name of a cell of the conv stepper's kernel grid (`conv-kernel-R-C`); {r} is
        /// its row and {c} its column, from 0.
        cell_kernel {
            en: "Kernel row {r}, column {c}",
            ko: "커널 행 {r}, 열 {c}",
        }
        /// Heading (h3) of the Convolution section's multi-channel example (`conv-channels`).
        ch_title {
            en: "Several channels in, several out",
            ko: "여러 채널 입력, 여러 채널 출력",
        }
        /// Paragraph under the multi-channel example's heading: filters, weight tensor and bias.
        ch_intro {
            en: "With several input channels, a filter holds one kernel per input channel. The weights form a tensor of shape (out_channels, in_channels, kH, kW). Each output map sums the products over all input channels, then adds its filter's bias. With 1 input and 4 output channels, one image becomes 4 feature maps. A greyscale image such as an MNIST digit has 1 input channel; a colour (RGB) image has 3.",
            ko: "입력 채널이 여러 개이면 필터 하나에 입력 채널마다 커널이 하나씩 있습니다. 가중치는 (out_channels, in_channels, kH, kW) 모양(shape)의 텐서입니다. 각 출력 맵은 모든 입력 채널에 걸쳐 곱을 더한 뒤 그 필터의 편향을 더합니다. 입력 채널이 1개, 출력 채널이 4개이면 이미지 하나가 특징 맵 4개가 됩니다. MNIST 숫자 이미지 같은 흑백(그레이스케일) 이미지는 입력 채널이 1개이고, 컬러(RGB) 이미지는 3개입니다.",
        }
        /// Label of the multi-channel example's input-channel count field (`conv-ch-in`).
        in_channels {
            en: "Input channels",
            ko: "입력 채널 수",
        }
        /// Label of the multi-channel example's output-channel count field (`conv-ch-out`).
        out_channels {
            en: "Output channels",
            ko: "출력 채널 수",
        }
        /// Button in the multi-channel example that draws new random numbers (`conv-ch-new`).
        new_example {
            en: "New numbers",
            ko: "새 값으로 바꾸기",
        }
        /// Heading (h4) above the multi-channel example's filters; {shape} is the weight tensor's
        /// shape, e.g. (4, 1, 3, 3).
        weight_tensor {
            en: "Weight tensor {shape}",
            ko: "가중치 텐서 {shape}",
        }
        /// Caption of one filter in the multi-channel example; {o} is its output channel (from 0),
        /// {b} its bias.
        filter_label {
            en: "Filter {o} (bias {b})",
            ko: "필터 {o}(편향 {b})",
        }
        /// Caption of one input channel's grid in the multi-channel example (`conv-ch-in-C-R-C`);
        /// {c} is the channel, from 0.
        channel_label {
            en: "Input channel {c}",
            ko: "입력 채널 {c}",
        }
        /// Caption of one output map's grid in the multi-channel example (`conv-ch-out-O-R-C`); {o}
        /// is the output channel, from 0.
        out_map_label {
            en: "Output map {o}",
            ko: "출력 맵 {o}",
        }
        /// Heading (h3) of the Convolution section's kernel-on-a-real-digit example (`conv-digit`).
        digit_title {
            en: "On a real digit",
            ko: "실제 숫자 이미지에 적용하기",
        }
        /// Paragraph under the digit example's heading: padding 1, map colours, then ReLU.
        digit_intro {
            en: "The same arithmetic on a 28×28 MNIST digit. The example kernels are 3×3 with padding 1, so the map keeps its size; the kernel from the step-by-step view keeps its own padding and stride, so its map can be smaller. The feature map is blue where the sum is negative and orange where it is positive. ReLU then sets every negative value to 0.",
            ko: "같은 계산을 28×28 MNIST 숫자 이미지에 적용합니다. 예시 커널은 모두 3×3이고 패딩이 1이라 맵 크기가 그대로입니다. ‘위 단계별 보기의 커널’을 고르면 거기서 정한 패딩과 스트라이드를 그대로 쓰므로 맵이 더 작아질 수 있습니다. 특징 맵에서 합이 음수인 곳은 파란색, 양수인 곳은 주황색입니다. 이어서 ReLU를 거치면 음수는 모두 0이 됩니다.",
        }
        /// Label of the digit example's kernel menu (`conv-digit-kernel`).
        kernel_choice {
            en: "Kernel",
            ko: "커널",
        }
        /// Option of the digit example's Kernel menu (`conv-digit-kernel`): vertical edges.
        k_vertical {
            en: "Vertical edges",
            ko: "세로 에지",
        }
        /// Option of the digit example's Kernel menu (`conv-digit-kernel`): horizontal edges.
        k_horizontal {
            en: "Horizontal edges",
            ko: "가로 에지",
        }
        /// Option of the digit example's Kernel menu (`conv-digit-kernel`): the Laplacian, all
        /// edges.
        k_edge {
            en: "All edges (Laplacian)",
            ko: "모든 방향 에지(라플라시안)",
        }
        /// Option of the digit example's Kernel menu (`conv-digit-kernel`): blur.
        k_blur {
            en: "Blur",
            ko: "흐림",
        }
        /// Option of the digit example's Kernel menu (`conv-digit-kernel`): sharpen.
        k_sharpen {
            en: "Sharpen",
            ko: "선명화",
        }
        /// Option of the digit example's Kernel menu (`conv-digit-kernel`): the conv stepper's own
        /// kernel and settings.
        k_current {
            en: "The kernel from the step-by-step view above",
            ko: "위 단계별 보기의 커널",
        }
        /// Button in the digit example that shows another MNIST digit (`conv-digit-next`).
        another_digit {
            en: "Another digit",
            ko: "다른 숫자 보기",
        }
        /// Caption and accessible name of the digit example's digit (`conv-digit-image`); {i} is
        /// its index among the built-in held-out samples, {l} its label.
        digit_label {
            en: "Held-out sample {i} (label {l})",
            ko: "테스트 예시 {i}(레이블 {l})",
        }
        /// Caption and accessible name of the digit example's map before ReLU (`conv-digit-map`);
        /// {v} is the colour scale's end, the largest absolute value.
        feature_map {
            en: "Feature map, before ReLU (scale ±{v})",
            ko: "특징 맵, ReLU 전(범위 ±{v})",
        }
        /// Caption and accessible name of the digit example's map after ReLU (`conv-digit-relu`).
        relu_map {
            en: "After ReLU",
            ko: "ReLU 후",
        }
        /// Line under the digit example's maps (`conv-digit-negatives`); {n} is how many values
        /// were negative, {m} how many values in all.
        negatives {
            en: "{n} of {m} values were negative; ReLU set them to 0 (shown grey).",
            ko: "값 {m}개 가운데 음수였던 {n}개를 ReLU가 0으로 바꿨습니다(회색으로 표시).",
        }
    }
}
