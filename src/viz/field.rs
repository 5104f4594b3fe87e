//! Receptive fields: which pixels of the input one cell of a layer's output depends on, for the
//! outline drawn on the input when a feature map is pointed at. Worked back through the layers'
//! windows (a conv or pool cell reads `kernel` taps `dilation` apart, starting `stride·i −
//! padding`), keeping only the taps that land on real cells of each layer's input (padding reads
//! zeros or −∞, not pixels); the field is the box around the input pixels reached. After Flatten
//! every unit reads the whole input.

use crate::nn::{LayerConfig, ModelConfig};

/// A box of input pixels, rows `top..bottom` and columns `left..right` (ends exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReceptiveField {
    /// First row.
    pub top: usize,
    /// One past the last row.
    pub bottom: usize,
    /// First column.
    pub left: usize,
    /// One past the last column.
    pub right: usize,
}

impl ReceptiveField {
    /// Height and width in pixels.
    pub fn size(&self) -> (usize, usize) {
        (self.bottom - self.top, self.right - self.left)
    }

    /// Whether the field is the whole `h × w` input.
    pub fn is_whole(&self, (h, w): (usize, usize)) -> bool {
        *self
            == ReceptiveField {
                top: 0,
                bottom: h,
                left: 0,
                right: w,
            }
    }
}

/// The field of cell (`row`, `col`) of the output of layer `layer` of `model` (a unit of a
/// Linear layer has row and column 0), in its input picture; `None` when the layer or the cell
/// does not exist, the model does not fit its input, or the cell reads only padding.
pub fn receptive_field(
    model: &ModelConfig,
    layer: usize,
    (row, col): (usize, usize),
) -> Option<ReceptiveField> {
    let (h, w) = match model.input.as_slice() {
        [_, h, w] => (*h, *w),
        _ => return None,
    };
    let shapes = model.shapes(1).ok()?;
    // The spatial size of what layer i reads: the input, or the output of the layer before.
    let read = |i: usize| match i.checked_sub(1).map(|j| shapes[j].as_slice()) {
        None => Some((h, w)),
        Some([_, _, h, w]) => Some((*h, *w)),
        Some(_) => None,
    };
    let (out_h, out_w) = match shapes.get(layer)?.as_slice() {
        [_, _, h, w] => (*h, *w),
        _ => (1, 1),
    };
    if row >= out_h || col >= out_w {
        return None;
    }
    // One mask per axis of the cells the output cell depends on, walked back layer by layer;
    // rows and columns are independent, as every window is a rectangle.
    let mut rows = one_hot(out_h, row);
    let mut cols = one_hot(out_w, col);
    for (i, l) in model.layers.get(..=layer)?.iter().enumerate().rev() {
        let win = match &l.config {
            LayerConfig::Conv2d(c) => c.window,
            LayerConfig::MaxPool2d(p) => p.window,
            LayerConfig::ReLU | LayerConfig::Dropout { .. } => continue,
            LayerConfig::Flatten { .. } | LayerConfig::Linear(_) => {
                return Some(ReceptiveField {
                    top: 0,
                    bottom: h,
                    left: 0,
                    right: w,
                })
            }
        };
        let (in_h, in_w) = read(i)?;
        rows = back(
            &rows,
            in_h,
            win.kernel.0,
            win.stride.0,
            win.padding.0,
            win.dilation.0,
        );
        cols = back(
            &cols,
            in_w,
            win.kernel.1,
            win.stride.1,
            win.padding.1,
            win.dilation.1,
        );
    }
    let (top, bottom) = span(&rows)?;
    let (left, right) = span(&cols)?;
    Some(ReceptiveField {
        top,
        bottom,
        left,
        right,
    })
}

fn one_hot(n: usize, i: usize) -> Vec<bool> {
    (0..n).map(|j| j == i).collect()
}

/// The cells of an input `len` long that the marked outputs of a window read: output `o` reads
/// `o·stride − padding + j·dilation` for each tap `j`, when that is inside the input (a tap on
/// the padding reads no pixel).
fn back(
    out: &[bool],
    len: usize,
    kernel: usize,
    stride: usize,
    padding: usize,
    dilation: usize,
) -> Vec<bool> {
    let mut read = vec![false; len];
    for o in out.iter().enumerate().filter(|(_, &m)| m).map(|(o, _)| o) {
        for j in 0..kernel.max(1) {
            let at = (o * stride + j * dilation).checked_sub(padding);
            if let Some(cell) = at.and_then(|a| read.get_mut(a)) {
                *cell = true;
            }
        }
    }
    read
}

/// The first and one past the last marked cell.
fn span(mask: &[bool]) -> Option<(usize, usize)> {
    let first = mask.iter().position(|&m| m)?;
    let last = mask.iter().rposition(|&m| m)?;
    Some((first, last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::arch::{ArchSettings, ConvBlock};
    use crate::nn::{Conv2dConfig, Mode, NamedLayerConfig};
    use ndarray::{ArrayD, IxDyn};
    use rand::{Rng, SeedableRng};

    /// A square `k × k` Conv2d from `i` to `o` channels.
    fn conv(i: usize, o: usize, k: usize) -> Conv2dConfig {
        Conv2dConfig::new(i, o, (k, k))
    }

    /// A conv layer named `n`.
    fn named(n: &str, c: Conv2dConfig) -> NamedLayerConfig {
        NamedLayerConfig::new(n, LayerConfig::Conv2d(c))
    }

    /// The box of input pixels whose gradient is non-zero when only cell (c, r, k) of the
    /// output of layer `layer` is back-propagated: what the cell really depends on.
    fn gradient_box(
        model: &ModelConfig,
        layer: usize,
        cell: (usize, usize, usize),
    ) -> Option<ReceptiveField> {
        let truncated = ModelConfig {
            input: model.input.clone(),
            layers: model.layers[..=layer].to_vec(),
        };
        let mut m = truncated.build(7).unwrap();
        let (h, w) = (model.input[1], model.input[2]);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        let x = ArrayD::from_shape_fn(IxDyn(&[1, model.input[0], h, w]), |_| {
            rng.random_range(0.1f32..1.0)
        });
        let y = m.forward(&x, Mode::Eval).unwrap().clone();
        let mut g = ArrayD::zeros(y.raw_dim());
        match y.ndim() {
            4 => g[[0, cell.0, cell.1, cell.2]] = 1.0,
            _ => g[[0, cell.0]] = 1.0,
        }
        let dx = m.backward(&g);
        let mut found: Option<ReceptiveField> = None;
        for r in 0..h {
            for k in 0..w {
                if (0..model.input[0]).any(|c| dx[[0, c, r, k]] != 0.0) {
                    let f = found.get_or_insert(ReceptiveField {
                        top: r,
                        bottom: r + 1,
                        left: k,
                        right: k + 1,
                    });
                    f.top = f.top.min(r);
                    f.bottom = f.bottom.max(r + 1);
                    f.left = f.left.min(k);
                    f.right = f.right.max(k + 1);
                }
            }
        }
        found
    }

    #[test]
    fn a_chain_of_convs_reads_exactly_its_field() {
        // Strides, padding and dilation together, no ReLU or pool to hide a tap: the gradient
        // reaches every corner of the box and nothing outside it.
        let model = ModelConfig {
            input: vec![1, 28, 28],
            layers: vec![
                named("a", conv(1, 2, 3).padding((1, 1))),
                named("b", conv(2, 2, 3).stride((2, 2)).dilation((2, 2))),
                named("c", conv(2, 1, 2).stride((2, 1)).padding((0, 1))),
            ],
        };
        let shapes = model.shapes(1).unwrap();
        for (layer, s) in shapes.iter().enumerate() {
            for (r, k) in [(0, 0), (s[2] / 2, s[3] / 3), (s[2] - 1, s[3] - 1)] {
                let f = receptive_field(&model, layer, (r, k)).unwrap();
                assert_eq!(
                    Some(f),
                    gradient_box(&model, layer, (0, r, k)),
                    "layer {layer} cell ({r}, {k})"
                );
            }
        }
    }

    #[test]
    fn the_seed_models_fields_grow_layer_by_layer_and_hold_every_dependency() {
        let model = ArchSettings::default().to_model();
        let shapes = model.shapes(1).unwrap();
        let mut sizes = Vec::new();
        for (i, l) in model.layers.iter().enumerate() {
            let s = &shapes[i];
            let centre = if s.len() == 4 {
                (s[2] / 2, s[3] / 2)
            } else {
                (0, 0)
            };
            let f = receptive_field(&model, i, centre).unwrap();
            sizes.push(f.size());
            // ReLU and max pooling can only hide taps: what the cell depends on lies inside (a
            // channel whose ReLU is off there depends on nothing; the first live one is checked).
            let g = (0..s[1])
                .find_map(|c| gradient_box(&model, i, (c, centre.0, centre.1)))
                .unwrap_or_else(|| panic!("{}: no channel depends on the input", l.name));
            assert!(
                f.top <= g.top && g.bottom <= f.bottom && f.left <= g.left && g.right <= f.right,
                "{}: field {f:?}, gradient {g:?}",
                l.name
            );
        }
        // conv 3×3 → 3; ReLU; pool 2×2 (stride 2) → 4; conv 3×3 after a stride of 2 → 4 + 2·2 = 8;
        // ReLU; pool → 8 + 2 = 10; then every unit of the classifier reads the whole digit.
        let side: Vec<usize> = sizes.iter().map(|s| s.0).collect();
        assert_eq!(&side[..6], &[3, 3, 4, 8, 8, 10]);
        assert!(sizes[6..].iter().all(|&s| s == (28, 28)));
        assert!(receptive_field(&model, model.layers.len() - 1, (0, 0))
            .unwrap()
            .is_whole((28, 28)));
    }

    #[test]
    fn taps_on_padding_and_rows_a_stride_skips_read_no_pixel() {
        let models = [
            // Dilation 2 with padding 1: cell 0 reads rows −1, 1 and 3, so rows 1 to 3.
            vec![named("a", conv(1, 1, 3).dilation((2, 2)).padding((1, 1)))],
            // Stride 2 leaves input row 27 unread; a padded conv after it reaches its padding.
            vec![
                named("a", conv(1, 1, 3).stride((2, 2))),
                named("b", conv(1, 1, 3).padding((1, 1))),
            ],
        ];
        for layers in models {
            let model = ModelConfig {
                input: vec![1, 28, 28],
                layers,
            };
            let last = model.layers.len() - 1;
            let s = model.shapes(1).unwrap()[last].clone();
            for (r, k) in [(0, 0), (s[2] - 1, s[3] - 1), (s[2] / 2, 0)] {
                let f = receptive_field(&model, last, (r, k));
                assert_eq!(
                    f,
                    gradient_box(&model, last, (0, r, k)),
                    "cell ({r}, {k}) of {:?}",
                    model.layers
                );
            }
        }
        let model = ModelConfig {
            input: vec![1, 28, 28],
            layers: vec![named("a", conv(1, 1, 3).dilation((2, 2)).padding((1, 1)))],
        };
        assert_eq!(
            receptive_field(&model, 0, (0, 0)).map(|f| (f.top, f.bottom)),
            Some((1, 4))
        );
        assert_eq!(receptive_field(&model, 0, (99, 0)), None);
    }

    #[test]
    fn a_field_at_the_edge_is_cut_to_the_picture() {
        let settings = ArchSettings {
            blocks: vec![ConvBlock {
                padding: 2,
                kernel: 5,
                ..ArchSettings::default().blocks[0].clone()
            }],
            ..ArchSettings::default()
        };
        let model = settings.to_model();
        // The corner cell's 5×5 window starts two cells into the padding.
        let f = receptive_field(&model, 0, (0, 0)).unwrap();
        assert_eq!((f.top, f.bottom, f.left, f.right), (0, 3, 0, 3));
        assert_eq!(Some(f), gradient_box(&model, 0, (0, 0, 0)));
        assert_eq!(receptive_field(&model, 99, (0, 0)), None);
    }
}
