//! A model description as PyTorch and Keras source, so the model page shows the same network in
//! both libraries and follows every edit; also the ReLU demo's few lines. The code is the same in
//! every language; its comments are in the page's, from the text tables.

use crate::nn::{LayerConfig, ModelConfig};
use crate::text::{fill, Text};

/// `text` as comment lines, each indented by `indent`: a table string may span several lines.
fn comment(indent: &str, text: &str) -> String {
    text.lines().map(|l| format!("{indent}# {l}\n")).collect()
}

/// The ReLU demo's code (`relu-code`).
pub fn relu_code(t: &Text) -> String {
    format!(
        "relu = nn.ReLU(inplace=False)\ny = relu(x)          # {}\n# {}",
        t.head.relu_code_each, t.head.relu_code_same
    )
}

fn pair(p: (usize, usize)) -> String {
    if p.0 == p.1 {
        p.0.to_string()
    } else {
        format!("({}, {})", p.0, p.1)
    }
}

/// `, padding=…, dilation=…` for the settings of `w` that differ from PyTorch's defaults.
fn padding_dilation(w: crate::nn::Window) -> String {
    let mut s = String::new();
    if w.padding != (0, 0) {
        s += &format!(", padding={}", pair(w.padding));
    }
    if w.dilation != (1, 1) {
        s += &format!(", dilation={}", pair(w.dilation));
    }
    s
}

/// The `nn.Module` class, with one `nn.Sequential` per module-path prefix (`conv1`, `conv2`,
/// `classifier`), so its `state_dict` names match the layer names of `model`.
pub fn pytorch_class(model: &ModelConfig) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for l in &model.layers {
        let prefix = l.name.split('.').next().unwrap_or("layers").to_string();
        let line = match &l.config {
            LayerConfig::Conv2d(c) => {
                let w = c.window;
                let mut s = format!(
                    "nn.Conv2d({}, {}, {}",
                    c.in_channels,
                    c.out_channels,
                    pair(w.kernel)
                );
                if w.stride != (1, 1) {
                    s += &format!(", stride={}", pair(w.stride));
                }
                s + &padding_dilation(w) + ")"
            }
            LayerConfig::ReLU => "nn.ReLU()".into(),
            LayerConfig::MaxPool2d(c) => {
                let w = c.window;
                let mut s = format!("nn.MaxPool2d({}", pair(w.kernel));
                s += &format!(", {}", pair(w.stride));
                s + &padding_dilation(w) + ")"
            }
            LayerConfig::Flatten { .. } => "nn.Flatten()".into(),
            LayerConfig::Linear(c) => format!("nn.Linear({}, {})", c.in_features, c.out_features),
            LayerConfig::Dropout { p } => format!("nn.Dropout({p})"),
        };
        match groups.last_mut() {
            Some((g, lines)) if *g == prefix => lines.push(line),
            _ => groups.push((prefix, vec![line])),
        }
    }
    let mut s = String::from("import torch.nn as nn\n\nclass MnistCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n");
    for (g, lines) in &groups {
        s += &format!("        self.{g} = nn.Sequential(\n");
        for l in lines {
            s += &format!("            {l},\n");
        }
        s += "        )\n";
    }
    let calls = groups
        .iter()
        .fold("x".to_string(), |acc, (g, _)| format!("self.{g}({acc})"));
    s += &format!("\n    def forward(self, x):\n        return {calls}\n");
    s
}

/// The same network as a Keras `Sequential`. Keras is channels-last and pads only "valid" or
/// "same", so explicit padding becomes a `ZeroPadding2D` layer; before a max pool that follows a
/// ReLU, zero padding equals PyTorch's −∞ padding because the inputs are ≥ 0. Commented in `t`'s
/// language.
pub fn keras_sequential(model: &ModelConfig, t: &Text) -> String {
    let (c, h, w) = (model.input[0], model.input[1], model.input[2]);
    // One source for both names (Keras 3); mixing tensorflow.keras and keras is two libraries.
    let mut s = format!("import keras\nfrom keras import layers\n\nmodel = keras.Sequential([\n    keras.Input(shape=({h}, {w}, {c})),\n");
    let mut after_relu = false;
    for l in &model.layers {
        match &l.config {
            LayerConfig::Conv2d(c) => {
                let win = c.window;
                if win.padding != (0, 0) {
                    s += &format!("    layers.ZeroPadding2D(padding={}),\n", pair(win.padding));
                }
                let mut conv = format!("layers.Conv2D({}, {}", c.out_channels, pair(win.kernel));
                if win.stride != (1, 1) {
                    conv += &format!(", strides={}", pair(win.stride));
                }
                if win.dilation != (1, 1) {
                    conv += &format!(", dilation_rate={}", pair(win.dilation));
                }
                conv += ")";
                // Keras refuses strides > 1 together with dilation_rate > 1: say so, and do not
                // write a line it would reject.
                let strided = win.stride.0 > 1 || win.stride.1 > 1;
                let dilated = win.dilation.0 > 1 || win.dilation.1 > 1;
                if strided && dilated {
                    s += &comment("    ", t.stepper.keras_strided_dilation);
                    s += &comment("    ", &fill(t.model.keras_refused, &[("conv", conv)]));
                } else {
                    s += &format!("    {conv},\n");
                }
            }
            LayerConfig::ReLU => s += "    layers.ReLU(),\n",
            LayerConfig::MaxPool2d(c) => {
                let win = c.window;
                if win.padding != (0, 0) {
                    let why = if after_relu {
                        t.model.keras_pad_same
                    } else {
                        t.model.keras_pad_differs
                    };
                    s += &format!(
                        "    layers.ZeroPadding2D(padding={}),  # {why}\n",
                        pair(win.padding)
                    );
                }
                if win.dilation != (1, 1) {
                    let why = format!(
                        "{} {}",
                        t.stepper.keras_pool_dilation, t.model.keras_inexact
                    );
                    s += &comment("    ", &why);
                }
                s += &format!(
                    "    layers.MaxPool2D(pool_size={}, strides={}),\n",
                    pair(win.kernel),
                    pair(win.stride)
                );
            }
            LayerConfig::Flatten { .. } => {
                s += &format!("    layers.Flatten(),  # {}\n", t.model.keras_flatten)
            }
            LayerConfig::Linear(c) => s += &format!("    layers.Dense({}),\n", c.out_features),
            LayerConfig::Dropout { p } => s += &format!("    layers.Dropout({p}),\n"),
        }
        after_relu = matches!(l.config, LayerConfig::ReLU);
    }
    let loss = "keras.losses.SparseCategoricalCrossentropy(from_logits=True)".to_string();
    s + "])\n" + &comment("", &fill(t.model.keras_logits, &[("loss", loss)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::{Conv2dConfig, LinearConfig, MaxPool2dConfig, NamedLayerConfig};
    use crate::text::{EN, KO};

    #[test]
    fn seed_model_in_both_libraries() {
        let m = ModelConfig::seed();
        let py = pytorch_class(&m);
        assert!(py.contains("        self.conv1 = nn.Sequential(\n            nn.Conv2d(1, 16, 3),\n            nn.ReLU(),\n            nn.MaxPool2d(2, 2, padding=1),\n        )"));
        assert!(py.contains("nn.Linear(1568, 32)"));
        assert!(py.contains("return self.classifier(self.conv2(self.conv1(x)))"));
        let k = keras_sequential(&m, &EN);
        assert!(k.contains("keras.Input(shape=(28, 28, 1))"));
        assert!(k.starts_with("import keras\nfrom keras import layers\n"));
        assert!(k.contains("layers.Conv2D(16, 3),"));
        assert!(k.contains("from_logits=True"));
        assert!(k.contains("layers.ZeroPadding2D(padding=1),  # = PyTorch's −∞ padding"));
        assert!(k.contains("layers.Dense(10)"));
    }

    #[test]
    fn no_keras_line_combines_strides_and_dilation_above_1() {
        // Every stride and dilation the editor allows in a block, in either block.
        for stride in 1..=3 {
            for dilation in 1..=3 {
                let mut a = crate::nn::arch::ArchSettings::default();
                a.blocks[1].stride = stride;
                a.blocks[1].dilation = dilation;
                let k = keras_sequential(&a.to_model(), &EN);
                for line in k.lines().filter(|l| !l.trim_start().starts_with('#')) {
                    let both = line.contains("strides=") && line.contains("dilation_rate=");
                    assert!(!both, "stride {stride}, dilation {dilation}: {line}");
                }
                if stride > 1 && dilation > 1 {
                    assert!(k.contains("no exact Keras form"));
                } else {
                    assert!(!k.contains("no exact Keras form"));
                }
            }
        }
    }

    /// A model whose listing has every comment the seed model's lacks: a convolution Keras
    /// refuses, and a padded, dilated max pool straight after it (no ReLU between).
    fn odd_model() -> ModelConfig {
        let named = NamedLayerConfig::new;
        let conv = Conv2dConfig::new(1, 4, (3, 3))
            .stride((2, 2))
            .dilation((2, 2));
        let pool = MaxPool2dConfig::new((2, 2))
            .padding((1, 1))
            .dilation((2, 2));
        ModelConfig {
            input: vec![1, 28, 28],
            layers: vec![
                named("conv1.0", LayerConfig::Conv2d(conv)),
                named("conv1.1", LayerConfig::MaxPool2d(pool)),
                named(
                    "classifier.0",
                    LayerConfig::Flatten {
                        start_dim: 1,
                        end_dim: -1,
                    },
                ),
                named(
                    "classifier.1",
                    LayerConfig::Linear(LinearConfig::new(144, 10)),
                ),
            ],
        }
    }

    /// The code of each line of `listing` (before any `#`), and the comments.
    fn split(listing: &str) -> (Vec<&str>, Vec<&str>) {
        let lines = listing
            .lines()
            .map(|l| l.split_once('#').unwrap_or((l, "")));
        let code = lines.clone().map(|l| l.0).collect();
        let comments = lines
            .map(|l| l.1.trim())
            .filter(|c| !c.is_empty())
            .collect();
        (code, comments)
    }

    fn has_hangul(s: &str) -> bool {
        s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    }

    #[test]
    fn listings_speak_the_page_language_only_in_their_comments() {
        let listings = |t: &Text| {
            vec![
                relu_code(t),
                keras_sequential(&ModelConfig::seed(), t),
                keras_sequential(&odd_model(), t),
            ]
        };
        let (en, ko) = (listings(&EN), listings(&KO));
        for (en, ko) in en.iter().zip(&ko) {
            let ((en_code, en_comments), (ko_code, ko_comments)) = (split(en), split(ko));
            assert_eq!(en_code, ko_code, "the code differs between the languages");
            assert!(!ko_comments.is_empty());
            for c in en_comments {
                assert!(!has_hangul(c), "English listing, comment in Korean: # {c}");
            }
            for c in ko_comments {
                assert!(has_hangul(c), "Korean listing, comment in English: # {c}");
            }
        }
        // Every comment the listings can carry was checked above.
        let all = ko.concat();
        for phrase in [
            KO.head.relu_code_each,
            KO.head.relu_code_same,
            KO.model.keras_pad_same,
            KO.model.keras_pad_differs,
            KO.model.keras_inexact,
            KO.model.keras_flatten,
            KO.stepper.keras_strided_dilation,
            KO.stepper.keras_pool_dilation,
        ] {
            assert!(all.contains(phrase), "no listing says: {phrase}");
            // One style for every comment: a full sentence in the page's register.
            assert!(phrase.ends_with("니다."), "not a sentence: # {phrase}");
        }
        for phrase in [KO.model.keras_refused, KO.model.keras_logits] {
            assert!(phrase.ends_with("니다."), "not a sentence: # {phrase}");
        }
        assert!(all.contains("dilation_rate=2)처럼 쓰면 Keras에서 오류가 납니다."));
        assert!(all.contains("(from_logits=True)로 학습합니다."));
    }
}
