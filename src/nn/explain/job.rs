//! Long explanations a slice at a time. Occlusion forwards hundreds of images, the search for
//! the least ε a few hundred gradient steps, the filters' images as many: run at once on the
//! page's one thread, each would freeze the page for a noticeable time. A [`Job`] keeps its
//! state between calls and does a little more on each, until a caller-given `more()` says stop,
//! so the page can run one slice per task and paint its progress in between. Slicing never
//! changes the answer: a job stepped in slices of any size ends with exactly what one call
//! would give (`core/tests/explain.rs` checks every job).
//!
//! A [`Runner`] holds the one job a view runs, so that starting another cancels it and a slice
//! asked for by a cancelled run does nothing: a stale job never hands over its result.

use crate::nn::{NnError, Sequential};

/// How far a job is: `done` of `total` units of its own kind (positions, values of ε, filters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Units finished.
    pub done: usize,
    /// Units in all.
    pub total: usize,
}

/// What one slice of a job ended with.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<T> {
    /// More to do; how far it is.
    Going(Progress),
    /// The result; the job is spent.
    Done(T),
}

/// A computation done a slice at a time; its state lives in the job, the model is lent for
/// each slice (and may read other inputs in between: nothing is kept in its buffers).
pub trait Job {
    /// What the finished job gives.
    type Output;

    /// Does one unit of work (a forward pass of a row of positions, one gradient step, …),
    /// then more while `more()` says so, and says how far the job is, or hands over the result
    /// once the last unit is done. A job that has handed over its result must not be stepped
    /// again (that panics).
    fn step(
        &mut self,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Result<Step<Self::Output>, NnError>;

    /// How far the job is.
    fn progress(&self) -> Progress;

    /// The whole job in one call.
    fn run(mut self, model: &mut Sequential) -> Result<Self::Output, NnError>
    where
        Self: Sized,
    {
        loop {
            if let Step::Done(out) = self.step(model, &mut || true)? {
                return Ok(out);
            }
        }
    }
}

/// The job a view runs, at most one. Each [`start`](Runner::start) numbers a run; a slice is
/// asked for by number, so the slices still queued for a run that was cancelled or replaced
/// find it gone and do nothing.
#[derive(Debug)]
pub struct Runner<J> {
    run: u64,
    job: Option<J>,
}

impl<J> Default for Runner<J> {
    fn default() -> Self {
        Runner { run: 0, job: None }
    }
}

impl<J: Job> Runner<J> {
    /// Starts `job`, cancelling the one running; returns the new run's number.
    pub fn start(&mut self, job: J) -> u64 {
        self.run += 1;
        self.job = Some(job);
        self.run
    }

    /// Cancels the running job, if any: its result is never handed over.
    pub fn cancel(&mut self) {
        self.run += 1;
        self.job = None;
    }

    /// The number of the run in progress, if one is.
    pub fn running(&self) -> Option<u64> {
        self.job.as_ref().map(|_| self.run)
    }

    /// One slice of run `run`: `None` if that run was cancelled, replaced or has finished;
    /// otherwise what [`Job::step`] gave. A result or an error ends the run.
    pub fn step(
        &mut self,
        run: u64,
        model: &mut Sequential,
        more: &mut dyn FnMut() -> bool,
    ) -> Option<Result<Step<J::Output>, NnError>> {
        if run != self.run {
            return None;
        }
        let out = self.job.as_mut()?.step(model, more);
        if !matches!(out, Ok(Step::Going(_))) {
            self.job = None;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::ModelConfig;

    /// Counts to `total`, one unit per call of its loop; fails at `fail` if asked to.
    struct Count {
        done: usize,
        total: usize,
        fail: Option<usize>,
    }

    impl Job for Count {
        type Output = usize;
        fn step(
            &mut self,
            _: &mut Sequential,
            more: &mut dyn FnMut() -> bool,
        ) -> Result<Step<usize>, NnError> {
            assert!(self.done < self.total, "stepped after its result");
            loop {
                if self.fail == Some(self.done) {
                    return Err(NnError::StepSize(0.0));
                }
                self.done += 1;
                if self.done == self.total {
                    return Ok(Step::Done(self.total));
                }
                if !more() {
                    return Ok(Step::Going(self.progress()));
                }
            }
        }
        fn progress(&self) -> Progress {
            Progress {
                done: self.done,
                total: self.total,
            }
        }
    }

    fn count(total: usize) -> Count {
        Count {
            done: 0,
            total,
            fail: None,
        }
    }

    /// A `more` that allows `n` units per slice.
    fn units(n: usize) -> impl FnMut() -> bool {
        let mut left = n;
        move || {
            left -= 1;
            left > 0
        }
    }

    #[test]
    fn a_run_goes_slice_by_slice_to_its_result_then_ends() {
        let mut m = ModelConfig::seed().build(0).unwrap();
        let mut r = Runner::default();
        assert_eq!(r.running(), None);
        let run = r.start(count(7));
        assert_eq!(r.running(), Some(run));
        let mut seen = Vec::new();
        loop {
            match r.step(run, &mut m, &mut units(3)).unwrap().unwrap() {
                Step::Going(p) => seen.push(p.done),
                Step::Done(n) => {
                    assert_eq!(n, 7);
                    break;
                }
            }
        }
        assert_eq!(seen, vec![3, 6]);
        // Finished: the run is over, and a late slice does nothing.
        assert_eq!(r.running(), None);
        assert!(r.step(run, &mut m, &mut || true).is_none());
        assert_eq!(count(5).run(&mut m).unwrap(), 5);
    }

    #[test]
    fn a_replaced_or_cancelled_run_never_hands_over_a_result() {
        let mut m = ModelConfig::seed().build(0).unwrap();
        let mut r = Runner::default();
        let first = r.start(count(4));
        assert!(r.step(first, &mut m, &mut units(1)).is_some());
        let second = r.start(count(2));
        assert_ne!(first, second);
        // The first run's queued slices find it gone, however many there are.
        for _ in 0..5 {
            assert!(r.step(first, &mut m, &mut || true).is_none());
        }
        assert_eq!(
            r.step(second, &mut m, &mut || true),
            Some(Ok(Step::Done(2)))
        );
        let third = r.start(count(3));
        r.cancel();
        assert_eq!(r.running(), None);
        assert!(r.step(third, &mut m, &mut || true).is_none());
        // An error ends the run too.
        let failing = r.start(Count {
            fail: Some(1),
            ..count(3)
        });
        assert_eq!(
            r.step(failing, &mut m, &mut || true),
            Some(Err(NnError::StepSize(0.0)))
        );
        assert!(r.step(failing, &mut m, &mut || true).is_none());
    }
}
