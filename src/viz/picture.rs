//! Pictures as the page paints them: RGBA bytes of a width and height, put on a canvas with one
//! `putImageData` and scaled up by CSS. Every picture of the page (digits, drawings, feature maps,
//! weights, legends) is built here, so components only paint.

use super::colour::{diverging, grey, CLIPPED};
use super::field::ReceptiveField;
use super::tiles::TileLayout;
use crate::data::draw::Ink;
use crate::data::{IMAGE_SIDE, MAX_PIXEL};

/// The colour of the ink's bounding box in the first preprocessing picture.
pub const BOX_COLOUR: [u8; 4] = [217, 45, 32, 255];

/// An RGBA picture, row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width · height · 4` bytes.
    pub rgba: Vec<u8>,
}

impl Picture {
    /// One white pixel: what a picture shows before there is anything to show.
    pub fn blank() -> Self {
        Picture {
            width: 1,
            height: 1,
            rgba: vec![255; 4],
        }
    }

    /// Ink values in [0, 1] as grey on white (`values` has `width · height` entries).
    pub fn grey(width: usize, height: usize, values: impl IntoIterator<Item = f32>) -> Self {
        let mut rgba = Vec::with_capacity(width * height * 4);
        for v in values {
            rgba.extend_from_slice(&grey(v, 1.0));
        }
        debug_assert_eq!(rgba.len(), width * height * 4, "Picture::grey: size");
        Picture {
            width,
            height,
            rgba,
        }
    }

    /// A 28×28 MNIST digit from its pixel bytes.
    pub fn digit(pixels: &[u8]) -> Self {
        let rgba = pixels
            .iter()
            .flat_map(|&p| grey(f32::from(p), f32::from(MAX_PIXEL)))
            .collect();
        Picture {
            width: IMAGE_SIDE,
            height: IMAGE_SIDE,
            rgba,
        }
    }

    /// A `width × height` map on the diverging scale `±scale`; with `relu`, the cells ReLU sets
    /// to 0 are marked in [`CLIPPED`] grey.
    pub fn map(width: usize, height: usize, values: &[f32], scale: f32, relu: bool) -> Self {
        let rgba = values
            .iter()
            .flat_map(|&v| {
                if relu && v < 0.0 {
                    CLIPPED
                } else {
                    diverging(v, scale)
                }
            })
            .collect();
        Picture {
            width,
            height,
            rgba,
        }
    }

    /// The maps of `values` (`[channels, h, w]`) as tiles of `layout`, on one scale `±scale`.
    pub fn tiles(layout: &TileLayout, values: &[f32], scale: f32) -> Self {
        let (width, height) = layout.size();
        Picture {
            width,
            height,
            rgba: layout.render(values, scale),
        }
    }

    /// A `side × side` map on the diverging scale `±scale` laid over a drawing: each pixel's
    /// colour darkened by the ink under it (`ink` in [0, 1], `c · (1 − 0.6·ink)`), so the digit
    /// shows through the explanation of it.
    pub fn over_ink(side: usize, ink: &[f32], values: &[f32], scale: f32) -> Self {
        debug_assert_eq!(ink.len(), values.len(), "Picture::over_ink: sizes");
        let rgba = values
            .iter()
            .zip(ink)
            .flat_map(|(&v, &i)| {
                let [r, g, b, a] = diverging(v, scale);
                let k = 1.0 - 0.6 * i.clamp(0.0, 1.0);
                let d = |c: u8| (f32::from(c) * k + 0.5) as u8;
                [d(r), d(g), d(b), a]
            })
            .collect();
        Picture {
            width: side,
            height: side,
            rgba,
        }
    }

    /// The diverging scale from −1 to 1, 64 pixels wide: the legend beside every map.
    pub fn legend() -> Self {
        let rgba = (0..64)
            .flat_map(|i| diverging(i as f32 / 31.5 - 1.0, 1.0))
            .collect();
        Picture {
            width: 64,
            height: 1,
            rgba,
        }
    }

    /// The drawing at `1/factor` of its resolution (each pixel the darkest of its block), with
    /// the ink's bounding box `(x0, y0, x1, y1)`, exclusive ends, outlined.
    pub fn ink_with_box(
        ink: &Ink,
        bbox: Option<(usize, usize, usize, usize)>,
        factor: usize,
    ) -> Self {
        let side = ink.side();
        let n = side / factor;
        let cov = ink.coverage();
        let mut rgba = Vec::with_capacity(n * n * 4);
        for y in 0..n {
            for x in 0..n {
                let mut m = 0.0f32;
                for dy in 0..factor {
                    for dx in 0..factor {
                        m = m.max(cov[(y * factor + dy) * side + x * factor + dx]);
                    }
                }
                let on_box = bbox.is_some_and(|(x0, y0, x1, y1)| {
                    let (x0, y0) = (x0 / factor, y0 / factor);
                    let (x1, y1) = ((x1 - 1) / factor, (y1 - 1) / factor);
                    ((x == x0 || x == x1) && (y0..=y1).contains(&y))
                        || ((y == y0 || y == y1) && (x0..=x1).contains(&x))
                });
                rgba.extend_from_slice(&if on_box { BOX_COLOUR } else { grey(m, 1.0) });
            }
        }
        Picture {
            width: n,
            height: n,
            rgba,
        }
    }

    /// The network's `side × side` input (values in [0, 1]) at `zoom` screen pixels per pixel,
    /// with `field` outlined by a line half an input pixel thick just inside its edge, so even a
    /// 1×1 field shows.
    pub fn input_with_field(
        input: &[f32],
        side: usize,
        field: &ReceptiveField,
        zoom: usize,
    ) -> Self {
        let zoom = zoom.max(1);
        let n = side * zoom;
        let (top, left) = (field.top * zoom, field.left * zoom);
        let (bottom, right) = (field.bottom * zoom - 1, field.right * zoom - 1);
        // Half an input pixel thick, at least one screen pixel.
        let line = (zoom / 2).max(1);
        let mut rgba = Vec::with_capacity(n * n * 4);
        for y in 0..n {
            for x in 0..n {
                let inside = (top..=bottom).contains(&y) && (left..=right).contains(&x);
                let edge = inside
                    && (y < top + line || y + line > bottom || x < left + line || x + line > right);
                let v = input
                    .get((y / zoom) * side + x / zoom)
                    .copied()
                    .unwrap_or(0.0);
                rgba.extend_from_slice(&if edge { BOX_COLOUR } else { grey(v, 1.0) });
            }
        }
        Picture {
            width: n,
            height: n,
            rgba,
        }
    }

    /// The part `(x0, y0, x1, y1)` (exclusive ends) of the drawing, at full resolution.
    pub fn ink_crop(ink: &Ink, (x0, y0, x1, y1): (usize, usize, usize, usize)) -> Self {
        let side = ink.side();
        let rows =
            (y0..y1).flat_map(|y| ink.coverage()[y * side + x0..y * side + x1].iter().copied());
        Picture::grey(x1 - x0, y1 - y0, rows)
    }
}

/// The smallest box `(x0, y0, x1, y1)` (exclusive ends) of a grid `side` pixels wide outside of
/// which `before` and `after` are equal, or `None` where nothing changed: a canvas that shows
/// `before` needs only this part painted again to show `after` (a pen's move changes a few
/// hundred of the drawing's 78,400 pixels). Grids of different sizes have no such box; the caller
/// paints all of `after`.
pub fn changed_box(
    before: &[f32],
    after: &[f32],
    side: usize,
) -> Option<(usize, usize, usize, usize)> {
    if side == 0 || before.len() != after.len() {
        return None;
    }
    let differ = |(p, q): (&f32, &f32)| p.to_bits() != q.to_bits();
    let mut found: Option<(usize, usize, usize, usize)> = None;
    for (y, (a, b)) in before.chunks(side).zip(after.chunks(side)).enumerate() {
        let Some(first) = a.iter().zip(b).position(differ) else {
            continue;
        };
        let last = a.len()
            - a.iter()
                .rev()
                .zip(b.iter().rev())
                .position(differ)
                .unwrap_or(0);
        found = Some(match found {
            None => (first, y, last, y + 1),
            Some((x0, y0, x1, _)) => (x0.min(first), y0, x1.max(last), y + 1),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::draw::Stroke;

    fn px(p: &Picture, x: usize, y: usize) -> [u8; 4] {
        let i = (y * p.width + x) * 4;
        p.rgba[i..i + 4].try_into().unwrap()
    }

    #[test]
    fn painting_the_changed_box_over_the_old_picture_gives_the_new_one() {
        let side = 40;
        let before = Ink::from_strokes(
            side,
            &[Stroke {
                width: 6.0,
                points: vec![(5.0, 5.0), (20.0, 12.0)],
            }],
        );
        assert_eq!(
            changed_box(before.coverage(), before.coverage(), side),
            None
        );
        let mut after = before.clone();
        after.add_segment((20.0, 12.0), (31.5, 30.0), 6.0);
        let (x0, y0, x1, y1) = changed_box(before.coverage(), after.coverage(), side).unwrap();
        // The new segment's capsule reaches from about (17, 9) to (35, 33).
        assert!(x0 >= 14 && y0 >= 6 && x1 <= 36 && y1 <= 35 && x1 - x0 >= 15 && y1 - y0 >= 20);
        // Painted into the old picture, the box's pixels make exactly the new picture.
        let mut shown = Picture::grey(side, side, before.coverage().iter().copied());
        let part = Picture::ink_crop(&after, (x0, y0, x1, y1));
        for y in 0..part.height {
            let row = &part.rgba[y * part.width * 4..(y + 1) * part.width * 4];
            let at = ((y0 + y) * side + x0) * 4;
            shown.rgba[at..at + row.len()].copy_from_slice(row);
        }
        assert_eq!(
            shown,
            Picture::grey(side, side, after.coverage().iter().copied())
        );
        // One pixel: its own box; a grid of another size: none.
        let mut one = after.coverage().to_vec();
        one[7 * side + 39] += 0.5;
        assert_eq!(
            changed_box(after.coverage(), &one, side),
            Some((39, 7, 40, 8))
        );
        assert_eq!(changed_box(&one[..side], &one, side), None);
    }

    #[test]
    fn sizes_match_their_bytes() {
        for p in [
            Picture::blank(),
            Picture::grey(2, 3, [0.0; 6]),
            Picture::digit(&[0; IMAGE_SIDE * IMAGE_SIDE]),
            Picture::map(3, 1, &[-1.0, 0.0, 1.0], 1.0, true),
            Picture::tiles(&TileLayout::new(3, 2, 2, 2), &[0.0; 12], 1.0),
            Picture::legend(),
        ] {
            assert_eq!(p.rgba.len(), p.width * p.height * 4);
        }
    }

    #[test]
    fn the_receptive_field_is_outlined_on_the_input() {
        let mut input = vec![0.0; 16];
        input[5] = 1.0; // row 1, column 1
        let field = ReceptiveField {
            top: 1,
            bottom: 3,
            left: 1,
            right: 2,
        };
        let p = Picture::input_with_field(&input, 4, &field, 3);
        assert_eq!((p.width, p.height), (12, 12));
        // The box's edge runs along pixels 3 and 5 across, 3 and 8 down, inside the field.
        for (x, y) in [(3, 3), (5, 3), (3, 8), (5, 8), (4, 3), (3, 6)] {
            assert_eq!(px(&p, x, y), BOX_COLOUR, "({x}, {y})");
        }
        // Ink inside the box and paper outside stay as they are.
        assert_eq!(px(&p, 4, 4), [0, 0, 0, 255]);
        assert_eq!(px(&p, 4, 7), [255, 255, 255, 255]);
        assert_eq!(px(&p, 2, 3), [255, 255, 255, 255]);
        assert_eq!(px(&p, 6, 4), [255, 255, 255, 255]);
        assert_eq!(px(&p, 4, 9), [255, 255, 255, 255]);
    }

    #[test]
    fn digits_are_ink_on_paper_and_relu_marks_negatives() {
        let mut pixels = [0u8; IMAGE_SIDE * IMAGE_SIDE];
        pixels[1] = MAX_PIXEL;
        let d = Picture::digit(&pixels);
        assert_eq!(px(&d, 0, 0), [255, 255, 255, 255]);
        assert_eq!(px(&d, 1, 0), [0, 0, 0, 255]);
        let m = Picture::map(2, 1, &[-1.0, 1.0], 1.0, true);
        assert_eq!(px(&m, 0, 0), CLIPPED);
        assert_eq!(px(&m, 1, 0), diverging(1.0, 1.0));
        let before = Picture::map(2, 1, &[-1.0, 1.0], 1.0, false);
        assert_eq!(px(&before, 0, 0), diverging(-1.0, 1.0));
    }

    #[test]
    fn the_ink_box_is_outlined_and_the_crop_is_the_box() {
        let mut ink = Ink::new(40);
        ink.add_stroke(&Stroke {
            width: 6.0,
            points: vec![(10.0, 10.0), (10.0, 30.0)],
        });
        let bbox = ink.bounding_box().unwrap();
        let p = Picture::ink_with_box(&ink, Some(bbox), 4);
        assert_eq!((p.width, p.height), (10, 10));
        let (x0, y0) = (bbox.0 / 4, bbox.1 / 4);
        assert_eq!(px(&p, x0, y0), BOX_COLOUR);
        assert_eq!(px(&p, 9, 0), [255, 255, 255, 255], "far from the ink");
        let crop = Picture::ink_crop(&ink, bbox);
        assert_eq!(
            (crop.width, crop.height),
            (bbox.2 - bbox.0, bbox.3 - bbox.1)
        );
    }
}
