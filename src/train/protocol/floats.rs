//! Numbers that may not be finite, across JSON.

/// `f32` fields that may hold NaN or ±∞ (a diverging run's loss). JSON has no such numbers
/// (serde_json writes `null`, which it then cannot read back as a number), so they travel as
/// the strings `"NaN"`, `"inf"` and `"-inf"`.
pub mod any_f32 {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    pub(super) enum Number {
        Finite(f32),
        Named(String),
    }

    pub(super) fn name(v: f32) -> &'static str {
        if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        }
    }

    pub(super) fn value<E: Error>(n: Number) -> Result<f32, E> {
        match n {
            Number::Finite(v) => Ok(v),
            Number::Named(s) => match s.as_str() {
                "NaN" => Ok(f32::NAN),
                "inf" => Ok(f32::INFINITY),
                "-inf" => Ok(f32::NEG_INFINITY),
                _ => Err(E::custom("not a number")),
            },
        }
    }

    pub fn serialize<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f32(*v)
        } else {
            s.serialize_str(name(*v))
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        value(Number::deserialize(d)?)
    }
}

/// `Vec<f32>` fields whose values may be NaN or ±∞, each written as [`any_f32`] writes one.
pub mod any_f32s {
    use super::any_f32::{name, value, Number};
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for &x in v {
            if x.is_finite() {
                seq.serialize_element(&x)?;
            } else {
                seq.serialize_element(name(x))?;
            }
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
        Vec::<Number>::deserialize(d)?
            .into_iter()
            .map(value)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{decode, encode, BatchReport, Snapshot};

    #[test]
    fn numbers_that_are_not_finite_survive_the_trip() {
        // A diverged batch used to become `"loss": null`, which the page could not read, so
        // the report was dropped and the page froze.
        for loss in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1.5] {
            let b = BatchReport {
                step: 9,
                total: 10,
                epoch: 0,
                batch: 9,
                batches: 10,
                loss,
                accuracy: 0.1,
                images_per_sec: 100.0,
                workers: 1,
            };
            let back = decode::<BatchReport>(&encode(&b)).expect("decodes");
            assert!(back.loss == loss || (back.loss.is_nan() && loss.is_nan()));
        }
        let s = Snapshot {
            filters: vec![f32::NAN, 1.0],
            filter_shape: vec![2, 1, 1, 1],
            digit: 3,
            maps: vec![f32::NEG_INFINITY],
            map_shape: vec![1, 1, 1],
            probs: vec![0.5],
        };
        let back = decode::<Snapshot>(&encode(&s)).expect("decodes");
        assert!(back.filters[0].is_nan() && back.filters[1] == 1.0);
        assert_eq!(back.maps, vec![f32::NEG_INFINITY]);
        assert_eq!(decode::<Snapshot>(&encode(&s).replace("NaN", "nan?")), None);
    }
}
