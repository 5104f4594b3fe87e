//! The family of models the editor builds and the browser trains: conv blocks and a classifier,
//! turned into a [`ModelConfig`] with PyTorch's module names. The first linear layer's
//! `in_features` is computed from the shapes, as a careful PyTorch user would; every other
//! mismatch is reported by the core. Also here: the named presets, what a model costs to train
//! (and the limits past which a browser tab refuses it), and the architecture a weights file
//! carries in its metadata.

use crate::nn::error::ArchProblem;
use crate::nn::{
    Conv2dConfig, LayerConfig, LinearConfig, MaxPool2dConfig, ModelConfig, NamedLayerConfig,
    NnError, Sequential, WeightsError,
};
use serde::{Deserialize, Serialize};

/// One `Conv2d → ReLU → MaxPool2d` block (the pool is optional).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchSettings {
    /// Conv blocks in order (at least one).
    pub blocks: Vec<ConvBlock>,
    /// Width of the hidden linear layer.
    pub hidden: usize,
    /// Dropout probability before the last layer.
    pub dropout: f32,
}

/// The most conv blocks the editor offers.
pub const MAX_BLOCKS: usize = ArchField::Blocks.limits().1 as usize;

/// A setting of the model family, with the range the editor offers. Every reader of an
/// architecture (a file's metadata, a kept model, the worker) checks the same ranges
/// ([`ArchSettings::validate`]), so no way in builds a model the editor could not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArchField {
    /// How many conv blocks.
    Blocks,
    /// A block's filters (`out_channels`).
    Filters,
    /// A block's square kernel side.
    Kernel,
    /// A block's stride.
    Stride,
    /// A block's zero padding.
    Padding,
    /// A block's dilation.
    Dilation,
    /// A block's pool kernel (and stride).
    PoolKernel,
    /// A block's pool padding.
    PoolPadding,
    /// The hidden linear layer's width.
    Hidden,
    /// The dropout probability before the last layer.
    Dropout,
}

impl ArchField {
    /// The least and the most the editor offers, both allowed. 28 is the input's side: a
    /// kernel, stride or padding past it only wastes the learner's time; a dropout of 1 would
    /// let nothing through.
    pub const fn limits(self) -> (f64, f64) {
        match self {
            ArchField::Blocks => (1.0, 4.0),
            ArchField::Filters => (1.0, 256.0),
            ArchField::Kernel | ArchField::Stride | ArchField::Dilation | ArchField::PoolKernel => {
                (1.0, 28.0)
            }
            ArchField::Padding | ArchField::PoolPadding => (0.0, 28.0),
            ArchField::Hidden => (1.0, 1024.0),
            ArchField::Dropout => (0.0, 0.95),
        }
    }

    /// `value` itself when it is within [`ArchField::limits`], else the refusal naming it.
    pub fn check(self, block: Option<usize>, value: f64) -> Result<(), NnError> {
        let (min, max) = self.limits();
        if (min..=max).contains(&value) {
            Ok(())
        } else {
            Err(NnError::OutOfRange {
                block,
                field: self,
                value,
                min,
                max,
            })
        }
    }
}

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
                .map_or(16, |b| b.out_channels.saturating_mul(2).min(256));
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

    /// Checks every setting against the editor's ranges ([`ArchField::limits`]), naming the
    /// first one outside them.
    pub fn validate(&self) -> Result<(), NnError> {
        let check = |block, field: ArchField, value: usize| field.check(block, value as f64);
        check(None, ArchField::Blocks, self.blocks.len())?;
        for (i, b) in self.blocks.iter().enumerate() {
            let at = Some(i + 1);
            check(at, ArchField::Filters, b.out_channels)?;
            check(at, ArchField::Kernel, b.kernel)?;
            check(at, ArchField::Stride, b.stride)?;
            check(at, ArchField::Padding, b.padding)?;
            check(at, ArchField::Dilation, b.dilation)?;
            if b.pool {
                check(at, ArchField::PoolKernel, b.pool_kernel)?;
                check(at, ArchField::PoolPadding, b.pool_padding)?;
            }
        }
        check(None, ArchField::Hidden, self.hidden)?;
        ArchField::Dropout.check(None, f64::from(self.dropout))
    }

    /// The model: `conv{i}` = Sequential(Conv2d, ReLU[, MaxPool2d]) per block, then
    /// `classifier` = Sequential(Flatten, Linear(features, hidden), ReLU, Dropout(p), Linear(hidden, 10)).
    pub fn to_model(&self) -> ModelConfig {
        let mut layers = Vec::new();
        let named = NamedLayerConfig::new;
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
        // The flattened size, when the conv part fits; otherwise the conv part's own error shows
        // (and past `usize::MAX`, the Flatten layer's).
        let features = model
            .shapes(1)
            .ok()
            .and_then(|s| {
                s.last()?[1..]
                    .iter()
                    .try_fold(1usize, |n, &d| n.checked_mul(d))
            })
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

/// The named architectures the editor offers, each trainable in a browser tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArchPreset {
    /// The source post's model: two 3×3 blocks of 16 and 32 filters with pooling, hidden 32.
    Seed,
    /// One block of 8 filters and a hidden layer of 16: small and fast.
    Tiny,
    /// LeNet-5's layout (LeCun et al., 1998): 5×5 kernels, 6 then 16 filters, hidden 120.
    LeNet,
    /// No pooling: stride-2 convolutions halve the maps instead (Springenberg et al., 2015).
    AllConv,
    /// 3×3 kernels with dilation 2, so each covers 5×5 with nine weights.
    Dilated,
}

impl ArchPreset {
    /// Every preset, in the order the editor lists them.
    pub const ALL: [ArchPreset; 5] = [
        ArchPreset::Seed,
        ArchPreset::Tiny,
        ArchPreset::LeNet,
        ArchPreset::AllConv,
        ArchPreset::Dilated,
    ];

    /// A stable key (the editor's option value and URL word).
    pub fn key(self) -> &'static str {
        match self {
            ArchPreset::Seed => "seed",
            ArchPreset::Tiny => "tiny",
            ArchPreset::LeNet => "lenet",
            ArchPreset::AllConv => "allconv",
            ArchPreset::Dilated => "dilated",
        }
    }

    /// The preset with this key.
    pub fn from_key(key: &str) -> Option<ArchPreset> {
        ArchPreset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The architecture.
    pub fn settings(self) -> ArchSettings {
        let block = |out_channels, kernel, stride, padding, dilation, pool| ConvBlock {
            out_channels,
            kernel,
            stride,
            padding,
            dilation,
            pool,
            pool_kernel: 2,
            pool_padding: 0,
        };
        let arch = |blocks, hidden| ArchSettings {
            blocks,
            hidden,
            dropout: 0.3,
        };
        match self {
            ArchPreset::Seed => ArchSettings::default(),
            ArchPreset::Tiny => arch(vec![block(8, 3, 1, 1, 1, true)], 16),
            ArchPreset::LeNet => arch(
                vec![block(6, 5, 1, 2, 1, true), block(16, 5, 1, 0, 1, true)],
                120,
            ),
            ArchPreset::AllConv => arch(
                vec![block(16, 3, 2, 1, 1, false), block(32, 3, 2, 1, 1, false)],
                32,
            ),
            ArchPreset::Dilated => arch(
                vec![block(16, 3, 1, 0, 2, true), block(32, 3, 1, 0, 2, true)],
                32,
            ),
        }
    }

    /// The preset `arch` is, if it is one.
    pub fn of(arch: &ArchSettings) -> Option<ArchPreset> {
        ArchPreset::ALL.into_iter().find(|p| &p.settings() == arch)
    }
}

/// The most parameters a model trained in a browser tab may have: with Adam each one is four
/// floats (value, gradient, two moments), so 10 million take 160 MB in every worker.
pub const MAX_PARAMS: u64 = 10_000_000;

/// The most memory one training worker may plan for, in MiB: a wasm32 worker can grow to 4 GiB,
/// but a tab with two or three workers on a school laptop or a phone cannot.
pub const MAX_WORKER_MIB: u64 = 1024;

/// What a model costs, from its configuration alone, in 64-bit counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cost {
    /// Learnable scalars.
    pub params: u64,
    /// Multiply-adds of one image's forward pass (a training step is about three times this).
    pub macs: u64,
    /// Bytes one training worker keeps per image of a micro-batch: every layer's output, its
    /// gradient and the ReLU/pool bookkeeping, and each convolution's unfolded input and its
    /// gradient.
    pub bytes_per_image: u64,
}

impl Cost {
    /// The cost of `model`, or the layer that does not fit.
    pub fn of(model: &ModelConfig) -> Result<Cost, NnError> {
        let shapes = model.shapes(1)?;
        let size = |s: &[usize]| s.iter().fold(1u64, |n, &d| n.saturating_mul(d as u64));
        let (mut macs, mut floats) = (0u64, 0u64);
        for (l, out) in model.layers.iter().zip(&shapes) {
            let out_size = size(&out[1..]);
            floats = floats.saturating_add(out_size.saturating_mul(3));
            let layer_macs = match &l.config {
                LayerConfig::Conv2d(c) => {
                    let (kh, kw) = c.window.kernel;
                    let taps = (c.in_channels as u64)
                        .saturating_mul(kh as u64)
                        .saturating_mul(kw as u64);
                    let positions = size(&out[2..]);
                    floats =
                        floats.saturating_add(taps.saturating_mul(positions).saturating_mul(2));
                    taps.saturating_mul(out_size)
                }
                LayerConfig::Linear(c) => {
                    (c.in_features as u64).saturating_mul(c.out_features as u64)
                }
                _ => 0,
            };
            macs = macs.saturating_add(layer_macs);
        }
        Ok(Cost {
            params: model.num_params(),
            macs,
            bytes_per_image: floats.saturating_mul(4),
        })
    }

    /// MiB one worker needs to train with micro-batches of `micro_batch` images: the images'
    /// activations plus four floats per parameter.
    pub fn worker_mib(&self, micro_batch: u64) -> u64 {
        let bytes = self
            .bytes_per_image
            .saturating_mul(micro_batch)
            .saturating_add(self.params.saturating_mul(16));
        bytes.div_ceil(1 << 20)
    }

    /// Seconds of one epoch of `images` in one worker, scaled from a `reference` model measured
    /// at `reference_ips` images per second on this device (a step's work grows with the
    /// multiply-adds).
    pub fn epoch_seconds(&self, reference: &Cost, reference_ips: f64, images: u64) -> f64 {
        let ips = reference_ips * reference.macs.max(1) as f64 / self.macs.max(1) as f64;
        images as f64 / ips.max(f64::MIN_POSITIVE)
    }

    /// Refuses a model a browser tab cannot train, before anything is allocated.
    pub fn check(&self, micro_batch: u64) -> Result<(), NnError> {
        if self.params > MAX_PARAMS {
            return Err(NnError::TooManyParams {
                params: self.params,
                max: MAX_PARAMS,
            });
        }
        let mib = self.worker_mib(micro_batch);
        if mib > MAX_WORKER_MIB {
            return Err(NnError::TooMuchMemory {
                mib,
                max: MAX_WORKER_MIB,
            });
        }
        Ok(())
    }
}

/// The `__metadata__` key under which an exported file states its architecture (as JSON).
pub const ARCH_KEY: &str = "convlab.arch";

impl ArchSettings {
    /// The layers in short: `16@3×3+pool → 32@3×3+pool → 32 → 10` (`/2` a stride, `d2` a
    /// dilation, `p1` a padding). Symbols read in any language; `pool` is the one word, in the
    /// page's language (the text tables' `outline_pool`).
    pub fn outline(&self, pool: &str) -> String {
        let mut parts: Vec<String> = self
            .blocks
            .iter()
            .map(|b| {
                let mut s = format!("{}@{}×{}", b.out_channels, b.kernel, b.kernel);
                if b.stride > 1 {
                    s += &format!("/{}", b.stride);
                }
                if b.dilation > 1 {
                    s += &format!(" d{}", b.dilation);
                }
                if b.padding > 0 {
                    s += &format!(" p{}", b.padding);
                }
                if b.pool {
                    s += "+";
                    s += pool;
                }
                s
            })
            .collect();
        parts.push(self.hidden.to_string());
        parts.push("10".into());
        parts.join(" → ")
    }

    /// Whether a model of `other` has the same tensors as one of this (dropout may differ), so
    /// its weights can go on training.
    pub fn same_weights(&self, other: &ArchSettings) -> bool {
        self.blocks == other.blocks && self.hidden == other.hidden
    }

    /// The model, checked: every setting is in the editor's range, every layer fits and a
    /// browser tab can train it.
    pub fn checked_model(&self, micro_batch: u64) -> Result<ModelConfig, NnError> {
        self.validate()?;
        let model = self.to_model();
        Cost::of(&model)?.check(micro_batch)?;
        Ok(model)
    }

    /// `model`'s weights as a safetensors file that states this architecture in its metadata.
    pub fn export(&self, model: &Sequential) -> Vec<u8> {
        let json = serde_json::to_string(self).unwrap_or_default();
        model.to_safetensors_with(&[(ARCH_KEY, json)])
    }

    /// The architecture a weights file states in its metadata, read from the header alone: the
    /// seed model when it states none (files saved by PyTorch or by earlier versions).
    pub fn stated_in(bytes: &[u8]) -> Result<ArchSettings, NnError> {
        match Sequential::safetensors_metadata(bytes, ARCH_KEY)? {
            Some(json) => serde_json::from_str::<ArchSettings>(&json)
                .map_err(|_| WeightsError::Architecture(ArchProblem::Unreadable).into()),
            None => Ok(ArchSettings::default()),
        }
    }

    /// The architecture a weights file states ([`ArchSettings::stated_in`]) and the model with
    /// its weights. All or
    /// nothing: a file whose tensors do not match its architecture is refused with a sentence.
    pub fn load(bytes: &[u8], micro_batch: u64) -> Result<(ArchSettings, Sequential), NnError> {
        let arch = ArchSettings::stated_in(bytes)?;
        let config = arch
            .checked_model(micro_batch)
            .map_err(|e| WeightsError::Architecture(ArchProblem::Refused(Box::new(e))))?;
        let mut model = config.build(0)?;
        model.load_safetensors(bytes)?;
        Ok((arch, model))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::Summary;
    use crate::text::{EN, KO};

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

    #[test]
    fn outlines_say_each_block_in_short() {
        assert_eq!(
            ArchSettings::default().outline(EN.model.outline_pool),
            "16@3×3+pool → 32@3×3+pool → 32 → 10"
        );
        assert_eq!(
            ArchPreset::AllConv
                .settings()
                .outline(EN.model.outline_pool),
            "16@3×3/2 p1 → 32@3×3/2 p1 → 32 → 10"
        );
        assert_eq!(
            ArchPreset::Dilated
                .settings()
                .outline(EN.model.outline_pool),
            "16@3×3 d2+pool → 32@3×3 d2+pool → 32 → 10"
        );
    }

    #[test]
    fn outlines_say_pool_in_the_page_language() {
        assert_eq!(
            ArchSettings::default().outline(KO.model.outline_pool),
            "16@3×3+풀링 → 32@3×3+풀링 → 32 → 10"
        );
        assert_eq!(
            ArchPreset::Dilated
                .settings()
                .outline(KO.model.outline_pool),
            "16@3×3 d2+풀링 → 32@3×3 d2+풀링 → 32 → 10"
        );
        // Without a pool nothing is a word: both languages write the same.
        let all_conv = ArchPreset::AllConv.settings();
        assert_eq!(
            all_conv.outline(KO.model.outline_pool),
            all_conv.outline(EN.model.outline_pool)
        );
    }

    #[test]
    fn presets_are_distinct_valid_and_recognised() {
        for p in ArchPreset::ALL {
            let a = p.settings();
            assert_eq!(ArchPreset::of(&a), Some(p));
            assert_eq!(ArchPreset::from_key(p.key()), Some(p));
            let m = a.checked_model(256).unwrap();
            assert_eq!(m.shapes(1).unwrap().last().unwrap(), &vec![1, 10]);
        }
        let s = |p: ArchPreset| Summary::of(&p.settings().to_model()).unwrap().total_params;
        assert_eq!(s(ArchPreset::Seed), 55_338);
        // LeNet-5-like: 6·25+6, 16·6·25+16, 400·120+120, 120·10+10.
        assert_eq!(s(ArchPreset::LeNet), 156 + 2_416 + 48_120 + 1_210);
        let all_conv = ArchPreset::AllConv.settings().to_model();
        assert!(all_conv
            .layers
            .iter()
            .all(|l| !matches!(l.config, LayerConfig::MaxPool2d(_))));
        assert_eq!(all_conv.shapes(1).unwrap()[3], vec![1, 32, 7, 7]);
    }

    #[test]
    fn cost_counts_in_64_bits_and_refuses_what_a_tab_cannot_train() {
        let seed = Cost::of(&ModelConfig::seed()).unwrap();
        assert_eq!(seed.params, 55_338);
        assert_eq!(
            seed.macs,
            9 * 16 * 26 * 26 + 144 * 32 * 12 * 12 + 1568 * 32 + 32 * 10
        );
        assert!(seed.check(256).is_ok());
        // 256 filters, kernel 1, padding 28 and no pooling in both blocks, hidden 1,024: the
        // maps grow to 140×140, and the model has 5,138,099,978 parameters (a 32-bit count
        // wrapped to 843,132,682).
        let mut big = ArchSettings::default();
        for b in &mut big.blocks {
            b.out_channels = 256;
            b.kernel = 1;
            b.padding = 28;
            b.pool = false;
        }
        big.hidden = 1024;
        let cost = Cost::of(&big.to_model()).unwrap();
        assert_eq!(cost.params, 5_138_099_978);
        let e = big.checked_model(256).unwrap_err();
        assert_eq!(
            e,
            NnError::TooManyParams {
                params: 5_138_099_978,
                max: MAX_PARAMS
            }
        );
        assert!(e
            .message(crate::lang::Lang::En)
            .contains("5,138,099,978 parameters"));
        assert!(e.message(crate::lang::Lang::Ko).contains("5,138,099,978개"));
        // Few parameters but huge maps: refused for memory.
        let mut wide = ArchSettings::default();
        wide.blocks[0].out_channels = 256;
        wide.blocks[0].padding = 20;
        wide.blocks[0].pool = false;
        wide.hidden = 1;
        let e = wide.checked_model(256).unwrap_err();
        assert!(matches!(e, NnError::TooMuchMemory { .. }), "{e:?}");
    }

    #[test]
    fn an_exported_file_carries_its_architecture_back() {
        for p in ArchPreset::ALL {
            let a = p.settings();
            let m = a.to_model().build(3).unwrap();
            let bytes = a.export(&m);
            let (back, loaded) = ArchSettings::load(&bytes, 256).unwrap();
            assert_eq!(back, a);
            assert_eq!(loaded.flat_values(), m.flat_values());
        }
        // A file without metadata (PyTorch's, an earlier version's) is the seed model.
        let seed = ModelConfig::seed().build(1).unwrap();
        let (arch, _) = ArchSettings::load(&seed.to_safetensors(), 256).unwrap();
        assert_eq!(arch, ArchSettings::default());
    }

    #[test]
    fn a_file_whose_tensors_do_not_match_its_architecture_is_refused() {
        let seed = ModelConfig::seed().build(1).unwrap();
        let lying = ArchPreset::LeNet.settings().export(&seed);
        let e = ArchSettings::load(&lying, 256).unwrap_err();
        assert!(matches!(e, NnError::Weights(_)), "{e:?}");
        let garbled = seed.to_safetensors_with(&[(ARCH_KEY, "{not json".into())]);
        let e = ArchSettings::load(&garbled, 256).unwrap_err();
        assert!(matches!(e, NnError::Weights(WeightsError::Architecture(_))));
        assert!(e.message(crate::lang::Lang::Ko).contains("모델 구조"));
    }
}
