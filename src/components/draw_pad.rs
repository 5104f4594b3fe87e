//! The drawing canvas: Pointer Events, so mouse, finger and pen all draw; `touch-action: none`
//! (in the stylesheet) keeps the page from scrolling under a finger. Strokes are rasterised into
//! the section's [`Ink`] as they arrive, so the classification follows the pen.

use super::draw_strings::use_draw_strings;
use crate::data::draw::{Ink, Point, Stroke};
use crate::viz::colour::grey;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Side of the drawing grid in pixels (the canvas bitmap; CSS may show it smaller).
pub const GRID: usize = 280;

/// Where a pointer event falls on the grid.
fn grid_point(ev: &web_sys::PointerEvent) -> Option<Point> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return None;
    }
    let x = (ev.client_x() as f64 - r.left()) / r.width() * GRID as f64;
    let y = (ev.client_y() as f64 - r.top()) / r.height() * GRID as f64;
    Some((x as f32, y as f32))
}

/// The canvas and its pen width, undo and clear controls. `strokes` and `ink` belong to the
/// section; this component only adds to them.
#[component]
pub fn DrawPad(strokes: RwSignal<Vec<Stroke>>, ink: RwSignal<Ink>) -> impl IntoView {
    let ds = use_draw_strings();
    let pen = RwSignal::new(22.0f32);
    let drawing = RwSignal::new(false);
    let node = NodeRef::<html::Canvas>::new();

    Effect::new(move |_| {
        let rgba: Vec<u8> = ink.with(|i| i.coverage().iter().flat_map(|&c| grey(c, 1.0)).collect());
        if let Some(c) = node.get() {
            super::canvas::paint(&c, GRID, GRID, &rgba);
        }
    });

    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let Some(p) = grid_point(&ev) else { return };
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        drawing.set(true);
        let s = Stroke {
            width: pen.get_untracked(),
            points: vec![p],
        };
        ink.update(|i| i.add_stroke(&s));
        strokes.update(|all| all.push(s));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !drawing.get_untracked() {
            return;
        }
        ev.prevent_default();
        let Some(p) = grid_point(&ev) else { return };
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
    let on_up = move |_: web_sys::PointerEvent| drawing.set(false);
    let undo = move |_| {
        strokes.update(|all| {
            all.pop();
        });
        ink.set(strokes.with(|all| Ink::from_strokes(GRID, all)));
    };
    let clear = move |_| {
        strokes.set(Vec::new());
        ink.set(Ink::new(GRID));
    };

    view! {
        <div class="draw-pad">
            <canvas
                node_ref=node
                class="draw-canvas"
                width=GRID
                height=GRID
                data-testid="draw-canvas"
                role="img"
                aria-label=move || ds().canvas_label
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
            ></canvas>
            <div class="draw-tools">
                <label class="field">
                    <span>{move || ds().pen}</span>
                    <input
                        type="range"
                        min="6"
                        max="48"
                        step="1"
                        data-testid="draw-pen"
                        prop:value=move || pen.get().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f32>() {
                                pen.set(v);
                            }
                        }
                    />
                </label>
                <button type="button" data-testid="draw-undo" on:click=undo
                    disabled=move || strokes.with(|s| s.is_empty())>{move || ds().undo}</button>
                <button type="button" data-testid="draw-clear" on:click=clear>{move || ds().clear}</button>
            </div>
        </div>
    }
}
