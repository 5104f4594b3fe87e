//! Weights as safetensors, with the `state_dict` names and shapes of the PyTorch class, so a file
//! goes both ways: in PyTorch `state = safetensors.torch.load_file(path)` reads the file into a
//! dict and `model.load_state_dict(state, strict=True)` puts it in a model of that class; here
//! [`Sequential::load_safetensors`].

use super::error::{NnError, WeightsError};
use super::model::Sequential;
use ndarray::{ArrayD, IxDyn};
use safetensors::tensor::{Dtype, SafeTensors, TensorView};

impl Sequential {
    /// The weights as a safetensors file (little-endian F32, PyTorch's names and shapes).
    pub fn to_safetensors(&self) -> Vec<u8> {
        self.to_safetensors_with(&[])
    }

    /// The weights as a safetensors file with `metadata` in its header's `__metadata__` (string
    /// pairs, as the format allows).
    pub fn to_safetensors_with(&self, metadata: &[(&str, String)]) -> Vec<u8> {
        let params = self.named_parameters();
        let bytes: Vec<(String, Vec<usize>, Vec<u8>)> = params
            .iter()
            .map(|(name, p)| {
                let data = p.value.iter().flat_map(|v| v.to_le_bytes()).collect();
                (name.clone(), p.value.shape().to_vec(), data)
            })
            .collect();
        let views: Vec<(String, TensorView<'_>)> = bytes
            .iter()
            .map(|(n, s, d)| {
                (
                    n.clone(),
                    TensorView::new(Dtype::F32, s.clone(), d).expect("sizes agree"),
                )
            })
            .collect();
        let metadata = (!metadata.is_empty()).then(|| {
            metadata
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect()
        });
        safetensors::serialize(views, metadata)
            .expect("serialising in-memory f32 tensors cannot fail")
    }

    /// The value under `key` in a safetensors file's `__metadata__`, if the file has one.
    pub fn safetensors_metadata(bytes: &[u8], key: &str) -> Result<Option<String>, NnError> {
        let (_, meta) =
            SafeTensors::read_metadata(bytes).map_err(|e| WeightsError::Corrupt(e.into()))?;
        Ok(meta.metadata().as_ref().and_then(|m| m.get(key).cloned()))
    }

    /// Replaces every parameter with the tensors of a safetensors file.
    ///
    /// All-or-nothing: the file must hold exactly this model's tensors (names, shapes, F32, finite
    /// values); otherwise the error says what is wrong and the model is left untouched.
    pub fn load_safetensors(&mut self, bytes: &[u8]) -> Result<(), NnError> {
        let st = SafeTensors::deserialize(bytes).map_err(|e| WeightsError::Corrupt(e.into()))?;
        let expected = self.named_parameters();
        for name in st.names() {
            if !expected.iter().any(|(n, _)| n == name) {
                return Err(WeightsError::Unexpected(name.to_string()).into());
            }
        }
        let mut values = Vec::with_capacity(expected.len());
        for (name, p) in &expected {
            let t = st
                .tensor(name)
                .map_err(|_| WeightsError::Missing(name.clone()))?;
            if t.dtype() != Dtype::F32 {
                return Err(WeightsError::Dtype {
                    name: name.clone(),
                    got: format!("{:?}", t.dtype()),
                }
                .into());
            }
            if t.shape() != p.value.shape() {
                return Err(WeightsError::Shape {
                    name: name.clone(),
                    expected: p.value.shape().to_vec(),
                    got: t.shape().to_vec(),
                }
                .into());
            }
            let data: Vec<f32> = t
                .data()
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect();
            if data.iter().any(|v| !v.is_finite()) {
                return Err(WeightsError::NotFinite(name.clone()).into());
            }
            values.push(ArrayD::from_shape_vec(IxDyn(t.shape()), data).expect("shape checked"));
        }
        for (p, v) in self.parameters_mut().into_iter().zip(values) {
            p.value = v;
            p.zero_grad();
        }
        Ok(())
    }
}
