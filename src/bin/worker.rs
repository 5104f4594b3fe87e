//! The training worker (trunk builds it as a Web Worker). It owns the model while the page shows
//! it: it loads the digits, trains one batch per turn of its event loop (so a Pause that arrives
//! is read before the next batch), evaluates after every epoch and reports through
//! [`convlab::train::protocol`] messages.

#[cfg(target_arch = "wasm32")]
mod web {
    use convlab::data::{Mnist, Split};
    use convlab::nn::{softmax, ModelConfig, Sequential};
    use convlab::train::protocol::{
        decode, encode, BatchReport, EpochReport, FromWorker, Settings, Snapshot, Status, ToWorker,
    };
    use convlab::train::{evaluate, Trainer};
    use convlab::web::response_bytes;
    use ndarray::{ArrayD, Ix2, IxDyn};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

    /// Batches between snapshots of the filters and the watched digit.
    const SNAPSHOT_EVERY: usize = 10;

    struct Worker {
        scope: DedicatedWorkerGlobalScope,
        tick: MessageChannel,
        data: Option<(Mnist, Split)>,
        trainer: Option<Trainer>,
        /// Evaluation copy of the model, so training buffers keep their batch shape.
        eval: Sequential,
        status: Status,
        step_once: bool,
        watch: usize,
        seen: usize,
        correct: usize,
        speed: f32,
    }

    fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

    impl Worker {
        fn post(&self, msg: &FromWorker) {
            let _ = self.scope.post_message(&JsValue::from_str(&encode(msg)));
        }

        fn set_status(&mut self, s: Status) {
            self.status = s;
            self.post(&FromWorker::Status(s));
        }

        fn fail(&self, why: String) {
            self.post(&FromWorker::Error(why));
        }

        fn post_weights(&self) {
            if let Some(t) = &self.trainer {
                self.post(&FromWorker::Weights(t.model.to_safetensors()));
            }
        }

        fn schedule(&self) {
            let _ = self.tick.port1().post_message(&JsValue::NULL);
        }

        /// A run with these settings from the current weights (fresh ones for `fresh`).
        fn new_run(&mut self, settings: &Settings, fresh: bool) -> bool {
            let Some((_, split)) = &self.data else {
                self.fail("the digits are still loading".into());
                return false;
            };
            let cfg = settings.config();
            // Refuse bad settings before touching the model, so it is never lost.
            if let Err(e) = cfg.validate() {
                self.fail(format!("{e:?}"));
                return false;
            }
            let train = split.train.clone();
            let result = match (fresh, self.trainer.take()) {
                (false, Some(t)) => Trainer::with_model(t.model, cfg, train),
                _ => Trainer::new(&ModelConfig::seed(), cfg, train),
            };
            match result {
                Ok(t) => {
                    self.trainer = Some(t);
                    self.seen = 0;
                    self.correct = 0;
                    true
                }
                Err(e) => {
                    self.fail(format!("{e:?}"));
                    // Keep a model no matter what: the page never loses one.
                    if self.trainer.is_none() {
                        self.trainer = Trainer::new(
                            &ModelConfig::seed(),
                            Settings::default().config(),
                            Vec::new(),
                        )
                        .ok();
                    }
                    false
                }
            }
        }

        fn handle(&mut self, msg: ToWorker) {
            match msg {
                ToWorker::Start(s) => {
                    if self.status == Status::Running {
                        return;
                    }
                    if self.new_run(&s, false) {
                        self.step_once = false;
                        self.set_status(Status::Running);
                        self.schedule();
                    }
                }
                ToWorker::Pause => {
                    if self.status == Status::Running {
                        self.set_status(Status::Paused);
                        self.post_weights();
                    }
                }
                ToWorker::Resume => {
                    if self.status == Status::Paused {
                        self.step_once = false;
                        self.set_status(Status::Running);
                        self.schedule();
                    }
                }
                ToWorker::Step(s) => {
                    if self.status == Status::Running {
                        return;
                    }
                    let continuing = self.status == Status::Paused;
                    if continuing || self.new_run(&s, false) {
                        self.step_once = true;
                        self.set_status(Status::Running);
                        self.schedule();
                    }
                }
                ToWorker::Reset(s) => {
                    if self.new_run(&s, true) {
                        self.set_status(Status::Idle);
                        self.post_weights();
                        self.snapshot();
                    }
                }
                ToWorker::Load(bytes) => {
                    let Some(t) = self.trainer.as_mut() else {
                        return;
                    };
                    // Check on a copy first: a refused file leaves the model as it was.
                    let mut m = t.model.clone();
                    match m.load_safetensors(&bytes) {
                        Ok(()) => {
                            t.model = m;
                            self.set_status(Status::Idle);
                            self.post_weights();
                            self.snapshot();
                        }
                        Err(e) => self.fail(e.to_string()),
                    }
                }
                ToWorker::Watch(i) => {
                    self.watch = i;
                    self.snapshot();
                }
            }
        }

        fn sync_eval(&mut self) -> bool {
            let Some(t) = &self.trainer else { return false };
            for (dst, (_, src)) in self
                .eval
                .parameters_mut()
                .into_iter()
                .zip(t.model.named_parameters())
            {
                dst.value.assign(&src.value);
            }
            true
        }

        fn snapshot(&mut self) {
            if !self.sync_eval() {
                return;
            }
            let Some((data, split)) = &self.data else {
                return;
            };
            let i = split.test[self.watch % split.test.len()];
            let x: Vec<f32> = data.image(i).iter().map(|&p| p as f32 / 255.0).collect();
            let Ok(x) = ArrayD::from_shape_vec(IxDyn(&[1, 1, 28, 28]), x) else {
                return;
            };
            let Ok(trace) = self.eval.forward_trace(&x) else {
                return;
            };
            let probs = trace
                .last()
                .and_then(|l| l.view().into_dimensionality::<Ix2>().ok())
                .map(|l| softmax(l).iter().copied().collect())
                .unwrap_or_default();
            let filters = self.eval.layers[0]
                .params()
                .first()
                .map(|(_, p)| p.value.iter().copied().collect())
                .unwrap_or_default();
            let maps = trace
                .get(1)
                .map(|m| m.iter().copied().collect())
                .unwrap_or_default();
            self.post(&FromWorker::Snapshot(Snapshot {
                filters,
                digit: i,
                maps,
                probs,
            }));
        }

        fn end_epoch(&mut self, epoch: usize) {
            self.sync_eval();
            let Some((data, split)) = &self.data else {
                return;
            };
            match evaluate(&mut self.eval, data, &split.test, 500) {
                Ok(e) => {
                    let mistakes = split
                        .test
                        .iter()
                        .zip(&e.predicted)
                        .filter(|(&i, &p)| data.labels[i] != p)
                        .take(24)
                        .map(|(&i, &p)| (i, p))
                        .collect();
                    let report = EpochReport {
                        epoch,
                        train_accuracy: self.correct as f32 / self.seen.max(1) as f32,
                        test_accuracy: e.accuracy(),
                        confusion: e.confusion,
                        mistakes,
                    };
                    self.post(&FromWorker::Epoch(Box::new(report)));
                }
                Err(err) => self.fail(err.to_string()),
            }
            self.seen = 0;
            self.correct = 0;
            self.post_weights();
        }

        /// One batch; true if another should follow.
        fn run_batch(&mut self) -> bool {
            if self.status != Status::Running {
                return false;
            }
            let (Some(t), Some((data, _))) = (self.trainer.as_mut(), &self.data) else {
                return false;
            };
            let t0 = now(&self.scope);
            let r = match t.step(data) {
                Ok(r) => r,
                Err(e) => {
                    let why = format!("{e:?}");
                    self.fail(why);
                    self.set_status(Status::Error);
                    return false;
                }
            };
            let dt = ((now(&self.scope) - t0) / 1000.0).max(1e-6) as f32;
            let rate = r.images as f32 / dt;
            self.speed = if self.speed == 0.0 {
                rate
            } else {
                0.8 * self.speed + 0.2 * rate
            };
            self.seen += r.images;
            self.correct += r.correct;
            let (step, total, batches, finished) = (
                t.steps_done(),
                t.total_batches(),
                t.batches_per_epoch(),
                t.finished(),
            );
            self.post(&FromWorker::Batch(BatchReport {
                step,
                total,
                epoch: r.epoch,
                batch: r.batch,
                batches,
                loss: r.loss,
                accuracy: r.correct as f32 / r.images.max(1) as f32,
                images_per_sec: self.speed,
            }));
            if r.epoch_done {
                self.end_epoch(r.epoch);
            }
            if r.epoch_done || step % SNAPSHOT_EVERY == 0 || self.step_once {
                self.snapshot();
            }
            if finished {
                self.set_status(Status::Done);
                return false;
            }
            if self.step_once {
                self.step_once = false;
                self.set_status(Status::Paused);
                self.post_weights();
                return false;
            }
            true
        }
    }

    async fn fetch_digits(scope: &DedicatedWorkerGlobalScope) -> Result<Mnist, String> {
        let bytes = response_bytes(scope.fetch_with_str("./public/mnist-10k.bin")).await?;
        Mnist::decode(&bytes).map_err(|e| e.to_string())
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let Ok(tick) = MessageChannel::new() else {
            return;
        };
        let Ok(eval) = ModelConfig::seed().build(0) else {
            return;
        };
        let w = Rc::new(RefCell::new(Worker {
            scope: scope.clone(),
            tick,
            data: None,
            trainer: None,
            eval,
            status: Status::Loading,
            step_once: false,
            watch: 0,
            seen: 0,
            correct: 0,
            speed: 0.0,
        }));
        let on_tick = {
            let w = w.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |_| {
                let mut w = w.borrow_mut();
                if w.run_batch() {
                    w.schedule();
                }
            })
        };
        w.borrow()
            .tick
            .port2()
            .set_onmessage(Some(on_tick.as_ref().unchecked_ref()));
        on_tick.forget();
        let on_message = {
            let w = w.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let Some(text) = ev.data().as_string() else {
                    return;
                };
                match decode::<ToWorker>(&text) {
                    Some(msg) => w.borrow_mut().handle(msg),
                    None => w.borrow().fail("not a message this worker knows".into()),
                }
            })
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        w.borrow().post(&FromWorker::Ready);
        w.borrow_mut().set_status(Status::Loading);
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch_digits(&scope).await.and_then(|m| {
                let s = m.split().map_err(|e| e.to_string())?;
                Ok((m, s))
            });
            let mut w = w.borrow_mut();
            match result {
                Ok(d) => {
                    w.data = Some(d);
                    if w.new_run(&Settings::default(), true) {
                        w.set_status(Status::Idle);
                        w.post_weights();
                        w.snapshot();
                    }
                }
                Err(e) => {
                    w.fail(format!("the digits could not be loaded: {e}"));
                    w.set_status(Status::Error);
                }
            }
        });
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start();
}
