//! The Leptos UI: one component per concept or panel. Components call into `nn` and `data`
//! (pure functions) and render the result; they know nothing of gradients.

pub mod app;
pub mod canvas;
pub mod channels_demo;
pub mod controls;
pub mod conv_section;
pub mod digit_demo;
pub mod draw_pad;
pub mod draw_section;
pub mod draw_steps;
pub mod draw_strings;
pub mod feature_maps;
pub mod grid;
pub mod head_section;
pub mod i18n;
pub mod lang_state;
pub mod mnist_data;
pub mod model_files;
pub mod model_summary;
pub mod models;
pub mod panic_banner;
pub mod pool_section;
pub mod prediction;
pub mod stepper;
pub mod store;
pub mod train_charts;
pub mod train_eval;
pub mod train_link;
pub mod train_section;
pub mod train_strings;
pub mod url;

pub use app::App;

/// Installs the crash banner and mounts the app on `<body>`.
pub fn mount() {
    panic_banner::install();
    leptos::mount::mount_to_body(App);
}
