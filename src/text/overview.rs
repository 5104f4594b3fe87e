//! Text of the overview at the top of the page (`#overview`, `components/overview/`): the whole
//! model as one row of pictures, which is also the way into every section.

table! {
    /// Every string of the overview.
    pub struct OverviewText {
        /// Heading (h2) of the overview.
        title {
            en: "A convolutional network, from pixels to a digit",
            ko: "합성곱 신경망: 픽셀에서 숫자까지",
        }
        /// Intro paragraph of the overview.
        intro {
            en: "This is the network of the post, reading a handwritten digit from left to right. Each box is the output of one stage; the pictures are real, computed in your browser. Draw in the small pad and watch every stage change; select a box to learn how that stage works.",
            ko: "원글의 신경망이 손글씨 숫자 하나를 처리하는 과정을 왼쪽에서 오른쪽으로, 단계 순서대로 보여 줍니다. 상자 하나가 한 단계의 출력이며, 그림은 모두 이 브라우저에서 실제로 계산한 결과입니다. 작은 그림판에 숫자를 그리면 모든 단계가 함께 바뀝니다. 상자를 선택하면 그 단계의 원리를 설명하는 절로 이동합니다.",
        }
        /// Accessible name of the overview's whole diagram (`overview`).
        diagram_label {
            en: "The model, stage by stage",
            ko: "모델의 단계별 구조",
        }
        /// Caption of the overview's first box: the 28×28 input.
        input {
            en: "Input 1 × 28 × 28",
            ko: "입력 1 × 28 × 28",
        }
        /// Caption of a convolution or pooling box: {n} maps of {h} × {w}.
        maps {
            en: "{n} maps of {h} × {w}",
            ko: "{h} × {w} 맵 {n}개",
        }
        /// Caption of a hidden fully connected box: {n} values.
        units {
            en: "{n} values",
            ko: "값 {n}개",
        }
        /// Caption of the last box: the ten logits turned into probabilities by softmax.
        output {
            en: "10 logits → softmax",
            ko: "로짓 10개 → 소프트맥스",
        }
        /// Label before the predicted digit in the overview (`overview-prediction`).
        prediction {
            en: "Prediction",
            ko: "예측",
        }
        /// Shown in place of the prediction while the pad is empty.
        nothing {
            en: "Draw a digit",
            ko: "숫자를 그려 보세요",
        }
        /// Accessible name of an overview box: {stage} (e.g. "conv1.0: Conv2d + ReLU, 16 maps of
        /// 26 × 26") and the {section} it links to.
        go_to {
            en: "{stage}. Go to {section}",
            ko: "{stage}. {section} 절로 이동",
        }
        /// Accessible name of the overview's drawing pad (`overview-canvas`).
        pad_label {
            en: "Small drawing pad: draw a digit here",
            ko: "작은 그림판: 여기에 숫자를 그리세요",
        }
        /// Note under the overview's pad (its aria-describedby): how to draw, and the keyboard.
        pad_note {
            en: "Draw with a mouse, finger or pen. With the keyboard: focus the pad, move with the arrow keys, Space puts the pen down or lifts it.",
            ko: "마우스, 손가락, 펜으로 그리세요. 키보드로는 그림판에 포커스를 두고 방향키로 펜을 움직이며, 스페이스 키로 펜을 대거나 뗍니다.",
        }
        /// Heading (h3) of the numbered list of sections in the overview.
        path_title {
            en: "Your path through the page",
            ko: "이 페이지를 보는 순서",
        }
        /// One line of that list: what the section {name} lets you do, after its link.
        path_conv {
            en: "slide a kernel over an input, one cell at a time",
            ko: "커널을 입력 위로 한 칸씩 밀어 보기",
        }
        /// What the Max pooling section lets you do.
        path_pool {
            en: "keep the largest value of each window",
            ko: "창마다 가장 큰 값만 남기기",
        }
        /// What the Activations and classifier section lets you do.
        path_head {
            en: "ReLU, Flatten, Linear, Dropout and softmax, by hand",
            ko: "ReLU, 평탄화, 선형 층, 드롭아웃, 소프트맥스를 직접 계산해 보기",
        }
        /// What the MNIST model section lets you do.
        path_model {
            en: "build your own network and read it as PyTorch and Keras code",
            ko: "나만의 신경망을 만들고 PyTorch·Keras 코드로 확인하기",
        }
        /// What the Draw section lets you do.
        path_draw {
            en: "see every layer's maps for your own digit",
            ko: "직접 그린 숫자로 모든 층의 특징 맵 보기",
        }
        /// What the Explain section lets you do.
        path_explain {
            en: "ask the model why it gave your digit its class",
            ko: "모델이 내 숫자를 왜 그렇게 판단했는지 물어보기",
        }
        /// What the Train section lets you do.
        path_train {
            en: "train the network on real MNIST digits in this tab",
            ko: "실제 MNIST 숫자 이미지로 이 탭에서 신경망 학습시키기",
        }
        /// Link at the end of each section to the next one: {n} its number, {name} its title.
        next {
            en: "Next: {n}. {name}",
            ko: "다음: {n}. {name}",
        }
        /// Link at the end of the last section, back to the overview.
        back_to_top {
            en: "Back to the overview",
            ko: "개요로 돌아가기",
        }
    }
}
