//! Painting a map of RGBA pixels onto a canvas (one `putImageData`, scaled up by CSS with
//! `image-rendering: pixelated`), as feature maps need.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{Clamped, JsCast};

/// Paints `rgba` (`w·h·4` bytes) onto the canvas, resizing its bitmap to `w × h`.
pub fn paint(canvas: &web_sys::HtmlCanvasElement, w: usize, h: usize, rgba: &[u8]) {
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let Ok(Some(ctx)) = canvas.get_context("2d") else {
        return;
    };
    let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
        return;
    };
    if let Ok(img) =
        web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), w as u32, h as u32)
    {
        let _ = ctx.put_image_data(&img, 0.0, 0.0);
    }
}

/// A canvas that repaints whenever `pixels` changes: `(width, height, rgba)`.
#[component]
pub fn PixelMap(
    /// The picture.
    #[prop(into)]
    pixels: Signal<(usize, usize, Vec<u8>)>,
    /// Accessible description.
    #[prop(into)]
    label: Signal<String>,
    /// `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let node = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let (w, h, rgba) = pixels.get();
        if let Some(c) = node.get() {
            paint(&c, w, h, &rgba);
        }
    });
    view! { <canvas node_ref=node class="pixel-map" role="img" aria-label=move || label.get() data-testid=testid></canvas> }
}
