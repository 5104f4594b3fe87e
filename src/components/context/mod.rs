//! Page-wide state, provided once by the app and read by any section: the language and its text,
//! the shipped digits, the set the page trains on (`data`: shipped or imported), the models that can classify a drawing, and the link to the training worker.

pub mod arch;
pub mod data;
pub mod drawing;
pub mod kept;
pub mod lang;
pub mod mnist;
pub mod models;
pub mod train_link;

pub use lang::{use_lang, use_text};
