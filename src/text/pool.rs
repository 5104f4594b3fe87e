//! Text of the Max pooling section (`#pool`, `components/pool/`).

table! {
    /// Every string of the Max pooling section.
    pub struct PoolText {
        /// Heading (h2) of the Max pooling section; also its link in the header navigation
        /// (`nav-pool`).
        title {
            en: "Max pooling",
            ko: "최대 풀링",
        }
        /// Intro paragraph under the Max pooling heading.
        intro {
            en: "Max pooling slides a window over each channel and keeps only the largest value in it. It has no weights: it shrinks the map and keeps the strongest responses.",
            ko: "최대 풀링(max pooling)은 채널마다 창(window)을 옮기며 창 안에서 가장 큰 값만 남깁니다. 가중치가 없으며, 특징 맵을 줄이면서 가장 강한 반응을 유지합니다.",
        }
        /// Highlighted note (`.truth`) under the Max pooling intro: PyTorch pads max pooling with
        /// −∞.
        truth {
            en: "PyTorch pads max pooling with −∞, not 0, so a padded cell can never be the maximum. With non-negative inputs (as after ReLU) this gives the same result as zero padding. With negative inputs it can differ, but only where a window touching the padding has all of its real cells negative: zero padding would then give 0, PyTorch gives the largest of those negatives.",
            ko: "PyTorch는 최대 풀링의 패딩을 0이 아니라 −∞로 채웁니다. 그래서 패딩 칸은 절대 최댓값이 될 수 없습니다. 입력이 음수가 아니면(ReLU를 거친 값처럼) 0으로 채운 것과 결과가 같습니다. 입력에 음수가 있으면 결과가 달라질 수 있지만, 패딩에 걸친 창에서 실제 칸이 모두 음수일 때뿐입니다. 이때 0으로 채우면 0이 나오지만, PyTorch는 그 음수들 가운데 가장 큰 값을 냅니다.",
        }
        /// Note under the pool stepper's settings fields: the stride starts equal to the kernel
        /// size.
        stride_note {
            en: "The stride starts equal to the kernel size, PyTorch's default; set it to change that.",
            ko: "스트라이드는 PyTorch 기본값에 따라 처음에는 커널 크기와 같습니다. 값을 직접 바꾸면 바꾼 값을 씁니다.",
        }
        /// Option of the pool stepper's Example menu (`pool-preset`): a 4×4 input pooled to 2×2.
        preset_classic {
            en: "4×4 → 2×2 (4 steps)",
            ko: "4×4 → 2×2(4단계)",
        }
        /// Option of the pool stepper's Example menu (`pool-preset`): the MNIST model's pooling
        /// layer.
        preset_mnist {
            en: "The MNIST model's pool: 26×26 → 14×14",
            ko: "MNIST 모델의 풀링: 26×26 → 14×14",
        }
        /// Option of the pool stepper's Example menu (`pool-preset`): negative inputs with padding.
        preset_negative {
            en: "Negative inputs with padding (−∞ matters)",
            ko: "패딩이 있는 음수 입력(−∞가 중요한 경우)",
        }
        /// Tooltip (`title`) of the pool stepper's input cell that holds the current window's
        /// maximum (outlined, `pool-in-R-C`).
        winner {
            en: "maximum",
            ko: "최댓값",
        }
    }
}
