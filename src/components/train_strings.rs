//! Strings of the Train section, in English and Korean.

use super::lang_state::use_lang;
use crate::lang::Lang;
use crate::train::protocol::Status;
use leptos::prelude::*;

/// Every string the Train section shows. Templates use `{x}` placeholders.
pub struct TrainStrings {
    /// Heading.
    pub title: &'static str,
    /// Introduction.
    pub intro: &'static str,
    /// Field label.
    pub epochs: &'static str,
    /// Field label.
    pub batch: &'static str,
    /// Field label.
    pub lr: &'static str,
    /// Field label.
    pub optimizer: &'static str,
    /// Option.
    pub adam: &'static str,
    /// Option.
    pub sgd: &'static str,
    /// Field label.
    pub dropout: &'static str,
    /// Field label.
    pub seed: &'static str,
    /// Button.
    pub start: &'static str,
    /// Button.
    pub pause: &'static str,
    /// Button.
    pub resume: &'static str,
    /// Button.
    pub step: &'static str,
    /// Button.
    pub reset: &'static str,
    /// Label before the status.
    pub status: &'static str,
    /// Status descriptions: idle, loading, running, paused, done, error.
    pub states: [&'static str; 6],
    /// Shown when settings change during a run.
    pub refused_running: &'static str,
    /// A setting out of range; {field}.
    pub bad_setting: &'static str,
    /// Progress line; {e} {en} {b} {bn} {ips} {eta}.
    pub progress: &'static str,
    /// Accessible name of the progress bar.
    pub progress_label: &'static str,
    /// Stat label.
    pub epoch_label: &'static str,
    /// Stat label.
    pub loss_label: &'static str,
    /// Stat label.
    pub test_acc_label: &'static str,
    /// Stat label.
    pub throughput_label: &'static str,
    /// Stat label: how many workers (cores) share each batch.
    pub workers_label: &'static str,
    /// Chart title.
    pub chart_loss: &'static str,
    /// Legend.
    pub raw: &'static str,
    /// Legend.
    pub smoothed: &'static str,
    /// Axis.
    pub x_batch: &'static str,
    /// Axis.
    pub y_loss: &'static str,
    /// Chart title.
    pub chart_acc: &'static str,
    /// Legend.
    pub train: &'static str,
    /// Legend.
    pub test: &'static str,
    /// Axis.
    pub x_epoch: &'static str,
    /// Axis.
    pub y_acc: &'static str,
    /// Heading.
    pub confusion_title: &'static str,
    /// Row header.
    pub confusion_true: &'static str,
    /// Column header.
    pub confusion_pred: &'static str,
    /// Heading.
    pub mistakes_title: &'static str,
    /// Caption; {p} {t}.
    pub mistake: &'static str,
    /// Heading.
    pub watch_title: &'static str,
    /// Caption.
    pub filters: &'static str,
    /// Caption.
    pub watch_maps: &'static str,
    /// Field label.
    pub watch_digit: &'static str,
    /// Caption; {d} {p} {t}.
    pub watch_says: &'static str,
    /// Heading.
    pub model_title: &'static str,
    /// Button.
    pub export: &'static str,
    /// Label of the file input.
    pub import: &'static str,
    /// Button.
    pub forget: &'static str,
    /// After a reload; {a}.
    pub restored: &'static str,
    /// After saving.
    pub saved: &'static str,
    /// After forgetting.
    pub forgotten: &'static str,
    /// After a good import.
    pub imported: &'static str,
    /// A refused import; {e}.
    pub import_refused: &'static str,
    /// Import during a run.
    pub import_running: &'static str,
    /// A worker failure; {e}.
    pub worker_error: &'static str,
    /// Under the export button.
    pub export_note: &'static str,
}

/// English.
pub const EN: TrainStrings = TrainStrings {
    title: "Train in your browser",
    intro: "Train the model above on 8,000 real MNIST digits, here in your browser. Training runs in a background worker, so the page stays responsive; after every epoch the model is tested on 2,000 digits it never trained on.",
    epochs: "Epochs",
    batch: "Batch size",
    lr: "Learning rate",
    optimizer: "Optimiser",
    adam: "Adam",
    sgd: "SGD with momentum 0.9",
    dropout: "Dropout p",
    seed: "Seed",
    start: "Start",
    pause: "Pause",
    resume: "Resume",
    step: "One batch",
    reset: "Reset weights",
    status: "Status",
    states: ["ready to train", "loading the digits", "training", "paused", "finished", "something went wrong"],
    refused_running: "Pause or reset training before changing its settings.",
    bad_setting: "That value is out of range for {field}.",
    progress: "Epoch {e} of {en}, batch {b} of {bn} · {ips} images per second · about {eta} s left",
    progress_label: "Progress of the whole run",
    epoch_label: "Epoch",
    loss_label: "Last loss",
    test_acc_label: "Held-out accuracy (%)",
    throughput_label: "Images per second",
    workers_label: "Workers sharing each batch",
    chart_loss: "Training loss per batch",
    raw: "each batch",
    smoothed: "smoothed",
    x_batch: "batch",
    y_loss: "loss",
    chart_acc: "Accuracy per epoch",
    train: "training digits",
    test: "held-out digits",
    x_epoch: "epoch",
    y_acc: "accuracy (%)",
    confusion_title: "Confusion matrix of the held-out digits",
    confusion_true: "true digit",
    confusion_pred: "predicted digit",
    mistakes_title: "Held-out digits it gets wrong",
    mistake: "said {p}, is {t}",
    watch_title: "Watching it learn",
    filters: "conv1's 16 filters (3 × 3)",
    watch_maps: "conv1's 16 feature maps (after ReLU) of one held-out digit",
    watch_digit: "Digit to watch (index)",
    watch_says: "The model says {d} with probability {p}; it is a {t}.",
    model_title: "Your model",
    export: "Export weights (.safetensors)",
    import: "Import weights (.safetensors)",
    forget: "Forget the stored model",
    restored: "Your model from an earlier visit is back (held-out accuracy {a} %).",
    saved: "Your model is saved in this browser and comes back after a reload.",
    forgotten: "The stored model is forgotten.",
    imported: "Weights imported; the model now uses them.",
    import_refused: "Not imported: {e} The current model is unchanged.",
    import_running: "Pause training before importing weights.",
    worker_error: "Training stopped: {e}",
    export_note: "The file holds the weights under PyTorch's names (conv1.0.weight, …); load_state_dict of the seed's PyTorch class accepts it.",
};

/// Korean.
pub const KO: TrainStrings = TrainStrings {
    title: "브라우저에서 학습하기",
    intro: "위의 모델을 실제 MNIST 숫자 8,000개로, 바로 이 브라우저에서 학습시켜 보세요. 학습은 백그라운드 워커에서 돌아가므로 페이지가 멈추지 않습니다. 에포크가 끝날 때마다 학습에 쓰지 않은 숫자 2,000개로 모델을 시험합니다.",
    epochs: "에포크 수",
    batch: "배치 크기",
    lr: "학습률",
    optimizer: "옵티마이저",
    adam: "Adam",
    sgd: "모멘텀 0.9의 SGD",
    dropout: "드롭아웃 확률 p",
    seed: "시드",
    start: "시작",
    pause: "일시 정지",
    resume: "계속",
    step: "배치 하나만",
    reset: "가중치 초기화",
    status: "상태",
    states: ["학습 준비됨", "숫자 데이터를 불러오는 중", "학습 중", "일시 정지됨", "끝남", "문제가 생김"],
    refused_running: "설정을 바꾸려면 먼저 학습을 일시 정지하거나 초기화하세요.",
    bad_setting: "{field} 값이 허용 범위를 벗어났습니다.",
    progress: "에포크 {e}/{en}, 배치 {b}/{bn} · 초당 이미지 {ips}개 · 약 {eta}초 남음",
    progress_label: "전체 학습 진행률",
    epoch_label: "에포크",
    loss_label: "마지막 손실",
    test_acc_label: "시험 정확도(%)",
    throughput_label: "초당 이미지 수",
    workers_label: "배치를 나눠 맡은 워커 수",
    chart_loss: "배치별 학습 손실",
    raw: "배치마다",
    smoothed: "평활",
    x_batch: "배치",
    y_loss: "손실",
    chart_acc: "에포크별 정확도",
    train: "학습 숫자",
    test: "시험 숫자",
    x_epoch: "에포크",
    y_acc: "정확도(%)",
    confusion_title: "시험 숫자의 혼동 행렬",
    confusion_true: "실제 숫자",
    confusion_pred: "예측한 숫자",
    mistakes_title: "잘못 분류한 시험 숫자",
    mistake: "예측 {p}, 정답 {t}",
    watch_title: "학습 과정 지켜보기",
    filters: "conv1의 필터 16개(3 × 3)",
    watch_maps: "시험 숫자 하나에 대한 conv1의 특징 맵 16개(ReLU 뒤)",
    watch_digit: "지켜볼 숫자(번호)",
    watch_says: "모델은 {p}의 확률로 {d}라고 합니다. 정답은 {t}입니다.",
    model_title: "내 모델",
    export: "가중치 내보내기(.safetensors)",
    import: "가중치 가져오기(.safetensors)",
    forget: "저장된 모델 지우기",
    restored: "지난번에 학습한 모델을 되살렸습니다(시험 정확도 {a}%).",
    saved: "모델이 이 브라우저에 저장되어 새로 고침 뒤에도 남습니다.",
    forgotten: "저장된 모델을 지웠습니다.",
    imported: "가중치를 가져왔습니다. 이제 모델이 이 가중치를 씁니다.",
    import_refused: "가져오지 않았습니다: {e} 현재 모델은 그대로입니다.",
    import_running: "가중치를 가져오려면 먼저 학습을 일시 정지하세요.",
    worker_error: "학습이 멈췄습니다: {e}",
    export_note: "파일에는 PyTorch 이름(conv1.0.weight 등)으로 가중치가 들어 있어, 기본 모델의 PyTorch 클래스에서 load_state_dict로 불러올 수 있습니다.",
};

/// The table for `lang`.
pub fn train_strings(lang: Lang) -> &'static TrainStrings {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}

/// The current table.
pub fn use_train_strings() -> impl Fn() -> &'static TrainStrings + Copy {
    let lang = use_lang();
    move || train_strings(lang.get())
}

/// The description of a status.
pub fn describe(s: &TrainStrings, status: Status) -> &'static str {
    let i = match status {
        Status::Idle => 0,
        Status::Loading => 1,
        Status::Running => 2,
        Status::Paused => 3,
        Status::Done => 4,
        Status::Error => 5,
    };
    s.states[i]
}
