//! Parts several sections use. They import no section and not the page shell: their text comes
//! from `crate::text` through `context::use_text`.

pub mod banner;
pub mod canvas;
pub mod controls;
pub mod grid;
pub mod stepper;
pub mod subpanel;
pub mod visible;
