//! A view's heavy job (`nn::explain::Job`) run a slice per task: each slice works for at most
//! [`SLICE_MS`], then yields to the browser (a pen move, a tap, a frame) and queues the next.
//! Before each slice the view says whether the job still answers the page (same model, drawing
//! and digit); if not, it is cancelled. Starting another job cancels the running one, and the
//! slices queued for a cancelled run find it gone (`Runner`), so a stale job never paints over
//! a newer one.

use crate::components::context::drawing::Reader;
use crate::nn::explain::{Job, Progress, Runner, Step};
use crate::nn::{NnError, Sequential};
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// Work per slice (ms) before it yields: well under the 50 ms of a long task, so input waits
/// at most about this long, and the page still gets most of the thread's time.
const SLICE_MS: f64 = 8.0;

/// A finished job: what it was asked, and its result or why it failed.
pub(crate) type Finished<J, A> = Option<(A, Result<<J as Job>::Output, NnError>)>;

/// The job of one view: what the running one was asked (`A`) and how far it is, and the last
/// finished one's result.
pub(crate) struct Sliced<J: Job, A: 'static> {
    runner: StoredValue<Runner<J>, LocalStorage>,
    /// The running job's question and progress.
    pub progress: RwSignal<Option<(A, Progress)>>,
    /// The last finished job's question and result.
    pub done: RwSignal<Finished<J, A>>,
}

impl<J: Job, A> Clone for Sliced<J, A> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<J: Job, A> Copy for Sliced<J, A> {}

/// Milliseconds from the page's clock.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl<J, A> Sliced<J, A>
where
    J: Job + 'static,
    J::Output: Send + Sync + 'static,
    A: Clone + PartialEq + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Sliced {
            runner: StoredValue::new_local(Runner::default()),
            progress: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }

    /// Starts the job `make` builds with the model of `reader`, for the question `asked`; it
    /// runs while `still(&asked)` holds.
    pub fn start(
        self,
        reader: Reader,
        asked: A,
        make: impl FnOnce(&mut Sequential) -> Result<J, NnError>,
        still: impl Fn(&A) -> bool + 'static,
    ) {
        match reader.with(make) {
            Ok(job) => {
                let progress = job.progress();
                let Some(run) = self.runner.try_update_value(|r| r.start(job)) else {
                    return;
                };
                self.progress.set(Some((asked.clone(), progress)));
                let still: Rc<dyn Fn(&A) -> bool> = Rc::new(still);
                set_timeout(
                    move || self.slice(run, reader, asked, still),
                    Duration::ZERO,
                );
            }
            Err(e) => {
                self.runner.update_value(Runner::cancel);
                self.progress.set(None);
                self.done.set(Some((asked, Err(e))));
            }
        }
    }

    fn slice(self, run: u64, reader: Reader, asked: A, still: Rc<dyn Fn(&A) -> bool>) {
        // The view may be gone (its section redrawn), and its job with it.
        let Some(current) = self.runner.try_with_value(|r| r.running() == Some(run)) else {
            return;
        };
        if !current {
            return;
        }
        if !still(&asked) {
            self.runner.update_value(Runner::cancel);
            self.progress.try_set(None);
            return;
        }
        let start = now();
        let mut more = || now() - start < SLICE_MS;
        let out = self
            .runner
            .try_update_value(|r| reader.with(|m| r.step(run, m, &mut more)))
            .flatten();
        match out {
            None => {}
            Some(Ok(Step::Going(p))) => {
                self.progress.try_set(Some((asked.clone(), p)));
                set_timeout(
                    move || self.slice(run, reader, asked, still),
                    Duration::ZERO,
                );
            }
            Some(Ok(Step::Done(out))) => {
                self.progress.try_set(None);
                self.done.try_set(Some((asked, Ok(out))));
            }
            Some(Err(e)) => {
                self.progress.try_set(None);
                self.done.try_set(Some((asked, Err(e))));
            }
        }
    }
}
