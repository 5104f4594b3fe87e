//! Names of layer settings, shared by the steppers, the architecture editor, the classifier head
//! and the Train section.

table! {
    /// Names of layer settings.
    pub struct LayerText {
        /// Label of a kernel-size field: the pool stepper's (`pool-kernel`) and each conv block's
        /// in the architecture editor (`arch-cN-kernel`).
        kernel_size {
            en: "Kernel size",
            ko: "커널 크기",
        }
        /// Label of a stride field: the pool stepper's (`pool-stride`) and each conv block's in the
        /// architecture editor (`arch-cN-stride`).
        stride {
            en: "Stride",
            ko: "스트라이드",
        }
        /// Label of a padding field: the conv stepper's (`conv-padding`), the pool stepper's
        /// (`pool-padding`) and each conv block's in the architecture editor (`arch-cN-padding`).
        padding {
            en: "Padding",
            ko: "패딩",
        }
        /// Label of a dilation field: the conv stepper's (`conv-dilation`), the pool stepper's
        /// (`pool-dilation`) and each conv block's in the architecture editor (`arch-cN-dilation`).
        dilation {
            en: "Dilation",
            ko: "팽창",
        }
        /// Label of each conv block's output-channel count field in the architecture editor
        /// (`arch-cN-out`).
        filters {
            en: "Filters",
            ko: "필터 수",
        }
        /// Label of a dropout-probability field: the Dropout demo's (`head-drop-p`) and the
        /// architecture editor's classifier field (`arch-dropout`).
        dropout_p {
            en: "Dropout p",
            ko: "드롭아웃 확률 p",
        }
    }
}
