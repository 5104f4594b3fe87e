//! Why the worker refused a request or stopped a run, as a value both sides share; the page
//! phrases it in its own language.

use crate::lang::Lang;
use crate::text::fill;
use serde::{Deserialize, Serialize};

/// Why the worker refused a request or stopped a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerError {
    /// A command that needs the digits came while they were still loading.
    Loading,
    /// The digits could not be fetched or decoded (the detail, as the browser gave it).
    Digits(String),
    /// A setting out of range: its key (`epochs`, `batch`, `lr`, `dropout`, `momentum`).
    Setting(String),
    /// The core refused weights or a model: its sentence in both languages.
    Refused(Sentence),
    /// The loss or the weights stopped being finite numbers at this batch; the weights from
    /// before it were kept.
    Diverged {
        /// The batch of the run at which it happened, from 1.
        step: usize,
        /// Its loss.
        #[serde(with = "super::any_f32")]
        loss: f32,
    },
    /// A message the worker could not read.
    Unreadable,
    /// The worker stopped working: a panic, a trap, a script that did not load (the detail).
    /// The page starts a fresh one with the last good weights.
    Crashed(String),
    /// The worker stopped working again and again, or could not be started; the page gave up.
    Dead(String),
}

/// A sentence in both languages, for a refusal the core phrased where the page's language is
/// not known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// English.
    pub en: String,
    /// Korean.
    pub ko: String,
}

impl Sentence {
    /// Both languages of `message`.
    pub fn of(message: impl Fn(Lang) -> String) -> Sentence {
        Sentence {
            en: message(Lang::En),
            ko: message(Lang::Ko),
        }
    }

    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ko => &self.ko,
        }
    }
}

impl From<crate::nn::NnError> for WorkerError {
    /// A refusal of the core (weights that do not fit, a model that cannot be built), in both
    /// languages.
    fn from(e: crate::nn::NnError) -> Self {
        WorkerError::Refused(Sentence::of(|l| e.message(l)))
    }
}

impl From<crate::train::TrainError> for WorkerError {
    fn from(e: crate::train::TrainError) -> Self {
        match e {
            crate::train::TrainError::Setting(key) => WorkerError::Setting(key.into()),
            crate::train::TrainError::Model(e) => e.into(),
        }
    }
}

impl WorkerError {
    /// The error as a sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = crate::text::text(lang).train;
        match self {
            WorkerError::Loading => t.err_loading.to_string(),
            WorkerError::Digits(detail) => fill(t.err_digits, &[("e", detail.clone())]),
            WorkerError::Setting(key) => fill(t.bad_setting, &[("field", t.setting_name(key))]),
            WorkerError::Refused(s) => match lang {
                Lang::En => s.en.clone(),
                Lang::Ko => s.ko.clone(),
            },
            WorkerError::Diverged { step, loss } => fill(
                t.err_diverged,
                &[("step", step.to_string()), ("loss", loss.to_string())],
            ),
            WorkerError::Unreadable => t.err_unreadable.to_string(),
            WorkerError::Crashed(detail) => fill(t.err_crashed, &[("e", detail.clone())]),
            WorkerError::Dead(detail) => fill(t.err_dead, &[("e", detail.clone())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_errors_are_sentences_in_both_languages() {
        let errors = [
            WorkerError::Loading,
            WorkerError::Digits("HTTP 404".into()),
            WorkerError::Setting("batch".into()),
            WorkerError::Refused(Sentence::of(|l| {
                crate::nn::WeightsError::Missing("fc.weight".into()).message(l)
            })),
            WorkerError::Diverged {
                step: 12,
                loss: f32::NAN,
            },
            WorkerError::Unreadable,
            WorkerError::Crashed("unreachable".into()),
            WorkerError::Dead("404".into()),
        ];
        for e in &errors {
            let (en, ko) = (e.message(Lang::En), e.message(Lang::Ko));
            assert!(!en.contains('{') && !ko.contains('{'), "{en} / {ko}");
            assert_ne!(en, ko);
            assert!(!ko.is_ascii(), "{ko}");
        }
        assert!(WorkerError::Setting("batch".into())
            .message(Lang::Ko)
            .contains("배치"));
        assert!(WorkerError::Diverged {
            step: 12,
            loss: f32::NAN
        }
        .message(Lang::En)
        .contains("12"));
    }
}
