//! Feature maps of one layer drawn as one picture: the channels as tiles in a grid with one-pixel
//! gaps, one colour scale for the whole layer (so maps can be compared), and the reverse mapping
//! from a pixel of the picture to (channel, row, column) for hovering.

use super::colour::{diverging, max_abs};

/// Background of the gaps between tiles.
pub const GAP: [u8; 4] = [200, 200, 210, 255];

/// How the tiles of a `[channels, h, w]` activation are arranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TileLayout {
    /// Number of maps.
    pub channels: usize,
    /// Height of one map.
    pub h: usize,
    /// Width of one map.
    pub w: usize,
    /// Tiles per row of the picture.
    pub cols: usize,
}

impl TileLayout {
    /// A layout with up to `max_cols` tiles per row.
    pub fn new(channels: usize, h: usize, w: usize, max_cols: usize) -> Self {
        TileLayout {
            channels,
            h,
            w,
            cols: channels.clamp(1, max_cols.max(1)),
        }
    }

    /// Rows of tiles.
    pub fn rows(&self) -> usize {
        self.channels.div_ceil(self.cols)
    }

    /// Width and height of the whole picture in pixels.
    pub fn size(&self) -> (usize, usize) {
        (self.cols * (self.w + 1) - 1, self.rows() * (self.h + 1) - 1)
    }

    /// The `(channel, row, column)` under picture pixel `(x, y)`; `None` on a gap or outside.
    pub fn hit(&self, x: usize, y: usize) -> Option<(usize, usize, usize)> {
        let (tx, cx) = (x / (self.w + 1), x % (self.w + 1));
        let (ty, cy) = (y / (self.h + 1), y % (self.h + 1));
        if cx == self.w || cy == self.h || tx >= self.cols {
            return None;
        }
        let c = ty * self.cols + tx;
        (c < self.channels).then_some((c, cy, cx))
    }

    /// The cell under the point `(x, y)` of the picture (in pixels, fractions kept), or on a gap
    /// the cell across the gap's nearer edge: a finger is wider than a gap, and a tap there
    /// should not find nothing.
    pub fn hit_near(&self, x: f64, y: f64) -> Option<(usize, usize, usize)> {
        if !(x >= 0.0 && y >= 0.0) {
            return None;
        }
        let (px, py) = (x.floor() as usize, y.floor() as usize);
        let (fx, fy) = (x - x.floor(), y - y.floor());
        let side = |p: usize, f: f64| {
            if f < 0.5 {
                p.checked_sub(1)
            } else {
                Some(p + 1)
            }
        };
        let (sx, sy) = (side(px, fx), side(py, fy));
        let across = |f: f64| f.min(1.0 - f);
        let mut next = [(sx, Some(py), across(fx)), (Some(px), sy, across(fy))];
        next.sort_by(|a, b| a.2.total_cmp(&b.2));
        std::iter::once((Some(px), Some(py)))
            .chain(next.iter().map(|&(x, y, _)| (x, y)))
            .chain(std::iter::once((sx, sy)))
            .find_map(|(x, y)| self.hit(x?, y?))
    }

    /// The picture pixel `(x, y)` of cell `(channel, row, column)`: the inverse of [`Self::hit`].
    pub fn origin(&self, (c, r, k): (usize, usize, usize)) -> (usize, usize) {
        (
            (c % self.cols) * (self.w + 1) + k,
            (c / self.cols) * (self.h + 1) + r,
        )
    }

    /// RGBA of the picture of `values` (`[channels, h, w]` row-major) on a diverging scale whose
    /// ends are `±scale`.
    pub fn render(&self, values: &[f32], scale: f32) -> Vec<u8> {
        let (pw, ph) = self.size();
        let mut rgba = GAP.repeat(pw * ph);
        if self.h * self.w == 0 {
            return rgba;
        }
        // Row by row of each tile (this runs for every layer on every pointer move).
        for (c, map) in values
            .chunks_exact(self.h * self.w)
            .take(self.channels)
            .enumerate()
        {
            let (x0, y0) = self.origin((c, 0, 0));
            for (r, row) in map.chunks_exact(self.w).enumerate() {
                let start = ((y0 + r) * pw + x0) * 4;
                for (px, &v) in rgba[start..start + self.w * 4].chunks_exact_mut(4).zip(row) {
                    px.copy_from_slice(&diverging(v, scale));
                }
            }
        }
        rgba
    }
}

/// The symmetric colour scale of a layer: its largest absolute value (1 when all are 0, so an
/// all-zero layer is white rather than undefined).
pub fn layer_scale(values: &[f32]) -> f32 {
    let m = max_abs(values);
    if m > 0.0 {
        m
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_on_a_gap_finds_the_nearer_cell() {
        // Two rows of 2 × 1 tiles of 1 × 1 cells: picture 3 × 3, gaps in column 1 and row 1.
        let l = TileLayout::new(4, 1, 1, 2);
        assert_eq!(l.size(), (3, 3));
        assert_eq!(l.hit_near(0.5, 0.5), Some((0, 0, 0)));
        assert_eq!(l.hit(0, 1), None);
        // On the gap row: the tile above or below, whichever edge is nearer.
        assert_eq!(l.hit_near(0.5, 1.2), Some((0, 0, 0)));
        assert_eq!(l.hit_near(0.5, 1.8), Some((2, 0, 0)));
        assert_eq!(l.hit_near(1.7, 0.4), Some((1, 0, 0)));
        // The crossing of the gaps: a diagonal neighbour.
        assert_eq!(l.hit_near(1.9, 1.9), Some((3, 0, 0)));
        // Outside: nothing.
        assert_eq!(l.hit_near(-0.5, 0.5), None);
        assert_eq!(l.hit_near(f64::NAN, 0.5), None);
        // Inside a cell it is `hit`.
        for (x, y) in [(0usize, 0usize), (2, 0), (0, 2), (2, 2)] {
            assert_eq!(l.hit_near(x as f64 + 0.5, y as f64 + 0.5), l.hit(x, y));
        }
    }

    #[test]
    fn layout_and_hit_testing_agree() {
        let t = TileLayout::new(16, 26, 26, 8);
        assert_eq!((t.cols, t.rows()), (8, 2));
        assert_eq!(t.size(), (8 * 27 - 1, 2 * 27 - 1));
        assert_eq!(t.hit(0, 0), Some((0, 0, 0)));
        assert_eq!(t.hit(26, 0), None, "gap column");
        assert_eq!(t.hit(27, 0), Some((1, 0, 0)));
        assert_eq!(t.hit(27 * 3 + 5, 27 + 7), Some((11, 7, 5)));
        assert_eq!(t.hit(t.size().0, 0), None);
        // A partly filled last row: 10 maps in rows of 8.
        let t = TileLayout::new(10, 1, 1, 8);
        assert_eq!(t.hit(2, 2), Some((9, 0, 0)));
        assert_eq!(t.hit(4, 2), None);
        // origin is hit's inverse on every cell.
        for t in [
            TileLayout::new(16, 26, 26, 8),
            TileLayout::new(10, 1, 1, 8),
            TileLayout::new(3, 2, 5, 2),
        ] {
            for c in 0..t.channels {
                for r in 0..t.h {
                    for k in 0..t.w {
                        let (x, y) = t.origin((c, r, k));
                        assert_eq!(t.hit(x, y), Some((c, r, k)));
                    }
                }
            }
        }
    }

    #[test]
    fn render_puts_each_value_where_hit_finds_it() {
        let t = TileLayout::new(3, 2, 2, 2);
        let values: Vec<f32> = (0..12).map(|v| v as f32 - 6.0).collect();
        let rgba = t.render(&values, 6.0);
        let (pw, ph) = t.size();
        assert_eq!(rgba.len(), pw * ph * 4);
        for y in 0..ph {
            for x in 0..pw {
                let px = &rgba[(y * pw + x) * 4..(y * pw + x + 1) * 4];
                match t.hit(x, y) {
                    Some((c, r, k)) => {
                        assert_eq!(px, diverging(values[(c * 2 + r) * 2 + k], 6.0))
                    }
                    None => assert_eq!(px, GAP),
                }
            }
        }
        assert_eq!(layer_scale(&[0.0, 0.0]), 1.0);
        assert_eq!(layer_scale(&[0.5, -2.0]), 2.0);
    }
}
