//! One chart of the kept runs side by side: held-out accuracy and loss over training time,
//! one colour per run, so "no pooling is slower and no better" is something a learner sees.

use super::charts::{DrawResult, Look};
use crate::components::context::train_link::use_train_link;
use crate::components::context::use_text;
use crate::text::KeptText;
use crate::train::kept::KeptModel;
use crate::train::protocol::Status;
use crate::viz::axes::{accuracy_range, loss_range, time_range};
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// The most runs drawn: the newest ones; more lines than this cannot be told apart.
const RUNS_SHOWN: usize = 6;

/// One colour per run, distinct for readers with the common colour-vision deficiencies
/// (Okabe and Ito's palette).
const COLOURS: [RGBColor; RUNS_SHOWN] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
];

/// A run's series: its label and `(seconds, value)` points.
type Series = (String, Vec<(f32, f32)>);

fn panel(
    look: &Look,
    area: &DrawingArea<CanvasBackend, plotters::coord::Shift>,
    title: &str,
    x_desc: &str,
    series: &[Series],
    y: std::ops::Range<f32>,
) -> DrawResult {
    let x = time_range(series.iter().flat_map(|(_, p)| p.iter().map(|q| q.0)));
    let mut chart = look.frame(area, title, (x, y), (x_desc, ""), false)?;
    for (i, (label, points)) in series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        chart
            .draw_series(LineSeries::new(points.iter().copied(), look.line(colour)))?
            .label(label.clone())
            .legend(look.mark(look.line(colour)));
        chart.draw_series(
            points
                .iter()
                .map(|&p| Circle::new(p, look.px(2.0), colour.filled())),
        )?;
    }
    look.legend(&mut chart, SeriesLabelPosition::UpperRight)
}

/// Every value of every run's series.
fn values(series: &[Series]) -> impl Iterator<Item = f32> + '_ {
    series.iter().flat_map(|(_, p)| p.iter().map(|q| q.1))
}

/// `pool` is the word for pooling in the outlines that label the runs.
fn draw(
    canvas: web_sys::HtmlCanvasElement,
    s: &KeptText,
    pool: &str,
    runs: &[KeptModel],
) -> DrawResult {
    let look = Look::now();
    let root = look.area(canvas, (720.0, 290.0))?;
    let (left, right) = root.split_horizontally(root.dim_in_pixel().0 / 2);
    // Numbered as the table lists them, newest first.
    let label = |i: usize, k: &KeptModel| format!("{} {}", i + 1, k.facts.arch.outline(pool));
    let acc: Vec<Series> = runs
        .iter()
        .enumerate()
        .map(|(i, k)| (label(i, k), k.facts.accuracy_over_time()))
        .collect();
    let loss: Vec<Series> = runs
        .iter()
        .enumerate()
        .map(|(i, k)| (label(i, k), k.facts.loss_over_time()))
        .collect();
    let acc_y = accuracy_range(values(&acc));
    let loss_y = loss_range(values(&loss));
    panel(&look, &left, s.chart_acc, s.chart_time, &acc, acc_y)?;
    panel(&look, &right, s.chart_loss, s.chart_time, &loss, loss_y)?;
    root.present()?;
    Ok(())
}

/// The comparison chart (`compare-chart`), redrawn when the list or the language changes.
#[component]
pub fn CompareChart() -> impl IntoView {
    let t = use_text();
    let link = use_train_link();
    let my = link.my;
    let canvas = NodeRef::<html::Canvas>::new();
    let runs = Memo::new(move |_| {
        my.list.with(|l| {
            l.iter()
                .filter(|k| !k.facts.accuracy_curve.is_empty())
                .take(RUNS_SHOWN)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let empty = move || runs.with(|r| r.is_empty());
    // plotters lays out the page for every label it measures, so two panels take about 50 ms
    // of the page's thread: redrawn while no run trains, never between its batches.
    let training = Memo::new(move |_| link.status() == Some(Status::Running));
    Effect::new(move |_| {
        let s = t().kept;
        let pool = t().model.outline_pool;
        if training.get() {
            return;
        }
        if let Some(c) = canvas.get() {
            runs.with(|r| {
                if !r.is_empty() {
                    if let Err(e) = draw(c, s, pool, r) {
                        web_sys::console::error_1(&format!("comparison chart: {e}").into());
                    }
                }
            });
        }
    });
    view! {
        {move || empty().then(|| view! { <p class="note">{move || t().kept.chart_empty}</p> })}
        <canvas node_ref=canvas width="720" height="290" role="img" data-testid="compare-chart"
            class="compare-chart" hidden=empty aria-label=move || t().kept.chart></canvas>
    }
}
