//! Teaching the model in use "Your digits", the page's rules: how many of the held-back digits a
//! model reads right, when the Teach button is refused and why, the settings of the teaching run,
//! and what the held-back line says before and after. The run itself is [`super::teach`]'s.

use super::evaluate::evaluate;
use super::link::Teaching;
use super::protocol::{Settings, Status};
use super::teach::{Teach, TEACH_BATCH, TEACH_STEPS, TEACH_YOURS};
use super::MICRO_BATCH;
use crate::data::mydigits::{more_needed, split, MyDigit};
use crate::data::Mnist;
use crate::nn::arch::ArchSettings;
use crate::nn::{NnError, Sequential};

/// How many of a set of digits a model reads right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    /// Read as labelled.
    pub right: usize,
    /// Digits read.
    pub of: usize,
}

/// Runs `model` in eval mode over `digits`: how many it reads as labelled.
pub fn check(model: &mut Sequential, digits: &Mnist) -> Result<Check, NnError> {
    let ids: Vec<usize> = (0..digits.len()).collect();
    let e = evaluate(model, digits, &ids, MICRO_BATCH)?;
    Ok(Check {
        right: e.correct() as usize,
        of: digits.len(),
    })
}

/// Why the Teach button is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// The model Draw uses is not ready yet.
    NoModel,
    /// A run is going in the worker, or a teaching run waits for it.
    Busy,
    /// Too few digits: label this many more.
    More(usize),
}

/// Why teaching cannot start now, if it cannot: the model not ready, the worker running a run
/// (its `status`) or a teaching run already waiting for it (`teaching`), or too few digits
/// ([`more_needed`]), in that order.
pub fn blocked(
    digits: &[MyDigit],
    model_ready: bool,
    status: Option<Status>,
    teaching: Option<Teaching>,
) -> Option<Blocked> {
    if !model_ready {
        return Some(Blocked::NoModel);
    }
    if status == Some(Status::Running) || teaching == Some(Teaching::Waiting) {
        return Some(Blocked::Busy);
    }
    match more_needed(digits) {
        0 => None,
        n => Some(Blocked::More(n)),
    }
}

/// The teaching run of `digits` for the model whose architecture is `arch`: the digits not held
/// back, with the model's own architecture and dropout.
pub fn teach_run(digits: &[MyDigit], arch: ArchSettings) -> Teach {
    let (taught, _) = split(digits);
    let settings = Settings {
        dropout: arch.dropout,
        arch,
        ..Settings::default()
    };
    Teach::new(&taught, &settings)
}

/// The stated mix of a teaching run: `(steps, images per step, yours, from the set)`.
pub fn mix() -> (usize, usize, usize, usize) {
    (
        TEACH_STEPS,
        TEACH_BATCH,
        TEACH_YOURS,
        TEACH_BATCH - TEACH_YOURS,
    )
}

/// What the page learnt about a teaching run from this visit: the held-back digits as they were
/// when it started, how many the model read right then, and after (once the taught model came).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Report {
    /// Before teaching.
    pub before: Check,
    /// With the taught model (after a pause, the model so far).
    pub after: Option<Check>,
}

/// What the held-back line says of a [`Report`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportLine {
    /// Taught: before and after.
    After(Check, Check),
    /// The run goes on (or waits for the worker): before only.
    Teaching(Check),
    /// The run ended (reset, refused, or learned nothing) without a taught model.
    Stopped(Check),
}

impl Report {
    /// The line for this report while the teaching run is where `teaching` says.
    pub fn line(&self, teaching: Option<Teaching>) -> ReportLine {
        match (self.after, teaching) {
            (Some(after), _) => ReportLine::After(self.before, after),
            (None, Some(Teaching::Waiting | Teaching::Going)) => ReportLine::Teaching(self.before),
            (None, Some(Teaching::Ended) | None) => ReportLine::Stopped(self.before),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::mydigits::digit_key;
    use crate::data::PIXELS;
    use crate::nn::ModelConfig;

    fn digits(n: u32) -> Vec<MyDigit> {
        (1..=n)
            .map(|s| {
                MyDigit::new(digit_key(s as f64, 0.0), s, (s % 10) as u8, &[0.5; PIXELS]).unwrap()
            })
            .collect()
    }

    #[test]
    fn teaching_is_refused_with_the_first_reason_that_applies() {
        let five = digits(5);
        assert_eq!(blocked(&five, false, None, None), Some(Blocked::NoModel));
        assert_eq!(
            blocked(&five, true, Some(Status::Running), None),
            Some(Blocked::Busy)
        );
        assert_eq!(
            blocked(&five, true, Some(Status::Idle), Some(Teaching::Waiting)),
            Some(Blocked::Busy)
        );
        assert_eq!(
            blocked(&digits(3), true, Some(Status::Idle), None),
            Some(Blocked::More(2))
        );
        // A paused run (a teaching run's too), a finished one, or a worker still loading:
        // teaching may start (the link sends it once the worker can take it).
        for (s, t) in [
            (Some(Status::Idle), None),
            (Some(Status::Paused), Some(Teaching::Going)),
            (Some(Status::Done), Some(Teaching::Ended)),
            (None, None),
        ] {
            assert_eq!(blocked(&five, true, s, t), None, "{s:?}");
        }
    }

    #[test]
    fn the_run_learns_from_the_digits_not_held_back_with_the_model_s_architecture() {
        let arch = ArchSettings {
            dropout: 0.1,
            ..ArchSettings::default()
        };
        let t = teach_run(&digits(11), arch.clone());
        let taught = Mnist::from_raw(&t.digits).unwrap();
        // 11 labelled, the 5th and 10th held back.
        assert_eq!(taught.len(), 9);
        assert!(!taught.labels.contains(&5) && !taught.labels.contains(&0));
        assert_eq!(t.settings.arch, arch);
        assert_eq!(t.settings.dropout, 0.1);
        assert_eq!(mix(), (40, 64, 16, 48));
        assert!(t.valid());
    }

    #[test]
    fn a_check_counts_the_digits_read_as_labelled() {
        let mut m = ModelConfig::seed().build(1).unwrap();
        let all = crate::data::mydigits::to_mnist(&digits(6));
        let c = check(&mut m, &all).unwrap();
        assert_eq!(c.of, 6);
        // The same image six times under six labels: at most one label is read.
        assert!(c.right <= 1);
        let one = Mnist {
            labels: all.labels[..1].to_vec(),
            pixels: all.pixels[..PIXELS].to_vec(),
        };
        let read = check(&mut m, &one).unwrap();
        let relabelled: Vec<u8> = (0..10).collect();
        let every = Mnist {
            labels: relabelled,
            pixels: one.pixels.repeat(10),
        };
        // Under every label once, exactly one is right.
        assert_eq!(check(&mut m, &every).unwrap(), Check { right: 1, of: 10 });
        assert!(read.right <= 1);
    }

    #[test]
    fn the_held_back_line_says_before_and_after_or_why_there_is_no_after() {
        let before = Check { right: 3, of: 5 };
        let after = Check { right: 5, of: 5 };
        let r = Report {
            before,
            after: None,
        };
        assert_eq!(
            r.line(Some(Teaching::Waiting)),
            ReportLine::Teaching(before)
        );
        assert_eq!(r.line(Some(Teaching::Going)), ReportLine::Teaching(before));
        assert_eq!(r.line(Some(Teaching::Ended)), ReportLine::Stopped(before));
        let r = Report {
            before,
            after: Some(after),
        };
        // Paused half-way, the model so far; ended, the taught one.
        assert_eq!(
            r.line(Some(Teaching::Going)),
            ReportLine::After(before, after)
        );
        assert_eq!(
            r.line(Some(Teaching::Ended)),
            ReportLine::After(before, after)
        );
    }
}
