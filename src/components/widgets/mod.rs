//! Parts several sections use. They import no section and not the page shell (`tests/structure.rs`
//! checks it): their text comes from `crate::text` through `context::use_text`, the section list
//! from `components::sections`.

pub mod banner;
pub mod canvas;
pub mod controls;
pub mod download;
pub mod draw_canvas;
pub mod grid;
pub mod stages;
pub mod stepper;
pub mod subpanel;
pub mod visible;
