//! Strings of the Draw section, in English and Korean (one table per section keeps each small).

use super::lang_state::use_lang;
use crate::lang::Lang;
use leptos::prelude::*;

/// Every string the Draw section shows. Templates use `{x}` placeholders.
pub struct DrawStrings {
    /// Section heading.
    pub title: &'static str,
    /// Introduction.
    pub intro: &'static str,
    /// Accessible name of the canvas.
    pub canvas_label: &'static str,
    /// How to draw with the keyboard.
    pub keys: &'static str,
    /// Label of the pen width slider.
    pub pen: &'static str,
    /// Undo button.
    pub undo: &'static str,
    /// Clear button.
    pub clear: &'static str,
    /// Heading of the preprocessing steps.
    pub steps_title: &'static str,
    /// Step 1 caption.
    pub step_ink: &'static str,
    /// Step 2 caption; {w} {h}.
    pub step_bbox: &'static str,
    /// Step 3 caption; {w} {h}.
    pub step_scaled: &'static str,
    /// Step 4 caption; {x} {y}.
    pub step_centred: &'static str,
    /// Why the steps.
    pub steps_note: &'static str,
    /// Shown instead of a prediction while the canvas is empty.
    pub empty: &'static str,
    /// Label before the predicted digit.
    pub prediction: &'static str,
    /// Accessible name of a probability; {d}.
    pub prob_label: &'static str,
    /// While the model loads.
    pub model_loading: &'static str,
    /// When the pretrained model cannot be used; {e}.
    pub model_failed: &'static str,
    /// Heading of the feature maps.
    pub maps_title: &'static str,
    /// Explains the maps.
    pub maps_intro: &'static str,
    /// Legend of a layer's colour scale; {m}.
    pub legend: &'static str,
    /// Hint under the maps.
    pub hover_hint: &'static str,
    /// A map value; {layer} {c} {r} {k} {v}.
    pub hover_map: &'static str,
    /// A unit value; {layer} {c} {v}.
    pub hover_unit: &'static str,
    /// Heading of the weights of what is hovered; {c}.
    pub weights_of: &'static str,
    /// The layer has no weights of its own; {layer}.
    pub weights_from: &'static str,
    /// Accessible name of a layer's maps; {layer} {shape}.
    pub maps_label: &'static str,
    /// Caption of the model chooser.
    pub model_choice: &'static str,
    /// The shipped model.
    pub model_pretrained: &'static str,
    /// The learner's model.
    pub model_trained: &'static str,
}

/// English.
pub const EN: DrawStrings = DrawStrings {
    title: "Draw a digit",
    intro: "Draw a digit from 0 to 9 with your mouse, finger or pen. The network classifies it while you draw and shows what every layer makes of it.",
    canvas_label: "Drawing canvas: draw a digit here",
    keys: "Keyboard: focus the canvas, move the pen with the arrow keys (Shift for small steps), and press Space to put it down or lift it.",
    pen: "Pen width",
    undo: "Undo stroke",
    clear: "Clear",
    steps_title: "What the network sees",
    step_ink: "1. Your drawing, with the box around the ink",
    step_bbox: "2. Cropped to the box: {w} × {h} pixels",
    step_scaled: "3. Longer side scaled to 20 px, anti-aliased: {w} × {h}",
    step_centred: "4. Placed in 28 × 28 with its centre of mass in the middle (moved to {x}, {y}): the input",
    steps_note: "These are the steps MNIST's digits went through when the dataset was made. Without them a digit drawn small or in a corner would look nothing like what the network learned from.",
    empty: "Draw on the canvas: the prediction appears as you draw.",
    prediction: "Prediction",
    prob_label: "Probability of {d}",
    model_loading: "Loading the pretrained model…",
    model_failed: "The pretrained model could not be loaded: {e}",
    maps_title: "Feature maps of every layer",
    maps_intro: "Each layer's outputs for your drawing, with one colour scale per layer (blue negative, white 0, orange positive). Flatten only lines the (32, 7, 7) maps up into 1,568 numbers, and Dropout passes everything through unchanged when the model is used rather than trained, so neither adds a new picture.",
    legend: "−{m} … 0 … +{m}",
    hover_hint: "Point at a map, or focus it and use the arrow keys, to see a value and the weights that produced it.",
    hover_map: "{layer}, map {c}, row {r}, column {k}: {v}",
    hover_unit: "{layer}, unit {c}: {v}",
    weights_of: "The weights that produce map or unit {c}",
    weights_from: "{layer} has no weights; these are the weights of the layer before it that made this channel.",
    maps_label: "Outputs of {layer}, shape {shape}",
    model_choice: "Model",
    model_pretrained: "Pretrained (shipped)",
    model_trained: "Trained in your browser",
};

/// Korean.
pub const KO: DrawStrings = DrawStrings {
    title: "숫자 그리기",
    intro: "마우스, 손가락, 펜으로 0부터 9까지의 숫자를 그려 보세요. 그리는 동안 신경망이 숫자를 분류하고, 층마다 그림을 어떻게 바꾸는지 보여 줍니다.",
    canvas_label: "그림판: 여기에 숫자를 그리세요",
    keys: "키보드: 그림판에 포커스를 두고 방향키로 펜을 움직이세요(Shift를 누르면 조금씩). 스페이스를 누르면 펜을 대거나 뗍니다.",
    pen: "펜 굵기",
    undo: "획 되돌리기",
    clear: "지우기",
    steps_title: "신경망이 보는 입력",
    step_ink: "1. 그린 그림과 잉크를 둘러싼 상자",
    step_bbox: "2. 상자만큼 잘라 냄: {w} × {h} 픽셀",
    step_scaled: "3. 긴 변을 20픽셀로 줄임(안티에일리어싱): {w} × {h}",
    step_centred: "4. 무게중심이 가운데에 오도록 28 × 28에 놓음({x}, {y} 위치): 이것이 입력",
    steps_note: "MNIST 데이터셋을 만들 때 숫자들이 거친 단계와 같습니다. 이 단계가 없으면 작게 그리거나 구석에 그린 숫자는 신경망이 배운 숫자와 전혀 다르게 보입니다.",
    empty: "그림판에 그려 보세요. 그리는 동안 예측이 나타납니다.",
    prediction: "예측",
    prob_label: "{d}일 확률",
    model_loading: "미리 학습한 모델을 불러오는 중…",
    model_failed: "미리 학습한 모델을 불러오지 못했습니다: {e}",
    maps_title: "모든 층의 특징 맵",
    maps_intro: "그린 숫자에 대한 각 층의 출력입니다. 층마다 색 척도가 하나씩 있습니다(파랑은 음수, 흰색은 0, 주황은 양수). Flatten은 (32, 7, 7) 맵을 1,568개의 수로 늘어놓기만 하고, Dropout은 학습이 아니라 사용할 때는 값을 그대로 통과시키므로 새 그림이 생기지 않습니다.",
    legend: "−{m} … 0 … +{m}",
    hover_hint: "맵을 가리키거나, 맵에 포커스를 두고 방향키를 누르면 값과 그 값을 만든 가중치가 보입니다.",
    hover_map: "{layer}, 맵 {c}, {r}행 {k}열: {v}",
    hover_unit: "{layer}, 유닛 {c}: {v}",
    weights_of: "맵 또는 유닛 {c}을(를) 만드는 가중치",
    weights_from: "{layer}에는 가중치가 없습니다. 이 채널을 만든 앞 층의 가중치입니다.",
    maps_label: "{layer}의 출력, 모양 {shape}",
    model_choice: "모델",
    model_pretrained: "미리 학습한 모델(기본 제공)",
    model_trained: "브라우저에서 학습한 모델",
};

/// The table for `lang`.
pub fn draw_strings(lang: Lang) -> &'static DrawStrings {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}

/// The current table, following the language signal.
pub fn use_draw_strings() -> impl Fn() -> &'static DrawStrings + Copy {
    let lang = use_lang();
    move || draw_strings(lang.get())
}
