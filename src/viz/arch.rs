//! The architecture editor's model: conv blocks and a classifier, turned into a [`ModelConfig`]
//! with PyTorch's module names. The first linear layer's `in_features` is computed from the
//! shapes, as a careful PyTorch user would; every other mismatch is reported by the core.

use crate::nn::{
    Conv2dConfig, LayerConfig, LinearConfig, MaxPool2dConfig, ModelConfig, NamedLayerConfig,
};

/// One `Conv2d → ReLU → MaxPool2d` block (the pool is optional).
#[derive(Clone, Debug, PartialEq)]
pub struct ConvBlock {
    /// Filters.
    pub out_channels: usize,
    /// Square kernel side.
    pub kernel: usize,
    /// Stride.
    pub stride: usize,
    /// Zero padding.
    pub padding: usize,
    /// Dilation.
    pub dilation: usize,
    /// Whether a max pool follows the ReLU.
    pub pool: bool,
    /// Pool kernel (its stride is the same).
    pub pool_kernel: usize,
    /// Pool padding (−∞).
    pub pool_padding: usize,
}

impl ConvBlock {
    fn seed(out_channels: usize) -> Self {
        ConvBlock {
            out_channels,
            kernel: 3,
            stride: 1,
            padding: 0,
            dilation: 1,
            pool: true,
            pool_kernel: 2,
            pool_padding: 1,
        }
    }
}

/// The editable architecture.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchSettings {
    /// Conv blocks in order (at least one).
    pub blocks: Vec<ConvBlock>,
    /// Width of the hidden linear layer.
    pub hidden: usize,
    /// Dropout probability before the last layer.
    pub dropout: f32,
}

/// The most conv blocks the editor offers.
pub const MAX_BLOCKS: usize = 4;

impl Default for ArchSettings {
    /// The seed model.
    fn default() -> Self {
        ArchSettings {
            blocks: vec![ConvBlock::seed(16), ConvBlock::seed(32)],
            hidden: 32,
            dropout: 0.3,
        }
    }
}

impl ArchSettings {
    /// Adds a block after the last one (double its channels), up to [`MAX_BLOCKS`].
    pub fn add_block(&mut self) {
        if self.blocks.len() < MAX_BLOCKS {
            let c = self
                .blocks
                .last()
                .map_or(16, |b| (b.out_channels * 2).min(256));
            self.blocks.push(ConvBlock {
                pool: false,
                ..ConvBlock::seed(c)
            });
        }
    }

    /// Removes block `i`, keeping at least one.
    pub fn remove_block(&mut self, i: usize) {
        if self.blocks.len() > 1 && i < self.blocks.len() {
            self.blocks.remove(i);
        }
    }

    /// The model: `conv{i}` = Sequential(Conv2d, ReLU[, MaxPool2d]) per block, then
    /// `classifier` = Sequential(Flatten, Linear(features, hidden), ReLU, Dropout(p), Linear(hidden, 10)).
    pub fn to_model(&self) -> ModelConfig {
        let mut layers = Vec::new();
        let named = |name: String, config: LayerConfig| NamedLayerConfig { name, config };
        let mut channels = 1;
        for (i, b) in self.blocks.iter().enumerate() {
            let g = format!("conv{}", i + 1);
            let conv = Conv2dConfig::new(channels, b.out_channels, (b.kernel, b.kernel))
                .stride((b.stride, b.stride))
                .padding((b.padding, b.padding))
                .dilation((b.dilation, b.dilation));
            layers.push(named(format!("{g}.0"), LayerConfig::Conv2d(conv)));
            layers.push(named(format!("{g}.1"), LayerConfig::ReLU));
            if b.pool {
                let pool = MaxPool2dConfig::new((b.pool_kernel, b.pool_kernel))
                    .padding((b.pool_padding, b.pool_padding));
                layers.push(named(format!("{g}.2"), LayerConfig::MaxPool2d(pool)));
            }
            channels = b.out_channels;
        }
        let mut model = ModelConfig {
            input: vec![1, 28, 28],
            layers,
        };
        // The flattened size, when the conv part fits; otherwise the conv part's own error shows.
        let features = model
            .shapes(1)
            .ok()
            .and_then(|s| s.last().map(|s| s[1..].iter().product()))
            .unwrap_or(1);
        let c = |name: &str, config: LayerConfig| named(format!("classifier.{name}"), config);
        model.layers.extend([
            c(
                "0",
                LayerConfig::Flatten {
                    start_dim: 1,
                    end_dim: -1,
                },
            ),
            c(
                "1",
                LayerConfig::Linear(LinearConfig::new(features, self.hidden)),
            ),
            c("2", LayerConfig::ReLU),
            c("3", LayerConfig::Dropout { p: self.dropout }),
            c("4", LayerConfig::Linear(LinearConfig::new(self.hidden, 10))),
        ]);
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::Summary;

    #[test]
    fn default_is_the_seed_model() {
        assert_eq!(ArchSettings::default().to_model(), ModelConfig::seed());
    }

    #[test]
    fn edits_follow_through() {
        let mut a = ArchSettings::default();
        a.blocks[0].out_channels = 8;
        a.hidden = 64;
        let s = Summary::of(&a.to_model()).unwrap();
        assert_eq!(
            s.total_params,
            (8 * 9 + 8) + (32 * 8 * 9 + 32) + (1568 * 64 + 64) + (64 * 10 + 10)
        );
        a.add_block();
        assert_eq!(a.blocks.len(), 3);
        let m = a.to_model();
        assert_eq!(m.shapes(1).unwrap()[7], vec![1, 64, 5, 5]);
        a.blocks[2].kernel = 9;
        let e = a.to_model().shapes(1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Layer Conv2d-7: A 9×9 kernel spans 9×9, but the padded input is only 7×7."
        );
        a.remove_block(2);
        a.remove_block(0);
        a.remove_block(0);
        assert_eq!(a.blocks.len(), 1);
    }
}
