//! Helpers shared by the native integration tests: fixture loading and llm.c-style comparison.
#![allow(dead_code)]

use ndarray::{ArrayD, IxDyn};
use safetensors::tensor::{Dtype, SafeTensors};
use std::path::PathBuf;

pub fn fixture_path(name: &str) -> PathBuf {
    // core/'s tests include this file too (`#[path]`); the fixtures live at the workspace root.
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = match here.file_name() {
        Some(n) if n == "core" => here.parent().expect("core/ is in the workspace").into(),
        _ => here,
    };
    root.join("tests/fixtures").join(name)
}

pub fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn json(name: &str) -> serde_json::Value {
    serde_json::from_slice(&read_fixture(name)).expect("valid JSON")
}

/// All tensors of a safetensors file, by name.
pub struct Tensors(Vec<u8>);

impl Tensors {
    pub fn open(name: &str) -> Self {
        Tensors(read_fixture(name))
    }

    pub fn has(&self, name: &str) -> bool {
        SafeTensors::deserialize(&self.0)
            .unwrap()
            .tensor(name)
            .is_ok()
    }

    pub fn f32(&self, name: &str) -> ArrayD<f32> {
        let st = SafeTensors::deserialize(&self.0).unwrap();
        let t = st
            .tensor(name)
            .unwrap_or_else(|_| panic!("no tensor {name}"));
        assert_eq!(t.dtype(), Dtype::F32, "{name}");
        let v: Vec<f32> = t
            .data()
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect();
        ArrayD::from_shape_vec(IxDyn(t.shape()), v).unwrap()
    }

    pub fn i64(&self, name: &str) -> Vec<i64> {
        let st = SafeTensors::deserialize(&self.0).unwrap();
        let t = st.tensor(name).unwrap();
        assert_eq!(t.dtype(), Dtype::I64, "{name}");
        t.data()
            .chunks_exact(8)
            .map(|b| i64::from_le_bytes(b.try_into().unwrap()))
            .collect()
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Asserts `|got − want| <= rtol·(|want| + scale)` element-wise, where `scale` is the largest
/// magnitude in `want` times 0.1 (so values that cancel to near zero are judged against the
/// tensor's size, not against 0). Prints the first mismatches and the largest difference.
pub fn assert_close(what: &str, got: &ArrayD<f32>, want: &ArrayD<f32>, rtol: f32) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let scale = 0.1 * want.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    let mut worst = 0.0f32;
    let mut count = 0;
    let mut bad = Vec::new();
    for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        let d = (g - w).abs();
        // A NaN on either side fails: `d <= limit` is false for NaN.
        let ok = g == w || d <= rtol * (w.abs() + scale);
        if !ok {
            count += 1;
            if bad.len() < 5 {
                bad.push(format!("[{i}] got {g} want {w}"));
            }
        }
        worst = worst.max(d / (w.abs() + scale).max(f32::MIN_POSITIVE));
    }
    assert!(
        count == 0,
        "{what}: {count} mismatches, worst relative {worst:e}: {}",
        bad.join("; ")
    );
}

pub fn pair(v: &serde_json::Value) -> (usize, usize) {
    (
        v[0].as_u64().unwrap() as usize,
        v[1].as_u64().unwrap() as usize,
    )
}

pub fn shape(v: &serde_json::Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap() as usize)
        .collect()
}
