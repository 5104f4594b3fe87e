//! Digits drawn as a learner draws them with a mouse or a finger, for checking that a model reads
//! drawings and not only MNIST's scans.
//!
//! A mouse drawing differs from a scanned digit: strokes of one even width, straight 1s, 7s with
//! or without a bar, 4s open or closed, 8s in one stroke or as two rings. Each class has a few
//! such shapes in a unit box; a drawing picks one and varies its size, place, width, slant,
//! rotation, the pen's width and a gentle wobble, then the strokes go through the page's own
//! preprocessing ([`super::draw::prepare`]) like any drawing. None of these drawings is ever
//! trained on: they are the test of how well training on MNIST carries over to the pad.

use super::draw::{prepare, Ink, Point, Stroke, GRID};
use super::PIXELS;
use crate::nn::init::{rng, NnRng};
use rand::Rng;
use std::f32::consts::PI;

/// Points of an elliptical arc centred on `(cx, cy)` with radii `(rx, ry)`, from angle `a0` to
/// `a1` in degrees (0° points right, 90° down, as y grows downwards), one point every 8°.
fn arc(cx: f32, cy: f32, rx: f32, ry: f32, a0: f32, a1: f32) -> Vec<Point> {
    let n = (((a1 - a0).abs() / 8.0).ceil() as usize).max(2);
    (0..=n)
        .map(|i| {
            let a = (a0 + (a1 - a0) * i as f32 / n as f32).to_radians();
            (cx + rx * a.cos(), cy + ry * a.sin())
        })
        .collect()
}

/// Joins pieces of a stroke drawn without lifting the pen.
fn join(pieces: &[Vec<Point>]) -> Vec<Point> {
    pieces.iter().flatten().copied().collect()
}

/// The shapes a class is drawn as, each a list of strokes in the unit box (x right, y down).
fn shapes(class: u8) -> Vec<Vec<Vec<Point>>> {
    match class {
        0 => vec![
            vec![arc(0.5, 0.5, 0.32, 0.48, -90.0, 275.0)],
            vec![arc(0.5, 0.5, 0.28, 0.48, -60.0, 320.0)],
        ],
        1 => vec![
            vec![vec![(0.5, 0.0), (0.5, 1.0)]],
            vec![vec![(0.3, 0.2), (0.52, 0.0), (0.52, 1.0)]],
            vec![
                vec![(0.3, 0.2), (0.52, 0.0), (0.52, 1.0)],
                vec![(0.3, 1.0), (0.75, 1.0)],
            ],
            vec![vec![(0.6, 0.0), (0.42, 1.0)]],
        ],
        2 => vec![
            vec![join(&[
                arc(0.5, 0.3, 0.32, 0.28, 200.0, 395.0),
                vec![(0.15, 1.0), (0.88, 1.0)],
            ])],
            vec![join(&[
                arc(0.5, 0.3, 0.3, 0.26, 180.0, 380.0),
                vec![(0.45, 0.7), (0.18, 0.97), (0.9, 0.97)],
            ])],
        ],
        3 => vec![
            vec![join(&[
                arc(0.45, 0.27, 0.3, 0.25, 200.0, 450.0),
                arc(0.45, 0.74, 0.34, 0.26, 270.0, 520.0),
            ])],
            vec![join(&[
                vec![(0.15, 0.04), (0.82, 0.04), (0.42, 0.44)],
                arc(0.47, 0.72, 0.34, 0.28, 265.0, 515.0),
            ])],
        ],
        4 => vec![
            vec![
                vec![(0.62, 0.0), (0.08, 0.64), (0.92, 0.64)],
                vec![(0.66, 0.12), (0.66, 1.0)],
            ],
            vec![
                vec![(0.15, 0.0), (0.12, 0.6), (0.9, 0.6)],
                vec![(0.72, 0.0), (0.72, 1.0)],
            ],
        ],
        5 => vec![
            vec![join(&[
                vec![(0.85, 0.02), (0.25, 0.02), (0.2, 0.46)],
                arc(0.47, 0.69, 0.34, 0.28, 215.0, 500.0),
            ])],
            vec![
                join(&[
                    vec![(0.25, 0.02), (0.2, 0.46)],
                    arc(0.47, 0.69, 0.34, 0.28, 215.0, 500.0),
                ]),
                vec![(0.25, 0.02), (0.85, 0.0)],
            ],
        ],
        6 => vec![
            vec![join(&[
                arc(0.78, 0.62, 0.58, 0.62, 255.0, 180.0),
                arc(0.5, 0.72, 0.3, 0.27, 180.0, -170.0),
            ])],
            vec![join(&[
                vec![(0.62, 0.0), (0.25, 0.55)],
                arc(0.5, 0.72, 0.3, 0.27, 200.0, -150.0),
            ])],
        ],
        7 => vec![
            vec![vec![(0.1, 0.02), (0.9, 0.02), (0.4, 1.0)]],
            vec![
                vec![(0.1, 0.02), (0.9, 0.02), (0.42, 1.0)],
                vec![(0.38, 0.5), (0.86, 0.5)],
            ],
            vec![vec![(0.1, 0.14), (0.14, 0.02), (0.9, 0.02), (0.5, 1.0)]],
        ],
        8 => vec![
            vec![(0..=48)
                .map(|i| {
                    let t = 2.0 * PI * i as f32 / 48.0;
                    (0.5 + 0.3 * (2.0 * t).sin(), 0.5 - 0.49 * t.cos())
                })
                .collect()],
            vec![
                arc(0.5, 0.25, 0.24, 0.24, -90.0, 275.0),
                arc(0.5, 0.74, 0.3, 0.26, -90.0, 275.0),
            ],
        ],
        _ => vec![
            vec![join(&[
                arc(0.45, 0.28, 0.3, 0.27, 0.0, -360.0),
                vec![(0.74, 1.0)],
            ])],
            vec![
                arc(0.45, 0.28, 0.3, 0.27, -20.0, 345.0),
                vec![(0.75, 0.2), (0.75, 1.0)],
            ],
        ],
    }
}

/// The `n`th drawing of `class` (0–9) on the page's grid: the class's shapes (two to four) taken
/// in turn by `n`, everything else drawn from a generator seeded by `(class, n)`, so the same
/// call gives the same drawing.
pub fn drawn_digit(class: u8, n: u64) -> Vec<Stroke> {
    let shapes = shapes(class);
    let shape = &shapes[n as usize % shapes.len()];
    let mut r = rng(0x5EED_0000 + 1000 * class as u64 + n);
    let height = r.random_range(90.0..240.0f32);
    let width = height * r.random_range(0.5..0.95f32);
    let slant = r.random_range(-0.35..0.2f32);
    let turn = r.random_range(-12.0..12.0f32).to_radians();
    // The pen's width against the digit's height, from a thin pen on a big digit to a thick
    // one on a small digit, within the page's slider (6 to 48).
    let pen = (height * r.random_range(0.06..0.2f32)).clamp(6.0, 48.0);
    let wobble = Wobble::new(&mut r, 0.035);
    let (sin, cos) = turn.sin_cos();
    // The drawing about its own centre, then moved to a place where all of it, the pen's edge
    // included, lies on the pad (shrunk first if it would not fit anywhere).
    let mut strokes: Vec<Vec<Point>> = shape
        .iter()
        .map(|points| {
            points
                .iter()
                .map(|&(x, y)| {
                    let (x, y) = wobble.at(x, y);
                    let (x, y) = ((x - 0.5 + slant * (0.5 - y)) * width, (y - 0.5) * height);
                    (cos * x - sin * y, sin * x + cos * y)
                })
                .collect()
        })
        .collect();
    let all = || strokes.iter().flatten();
    let lo = all().fold((f32::MAX, f32::MAX), |m, p| (m.0.min(p.0), m.1.min(p.1)));
    let hi = all().fold((f32::MIN, f32::MIN), |m, p| (m.0.max(p.0), m.1.max(p.1)));
    let side = GRID as f32 - 2.0;
    let fit = ((side - pen) / (hi.0 - lo.0).max(hi.1 - lo.1)).min(1.0);
    let place = |lo: f32, hi: f32, r: &mut NnRng| -> f32 {
        // Where the drawing's left (or top) edge may go, the pen's half width inside the pad.
        let (first, last) = (
            1.0 + pen / 2.0 - fit * lo,
            side + 1.0 - pen / 2.0 - fit * hi,
        );
        first + r.random_range(0.1..0.9f32) * (last - first).max(0.0)
    };
    let centre = (place(lo.0, hi.0, &mut r), place(lo.1, hi.1, &mut r));
    for p in strokes.iter_mut().flatten() {
        *p = (centre.0 + fit * p.0, centre.1 + fit * p.1);
    }
    strokes
        .into_iter()
        .map(|points| Stroke { width: pen, points })
        .collect()
}

/// The network's input (28×28 in [0, 1]) for [`drawn_digit`]`(class, n)`, after the page's
/// preprocessing.
pub fn drawn_input(class: u8, n: u64) -> Vec<f32> {
    let ink = Ink::from_strokes(GRID, &drawn_digit(class, n));
    prepare(&ink)
        .map(|p| p.input)
        .unwrap_or_else(|| vec![0.0; PIXELS])
}

/// A smooth displacement of the unit box: two slow waves in each direction, the unsteadiness of
/// a hand. A point moves at most twice the waves' amplitude along each axis.
#[derive(Clone, Copy, Debug)]
pub struct Wobble {
    waves: [(f32, f32, f32, f32); 4],
}

impl Wobble {
    /// Waves of up to `amplitude` each (in units of the box) with one to two periods across it.
    pub fn new(r: &mut NnRng, amplitude: f32) -> Self {
        let mut wave = || {
            (
                r.random_range(-amplitude..=amplitude),
                r.random_range(1.0..2.0f32) * 2.0 * PI,
                r.random_range(1.0..2.0f32) * 2.0 * PI,
                r.random_range(0.0..2.0 * PI),
            )
        };
        Wobble {
            waves: [wave(), wave(), wave(), wave()],
        }
    }

    /// Where the point `(x, y)` of the box moves to.
    pub fn at(&self, x: f32, y: f32) -> Point {
        let w = |(a, fx, fy, p): (f32, f32, f32, f32)| a * (fx * x + fy * y + p).sin();
        (
            x + w(self.waves[0]) + w(self.waves[1]),
            y + w(self.waves[2]) + w(self.waves[3]),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_drawing_lies_on_the_pad_pen_and_all_and_prepares() {
        for class in 0..10u8 {
            for n in 0..60 {
                let strokes = drawn_digit(class, n);
                for s in &strokes {
                    let r = s.width / 2.0;
                    for &(x, y) in &s.points {
                        assert!(
                            x - r >= 0.0 && x + r <= GRID as f32,
                            "{class}/{n}: x {x} ± {r}"
                        );
                        assert!(
                            y - r >= 0.0 && y + r <= GRID as f32,
                            "{class}/{n}: y {y} ± {r}"
                        );
                    }
                }
                let p = prepare(&Ink::from_strokes(GRID, &strokes)).expect("ink");
                assert_eq!(p.scaled_size.0.max(p.scaled_size.1), 20);
            }
        }
    }

    #[test]
    fn the_same_call_gives_the_same_drawing_and_others_differ() {
        assert_eq!(drawn_digit(7, 3), drawn_digit(7, 3));
        assert_ne!(drawn_digit(7, 3), drawn_digit(7, 6));
        assert_ne!(drawn_digit(7, 3), drawn_digit(1, 3));
    }
}
