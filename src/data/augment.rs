//! Light data augmentation for training: small random rotations, scalings, shifts and changes
//! of stroke thickness, so a model trained on 8,000 scanned digits also reads digits drawn with a
//! mouse (which are never quite centred, upright or as thick as MNIST's pen).

use super::mnist::{IMAGE_SIDE, PIXELS};
use super::redraw::Redraw;
use crate::nn::init::NnRng;
use rand::Rng;

/// Ranges of the random transformations; each image draws its own values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Augment {
    /// Largest rotation either way, in degrees.
    pub max_rotate_deg: f32,
    /// Largest relative change of size either way (0.1 = 90 % to 110 %).
    pub max_scale: f32,
    /// Largest shift either way, in pixels.
    pub max_shift: f32,
    /// Probability of thickening the strokes (a 3×3 grey dilation).
    pub thicken: f32,
    /// Probability of thinning them (their faint edges removed).
    pub thin: f32,
    /// Probability of redrawing the digit with an even pen instead ([`Redraw`]'s own slant,
    /// stretch, turn, bend and pen width; none of the changes above).
    pub redraw: f32,
}

impl Default for Augment {
    fn default() -> Self {
        Augment {
            max_rotate_deg: 8.0,
            max_scale: 0.08,
            max_shift: 1.5,
            thicken: 0.2,
            thin: 0.1,
            redraw: 0.0,
        }
    }
}

impl Augment {
    /// Writes a transformed copy of `src` (784 bytes, 0–255) into `out` as values in [0, 1].
    ///
    /// The affine map turns about the centre (14, 14) and samples the source bilinearly, with
    /// zeros outside it.
    pub fn apply(&self, src: &[u8], out: &mut [f32], rng: &mut NnRng) {
        if self.redraw > 0.0 && rng.random::<f32>() < self.redraw {
            return Redraw::default().apply(src, out, rng);
        }
        let angle = rng.random_range(-1.0..=1.0f32) * self.max_rotate_deg.to_radians();
        let scale = 1.0 + rng.random_range(-1.0..=1.0f32) * self.max_scale;
        let shift = (
            rng.random_range(-1.0..=1.0f32) * self.max_shift,
            rng.random_range(-1.0..=1.0f32) * self.max_shift,
        );
        let stroke: f32 = rng.random();
        let (sin, cos) = angle.sin_cos();
        let c = IMAGE_SIDE as f32 / 2.0;
        let at = |x: i32, y: i32| -> f32 {
            if (0..IMAGE_SIDE as i32).contains(&x) && (0..IMAGE_SIDE as i32).contains(&y) {
                super::unit_pixel(src[y as usize * IMAGE_SIDE + x as usize])
            } else {
                0.0
            }
        };
        for y in 0..IMAGE_SIDE {
            for x in 0..IMAGE_SIDE {
                // Inverse map: from the output pixel centre back into the source.
                let (dx, dy) = (x as f32 + 0.5 - c - shift.0, y as f32 + 0.5 - c - shift.1);
                let sx = (cos * dx + sin * dy) / scale + c - 0.5;
                let sy = (-sin * dx + cos * dy) / scale + c - 0.5;
                let (x0, y0) = (sx.floor(), sy.floor());
                let (fx, fy) = (sx - x0, sy - y0);
                let (x0, y0) = (x0 as i32, y0 as i32);
                out[y * IMAGE_SIDE + x] = (1.0 - fy)
                    * ((1.0 - fx) * at(x0, y0) + fx * at(x0 + 1, y0))
                    + fy * ((1.0 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
            }
        }
        if stroke < self.thicken {
            thicken(out);
        } else if stroke < self.thicken + self.thin {
            for v in out.iter_mut() {
                *v = ((*v - 0.3) / 0.7).clamp(0.0, 1.0);
            }
        }
    }
}

/// Grey dilation with a plus-shaped neighbourhood: each pixel takes the largest of itself and its
/// four neighbours, which widens every stroke by about two pixels.
fn thicken(img: &mut [f32]) {
    let src: Vec<f32> = img[..PIXELS].to_vec();
    let n = IMAGE_SIDE;
    for y in 0..n {
        for x in 0..n {
            let mut m = src[y * n + x];
            if x > 0 {
                m = m.max(src[y * n + x - 1]);
            }
            if x + 1 < n {
                m = m.max(src[y * n + x + 1]);
            }
            if y > 0 {
                m = m.max(src[(y - 1) * n + x]);
            }
            if y + 1 < n {
                m = m.max(src[(y + 1) * n + x]);
            }
            img[y * n + x] = m;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::init::rng;

    fn bar() -> Vec<u8> {
        let mut img = vec![0u8; PIXELS];
        for y in 6..22 {
            for x in 13..15 {
                img[y * IMAGE_SIDE + x] = 255;
            }
        }
        img
    }

    #[test]
    fn identity_settings_give_the_image_back() {
        let none = Augment {
            max_rotate_deg: 0.0,
            max_scale: 0.0,
            max_shift: 0.0,
            thicken: 0.0,
            thin: 0.0,
            redraw: 0.0,
        };
        let src = bar();
        let mut out = vec![0.0; PIXELS];
        none.apply(&src, &mut out, &mut rng(1));
        for (o, s) in out.iter().zip(&src) {
            assert!((o - *s as f32 / 255.0).abs() < 1e-5);
        }
    }

    #[test]
    fn transforms_stay_in_range_and_keep_most_ink() {
        let src = bar();
        let total: f32 = src.iter().map(|&v| v as f32 / 255.0).sum();
        let mut r = rng(7);
        let mut out = vec![0.0; PIXELS];
        for _ in 0..50 {
            Augment::default().apply(&src, &mut out, &mut r);
            assert!(out.iter().all(|v| (0.0..=1.0).contains(v)));
            let ink: f32 = out.iter().sum();
            assert!(ink > 0.4 * total && ink < 3.0 * total, "{ink} vs {total}");
        }
    }

    #[test]
    fn thicken_widens_a_stroke() {
        let mut img: Vec<f32> = bar().iter().map(|&v| v as f32 / 255.0).collect();
        let before: f32 = img.iter().sum();
        thicken(&mut img);
        assert!(img.iter().sum::<f32>() > 1.5 * before);
    }
}
