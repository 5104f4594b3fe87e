//! Text of the Train section's My models panel (`components/train/kept.rs`): the models kept in
//! this browser, one per run, and what can be done with each.

table! {
    /// Every string of the My models panel.
    pub struct KeptText {
        /// Heading (h3) of the My models panel (`kept-models`).
        title {
            en: "My models",
            ko: "내 모델 목록",
        }
        /// Paragraph under the My models heading.
        intro {
            en: "Every run is kept here with its settings and results, newest first. A new run never replaces an earlier one; only Delete removes a model. Use puts a model back into Draw and into training.",
            ko: "학습할 때마다 그 설정과 결과가 여기에 최신순으로 남습니다. 새로 학습해도 이전 모델을 덮어쓰지 않으며, ‘삭제’를 눌러야만 지워집니다. ‘사용’을 누르면 그 모델로 다시 그림을 분류하고 이어서 학습할 수 있습니다.",
        }
        /// Shown instead of the table while nothing is kept.
        empty {
            en: "Nothing kept yet: train a model or import one.",
            ko: "아직 저장된 모델이 없습니다. 모델을 학습시키거나 파일에서 가져오세요.",
        }
        /// Caption of the My models table (`compare-table`).
        caption {
            en: "Kept models and their runs",
            ko: "저장된 모델과 학습 기록",
        }
        /// Column: when the run started (or the file was imported).
        col_when {
            en: "Started",
            ko: "시작 시각",
        }
        /// Column: the model's layers in short (`16@3×3+pool → …`).
        col_model {
            en: "Model",
            ko: "모델 구조",
        }
        /// Column: the model's parameters.
        col_params {
            en: "Parameters",
            ko: "파라미터 수",
        }
        /// Column: held-out accuracy of the last evaluation, in %.
        col_accuracy {
            en: "Held-out accuracy (%)",
            ko: "테스트 정확도(%)",
        }
        /// Column: epochs the run trained.
        col_epochs {
            en: "Epochs",
            ko: "에포크 수",
        }
        /// Column: optimiser and learning rate of the run.
        col_optimizer {
            en: "Optimiser (learning rate)",
            ko: "옵티마이저(학습률)",
        }
        /// Column: batch size of the run.
        col_batch {
            en: "Batch",
            ko: "배치",
        }
        /// Column: seconds the run spent training.
        col_time {
            en: "Training time",
            ko: "학습 시간",
        }
        /// Column: training images per second at the end of the run.
        col_speed {
            en: "Images per second",
            ko: "초당 이미지 수",
        }
        /// Column of the row's buttons (visually hidden header).
        col_actions {
            en: "Actions",
            ko: "작업",
        }
        /// A duration in the Training time column; {s} is seconds.
        seconds {
            en: "{s} s",
            ko: "{s}초",
        }
        /// Shown in place of the run's settings for an imported model.
        origin_imported {
            en: "imported from a file",
            ko: "파일에서 가져옴",
        }
        /// Shown in place of the run's settings for a model an earlier version of the app kept.
        origin_earlier {
            en: "kept by an earlier version",
            ko: "이전 버전에서 저장됨",
        }
        /// Badge of the row of the model Draw and training use (`kept-current`).
        in_use {
            en: "in use",
            ko: "사용 중",
        }
        /// Caption of the comparison chart (`compare-chart`), also its accessible name.
        chart {
            en: "Kept runs compared: held-out accuracy and loss over training time",
            ko: "저장된 학습 결과 비교: 학습 시간에 따른 테스트 정확도와 손실",
        }
        /// Title of the comparison chart's accuracy panel.
        chart_acc {
            en: "Held-out accuracy (%)",
            ko: "테스트 정확도(%)",
        }
        /// Title of the comparison chart's loss panel.
        chart_loss {
            en: "Loss (smoothed)",
            ko: "손실(평활화한 값)",
        }
        /// The comparison chart's time axis.
        chart_time {
            en: "training time (s)",
            ko: "학습 시간(초)",
        }
        /// Shown instead of the comparison chart until a kept run has been evaluated.
        chart_empty {
            en: "The chart compares runs once one has finished an epoch.",
            ko: "에포크를 하나 이상 마친 학습이 있으면 여기에서 비교해 볼 수 있습니다.",
        }
        /// Row button: make this model the one Draw and training use (`kept-use`).
        use_model {
            en: "Use",
            ko: "사용",
        }
        /// Row button: download this model's weights (`kept-export`).
        export {
            en: "Export",
            ko: "내보내기",
        }
        /// Row button: delete this model from the browser (`kept-delete`).
        delete {
            en: "Delete",
            ko: "삭제",
        }
        /// Accessible name of a row's Use button; {when} is the row's start time.
        use_label {
            en: "Use the model started {when}",
            ko: "{when}에 시작한 모델 사용",
        }
        /// Accessible name of a row's Export button; {when} is the row's start time.
        export_label {
            en: "Export the model started {when}",
            ko: "{when}에 시작한 모델 내보내기",
        }
        /// Accessible name of a row's Delete button; {when} is the row's start time.
        delete_label {
            en: "Delete the model started {when}",
            ko: "{when}에 시작한 모델 삭제",
        }
        /// Error (`kept-message`) when Use is pressed during a run.
        use_running {
            en: "Pause training before switching to another model.",
            ko: "다른 모델로 바꾸려면 먼저 학습을 일시 정지하세요.",
        }
        /// Status (`kept-message`) after Use; {when} is the row's start time.
        used {
            en: "Draw and training now use the model started {when}.",
            ko: "이제 {when}에 시작한 모델로 그림을 분류하고 학습합니다.",
        }
        /// Status (`kept-message`) after Delete; {when} is the row's start time.
        deleted {
            en: "The model started {when} is deleted.",
            ko: "{when}에 시작한 모델을 삭제했습니다.",
        }
        /// Error (`kept-message`) when a storage operation failed; {e} is the browser's reason.
        failed {
            en: "The browser's storage refused this ({e}); nothing was changed.",
            ko: "브라우저 저장소가 이 작업을 거부했습니다({e}). 아무것도 바뀌지 않았습니다.",
        }
    }
}
