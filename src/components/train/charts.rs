//! Live charts of a run with plotters on a canvas: the loss of every batch (raw and smoothed)
//! and the training and held-out accuracy of every epoch, labelled in the page's language.
//! One `draw_*` function per chart, taking the canvas and the data.

use crate::components::context::train_link::use_train_link;
use crate::components::context::use_text;
use crate::text::TrainText;
use crate::viz::axes::{
    accuracy_range, batch_range, epoch_range, loss_range, plain_tick, whole_tick,
};
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

/// How every chart of the section is drawn: at the screen's pixel density (`k` canvas pixels
/// per CSS pixel, so text stays sharp and 12–13 px tall on any screen) and in the page's light
/// or dark colours.
#[derive(Clone, Copy)]
pub(super) struct Look {
    /// Canvas pixels per CSS pixel.
    pub k: f64,
    /// Background.
    pub bg: RGBColor,
    /// Text and axes.
    pub fg: RGBColor,
}

impl Look {
    /// The look for this screen and colour scheme now.
    pub fn now() -> Look {
        let window = web_sys::window();
        let k = window
            .as_ref()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .clamp(1.0, 3.0);
        let dark = window
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches());
        if dark {
            Look {
                k,
                bg: RGBColor(28, 28, 32),
                fg: RGBColor(236, 236, 241),
            }
        } else {
            Look {
                k,
                bg: WHITE,
                fg: RGBColor(28, 28, 30),
            }
        }
    }

    /// `css` CSS pixels in canvas pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.k).round() as u32
    }

    /// Text of `size` CSS pixels.
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size * self.k).into_font().color(&self.fg)
    }

    /// A series line.
    pub fn line(&self, colour: RGBColor) -> ShapeStyle {
        colour.stroke_width(self.px(2.0))
    }

    /// The drawing area of a canvas `w × h` CSS pixels, its bitmap sized for the screen.
    pub fn area(
        &self,
        canvas: web_sys::HtmlCanvasElement,
        (w, h): (f64, f64),
    ) -> Result<Area, Box<dyn std::error::Error>> {
        canvas.set_width(self.px(w));
        canvas.set_height(self.px(h));
        let root = CanvasBackend::with_canvas_object(canvas)
            .ok_or("no canvas")?
            .into_drawing_area();
        root.fill(&self.bg)?;
        Ok(root)
    }

    /// The caption, the axes with their titles and ticks; integer ticks on an integer axis.
    pub fn frame<'a>(
        &self,
        root: &'a Area,
        caption: &str,
        (x, y): (std::ops::Range<f32>, std::ops::Range<f32>),
        (x_desc, y_desc): (&str, &str),
        whole_x: bool,
    ) -> Result<Chart<'a>, Box<dyn std::error::Error>> {
        let mut chart = ChartBuilder::on(root)
            .caption(caption, self.font(15.0))
            .margin(self.px(8.0))
            .x_label_area_size(self.px(40.0))
            .y_label_area_size(self.px(52.0))
            .build_cartesian_2d(x, y)?;
        let whole = |v: &f32| whole_tick(*v);
        let plain = |v: &f32| plain_tick(*v);
        let mut mesh = chart.configure_mesh();
        mesh.x_desc(x_desc)
            .axis_style(self.fg.mix(0.6))
            .bold_line_style(self.fg.mix(0.12))
            .light_line_style(self.bg.mix(0.0))
            .label_style(self.font(12.5))
            .axis_desc_style(self.font(12.5))
            .x_labels(6)
            .y_labels(6);
        if whole_x {
            mesh.x_label_formatter(&whole);
        } else {
            mesh.x_label_formatter(&plain);
        }
        if !y_desc.is_empty() {
            mesh.y_desc(y_desc);
        }
        mesh.draw()?;
        Ok(chart)
    }

    /// The legend box in a corner.
    pub fn legend(&self, chart: &mut Chart<'_>, corner: SeriesLabelPosition) -> DrawResult {
        chart
            .configure_series_labels()
            .background_style(self.bg.mix(0.85))
            .border_style(self.fg.mix(0.3))
            .label_font(self.font(12.5))
            .position(corner)
            .draw()?;
        Ok(())
    }

    /// A legend mark: a short line in `style`.
    pub fn mark(&self, style: ShapeStyle) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
        let len = self.px(18.0) as i32;
        move |(x, y)| PathElement::new(vec![(x, y), (x + len, y)], style)
    }
}

/// Width and height of the Train section's charts in CSS pixels.
const CHART: (f64, f64) = (480.0, 270.0);

/// The legend box in a corner, and the picture shown.
fn finish(
    look: &Look,
    mut chart: Chart<'_>,
    root: &Area,
    corner: SeriesLabelPosition,
) -> DrawResult {
    look.legend(&mut chart, corner)?;
    root.present()?;
    Ok(())
}

/// Loss per batch: `(step, loss, smoothed)`; a red line marks the batch at which the run
/// diverged, whose loss is not a number and cannot be plotted.
fn draw_loss(
    look: &Look,
    root: &Area,
    s: &TrainText,
    points: &[(usize, f32, f32)],
    diverged_at: Option<usize>,
) -> DrawResult {
    let y = loss_range(points.iter().map(|p| p.1));
    let max_y = y.end;
    let axes = (batch_range(points.last().map(|p| p.0)), y);
    let mut chart = look.frame(root, s.chart_loss, axes, (s.x_batch, s.y_loss), true)?;
    chart
        .draw_series(LineSeries::new(
            points
                .iter()
                .filter(|p| p.1.is_finite())
                .map(|p| (p.0 as f32, p.1.min(max_y))),
            look.line(RAW).stroke_width(look.px(1.0)),
        ))?
        .label(s.raw)
        .legend(look.mark(look.line(RAW).stroke_width(look.px(1.0))));
    chart
        .draw_series(LineSeries::new(
            points.iter().map(|p| (p.0 as f32, p.2.min(max_y))),
            look.line(SMOOTH),
        ))?
        .label(s.smoothed)
        .legend(look.mark(look.line(SMOOTH)));
    // The newest point, marked: after one batch a line has nothing to join, and later the mark
    // shows where the run is.
    if let Some(p) = points.last().filter(|p| p.2.is_finite()) {
        chart.draw_series(std::iter::once(Circle::new(
            (p.0 as f32, p.2.min(max_y)),
            look.px(3.0),
            SMOOTH.filled(),
        )))?;
    }
    if let Some(step) = diverged_at {
        let x = step as f32;
        chart
            .draw_series(LineSeries::new([(x, 0.0), (x, max_y)], look.line(DIVERGED)))?
            .label(s.diverged)
            .legend(look.mark(look.line(DIVERGED)));
    }
    finish(look, chart, root, SeriesLabelPosition::UpperRight)
}

/// Accuracy per epoch in percent: `(epoch from 1, train, test)`.
fn draw_accuracy(
    look: &Look,
    root: &Area,
    s: &TrainText,
    points: &[(usize, f32, f32)],
) -> DrawResult {
    let axes = (
        epoch_range(points.len()),
        accuracy_range(points.iter().flat_map(|p| [p.1, p.2])),
    );
    let mut chart = look.frame(root, s.chart_acc, axes, (s.x_epoch, s.y_acc), true)?;
    for (colour, label, pick) in [(TRAIN, s.train, 1usize), (TEST, s.test, 2)] {
        let at = move |p: &(usize, f32, f32)| (p.0 as f32, if pick == 1 { p.1 } else { p.2 });
        chart
            .draw_series(LineSeries::new(points.iter().map(at), look.line(colour)))?
            .label(label)
            .legend(look.mark(look.line(colour)));
        chart.draw_series(
            points
                .iter()
                .map(|p| Circle::new(at(p), look.px(3.0), colour.filled())),
        )?;
    }
    finish(look, chart, root, SeriesLabelPosition::LowerRight)
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
    // When the chart was last drawn (ms): a batch after a quiet spell is drawn at once.
    let drawn_at = StoredValue::new(f64::NEG_INFINITY);
    let redraw = move || {
        waiting.set_value(false);
        drawn_at.set_value(js_sys::Date::now());
        if let Some(c) = loss.get_untracked() {
            let s = untrack(t).train;
            let look = Look::now();
            link.state.with_untracked(|st| {
                if let Err(e) = look
                    .area(c, CHART)
                    .and_then(|root| draw_loss(&look, &root, s, &st.losses, st.diverged_at))
                {
                    web_sys::console::error_1(&format!("loss chart: {e}").into());
                }
            });
        }
    };
    // Before the first batch the charts are hidden: nothing to draw (a redraw at load landed
    // between the first strokes of someone drawing).
    let empty = Memo::new(move |_| batches.with(|b| b.0 == 0));
    Effect::new(move |_| {
        let _ = (t(), batches.get(), loss.get());
        if !empty.get() && !waiting.get_value() {
            waiting.set_value(true);
            let since = js_sys::Date::now() - drawn_at.get_value();
            let wait = LOSS_REDRAW.as_secs_f64() * 1000.0 - since;
            if wait <= 0.0 {
                // After the next frame, like the accuracy chart below, for the same reason.
                request_animation_frame(move || set_timeout(redraw, std::time::Duration::ZERO));
            } else {
                set_timeout(redraw, std::time::Duration::from_millis(wait as u64));
            }
        }
    });
    // Drawn in a task of its own after the next frame, not in the worker's message that changed
    // the data: when the first batch shows the charts, the page is laid out anew, and plotters'
    // measuring on top of that message's work made one task of about 60 ms.
    let draw_acc = move || {
        let Some(c) = acc.get_untracked() else { return };
        let s = untrack(t).train;
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
        let look = Look::now();
        if let Err(e) = look
            .area(c, CHART)
            .and_then(|root| draw_accuracy(&look, &root, s, &points))
        {
            web_sys::console::error_1(&format!("accuracy chart: {e}").into());
        }
    };
    Effect::new(move |_| {
        let _ = (t(), epochs.get(), acc.get());
        if !empty.get() {
            // After the next frame, which lays out what the message changed.
            request_animation_frame(move || set_timeout(draw_acc, std::time::Duration::ZERO));
        }
    });
    // Before the first batch there is nothing to plot: a sentence instead of empty axes.
    view! {
        {move || empty.get().then(|| view! { <p class="note" data-testid="train-charts-empty">{move || t().train.charts_empty}</p> })}
        <div class="charts" hidden=move || empty.get()>
            <canvas node_ref=loss width="480" height="270" role="img" data-testid="train-chart-loss"
                aria-label=move || t().train.chart_loss></canvas>
            <canvas node_ref=acc width="480" height="270" role="img" data-testid="train-chart-acc"
                aria-label=move || t().train.chart_acc></canvas>
        </div>
    }
}
