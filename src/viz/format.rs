//! Numbers as the app prints them: plain decimals, at most four places, no trailing zeros.

/// `2.5 -> "2.5"`, `3.0 -> "3"`, `-0.123456 -> "-0.1235"`, `−∞ -> "−∞"`.
pub fn fmt_num(v: f32) -> String {
    if v == f32::NEG_INFINITY {
        return "−∞".into();
    }
    if v == f32::INFINITY {
        return "∞".into();
    }
    if v.is_nan() {
        return "NaN".into();
    }
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// [`fmt_num`] in parentheses when negative, for terms of a sum: `3×(-1)`.
pub fn fmt_term(v: f32) -> String {
    let s = fmt_num(v);
    if s.starts_with('-') {
        format!("({s})")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(fmt_num(2.5), "2.5");
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(-0.123456), "-0.1235");
        assert_eq!(fmt_num(-0.00001), "0");
        assert_eq!(fmt_num(f32::NEG_INFINITY), "−∞");
        assert_eq!(fmt_num(120.0), "120");
        assert_eq!(fmt_term(-2.0), "(-2)");
        assert_eq!(fmt_term(2.0), "2");
    }
}
