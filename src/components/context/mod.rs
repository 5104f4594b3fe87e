//! Page-wide state, provided once by the app and read by any section: the language and its text,
//! the shipped digits, the set the page trains on (`data`: shipped or imported), the models that
//! can classify a drawing, and the link to the training worker; and the learner's own labelled
//! digits (`mydigits`, provided by the Draw section, which alone shows them).

pub mod arch;
pub mod data;
pub mod drawing;
pub mod kept;
pub mod lang;
pub mod mnist;
pub mod models;
pub mod mydigits;
pub mod train_link;

pub use lang::{use_lang, use_text};
