//! The app's tabs telling each other that something they all show changed (My models, Your
//! digits), over a BroadcastChannel per kind of news; each listener reads the store again.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    // Which tab this is, so it ignores its own news (a channel also delivers to the page's other
    // channel objects of the same name).
    static TAB: f64 = js_sys::Math::random();
}

/// Tells the app's other tabs listening on `channel` that what it is about changed.
pub fn tell_other_tabs(channel: &str) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(channel) {
        let _ = channel.post_message(&JsValue::from_f64(TAB.with(|t| *t)));
        channel.close();
    }
}

/// Runs `on_news` whenever another tab of the app tells `channel` of a change, for as long as
/// the page lives. Without BroadcastChannel nothing is heard, and each tab shows its own.
pub fn listen_to_other_tabs(channel: &str, mut on_news: impl FnMut() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(channel) else {
        return;
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if ev.data().as_f64() != Some(TAB.with(|t| *t)) {
                on_news();
            }
        });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The channel lives as long as the page.
    std::mem::forget(channel);
}
