//! Text of the Activations and classifier section (`#head`, `components/head/`): Flatten, Linear,
//! Dropout, Softmax.

table! {
    /// Every string of the Activations and classifier section.
    pub struct HeadText {
        /// Heading (h2) of the Activations and classifier section; also its link in the header
        /// navigation (`nav-head`).
        title {
            en: "Activations and classifier",
            ko: "활성화 함수와 분류기",
        }
        /// Intro paragraph under the Activations and classifier heading.
        intro {
            en: "After the convolutions, the model turns a (32, 7, 7) block of feature maps into 10 scores, one per digit: Flatten, Linear, ReLU, Dropout, Linear, then Softmax and argmax.",
            ko: "합성곱 층을 모두 거친 뒤, 모델은 (32, 7, 7) 모양의 특징 맵 묶음을 숫자마다 하나씩, 모두 10개의 점수로 바꿉니다. 순서는 평탄화, 선형 층, ReLU, 드롭아웃, 선형 층이고, 마지막으로 소프트맥스와 argmax를 거칩니다.",
        }
        /// Heading (h3) of the ReLU demo (`relu`) in the Activations and classifier section.
        relu_title {
            en: "ReLU: negative values become 0",
            ko: "ReLU: 음수는 0이 됩니다",
        }
        /// Paragraph under the ReLU heading.
        relu_intro {
            en: "After each convolution the model applies ReLU, max(0, x), to every value of every feature map: a negative value becomes 0, a positive one passes unchanged. Without it, stacked convolutions and linear layers would collapse into one linear map; with it, the network can draw curved boundaries between digits. Edit the values above the line; the line below is ReLU's output.",
            ko: "모델은 합성곱을 한 번 거칠 때마다 모든 특징 맵의 모든 값에 ReLU 함수(max(0, x))를 적용합니다. 음수는 0이 되고 양수는 그대로 통과합니다. ReLU가 없으면 합성곱 층과 선형 층을 아무리 쌓아도 선형 변환 하나와 같아지지만, ReLU가 있으면 신경망이 숫자들을 가르는 굽은 결정 경계(decision boundary)를 만들 수 있습니다. 위 줄의 값을 바꾸면 아래 줄에 ReLU의 출력이 나옵니다.",
        }
        /// How many inputs ReLU turned into 0 (`relu-zeroed`); {n} of {m}.
        relu_zeroed {
            en: "{n} of {m} values were negative and became 0.",
            ko: "값 {m}개 가운데 음수였던 {n}개가 0이 되었습니다.",
        }
        /// Comment in the ReLU code (`relu-code`) after `y = relu(x)`.
        relu_code_each {
            en: "max(0, x), element by element",
            ko: "원소마다 0과 x 가운데 큰 값을 고릅니다.",
        }
        /// Last line of the ReLU code (`relu-code`), a comment: two other ways to write it.
        relu_code_same {
            en: "F.relu(x) and x.clamp(min=0) give the same y",
            ko: "F.relu(x), x.clamp(min=0) 두 가지로 써도 같은 y가 나옵니다.",
        }
        /// Note under the ReLU code: what inplace=False means.
        relu_inplace {
            en: "inplace=False (PyTorch's default) writes the result to a new tensor and leaves x as it was; inplace=True overwrites x to save memory, which is safe only when nothing else needs x afterwards.",
            ko: "PyTorch 기본값인 inplace=False에서는 결과를 새 텐서에 쓰고 x는 그대로 둡니다. inplace=True에서는 메모리를 아끼려고 x를 덮어쓰므로, 그 뒤에 x를 다시 읽는 곳이 없을 때만 써야 합니다.",
        }
        /// Heading (h3) of the Flatten demo.
        flatten_title {
            en: "Flatten",
            ko: "평탄화(Flatten)",
        }
        /// Paragraph under the Flatten demo's heading: how (C, H, W) unrolls into a vector.
        flatten_intro {
            en: "Flatten unrolls a (C, H, W) block into one vector, channel by channel, row by row: element (c, h, w) goes to index c·H·W + h·W + w. Point at a cell to see where it goes.",
            ko: "평탄화는 (C, H, W) 묶음을 채널 순서, 행 순서대로 펼쳐 벡터 하나로 만듭니다. (c, h, w) 원소는 인덱스 c·H·W + h·W + w 자리로 갑니다(인덱스는 0부터 셉니다). 칸을 가리키면 어디로 가는지 보입니다.",
        }
        /// Last paragraph of the Flatten demo: the model's Flatten, (32, 7, 7) → 1,568 values.
        flatten_model {
            en: "In the model: (32, 7, 7) → 32 · 7 · 7 = 1,568 values.",
            ko: "모델에서는 (32, 7, 7) → 32 · 7 · 7 = 값 1,568개입니다.",
        }
        /// Shown in the Flatten demo's mapping line (`head-flat-map`) until a cell is pointed at or
        /// focused.
        flatten_hint {
            en: "Point at or focus a cell.",
            ko: "칸을 가리키거나 칸에 포커스를 두세요.",
        }
        /// Heading (h3) of the Linear demo in the Activations and classifier section.
        linear_title {
            en: "Linear",
            ko: "선형 층(Linear)",
        }
        /// Paragraph under the Linear demo's heading: y = W·x + b; invites editing the inputs
        /// (`head-x-I`).
        linear_intro {
            en: "A linear layer, also called a fully connected layer, multiplies the input vector by a weight matrix and adds a bias: y = W·x + b, with W of shape (out, in). Every output depends on every input. The model's last linear layer has as many outputs as there are labels: 10, one per digit. Edit the inputs.",
            ko: "선형 층은 완전 연결 층(fully connected layer)이라고도 하며, 입력 벡터에 가중치 행렬을 곱하고 편향을 더합니다. 식으로 쓰면 y = W·x + b이며, W의 모양은 (출력 수, 입력 수)입니다. 출력 하나하나가 모든 입력에서 계산됩니다. 모델의 마지막 선형 층은 레이블 수만큼, 즉 숫자마다 하나씩 모두 10개를 출력합니다. 입력값을 바꿔 보세요.",
        }
        /// Last paragraph of the Linear demo: how to count a linear layer's parameters.
        linear_params {
            en: "Parameters: in × out + out. Here 4 × 3 + 3 = 15; in the model, classifier.1 has 1,568 × 32 + 32 = 50,208 and classifier.4 has 32 × 10 + 10 = 330.",
            ko: "파라미터 수: 입력 수 × 출력 수 + 출력 수. 여기서는 4 × 3 + 3 = 15개이고, 모델에서는 1,568 × 32 + 32 = 50,208개(classifier.1), 32 × 10 + 10 = 330개(classifier.4)입니다.",
        }
        /// Heading (h3) of the Dropout demo in the Activations and classifier section.
        dropout_title {
            en: "Dropout",
            ko: "드롭아웃(Dropout)",
        }
        /// Paragraph under the Dropout demo's heading: Dropout in training and in evaluation.
        dropout_intro {
            en: "In training, Dropout(p) sets each value to 0 with probability p and multiplies the kept ones by 1/(1−p), so the sum stays the same on average. In evaluation it changes nothing. Since no unit can count on any other being there, the network cannot memorise the training digits through a few units: it overfits less and does better on digits it has not seen. PyTorch's default is p = 0.5; the post's model uses 0.3.",
            ko: "학습할 때 드롭아웃은 각 값을 확률 p로 0으로 바꾸고, 남은 값은 1/(1−p)배로 키웁니다. 그래서 합의 기댓값은 변하지 않습니다. 평가할 때는 아무것도 바꾸지 않습니다. 어떤 유닛도 다른 유닛이 항상 남아 있으리라 기대할 수 없으므로, 신경망은 유닛 몇 개만으로 학습 데이터를 외울 수 없습니다. 그래서 과적합(overfitting)이 줄고 처음 보는 숫자도 더 잘 맞힙니다. PyTorch의 기본값은 p = 0.5이고, 원글의 모델은 p = 0.3을 씁니다.",
        }
        /// Option of the Dropout demo's Mode menu (`head-drop-mode`): training mode.
        train_mode {
            en: "training (model.train())",
            ko: "학습 모드(model.train())",
        }
        /// Option of the Dropout demo's Mode menu (`head-drop-mode`): evaluation mode.
        eval_mode {
            en: "evaluation (model.eval())",
            ko: "평가 모드(model.eval())",
        }
        /// Label of the Dropout demo's Mode menu (`head-drop-mode`).
        mode_label {
            en: "Mode",
            ko: "모드",
        }
        /// Button in the Dropout demo that draws a new random mask (`head-drop-new`).
        new_mask {
            en: "New mask",
            ko: "새 마스크 만들기",
        }
        /// Line under the Dropout demo's values (`head-drop-sums`); {a} is the input's sum, {b} the
        /// output's sum, {n} how many masks were drawn, {m} the average output sum over them.
        sums {
            en: "Sum in: {a}. Sum out: {b}. Average sum out over {n} masks: {m}.",
            ko: "입력 합: {a}. 출력 합: {b}. 마스크 {n}개로 구한 출력 합의 평균: {m}.",
        }
        /// Heading (h3) of the Softmax and argmax demo in the Activations and classifier section.
        softmax_title {
            en: "Softmax and argmax",
            ko: "소프트맥스와 argmax",
        }
        /// Paragraph under the Softmax demo's heading: softmax keeps the logits' order; invites
        /// editing the logits.
        softmax_intro {
            en: "The last layer gives 10 scores (logits). Softmax turns them into probabilities: exp(z_i) / Σ exp(z_j). Every probability is between 0 and 1 and together they sum to 1. It keeps their order, so the largest logit is also the largest probability: argmax is the same before and after softmax. In PyTorch: nn.Softmax(dim=-1) or F.softmax(logits, dim=-1) (leaving out dim is deprecated), and logits.argmax(dim=-1) for the prediction. The demo starts from the ten logits the post prints for its example. Edit the logits.",
            ko: "마지막 층은 점수 10개를 내는데, 이 점수를 로짓(logit)이라고 합니다. 소프트맥스는 로짓을 확률로 바꿉니다: exp(z_i) / Σ exp(z_j). 확률은 모두 0과 1 사이이고, 다 더하면 1입니다. 소프트맥스는 순서를 바꾸지 않으므로 가장 큰 로짓이 가장 큰 확률이 됩니다. 즉 argmax는 소프트맥스 전과 후가 같습니다. PyTorch에서는 nn.Softmax(dim=-1) 또는 F.softmax(logits, dim=-1)처럼 쓰고(dim을 생략하는 방식은 더 이상 권장되지 않습니다), 예측은 logits.argmax(dim=-1)처럼 구합니다. 처음 값은 원글의 예시가 출력한 로짓 10개입니다. 로짓을 바꿔 보세요.",
        }
        /// Line under the Softmax demo's bars (`head-argmax`); {d} is the argmax digit, {p} its
        /// probability.
        prediction {
            en: "Prediction (argmax): {d}, with probability {p}.",
            ko: "예측(argmax): {d}, 확률 {p}.",
        }
        /// Accessible name of an editable logit in the Softmax demo (`head-logit-D`); {d} is the
        /// digit, 0–9.
        logit_label {
            en: "Logit of digit {d}",
            ko: "숫자 {d}의 로짓",
        }
        /// Accessible name of a probability beside a Softmax demo bar (`head-prob-D`); {d} is the
        /// digit, 0–9.
        prob_label {
            en: "Probability of digit {d}",
            ko: "숫자 {d}의 확률",
        }
    }
}
