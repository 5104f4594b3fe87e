//! "My models", page side: the list of kept models, which one Draw and training use, the entry
//! the current run writes to, and the tabs telling each other when the list changed. The rules
//! (one entry per run, facts of a run, reading records) are `train::kept`.

use super::models::{model_of, Models};
use crate::data::DataSource;
use crate::nn::arch::ArchSettings;
use crate::train::kept::{new_id, newest_first, KeptModel, ModelFacts, RunEntry};
use crate::train::protocol::{Settings, Status, WorkerError};
use crate::train::state::RunState;
use crate::web::storage;
use crate::web::tabs::{listen_to_other_tabs, tell_other_tabs};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// What the My models panel says after an action.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptNews {
    /// Use was pressed during a run.
    UseRunning,
    /// Draw and training now use the model started then (ms since 1970).
    Used(f64),
    /// The model started then was deleted.
    Deleted(f64),
    /// Storage refused an action (the browser's reason).
    Failed(String),
}

/// The kept models, as context.
#[derive(Clone, Copy)]
pub struct MyModels {
    /// Every kept model, newest first (facts only; weights stay in storage until used).
    pub list: RwSignal<Vec<KeptModel>>,
    /// The kept model Draw and training use, if it is one of the list's.
    pub current: RwSignal<Option<String>>,
    /// Whether the current model is safely stored: `None` while it is not (yet),
    /// `Some(Err(detail))` when its last save failed.
    pub saved: RwSignal<Option<Result<(), String>>>,
    /// Held-out accuracy (in %) of the model a reload brought back.
    pub restored: RwSignal<Option<Option<f32>>>,
    /// What the panel says after an action.
    pub news: RwSignal<Option<KeptNews>>,
    /// A record that could not be read was removed (said under the Train controls).
    pub unreadable: RwSignal<Option<WorkerError>>,
    models: Models,
    // The set training uses now: what a run's facts record it trained on.
    source: Memo<DataSource>,
    // The entry the current run writes to, and its clock.
    entry: StoredValue<RunEntry, LocalStorage>,
}

/// The channel on which tabs of the app tell each other that the list changed.
const CHANNEL: &str = "convlab-models";

fn now() -> f64 {
    js_sys::Date::now()
}

/// The browser's reason for a failed storage call (a DOMException names it: QuotaExceededError…).
fn reason(e: &JsValue) -> String {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    e.as_string().or(name).unwrap_or_else(|| "IndexedDB".into())
}

impl MyModels {
    fn new(models: Models, source: Memo<DataSource>) -> MyModels {
        MyModels {
            list: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            saved: RwSignal::new(None),
            restored: RwSignal::new(None),
            news: RwSignal::new(None),
            unreadable: RwSignal::new(None),
            models,
            source,
            entry: StoredValue::new_local(RunEntry::default()),
        }
    }

    /// A new run begins (Start, One batch from idle, Reset, a load): what it trains goes to a
    /// new entry, never over an earlier one.
    pub fn new_run(&self) {
        self.entry.update_value(RunEntry::new_run);
    }

    /// The worker's status changed (the run's clock runs only while it trains).
    pub fn status(&self, status: Status) {
        self.entry.update_value(|e| e.status(status, now()));
    }

    /// Keeps the weights of the run `state` shows, in the run's own entry. Weights no model
    /// takes (damaged, or not finite numbers) are never kept.
    pub fn keep_run(&self, bytes: Vec<u8>, state: &RunState, settings: Option<&Settings>) {
        if model_of(&bytes).is_err() {
            return;
        }
        let t = now();
        let (id, created, seconds) = self
            .entry
            .try_update_value(|e| e.keep(t, random()))
            .unwrap_or_else(|| (new_id(t, random()), t, 0.0));
        let facts = ModelFacts::of_run(state, settings, created, t, seconds)
            .with_data(self.source.get_untracked());
        self.save(id, bytes, facts);
    }

    /// Keeps imported weights of `arch`, already checked by [`model_of`], as a new entry.
    pub fn keep_import(&self, bytes: Vec<u8>, arch: ArchSettings) {
        let t = now();
        self.save(new_id(t, random()), bytes, ModelFacts::imported(t, arch));
    }

    /// Makes the checked `bytes` the current model under `id` and stores them; the list shows
    /// the entry once the write committed.
    fn save(&self, id: String, bytes: Vec<u8>, facts: ModelFacts) {
        self.models.trained.set(Some(Arc::new(bytes.clone())));
        self.models.trained_on.set(facts.trained_on());
        if self.current.get_untracked().as_deref() != Some(id.as_str()) {
            self.current.set(Some(id.clone()));
            self.saved.set(None);
        }
        let my = *self;
        leptos::task::spawn_local(async move {
            match storage::put_model(&id, &bytes, &facts.to_json()).await {
                Ok(()) => {
                    if my.current.get_untracked().as_deref() == Some(id.as_str()) {
                        my.saved.set(Some(Ok(())));
                    }
                    my.list.update(|list| {
                        list.retain(|k| k.id != id);
                        list.push(KeptModel { id, facts });
                        *list = newest_first(std::mem::take(list));
                    });
                    tell_other_tabs(CHANNEL);
                }
                Err(e) => {
                    if my.current.get_untracked().as_deref() == Some(id.as_str()) {
                        my.saved.set(Some(Err(reason(&e))));
                    }
                }
            }
        });
    }

    /// Deletes the kept model `id`; if Draw used it, Draw goes back to the pretrained model.
    pub fn delete(&self, id: String) {
        let my = *self;
        let created = self.created(&id);
        leptos::task::spawn_local(async move {
            match storage::delete_model(&id).await {
                Ok(()) => {
                    my.forget_locally(&id);
                    my.news.set(created.map(KeptNews::Deleted));
                    tell_other_tabs(CHANNEL);
                }
                Err(e) => my.news.set(Some(KeptNews::Failed(reason(&e)))),
            }
        });
    }

    /// Deletes the model Draw and training use, if it is kept.
    pub fn delete_current(&self) {
        if let Some(id) = self.current.get_untracked() {
            self.delete(id);
        }
    }

    fn created(&self, id: &str) -> Option<f64> {
        self.list
            .with_untracked(|l| l.iter().find(|k| k.id == id).map(|k| k.facts.created_ms))
    }

    fn forget_locally(&self, id: &str) {
        self.list.update(|l| l.retain(|k| k.id != id));
        if self.current.get_untracked().as_deref() == Some(id) {
            self.current.set(None);
            self.saved.set(None);
            self.restored.set(None);
            self.models.trained.set(None);
            self.models.trained_on.set(None);
        }
        self.entry.update_value(|e| e.forget(id));
    }

    /// The weights kept under `id` with the architecture they state, checked; a record whose
    /// weights no model takes is removed and said to be unreadable.
    pub async fn weights(&self, id: &str) -> Option<(ArchSettings, Vec<u8>)> {
        let bytes = match storage::get_weights(id).await {
            Ok(bytes) => bytes,
            Err(e) => {
                self.news.set(Some(KeptNews::Failed(reason(&e))));
                return None;
            }
        };
        match bytes.map(|b| (model_of(&b).map(|(arch, _)| arch), b)) {
            Some((Ok(arch), bytes)) => Some((arch, bytes)),
            _ => {
                self.remove_unreadable(id.to_string()).await;
                None
            }
        }
    }

    async fn remove_unreadable(&self, id: String) {
        let _ = storage::delete_model(&id).await;
        self.forget_locally(&id);
        self.unreadable.set(Some(WorkerError::Unstored));
    }

    /// Makes the stored model `id` (checked `bytes`) the one Draw uses.
    fn adopt(&self, id: String, bytes: &[u8]) {
        self.models.trained.set(Some(Arc::new(bytes.to_vec())));
        let on = self.list.with_untracked(|l| {
            l.iter()
                .find(|k| k.id == id)
                .and_then(|k| k.facts.trained_on())
        });
        self.models.trained_on.set(on);
        self.current.set(Some(id));
        self.saved.set(Some(Ok(())));
    }

    /// Makes the kept model `id` the one Draw uses and gives it, with its architecture, to
    /// `load` (the worker and the editor).
    pub fn use_model(&self, id: String, load: impl FnOnce(ArchSettings, Vec<u8>) + 'static) {
        let my = *self;
        let created = self.created(&id);
        leptos::task::spawn_local(async move {
            if let Some((arch, bytes)) = my.weights(&id).await {
                my.adopt(id, &bytes);
                my.restored.set(None);
                load(arch, bytes);
                my.news.set(created.map(KeptNews::Used));
            }
        });
    }

    /// Reads the list at load: the newest model becomes the current one and goes to `load`
    /// (the worker).
    pub fn restore(&self, load: impl FnOnce(Vec<u8>) + 'static) {
        self.refresh(Some(Box::new(load)));
    }

    /// Reads the list. At load (`load` given) the newest model becomes the current one and goes
    /// to the worker. When another tab changed the list, this tab takes the newest model only if
    /// it had none, and lets go of one that was deleted there; its run is left alone.
    fn refresh(&self, load: Option<Box<dyn FnOnce(Vec<u8>)>>) {
        let my = *self;
        leptos::task::spawn_local(async move {
            let records = match storage::list_models().await {
                Ok(r) => r,
                Err(_) => return,
            };
            let mut list = Vec::new();
            for r in records {
                match r.read() {
                    Some(k) => list.push(k),
                    None => my.remove_unreadable(r.id).await,
                }
            }
            let list = newest_first(list);
            let gone = my.current.get_untracked().filter(|c| {
                my.saved.get_untracked() == Some(Ok(())) && !list.iter().any(|k| &k.id == c)
            });
            let newest = list.first().map(|k| (k.id.clone(), k.facts.accuracy));
            my.list.set(list);
            if let Some(id) = gone {
                my.forget_locally(&id);
            }
            if my.current.get_untracked().is_some() {
                return;
            }
            let Some((id, accuracy)) = newest else {
                return;
            };
            if let Some((_, bytes)) = my.weights(&id).await {
                my.adopt(id, &bytes);
                if let Some(load) = load {
                    // "Back from an earlier visit" is said only of the model found at load.
                    my.restored.set(Some(accuracy.map(|a| 100.0 * a)));
                    load(bytes);
                }
            }
        });
    }
}

fn random() -> f64 {
    js_sys::Math::random()
}

/// Provides [`MyModels`] and keeps it in step with the app's other tabs.
/// `source` is the set training uses, which each run's entry records.
pub fn provide_my_models(models: Models, source: Memo<DataSource>) -> MyModels {
    let my = MyModels::new(models, source);
    provide_context(my);
    listen_to_other_tabs(CHANNEL, move || my.refresh(None));
    my
}

/// The kept models provided by [`provide_my_models`].
pub fn use_my_models() -> MyModels {
    expect_context::<MyModels>()
}
