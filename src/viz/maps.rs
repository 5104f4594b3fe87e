//! The feature maps of a model for one input, as the Draw section lays them out: which layers
//! get a picture, how each layer's output is tiled, which layer's weights stand behind a
//! channel, those weights in the shape of what they read, and moving between cells with the
//! arrow keys. Plain functions of the model and its trace (every layer's output for one image).

use super::tiles::TileLayout;
use crate::nn::{Layer, LayerConfig, Sequential};
use ndarray::ArrayD;

/// The layers that get a picture, as (index, "name · kind"): all but Flatten and Dropout, which
/// only reshape or (in evaluation) copy what comes before them.
pub fn shown_layers(model: &Sequential) -> Vec<(usize, String)> {
    model
        .config()
        .layers
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            !matches!(
                l.config,
                LayerConfig::Flatten { .. } | LayerConfig::Dropout { .. }
            )
        })
        .map(|(i, l)| (i, format!("{} · {}", l.name, l.config.kind())))
        .collect()
}

/// How a layer's output of `shape` is laid out: `[1, C, H, W]` as C map tiles in rows of 8,
/// `[1, U]` as a strip of U one-pixel units (rows of 10 for ≤ 10 units, else 16).
pub fn layout_of(shape: &[usize]) -> Option<TileLayout> {
    match shape {
        [1, c, h, w] => Some(TileLayout::new(*c, *h, *w, 8)),
        [1, u] => Some(TileLayout::new(*u, 1, 1, if *u <= 10 { 10 } else { 16 })),
        _ => None,
    }
}

/// The value of an output of `shape` at (channel, row, col); a unit's row and col are 0.
pub fn value_at(out: &ArrayD<f32>, (c, r, k): (usize, usize, usize)) -> Option<f32> {
    let v = out.as_slice()?;
    match out.shape() {
        [1, _, h, w] => v.get((c * h + r) * w + k).copied(),
        [1, _] => v.get(c).copied(),
        _ => None,
    }
}

/// CSS width that shows a picture `w` pixels wide at about `target` pixels, with a whole zoom
/// factor from 1 to 24 (so every map pixel is the same number of screen pixels).
pub fn css_width(w: usize, target: usize) -> String {
    format!("{}px", w * (target / w.max(1)).clamp(1, 24))
}

/// The layer that holds the weights behind layer `i`'s channels: itself if it has weights, else
/// the nearest one before it through ReLU and MaxPool2d (which keep channels).
pub fn weight_source(model: &Sequential, i: usize) -> Option<usize> {
    let mut j = i;
    loop {
        match model.layers.get(j)? {
            Layer::Conv2d(_) | Layer::Linear(_) => return Some(j),
            Layer::ReLU(_) | Layer::MaxPool2d(_) if j > 0 => j -= 1,
            _ => return None,
        }
    }
}

/// The weights of one output channel (or unit) of a layer, laid out as what they read.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelWeights {
    /// A conv filter as one tile per input channel; a Linear row after Flatten in the shape of
    /// the maps it reads; any other Linear row as a strip.
    pub layout: TileLayout,
    /// The weights, in the layout's order.
    pub values: Vec<f32>,
    /// The channel's bias (0 without one).
    pub bias: f32,
}

/// The weights of channel `c` of layer `j`; `trace` is the model's output per layer, used to
/// find the shape of the maps a Linear layer after Flatten reads.
pub fn channel_weights(
    model: &Sequential,
    trace: &[ArrayD<f32>],
    j: usize,
    c: usize,
) -> Option<ChannelWeights> {
    let params = model.layers.get(j)?.params();
    let w = &params.iter().find(|(n, _)| *n == "weight")?.1.value;
    let bias = params
        .iter()
        .find(|(n, _)| *n == "bias")
        .and_then(|(_, p)| p.value.as_slice().and_then(|s| s.get(c).copied()))
        .unwrap_or(0.0);
    if c >= w.shape()[0] {
        return None;
    }
    let values: Vec<f32> = w.index_axis(ndarray::Axis(0), c).iter().copied().collect();
    let layout = match w.shape() {
        [_, i, kh, kw] => TileLayout::new(*i, *kh, *kw, 8),
        [_, n] => {
            let flatten_before = j.checked_sub(1).is_some_and(|k| {
                matches!(model.config().layers[k].config, LayerConfig::Flatten { .. })
            });
            let read = j
                .checked_sub(2)
                .and_then(|k| trace.get(k))
                .map(|t| t.shape());
            match read {
                Some(&[1, ch, h, ww]) if flatten_before && ch * h * ww == *n => {
                    TileLayout::new(ch, h, ww, 8)
                }
                _ => TileLayout::new(*n, 1, 1, 16),
            }
        }
        _ => return None,
    };
    Some(ChannelWeights {
        layout,
        values,
        bias,
    })
}

/// A box on the page in CSS pixels: left, top, width, height.
pub type Rect = (f64, f64, f64, f64);

/// Space between a pointed cell and the read-out card beside it.
pub const CARD_GAP: f64 = 14.0;

/// Where the read-out card of size `card` (width, height) goes for the pointed `cell`, inside an
/// area `area_width` wide whose part `visible` (top, bottom) is in the window, all in the area's
/// coordinates: right of the cell where it fits, else left of it, level with the cell but moved
/// up or down into the window; else under the cell, or over it when the window has no room
/// below. It never covers the cell and never leaves the area's width.
pub fn card_place(
    cell: Rect,
    area_width: f64,
    card: (f64, f64),
    visible: (f64, f64),
) -> (f64, f64) {
    let (x, y, w, h) = cell;
    let (card_width, card_height) = card;
    let (top, bottom) = visible;
    // Beside the cell any height is free of it: keep the card in the window, its top first.
    let level = y.min(bottom - card_height).max(top);
    let right = x + w + CARD_GAP;
    if right + card_width <= area_width {
        return (right, level);
    }
    let left = x - CARD_GAP - card_width;
    if left >= 0.0 {
        return (left, level);
    }
    let centred = (x + w / 2.0 - card_width / 2.0).clamp(0.0, (area_width - card_width).max(0.0));
    let under = y + h + CARD_GAP;
    let over = y - CARD_GAP - card_height;
    if under + card_height > bottom && over >= top {
        (centred, over)
    } else {
        (centred, under)
    }
}

/// An arrow key's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrow {
    /// ←
    Left,
    /// →
    Right,
    /// ↑
    Up,
    /// ↓
    Down,
}

impl Arrow {
    /// The arrow of a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<Arrow> {
        match key {
            "ArrowLeft" => Some(Arrow::Left),
            "ArrowRight" => Some(Arrow::Right),
            "ArrowUp" => Some(Arrow::Up),
            "ArrowDown" => Some(Arrow::Down),
            _ => None,
        }
    }
}

impl TileLayout {
    /// The cell next to `(channel, row, col)` in the picture: within a map first, then on into
    /// the neighbouring tile (right of the last column is the next map's first column); at the
    /// picture's edge the cell stays where it is.
    pub fn neighbour(
        &self,
        (c, r, k): (usize, usize, usize),
        arrow: Arrow,
    ) -> (usize, usize, usize) {
        match arrow {
            Arrow::Right if k + 1 < self.w => (c, r, k + 1),
            Arrow::Right if c + 1 < self.channels => (c + 1, r, 0),
            Arrow::Left if k > 0 => (c, r, k - 1),
            Arrow::Left if c > 0 => (c - 1, r, self.w - 1),
            Arrow::Down if r + 1 < self.h => (c, r + 1, k),
            Arrow::Down if c + self.cols < self.channels => (c + self.cols, 0, k),
            Arrow::Up if r > 0 => (c, r - 1, k),
            Arrow::Up if c >= self.cols => (c - self.cols, self.h - 1, k),
            _ => (c, r, k),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::ModelConfig;

    #[test]
    fn the_seed_model_shows_every_layer_but_flatten_and_dropout() {
        let m = ModelConfig::seed().build(0).unwrap();
        let shown = shown_layers(&m);
        assert!(shown.iter().all(|(i, _)| !matches!(
            m.config().layers[*i].config,
            LayerConfig::Flatten { .. } | LayerConfig::Dropout { .. }
        )));
        assert!(shown[0].1.contains("Conv2d"), "{:?}", shown[0]);
        // A ReLU and a pool show the maps of the conv before them, with its weights.
        assert_eq!(weight_source(&m, 0), Some(0));
        assert_eq!(weight_source(&m, 2), Some(0));
    }

    #[test]
    fn weights_take_the_shape_of_what_they_read() {
        let mut m = ModelConfig::seed().build(0).unwrap();
        let x = ArrayD::zeros(ndarray::IxDyn(&[1, 1, 28, 28]));
        let trace = m.forward_trace(&x).unwrap();
        // conv1's filter: one 3×3 tile per input channel.
        let w = channel_weights(&m, &trace, 0, 5).unwrap();
        assert_eq!((w.layout.channels, w.layout.h, w.layout.w), (1, 3, 3));
        // The first Linear after Flatten reads 32 maps of 7×7.
        let lin = m
            .config()
            .layers
            .iter()
            .position(|l| matches!(l.config, LayerConfig::Linear(_)))
            .unwrap();
        let w = channel_weights(&m, &trace, lin, 0).unwrap();
        assert_eq!((w.layout.channels, w.layout.h, w.layout.w), (32, 7, 7));
        assert_eq!(w.values.len(), 32 * 7 * 7);
        assert!(channel_weights(&m, &trace, lin, 10_000).is_none());
    }

    #[test]
    fn arrows_walk_across_tiles_and_stop_at_the_edges() {
        let t = TileLayout::new(10, 2, 3, 8);
        assert_eq!(t.neighbour((0, 0, 2), Arrow::Right), (1, 0, 0));
        assert_eq!(t.neighbour((1, 0, 0), Arrow::Left), (0, 0, 2));
        assert_eq!(t.neighbour((0, 1, 1), Arrow::Down), (8, 0, 1));
        assert_eq!(t.neighbour((8, 0, 1), Arrow::Up), (0, 1, 1));
        assert_eq!(t.neighbour((0, 0, 0), Arrow::Up), (0, 0, 0));
        assert_eq!(t.neighbour((9, 1, 2), Arrow::Right), (9, 1, 2));
        assert_eq!(Arrow::from_key("ArrowUp"), Some(Arrow::Up));
        assert_eq!(Arrow::from_key("a"), None);
    }

    #[test]
    fn the_card_sits_beside_the_cell_and_never_over_it() {
        const CARD: (f64, f64) = (272.0, 300.0);
        const TALL: (f64, f64) = (0.0, 5000.0);
        // Room on the right: beside the cell, level with it.
        assert_eq!(
            card_place((100.0, 50.0, 10.0, 10.0), 1000.0, CARD, TALL),
            (124.0, 50.0)
        );
        // A cell near the right edge: the card goes to its left.
        assert_eq!(
            card_place((800.0, 50.0, 10.0, 10.0), 1000.0, CARD, TALL),
            (514.0, 50.0)
        );
        // A phone-wide area with no room either side: under the cell, inside the area.
        let (x, y) = card_place((150.0, 40.0, 12.0, 12.0), 340.0, CARD, TALL);
        assert_eq!((x, y), (20.0, 66.0));
        assert_eq!(card_place((2.0, 0.0, 4.0, 4.0), 280.0, CARD, TALL).0, 0.0);
        assert_eq!(
            card_place((200.0, 0.0, 4.0, 4.0), 300.0, CARD, TALL).0,
            28.0
        );
        assert_eq!(
            card_place((5.0, 0.0, 4.0, 4.0), 200.0, CARD, TALL),
            (0.0, 18.0)
        );
    }

    #[test]
    fn the_card_stays_in_the_window() {
        const CARD: (f64, f64) = (272.0, 300.0);
        // The window shows the area from 400 to 1100: a cell at 1000 gets its card moved up so
        // its bottom is the window's, still beside the cell.
        let (x, y) = card_place((100.0, 1000.0, 10.0, 10.0), 1000.0, CARD, (400.0, 1100.0));
        assert_eq!((x, y), (124.0, 800.0));
        // A cell above the window's top (scrolled past): the card's top is the window's.
        assert_eq!(
            card_place((100.0, 300.0, 10.0, 10.0), 1000.0, CARD, (400.0, 1100.0)).1,
            400.0
        );
        // A window shorter than the card: its top shows.
        assert_eq!(
            card_place((100.0, 500.0, 10.0, 10.0), 1000.0, CARD, (400.0, 600.0)).1,
            400.0
        );
        // Under a cell when there is room below; over it when only above has room; neither
        // covers the cell.
        let cell = (150.0, 700.0, 12.0, 12.0);
        assert_eq!(card_place(cell, 340.0, CARD, (0.0, 1100.0)).1, 726.0);
        let (_, y) = card_place(cell, 340.0, CARD, (0.0, 900.0));
        assert_eq!(y, 386.0);
        assert!(y + CARD.1 <= cell.1);
        // No room either way: under it, as the page can scroll there.
        assert_eq!(card_place(cell, 340.0, CARD, (600.0, 900.0)).1, 726.0);
    }

    #[test]
    fn values_and_widths() {
        let out = ArrayD::from_shape_vec(
            ndarray::IxDyn(&[1, 2, 2, 2]),
            (0..8).map(|v| v as f32).collect(),
        )
        .unwrap();
        assert_eq!(value_at(&out, (1, 0, 1)), Some(5.0));
        assert_eq!(value_at(&out, (5, 0, 0)), None);
        assert_eq!(css_width(26, 520), "520px");
        assert_eq!(css_width(1000, 520), "1000px");
    }
}
