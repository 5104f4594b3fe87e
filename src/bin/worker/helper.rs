//! A helper: the same script started with the name "helper". It loads the digits, says Ready,
//! then answers every job ([`ToHelper::Job`]) with the gradients of its share of the batch. When the
//! learner imports a set, the trainer sends it the images before any job on them.

use super::wire::fetch_digits;
use convlab::data::Mnist;
use convlab::lang::Lang;
use convlab::train::protocol::{FromHelper, Settings, ToHelper};
use convlab::train::{Helper, TrainConfig, TrainError, MICRO_BATCH};
use convlab::web::wire::{read_with_array, with_array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// A helper's digits, and its model for the settings of the run it last worked for.
type HelperState = (Mnist, Option<(Settings, Helper)>);

/// A helper: loads the digits, says Ready, then answers every job ([`ToHelper::Job`]) with the
/// gradients of its share.
pub fn start_helper(scope: DedicatedWorkerGlobalScope) {
    let state: Rc<RefCell<Option<HelperState>>> = Rc::new(RefCell::new(None));
    let reply = {
        let scope = scope.clone();
        move |msg: &FromHelper, grads: Option<Vec<f32>>| {
            let (msg, transfer) = with_array(msg, grads.as_deref());
            let _ = scope.post_message_with_transfer(&msg, &transfer);
        }
    };
    let on_message = {
        let state = state.clone();
        let reply = reply.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let (job, values) = match read_with_array::<ToHelper, f32>(&ev.data()) {
                (Some(ToHelper::Job(job)), Some(values)) => (job, values),
                (Some(ToHelper::Data), _) => {
                    let images = read_with_array::<ToHelper, u8>(&ev.data()).1;
                    return match images.map(|raw| Mnist::from_raw(&raw)) {
                        Some(Ok(m)) => {
                            // Its settings' model stays; only the images change.
                            let mut state = state.borrow_mut();
                            let helper = state.take().and_then(|(_, h)| h);
                            *state = Some((m, helper));
                            reply(&FromHelper::Ready, None);
                        }
                        _ => reply(&FromHelper::Failed("unreadable images".into()), None),
                    };
                }
                _ => return reply(&FromHelper::Failed("an unreadable job".into()), None),
            };
            let mut state = state.borrow_mut();
            let Some((data, helper)) = state.as_mut() else {
                return reply(
                    &FromHelper::Failed("the digits are not loaded".into()),
                    None,
                );
            };
            if helper.as_ref().map(|(s, _)| s) != Some(&job.settings) {
                let cfg: TrainConfig = job.settings.config();
                let model = job.settings.arch.checked_model(MICRO_BATCH as u64);
                match model
                    .map_err(TrainError::from)
                    .and_then(|m| Helper::new(&m, &cfg, job.helper))
                {
                    Ok(h) => *helper = Some((job.settings.clone(), h)),
                    Err(e) => return reply(&FromHelper::Failed(format!("{e:?}")), None),
                }
            }
            let Some((_, h)) = helper.as_mut() else {
                return;
            };
            match h.share(data, &values, &job.ids, job.weight) {
                Ok((grads, share)) => reply(
                    &FromHelper::Done {
                        job: job.job,
                        share,
                    },
                    Some(grads),
                ),
                Err(e) => reply(&FromHelper::Failed(format!("{e:?}")), None),
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_digits(&scope).await {
            Ok(m) => {
                // Images the trainer sent while these were on their way are the ones in use.
                let mut state = state.borrow_mut();
                if state.is_none() {
                    *state = Some((m, None));
                    reply(&FromHelper::Ready, None);
                }
            }
            // For the trainer's console only: the trainer fetches the digits too, and tells
            // the page in its language when that fails.
            Err(e) => reply(&FromHelper::Failed(e.message(Lang::En)), None),
        }
    });
}
