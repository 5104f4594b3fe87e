//! Giving the browser a turn: a long job on the page's thread (reading tens of megabytes of
//! files) awaits [`after_paint`] between its steps, so what the page says about it is shown and
//! input is answered in between.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long to wait at most for a frame: a hidden tab draws none, and the job goes on anyway.
const NO_FRAME_MS: i32 = 100;

/// Resolves once the browser has painted a frame (a timer set in the frame's callback runs after
/// its paint), or after [`NO_FRAME_MS`] when it draws none.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| {
        let w = window.clone();
        let done = resolve.clone();
        let after_frame = Closure::once_into_js(move || {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, NO_FRAME_MS);
    });
    let _ = JsFuture::from(promise).await;
}
