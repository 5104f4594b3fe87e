//! The Leptos UI, one folder per page section (`overview/`, `conv/`, `pool/`, `head/`, `model/`,
//! `draw/`, `explain/`, `train/`, in page order), the shell that lays them out (`app.rs`), the list of
//! sections (`sections.rs`), `widgets/` (parts several sections use) and `context/` (page-wide
//! state: language, digits, models, the drawing, the training worker). A section imports no other
//! section and not the shell, and neither do widgets and context: what two sections share is a
//! widget or context (`tests/structure.rs` checks this). Components bind signals and paint; the
//! rules they show live in `viz`, `nn`, `data` and `train`, and their text in `crate::text`.
//!
//! State that follows other state is a `Memo` (the drawing's model and outputs, what each view
//! shows of them while in view, a stepper's step, the Dropout demo's sums), never an effect that
//! writes a signal. Effects are the edges: painting a canvas (`widgets/canvas.rs`,
//! `widgets/draw_canvas.rs`, the layer maps in `draw/maps.rs`, the charts in `train/charts.rs` and
//! `train/compare.rs`), keeping state in storage or the URL (`app.rs`'s language,
//! `widgets/stepper.rs`'s settings). Two of them write a signal, later and from outside the
//! reactive graph: `draw/maps.rs` measures the read-out card once the browser has laid it out and
//! keeps its height (the page cannot know it before), and `app.rs` registers the service worker
//! once the training worker wakes, whose news of an update sets the banner's signal. Beside
//! effects, the Explain section's heavy views run their jobs a slice per task
//! (`explain/sliced.rs`), and each slice writes the job's progress, then its result.

pub mod app;
pub mod context;
pub mod conv;
pub mod draw;
pub mod explain;
pub mod head;
pub mod model;
pub mod overview;
pub mod pool;
pub mod sections;
pub mod train;
pub mod widgets;

pub use app::App;
pub use widgets::banner as panic_banner;

/// Installs the crash banner and mounts the app on `<body>`.
pub fn mount() {
    widgets::banner::install();
    // index.html's static skeleton, shown while the app loads, gives way to the app.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("skeleton"))
    {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
}
