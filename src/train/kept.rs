//! "My models": the models a learner keeps in this browser, one per run, with what is known of
//! each (settings, accuracy, time, curves). Plain rules, tested natively; the page stores the
//! records and draws the list.
//!
//! Every Start (and every One batch that does not continue a paused run) writes its own entry,
//! updated while that run goes on; a later run, a Reset or an import never overwrites an earlier
//! entry. Only the learner's Delete removes one.

use super::protocol::{Settings, Status};
use super::state::RunState;
use crate::data::{DataSource, SHIPPED_IMAGES};
use crate::nn::arch::ArchSettings;
use serde::{Deserialize, Serialize};

/// At most this many points of each curve are kept per model, so a record stays small whatever
/// the run's length.
pub const CURVE_POINTS: usize = 64;

/// Where a kept model came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Trained in this browser.
    Trained,
    /// Imported from a file.
    Imported,
    /// Kept by an earlier version of the app, which recorded only its accuracy.
    Earlier,
}

/// What is known of a kept model, stored beside its weights (as JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelFacts {
    /// When its run started (or the file was imported), in ms since 1970.
    pub created_ms: f64,
    /// When it was last written, in ms since 1970.
    pub saved_ms: f64,
    /// Where it came from.
    pub origin: Origin,
    /// Its architecture (the seed model's in records older than architectures).
    #[serde(default)]
    pub arch: ArchSettings,
    /// The settings of its run.
    #[serde(default)]
    pub settings: Option<Settings>,
    /// Epochs its run trained (fractions for a run stopped mid-epoch).
    #[serde(default)]
    pub epochs: f32,
    /// Seconds its run spent training (pauses not counted).
    #[serde(default)]
    pub seconds: f32,
    /// Training images per second at the end of its run.
    #[serde(default)]
    pub images_per_sec: f32,
    /// Held-out accuracy in [0, 1] of its last evaluation.
    #[serde(default)]
    pub accuracy: Option<f32>,
    /// `(epochs, held-out accuracy)` after each evaluated epoch.
    #[serde(default)]
    pub accuracy_curve: Vec<(f32, f32)>,
    /// `(epochs, smoothed loss)`, at most [`CURVE_POINTS`] points.
    #[serde(default)]
    pub loss_curve: Vec<(f32, f32)>,
    /// The set its run trained and tested on, with its kind (what its classes are). Absent in
    /// records older than imported sets, which all trained on the shipped digits, and in
    /// imported models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataSource>,
}

impl ModelFacts {
    /// The facts of a trained run as `state` shows it, `seconds` of training after it started at
    /// `created_ms`.
    pub fn of_run(
        state: &RunState,
        settings: Option<&Settings>,
        created_ms: f64,
        now_ms: f64,
        seconds: f32,
    ) -> ModelFacts {
        let per_epoch = state.last.as_ref().map_or(1, |b| b.batches.max(1)) as f32;
        let epochs = state
            .last
            .as_ref()
            .map_or(0.0, |b| b.step as f32 / per_epoch);
        let accuracy_curve = state
            .epochs
            .iter()
            .map(|e| ((e.epoch + 1) as f32, e.test_accuracy))
            .collect();
        let loss_curve = thin(&state.losses, CURVE_POINTS)
            .into_iter()
            .filter(|p| p.2.is_finite())
            .map(|&(step, _, smooth)| (step as f32 / per_epoch, smooth))
            .collect();
        ModelFacts {
            created_ms,
            saved_ms: now_ms,
            origin: Origin::Trained,
            arch: settings.map(|s| s.arch.clone()).unwrap_or_default(),
            settings: settings.cloned(),
            epochs,
            seconds,
            images_per_sec: state.last.as_ref().map_or(0.0, |b| b.images_per_sec),
            accuracy: state.test_accuracy(),
            accuracy_curve,
            loss_curve,
            data: None,
        }
    }

    /// The same facts, of a run on `data`.
    pub fn with_data(self, data: DataSource) -> ModelFacts {
        ModelFacts {
            data: Some(data),
            ..self
        }
    }

    /// The set the model was trained on: as recorded, else (a record from before imported
    /// sets) the shipped digits for a trained model, and nothing known for an imported one.
    pub fn trained_on(&self) -> Option<DataSource> {
        match (&self.data, self.origin) {
            (Some(d), _) => Some(d.clone()),
            (None, Origin::Imported) => None,
            (None, _) => Some(DataSource::shipped(SHIPPED_IMAGES)),
        }
    }

    /// The facts of a model of `arch` imported from a file at `now_ms`.
    pub fn imported(now_ms: f64, arch: ArchSettings) -> ModelFacts {
        ModelFacts {
            created_ms: now_ms,
            saved_ms: now_ms,
            origin: Origin::Imported,
            arch,
            settings: None,
            epochs: 0.0,
            seconds: 0.0,
            images_per_sec: 0.0,
            accuracy: None,
            accuracy_curve: Vec::new(),
            loss_curve: Vec::new(),
            data: None,
        }
    }

    /// The facts of a model an earlier version kept: its accuracy and, if it said, when.
    pub fn earlier(accuracy: Option<f32>, saved_ms: Option<f64>) -> ModelFacts {
        let when = saved_ms.unwrap_or(0.0);
        ModelFacts {
            origin: Origin::Earlier,
            accuracy,
            ..ModelFacts::imported(when, ArchSettings::default())
        }
    }

    /// `(seconds of training, held-out accuracy in %)` after each evaluated epoch, the time
    /// spread evenly over the run's epochs, so runs of different speeds compare on one axis.
    pub fn accuracy_over_time(&self) -> Vec<(f32, f32)> {
        self.over_time(&self.accuracy_curve)
            .map(|(t, a)| (t, 100.0 * a))
            .collect()
    }

    /// `(seconds of training, smoothed loss)`, on the same axis as
    /// [`ModelFacts::accuracy_over_time`].
    pub fn loss_over_time(&self) -> Vec<(f32, f32)> {
        self.over_time(&self.loss_curve).collect()
    }

    fn over_time<'a>(&self, curve: &'a [(f32, f32)]) -> impl Iterator<Item = (f32, f32)> + 'a {
        let per_epoch = if self.epochs > 0.0 {
            self.seconds / self.epochs
        } else {
            0.0
        };
        curve.iter().map(move |&(e, v)| (e * per_epoch, v))
    }

    /// As stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From storage; `None` for a record that is not facts.
    pub fn from_json(json: &str) -> Option<ModelFacts> {
        serde_json::from_str(json).ok()
    }
}

/// `points` cut to at most `max`, evenly, always with the last.
fn thin<T>(points: &[T], max: usize) -> Vec<&T> {
    if points.len() <= max || max < 2 {
        return points.iter().collect();
    }
    let last = points.len() - 1;
    (0..max).map(|i| &points[i * last / (max - 1)]).collect()
}

/// One kept model: its storage key and its facts (the weights stay in storage until used).
#[derive(Clone, Debug, PartialEq)]
pub struct KeptModel {
    /// Storage key.
    pub id: String,
    /// What is known of it.
    pub facts: ModelFacts,
}

/// A record as storage holds it, before it is understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredRecord {
    /// Storage key.
    pub id: String,
    /// The facts as JSON; absent in what an earlier version kept.
    pub facts: Option<String>,
    /// The accuracy an earlier version kept beside the weights, in [0, 1].
    pub accuracy: Option<f32>,
    /// When an earlier version saved it, in ms since 1970.
    pub saved_ms: Option<f64>,
    /// Whether the record holds weights bytes at all.
    pub has_weights: bool,
}

impl StoredRecord {
    /// The kept model this record is, or `None` for one that cannot be read (the page says so
    /// and removes it). Whether the weights fit a model is checked when they are used.
    pub fn read(&self) -> Option<KeptModel> {
        if !self.has_weights {
            return None;
        }
        let facts = match &self.facts {
            Some(json) => ModelFacts::from_json(json)?,
            None => ModelFacts::earlier(self.accuracy, self.saved_ms),
        };
        Some(KeptModel {
            id: self.id.clone(),
            facts,
        })
    }
}

/// A new storage key for a model created at `created_ms`; `salt` (random) keeps two tabs that
/// start a run in the same millisecond apart. Keys sort by creation time.
pub fn new_id(created_ms: f64, salt: f64) -> String {
    let ms = created_ms.max(0.0) as u64;
    let salt = (salt.clamp(0.0, 1.0) * 1e6) as u64;
    format!("run-{ms:015}-{salt:06}")
}

/// The list as the page shows it: newest first.
pub fn newest_first(mut models: Vec<KeptModel>) -> Vec<KeptModel> {
    models.sort_by(|a, b| {
        b.facts
            .created_ms
            .total_cmp(&a.facts.created_ms)
            .then_with(|| b.id.cmp(&a.id))
    });
    models
}

/// Training time of one run: counts only while it is running, so a pause of an hour does not
/// make the run look slow.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RunClock {
    since: Option<f64>,
    ms: f64,
}

impl RunClock {
    /// The worker's status changed at `now_ms`.
    pub fn status(&mut self, status: Status, now_ms: f64) {
        match (status, self.since) {
            (Status::Running, None) => self.since = Some(now_ms),
            (Status::Running, Some(_)) => {}
            (_, Some(t)) => {
                self.ms += (now_ms - t).max(0.0);
                self.since = None;
            }
            (_, None) => {}
        }
    }

    /// Seconds of running up to `now_ms`.
    pub fn seconds(&self, now_ms: f64) -> f32 {
        let open = self.since.map_or(0.0, |t| (now_ms - t).max(0.0));
        ((self.ms + open) / 1000.0) as f32
    }
}

/// The My models entry the current run keeps its weights in: one per run, made at the run's
/// first keep, never one written before (a later run, a Reset or an import gets its own), with
/// the run's training time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunEntry {
    // `(id, created_ms)`; `None` until the run first keeps weights.
    entry: Option<(String, f64)>,
    clock: RunClock,
}

impl RunEntry {
    /// A new run begins (Start, One batch from idle, Reset, a load): what it trains goes to a
    /// new entry.
    pub fn new_run(&mut self) {
        *self = RunEntry::default();
    }

    /// The worker's status changed at `now_ms` (the clock runs only while it trains).
    pub fn status(&mut self, status: Status, now_ms: f64) {
        self.clock.status(status, now_ms);
    }

    /// Where a keep at `now_ms` writes: the run's entry `(id, created_ms)`, made now if it has
    /// none (`salt` as in [`new_id`]), and the seconds the run has trained.
    pub fn keep(&mut self, now_ms: f64, salt: f64) -> (String, f64, f32) {
        let (id, created) = self
            .entry
            .get_or_insert_with(|| (new_id(now_ms, salt), now_ms))
            .clone();
        (id, created, self.clock.seconds(now_ms))
    }

    /// The entry `id` was deleted: the run's next keep makes a new one.
    pub fn forget(&mut self, id: &str) {
        if self.entry.as_ref().is_some_and(|(e, _)| e == id) {
            self.entry = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_keeps_into_one_entry_of_its_own() {
        let mut e = RunEntry::default();
        e.status(Status::Running, 1_000.0);
        let (id, created, seconds) = e.keep(3_000.0, 0.5);
        assert_eq!((created, seconds), (3_000.0, 2.0));
        // One batch more, a pause of a minute, another epoch: still the same entry.
        e.status(Status::Paused, 4_000.0);
        e.status(Status::Running, 64_000.0);
        let again = e.keep(65_000.0, 0.9);
        assert_eq!(again, (id.clone(), 3_000.0, 4.0));
        // A new run never writes over it.
        e.new_run();
        let (next, created, seconds) = e.keep(70_000.0, 0.5);
        assert_ne!(next, id);
        assert_eq!((created, seconds), (70_000.0, 0.0));
        // A deleted entry is made anew at the next keep; another id leaves it alone.
        e.forget("run-other");
        assert_eq!(e.keep(71_000.0, 0.1).0, next);
        e.forget(&next);
        assert_ne!(e.keep(72_000.0, 0.1).0, next);
    }
    use crate::train::protocol::{BatchReport, EpochReport, FromWorker};

    fn batch(step: usize, loss: f32) -> FromWorker {
        FromWorker::Batch(BatchReport {
            step,
            total: 250,
            epoch: (step - 1) / 125,
            batch: (step - 1) % 125 + 1,
            batches: 125,
            loss,
            accuracy: 0.5,
            images_per_sec: 3000.0,
            workers: 2,
        })
    }

    fn epoch(epoch: usize, test_accuracy: f32) -> FromWorker {
        FromWorker::Epoch(Box::new(EpochReport {
            epoch,
            train_accuracy: test_accuracy,
            test_accuracy,
            confusion: [[0; 10]; 10],
            mistakes: Vec::new(),
        }))
    }

    #[test]
    fn facts_of_a_run_say_what_it_did_in_a_bounded_record() {
        let mut s = RunState::default();
        for step in 1..=250 {
            s.apply(1, batch(step, 2.3 / step as f32));
            if step == 125 {
                s.apply(1, epoch(0, 0.9));
            }
        }
        s.apply(1, epoch(1, 0.95));
        let settings = Settings::default();
        let f = ModelFacts::of_run(&s, Some(&settings), 10.0, 20.0, 4.5);
        assert_eq!(f.epochs, 2.0);
        assert_eq!(f.accuracy, Some(0.95));
        assert_eq!(f.accuracy_curve, vec![(1.0, 0.9), (2.0, 0.95)]);
        assert_eq!(f.loss_curve.len(), CURVE_POINTS);
        assert_eq!(f.loss_curve[0].0, 1.0 / 125.0);
        assert_eq!(
            f.loss_curve.last().unwrap().0,
            2.0,
            "the last batch is there"
        );
        assert_eq!((f.seconds, f.images_per_sec), (4.5, 3000.0));
        assert_eq!(f.settings.as_ref(), Some(&settings));
        assert_eq!(ModelFacts::from_json(&f.to_json()), Some(f));
    }

    #[test]
    fn curves_over_time_spread_the_run_time_over_its_epochs() {
        let f = ModelFacts {
            epochs: 2.0,
            seconds: 10.0,
            accuracy_curve: vec![(1.0, 0.9), (2.0, 0.95)],
            loss_curve: vec![(0.5, 1.0), (2.0, 0.2)],
            ..ModelFacts::imported(0.0, ArchSettings::default())
        };
        assert_eq!(f.accuracy_over_time(), vec![(5.0, 90.0), (10.0, 95.0)]);
        assert_eq!(f.loss_over_time(), vec![(2.5, 1.0), (10.0, 0.2)]);
        let imported = ModelFacts::imported(0.0, ArchSettings::default());
        assert!(imported.accuracy_over_time().is_empty());
    }

    #[test]
    fn a_run_stopped_mid_epoch_counts_its_fraction() {
        let mut s = RunState::default();
        for step in 1..=50 {
            s.apply(1, batch(step, 1.0));
        }
        let f = ModelFacts::of_run(&s, None, 0.0, 0.0, 0.0);
        assert_eq!(f.epochs, 0.4);
        assert_eq!(f.accuracy, None);
    }

    #[test]
    fn a_record_that_is_not_facts_is_refused() {
        assert_eq!(ModelFacts::from_json("{\"weights\": 1}"), None);
        assert_eq!(ModelFacts::from_json("not json"), None);
        // Written by an earlier version of these facts, without the newer fields.
        let old = r#"{"created_ms":1.0,"saved_ms":2.0,"origin":"Imported"}"#;
        assert_eq!(ModelFacts::from_json(old).map(|f| f.epochs), Some(0.0));
    }

    #[test]
    fn records_of_this_and_earlier_versions_are_read_and_broken_ones_refused() {
        let facts = ModelFacts::imported(7.0, ArchSettings::default());
        let ours = StoredRecord {
            id: "run-1".into(),
            facts: Some(facts.to_json()),
            has_weights: true,
            ..Default::default()
        };
        assert_eq!(ours.read().map(|k| k.facts), Some(facts));
        let earlier = StoredRecord {
            id: "model".into(),
            accuracy: Some(0.97),
            saved_ms: Some(5.0),
            has_weights: true,
            ..Default::default()
        };
        let k = earlier.read().unwrap();
        assert_eq!(
            (k.facts.origin, k.facts.accuracy),
            (Origin::Earlier, Some(0.97))
        );
        assert_eq!(k.facts.created_ms, 5.0);
        let no_weights = StoredRecord {
            has_weights: false,
            ..ours.clone()
        };
        assert_eq!(no_weights.read(), None);
        let garbled = StoredRecord {
            facts: Some("{".into()),
            ..ours
        };
        assert_eq!(garbled.read(), None);
    }

    #[test]
    fn facts_say_which_set_a_run_trained_on_and_older_records_still_load() {
        use crate::data::DataKind;
        let fashion = DataSource {
            kind: DataKind::Fashion,
            train: 60_000,
            test: 10_000,
        };
        let f = ModelFacts::of_run(&RunState::default(), None, 1.0, 2.0, 0.0)
            .with_data(fashion.clone());
        let json = f.to_json();
        assert!(json.contains("\"Fashion\""), "{json}");
        let back = ModelFacts::from_json(&json).unwrap();
        assert_eq!(back.trained_on(), Some(fashion));
        // A record written before sets were recorded: the shipped digits, 8,000 / 2,000.
        let old = r#"{"created_ms":1.0,"saved_ms":2.0,"origin":"Trained","epochs":1.0}"#;
        let old = ModelFacts::from_json(old).unwrap();
        assert_eq!(old.trained_on(), Some(DataSource::shipped(10_000)));
        assert_eq!(
            old.trained_on().map(|d| (d.train, d.test)),
            Some((8_000, 2_000))
        );
        // An imported model says nothing of its data, and its record has no field for it.
        let imported = ModelFacts::imported(0.0, ArchSettings::default());
        assert_eq!(imported.trained_on(), None);
        assert!(!imported.to_json().contains("data"));
        let mut names: Box<[String; 10]> = Default::default();
        names[0] = "cat".into();
        let other = DataSource {
            kind: DataKind::Other { names },
            train: 5,
            test: 2,
        };
        let f = ModelFacts::imported(0.0, ArchSettings::default()).with_data(other.clone());
        assert_eq!(
            ModelFacts::from_json(&f.to_json()).unwrap().data,
            Some(other)
        );
    }

    #[test]
    fn keys_sort_by_creation_and_the_list_shows_the_newest_first() {
        let a = new_id(1_700_000_000_000.0, 0.5);
        let b = new_id(1_700_000_000_001.0, 0.1);
        assert!(a < b);
        assert_ne!(new_id(5.0, 0.25), new_id(5.0, 0.75));
        let kept = |id: &str, created_ms| KeptModel {
            id: id.into(),
            facts: ModelFacts::imported(created_ms, ArchSettings::default()),
        };
        let list = newest_first(vec![kept("x", 1.0), kept("y", 3.0), kept("z", 2.0)]);
        let ids: Vec<_> = list.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids, ["y", "z", "x"]);
    }

    #[test]
    fn the_clock_counts_only_running_time() {
        let mut c = RunClock::default();
        c.status(Status::Running, 1_000.0);
        assert_eq!(c.seconds(3_000.0), 2.0);
        c.status(Status::Paused, 3_000.0);
        assert_eq!(c.seconds(60_000.0), 2.0, "a pause does not count");
        c.status(Status::Running, 60_000.0);
        c.status(Status::Running, 61_000.0);
        c.status(Status::Done, 62_000.0);
        assert_eq!(c.seconds(99_000.0), 4.0);
    }
}
