//! Which set the page trains and tests on, as rules: the digits shipped with the page or the
//! learner's imported files, what the imported images are ([`DataKind`]), whether this browser
//! keeps them, and what the page must do and say after each event ([`DataOut`], [`DataNews`]).
//! The page's data context (`components::context::data`) moves browser events in and carries
//! the outs out; the rules are tested natively here, like the link's (`train::link`).
//!
//! What they guarantee:
//! - A refused import changes nothing: the set in use stays, and one sentence says why, naming
//!   the file. Too many files, or a file over the cap, is refused before anything is read.
//! - A read import is in use at once, whether or not storage keeps it. A save that fails is said
//!   (the set will be gone after this visit), and what storage held before is removed, so a
//!   later visit never brings back a set the learner replaced.
//! - The page keeps one imported set; a new import replaces it.
//! - A kept set is named at the next visit straight away (its counts and kind are in a small
//!   record, [`ChoiceFacts`]); its images ([`SetFacts`] and the bytes) are read only when
//!   training wakes. Until they are there the page is busy ([`DataChoice::busy`]) and training
//!   waits, so no run goes to the wrong set.
//! - Nothing changes the set in use while a run is going (the worker would end the run).
//! - The worker link hears of the set in use only when it changes ([`DataOut::Use`]); a choice
//!   restored from storage starts no worker.
//! - Answers from storage that arrive after a newer import or a delete are ignored (each carries
//!   the generation it was asked in).

use super::idx::{FileProblem, IdxError, MAX_FILES, MAX_FILE_BYTES};
use super::mnist::Mnist;
use super::set::{DataSet, Layout};
use super::source::{DataKind, DataSource};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The storage key of the imported set's record (its bytes and [`SetFacts`]).
pub const SET_KEY: &str = "set";
/// The storage key of the choice's record ([`ChoiceFacts`], no bytes).
pub const CHOICE_KEY: &str = "choice";
/// The version of both facts records; a record of another version is not read.
pub const FACTS_VERSION: u32 = 1;

/// What is stored beside the imported set's bytes ([`Mnist::to_raw`] of all its images).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetFacts {
    /// [`FACTS_VERSION`].
    pub version: u32,
    /// Which images train and which are held out.
    pub layout: Layout,
    /// Training images.
    pub train: usize,
    /// Held-out images.
    pub test: usize,
}

impl SetFacts {
    /// The facts of `set`.
    pub fn of(set: &DataSet) -> SetFacts {
        let (train, test) = set.counts();
        SetFacts {
            version: FACTS_VERSION,
            layout: set.layout,
            train,
            test,
        }
    }

    /// As stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From storage; `None` for a record that is not facts of this version.
    pub fn from_json(json: &str) -> Option<SetFacts> {
        serde_json::from_str::<SetFacts>(json)
            .ok()
            .filter(|f| f.version == FACTS_VERSION)
    }

    /// The set a stored record holds: `bytes` as [`Mnist::to_raw`] wrote them, split as these
    /// facts say, with the counts they state. `None` for a record that does not hold that.
    pub fn read(&self, bytes: &[u8]) -> Option<DataSet> {
        let set = DataSet::new(Mnist::from_raw(bytes).ok()?, self.layout).ok()?;
        (set.counts() == (self.train, self.test)).then_some(set)
    }
}

/// The small record read at every visit: whether the kept set is in use, what its images are
/// and its counts (so the page names it before reading its bytes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceFacts {
    /// [`FACTS_VERSION`].
    pub version: u32,
    /// The kept set is in use (else the shipped digits).
    pub in_use: bool,
    /// What its images are.
    #[serde(default)]
    pub kind: DataKind,
    /// Its training images.
    pub train: usize,
    /// Its held-out images.
    pub test: usize,
}

impl ChoiceFacts {
    /// As stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From storage; `None` for a record that is not facts of this version.
    pub fn from_json(json: &str) -> Option<ChoiceFacts> {
        serde_json::from_str::<ChoiceFacts>(json)
            .ok()
            .filter(|f| f.version == FACTS_VERSION && f.train > 0 && f.test > 0)
    }
}

/// Whether this browser keeps the imported set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Kept {
    /// There is none, or it is not kept.
    #[default]
    None,
    /// Being written.
    Saving,
    /// Kept: a later visit finds it.
    Kept,
    /// The browser refused to keep it (its reason, e.g. `QuotaExceededError`): it lasts this
    /// visit only.
    NotKept(String),
}

/// Which file of an import is being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// From 1.
    pub file: usize,
    /// Files given.
    pub files: usize,
    /// Its name.
    pub name: String,
}

/// What the data panel says after an event (the text layer phrases it: `crate::text::idx`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataNews {
    /// An import was refused; the set in use is unchanged.
    Refused(IdxError),
    /// The browser could not read this file at all.
    FileUnreadable(String),
    /// A change of the set was asked for during a run.
    Running,
    /// Files came while others were still being read.
    Busy,
    /// The imported set is kept in this browser.
    Kept,
    /// The imported set could not be kept (the browser's reason); it lasts this visit.
    NotKept(String),
    /// The shipped digits are in use again.
    BuiltIn,
    /// The imported set was deleted.
    Deleted,
    /// Storage refused a read, a delete or a choice (the browser's reason).
    StorageFailed(String),
    /// The kept set could not be read; it was removed and the shipped digits are in use.
    Unreadable,
}

/// What the page does next, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum DataOut {
    /// The worker trains on this set from now on (`None`: the shipped digits).
    Use(Option<Arc<DataSet>>),
    /// Keep `set` (its bytes with `facts`), then `choice`; the answer goes to
    /// [`DataChoice::saved`] with `generation`.
    Save {
        /// Which import this is.
        generation: u64,
        /// The set.
        set: Arc<DataSet>,
        /// What is stored beside its bytes.
        facts: SetFacts,
        /// The choice record written after it.
        choice: ChoiceFacts,
    },
    /// Write the choice record; the answer goes to [`DataChoice::choice_saved`].
    SaveChoice(ChoiceFacts),
    /// Read the kept set; the answer goes to [`DataChoice::loaded`] with `generation`.
    LoadStored {
        /// Which import this is.
        generation: u64,
    },
    /// Remove both records; the answer goes to [`DataChoice::deleted`] when the learner asked
    /// (`said`), else nowhere (a clean-up).
    Delete {
        /// The learner asked for it, and hears how it went.
        said: bool,
    },
}

/// Why a kept set could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredProblem {
    /// Storage could not be read (the browser's reason); the record may be fine.
    Failed(String),
    /// The record is missing or does not hold a set.
    Unreadable,
}

/// The page's choice of data. See the module's notes for what it guarantees.
#[derive(Clone, Debug, Default)]
pub struct DataChoice {
    // The imported set, once read (from files or from storage).
    imported: Option<Arc<DataSet>>,
    // Its counts, known before its images when it comes from storage.
    counts: Option<(usize, usize)>,
    // The imported set is in use (else the shipped digits).
    in_use: bool,
    // What the imported images are.
    kind: DataKind,
    // Whether this browser keeps it.
    kept: Kept,
    // Its images are being read from storage.
    loading: bool,
    // Files of an import being read.
    reading: Option<Reading>,
    // What the panel says.
    news: Option<DataNews>,
    // The worker link has the imported set.
    linked: bool,
    // Counts imports and deletes, so late answers about an older one are ignored.
    generation: u64,
    // The choice record the save in progress writes after the set.
    saving: Option<ChoiceFacts>,
    // Training has woken: a kept set in use is wanted now, even one named after the wake.
    awake: bool,
}

impl DataChoice {
    /// The set in use, named: the imported one's counts and kind, or the shipped digits
    /// (`shipped` images in all).
    pub fn source(&self, shipped: usize) -> DataSource {
        match self.counts.filter(|_| self.in_use) {
            Some((train, test)) => DataSource {
                kind: self.kind.clone(),
                train,
                test,
            },
            None => DataSource::shipped(shipped),
        }
    }

    /// Whether the imported set is in use.
    pub fn uses_imported(&self) -> bool {
        self.in_use
    }

    /// The imported set, if it is in use and its images are here.
    pub fn imported_in_use(&self) -> Option<Arc<DataSet>> {
        self.imported.clone().filter(|_| self.in_use)
    }

    /// Whether there is an imported set to go back to (read, or kept in storage).
    pub fn has_imported(&self) -> bool {
        self.counts.is_some()
    }

    /// What the imported images are (the choice shown, in use or not).
    pub fn kind(&self) -> &DataKind {
        &self.kind
    }

    /// Whether this browser keeps the imported set.
    pub fn kept(&self) -> &Kept {
        &self.kept
    }

    /// Which file is being read, during an import.
    pub fn reading(&self) -> Option<&Reading> {
        self.reading.as_ref()
    }

    /// Whether the kept set's images are being read from storage.
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// What the panel says.
    pub fn news(&self) -> Option<&DataNews> {
        self.news.as_ref()
    }

    /// Training must wait: files are being read, or the set in use has not arrived yet.
    pub fn busy(&self) -> bool {
        self.reading.is_some() || (self.in_use && self.imported.is_none())
    }

    /// The choice as the small record stores it; `None` while there is no imported set.
    fn facts(&self) -> Option<ChoiceFacts> {
        let (train, test) = self.counts?;
        Some(ChoiceFacts {
            version: FACTS_VERSION,
            in_use: self.in_use,
            kind: self.kind.clone(),
            train,
            test,
        })
    }

    /// The choice record written now, if the set is kept.
    fn save_choice(&self) -> Vec<DataOut> {
        match (&self.kept, self.facts()) {
            (Kept::Kept, Some(f)) => vec![DataOut::SaveChoice(f)],
            _ => Vec::new(),
        }
    }

    /// Tells the link the set in use, if it changed for it.
    fn link(&mut self) -> Vec<DataOut> {
        match self.imported_in_use() {
            Some(set) => {
                self.linked = true;
                vec![DataOut::Use(Some(set))]
            }
            None if std::mem::take(&mut self.linked) => vec![DataOut::Use(None)],
            None => Vec::new(),
        }
    }

    /// The choice record found at page load (`None`: nothing kept). Its set is read only if
    /// training has already woken (a reload that lands on the Train section wakes it before
    /// storage answers); otherwise nothing is read or sent yet.
    pub fn restored(&mut self, facts: Option<ChoiceFacts>) -> Vec<DataOut> {
        let Some(f) = facts else { return Vec::new() };
        if self.counts.is_some() {
            // An import came first; it replaces what storage held.
            return Vec::new();
        }
        self.counts = Some((f.train, f.test));
        self.in_use = f.in_use;
        self.kind = f.kind;
        self.kept = Kept::Kept;
        if self.awake {
            self.wake()
        } else {
            Vec::new()
        }
    }

    /// Training wakes: the kept set in use is read now (or as soon as storage names it).
    pub fn wake(&mut self) -> Vec<DataOut> {
        self.awake = true;
        if self.in_use && self.imported.is_none() && self.kept == Kept::Kept && !self.loading {
            self.loading = true;
            vec![DataOut::LoadStored {
                generation: self.generation,
            }]
        } else {
            Vec::new()
        }
    }

    /// The learner gave files (`(name, size in bytes)`). True if they are to be read: not while
    /// others are, not during a run (`running`), not too many or too large (refused unread).
    pub fn begin(&mut self, files: &[(String, f64)], running: bool) -> bool {
        if files.is_empty() {
            return false;
        }
        let refuse = if self.reading.is_some() || self.loading {
            Some(DataNews::Busy)
        } else if running {
            Some(DataNews::Running)
        } else if files.len() > MAX_FILES {
            Some(DataNews::Refused(IdxError::TooManyFiles {
                count: files.len(),
            }))
        } else {
            files
                .iter()
                .find(|(_, size)| *size > MAX_FILE_BYTES as f64)
                .map(|(name, size)| {
                    DataNews::Refused(IdxError::File {
                        name: name.clone(),
                        problem: FileProblem::TooLarge {
                            size: *size as usize,
                            cap: MAX_FILE_BYTES,
                        },
                    })
                })
        };
        if let Some(news) = refuse {
            self.news = Some(news);
            return false;
        }
        self.news = None;
        self.reading = Some(Reading {
            file: 1,
            files: files.len(),
            name: files[0].0.clone(),
        });
        true
    }

    /// File `file` (from 1), `name`, is being read.
    pub fn reading_file(&mut self, file: usize, name: String) {
        if let Some(r) = &mut self.reading {
            r.file = file;
            r.name = name;
        }
    }

    /// The browser could not read file `name`: the import ends, nothing changed.
    pub fn file_unreadable(&mut self, name: String) {
        self.reading = None;
        self.news = Some(DataNews::FileUnreadable(name));
    }

    /// The files were read: a refusal changes nothing; a set is in use from now on and is kept.
    pub fn read(&mut self, result: Result<DataSet, IdxError>) -> Vec<DataOut> {
        self.reading = None;
        let set = match result {
            Ok(set) => Arc::new(set),
            Err(e) => {
                self.news = Some(DataNews::Refused(e));
                return Vec::new();
            }
        };
        self.generation += 1;
        self.counts = Some(set.counts());
        self.imported = Some(set.clone());
        self.in_use = true;
        self.loading = false;
        self.kept = Kept::Saving;
        self.news = None;
        let mut out = self.link();
        self.saving = self.facts();
        if let Some(choice) = self.saving.clone() {
            out.push(DataOut::Save {
                generation: self.generation,
                facts: SetFacts::of(&set),
                set,
                choice,
            });
        }
        out
    }

    /// Storage answered the save of import `generation`. A failure is said, and what storage
    /// held is removed, so no older set comes back later.
    pub fn saved(&mut self, generation: u64, result: Result<(), String>) -> Vec<DataOut> {
        if generation != self.generation || self.kept != Kept::Saving {
            return Vec::new();
        }
        match result {
            Ok(()) => {
                self.kept = Kept::Kept;
                self.news = Some(DataNews::Kept);
                // The learner may have changed the kind or gone back while it was written.
                if self.saving.take() == self.facts() {
                    Vec::new()
                } else {
                    self.save_choice()
                }
            }
            Err(why) => {
                self.kept = Kept::NotKept(why.clone());
                self.news = Some(DataNews::NotKept(why));
                vec![DataOut::Delete { said: false }]
            }
        }
    }

    /// Storage answered a choice record's write.
    pub fn choice_saved(&mut self, result: Result<(), String>) {
        if let Err(why) = result {
            self.news = Some(DataNews::StorageFailed(why));
        }
    }

    /// Storage answered the read of the kept set asked in `generation`.
    pub fn loaded(
        &mut self,
        generation: u64,
        result: Result<DataSet, StoredProblem>,
    ) -> Vec<DataOut> {
        if generation != self.generation || !self.loading {
            return Vec::new();
        }
        self.loading = false;
        match result {
            Ok(set) if Some(set.counts()) == self.counts => {
                self.imported = Some(Arc::new(set));
                if self.in_use {
                    self.link()
                } else {
                    Vec::new()
                }
            }
            Err(StoredProblem::Failed(why)) => {
                // The record may be fine: the shipped digits for now, the kept set still there.
                self.in_use = false;
                self.news = Some(DataNews::StorageFailed(why));
                self.link()
            }
            _ => {
                self.forget();
                self.news = Some(DataNews::Unreadable);
                let mut out = self.link();
                out.push(DataOut::Delete { said: false });
                out
            }
        }
    }

    fn forget(&mut self) {
        self.generation += 1;
        self.imported = None;
        self.counts = None;
        self.in_use = false;
        self.loading = false;
        self.kept = Kept::None;
    }

    /// The learner goes back to the shipped digits (the imported set stays, kept or not).
    pub fn use_built_in(&mut self, running: bool) -> Vec<DataOut> {
        if !self.in_use {
            return Vec::new();
        }
        if running {
            self.news = Some(DataNews::Running);
            return Vec::new();
        }
        self.in_use = false;
        self.loading = false;
        self.news = Some(DataNews::BuiltIn);
        let mut out = self.link();
        out.extend(self.save_choice());
        out
    }

    /// The learner goes back to the imported set (read from storage first if need be).
    pub fn use_imported(&mut self, running: bool) -> Vec<DataOut> {
        if self.in_use || !self.has_imported() {
            return Vec::new();
        }
        if running {
            self.news = Some(DataNews::Running);
            return Vec::new();
        }
        self.in_use = true;
        self.news = None;
        let mut out = match self.imported {
            Some(_) => self.link(),
            None => self.wake(),
        };
        out.extend(self.save_choice());
        out
    }

    /// The learner deletes the imported set; if it was in use, the shipped digits are.
    pub fn delete(&mut self, running: bool) -> Vec<DataOut> {
        if !self.has_imported() {
            return Vec::new();
        }
        if running && self.in_use {
            self.news = Some(DataNews::Running);
            return Vec::new();
        }
        self.forget();
        self.news = None;
        let mut out = self.link();
        out.push(DataOut::Delete { said: true });
        out
    }

    /// Storage answered the learner's delete.
    pub fn deleted(&mut self, result: Result<(), String>) {
        self.news = Some(match result {
            Ok(()) => DataNews::Deleted,
            Err(why) => DataNews::StorageFailed(why),
        });
    }

    /// The learner says what the imported images are; a kept set keeps it too.
    pub fn set_kind(&mut self, kind: DataKind) -> Vec<DataOut> {
        if self.kind == kind {
            return Vec::new();
        }
        self.kind = kind;
        self.save_choice()
    }

    /// The kind of the set in use: the shipped set is digits.
    pub fn kind_in_use(&self) -> DataKind {
        if self.in_use {
            self.kind.clone()
        } else {
            DataKind::Digits
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::PIXELS;

    fn set(train: usize, test: usize) -> DataSet {
        let n = train + test;
        let images = Mnist {
            labels: (0..n).map(|i| (i % 10) as u8).collect(),
            pixels: (0..n * PIXELS).map(|i| (i % 7) as u8).collect(),
        };
        DataSet::new(images, Layout::TrainFirst { train }).unwrap()
    }

    fn uses(out: &[DataOut]) -> Vec<Option<(usize, usize)>> {
        out.iter()
            .filter_map(|o| match o {
                DataOut::Use(s) => Some(s.as_ref().map(|s| s.counts())),
                _ => None,
            })
            .collect()
    }

    fn save_of(out: &[DataOut]) -> (u64, ChoiceFacts) {
        out.iter()
            .find_map(|o| match o {
                DataOut::Save {
                    generation, choice, ..
                } => Some((*generation, choice.clone())),
                _ => None,
            })
            .expect("a save")
    }

    fn import(c: &mut DataChoice, s: DataSet) -> Vec<DataOut> {
        assert!(c.begin(&[("a".into(), 10.0)], false));
        assert!(c.busy());
        c.read(Ok(s))
    }

    #[test]
    fn facts_round_trip_and_refuse_what_is_not_theirs() {
        let s = set(30, 10);
        let facts = SetFacts::of(&s);
        assert_eq!(SetFacts::from_json(&facts.to_json()), Some(facts.clone()));
        assert_eq!(facts.read(&s.images.to_raw()), Some(s.clone()));
        // Bytes of another count, or damaged, are not the set.
        assert_eq!(facts.read(&set(20, 10).images.to_raw()), None);
        assert_eq!(facts.read(&s.images.to_raw()[..100]), None);
        assert_eq!(SetFacts::from_json("{}"), None);
        assert_eq!(
            SetFacts::from_json(&facts.to_json().replace("\"version\":1", "\"version\":9")),
            None
        );

        let mut names: Box<[String; 10]> = Default::default();
        names[3] = "cat".into();
        for kind in [
            DataKind::Digits,
            DataKind::Fashion,
            DataKind::Other { names },
        ] {
            let c = ChoiceFacts {
                version: FACTS_VERSION,
                in_use: true,
                kind,
                train: 60_000,
                test: 10_000,
            };
            assert_eq!(ChoiceFacts::from_json(&c.to_json()), Some(c));
        }
        // A record without a kind is digits.
        let bare = r#"{"version":1,"in_use":false,"train":5,"test":2}"#;
        assert_eq!(
            ChoiceFacts::from_json(bare).map(|c| c.kind),
            Some(DataKind::Digits)
        );
        assert_eq!(ChoiceFacts::from_json("not json"), None);
    }

    #[test]
    fn an_import_is_used_at_once_and_kept() {
        let mut c = DataChoice::default();
        assert_eq!(c.source(10_000).train, 8_000);
        let out = import(&mut c, set(30, 10));
        assert_eq!(uses(&out), vec![Some((30, 10))]);
        let (generation, choice) = save_of(&out);
        assert!(choice.in_use && choice.train == 30 && choice.test == 10);
        assert!(!c.busy());
        assert_eq!(c.source(10_000).train, 30);
        assert_eq!(c.kept(), &Kept::Saving);
        assert!(c.saved(generation, Ok(())).is_empty());
        assert_eq!(c.kept(), &Kept::Kept);
        assert_eq!(c.news(), Some(&DataNews::Kept));
        // The kind is the learner's, kept with the set.
        let out = c.set_kind(DataKind::Fashion);
        assert!(
            matches!(&out[..], [DataOut::SaveChoice(f)] if f.kind == DataKind::Fashion && f.in_use)
        );
        assert_eq!(c.source(10_000).kind, DataKind::Fashion);
        assert!(c.set_kind(DataKind::Fashion).is_empty());
    }

    #[test]
    fn a_refusal_changes_nothing() {
        let mut c = DataChoice::default();
        let out = import(&mut c, set(30, 10));
        let (generation, _) = save_of(&out);
        c.saved(generation, Ok(()));
        let before = c.source(10_000);
        assert!(c.begin(&[("x".into(), 1.0)], false));
        let e = IdxError::Parts {
            images: 1,
            labels: 0,
        };
        assert!(c.read(Err(e.clone())).is_empty());
        assert_eq!(c.news(), Some(&DataNews::Refused(e)));
        assert_eq!(c.source(10_000), before);
        assert_eq!(c.imported_in_use().map(|s| s.counts()), Some((30, 10)));
        assert!(!c.busy());
    }

    #[test]
    fn too_many_or_too_large_files_are_refused_unread() {
        let mut c = DataChoice::default();
        let five: Vec<(String, f64)> = (0..5).map(|i| (format!("f{i}"), 1.0)).collect();
        assert!(!c.begin(&five, false));
        assert_eq!(
            c.news(),
            Some(&DataNews::Refused(IdxError::TooManyFiles { count: 5 }))
        );
        let big = vec![
            ("small".to_string(), 10.0),
            ("big".to_string(), MAX_FILE_BYTES as f64 + 1.0),
        ];
        assert!(!c.begin(&big, false));
        assert!(matches!(
            c.news(),
            Some(DataNews::Refused(IdxError::File { name, problem: FileProblem::TooLarge { .. } })) if name == "big"
        ));
        assert!(!c.busy());
        assert!(!c.begin(&[], false));
        // Not during a run, nor while other files are read.
        assert!(!c.begin(&[("a".into(), 1.0)], true));
        assert_eq!(c.news(), Some(&DataNews::Running));
        assert!(c.begin(&[("a".into(), 1.0), ("b".into(), 1.0)], false));
        c.reading_file(2, "b".into());
        assert_eq!(c.reading().map(|r| (r.file, r.files)), Some((2, 2)));
        assert!(!c.begin(&[("c".into(), 1.0)], false));
        assert_eq!(c.news(), Some(&DataNews::Busy));
        c.file_unreadable("b".into());
        assert!(!c.busy());
        assert_eq!(c.news(), Some(&DataNews::FileUnreadable("b".into())));
    }

    #[test]
    fn a_failed_save_is_said_and_leaves_nothing_older_behind() {
        let mut c = DataChoice::default();
        c.restored(Some(ChoiceFacts {
            version: FACTS_VERSION,
            in_use: false,
            kind: DataKind::Fashion,
            train: 50,
            test: 5,
        }));
        let out = import(&mut c, set(30, 10));
        let (generation, _) = save_of(&out);
        let out = c.saved(generation, Err("QuotaExceededError".into()));
        assert_eq!(out, vec![DataOut::Delete { said: false }]);
        assert_eq!(
            c.news(),
            Some(&DataNews::NotKept("QuotaExceededError".into()))
        );
        // Still trained on this visit.
        assert_eq!(c.imported_in_use().map(|s| s.counts()), Some((30, 10)));
        // A kind chosen now is not written: nothing is kept.
        assert!(c.set_kind(DataKind::Digits).is_empty());
    }

    #[test]
    fn a_late_answer_about_an_older_import_is_ignored() {
        let mut c = DataChoice::default();
        let first = save_of(&import(&mut c, set(30, 10))).0;
        let second = save_of(&import(&mut c, set(40, 10))).0;
        assert!(c.saved(first, Err("QuotaExceededError".into())).is_empty());
        assert_eq!(c.kept(), &Kept::Saving);
        c.saved(second, Ok(()));
        assert_eq!(c.kept(), &Kept::Kept);
        assert_eq!(c.source(0).train, 40);
    }

    #[test]
    fn a_kept_set_is_named_at_once_and_read_when_training_wakes() {
        let mut c = DataChoice::default();
        c.restored(Some(ChoiceFacts {
            version: FACTS_VERSION,
            in_use: true,
            kind: DataKind::Fashion,
            train: 30,
            test: 10,
        }));
        let s = c.source(10_000);
        assert_eq!((s.kind, s.train, s.test), (DataKind::Fashion, 30, 10));
        // Training waits for its images.
        assert!(c.busy());
        assert!(c.imported_in_use().is_none());
        let out = c.wake();
        let [DataOut::LoadStored { generation }] = out[..] else {
            panic!("{out:?}")
        };
        assert!(c.loading());
        assert!(c.wake().is_empty(), "read once");
        let out = c.loaded(generation, Ok(set(30, 10)));
        assert_eq!(uses(&out), vec![Some((30, 10))]);
        assert!(!c.busy());
        assert_eq!(c.kind_in_use(), DataKind::Fashion);
    }

    #[test]
    fn a_kept_set_named_after_training_woke_is_read_at_once() {
        // A reload onto the Train section: the worker wakes before storage names the set.
        let mut c = DataChoice::default();
        assert!(c.wake().is_empty());
        assert!(!c.busy());
        let out = c.restored(Some(ChoiceFacts {
            version: FACTS_VERSION,
            in_use: true,
            kind: DataKind::Digits,
            train: 30,
            test: 10,
        }));
        let [DataOut::LoadStored { generation }] = out[..] else {
            panic!("{out:?}")
        };
        assert!(c.busy());
        assert_eq!(
            uses(&c.loaded(generation, Ok(set(30, 10)))),
            vec![Some((30, 10))]
        );
        assert!(!c.busy());
        // Named but not in use: nothing is read.
        let mut c = DataChoice::default();
        c.wake();
        let out = c.restored(Some(ChoiceFacts {
            version: FACTS_VERSION,
            in_use: false,
            kind: DataKind::Digits,
            train: 30,
            test: 10,
        }));
        assert!(out.is_empty() && !c.busy());
    }

    #[test]
    fn a_kept_set_not_in_use_is_not_read_and_an_unreadable_one_is_removed() {
        let mut c = DataChoice::default();
        let kept = ChoiceFacts {
            version: FACTS_VERSION,
            in_use: false,
            kind: DataKind::Digits,
            train: 30,
            test: 10,
        };
        c.restored(Some(kept.clone()));
        assert!(c.wake().is_empty());
        assert!(!c.busy());
        assert_eq!(c.source(10_000).train, 8_000);
        assert!(c.has_imported());
        // Going back to it reads it, and writes the choice.
        let out = c.use_imported(false);
        assert!(matches!(out[0], DataOut::LoadStored { .. }));
        assert!(matches!(&out[1], DataOut::SaveChoice(f) if f.in_use));
        // Its record does not hold what its facts say: removed, the shipped digits again, and
        // the link never heard of it.
        let out = c.loaded(0, Ok(set(20, 10)));
        assert_eq!(out, vec![DataOut::Delete { said: false }]);
        assert_eq!(c.news(), Some(&DataNews::Unreadable));
        assert!(!c.has_imported() && !c.busy());
        assert_eq!(c.source(10_000).train, 8_000);

        let mut c = DataChoice::default();
        c.restored(Some(ChoiceFacts {
            in_use: true,
            ..kept
        }));
        let [DataOut::LoadStored { generation }] = c.wake()[..] else {
            panic!()
        };
        // Storage failing to answer keeps the record for another visit.
        let out = c.loaded(
            generation,
            Err(StoredProblem::Failed("UnknownError".into())),
        );
        assert!(out.is_empty());
        assert!(c.has_imported() && !c.uses_imported() && !c.busy());
    }

    #[test]
    fn back_to_the_built_in_digits_then_again_to_the_import_then_delete() {
        let mut c = DataChoice::default();
        let out = import(&mut c, set(30, 10));
        c.saved(save_of(&out).0, Ok(()));
        // Not during a run.
        assert!(c.use_built_in(true).is_empty());
        assert_eq!(c.news(), Some(&DataNews::Running));
        assert!(c.uses_imported());
        let out = c.use_built_in(false);
        assert_eq!(uses(&out), vec![None]);
        assert!(matches!(&out[1], DataOut::SaveChoice(f) if !f.in_use));
        assert_eq!(c.source(10_000).train, 8_000);
        assert_eq!(c.kind_in_use(), DataKind::Digits);
        assert!(c.use_built_in(false).is_empty());
        // The read set comes back without storage.
        let out = c.use_imported(false);
        assert_eq!(uses(&out), vec![Some((30, 10))]);
        // Delete: the shipped digits, both records removed.
        assert!(c.delete(true).is_empty(), "not while it trains");
        let out = c.delete(false);
        assert_eq!(uses(&out), vec![None]);
        assert_eq!(out.last(), Some(&DataOut::Delete { said: true }));
        c.deleted(Ok(()));
        assert_eq!(c.news(), Some(&DataNews::Deleted));
        assert!(!c.has_imported());
        assert!(c.delete(false).is_empty());
        assert!(c.use_imported(false).is_empty());
    }

    #[test]
    fn the_link_hears_only_of_changes() {
        let mut c = DataChoice::default();
        // Back to the digits before any import: nothing to tell.
        assert!(c.use_built_in(false).is_empty());
        c.restored(Some(ChoiceFacts {
            version: FACTS_VERSION,
            in_use: false,
            kind: DataKind::Digits,
            train: 30,
            test: 10,
        }));
        // A kept set not in use deleted: the link never had it.
        assert_eq!(c.delete(false), vec![DataOut::Delete { said: true }]);
    }
}
