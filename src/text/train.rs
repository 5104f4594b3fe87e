//! Text of the Train section (`#train`, `components/train/`): controls, progress, charts,
//! evaluation, watched filters and the model files.

table! {
    /// Every string of the Train section.
    pub struct TrainText {
        /// Heading (h2) of the Train section.
        title {
            en: "Train in your browser",
            ko: "브라우저에서 학습하기",
        }
        /// Link text of the Train section in the header navigation (`nav-train`).
        nav {
            en: "Train",
            ko: "학습",
        }
        /// Intro paragraph under the Train heading.
        intro {
            en: "Train the model above on 8,000 real MNIST digits, here in your browser. Training runs in a background worker, so the page stays responsive; after every epoch the model is tested on 2,000 digits it never trained on. The loss it minimises is the cross-entropy between the model's logits and the true digit (PyTorch's nn.CrossEntropyLoss, which applies log-softmax itself, so the model ends in logits, not probabilities).",
            ko: "위 모델을 실제 MNIST 숫자 이미지 8,000장으로 이 브라우저에서 직접 학습시켜 보세요. 학습은 백그라운드 워커에서 실행되므로 페이지가 멈추지 않습니다. 에포크가 끝날 때마다 학습에 쓰지 않은 숫자 이미지 2,000장(테스트 데이터)으로 모델을 평가합니다. 학습이 최소화하는 손실은 모델의 로짓과 레이블 사이의 교차 엔트로피(cross-entropy)입니다. PyTorch의 nn.CrossEntropyLoss가 내부에서 log-softmax를 계산하므로, 모델의 마지막 출력은 확률이 아니라 로짓입니다.",
        }
        /// Which model Start trains (`train-model`); {name} is its preset name, {outline} its
        /// layers in short, {p} its parameters.
        model_line {
            en: "Model: {name} ({outline}), {p} parameters. Edit it in the MNIST model section above.",
            ko: "학습할 모델: {name} — {outline}, 파라미터 {p}개. 위의 MNIST 모델 절에서 바꿀 수 있습니다.",
        }
        /// Added to `model_line` when the weights in training belong to another architecture.
        model_fresh {
            en: "The weights here belong to another architecture, so Start begins from fresh ones.",
            ko: "지금 가중치는 구조가 다른 모델용이라서, ‘시작’을 누르면 새 가중치로 처음부터 학습합니다.",
        }
        /// Label of the Train controls' epochs field (`train-epochs`).
        epochs {
            en: "Epochs",
            ko: "에포크 수",
        }
        /// Label of the Train controls' batch-size field (`train-batch`).
        batch {
            en: "Batch size",
            ko: "배치 크기",
        }
        /// Label of the Train controls' learning-rate field (`train-lr`).
        lr {
            en: "Learning rate",
            ko: "학습률",
        }
        /// Label of the Train controls' optimiser menu (`train-optimizer`).
        optimizer {
            en: "Optimiser",
            ko: "옵티마이저",
        }
        /// Option of the Train controls' Optimiser menu (`train-optimizer`): Adam.
        adam {
            en: "Adam",
            ko: "Adam",
        }
        /// Option of the Train controls' Optimiser menu (`train-optimizer`): SGD with momentum.
        sgd {
            en: "SGD with momentum 0.9",
            ko: "SGD(모멘텀 0.9)",
        }
        /// Label of the Train controls' dropout-probability field (`train-dropout`).
        dropout {
            en: "Dropout p",
            ko: "드롭아웃 확률 p",
        }
        /// Label of the Train controls' random-seed field (`train-seed`).
        seed {
            en: "Seed",
            ko: "시드",
        }
        /// Button in the Train controls that starts a run (`train-start`).
        start {
            en: "Start",
            ko: "시작",
        }
        /// Text of the Train controls' pause/resume button while a run is going (`train-pause`).
        pause {
            en: "Pause",
            ko: "일시 정지",
        }
        /// Text of the Train controls' pause/resume button while the run is paused (`train-pause`).
        resume {
            en: "Resume",
            ko: "이어서 학습",
        }
        /// Button in the Train controls that trains one batch (`train-step`).
        step {
            en: "One batch",
            ko: "배치 하나 학습",
        }
        /// Button in the Train controls that re-initialises the weights (`train-reset`).
        reset {
            en: "Reset weights",
            ko: "가중치 초기화",
        }
        /// Label of the Train controls' status line, before the status word (`train-status`).
        status {
            en: "Status",
            ko: "상태",
        }
        /// After the status word `idle` (`train-status`) in the Train controls' status line: what
        /// it means.
        state_idle {
            en: "ready to train",
            ko: "학습 준비됨",
        }
        /// After the status word `loading` (`train-status`) in the Train controls' status line:
        /// what it means.
        state_loading {
            en: "loading the digits",
            ko: "숫자 이미지를 불러오는 중",
        }
        /// After the status word `running` (`train-status`) in the Train controls' status line:
        /// what it means.
        state_running {
            en: "training",
            ko: "학습 중",
        }
        /// After the status word `paused` (`train-status`) in the Train controls' status line: what
        /// it means.
        state_paused {
            en: "paused",
            ko: "일시 정지됨",
        }
        /// After the status word `done` (`train-status`) in the Train controls' status line: what
        /// it means.
        state_done {
            en: "finished",
            ko: "완료",
        }
        /// After the status word `error` (`train-status`) in the Train controls' status line: what
        /// it means.
        state_error {
            en: "something went wrong",
            ko: "오류 발생",
        }
        /// Error under the Train controls (`train-message`) when a setting is changed during a run.
        refused_running {
            en: "Pause or reset training before changing its settings.",
            ko: "설정을 바꾸려면 먼저 학습을 일시 정지하거나 초기화하세요.",
        }
        /// Error under the Train controls (`train-message`) for a complete number out of range;
        /// {field} is the setting's label (`text::errors::setting_name`).
        bad_setting {
            en: "The value of “{field}” is out of range.",
            ko: "‘{field}’ 값이 허용 범위를 벗어났습니다.",
        }
        /// Line under the Train progress bar: {e} is the epoch (from 1) of {en}, {b} the batch
        /// (from 1) of {bn} per epoch, {ips} images per second, {eta} seconds left.
        progress {
            en: "Epoch {e} of {en}, batch {b} of {bn} · {ips} images per second · about {eta} s left",
            ko: "에포크 {e}/{en}, 배치 {b}/{bn} · 초당 이미지 {ips}장 · 약 {eta}초 남음",
        }
        /// Note in place of the Train section's charts before the first batch
        /// (`train-charts-empty`).
        charts_empty {
            en: "The loss and accuracy charts appear here once training starts.",
            ko: "학습을 시작하면 여기에 손실과 정확도 그래프가 나타납니다.",
        }
        /// The same line while the run is paused: no time left, as nothing runs.
        progress_paused {
            en: "Epoch {e} of {en}, batch {b} of {bn} · paused",
            ko: "에포크 {e}/{en}, 배치 {b}/{bn} · 일시 정지",
        }
        /// Line under the Train section's controls while the worker and the 10,000 digits load
        /// (`train-loading`, beside an indeterminate progress bar).
        loading {
            en: "Loading the training worker and the 10,000 digits (about 2 MB, once)…",
            ko: "학습용 워커와 숫자 이미지 10,000장을 불러오는 중입니다(약 2 MB, 처음 한 번만)…",
        }
        /// Accessible name of the Train section's progress bar for the whole run
        /// (`train-progress`).
        progress_label {
            en: "Progress of the whole run",
            ko: "전체 학습 진행률",
        }
        /// Term in the Train progress stats: the current epoch (`train-epoch`).
        epoch_label {
            en: "Epoch",
            ko: "에포크",
        }
        /// Term in the Train progress stats: the last batch's loss (`train-loss`).
        loss_label {
            en: "Last loss",
            ko: "마지막 손실",
        }
        /// Term in the Train progress stats: held-out accuracy in % (`train-test-acc`).
        test_acc_label {
            en: "Held-out accuracy (%)",
            ko: "테스트 정확도(%)",
        }
        /// Term in the Train progress stats: images per second (`train-throughput`).
        throughput_label {
            en: "Images per second",
            ko: "초당 이미지 수",
        }
        /// Term in the Train progress stats: how many workers (cores) share each batch
        /// (`train-workers`).
        workers_label {
            en: "Workers sharing each batch",
            ko: "배치를 나눠 맡은 워커 수",
        }
        /// Title of the loss chart, also its accessible name (`train-chart-loss`).
        chart_loss {
            en: "Training loss per batch",
            ko: "배치별 학습 손실",
        }
        /// Legend entry of the loss chart: the loss of each batch (thin line).
        raw {
            en: "each batch",
            ko: "배치별",
        }
        /// Legend entry of the loss chart: the smoothed loss (thick line).
        smoothed {
            en: "smoothed",
            ko: "평활화한 값",
        }
        /// X-axis title of the loss chart.
        x_batch {
            en: "batch",
            ko: "배치",
        }
        /// Y-axis title of the loss chart.
        y_loss {
            en: "loss",
            ko: "손실",
        }
        /// Title of the accuracy chart, also its accessible name (`train-chart-acc`).
        chart_acc {
            en: "Accuracy per epoch",
            ko: "에포크별 정확도",
        }
        /// Legend entry of the accuracy chart: accuracy on the training digits.
        train {
            en: "training digits",
            ko: "학습 데이터",
        }
        /// Legend entry of the accuracy chart: accuracy on the held-out digits.
        test {
            en: "held-out digits",
            ko: "테스트 데이터",
        }
        /// X-axis title of the accuracy chart.
        x_epoch {
            en: "epoch",
            ko: "에포크",
        }
        /// Y-axis title of the accuracy chart.
        y_acc {
            en: "accuracy (%)",
            ko: "정확도(%)",
        }
        /// Heading (h3) of the Train section's confusion matrix (`train-confusion`).
        confusion_title {
            en: "Confusion matrix of the held-out digits",
            ko: "테스트 데이터의 혼동 행렬(confusion matrix)",
        }
        /// Start of the confusion matrix's caption (`train-confusion`): rows are true digits (↓).
        confusion_true {
            en: "true digit",
            ko: "실제 숫자",
        }
        /// End of the confusion matrix's caption (`train-confusion`): columns are predicted digits
        /// (→).
        confusion_pred {
            en: "predicted digit",
            ko: "예측한 숫자",
        }
        /// Heading (h3) of the Train section's gallery of misclassified held-out digits.
        mistakes_title {
            en: "Held-out digits it gets wrong",
            ko: "테스트 데이터에서 잘못 분류한 숫자",
        }
        /// Caption and accessible name of one misclassified digit (`train-mistake`); {p} is the
        /// predicted digit, {t} the true one.
        mistake {
            en: "said {p}, is {t}",
            ko: "예측 {p}, 실제 {t}",
        }
        /// Heading (h3) of the Train section's Watching it learn panel.
        watch_title {
            en: "Watching it learn",
            ko: "학습 과정 지켜보기",
        }
        /// Caption and accessible name of conv1's filters in the Watching it learn panel
        /// (`train-filters`); {n} is their count, {k} their size ("3 × 3").
        filters {
            en: "conv1's {n} filters ({k})",
            ko: "conv1의 필터 {n}개({k})",
        }
        /// Caption and accessible name of conv1's maps of the watched digit in the Watching it
        /// learn panel (`train-maps`).
        watch_maps {
            en: "conv1's {n} feature maps (after ReLU) of one held-out digit",
            ko: "테스트 데이터의 숫자 이미지 하나에 대한 conv1 특징 맵 {n}개(ReLU 후)",
        }
        /// Label of the Watching it learn panel's digit-index field (`train-watch`); also the
        /// accessible name of the watched digit (`train-watch-digit`).
        watch_digit {
            en: "Digit to watch (index)",
            ko: "지켜볼 숫자 이미지의 인덱스",
        }
        /// Caption of the watched digit (`train-watch-digit`) in the Watching it learn panel; {d}
        /// is the predicted digit, {p} its probability, {t} the true digit.
        watch_says {
            en: "The model says {d} with probability {p}; it is a {t}.",
            ko: "모델의 예측은 {d}(확률 {p}), 실제 숫자는 {t}입니다.",
        }
        /// Heading (h3) of the Train section's Your model panel (export, import, forget).
        model_title {
            en: "Your model",
            ko: "내 모델",
        }
        /// Button in the Your model panel that downloads the weights (`model-export`).
        export {
            en: "Export weights (.safetensors)",
            ko: "가중치 내보내기(.safetensors)",
        }
        /// Label of the Your model panel's file button that imports weights (`model-import`).
        import {
            en: "Import weights (.safetensors)",
            ko: "가중치 가져오기(.safetensors)",
        }
        /// Button in the Your model panel that deletes the model in use from this browser's My
        /// models (`model-forget`).
        forget {
            en: "Delete the model in use from this browser",
            ko: "사용 중인 모델을 브라우저에서 삭제",
        }
        /// Note in the Your model panel when a reload brought the model back (`model-restored`);
        /// {a} is its held-out accuracy in %, or ? if unknown.
        restored {
            en: "Your model from an earlier visit is back (held-out accuracy {a} %).",
            ko: "지난번에 학습한 모델을 다시 불러왔습니다(테스트 정확도 {a}%).",
        }
        /// Note in the Your model panel while a trained model is stored in this browser
        /// (`model-saved`).
        saved {
            en: "Your model is saved in this browser and comes back after a reload.",
            ko: "모델이 이 브라우저에 저장되어 새로고침한 뒤에도 남습니다.",
        }
        /// Status note in the Your model panel after the forget button (`model-forget`).
        forgotten {
            en: "The model is deleted from this browser; the models in My models remain.",
            ko: "이 모델을 브라우저에서 삭제했습니다. 내 모델 목록의 다른 모델은 그대로 남아 있습니다.",
        }
        /// Status note in the Your model panel after a successful import (`model-import`).
        imported {
            en: "Weights imported; the model now uses them.",
            ko: "가중치를 가져왔습니다. 이제 모델이 이 가중치를 씁니다.",
        }
        /// Error in the Your model panel (`model-error`) when an import is refused; {e} is the
        /// reason.
        import_refused {
            en: "Not imported: {e}",
            ko: "가져오지 못했습니다. {e}",
        }
        /// Error in the Your model panel (`model-error`) when weights are imported during a run.
        import_running {
            en: "Pause training before importing weights.",
            ko: "가중치를 가져오려면 먼저 학습을 일시 정지하세요.",
        }
        /// Note under the Your model panel's buttons: the file uses PyTorch's parameter names.
        export_note {
            en: "The file holds the weights under PyTorch's names (conv1.0.weight, …) and the architecture in its metadata. In PyTorch, read it into a dict with load_file from safetensors.torch, then give that dict to the load_state_dict method of a model built from the class shown in the MNIST model section: state = load_file(path), model.load_state_dict(state, strict=True).",
            ko: "파일에는 PyTorch 이름(conv1.0.weight 등)으로 된 가중치와, 메타데이터에 적힌 모델 구조가 들어 있습니다. PyTorch에서는 먼저 safetensors.torch의 load_file 함수로 파일을 읽어 딕셔너리를 얻고, MNIST 모델 절에 나온 클래스로 만든 모델의 load_state_dict 메서드에 그 딕셔너리를 넘깁니다: state = load_file(path), model.load_state_dict(state, strict=True).",
        }
        /// Error in the Your model panel (`model-error`) for a file over the size limit; {size}
        /// and {max} in MiB.
        import_too_large {
            en: "Not imported: the file is {size}, more than the {max} a weights file of this app can be. The current model is unchanged.",
            ko: "가져오지 못했습니다. 파일 크기가 {size|로}, 이 앱의 가중치 파일 상한인 {max|를} 넘습니다. 현재 모델은 그대로입니다.",
        }
        /// Error in the Your model panel (`model-error`) when the browser could not read the file.
        import_unreadable {
            en: "Not imported: the browser could not read the file. The current model is unchanged.",
            ko: "가져오지 못했습니다. 브라우저가 파일을 읽지 못했습니다. 현재 모델은 그대로입니다.",
        }
        /// Legend entry of the loss chart's red line at the batch where the run diverged.
        diverged {
            en: "diverged",
            ko: "발산",
        }
        /// Error under the Train controls (`train-error`) when the kept model could not be read.
        storage_unreadable {
            en: "A model kept in this browser could not be read, so it was removed; the others are unchanged.",
            ko: "이 브라우저에 저장된 모델 하나를 읽을 수 없어서 지웠습니다. 나머지 모델은 그대로입니다.",
        }
        /// Error in the Your model panel (`model-save-error`) when a save failed; {e} the reason.
        save_failed {
            en: "This model could not be saved in this browser ({e}). It stays here until you close the page; export it to keep it.",
            ko: "이 모델을 브라우저에 저장하지 못했습니다({e}). 페이지를 닫기 전까지는 남아 있으니, 보관하려면 파일로 내보내세요.",
        }
        /// The worker's refusal of a command that needs the digits while they load.
        err_loading {
            en: "The digits are still loading; try again in a moment.",
            ko: "숫자 이미지를 아직 불러오는 중입니다. 잠시 뒤에 다시 해 보세요.",
        }
        /// The worker could not fetch or decode the digits; {e} is the browser's detail.
        err_digits {
            en: "The training digits could not be loaded ({e}). Reload the page to try again.",
            ko: "학습용 숫자 이미지를 불러오지 못했습니다({e}). 페이지를 새로고침한 뒤 다시 시도하세요.",
        }
        /// A run that diverged (`train-error`); {step} is the batch, {loss} its loss.
        err_diverged {
            en: "The run stopped at batch {step}: the loss became {loss}, not a number. The learning rate is too large for this model, so every step overshoots and the weights blow up. The weights from before that batch are kept. Try a learning rate ten times smaller.",
            ko: "배치 {step}에서 학습을 멈췄습니다. 손실이 수가 아닌 값({loss})이 되었습니다. 이 모델에 비해 학습률이 너무 커서 단계마다 가중치가 지나치게 크게 바뀌었고, 결국 발산했습니다. 그 배치 전의 가중치는 그대로 남아 있습니다. 학습률을 10분의 1로 줄여 보세요.",
        }
        /// The worker got a message it could not read.
        err_unreadable {
            en: "The training worker got a message it could not read; nothing was changed.",
            ko: "학습 워커가 읽을 수 없는 메시지를 받았습니다. 바뀐 것은 없습니다.",
        }
        /// The browser could not post a command to the worker (`train-error`); {e} is its detail.
        err_not_sent {
            en: "The command could not be sent to the training worker ({e}); nothing was changed. Try again, or reload the page.",
            ko: "명령을 학습 워커에 보내지 못했습니다({e}). 바뀐 것은 없습니다. 다시 해 보거나 페이지를 새로고침하세요.",
        }
        /// The worker stopped working (`train-error`); {e} is the browser's detail.
        err_crashed {
            en: "The training worker stopped working ({e}). It has been restarted with your last weights.",
            ko: "학습 워커가 멈췄습니다({e}). 마지막 가중치로 워커를 다시 시작했습니다.",
        }
        /// The worker could not be restarted after it stopped; {e} is the detail.
        err_dead {
            en: "The training worker could not be started ({e}). Reload the page to train; your kept model is safe.",
            ko: "학습 워커를 시작하지 못했습니다({e}). 학습하려면 페이지를 새로고침하세요. 저장된 모델은 그대로 남아 있습니다.",
        }
        /// After an epoch at chance level (`train-message`); {e} the epoch, {a} the accuracy in %.
        learned_nothing {
            en: "After epoch {e} the model gets {a} % of the held-out digits right: no better than guessing (10 %). It is not kept, so a model you kept before stays as it was. A smaller learning rate usually helps.",
            ko: "{e}번째 에포크가 끝났지만 모델은 테스트 데이터의 {a}%만 맞힙니다. 무작위로 찍는 수준(10%)과 다르지 않습니다. 이 모델은 저장하지 않았으므로, 전에 저장한 모델은 그대로입니다. 보통 학습률을 줄이면 나아집니다.",
        }
        /// While paused with settings other than the run's (`train-message`).
        settings_next_start {
            en: "Resume and One batch go on with the run's settings; the changed settings apply from the next Start.",
            ko: "‘이어서 학습’과 ‘배치 하나 학습’은 지금 학습의 설정으로 이어 갑니다. 바꾼 설정은 다음 ‘시작’부터 적용됩니다.",
        }
    }
}

impl TrainText {
    /// What `status` means, shown beside the raw status word of `train-status`.
    pub fn state(&self, status: crate::train::protocol::Status) -> &'static str {
        use crate::train::protocol::Status;
        match status {
            Status::Idle => self.state_idle,
            Status::Loading => self.state_loading,
            Status::Running => self.state_running,
            Status::Paused => self.state_paused,
            Status::Done => self.state_done,
            Status::Error => self.state_error,
        }
    }
}
