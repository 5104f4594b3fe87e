//! An MNIST digit redrawn as if with the page's pen: its strokes thinned to their centre lines,
//! those lines bent a little, slanted, stretched and turned, then drawn again with one even
//! round pen and put through the page's preprocessing.
//!
//! Scanned digits have strokes that swell and fade; a mouse draws every stroke the same width.
//! Training on both kinds lets a model read the pad as well as the scans. The centre lines come
//! from Zhang and Suen's thinning (Communications of the ACM 27(3), 1984) with Lü and Wang's
//! correction (the same journal, 29(3), 1986): boundary pixels are peeled away in two
//! alternating passes until only one-pixel-wide lines remain.

use super::draw::{prepare, Ink, Stroke, BOX};
use super::strokes::Wobble;
use super::{IMAGE_SIDE, PIXELS};
use crate::nn::init::NnRng;
use rand::Rng;

/// Side of the grid the strokes are drawn on again: four grid pixels to an MNIST pixel, enough
/// for a smooth pen edge at a quarter of the page's own grid's cost.
const GRID: usize = 4 * IMAGE_SIDE;

/// Bytes at or above this are ink when thinning.
const INK: u8 = 96;

/// The one-pixel-wide centre lines of the digit's ink (true = on a line).
pub fn skeleton(pixels: &[u8]) -> Vec<bool> {
    let n = IMAGE_SIDE;
    let mut on: Vec<bool> = pixels.iter().map(|&p| p >= INK).collect();
    // Neighbours p2..p9 clockwise from north, as in the paper.
    const AROUND: [(isize, isize); 8] = [
        (0, -1),
        (1, -1),
        (1, 0),
        (1, 1),
        (0, 1),
        (-1, 1),
        (-1, 0),
        (-1, -1),
    ];
    let at = |on: &[bool], x: usize, y: usize, k: usize| -> bool {
        let (dx, dy) = AROUND[k];
        let (px, py) = (x as isize + dx, y as isize + dy);
        (0..n as isize).contains(&px)
            && (0..n as isize).contains(&py)
            && on[py as usize * n + px as usize]
    };
    loop {
        let mut changed = false;
        for pass in 0..2 {
            let mut peel = Vec::new();
            for y in 0..n {
                for x in 0..n {
                    if !on[y * n + x] {
                        continue;
                    }
                    let p: [bool; 8] = std::array::from_fn(|k| at(&on, x, y, k));
                    let b = p.iter().filter(|&&v| v).count();
                    let a = (0..8).filter(|&k| !p[k] && p[(k + 1) % 8]).count();
                    // p2·p4·p6 and p4·p6·p8 in the first pass, p2·p4·p8 and p2·p6·p8 in the second.
                    let (c, d) = if pass == 0 {
                        (p[0] && p[2] && p[4], p[2] && p[4] && p[6])
                    } else {
                        (p[0] && p[2] && p[6], p[0] && p[4] && p[6])
                    };
                    // Lü and Wang's 3 (Zhang and Suen have 2) keeps two-pixel-thick diagonal
                    // strokes, which the original peels away entirely.
                    if (3..=6).contains(&b) && a == 1 && !c && !d {
                        peel.push(y * n + x);
                    }
                }
            }
            changed |= !peel.is_empty();
            for i in peel {
                on[i] = false;
            }
        }
        if !changed {
            return on;
        }
    }
}

/// Ranges of the redrawing's random changes; each image draws its own values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Redraw {
    /// Largest horizontal shear either way, before the stretch (0.3: at width 100 %, the top
    /// moves 30 % of the height sideways).
    pub max_slant: f32,
    /// Narrowest and widest width against the height, as factors.
    pub stretch: (f32, f32),
    /// Largest rotation either way, in degrees.
    pub max_rotate_deg: f32,
    /// Amplitude of each of the waves that bend the lines ([`Wobble`]), as a share of the
    /// 28-pixel field: a point moves up to twice this along each axis.
    pub wobble: f32,
    /// Thinnest and thickest pen, as shares of the digit's box.
    pub pen: (f32, f32),
}

impl Default for Redraw {
    fn default() -> Self {
        Redraw {
            max_slant: 0.3,
            stretch: (0.55, 1.2),
            max_rotate_deg: 10.0,
            wobble: 0.03,
            pen: (0.06, 0.2),
        }
    }
}

impl Redraw {
    /// Writes the redrawn `pixels` (784 bytes) into `out` as the network's input in [0, 1];
    /// a digit with no line to redraw is copied as it is.
    pub fn apply(&self, pixels: &[u8], out: &mut [f32], rng: &mut NnRng) {
        let lines = skeleton(pixels);
        let slant = rng.random_range(-self.max_slant..=self.max_slant);
        let stretch = rng.random_range(self.stretch.0..=self.stretch.1);
        let (sin, cos) = (rng.random_range(-1.0..=1.0f32) * self.max_rotate_deg)
            .to_radians()
            .sin_cos();
        let wobble = Wobble::new(rng, self.wobble);
        // The 28-pixel field takes 70 % of the grid, so turned and stretched digits still fit;
        // the digit itself is about 20 of those 28 pixels tall.
        let s = GRID as f32 * 0.7;
        let pen = rng.random_range(self.pen.0..=self.pen.1) * s * (BOX as f32 / IMAGE_SIDE as f32);
        let n = IMAGE_SIDE;
        let place = |x: usize, y: usize| -> (f32, f32) {
            let (u, v) = wobble.at((x as f32 + 0.5) / n as f32, (y as f32 + 0.5) / n as f32);
            let (u, v) = ((u - 0.5 + slant * (0.5 - v)) * stretch, v - 0.5);
            (
                GRID as f32 / 2.0 + s * (cos * u - sin * v),
                GRID as f32 / 2.0 + s * (sin * u + cos * v),
            )
        };
        // Each line pixel's place on the grid, once.
        let placed: Vec<Option<(f32, f32)>> = (0..n * n)
            .map(|i| lines[i].then(|| place(i % n, i / n)))
            .collect();
        let line_at = |x: isize, y: isize| -> Option<(f32, f32)> {
            let inside = (0..n as isize).contains(&x) && (0..n as isize).contains(&y);
            inside
                .then(|| placed[y as usize * n + x as usize])
                .flatten()
        };
        let mut strokes = Vec::new();
        for (i, a) in placed.iter().enumerate() {
            let Some(a) = *a else { continue };
            let (x, y) = ((i % n) as isize, (i / n) as isize);
            // Each pair of touching line pixels once: the neighbours after this one. A pixel
            // with none after it gets a dot too, even where a segment from a pixel before it
            // ends there: that segment's end differs from the pixel's place in the last bit,
            // and the shipped model was trained on pictures with the dots.
            let mut joined = false;
            for (dx, dy) in [(1, 0), (-1, 1), (0, 1), (1, 1)] {
                if let Some(b) = line_at(x + dx, y + dy) {
                    strokes.push(Stroke {
                        width: pen,
                        points: vec![a, b],
                    });
                    joined = true;
                }
            }
            if !joined {
                strokes.push(Stroke {
                    width: pen,
                    points: vec![a],
                });
            }
        }
        match prepare(&Ink::from_strokes(GRID, &strokes)) {
            Some(p) => out[..PIXELS].copy_from_slice(&p.input),
            None => {
                for (o, &p) in out.iter_mut().zip(pixels) {
                    *o = super::unit_pixel(p);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::init::rng;

    /// A ring of width 4 around the centre.
    fn ring() -> Vec<u8> {
        (0..PIXELS)
            .map(|i| {
                let (x, y) = ((i % 28) as f32 - 13.5, (i / 28) as f32 - 13.5);
                let d = (x * x + y * y).sqrt();
                if (6.0..10.0).contains(&d) {
                    255
                } else {
                    0
                }
            })
            .collect()
    }

    #[test]
    fn thinning_leaves_a_closed_line_one_pixel_wide() {
        let lines = skeleton(&ring());
        let count = lines.iter().filter(|&&v| v).count();
        // A circle of radius about 8 is about 50 pixels round.
        assert!((35..70).contains(&count), "{count}");
        for (i, &on) in lines.iter().enumerate() {
            if on {
                let (x, y) = ((i % 28) as f32 - 13.5, (i / 28) as f32 - 13.5);
                let d = (x * x + y * y).sqrt();
                assert!((6.0..10.0).contains(&d), "line pixel off the ring at {d}");
                // On a closed line every pixel has line neighbours.
                let around = (-1..=1isize)
                    .flat_map(|dy| (-1..=1isize).map(move |dx| (dx, dy)))
                    .filter(|&(dx, dy)| (dx, dy) != (0, 0))
                    .filter(|&(dx, dy)| {
                        let (px, py) = ((i % 28) as isize + dx, (i / 28) as isize + dy);
                        lines[py as usize * 28 + px as usize]
                    })
                    .count();
                assert!(around >= 2, "a line pixel with {around} neighbours");
            }
        }
    }

    #[test]
    fn a_redrawn_ring_stays_a_ring_in_the_twenty_pixel_box() {
        let mut out = vec![0.0; PIXELS];
        let mut r = rng(3);
        for _ in 0..20 {
            Redraw::default().apply(&ring(), &mut out, &mut r);
            // In [0, 1] up to the area averaging's rounding.
            assert!(out.iter().all(|v| (0.0..=1.0 + 1e-5).contains(v)));
            // The centre stays empty and there is ink in every quadrant's ring.
            assert!(out[14 * 28 + 14] < 0.2 && out[13 * 28 + 13] < 0.2);
            let rows: Vec<usize> = (0..28)
                .filter(|y| (0..28).any(|x| out[y * 28 + x] > 0.05))
                .collect();
            let cols: Vec<usize> = (0..28)
                .filter(|x| (0..28).any(|y| out[y * 28 + x] > 0.05))
                .collect();
            let span = |v: &[usize]| v.last().unwrap() - v.first().unwrap() + 1;
            assert!(span(&rows).max(span(&cols)) >= 19, "{rows:?} {cols:?}");
        }
    }

    #[test]
    fn thinning_keeps_a_two_pixel_thick_diagonal() {
        // Zhang and Suen's rule alone peels this stroke down to two pixels.
        let mut img = vec![0u8; PIXELS];
        for i in 4..24 {
            img[i * 28 + i] = 255;
            img[i * 28 + i + 1] = 255;
        }
        let count = skeleton(&img).iter().filter(|&&v| v).count();
        assert!(count >= 15, "{count} of the stroke's 20 rows left");
    }

    #[test]
    fn a_blank_image_is_copied() {
        let mut out = vec![1.0; PIXELS];
        Redraw::default().apply(&[0; PIXELS], &mut out, &mut rng(1));
        assert!(out.iter().all(|&v| v == 0.0));
    }
}
