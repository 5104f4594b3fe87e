//! Live charts of a run with plotters on a canvas: the loss of every batch (raw and smoothed)
//! and the training and held-out accuracy of every epoch, labelled in the page's language.
//! One `draw_*` function per chart, taking the canvas and the data.

use crate::components::context::train_link::use_train_link;
use crate::components::context::use_text;
use crate::text::TrainText;
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

const RAW: RGBColor = RGBColor(150, 170, 220);
const SMOOTH: RGBColor = RGBColor(29, 78, 216);
const TRAIN: RGBColor = RGBColor(217, 95, 2);
const TEST: RGBColor = RGBColor(27, 158, 119);
const DIVERGED: RGBColor = RGBColor(217, 45, 32);

/// The shortest time between two redraws of the loss chart.
const LOSS_REDRAW: std::time::Duration = std::time::Duration::from_millis(1000);

pub(super) type DrawResult = Result<(), Box<dyn std::error::Error>>;
type Area = DrawingArea<CanvasBackend, plotters::coord::Shift>;
pub(super) type Chart<'a> = ChartContext<
    'a,
    CanvasBackend,
    Cartesian2d<plotters::coord::types::RangedCoordf32, plotters::coord::types::RangedCoordf32>,
>;

/// The drawing area of a canvas.
fn area(canvas: web_sys::HtmlCanvasElement) -> Result<Area, Box<dyn std::error::Error>> {
    Ok(CanvasBackend::with_canvas_object(canvas)
        .ok_or("no canvas")?
        .into_drawing_area())
}

/// What both charts share: a white canvas, the caption, the axes with their titles.
fn frame<'a>(
    root: &'a Area,
    caption: &str,
    (x, y): (std::ops::Range<f32>, std::ops::Range<f32>),
    (x_desc, y_desc): (&str, &str),
) -> Result<Chart<'a>, Box<dyn std::error::Error>> {
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(root)
        .caption(caption, ("sans-serif", 16))
        .margin(8)
        .x_label_area_size(32)
        .y_label_area_size(44)
        .build_cartesian_2d(x, y)?;
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .light_line_style(WHITE.mix(0.0))
        .draw()?;
    Ok(chart)
}

/// The legend box in a corner, as every chart of the section draws it.
pub(super) fn legend(chart: &mut Chart<'_>, corner: SeriesLabelPosition) -> DrawResult {
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .position(corner)
        .draw()?;
    Ok(())
}

/// The legend box in a corner, and the picture shown.
fn finish(mut chart: Chart<'_>, root: &Area, corner: SeriesLabelPosition) -> DrawResult {
    legend(&mut chart, corner)?;
    root.present()?;
    Ok(())
}

/// Loss per batch: `(step, loss, smoothed)`; a red line marks the batch at which the run
/// diverged, whose loss is not a number and cannot be plotted.
fn draw_loss(
    root: &Area,
    s: &TrainText,
    points: &[(usize, f32, f32)],
    diverged_at: Option<usize>,
) -> DrawResult {
    let max_x = points.last().map_or(10, |p| p.0.max(10)) as f32;
    let max_y = points
        .iter()
        .map(|p| p.1)
        .filter(|l| l.is_finite())
        .fold(0.5f32, f32::max)
        .min(5.0)
        * 1.05;
    let axes = (0f32..max_x, 0f32..max_y);
    let mut chart = frame(root, s.chart_loss, axes, (s.x_batch, s.y_loss))?;
    chart
        .draw_series(LineSeries::new(
            points
                .iter()
                .filter(|p| p.1.is_finite())
                .map(|p| (p.0 as f32, p.1.min(max_y))),
            &RAW,
        ))?
        .label(s.raw)
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], RAW));
    chart
        .draw_series(LineSeries::new(
            points.iter().map(|p| (p.0 as f32, p.2.min(max_y))),
            SMOOTH.stroke_width(2),
        ))?
        .label(s.smoothed)
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], SMOOTH.stroke_width(2)));
    if let Some(step) = diverged_at {
        let x = step as f32;
        chart
            .draw_series(LineSeries::new(
                [(x, 0.0), (x, max_y)],
                DIVERGED.stroke_width(2),
            ))?
            .label(s.diverged)
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], DIVERGED.stroke_width(2)));
    }
    finish(chart, root, SeriesLabelPosition::UpperRight)
}

/// Accuracy per epoch in percent: `(epoch from 1, train, test)`.
fn draw_accuracy(root: &Area, s: &TrainText, points: &[(usize, f32, f32)]) -> DrawResult {
    let max_x = points.len().max(2) as f32;
    let min_y = points
        .iter()
        .map(|p| p.1.min(p.2))
        .fold(90.0f32, f32::min)
        .floor()
        .max(0.0);
    let axes = (0.5f32..max_x + 0.5, min_y..100f32);
    let mut chart = frame(root, s.chart_acc, axes, (s.x_epoch, s.y_acc))?;
    for (colour, label, pick) in [(TRAIN, s.train, 1usize), (TEST, s.test, 2)] {
        let at = move |p: &(usize, f32, f32)| (p.0 as f32, if pick == 1 { p.1 } else { p.2 });
        chart
            .draw_series(LineSeries::new(
                points.iter().map(at),
                colour.stroke_width(2),
            ))?
            .label(label)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(2))
            });
        chart.draw_series(
            points
                .iter()
                .map(|p| Circle::new(at(p), 3, colour.filled())),
        )?;
    }
    finish(chart, root, SeriesLabelPosition::LowerRight)
}

/// Both charts, redrawn when the run or the language changes; the loss chart at most once per
/// `LOSS_REDRAW`, since plotters lays out the page for every label it measures.
#[component]
pub fn Charts() -> impl IntoView {
    let t = use_text();
    let link = use_train_link();
    let loss = NodeRef::<html::Canvas>::new();
    let acc = NodeRef::<html::Canvas>::new();
    // Redraw only when a chart's data changes, not on every message of the worker.
    let batches = Memo::new(move |_| {
        link.state
            .with(|s| (s.losses.len(), s.losses.last().map(|l| l.0)))
    });
    let epochs = Memo::new(move |_| link.state.with(|s| s.epochs.len()));
    // plotters measures every label by adding it to the page and reading its size, which lays
    // out the whole page: one redraw costs tens of milliseconds of the page's thread. Redrawn
    // for every batch, that took a third of one core from the worker on a two-core machine. So
    // the loss chart is redrawn at most every LOSS_REDRAW, always with the newest data.
    let waiting = StoredValue::new(false);
    let redraw = move || {
        waiting.set_value(false);
        if let Some(c) = loss.get_untracked() {
            let s = untrack(t).train;
            link.state.with_untracked(|st| {
                if let Err(e) =
                    area(c).and_then(|root| draw_loss(&root, s, &st.losses, st.diverged_at))
                {
                    web_sys::console::error_1(&format!("loss chart: {e}").into());
                }
            });
        }
    };
    Effect::new(move |_| {
        let _ = (t(), batches.get(), loss.get());
        if !waiting.get_value() {
            waiting.set_value(true);
            set_timeout(redraw, LOSS_REDRAW);
        }
    });
    Effect::new(move |_| {
        let s = t().train;
        let _ = epochs.get();
        if let Some(c) = acc.get() {
            let points: Vec<(usize, f32, f32)> = link.state.with_untracked(|st| {
                st.epochs
                    .iter()
                    .map(|e| {
                        (
                            e.epoch + 1,
                            100.0 * e.train_accuracy,
                            100.0 * e.test_accuracy,
                        )
                    })
                    .collect()
            });
            if let Err(e) = area(c).and_then(|root| draw_accuracy(&root, s, &points)) {
                web_sys::console::error_1(&format!("accuracy chart: {e}").into());
            }
        }
    });
    view! {
        <div class="charts">
            <canvas node_ref=loss width="480" height="260" role="img" data-testid="train-chart-loss"
                aria-label=move || t().train.chart_loss></canvas>
            <canvas node_ref=acc width="480" height="260" role="img" data-testid="train-chart-acc"
                aria-label=move || t().train.chart_acc></canvas>
        </div>
    }
}
