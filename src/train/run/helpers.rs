//! What the helpers' answers, failures and silences do to the step in flight.

use super::{Out, RunEngine};
use crate::train::protocol::Status;
use crate::train::Share;

impl RunEngine {
    /// A job could not be sent to a helper: its share would be missing from the update, so
    /// the step is done again alone and the run goes on without helpers.
    pub fn job_not_sent(&mut self) -> Vec<Out> {
        self.without_helpers()
    }

    /// Helper `index` has its digits and takes jobs.
    pub fn helper_ready(&mut self, index: usize) {
        if let Some(h) = self.helpers.get_mut(index) {
            *h = true;
        }
    }

    /// Helper `index` finished `job` with `share` and its weighted gradients `grads`.
    pub fn helper_done(
        &mut self,
        job: u64,
        share: Share,
        grads: Option<Vec<f32>>,
        now: f64,
    ) -> Vec<Out> {
        let Some(f) = self.in_flight.as_mut().filter(|f| f.job == job) else {
            return Vec::new();
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
        let mut out = Vec::new();
        if f.waiting == 0 {
            let f = self.in_flight.take().expect("in flight");
            self.finish_batch(&f.shares, f.started, now, &mut out);
        }
        out
    }

    /// A helper could not do its job.
    pub fn helper_failed(&mut self) -> Vec<Out> {
        self.without_helpers()
    }

    /// The time for `job` ran out: if its step is still waiting, the helpers are dropped.
    pub fn helper_timeout(&mut self, job: u64) -> Vec<Out> {
        if self.in_flight.as_ref().is_some_and(|f| f.job == job) {
            self.without_helpers()
        } else {
            Vec::new()
        }
    }

    /// Trains alone from now on; a step in flight is done again from the start (its update was
    /// not made), or a Pause that waited for it takes effect.
    pub(super) fn without_helpers(&mut self) -> Vec<Out> {
        let mut out = vec![Out::DropHelpers];
        self.helpers.clear();
        if let Some(p) = self.planned.as_mut() {
            // The own share is still to compute: it becomes the whole batch.
            if let Some(t) = &self.trainer {
                p.own = t.next_batch().to_vec();
            }
            p.waiting = 0;
            return out;
        }
        if self.in_flight.take().is_some() {
            if self.pausing {
                self.pausing = false;
                self.set_status(Status::Paused, &mut out);
                self.weights(&mut out);
            } else {
                out.push(Out::Tick);
            }
        }
        out
    }
}
