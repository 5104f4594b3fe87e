//! Text of the Draw section (`#draw`, `components/draw/`): the canvas, the preprocessing steps, the
//! prediction and the feature maps.

table! {
    /// Every string of the Draw section.
    pub struct DrawText {
        /// Heading (h2) of the Draw section; also its link in the header navigation (`nav-draw`).
        title {
            en: "Draw a digit",
            ko: "숫자 그리기",
        }
        /// Intro paragraph under the Draw heading.
        intro {
            en: "Draw a digit from 0 to 9 with your mouse, finger or pen. The network classifies it while you draw and shows what every layer makes of it.",
            ko: "마우스, 손가락, 펜으로 0부터 9까지의 숫자를 그려 보세요. 그리는 동안 신경망이 숫자를 분류하고, 각 층이 그림을 어떻게 바꾸는지 보여 줍니다.",
        }
        /// Accessible name of the Draw section's drawing canvas (`draw-canvas`).
        canvas_label {
            en: "Drawing canvas: draw a digit here",
            ko: "그림판: 여기에 숫자를 그리세요",
        }
        /// Note under the drawing canvas (`#draw-keys`, the canvas's aria-describedby): how to draw
        /// with the keyboard.
        keys {
            en: "Keyboard: focus the canvas, move the pen with the arrow keys (Shift for small steps), and press Space to put it down or lift it.",
            ko: "키보드: 그림판에 포커스를 두고 방향키로 펜을 움직이세요(Shift를 함께 누르면 조금씩 움직입니다). 스페이스 키를 누르면 펜을 대거나 뗍니다.",
        }
        /// Label of the pen-width slider under the drawing canvas (`draw-pen`).
        pen {
            en: "Pen width",
            ko: "펜 굵기",
        }
        /// Button under the drawing canvas that removes the last stroke (`draw-undo`).
        undo {
            en: "Undo stroke",
            ko: "획 되돌리기",
        }
        /// Button under the drawing canvas that erases the drawing (`draw-clear`).
        clear {
            en: "Clear",
            ko: "모두 지우기",
        }
        /// Button under the drawing canvas that puts the next built-in MNIST digit on it
        /// (`draw-sample`).
        sample {
            en: "Show a sample digit",
            ko: "예시 숫자 보기",
        }
        /// Note under the drawing canvas while a built-in sample is on it (`draw-sample-note`);
        /// {d} is its label.
        sample_note {
            en: "This is a real handwritten {d} from MNIST's held-out digits, which the model never trained on. Draw your own: your first stroke replaces it.",
            ko: "MNIST 테스트 데이터에 있는 실제 손글씨 {d}입니다. 모델은 이 숫자로 학습한 적이 없습니다. 직접 그려 보세요. 첫 획을 그으면 이 숫자는 사라집니다.",
        }
        /// Heading (h3) of the Draw section's preprocessing steps.
        steps_title {
            en: "What the network sees",
            ko: "신경망이 보는 입력",
        }
        /// Caption and accessible name of the first preprocessing picture (`draw-step-ink`): the
        /// drawing with its ink box.
        step_ink {
            en: "1. Your drawing, with the box around the ink",
            ko: "1. 그린 그림과 획을 감싼 상자",
        }
        /// Caption and accessible name of the second preprocessing picture (`draw-step-crop`); {w}
        /// and {h} are the ink box's width and height in canvas pixels.
        step_bbox {
            en: "2. Cropped to the box: {w} × {h} pixels",
            ko: "2. 상자만큼 잘라 냄: {w} × {h}픽셀",
        }
        /// Caption and accessible name of the third preprocessing picture (`draw-step-scaled`); {w}
        /// and {h} are the scaled box's width and height in pixels.
        step_scaled {
            en: "3. Longer side scaled to 20 px, anti-aliased: {w} × {h}",
            ko: "3. 긴 변을 20픽셀에 맞춰 크기 조정(안티에일리어싱): {w} × {h}",
        }
        /// Caption and accessible name of the fourth preprocessing picture, the 28×28 input
        /// (`draw-preview`); {x} and {y} are where the box's top-left corner went.
        step_centred {
            en: "4. Placed in 28 × 28 with its centre of mass in the middle (box's top-left corner at {x}, {y}): the input",
            ko: "4. 무게중심이 가운데에 오도록 28 × 28 안에 놓음(상자 왼쪽 위 모서리: {x}, {y}): 이것이 입력",
        }
        /// Note under the preprocessing pictures: why MNIST digits go through these steps.
        steps_note {
            en: "These are the steps MNIST's digits went through when the dataset was made. Without them a digit drawn small or in a corner would look nothing like what the network learned from.",
            ko: "MNIST 데이터셋을 만들 때 숫자 이미지들이 거친 것과 같은 단계입니다. 이 단계를 거치지 않으면 작게 그리거나 구석에 그린 숫자는 신경망이 학습한 숫자와 전혀 다르게 보입니다.",
        }
        /// Note in the prediction panel beside the canvas while nothing is drawn (`draw-empty`).
        empty {
            en: "Draw on the canvas: the prediction appears as you draw.",
            ko: "그림판에 그려 보세요. 그리는 동안 예측이 나타납니다.",
        }
        /// Label before the predicted digit (`draw-prediction`) in the prediction panel beside the
        /// canvas; ": " follows it.
        prediction {
            en: "Prediction",
            ko: "예측",
        }
        /// Accessible name of a probability beside a bar of the prediction panel (`draw-prob-D`);
        /// {d} is the digit, 0–9.
        prob_label {
            en: "Probability of {d}",
            ko: "숫자 {d}의 확률",
        }
        /// Status line of the Draw section (`draw-model-status`) while the pretrained model loads.
        model_loading {
            en: "Loading the pretrained model…",
            ko: "미리 학습한 모델을 불러오는 중…",
        }
        /// Status line of the Draw section (`draw-model-status`) when the chosen model's weights
        /// cannot be loaded or used; {e} is the reason.
        model_failed {
            en: "The pretrained model could not be loaded: {e}",
            ko: "미리 학습한 모델을 불러오지 못했습니다: {e}",
        }
        /// Heading (h3) of the Draw section's feature maps of every layer.
        maps_title {
            en: "Feature maps of every layer",
            ko: "모든 층의 특징 맵",
        }
        /// Paragraph under the feature maps' heading: one colour scale per layer; why Flatten and
        /// Dropout add no picture.
        maps_intro {
            en: "Each layer's outputs for your drawing, with one colour scale per layer (blue negative, white 0, orange positive). Flatten only lines the (32, 7, 7) maps up into 1,568 numbers, and Dropout passes everything through unchanged when the model is used rather than trained, so neither adds a new picture.",
            ko: "그린 숫자에 대한 각 층의 출력입니다. 색 척도는 층마다 하나입니다(파란색은 음수, 흰색은 0, 주황색은 양수). 평탄화는 (32, 7, 7) 맵을 값 1,568개로 늘어놓기만 하고, 드롭아웃은 모델을 학습하지 않고 사용할 때(평가 모드)는 모든 값을 그대로 통과시키므로, 둘 다 새 그림을 만들지 않습니다.",
        }
        /// Colour-scale legend beside each layer's maps and under the pointed cell's weights; {m}
        /// is the scale's end. Also, unfilled, the accessible name of the legend strip
        /// (`draw-legend`).
        legend {
            en: "−{m} … 0 … +{m}",
            ko: "−{m} … 0 … +{m}",
        }
        /// Note under the feature maps' intro: how to point at a map to see a value and its
        /// weights.
        hover_hint {
            en: "Point at a map, or focus it and use the arrow keys: a card beside it shows the value there, the input pixels that value depends on (its receptive field, outlined on the input) and the weights that produced it. Esc closes it.",
            ko: "맵을 가리키거나, 맵에 포커스를 두고 방향키를 누르면 옆에 카드가 열립니다. 카드에는 그 위치의 값, 그 값을 만든 가중치, 그리고 그 값을 계산하는 데 쓰인 입력 픽셀의 범위인 수용 영역(receptive field)이 나옵니다. 수용 영역은 입력 위에 테두리로 표시됩니다. Esc 키를 누르면 카드가 닫힙니다.",
        }
        /// Line under the feature maps (`draw-hover`) for a pointed cell of a layer with maps:
        /// {layer} is its name, {c} the map, {r} the row, {k} the column (from 0), {v} the value.
        hover_map {
            en: "{layer}, map {c}, row {r}, column {k}: {v}",
            ko: "{layer}, 맵 {c}, 행 {r}, 열 {k}: {v}",
        }
        /// Line under the feature maps (`draw-hover`) for a pointed unit of a flat layer: {layer}
        /// is its name, {c} the unit (from 0), {v} the value.
        hover_unit {
            en: "{layer}, unit {c}: {v}",
            ko: "{layer}, 유닛 {c}: {v}",
        }
        /// Line under the input picture (`draw-field`) in the read-out of a pointed cell: the
        /// input pixels that cell depends on, rows {r0}–{r1} and columns {c0}–{c1} (from 0, ends
        /// included), {h} × {w} pixels.
        field_box {
            en: "Receptive field: rows {r0}–{r1}, columns {c0}–{c1} of the input ({h} × {w} pixels)",
            ko: "수용 영역: 입력의 행 {r0}–{r1}, 열 {c0}–{c1}({h} × {w}픽셀)",
        }
        /// The same line for a unit after Flatten, which depends on every pixel.
        field_whole {
            en: "Receptive field: the whole input. After Flatten every unit reads all 28 × 28 pixels.",
            ko: "수용 영역: 입력 전체. 평탄화 다음부터는 모든 유닛의 값을 28 × 28픽셀 전체로 계산합니다.",
        }
        /// Accessible name of the × button that closes the card of a pointed cell
        /// (`draw-hover-close`; shown on narrow screens, where the card sits at the bottom).
        close_card {
            en: "Close",
            ko: "닫기",
        }
        /// Accessible name of the input picture with the receptive field outlined (`draw-field`).
        field_label {
            en: "The network's input, with the pointed value's receptive field outlined",
            ko: "가리킨 값의 수용 영역을 테두리로 표시한 신경망의 입력",
        }
        /// Heading line, and accessible name of the picture (`draw-weights`), of the weights shown
        /// under the feature maps for what is pointed at; {c} is the map or unit, from 0.
        weights_of {
            en: "The weights that produce map or unit {c}",
            ko: "맵 또는 유닛 {c|을} 만드는 가중치",
        }
        /// Note above those weights when the pointed layer has no weights of its own (ReLU,
        /// pooling); {layer} is its name.
        weights_from {
            en: "{layer} has no weights; these are the weights of the layer before it that made this channel.",
            ko: "{layer}에는 가중치가 없습니다. 아래는 이 채널을 만든 이전 층의 가중치입니다.",
        }
        /// Accessible name of one layer's maps canvas (`draw-maps-N`); {layer} is the layer's name,
        /// {shape} its output shape without the batch.
        maps_label {
            en: "Outputs of {layer}, shape {shape}",
            ko: "{layer}의 출력, 모양 {shape}",
        }
        /// Legend of the Draw section's model chooser, shown once a model was trained in the
        /// browser.
        model_choice {
            en: "Model",
            ko: "모델",
        }
        /// Radio option of the Draw section's model chooser (`draw-model-pretrained`): the shipped
        /// model.
        model_pretrained {
            en: "Pretrained (shipped)",
            ko: "미리 학습한 모델(기본 제공)",
        }
        /// Radio option of the Draw section's model chooser (`draw-model-trained`): the model
        /// trained in this browser.
        model_trained {
            en: "Trained in your browser",
            ko: "브라우저에서 학습한 모델",
        }
    }
}
