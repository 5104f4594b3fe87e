//! Painting a [`Picture`] onto a canvas: one `putImageData`, scaled up by CSS with
//! `image-rendering: pixelated`, as feature maps need.

use crate::viz::Picture;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{Clamped, JsCast};

/// Paints `picture` onto the canvas, resizing its bitmap to the picture's size.
pub fn paint(canvas: &web_sys::HtmlCanvasElement, picture: &Picture) {
    let (w, h) = (picture.width as u32, picture.height as u32);
    // Setting a size, even the same one, throws the bitmap away and makes a new one.
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    paint_at(canvas, picture, 0, 0);
}

/// Paints `picture` over the canvas's bitmap with its top left corner at `(x, y)`, leaving the
/// rest of the bitmap as it is.
pub fn paint_at(canvas: &web_sys::HtmlCanvasElement, picture: &Picture, x: usize, y: usize) {
    let Ok(Some(ctx)) = canvas.get_context("2d") else {
        return;
    };
    let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
        return;
    };
    let (w, h) = (picture.width as u32, picture.height as u32);
    if let Ok(img) =
        web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&picture.rgba), w, h)
    {
        let _ = ctx.put_image_data(&img, x as f64, y as f64);
    }
}

/// A canvas that repaints whenever `pixels` changes.
#[component]
pub fn PixelMap(
    /// The picture.
    #[prop(into)]
    pixels: Signal<Picture>,
    /// Accessible description.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let node = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let picture = pixels.get();
        if let Some(c) = node.get() {
            paint(&c, &picture);
        }
    });
    view! { <canvas node_ref=node class="pixel-map" role="img" aria-label=move || label.get() data-testid=testid></canvas> }
}
