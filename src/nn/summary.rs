//! The layer table `torchsummary.summary(model, input_size)` prints, computed from a
//! [`ModelConfig`] alone.

use super::error::NnError;
use super::model::ModelConfig;

/// One row: `Conv2d-1   [-1, 16, 26, 26]   160`.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    /// Layer type, e.g. `Conv2d`.
    pub kind: &'static str,
    /// 1-based position among the layers.
    pub index: usize,
    /// Output shape with the batch dimension shown as −1 (a side past `i64::MAX`, which only a
    /// 64-bit `usize` holds, shows as `i64::MAX`).
    pub output_shape: Vec<i64>,
    /// Learnable scalars in this layer (64-bit: an edited model can pass 4.3 billion).
    pub params: u64,
}

/// The whole table with its totals and memory estimates (MB = 2²⁰ bytes, 4 bytes per float).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// One row per layer.
    pub rows: Vec<SummaryRow>,
    /// Sum of the rows' parameters.
    pub total_params: u64,
    /// Parameters that train (all of them here).
    pub trainable_params: u64,
    /// Size of one input sample in MB.
    pub input_mb: f64,
    /// torchsummary's forward/backward estimate: 2 × every layer's output, in MB.
    pub forward_backward_mb: f64,
    /// Size of the parameters in MB.
    pub params_mb: f64,
}

impl Summary {
    /// Builds the table for `model` (one sample), or says which layer does not fit.
    pub fn of(model: &ModelConfig) -> Result<Summary, NnError> {
        let shapes = model.shapes(1)?;
        let rows: Vec<SummaryRow> = model
            .layers
            .iter()
            .zip(&shapes)
            .enumerate()
            .map(|(i, (l, s))| SummaryRow {
                kind: l.config.kind(),
                index: i + 1,
                output_shape: std::iter::once(-1)
                    .chain(s[1..].iter().map(|&d| i64::try_from(d).unwrap_or(i64::MAX)))
                    .collect(),
                params: l.config.num_params(),
            })
            .collect();
        let total_params = model.num_params();
        let mb = |floats: u64| floats as f64 * 4.0 / (1024.0 * 1024.0);
        let size = |s: &[usize]| s.iter().fold(1u64, |m, &d| m.saturating_mul(d as u64));
        let outputs = shapes
            .iter()
            .fold(0u64, |n, s| n.saturating_add(size(&s[1..])));
        Ok(Summary {
            rows,
            total_params,
            trainable_params: total_params,
            input_mb: mb(size(&model.input)),
            forward_backward_mb: 2.0 * mb(outputs),
            params_mb: mb(total_params),
        })
    }

    /// Input + forward/backward + parameters, in MB.
    pub fn total_mb(&self) -> f64 {
        self.input_mb + self.forward_backward_mb + self.params_mb
    }

    /// The table as torchsummary prints it.
    pub fn to_text(&self) -> String {
        let line = "-".repeat(64);
        let double = "=".repeat(64);
        let mut s = format!(
            "{line}\n{:>20}  {:>25} {:>15}\n{double}\n",
            "Layer (type)", "Output Shape", "Param #"
        );
        for r in &self.rows {
            s += &format!(
                "{:>20}  {:>25} {:>15}\n",
                format!("{}-{}", r.kind, r.index),
                shape_text(&r.output_shape),
                group_thousands(r.params)
            );
        }
        s += &format!(
            "{double}\nTotal params: {}\nTrainable params: {}\nNon-trainable params: {}\n{line}\n",
            group_thousands(self.total_params),
            group_thousands(self.trainable_params),
            group_thousands(self.total_params - self.trainable_params)
        );
        s += &format!(
            "Input size (MB): {:.2}\nForward/backward pass size (MB): {:.2}\nParams size (MB): {:.2}\nEstimated Total Size (MB): {:.2}\n{line}\n",
            self.input_mb,
            self.forward_backward_mb,
            self.params_mb,
            self.total_mb()
        );
        s
    }
}

/// `[-1, 16, 26, 26]`, as Python prints a list.
pub fn shape_text(shape: &[i64]) -> String {
    let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("[{}]", parts.join(", "))
}

/// `55338 -> "55,338"`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(55338), "55,338");
        assert_eq!(group_thousands(160), "160");
        assert_eq!(group_thousands(1000000), "1,000,000");
    }
}
