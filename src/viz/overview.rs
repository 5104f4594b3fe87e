//! The overview at the top of the page: the model as a left-to-right row of stages, each one a
//! layer output worth a picture and a link to the section that explains it. Plain rules over a
//! model's configuration, so any architecture the editor makes gets its own row.

use crate::nn::{LayerConfig, ModelConfig};

/// What a stage of the overview shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKind {
    /// A convolution's maps (after its ReLU when one follows).
    Conv,
    /// A max-pooling layer's maps.
    Pool,
    /// A hidden fully connected layer's units (after its ReLU when one follows).
    Dense,
    /// The last layer: the logits, one per class.
    Output,
}

impl StageKind {
    /// The page section (`#id`) that explains this kind of layer.
    pub fn section(self) -> &'static str {
        match self {
            StageKind::Conv => "conv",
            StageKind::Pool => "pool",
            StageKind::Dense | StageKind::Output => "head",
        }
    }
}

/// One stage: which layer's output to show, and how to name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// Index into the model's layers (and its trace) of the output shown.
    pub index: usize,
    /// What it is.
    pub kind: StageKind,
    /// The PyTorch module name of the layer that makes it (`conv1.0`, `classifier.4`, ...).
    pub name: String,
    /// PyTorch class names, e.g. `Conv2d + ReLU`.
    pub classes: String,
    /// The output's shape without the batch, e.g. `[16, 26, 26]`.
    pub shape: Vec<usize>,
}

/// The stages of `model`: every convolution and pooling layer, every hidden Linear layer and the
/// output. Flatten and Dropout only reshape or (when the model is used) copy, so they get none;
/// a ReLU right after a convolution or a Linear layer is shown with it.
pub fn stages(model: &ModelConfig) -> Vec<Stage> {
    let Ok(shapes) = model.shapes(1) else {
        return Vec::new();
    };
    let layers = &model.layers;
    let last_linear = layers
        .iter()
        .rposition(|l| matches!(l.config, LayerConfig::Linear(_)));
    let mut out = Vec::new();
    for (i, l) in layers.iter().enumerate() {
        let kind = match l.config {
            LayerConfig::Conv2d(_) => StageKind::Conv,
            LayerConfig::MaxPool2d(_) => StageKind::Pool,
            LayerConfig::Linear(_) if Some(i) == last_linear => StageKind::Output,
            LayerConfig::Linear(_) => StageKind::Dense,
            _ => continue,
        };
        let relu_next = kind != StageKind::Output
            && matches!(
                layers.get(i + 1).map(|n| &n.config),
                Some(LayerConfig::ReLU)
            );
        let index = if relu_next { i + 1 } else { i };
        let classes = if relu_next {
            format!("{} + ReLU", l.config.kind())
        } else {
            l.config.kind().to_string()
        };
        out.push(Stage {
            index,
            kind,
            name: l.name.clone(),
            classes,
            shape: shapes[index].iter().skip(1).copied().collect(),
        });
    }
    out
}

/// How many of a stage's maps the overview shows as thumbnails.
pub const THUMBNAILS: usize = 3;

/// The `k` channels of `values` (`channels` maps of equal size, one after another) with the
/// most activity (sum of |v|), in channel order: the thumbnails worth showing for this input,
/// since after ReLU some maps are all 0 for a given digit. Ties go to the lower channel.
pub fn most_active(values: &[f32], channels: usize, k: usize) -> Vec<usize> {
    if channels == 0 || !values.len().is_multiple_of(channels) {
        return Vec::new();
    }
    let size = values.len() / channels;
    let mut activity: Vec<(usize, f32)> = values
        .chunks(size.max(1))
        .map(|m| m.iter().map(|v| v.abs()).sum::<f32>())
        .enumerate()
        .collect();
    activity.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut picked: Vec<usize> = activity.iter().take(k).map(|a| a.0).collect();
    picked.sort_unstable();
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::arch::ArchPreset;

    #[test]
    fn the_seed_model_is_two_convolutions_two_poolings_a_hidden_layer_and_the_output() {
        let s = stages(&ModelConfig::seed());
        let row: Vec<(usize, StageKind, &str, &str, Vec<usize>)> = s
            .iter()
            .map(|s| {
                (
                    s.index,
                    s.kind,
                    s.name.as_str(),
                    s.classes.as_str(),
                    s.shape.clone(),
                )
            })
            .collect();
        // torchsummary's shapes for the post's model: ReLU-2, MaxPool2d-3, ReLU-5, MaxPool2d-6,
        // ReLU-9 (after Linear-8), Linear-11.
        assert_eq!(
            row,
            vec![
                (
                    1,
                    StageKind::Conv,
                    "conv1.0",
                    "Conv2d + ReLU",
                    vec![16, 26, 26]
                ),
                (2, StageKind::Pool, "conv1.2", "MaxPool2d", vec![16, 14, 14]),
                (
                    4,
                    StageKind::Conv,
                    "conv2.0",
                    "Conv2d + ReLU",
                    vec![32, 12, 12]
                ),
                (5, StageKind::Pool, "conv2.2", "MaxPool2d", vec![32, 7, 7]),
                (
                    8,
                    StageKind::Dense,
                    "classifier.1",
                    "Linear + ReLU",
                    vec![32]
                ),
                (10, StageKind::Output, "classifier.4", "Linear", vec![10]),
            ]
        );
        assert_eq!(
            s.iter().map(|s| s.kind.section()).collect::<Vec<_>>(),
            ["conv", "pool", "conv", "pool", "head", "head"]
        );
    }

    #[test]
    fn thumbnails_are_the_busiest_maps_in_channel_order() {
        // Four 2-value maps: channel 1 is all 0 (ReLU turned it off), 3 the busiest.
        let v = [1.0, 1.0, 0.0, 0.0, -0.5, 0.5, 4.0, 0.0];
        assert_eq!(most_active(&v, 4, 3), vec![0, 2, 3]);
        assert_eq!(most_active(&v, 4, 1), vec![3]);
        // All zero: the first ones, in order.
        assert_eq!(most_active(&[0.0; 8], 4, 2), vec![0, 1]);
        assert_eq!(most_active(&v, 3, 2), Vec::<usize>::new());
    }

    #[test]
    fn every_preset_ends_in_ten_logits_and_links_only_to_real_sections() {
        for p in ArchPreset::ALL {
            let model = p.settings().to_model();
            let s = stages(&model);
            let last = s.last().unwrap();
            assert_eq!(last.kind, StageKind::Output, "{p:?}");
            assert_eq!(last.shape, vec![10], "{p:?}");
            assert_eq!(last.index, model.layers.len() - 1, "{p:?}");
            assert!(s.iter().filter(|s| s.kind == StageKind::Conv).count() >= 1);
        }
    }
}
