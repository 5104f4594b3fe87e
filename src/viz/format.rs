//! Numbers as the app prints them: plain decimals, at most four places, no trailing zeros; and
//! sizes in bytes, in one kind of unit (binary: KiB, MiB, GiB) wherever the page states one.

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

/// A size in bytes as the page states every size, in binary units: "512 B", "217 KiB",
/// "9.0 MiB", "1.5 GiB" (1 KiB = 1,024 bytes, 1 MiB = 2²⁰, 1 GiB = 2³⁰). Binary because the
/// limits the sizes are read against are (8 MiB for a weights file, 1,024 MiB for a worker, in
/// the core's own sentences), and torchsummary's "MB" in the summary table are MiB too: one
/// page, one meaning of mega. A size that would round to 1,024 of a unit is said in the next.
pub fn fmt_bytes(bytes: f64) -> String {
    const KIB: f64 = 1024.0;
    const MIB: f64 = KIB * KIB;
    const GIB: f64 = MIB * KIB;
    let bytes = bytes.max(0.0);
    if bytes < KIB - 0.5 {
        format!("{bytes:.0} B")
    } else if bytes < MIB - KIB / 2.0 {
        format!("{:.0} KiB", bytes / KIB)
    } else if bytes < GIB - MIB / 20.0 {
        format!("{:.1} MiB", bytes / MIB)
    } else {
        format!("{:.1} GiB", bytes / GIB)
    }
}

/// One of torchsummary's sizes (input, forward/backward pass, parameters, total), as it prints
/// them: in MiB, though its headings say "MB", with two decimals and no unit (the heading has
/// it). `mib` comes from [`crate::nn::summary`], which counts in MiB as torchsummary does.
pub fn fmt_summary_mib(mib: f64) -> String {
    format!("{mib:.2}")
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

    #[test]
    fn sizes_are_in_binary_units() {
        assert_eq!(fmt_bytes(0.0), "0 B");
        assert_eq!(fmt_bytes(512.0), "512 B");
        assert_eq!(fmt_bytes(1023.0), "1023 B");
        assert_eq!(fmt_bytes(1024.0), "1 KiB");
        assert_eq!(fmt_bytes(222_120.0), "217 KiB");
        assert_eq!(fmt_bytes(1_048_000.0), "1023 KiB");
        // Just under a MiB is not "1024 KiB".
        assert_eq!(fmt_bytes(1_048_300.0), "1.0 MiB");
        assert_eq!(fmt_bytes((8 << 20) as f64), "8.0 MiB");
        assert_eq!(fmt_bytes((9 << 20) as f64), "9.0 MiB");
        // A million bytes is not a MiB.
        assert_eq!(fmt_bytes(1e6), "977 KiB");
        assert_eq!(fmt_bytes(1.5 * (1u64 << 30) as f64), "1.5 GiB");
        assert_eq!(fmt_bytes(-3.0), "0 B");
    }

    #[test]
    fn summary_sizes_print_as_torchsummary() {
        // The seed model: 0.00, 0.28, 0.21, 0.50 (MB in torchsummary's headings, MiB in fact).
        assert_eq!(fmt_summary_mib(0.002_990_722_656_25), "0.00");
        assert_eq!(fmt_summary_mib(0.283_966_064_453_125), "0.28");
        assert_eq!(fmt_summary_mib(0.5), "0.50");
    }
}
