//! Whether a part of the page is on screen, so work for what nobody sees can wait: the overview
//! and the Draw section follow the drawing only while they are in view (or near it), and catch
//! up when they come back. An IntersectionObserver tells; no layout is forced to find out.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A signal that is true while the element with `id` is within `margin` (CSS, e.g. "300px") of
/// the viewport. True until the observer first reports, so nothing waits on a browser without
/// one.
pub fn visible(id: &'static str, margin: &'static str) -> RwSignal<bool> {
    observe(id, margin, true)
}

/// Runs `f` once, the first time the element with `id` comes within `margin` of the viewport:
/// for work that must not start at load unless the element really is near.
pub fn when_near(id: &'static str, margin: &'static str, f: impl FnOnce() + 'static) {
    let f = std::cell::Cell::new(Some(f));
    watch_id(id, margin, move |near| {
        if near {
            if let Some(f) = f.take() {
                f();
            }
        }
    });
}

fn observe(id: &'static str, margin: &'static str, before: bool) -> RwSignal<bool> {
    let shown = RwSignal::new(before);
    watch_id(id, margin, move |v| {
        shown.try_set(v);
    });
    shown
}

/// Calls `on_change` whenever the element with `id` comes within `margin` of the viewport or
/// leaves it, for as long as the page lives (as sections do).
fn watch_id(id: &'static str, margin: &'static str, on_change: impl Fn(bool) + 'static) {
    // After the element is in the document.
    request_animation_frame(move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        std::mem::forget(watch(&el, margin, on_change));
    });
}

/// An observer that sets `shown` whenever `el` comes within `margin` of the viewport or leaves
/// it, with the callback it calls: both must be kept for as long as it should report.
type Watch = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

fn watch(el: &web_sys::Element, margin: &str, on_change: impl Fn(bool) + 'static) -> Option<Watch> {
    let on_entries = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .next_back()
        {
            on_change(e.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let observer =
        web_sys::IntersectionObserver::new_with_options(on_entries.as_ref().unchecked_ref(), &init)
            .ok()?;
    observer.observe(el);
    Some((observer, on_entries))
}

/// Whether the canvas behind `node` is within `margin` of the viewport: for work per element
/// (one layer's maps) rather than per section. True until the observer first reports; the
/// observer stops with the component.
pub fn canvas_visible(node: NodeRef<html::Canvas>, margin: &'static str) -> RwSignal<bool> {
    let shown = RwSignal::new(true);
    let kept = StoredValue::new_local(None::<Watch>);
    let stop = move || {
        kept.try_update_value(|w| {
            if let Some((observer, _)) = w.take() {
                observer.disconnect();
            }
        });
    };
    // Once, after the canvas is in the document (as for `visible`): nothing to track.
    request_animation_frame(move || {
        let Some(el) = node.try_get_untracked().flatten() else {
            return;
        };
        let w = watch(&el, margin, move |v| {
            shown.try_set(v);
        });
        // The component can be gone already (its model replaced), and its canvas with it.
        if let Some(Some((observer, _))) = kept.try_set_value(w) {
            observer.disconnect();
        }
    });
    on_cleanup(stop);
    shown
}
