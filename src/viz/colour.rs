//! Colour scales for feature maps and digits, as RGBA bytes for `ImageData`.

/// Ink on paper: 0 → white, `max` → black (how MNIST digits are usually drawn for people).
pub fn grey(v: f32, max: f32) -> [u8; 4] {
    let t = if max > 0.0 {
        (v / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let c = round_byte(255.0 * (1.0 - t));
    [c, c, c, 255]
}

/// A diverging scale centred on 0: negative values blue, positive orange, 0 white; `max_abs`
/// maps to full colour. One scale per map, so its legend can state the range.
pub fn diverging(v: f32, max_abs: f32) -> [u8; 4] {
    let t = if max_abs > 0.0 {
        (v / max_abs).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let mix = |a: f32, b: f32, t: f32| round_byte(a + (b - a) * t);
    if t >= 0.0 {
        [
            mix(255.0, 217.0, t),
            mix(255.0, 95.0, t),
            mix(255.0, 2.0, t),
            255,
        ]
    } else {
        let t = -t;
        [
            mix(255.0, 29.0, t),
            mix(255.0, 78.0, t),
            mix(255.0, 216.0, t),
            255,
        ]
    }
}

/// `v` in [0, 255] rounded half up to a byte: the same as `round` there, but one instruction in
/// wasm, where `f32::round` (half away from zero) is a call into libm; every pixel of every map
/// goes through here on each pointer move.
#[inline]
fn round_byte(v: f32) -> u8 {
    (v + 0.5) as u8
}

/// The colour of a cell that ReLU set to 0 because it was negative.
pub const CLIPPED: [u8; 4] = [120, 120, 140, 255];

/// Largest absolute value (0 for an empty slice).
pub fn max_abs(values: &[f32]) -> f32 {
    values.iter().fold(0.0f32, |m, v| m.max(v.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales() {
        assert_eq!(grey(0.0, 1.0), [255, 255, 255, 255]);
        assert_eq!(grey(1.0, 1.0), [0, 0, 0, 255]);
        assert_eq!(diverging(0.0, 2.0), [255, 255, 255, 255]);
        assert_eq!(diverging(2.0, 2.0), [217, 95, 2, 255]);
        assert_eq!(diverging(-5.0, 2.0), [29, 78, 216, 255]);
        assert_eq!(max_abs(&[-3.0, 2.0]), 3.0);
    }

    #[test]
    fn bytes_round_as_round_does_on_the_whole_range() {
        for i in 0..=255 * 64 {
            let v = i as f32 / 64.0;
            assert_eq!(round_byte(v), v.round() as u8, "{v}");
        }
    }
}
