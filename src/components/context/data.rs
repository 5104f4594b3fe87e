//! The set the page trains and tests on, page side: the digits shipped with the page (fetched
//! by `super::mnist`) or the learner's imported IDX files. It holds the [`DataSet`] in use (the
//! same images the worker trains on, which the gallery of mistakes and the watched image read)
//! and its [`DataSource`] (what `data-source` says, and the kind that names every class). The
//! rules are `data::choice::DataChoice`, tested natively; this shell reads files and storage and
//! hands the set in use to the worker link.

use super::mnist::{use_mnist, MnistState};
use crate::data::choice::{
    ChoiceFacts, DataChoice, DataOut, SetFacts, StoredProblem, CHOICE_KEY, SET_KEY,
};
use crate::data::idx::{assemble, FileProblem, FileSteps, IdxError, IdxFile};
use crate::data::{DataKind, DataSet, DataSource, Layout, Mnist, SHIPPED_IMAGES};
use crate::web::paint::after_paint;
use crate::web::storage::{self, Store};
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Where the set in use goes: the worker link's `use_data`.
type Sink = Rc<dyn Fn(Option<(Layout, Arc<Mnist>)>)>;

/// The data in use, as context.
#[derive(Clone, Copy)]
pub struct Data {
    /// The choice and everything the Data panel shows of it.
    pub choice: RwSignal<DataChoice>,
    /// The set in use, once its images are here: the shipped digits (once fetched) or the
    /// imported set (once read).
    pub set: Memo<Option<Arc<DataSet>>>,
    /// Its name and counts.
    pub source: Memo<DataSource>,
    /// What its classes are.
    pub kind: Memo<DataKind>,
    sink: StoredValue<Option<Sink>, LocalStorage>,
}

/// The browser's reason for a failed storage call: a thrown string, else the DOMException's
/// name (QuotaExceededError…).
fn reason(e: &JsValue) -> String {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    e.as_string().or(name).unwrap_or_else(|| "IndexedDB".into())
}

impl Data {
    /// Runs one rule of the choice, then does what it asks.
    fn drive(&self, rule: impl FnOnce(&mut DataChoice) -> Vec<DataOut>) {
        let mut outs = Vec::new();
        self.choice.update(|c| outs = rule(c));
        for out in outs {
            self.apply(out);
        }
    }

    fn apply(&self, out: DataOut) {
        let data = *self;
        match out {
            DataOut::Use(set) => {
                let sink = self.sink.get_value();
                if let Some(sink) = sink {
                    sink(set.map(|s| (s.layout, s.images.clone())));
                }
            }
            DataOut::Save {
                generation,
                set,
                facts,
                choice,
            } => leptos::task::spawn_local(async move {
                after_paint().await;
                let result = save(&set, &facts, &choice).await;
                data.drive(|c| c.saved(generation, result));
            }),
            DataOut::SaveChoice(choice) => leptos::task::spawn_local(async move {
                let result = storage::put_bytes(Store::Data, CHOICE_KEY, &[], &choice.to_json())
                    .await
                    .map_err(|e| reason(&e));
                data.choice.update(|c| c.choice_saved(result));
            }),
            DataOut::LoadStored { generation } => leptos::task::spawn_local(async move {
                after_paint().await;
                let result = load().await;
                data.drive(|c| c.loaded(generation, result));
            }),
            DataOut::Delete { said } => leptos::task::spawn_local(async move {
                let mut result = Ok(());
                for key in [CHOICE_KEY, SET_KEY] {
                    if let Err(e) = storage::delete_bytes(Store::Data, key).await {
                        result = Err(reason(&e));
                    }
                }
                if said {
                    data.choice.update(|c| c.deleted(result));
                }
            }),
        }
    }

    /// Where the set in use goes from now on (the worker link).
    pub fn connect(&self, sink: impl Fn(Option<(Layout, Arc<Mnist>)>) + 'static) {
        self.sink.set_value(Some(Rc::new(sink)));
    }

    /// Training wakes: the kept set in use is read from storage now.
    pub fn wake(&self) {
        self.drive(DataChoice::wake);
    }

    /// Reads the learner's files (`running`: a run is going, which refuses them), one by one,
    /// giving the browser a turn before each so the page says which it reads.
    pub fn import(&self, files: Vec<web_sys::File>, running: bool) {
        let named: Vec<(String, f64)> = files.iter().map(|f| (f.name(), f.size())).collect();
        let mut go = false;
        self.choice.update(|c| go = c.begin(&named, running));
        if !go {
            return;
        }
        let data = *self;
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(files.len());
            for (i, file) in files.iter().enumerate() {
                let name = file.name();
                data.choice.update(|c| c.reading_file(i + 1, name.clone()));
                after_paint().await;
                let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                    return data.choice.update(|c| c.file_unreadable(name));
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                drop(buffer);
                match read_in_steps(&bytes).await {
                    Ok(f) => read.push((name, f)),
                    Err(problem) => {
                        let e = IdxError::File { name, problem };
                        return data.drive(|c| c.read(Err(e)));
                    }
                }
            }
            after_paint().await;
            // Each file holds at least one image or label (an empty one is refused), so both
            // parts of the split have images and `from_idx` cannot refuse.
            let result = assemble(read).and_then(|set| {
                DataSet::from_idx(set).map_err(|_| IdxError::Parts {
                    images: 0,
                    labels: 0,
                })
            });
            // The set goes to the worker and to storage in turns of their own.
            after_paint().await;
            data.drive(|c| c.read(result));
        });
    }

    /// Back to the shipped digits.
    pub fn use_built_in(&self, running: bool) {
        self.drive(|c| c.use_built_in(running));
    }

    /// Back to the imported set.
    pub fn use_imported(&self, running: bool) {
        self.drive(|c| c.use_imported(running));
    }

    /// Deletes the imported set.
    pub fn delete(&self, running: bool) {
        self.drive(|c| c.delete(running));
    }

    /// Says what the imported images are.
    pub fn set_kind(&self, kind: DataKind) {
        self.drive(|c| c.set_kind(kind));
    }

    /// Whether training must wait for the data.
    pub fn busy(&self) -> bool {
        self.choice.with(DataChoice::busy)
    }
}

/// Inflated bytes per turn of the browser while a gzip file is read: 4 MiB, about 50 ms of
/// inflating and checking in the page's wasm, so the page keeps answering.
const STEP_BYTES: usize = 4 << 20;

/// One file's content, read [`STEP_BYTES`] at a time with a turn for the browser in between.
async fn read_in_steps(bytes: &[u8]) -> Result<IdxFile, FileProblem> {
    let mut steps = FileSteps::new(bytes)?;
    loop {
        if let Some(file) = steps.step(STEP_BYTES)? {
            return Ok(file);
        }
        after_paint().await;
    }
}

/// Keeps the set, then the choice that names it.
async fn save(set: &DataSet, facts: &SetFacts, choice: &ChoiceFacts) -> Result<(), String> {
    let bytes = set.images.to_raw();
    storage::put_bytes(Store::Data, SET_KEY, &bytes, &facts.to_json())
        .await
        .map_err(|e| reason(&e))?;
    drop(bytes);
    storage::put_bytes(Store::Data, CHOICE_KEY, &[], &choice.to_json())
        .await
        .map_err(|e| reason(&e))
}

/// The kept set, read back and checked.
async fn load() -> Result<DataSet, StoredProblem> {
    match storage::get_bytes(Store::Data, SET_KEY).await {
        Ok(Some((bytes, facts))) => SetFacts::from_json(&facts)
            .and_then(|f| f.read(&bytes))
            .ok_or(StoredProblem::Unreadable),
        Ok(None) => Err(StoredProblem::Unreadable),
        Err(e) => Err(StoredProblem::Failed(reason(&e))),
    }
}

/// Provides the [`Data`] context and reads the choice kept in this browser (not its images:
/// those wait until training wakes).
pub fn provide_data() -> Data {
    let mnist = use_mnist();
    let choice = RwSignal::new(DataChoice::default());
    let shipped = Memo::new(move |_| match mnist.get() {
        MnistState::Ready(m) => DataSet::new(m, Layout::Shipped).ok().map(Arc::new),
        _ => None,
    });
    let set = Memo::new(move |_| {
        if choice.with(DataChoice::uses_imported) {
            choice.with(DataChoice::imported_in_use)
        } else {
            shipped.get()
        }
    });
    let total = move || match mnist.get() {
        MnistState::Ready(m) => m.len(),
        _ => SHIPPED_IMAGES,
    };
    let data = Data {
        choice,
        set,
        source: Memo::new(move |_| {
            let total = total();
            choice.with(|c| c.source(total))
        }),
        kind: Memo::new(move |_| choice.with(DataChoice::kind_in_use)),
        sink: StoredValue::new_local(None),
    };
    provide_context(data);
    leptos::task::spawn_local(async move {
        let facts = match storage::get_bytes(Store::Data, CHOICE_KEY).await {
            Ok(Some((_, json))) => ChoiceFacts::from_json(&json),
            _ => None,
        };
        data.drive(|c| c.restored(facts));
    });
    data
}

/// The data provided by [`provide_data`].
pub fn use_data() -> Data {
    expect_context::<Data>()
}
