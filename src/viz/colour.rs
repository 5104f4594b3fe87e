//! Colour scales for feature maps and digits, as RGBA bytes for `ImageData`.

/// Ink on paper: 0 → white, `max` → black (how MNIST digits are usually drawn for people).
pub fn grey(v: f32, max: f32) -> [u8; 4] {
    let t = if max > 0.0 {
        (v / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let c = (255.0 * (1.0 - t)).round() as u8;
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
    let mix = |a: f32, b: f32, t: f32| (a + (b - a) * t).round() as u8;
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
}
