//! Turning a drawing into the 28×28 input the network expects, the way MNIST itself was made.
//!
//! LeCun, Cortes and Burges describe it: each digit was size-normalised to fit a 20×20 box while
//! keeping its aspect ratio (anti-aliasing makes grey levels), then placed in a 28×28 field so that
//! its centre of mass lies at the centre of the field. We do the same, in four visible steps:
//!
//! 1. [`Ink`]: strokes rasterised with anti-aliased round pens on a square grid;
//! 2. the bounding box of the ink;
//! 3. the box resampled (area averaging) so its longer side is [`BOX`] pixels;
//! 4. that picture pasted into 28×28 with its centre of mass on the centre, values in [0, 1]
//!    (0 = background, 1 = full ink), exactly the scale the model was trained on (`x / 255`).

use super::mnist::{IMAGE_SIDE, PIXELS};

/// Side of the box the longer side of a digit is scaled to.
pub const BOX: usize = 20;

/// Side of the page's drawing grid in pixels (the canvas bitmap; CSS may show it smaller).
pub const GRID: usize = 280;

/// Ink below this coverage is anti-aliasing fringe and does not widen the bounding box.
const INK_THRESHOLD: f32 = 0.05;

/// A point of a stroke, in grid pixels (x to the right, y down).
pub type Point = (f32, f32);

/// One pen stroke: the points the pointer passed and the pen's diameter in grid pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    /// Pen diameter.
    pub width: f32,
    /// Points in drawing order; one point draws a dot.
    pub points: Vec<Point>,
}

/// A square grid of ink coverage in [0, 1], built from strokes.
#[derive(Clone, Debug, PartialEq)]
pub struct Ink {
    side: usize,
    coverage: Vec<f32>,
}

impl Ink {
    /// An empty grid of `side × side` pixels.
    pub fn new(side: usize) -> Self {
        Ink {
            side,
            coverage: vec![0.0; side * side],
        }
    }

    /// Rasterises whole strokes onto an empty grid.
    pub fn from_strokes(side: usize, strokes: &[Stroke]) -> Self {
        let mut ink = Ink::new(side);
        for s in strokes {
            ink.add_stroke(s);
        }
        ink
    }

    /// A 28×28 digit (bytes, 0 = background) drawn on a `side × side` grid, as if written with
    /// a pen: each grid pixel takes the digit's intensity at its centre, interpolated bilinearly,
    /// so the preprocessing finds the digit's own box and centre again.
    pub fn from_digit(side: usize, pixels: &[u8]) -> Self {
        let mut ink = Ink::new(side);
        if pixels.len() != PIXELS || side == 0 {
            return ink;
        }
        let at = |x: isize, y: isize| -> f32 {
            if (0..IMAGE_SIDE as isize).contains(&x) && (0..IMAGE_SIDE as isize).contains(&y) {
                crate::data::unit_pixel(pixels[y as usize * IMAGE_SIDE + x as usize])
            } else {
                0.0
            }
        };
        let scale = IMAGE_SIDE as f32 / side as f32;
        for y in 0..side {
            // Pixel centres: grid (y + 0.5) lands at digit coordinate (y + 0.5)·scale, whose
            // nearest digit centres are at i + 0.5.
            let fy = (y as f32 + 0.5) * scale - 0.5;
            let (y0, ty) = (fy.floor() as isize, fy - fy.floor());
            for x in 0..side {
                let fx = (x as f32 + 0.5) * scale - 0.5;
                let (x0, tx) = (fx.floor() as isize, fx - fx.floor());
                let top = at(x0, y0) * (1.0 - tx) + at(x0 + 1, y0) * tx;
                let bottom = at(x0, y0 + 1) * (1.0 - tx) + at(x0 + 1, y0 + 1) * tx;
                ink.coverage[y * side + x] = top * (1.0 - ty) + bottom * ty;
            }
        }
        ink
    }

    /// Side of the grid.
    pub fn side(&self) -> usize {
        self.side
    }

    /// Coverage, row-major.
    pub fn coverage(&self) -> &[f32] {
        &self.coverage
    }

    /// True when nothing visible has been drawn.
    pub fn is_empty(&self) -> bool {
        self.coverage.iter().all(|&c| c < INK_THRESHOLD)
    }

    /// Adds every segment of a stroke (a one-point stroke is a dot).
    pub fn add_stroke(&mut self, s: &Stroke) {
        match s.points.as_slice() {
            [] => {}
            [p] => self.add_segment(*p, *p, s.width),
            pts => {
                for w in pts.windows(2) {
                    self.add_segment(w[0], w[1], s.width);
                }
            }
        }
    }

    /// Adds the capsule of diameter `width` around the segment `a`–`b`. A pixel's coverage is how
    /// far inside the capsule its centre lies, clamped to a one-pixel anti-aliasing ramp; strokes
    /// combine by maximum, as ink on paper does not get darker where strokes cross.
    pub fn add_segment(&mut self, a: Point, b: Point, width: f32) {
        let r = (width / 2.0).max(0.5);
        let side = self.side as f32;
        let lo = |v: f32| ((v - r - 1.0).floor().max(0.0)) as usize;
        let hi = |v: f32| ((v + r + 1.0).ceil().min(side).max(0.0)) as usize;
        let (x0, x1) = (lo(a.0.min(b.0)), hi(a.0.max(b.0)));
        let (y0, y1) = (lo(a.1.min(b.1)), hi(a.1.max(b.1)));
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len2 = dx * dx + dy * dy;
        for y in y0..y1 {
            for x in x0..x1 {
                let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                let t = if len2 > 0.0 {
                    (((px - a.0) * dx + (py - a.1) * dy) / len2).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let (qx, qy) = (a.0 + t * dx - px, a.1 + t * dy - py);
                let d = (qx * qx + qy * qy).sqrt();
                let c = (r + 0.5 - d).clamp(0.0, 1.0);
                let cell = &mut self.coverage[y * self.side + x];
                if c > *cell {
                    *cell = c;
                }
            }
        }
    }

    /// Smallest box holding all ink, as `(x0, y0, x1, y1)` with exclusive ends; `None` when empty.
    pub fn bounding_box(&self) -> Option<(usize, usize, usize, usize)> {
        let n = self.side;
        let (mut x0, mut y0, mut x1, mut y1) = (n, n, 0, 0);
        for y in 0..n {
            for x in 0..n {
                if self.coverage[y * n + x] >= INK_THRESHOLD {
                    x0 = x0.min(x);
                    y0 = y0.min(y);
                    x1 = x1.max(x + 1);
                    y1 = y1.max(y + 1);
                }
            }
        }
        (x1 > x0).then_some((x0, y0, x1, y1))
    }
}

/// Everything the preprocessing did, for showing each step.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// Step 2: the ink's bounding box on the drawing grid, `(x0, y0, x1, y1)`, ends exclusive.
    pub bbox: (usize, usize, usize, usize),
    /// Step 3: width and height of the resampled box (the longer one is [`BOX`]).
    pub scaled_size: (usize, usize),
    /// Step 3: the resampled box, row-major.
    pub scaled: Vec<f32>,
    /// Step 4: where the box's top-left corner went in the 28×28 field (may be negative).
    pub offset: (i32, i32),
    /// Step 4: the network's input, 28×28 row-major, in [0, 1].
    pub input: Vec<f32>,
}

/// Runs steps 2–4 on a drawing; `None` for an empty drawing (nothing to classify).
pub fn prepare(ink: &Ink) -> Option<Prepared> {
    let bbox = ink.bounding_box()?;
    let (x0, y0, x1, y1) = bbox;
    let (w, h) = (x1 - x0, y1 - y0);
    let scale = BOX as f32 / w.max(h) as f32;
    let sw = ((w as f32 * scale).round() as usize).clamp(1, BOX);
    let sh = ((h as f32 * scale).round() as usize).clamp(1, BOX);
    let crop: Vec<f32> = (y0..y1)
        .flat_map(|y| {
            ink.coverage[y * ink.side + x0..y * ink.side + x1]
                .iter()
                .copied()
        })
        .collect();
    let scaled = resample(&crop, w, h, sw, sh);
    let (cx, cy) = centre_of_mass(&scaled, sw);
    // Centre of the field is 14.0 in pixel-edge coordinates; mass centres are measured at
    // pixel centres (i + 0.5), so the shift that lands cx on 14 is 14 − (cx + 0.5), rounded.
    let half = IMAGE_SIDE as f32 / 2.0;
    let offset = (
        (half - (cx + 0.5)).round() as i32,
        (half - (cy + 0.5)).round() as i32,
    );
    let mut input = vec![0.0; PIXELS];
    for y in 0..sh {
        for x in 0..sw {
            let (tx, ty) = (x as i32 + offset.0, y as i32 + offset.1);
            if (0..IMAGE_SIDE as i32).contains(&tx) && (0..IMAGE_SIDE as i32).contains(&ty) {
                input[ty as usize * IMAGE_SIDE + tx as usize] = scaled[y * sw + x];
            }
        }
    }
    Some(Prepared {
        bbox,
        scaled_size: (sw, sh),
        scaled,
        offset,
        input,
    })
}

/// Centre of mass `(x, y)` of a row-major picture of width `w`, in pixel indices (the centre of
/// pixel `i` is `i`); the middle of the picture for an all-zero one.
pub fn centre_of_mass(px: &[f32], w: usize) -> (f32, f32) {
    let h = px.len() / w.max(1);
    let (mut m, mut sx, mut sy) = (0.0f64, 0.0f64, 0.0f64);
    for y in 0..h {
        for x in 0..w {
            let v = px[y * w + x] as f64;
            m += v;
            sx += v * x as f64;
            sy += v * y as f64;
        }
    }
    if m <= 0.0 {
        return ((w as f32 - 1.0) / 2.0, (h as f32 - 1.0) / 2.0);
    }
    ((sx / m) as f32, (sy / m) as f32)
}

/// Area-averaging resample of a `w × h` picture to `tw × th`: each target pixel is the mean of
/// the source area it covers, partial pixels weighted by overlap. This is the anti-aliasing
/// that gives MNIST its grey edges; it is separable, so it runs along rows, then columns.
pub fn resample(src: &[f32], w: usize, h: usize, tw: usize, th: usize) -> Vec<f32> {
    let wx = weights(w, tw);
    let wy = weights(h, th);
    let mut rows = vec![0.0; h * tw];
    for y in 0..h {
        for (tx, taps) in wx.iter().enumerate() {
            rows[y * tw + tx] = taps.iter().map(|&(i, c)| c * src[y * w + i]).sum();
        }
    }
    let mut out = vec![0.0; th * tw];
    for (ty, taps) in wy.iter().enumerate() {
        for tx in 0..tw {
            out[ty * tw + tx] = taps.iter().map(|&(i, c)| c * rows[i * tw + tx]).sum();
        }
    }
    out
}

/// For each of `m` target cells, the source cells (of `n`) it overlaps and their weights,
/// which sum to 1.
fn weights(n: usize, m: usize) -> Vec<Vec<(usize, f32)>> {
    let step = n as f64 / m as f64;
    (0..m)
        .map(|t| {
            let (a, b) = (t as f64 * step, (t + 1) as f64 * step);
            let first = a.floor() as usize;
            let last = (b.ceil() as usize).min(n);
            (first..last)
                .filter_map(|i| {
                    let overlap = b.min(i as f64 + 1.0) - a.max(i as f64);
                    (overlap > 1e-9).then_some((i, (overlap / step) as f32))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIDE: usize = 140;

    fn stroke(width: f32, points: &[Point]) -> Stroke {
        Stroke {
            width,
            points: points.to_vec(),
        }
    }

    fn field_mass(input: &[f32]) -> (f32, f32) {
        let (x, y) = centre_of_mass(input, IMAGE_SIDE);
        (x + 0.5, y + 0.5)
    }

    fn ink_box(input: &[f32]) -> (usize, usize, usize, usize) {
        let mut ink = Ink::new(IMAGE_SIDE);
        ink.coverage.copy_from_slice(input);
        ink.bounding_box().expect("ink")
    }

    #[test]
    fn empty_drawing_gives_nothing_to_classify() {
        let ink = Ink::new(SIDE);
        assert!(ink.is_empty());
        assert_eq!(prepare(&ink), None);
        // A stroke with no points leaves the grid empty too.
        assert_eq!(prepare(&Ink::from_strokes(SIDE, &[stroke(8.0, &[])])), None);
    }

    #[test]
    fn off_centre_digit_is_centred_by_mass() {
        // A "7" drawn in the top-left corner.
        let ink = Ink::from_strokes(
            SIDE,
            &[stroke(6.0, &[(10.0, 10.0), (50.0, 10.0), (25.0, 60.0)])],
        );
        let p = prepare(&ink).unwrap();
        let (cx, cy) = field_mass(&p.input);
        assert!((cx - 14.0).abs() <= 0.5, "cx {cx}");
        assert!((cy - 14.0).abs() <= 0.5, "cy {cy}");
        assert!(p.input.iter().all(|v| (0.0..=1.0).contains(v)));
    }

    #[test]
    fn longer_side_becomes_twenty_pixels_keeping_aspect() {
        // A tall, narrow "1": 80 high, about 8 wide.
        let ink = Ink::from_strokes(SIDE, &[stroke(8.0, &[(70.0, 30.0), (70.0, 110.0)])]);
        let p = prepare(&ink).unwrap();
        let (bw, bh) = (p.bbox.2 - p.bbox.0, p.bbox.3 - p.bbox.1);
        assert_eq!(p.scaled_size.1, BOX);
        let expected_w = (bw as f32 * BOX as f32 / bh as f32).round() as usize;
        assert_eq!(p.scaled_size.0, expected_w);
        let (x0, y0, x1, y1) = ink_box(&p.input);
        assert_eq!(y1 - y0, BOX, "height in the field");
        assert!(x1 - x0 <= 3, "a thin one stays thin: {}", x1 - x0);

        // A wide "-": the width is the longer side.
        let ink = Ink::from_strokes(SIDE, &[stroke(10.0, &[(20.0, 70.0), (120.0, 70.0)])]);
        let p = prepare(&ink).unwrap();
        assert_eq!(p.scaled_size.0, BOX);
        assert!(p.scaled_size.1 <= 3);
    }

    #[test]
    fn anti_aliasing_gives_grey_edges_and_keeps_mass() {
        let ink = Ink::from_strokes(SIDE, &[stroke(9.0, &[(30.0, 30.0), (100.0, 95.0)])]);
        let p = prepare(&ink).unwrap();
        let greys = p.input.iter().filter(|&&v| v > 0.05 && v < 0.95).count();
        assert!(greys > 10, "only {greys} grey pixels");
        // Area averaging preserves the mean: total ink scales with the area factor.
        let (x0, y0, x1, y1) = p.bbox;
        let crop_sum: f32 = (y0..y1)
            .map(|y| {
                ink.coverage()[y * SIDE + x0..y * SIDE + x1]
                    .iter()
                    .sum::<f32>()
            })
            .sum();
        let area = ((x1 - x0) * (y1 - y0)) as f32;
        let (sw, sh) = p.scaled_size;
        let scaled_sum: f32 = p.scaled.iter().sum();
        let expected = crop_sum / area * (sw * sh) as f32;
        assert!(
            (scaled_sum - expected).abs() < 0.02 * expected,
            "{scaled_sum} vs {expected}"
        );
    }

    #[test]
    fn thin_and_thick_strokes_both_fill_the_box() {
        for width in [2.0, 6.0, 20.0] {
            let ink = Ink::from_strokes(
                SIDE,
                &[stroke(width, &[(40.0, 20.0), (100.0, 20.0), (70.0, 120.0)])],
            );
            let p = prepare(&ink).unwrap();
            let (x0, y0, x1, y1) = ink_box(&p.input);
            assert_eq!((x1 - x0).max(y1 - y0), BOX, "width {width}");
            let max = p.input.iter().cloned().fold(0.0, f32::max);
            assert!(max > 0.3, "width {width}: strongest pixel {max}");
            let (cx, cy) = field_mass(&p.input);
            assert!((cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5);
        }
        // Thicker pens give more ink relative to the box.
        let ink_of = |width: f32| {
            let ink = Ink::from_strokes(SIDE, &[stroke(width, &[(70.0, 20.0), (70.0, 120.0)])]);
            prepare(&ink).unwrap().input.iter().sum::<f32>()
        };
        assert!(ink_of(16.0) > ink_of(4.0));
    }

    #[test]
    fn a_dot_becomes_a_centred_blob() {
        let ink = Ink::from_strokes(SIDE, &[stroke(10.0, &[(20.0, 120.0)])]);
        let p = prepare(&ink).unwrap();
        assert_eq!(p.scaled_size, (BOX, BOX));
        let (cx, cy) = field_mass(&p.input);
        assert!((cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5);
        // Round: as wide as high.
        let (x0, y0, x1, y1) = ink_box(&p.input);
        assert_eq!(x1 - x0, y1 - y0);
    }

    #[test]
    fn strokes_combine_by_maximum_and_clip_to_the_grid() {
        let mut ink = Ink::new(SIDE);
        ink.add_stroke(&stroke(10.0, &[(-20.0, 70.0), (160.0, 70.0)]));
        ink.add_stroke(&stroke(10.0, &[(70.0, -20.0), (70.0, 160.0)]));
        assert!(ink.coverage().iter().all(|&c| (0.0..=1.0).contains(&c)));
        assert_eq!(ink.coverage()[70 * SIDE + 70], 1.0);
        assert_eq!(ink.bounding_box(), Some((0, 0, SIDE, SIDE)));
    }

    #[test]
    fn resample_weights_sum_to_one() {
        for (n, m) in [(7, 20), (140, 20), (33, 7), (1, 20), (20, 20)] {
            for taps in weights(n, m) {
                let s: f32 = taps.iter().map(|t| t.1).sum();
                assert!((s - 1.0).abs() < 1e-5, "{n}->{m}: {s}");
            }
        }
        // A constant picture stays constant.
        let out = resample(&[0.5; 35], 7, 5, 20, 14);
        assert!(out.iter().all(|&v| (v - 0.5).abs() < 1e-5));
    }
}
