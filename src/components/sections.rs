//! The page's sections in order, apart from the shell that lays them out: the navigation, the
//! overview's path and each stage's link all name sections, and none of them should have to
//! reach into `app.rs` (or a section into another) to learn what a section is called.

use crate::text::Phrase;

/// The sections of the page in order: each one's anchor, its name in the navigation, and what
/// it lets the learner do (the overview's path).
pub const SECTIONS: &[(&str, Phrase, Phrase)] = &[
    ("conv", |t| t.conv.title, |t| t.overview.path_conv),
    ("pool", |t| t.pool.title, |t| t.overview.path_pool),
    ("head", |t| t.head.title, |t| t.overview.path_head),
    ("model", |t| t.model.title, |t| t.overview.path_model),
    ("draw", |t| t.draw.title, |t| t.overview.path_draw),
    ("explain", |t| t.explain.nav, |t| t.overview.path_explain),
    ("train", |t| t.train.nav, |t| t.overview.path_train),
];

/// The name of section `id` in the navigation.
pub fn section_name(id: &str) -> Option<Phrase> {
    SECTIONS.iter().find(|s| s.0 == id).map(|s| s.1)
}
