//! The page's end of the training worker, as rules: what a command, a worker's message, a crash
//! or a timer does to the page's [`RunState`], and what the page must do next ([`LinkOut`]:
//! start or end a worker, post, schedule, keep a model). The page's `TrainLink` is a thin shell
//! that moves browser events in and carries these out; the rules are tested natively here, like
//! the worker's own [`super::run::RunEngine`].
//!
//! What they guarantee:
//! - A command given before the worker can take it (not started, not Ready, still loading its
//!   digits) waits, and is sent once the worker is idle; so does the last weights the page
//!   loads (an import, a kept model).
//! - Every command that starts or discards a run gets a new run number; a Reset or a load
//!   discards the run on screen, and its reports still on their way are dropped.
//! - A worker that dies is replaced by a fresh one that gets the last good weights; after
//!   [`MAX_RESTARTS`] in a row that never loaded, the page gives up with a sentence.
//! - A command the browser could not post is an error the page shows, not a silent loss.
//! - The set the learner chose (an import, or the shipped digits) reaches every worker before
//!   any command, a replacement after a crash included; a choice restored from storage does
//!   not start one.
//! - Weights a teaching run kept (when it pauses or ends) are said to be taught, so Draw reads
//!   with them; no other run's are.

use super::protocol::{BatchReport, Envelope, FromWorker, Status, ToWorker, WorkerError};
use super::state::{Effect, RunState};
use crate::data::{Layout, Mnist};
use crate::nn::arch::ArchSettings;
use crate::train::MICRO_BATCH;
use std::sync::Arc;
use std::time::Duration;

/// How many times the page starts a fresh worker after one died, before it gives up (a script
/// that does not load would fail every time).
pub const MAX_RESTARTS: u32 = 2;

/// How often the page shows batch reports. The worker sends one every few tens of
/// milliseconds; updating the page for each kept its thread busy a third of the time, which on
/// a two-core machine slowed the worker it shares the cores with.
pub const SHOW_BATCHES_EVERY: Duration = Duration::from_millis(200);

/// What the page does next, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkOut {
    /// Start a worker. The first one also starts the page's own digits loading.
    StartWorker {
        /// Whether this is the page's first worker (not a replacement).
        first: bool,
    },
    /// Terminate the worker in use (it crashed, or stopped answering).
    EndWorker,
    /// Post this to the worker; a failure goes back to [`LinkEngine::post_failed`].
    Post(Envelope<ToWorker>),
    /// Call [`LinkEngine::show_held`] after this long.
    ShowHeldAfter(Duration),
    /// A new run begins: what it trains goes to a new entry of My models.
    NewRun,
    /// The worker's status changed (My models' clock counts only training time).
    Status(Status),
    /// The run's trained weights, to keep (in its My models entry) and offer to Draw.
    Keep(Vec<u8>),
    /// The weights just kept are a teaching run's (paused or done): Draw reads with them from
    /// now on, so the learner sees what teaching changed.
    Taught,
}

/// Where the learner's latest teaching run is, as the page knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Teaching {
    /// Asked for: waiting for the worker to take it (queued, or posted and not running yet).
    Waiting,
    /// Running or paused.
    Going,
    /// Over: finished, stopped, refused, replaced by another command or run, or lost with its
    /// worker.
    Ended,
}

impl Teaching {
    /// Asked for and not over.
    pub fn active(self) -> bool {
        self != Teaching::Ended
    }
}

/// The rules of the page's end of the link; the [`RunState`] it changes is passed in, since
/// the page holds that in a signal of its own.
#[derive(Debug, Default)]
pub struct LinkEngine {
    // A worker has been started (when the learner nears the Train section or gives a command,
    // so a first visit fetches neither it nor the digits).
    woken: bool,
    // The last command given before the worker could take it.
    queued: Option<ToWorker>,
    // Weights for the worker once it is idle (restored, imported, or the last good ones after
    // a crash).
    pending: Option<Vec<u8>>,
    // Batch reports not shown yet, with their run.
    held: Vec<(u64, BatchReport)>,
    // The number of the newest run the page asked for.
    run: u64,
    // Workers started in a row after one died, none of which loaded.
    restarts: u32,
    // The set the learner chose; `None` for the digits shipped with the page, which a worker
    // starts with.
    data: Option<(Layout, Arc<Mnist>)>,
    // The worker does not have that set yet.
    data_pending: bool,
    // The set in use is on its way (files being read, a kept set read from storage): a new
    // run waits for it, so none trains on the set it replaces.
    awaiting: bool,
    // The learner's latest teaching run (`None`: none asked for), and its run number once
    // posted; its kept weights are also [`LinkOut::Taught`].
    teaching: Option<Teaching>,
    teach_run: u64,
}

/// Weights the page can give a fresh worker: those a model takes.
fn usable(bytes: &[u8]) -> bool {
    ArchSettings::load(bytes, MICRO_BATCH as u64).is_ok()
}

impl LinkEngine {
    /// Whether a worker has been started.
    pub fn woken(&self) -> bool {
        self.woken
    }

    /// The number of the newest run the page asked for.
    pub fn run(&self) -> u64 {
        self.run
    }

    /// The worker's status as the page shows it: idle before one is started, since the section
    /// takes commands then; `None` while it loads.
    pub fn status(&self, state: &RunState) -> Option<Status> {
        if self.woken {
            state.status
        } else {
            Some(Status::Idle)
        }
    }

    /// Starts the worker, once.
    pub fn wake(&mut self) -> Vec<LinkOut> {
        if self.woken {
            return Vec::new();
        }
        self.woken = true;
        vec![LinkOut::StartWorker { first: true }]
    }

    /// A command of the learner's. Before the worker can take it, it waits (the last one
    /// given), and starts the worker if need be.
    pub fn send(&mut self, state: &mut RunState, msg: ToWorker) -> Vec<LinkOut> {
        let waits = self.awaiting && msg.starts_run() && !matches!(msg, ToWorker::Data { .. });
        if !self.can_take(state) || waits {
            // Weights wait where restored and imported ones do, so a command after them
            // does not replace them.
            if let ToWorker::Load(bytes) = msg {
                self.pending = Some(bytes);
                return self.wake();
            }
            // The last command given waits: a teaching run waits with it, or is replaced.
            if matches!(msg, ToWorker::Teach(_)) {
                self.teaching = Some(Teaching::Waiting);
            } else if matches!(self.queued, Some(ToWorker::Teach(_))) {
                self.end_teaching();
            }
            self.queued = Some(msg);
            return self.wake();
        }
        self.show_held(state);
        let mut out = Vec::new();
        if msg.starts_run() {
            self.run += 1;
            if matches!(msg, ToWorker::Teach(_)) {
                self.teaching = Some(Teaching::Waiting);
                self.teach_run = self.run;
            } else if !matches!(self.queued, Some(ToWorker::Teach(_))) {
                // Another run replaces it (a set or weights sent before a queued teaching run
                // do not: they prepare it).
                self.end_teaching();
            }
        }
        match &msg {
            ToWorker::Reset(_) | ToWorker::Load(_) => {
                state.discard(self.run);
                state.settings = None;
                out.push(LinkOut::NewRun);
            }
            // Another set: the run on screen was measured on the old one.
            ToWorker::Data { .. } => {
                state.discard(self.run);
                state.settings = None;
            }
            ToWorker::Teach(t) => {
                state.settings = Some(t.settings.clone());
                out.push(LinkOut::NewRun);
            }
            ToWorker::Start(s) => {
                state.settings = Some(s.clone());
                out.push(LinkOut::NewRun);
            }
            ToWorker::Step(s) if self.status(state) != Some(Status::Paused) => {
                state.settings = Some(s.clone());
                out.push(LinkOut::NewRun);
            }
            _ => {}
        }
        out.push(LinkOut::Post(Envelope { run: self.run, msg }));
        out
    }

    /// Whether the worker can take a command now.
    fn can_take(&self, state: &RunState) -> bool {
        self.woken && state.ready && state.status != Some(Status::Loading)
    }

    /// Whether the set in use is on its way (`waiting`): until it is here, a command that
    /// starts a run waits, and goes once the set has (the set itself goes first).
    pub fn await_data(&mut self, state: &mut RunState, waiting: bool) -> Vec<LinkOut> {
        let was = std::mem::replace(&mut self.awaiting, waiting);
        if was && !waiting && self.can_take(state) {
            self.flush(state)
        } else {
            Vec::new()
        }
    }

    /// What waited for the worker, in order: the set, weights, the last command.
    fn flush(&mut self, state: &mut RunState) -> Vec<LinkOut> {
        let mut out = self.send_data(state);
        if let Some(bytes) = self.pending.take() {
            out.extend(self.send(state, ToWorker::Load(bytes)));
        }
        if let Some(msg) = self.queued.take() {
            out.extend(self.send(state, msg));
        }
        out
    }

    /// Where the learner's latest teaching run is; `None` if none was asked for.
    pub fn teaching(&self) -> Option<Teaching> {
        self.teaching
    }

    fn end_teaching(&mut self) {
        if self.teaching.is_some() {
            self.teaching = Some(Teaching::Ended);
        }
    }

    /// Follows the teaching run `run` through the worker's message about it.
    fn follow_teaching(&mut self, run: u64, msg: &FromWorker) {
        let Some(now) = self
            .teaching
            .filter(|t| t.active() && run == self.teach_run)
        else {
            return;
        };
        self.teaching = Some(match (now, msg) {
            (_, FromWorker::Status(Status::Running)) => Teaching::Going,
            (_, FromWorker::Status(Status::Idle | Status::Done | Status::Error)) => Teaching::Ended,
            // Refused before it ran (no digits the worker could read, say).
            (Teaching::Waiting, FromWorker::Error(_)) => Teaching::Ended,
            (now, _) => now,
        });
    }

    /// Gives the worker these (checked) weights: at once when it can take them, else as soon as
    /// it can, so an import made while it loads is not lost. Starts the worker if need be.
    pub fn load(&mut self, state: &mut RunState, bytes: Vec<u8>) -> Vec<LinkOut> {
        let idle = matches!(
            self.status(state),
            Some(Status::Idle | Status::Paused | Status::Done | Status::Error)
        );
        if self.woken && state.ready && idle {
            self.send(state, ToWorker::Load(bytes))
        } else {
            self.pending = Some(bytes);
            self.wake()
        }
    }

    /// The learner's set from now on (`None`: the digits shipped with the page). The worker gets
    /// it as soon as it can take a command, before any other; a worker not started yet is not
    /// started for it.
    pub fn use_data(
        &mut self,
        state: &mut RunState,
        data: Option<(Layout, Arc<Mnist>)>,
    ) -> Vec<LinkOut> {
        self.data = data;
        // A worker started later begins with the shipped digits by itself.
        self.data_pending = self.woken || self.data.is_some();
        if self.can_take(state) {
            self.send_data(state)
        } else {
            Vec::new()
        }
    }

    /// Sends the learner's set, if the worker does not have it yet.
    fn send_data(&mut self, state: &mut RunState) -> Vec<LinkOut> {
        if !std::mem::take(&mut self.data_pending) {
            return Vec::new();
        }
        let msg = match &self.data {
            Some((layout, images)) => ToWorker::Data {
                layout: *layout,
                bytes: images.to_raw(),
            },
            None => ToWorker::Data {
                layout: Layout::Shipped,
                bytes: Vec::new(),
            },
        };
        self.send(state, msg)
    }

    /// Weights restored from this browser's storage: for the worker once it runs, without
    /// starting it.
    pub fn restore(&mut self, state: &mut RunState, bytes: Vec<u8>) -> Vec<LinkOut> {
        if self.woken {
            self.load(state, bytes)
        } else {
            self.pending = Some(bytes);
            Vec::new()
        }
    }

    /// A message of the worker's, for run `run`. Batch reports are held and shown together
    /// every [`SHOW_BATCHES_EVERY`]; anything else shows them first.
    pub fn message(&mut self, state: &mut RunState, run: u64, msg: FromWorker) -> Vec<LinkOut> {
        let msg = match msg {
            FromWorker::Batch(b) => return self.hold(run, b),
            other => other,
        };
        self.show_held(state);
        let mut out = Vec::new();
        let became_idle = matches!(msg, FromWorker::Status(Status::Idle));
        if let FromWorker::Status(s) = msg {
            out.push(LinkOut::Status(s));
        }
        let taught = self.teaching.is_some_and(Teaching::active) && run == self.teach_run;
        self.follow_teaching(run, &msg);
        if state.apply(run, msg) == Effect::Trained {
            if let Some(bytes) = &state.weights {
                out.push(LinkOut::Keep(bytes.clone()));
                if taught {
                    out.push(LinkOut::Taught);
                }
            }
        }
        if became_idle {
            // A worker that got this far loads; a later death is a new fault, not the same one
            // again, so it may be restarted too.
            self.restarts = 0;
            out.extend(self.flush(state));
        }
        out
    }

    /// Holds a batch report of run `run` until the next showing (the first one held asks for
    /// it). The run state is not touched, so the page need not redraw for it.
    pub fn hold(&mut self, run: u64, b: BatchReport) -> Vec<LinkOut> {
        self.held.push((run, b));
        if self.held.len() == 1 {
            vec![LinkOut::ShowHeldAfter(SHOW_BATCHES_EVERY)]
        } else {
            Vec::new()
        }
    }

    /// Shows the held batch reports, in order.
    pub fn show_held(&mut self, state: &mut RunState) {
        for (run, b) in std::mem::take(&mut self.held) {
            state.apply(run, FromWorker::Batch(b));
        }
    }

    /// The worker stopped working (`detail`, the browser's words): a fresh one is started and
    /// gets the learner's last good weights (the run's, else `kept`, the model kept in this
    /// browser) once it is ready, so nothing trained is lost; after [`MAX_RESTARTS`] fresh
    /// workers that never loaded, the page gives up and says so.
    pub fn crashed(
        &mut self,
        state: &mut RunState,
        detail: String,
        kept: Option<Vec<u8>>,
    ) -> Vec<LinkOut> {
        self.held.clear();
        // The run is lost with the worker; the fresh one gets the last good weights.
        self.end_teaching();
        let last_good = state
            .weights
            .clone()
            .filter(|w| usable(w))
            .or(kept)
            .or_else(|| self.pending.take());
        self.restarts += 1;
        let give_up = self.restarts > MAX_RESTARTS;
        // The next worker counts runs from 0 until the page's next command.
        state.floor = 0;
        state.ready = false;
        state.status = Some(Status::Error);
        state.settings = None;
        state.error = Some(if give_up {
            WorkerError::Dead(detail)
        } else {
            WorkerError::Crashed(detail)
        });
        if give_up {
            return vec![LinkOut::EndWorker];
        }
        self.pending = last_good;
        // A fresh worker starts with the shipped digits.
        self.data_pending = self.data.is_some();
        vec![LinkOut::EndWorker, LinkOut::StartWorker { first: false }]
    }

    /// The browser refused to start a worker at all (`detail`): nothing to retry.
    pub fn start_failed(&mut self, state: &mut RunState, detail: String) {
        state.status = Some(Status::Error);
        state.error = Some(WorkerError::Dead(detail));
    }

    /// The browser could not post a command (`detail`, e.g. a clone error): the page says so;
    /// the worker did not get it, so the run stays as the worker has it.
    pub fn post_failed(&mut self, state: &mut RunState, detail: String) {
        state.error = Some(WorkerError::NotSent(detail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::nn::ModelConfig;
    use crate::train::protocol::Settings;

    fn posted(out: &[LinkOut]) -> Vec<(u64, ToWorker)> {
        out.iter()
            .filter_map(|o| match o {
                LinkOut::Post(e) => Some((e.run, e.msg.clone())),
                _ => None,
            })
            .collect()
    }

    fn batch(step: usize) -> FromWorker {
        crate::train::state::tests::batch(step, 1.0)
    }

    /// A link whose worker has loaded and is idle.
    fn ready() -> (LinkEngine, RunState) {
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        e.wake();
        e.message(&mut s, 0, FromWorker::Ready);
        e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        (e, s)
    }

    fn weights() -> Vec<u8> {
        ModelConfig::seed().build(3).unwrap().to_safetensors()
    }

    #[test]
    fn a_command_given_before_the_worker_is_ready_runs_once_it_is() {
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        let start = ToWorker::Start(Settings::default());
        let out = e.send(&mut s, start.clone());
        assert_eq!(out, vec![LinkOut::StartWorker { first: true }]);
        // Ready, but still fetching its digits: a command now would be refused as "loading".
        assert!(posted(&e.message(&mut s, 0, FromWorker::Ready)).is_empty());
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Loading));
        assert!(posted(&out).is_empty());
        assert!(posted(&e.send(&mut s, start.clone())).is_empty());
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        assert_eq!(posted(&out), vec![(1, start)]);
        assert!(out.contains(&LinkOut::NewRun));
        // Sent once, not again at the next idle.
        let out = e.message(&mut s, 1, FromWorker::Status(Status::Idle));
        assert!(posted(&out).is_empty());
        // A second wake starts nothing.
        assert!(e.wake().is_empty());
    }

    #[test]
    fn reset_drops_the_late_reports_of_the_run_it_discards() {
        let (mut e, mut s) = ready();
        e.send(&mut s, ToWorker::Start(Settings::default()));
        e.message(&mut s, 1, batch(1));
        let out = e.send(&mut s, ToWorker::Reset(Settings::default()));
        assert_eq!(posted(&out)[0].0, 2);
        assert!(s.settings.is_none());
        // The discarded run's report held back and one still on its way: both dropped.
        e.message(&mut s, 1, batch(2));
        e.show_held(&mut s);
        assert!(s.last.is_none() && s.losses.is_empty(), "{:?}", s.losses);
        e.message(&mut s, 2, batch(1));
        e.show_held(&mut s);
        assert_eq!(s.losses.len(), 1);
    }

    #[test]
    fn batch_reports_are_held_and_shown_on_the_timer() {
        let (mut e, mut s) = ready();
        e.send(&mut s, ToWorker::Start(Settings::default()));
        let out = e.message(&mut s, 1, batch(1));
        assert_eq!(out, vec![LinkOut::ShowHeldAfter(SHOW_BATCHES_EVERY)]);
        assert!(e.message(&mut s, 1, batch(2)).is_empty());
        assert!(s.losses.is_empty());
        e.show_held(&mut s);
        assert_eq!(s.losses.len(), 2);
        // Any other message shows what is held first, in order.
        e.message(&mut s, 1, batch(3));
        e.message(&mut s, 1, FromWorker::Status(Status::Paused));
        assert_eq!(s.last.as_ref().map(|b| b.step), Some(3));
    }

    #[test]
    fn trained_weights_are_kept_and_a_paused_one_batch_stays_in_its_run() {
        let (mut e, mut s) = ready();
        let out = e.send(&mut s, ToWorker::Step(Settings::default()));
        assert!(out.contains(&LinkOut::NewRun));
        e.message(&mut s, 1, batch(1));
        let out = e.message(&mut s, 1, FromWorker::Weights(vec![7]));
        assert_eq!(out, vec![LinkOut::Keep(vec![7])]);
        e.message(&mut s, 1, FromWorker::Status(Status::Paused));
        // One batch more from a pause goes on in the same run: no new entry.
        let out = e.send(&mut s, ToWorker::Step(Settings::default()));
        assert!(!out.contains(&LinkOut::NewRun));
    }

    #[test]
    fn an_import_made_while_the_digits_load_reaches_the_worker() {
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        e.wake();
        e.message(&mut s, 0, FromWorker::Ready);
        e.message(&mut s, 0, FromWorker::Status(Status::Loading));
        let file = weights();
        assert!(posted(&e.load(&mut s, file.clone())).is_empty());
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        assert_eq!(posted(&out), vec![(1, ToWorker::Load(file))]);
    }

    #[test]
    fn restored_weights_wait_for_the_worker_without_starting_it() {
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        let file = weights();
        assert!(e.restore(&mut s, file.clone()).is_empty());
        assert!(!e.woken());
        assert_eq!(e.status(&s), Some(Status::Idle));
        // A command wakes the worker; the restored weights go first, then the command.
        let start = ToWorker::Start(Settings::default());
        e.send(&mut s, start.clone());
        e.message(&mut s, 0, FromWorker::Ready);
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        assert_eq!(posted(&out), vec![(1, ToWorker::Load(file)), (2, start)]);
    }

    #[test]
    fn a_crashed_worker_is_replaced_with_the_last_good_weights_and_the_third_crash_gives_up() {
        let (mut e, mut s) = ready();
        let good = weights();
        s.weights = Some(good.clone());
        let out = e.crashed(&mut s, "unreachable".into(), None);
        assert_eq!(
            out,
            vec![LinkOut::EndWorker, LinkOut::StartWorker { first: false }]
        );
        assert!(!s.ready && s.status == Some(Status::Error));
        // The fresh worker gets them once it is idle.
        e.message(&mut s, 0, FromWorker::Ready);
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        assert_eq!(posted(&out), vec![(1, ToWorker::Load(good.clone()))]);
        // A worker that never loads: restarted twice, then the page gives up.
        s.weights = Some(vec![1, 2, 3]);
        let kept = Some(good.clone());
        assert!(e
            .crashed(&mut s, "404".into(), kept.clone())
            .contains(&LinkOut::StartWorker { first: false }));
        assert!(e
            .crashed(&mut s, "404".into(), kept.clone())
            .contains(&LinkOut::StartWorker { first: false }));
        let out = e.crashed(&mut s, "404".into(), kept);
        assert_eq!(out, vec![LinkOut::EndWorker]);
        let err = s.error.clone().unwrap();
        assert_eq!(err, WorkerError::Dead("404".into()));
        assert!(err.message(Lang::En).contains("could not be started (404)"));
        assert!(err.message(Lang::Ko).contains("(404)"));
        assert_ne!(err.message(Lang::En), err.message(Lang::Ko));
    }

    #[test]
    fn damaged_weights_are_not_given_to_a_fresh_worker() {
        let (mut e, mut s) = ready();
        s.weights = Some(vec![0; 16]);
        let kept = weights();
        e.crashed(&mut s, "trap".into(), Some(kept.clone()));
        e.message(&mut s, 0, FromWorker::Ready);
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        assert_eq!(posted(&out), vec![(1, ToWorker::Load(kept))]);
    }

    #[test]
    fn a_failed_post_is_an_error_the_page_shows() {
        let (mut e, mut s) = ready();
        e.post_failed(&mut s, "DataCloneError".into());
        let err = s.error.clone().unwrap();
        assert_eq!(err, WorkerError::NotSent("DataCloneError".into()));
        assert!(err.message(Lang::En).contains("DataCloneError"));
        assert!(!err.message(Lang::Ko).is_ascii());
    }

    fn set() -> Arc<Mnist> {
        Arc::new(Mnist {
            labels: vec![3; 12],
            pixels: vec![9; 12 * crate::data::PIXELS],
        })
    }

    #[test]
    fn the_chosen_set_reaches_the_worker_first_and_again_after_a_crash() {
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        let layout = Layout::TrainFirst { train: 10 };
        // Restored from storage before any worker: none is started for it.
        assert!(e.use_data(&mut s, Some((layout, set()))).is_empty());
        assert!(!e.woken());
        let start = ToWorker::Start(Settings::default());
        e.send(&mut s, start.clone());
        e.message(&mut s, 0, FromWorker::Ready);
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        let data = ToWorker::Data {
            layout,
            bytes: set().to_raw(),
        };
        assert_eq!(posted(&out), vec![(1, data.clone()), (2, start)]);
        // Its answer (idle) sends nothing again.
        assert!(posted(&e.message(&mut s, 1, FromWorker::Status(Status::Idle))).is_empty());
        // A fresh worker after a crash gets the set, then the last good weights.
        s.weights = Some(weights());
        e.crashed(&mut s, "trap".into(), None);
        e.message(&mut s, 0, FromWorker::Ready);
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        let sent = posted(&out);
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[0].1, data);
        assert!(matches!(sent[1].1, ToWorker::Load(_)));
    }

    #[test]
    fn another_set_ends_the_run_on_screen_and_going_back_sends_the_shipped_digits() {
        let (mut e, mut s) = ready();
        e.send(&mut s, ToWorker::Start(Settings::default()));
        e.message(&mut s, 1, batch(1));
        e.show_held(&mut s);
        assert_eq!(s.losses.len(), 1);
        let out = e.use_data(&mut s, None);
        let sent = posted(&out);
        assert_eq!(
            sent,
            vec![(
                2,
                ToWorker::Data {
                    layout: Layout::Shipped,
                    bytes: Vec::new()
                }
            )]
        );
        assert!(s.losses.is_empty() && s.settings.is_none());
        assert!(
            !out.contains(&LinkOut::NewRun),
            "no model is trained by choosing a set"
        );
        // Teaching is a run of its own, kept in My models.
        let d = Mnist {
            labels: vec![1],
            pixels: vec![0; crate::data::PIXELS],
        };
        let teach = crate::train::teach::Teach::new(&d, &Settings::default());
        let out = e.send(&mut s, ToWorker::Teach(teach.clone()));
        assert!(out.contains(&LinkOut::NewRun));
        assert_eq!(s.settings.as_ref(), Some(&teach.settings));
    }

    fn teach() -> ToWorker {
        let d = Mnist {
            labels: vec![1; 4],
            pixels: vec![0; 4 * crate::data::PIXELS],
        };
        ToWorker::Teach(crate::train::teach::Teach::new(&d, &Settings::default()))
    }

    #[test]
    fn a_teaching_run_s_kept_weights_are_taught_and_no_other_run_s() {
        let (mut e, mut s) = ready();
        assert_eq!(e.teaching(), None);
        // Draw's model first, then the teaching run: both posted in that order.
        let file = weights();
        let mut out = e.load(&mut s, file.clone());
        out.extend(e.send(&mut s, teach()));
        assert_eq!(posted(&out), vec![(1, ToWorker::Load(file)), (2, teach())]);
        assert_eq!(e.teaching(), Some(Teaching::Waiting));
        // The load's answers are not the teaching run's, nor a trained model.
        assert!(posted(&e.message(&mut s, 1, FromWorker::Status(Status::Idle))).is_empty());
        assert!(e
            .message(&mut s, 1, FromWorker::Weights(vec![1]))
            .is_empty());
        assert_eq!(e.teaching(), Some(Teaching::Waiting));
        e.message(&mut s, 2, FromWorker::Status(Status::Running));
        assert_eq!(e.teaching(), Some(Teaching::Going));
        e.message(&mut s, 2, batch(1));
        // Paused half-way: kept and taught; done: kept and taught again (the same entry).
        let out = e.message(&mut s, 2, FromWorker::Weights(vec![2]));
        assert_eq!(out, vec![LinkOut::Keep(vec![2]), LinkOut::Taught]);
        e.message(&mut s, 2, FromWorker::Status(Status::Paused));
        assert_eq!(e.teaching(), Some(Teaching::Going));
        e.send(&mut s, ToWorker::Resume);
        e.message(&mut s, 2, batch(2));
        let out = e.message(&mut s, 2, FromWorker::Weights(vec![3]));
        assert_eq!(out, vec![LinkOut::Keep(vec![3]), LinkOut::Taught]);
        e.message(&mut s, 2, FromWorker::Status(Status::Done));
        assert_eq!(e.teaching(), Some(Teaching::Ended));
        // A run started afterwards is an ordinary one.
        e.send(&mut s, ToWorker::Start(Settings::default()));
        e.message(&mut s, 3, batch(1));
        let out = e.message(&mut s, 3, FromWorker::Weights(vec![4]));
        assert_eq!(out, vec![LinkOut::Keep(vec![4])]);
        // A teaching run lost with its worker is over, and the next worker's weights are not
        // taught.
        assert_eq!(posted(&e.send(&mut s, teach())).len(), 1);
        e.message(&mut s, 4, FromWorker::Status(Status::Running));
        e.message(&mut s, 4, batch(1));
        e.crashed(&mut s, "trap".into(), None);
        assert_eq!(e.teaching(), Some(Teaching::Ended));
        e.message(&mut s, 0, FromWorker::Ready);
        e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        e.message(&mut s, 5, batch(1));
        let out = e.message(&mut s, 5, FromWorker::Weights(vec![5]));
        assert!(!out.contains(&LinkOut::Taught), "{out:?}");
    }

    #[test]
    fn a_run_asked_for_while_the_set_is_on_its_way_waits_for_it() {
        // A reload with a kept set in use: the worker is up before storage has read the set.
        let (mut e, mut s) = ready();
        assert!(e.await_data(&mut s, true).is_empty());
        let file = weights();
        assert!(posted(&e.load(&mut s, file.clone())).is_empty());
        assert!(posted(&e.send(&mut s, teach())).is_empty());
        assert_eq!(e.teaching(), Some(Teaching::Waiting));
        // A worker idle again (after a crash, say) still holds them back.
        assert!(posted(&e.message(&mut s, 0, FromWorker::Status(Status::Idle))).is_empty());
        // The set goes at once; the rest once it is in use, in order, teaching still on.
        let layout = Layout::TrainFirst { train: 10 };
        let out = e.use_data(&mut s, Some((layout, set())));
        let data = ToWorker::Data {
            layout,
            bytes: set().to_raw(),
        };
        assert_eq!(posted(&out), vec![(1, data)]);
        let out = e.await_data(&mut s, false);
        assert_eq!(posted(&out), vec![(2, ToWorker::Load(file)), (3, teach())]);
        assert_eq!(e.teaching(), Some(Teaching::Waiting));
        // A set that never comes (storage failed): what waited goes on the set there is.
        e.await_data(&mut s, true);
        let start = ToWorker::Start(Settings::default());
        assert!(posted(&e.send(&mut s, start.clone())).is_empty());
        // Pause and resume act on the run there is, and do not wait.
        assert_eq!(posted(&e.send(&mut s, ToWorker::Pause)).len(), 1);
        assert_eq!(posted(&e.await_data(&mut s, false)), vec![(4, start)]);
        assert!(e.await_data(&mut s, false).is_empty(), "sent once");
    }

    #[test]
    fn a_teaching_run_asked_for_before_the_worker_is_ready_waits_behind_draw_s_model() {
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        let file = weights();
        assert_eq!(
            e.load(&mut s, file.clone()),
            vec![LinkOut::StartWorker { first: true }]
        );
        assert!(e.send(&mut s, teach()).is_empty());
        assert_eq!(e.teaching(), Some(Teaching::Waiting));
        e.message(&mut s, 0, FromWorker::Ready);
        let out = e.message(&mut s, 0, FromWorker::Status(Status::Idle));
        // The weights prepare it and do not end it.
        assert_eq!(posted(&out), vec![(1, ToWorker::Load(file)), (2, teach())]);
        assert_eq!(e.teaching(), Some(Teaching::Waiting));
        // Refused by the worker (its digits unreadable, say): over, with nothing kept.
        e.message(&mut s, 2, FromWorker::Error(WorkerError::Loading));
        assert_eq!(e.teaching(), Some(Teaching::Ended));
        // Asked again and reset while it runs: over.
        e.send(&mut s, teach());
        e.message(&mut s, 3, FromWorker::Status(Status::Running));
        e.send(&mut s, ToWorker::Pause);
        assert_eq!(e.teaching(), Some(Teaching::Going));
        e.send(&mut s, ToWorker::Reset(Settings::default()));
        assert_eq!(e.teaching(), Some(Teaching::Ended));
        // A queued teaching run replaced by another command before the worker took it: over.
        let (mut e, mut s) = (LinkEngine::default(), RunState::default());
        e.send(&mut s, teach());
        e.send(&mut s, ToWorker::Start(Settings::default()));
        assert_eq!(e.teaching(), Some(Teaching::Ended));
    }
}
