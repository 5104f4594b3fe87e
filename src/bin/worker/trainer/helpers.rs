//! The trainer's side of its helpers: starting them, and what their answers do to the step in
//! flight (a helper that fails or cannot be reached leaves the trainer to go on alone).

use super::super::wire::{read_with_floats, HELPER_NAME};
use super::{HelperLink, Worker, MAX_HELPERS};
use convlab::train::protocol::{FromHelper, Status};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

impl Worker {
    /// A helper's message; `grads` is the array that came with it.
    pub(super) fn on_helper(&mut self, index: usize, msg: FromHelper, grads: Option<Vec<f32>>) {
        match msg {
            FromHelper::Ready => {
                if let Some(h) = self.helpers.get_mut(index) {
                    h.ready = true;
                }
            }
            FromHelper::Done { job, share } => {
                let Some(f) = self.in_flight.as_mut().filter(|f| f.job == job) else {
                    return;
                };
                let added = match (self.trainer.as_mut(), grads) {
                    (Some(t), Some(g)) => t.add_share(&g).is_ok(),
                    _ => false,
                };
                if !added {
                    return self.without_helpers();
                }
                f.shares.push(share);
                f.waiting -= 1;
                if f.waiting == 0 {
                    let f = self.in_flight.take().expect("in flight");
                    if self.finish_batch(&f.shares, f.started) {
                        self.schedule();
                    }
                }
            }
            FromHelper::Failed(why) => {
                web_sys::console::warn_1(&format!("training helper: {why}").into());
                self.without_helpers();
            }
        }
    }

    /// Trains alone from now on; a step in flight is done again from the start.
    pub(super) fn without_helpers(&mut self) {
        for h in self.helpers.drain(..) {
            h.worker.terminate();
        }
        if self.in_flight.take().is_some() {
            if self.pausing {
                self.pausing = false;
                self.set_status(Status::Paused);
                self.post_weights();
            } else {
                self.schedule();
            }
        }
    }
}

/// How many helpers to start: `?helpers=N` on the script's URL, else one per core beyond
/// the first, at most [`MAX_HELPERS`].
fn helper_count(scope: &DedicatedWorkerGlobalScope) -> usize {
    let asked = web_sys::Url::new(&scope.location().href())
        .ok()
        .and_then(|u| u.search_params().get("helpers"))
        .and_then(|v| v.parse::<usize>().ok());
    let cores = scope.navigator().hardware_concurrency() as usize;
    asked.unwrap_or(cores.saturating_sub(1)).min(MAX_HELPERS)
}

/// Starts the helpers; each answers through `on_helper` with its index.
pub(super) fn start_helpers(w: &Rc<RefCell<Worker>>) {
    let scope = w.borrow().scope.clone();
    let href = scope.location().href();
    let options = web_sys::WorkerOptions::new();
    options.set_name(HELPER_NAME);
    for index in 0..helper_count(&scope) {
        let Ok(worker) = web_sys::Worker::new_with_options(&href, &options) else {
            return;
        };
        let on_message = {
            let w = w.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let (msg, grads) = read_with_floats::<FromHelper>(&ev);
                let msg = msg.unwrap_or(FromHelper::Failed("an unreadable message".into()));
                w.borrow_mut().on_helper(index, msg, grads);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        w.borrow_mut().helpers.push(HelperLink {
            worker,
            ready: false,
        });
    }
}
