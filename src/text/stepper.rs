//! Text both steppers share (`components/widgets/`): presets, size fields, grids, step controls,
//! the formula, the output-size arithmetic, the code lines and why Keras cannot say a layer.

table! {
    /// Every string the two steppers share.
    pub struct StepperText {
        /// Summary of the foldable settings panel of both steppers (`conv-settings`,
        /// `pool-settings`); open at first.
        settings {
            en: "Settings",
            ko: "설정",
        }
        /// Label of both steppers' Example menu (`conv-preset`, `pool-preset`).
        preset {
            en: "Example",
            ko: "예시",
        }
        /// Label of both steppers' input-rows field (`conv-input-h`, `pool-input-h`).
        input_rows {
            en: "Input rows",
            ko: "입력 행 수",
        }
        /// Label of both steppers' input-columns field (`conv-input-w`, `pool-input-w`).
        input_cols {
            en: "Input columns",
            ko: "입력 열 수",
        }
        /// Button in both steppers' settings that fills the grids with random numbers
        /// (`conv-random`, `pool-random`).
        randomise {
            en: "Random numbers",
            ko: "무작위 값 넣기",
        }
        /// Caption of both steppers' padded input grid (cells `conv-in-R-C`, `pool-in-R-C`).
        input_grid {
            en: "Input",
            ko: "입력",
        }
        /// Caption of both steppers' output grid (cells `conv-out-R-C`, `pool-out-R-C`).
        output_grid {
            en: "Output (feature map)",
            ko: "출력(특징 맵)",
        }
        /// Accessible name of an editable cell of a stepper's input grid (`conv-in-R-C`,
        /// `pool-in-R-C`); {r} is its row and {c} its column, from 0.
        cell_input {
            en: "Input row {r}, column {c}",
            ko: "입력 행 {r}, 열 {c}",
        }
        /// Accessible name of a cell of a stepper's output grid (`conv-out-R-C`, `pool-out-R-C`);
        /// {r} is its row and {c} its column, from 0.
        cell_output {
            en: "Output row {r}, column {c}",
            ko: "출력 행 {r}, 열 {c}",
        }
        /// Accessible name of a padding cell (showing 0 or −∞) around a stepper's input grid.
        pad_cell {
            en: "padding",
            ko: "패딩",
        }
        /// Accessible name of the step-controls group under the conv stepper, the pool stepper and
        /// the multi-channel example.
        step_controls_label {
            en: "Step controls",
            ko: "단계 조작",
        }
        /// Button in the step controls that goes back to step 0 (`conv-reset`, `pool-reset`,
        /// `conv-ch-reset`).
        reset {
            en: "Reset",
            ko: "처음으로",
        }
        /// Button in the step controls that goes back one step (`conv-prev`, `pool-prev`,
        /// `conv-ch-prev`).
        prev {
            en: "◀ Previous step",
            ko: "◀ 이전 단계",
        }
        /// Button in the step controls that does one more step (`conv-next`, `pool-next`,
        /// `conv-ch-next`).
        next {
            en: "Next step ▶",
            ko: "다음 단계 ▶",
        }
        /// Text of the step controls' play/pause button while stopped (`conv-play`, `pool-play`,
        /// `conv-ch-play`).
        play {
            en: "Play",
            ko: "재생",
        }
        /// Text of the step controls' play/pause button while playing (`conv-play`, `pool-play`,
        /// `conv-ch-play`).
        pause {
            en: "Pause",
            ko: "일시 정지",
        }
        /// Label of the step controls' playback-speed menu (`conv-speed`, `pool-speed`,
        /// `conv-ch-speed`).
        speed {
            en: "Speed",
            ko: "속도",
        }
        /// Option of the step controls' Speed menu (`conv-speed`, …): one step every 1.2 s.
        speed_slow {
            en: "slow",
            ko: "느리게",
        }
        /// Option of the step controls' Speed menu (`conv-speed`, …): one step every 0.7 s, the
        /// default.
        speed_normal {
            en: "normal",
            ko: "보통",
        }
        /// Option of the step controls' Speed menu (`conv-speed`, …): one step every 0.25 s.
        speed_fast {
            en: "fast",
            ko: "빠르게",
        }
        /// Accessible name of the step controls' `k/N` counter (`conv-step`, `pool-step`,
        /// `conv-ch-step`).
        step_counter_label {
            en: "Steps done",
            ko: "진행한 단계",
        }
        /// Accessible name of the step controls' timeline slider (`conv-timeline`, `pool-timeline`,
        /// `conv-ch-timeline`).
        timeline {
            en: "Timeline",
            ko: "타임라인",
        }
        /// Heading (h3) above the current step's arithmetic under both steppers (`conv-formula`,
        /// `pool-formula`).
        formula_title {
            en: "This step",
            ko: "이번 단계",
        }
        /// Shown in place of the current step's arithmetic before the first step (`conv-formula`,
        /// `pool-formula`, `conv-ch-formula`).
        formula_idle {
            en: "Press “Next step” or → to compute the first output cell.",
            ko: "‘다음 단계’ 버튼이나 → 키를 누르면 첫 번째 출력 칸을 계산합니다.",
        }
        /// Screen-reader announcement (aria-live, in the step controls) after each step: {k} is the
        /// steps done, {n} the steps in all, {r} and {c} the output cell's row and column (from 0),
        /// {v} its value.
        announce {
            en: "Step {k} of {n}: output row {r}, column {c} is {v}.",
            ko: "{n}단계 중 {k}단계: 출력 행 {r}, 열 {c}의 값은 {v}입니다.",
        }
        /// Heading (h3) above a stepper's output-size arithmetic (`conv-size-h`, `conv-size-w`,
        /// `pool-size-h`, `pool-size-w`).
        size_title {
            en: "Output size",
            ko: "출력 크기",
        }
        /// Heading (h3) above a stepper's layer in PyTorch and Keras (`conv-pytorch`, `conv-keras`,
        /// `pool-pytorch`, `pool-keras`).
        code_title {
            en: "The same layer in code",
            ko: "같은 층을 코드로",
        }
        /// Prefix, in a stepper's Keras code line (`conv-keras`, `pool-keras`), of the sentence
        /// saying why Keras cannot express the layer.
        keras_cannot {
            en: "Keras:",
            ko: "Keras:",
        }
        /// Sentence after "Keras:" in the conv stepper's Keras line (`conv-keras`): strides and
        /// dilation together.
        keras_strided_dilation {
            en: "Keras's Conv2D cannot combine strides above 1 with dilation_rate above 1.",
            ko: "Keras의 Conv2D에서는 1보다 큰 strides와 1보다 큰 dilation_rate를 함께 쓸 수 없습니다.",
        }
        /// Sentence after "Keras:" in the pool stepper's Keras line (`pool-keras`): a dilated
        /// window.
        keras_pool_dilation {
            en: "Keras's MaxPool2D has no dilation.",
            ko: "Keras의 MaxPool2D에는 팽창이 없습니다.",
        }
        /// Sentence after "Keras:" in the pool stepper's Keras line (`pool-keras`): padding; {p} is
        /// PyTorch's padding.
        keras_pool_padding {
            en: "Keras's MaxPool2D pads only through padding=\"same\", and ZeroPadding2D would pad with 0, not −∞; PyTorch's padding={p} has no exact Keras equivalent.",
            ko: "Keras의 MaxPool2D에서 패딩을 넣는 방법은 padding=\"same\" 하나뿐이고, ZeroPadding2D는 −∞가 아니라 0을 채웁니다. PyTorch의 padding={p}에 정확히 대응하는 Keras 표현은 없습니다.",
        }
    }
}
