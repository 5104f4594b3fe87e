//! The drawing canvas: Pointer Events, so mouse, finger and pen all draw; `touch-action: none`
//! (in the stylesheet) keeps the page from scrolling under a finger. Strokes are rasterised into
//! the page's [`Ink`](crate::data::draw::Ink) as they arrive, so the classification follows the
//! pen. The Draw section and the overview's small pad both draw with it, into the one drawing.

use crate::components::context::drawing::{Drawing, GRID};
use crate::components::widgets::canvas::{paint, paint_at};
use crate::data::draw::{Point, Stroke};
use crate::viz::picture::changed_box;
use crate::viz::Picture;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How far one arrow key moves the keyboard pen (Shift: a third of it).
const KEY_STEP: f32 = 10.0;

/// Marks the keyboard pen on the picture: a ring of the pen's size, blue when lifted, red when
/// down.
fn mark_cursor(rgba: &mut [u8], at: Point, width: f32, down: bool) {
    let r = width / 2.0 + 1.5;
    let colour = if down {
        [217, 45, 32, 255]
    } else {
        [29, 78, 216, 255]
    };
    let (x0, x1) = (
        (at.0 - r - 1.0).max(0.0) as usize,
        ((at.0 + r + 1.0) as usize).min(GRID),
    );
    let (y0, y1) = (
        (at.1 - r - 1.0).max(0.0) as usize,
        ((at.1 + r + 1.0) as usize).min(GRID),
    );
    for y in y0..y1 {
        for x in x0..x1 {
            let d = ((x as f32 + 0.5 - at.0).powi(2) + (y as f32 + 0.5 - at.1).powi(2)).sqrt();
            if (d - r).abs() < 1.0 {
                rgba[(y * GRID + x) * 4..(y * GRID + x) * 4 + 4].copy_from_slice(&colour);
            }
        }
    }
}

/// The canvas's box on screen as (left, top, width, height).
type Rect = (f64, f64, f64, f64);

/// The box of the element a pointer event is on.
fn rect_of(ev: &web_sys::PointerEvent) -> Option<Rect> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then(|| (r.left(), r.top(), r.width(), r.height()))
}

/// Where a pointer event falls on the grid of a canvas whose box is `r`.
fn grid_point(ev: &web_sys::PointerEvent, (left, top, w, h): Rect) -> Point {
    let x = (ev.client_x() as f64 - left) / w * GRID as f64;
    let y = (ev.client_y() as f64 - top) / h * GRID as f64;
    (x as f32, y as f32)
}

/// A canvas that draws into the page's drawing with pointer (mouse, finger, pen) and keyboard;
/// the first stroke replaces a sample. `keys` is the id of the element that explains the keys.
#[component]
pub fn DrawCanvas(
    drawing: Drawing,
    testid: &'static str,
    keys: &'static str,
    #[prop(into)] label: Signal<String>,
    /// While false (the canvas is off screen), the ink is not repainted; it is when it is back.
    #[prop(optional, into)]
    shown: Option<Signal<bool>>,
) -> impl IntoView {
    let Drawing {
        strokes,
        ink,
        pen,
        key_down,
        pen_down,
        ..
    } = drawing;
    // The canvas's box, read when the pen goes down: reading it on every move made the browser
    // lay out the page again for each event, after the maps had changed.
    let rect = StoredValue::new(None::<Rect>);
    let node = NodeRef::<html::Canvas>::new();
    // The keyboard pen: where it is, whether it is down, and whether to show it.
    let cursor = RwSignal::new((GRID as f32 / 2.0, GRID as f32 / 2.0));
    let keyboard = RwSignal::new(false);

    // The coverage the canvas shows (none while the keyboard pen's ring is drawn over it): a
    // pen's move then repaints only the box of pixels that changed, not all 78,400.
    let painted = StoredValue::new(None::<Vec<f32>>);
    Effect::new(move |_| {
        if shown.is_some_and(|s| !s.get()) {
            return;
        }
        let Some(c) = node.get() else { return };
        if keyboard.get() {
            let mut picture = ink.with(|i| Picture::grey(GRID, GRID, i.coverage().iter().copied()));
            mark_cursor(&mut picture.rgba, cursor.get(), pen.get(), key_down.get());
            paint(&c, &picture);
            painted.set_value(None);
            return;
        }
        ink.with(|i| {
            let now = i.coverage();
            let before = painted.with_value(|p| {
                p.as_ref()
                    .filter(|p| p.len() == now.len())
                    .map(|p| changed_box(p, now, i.side()))
            });
            match before {
                Some(None) => {}
                Some(Some(b)) => paint_at(&c, &Picture::ink_crop(i, b), b.0, b.1),
                None => paint(&c, &Picture::grey(GRID, GRID, now.iter().copied())),
            }
            painted.update_value(|p| match p {
                Some(p) if p.len() == now.len() => p.copy_from_slice(now),
                _ => *p = Some(now.to_vec()),
            });
        });
    });

    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let Some(r) = rect_of(&ev) else { return };
        rect.set_value(Some(r));
        let p = grid_point(&ev, r);
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        pen_down.set(true);
        drawing.own();
        let s = Stroke {
            width: pen.get_untracked(),
            points: vec![p],
        };
        ink.update(|i| i.add_stroke(&s));
        strokes.update(|all| all.push(s));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !pen_down.get_untracked() {
            return;
        }
        ev.prevent_default();
        let Some(r) = rect.get_value().or_else(|| rect_of(&ev)) else {
            return;
        };
        let p = grid_point(&ev, r);
        let mut segment = None;
        strokes.update(|all| {
            if let Some(s) = all.last_mut() {
                if let Some(&last) = s.points.last() {
                    segment = Some((last, s.width));
                }
                s.points.push(p);
            }
        });
        if let Some((last, width)) = segment {
            ink.update(|i| i.add_segment(last, p, width));
        }
    };
    let on_up = move |_: web_sys::PointerEvent| pen_down.set(false);
    // Arrow keys move the pen, Space or Enter puts it down or lifts it.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let step = if ev.shift_key() {
            KEY_STEP / 3.0
        } else {
            KEY_STEP
        };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            " " | "Enter" => {
                ev.prevent_default();
                keyboard.set(true);
                let down = !key_down.get_untracked();
                key_down.set(down);
                if down {
                    drawing.own();
                    let s = Stroke {
                        width: pen.get_untracked(),
                        points: vec![cursor.get_untracked()],
                    };
                    ink.update(|i| i.add_stroke(&s));
                    strokes.update(|all| all.push(s));
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        keyboard.set(true);
        let from = cursor.get_untracked();
        let to = (
            (from.0 + dx).clamp(0.0, GRID as f32),
            (from.1 + dy).clamp(0.0, GRID as f32),
        );
        cursor.set(to);
        if key_down.get_untracked() {
            strokes.update(|all| {
                if let Some(s) = all.last_mut() {
                    s.points.push(to);
                }
            });
            ink.update(|i| i.add_segment(from, to, pen.get_untracked()));
        }
    };
    view! {
        <canvas
            node_ref=node
            class="draw-canvas"
            width=GRID
            height=GRID
            data-testid=testid
            role="application"
            tabindex="0"
            aria-label=label
            aria-describedby=keys
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:keydown=on_key
            on:blur=move |_| keyboard.set(false)
        ></canvas>
    }
}
