//! "Your digits", page side: the learner's labelled drawings, kept in this browser (IndexedDB,
//! store `mydigits`, one record per digit) and read back at load; adding and deleting them, and
//! the report of a teaching run. A digit shows on the page only once its write committed, and
//! leaves it only once its delete did: a storage failure changes nothing and is said. The rules
//! (records, which are held back, how many to teach) are `data::mydigits` and `train::mydigits`.
//! The app's other tabs hear of each change and read the store again, so every tab shows, and
//! teaches on, the same digits.

use crate::data::mydigits::{digit_key, in_order, next_seq, DigitsProblem, MyDigit};
use crate::train::mydigits::Report;
use crate::web::storage::{self, Store};
use crate::web::tabs::{listen_to_other_tabs, tell_other_tabs};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the page says after an action on Your digits.
#[derive(Clone, Debug, PartialEq)]
pub enum DigitsNews {
    /// A drawing was labelled `label` and stored; there are `count` now.
    Added {
        /// Its label.
        label: u8,
        /// How many digits there are now.
        count: usize,
    },
    /// Digit number `seq`, labelled `label`, was deleted.
    Deleted {
        /// Its number.
        seq: u32,
        /// Its label.
        label: u8,
    },
    /// Something failed; nothing changed.
    Problem(DigitsProblem),
}

/// Your digits, as context.
#[derive(Clone, Copy)]
pub struct YourDigits {
    /// Every digit, in the order labelled.
    pub list: RwSignal<Vec<MyDigit>>,
    /// What the last action said.
    pub news: RwSignal<Option<DigitsNews>>,
    /// The teaching run started in this visit: the held-back digits before and after.
    pub report: RwSignal<Option<Report>>,
    /// The stored digits have been read (or could not be): new ones get numbers after theirs.
    pub loaded: RwSignal<bool>,
    // Drawings labelled and not stored yet, so two pressed quickly get two numbers.
    in_flight: StoredValue<u32>,
    // Digits stored and deleted in this tab since the last read of the store began: a read
    // that began before they committed may not know of them.
    added: StoredValue<Vec<String>>,
    deleted: StoredValue<Vec<String>>,
    // Reads of the store begun; only the newest one's answer is used (answers may come out of
    // order, and an older one would bring back a state another tab has since changed).
    reads: StoredValue<u64>,
}

/// The channel on which tabs of the app tell each other that Your digits changed.
const CHANNEL: &str = "convlab-mydigits";

/// The browser's reason for a failed storage call (a DOMException names it: QuotaExceededError…).
fn reason(e: &JsValue) -> String {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    e.as_string().or(name).unwrap_or_else(|| "IndexedDB".into())
}

impl YourDigits {
    /// Reads the stored digits, at load and when another tab changed them: the list becomes
    /// what is stored, with what this tab stored or deleted during the read applied to it.
    /// Records that are not digits are removed and counted.
    fn load(&self) {
        let me = *self;
        self.added.set_value(Vec::new());
        self.deleted.set_value(Vec::new());
        self.reads.update_value(|n| *n += 1);
        let this_read = self.reads.get_value();
        leptos::task::spawn_local(async move {
            let read = storage::all_bytes(Store::MyDigits).await;
            if me.reads.get_value() != this_read {
                return;
            }
            me.loaded.set(true);
            let records = match read {
                Ok(r) => r,
                Err(e) => {
                    me.news
                        .set(Some(DigitsNews::Problem(DigitsProblem::Load(reason(&e)))));
                    return;
                }
            };
            let mut list = Vec::new();
            let mut unreadable = Vec::new();
            for (key, bytes, facts) in records {
                match MyDigit::from_record(&key, &bytes, &facts) {
                    Ok(d) => list.push(d),
                    Err(_) => unreadable.push(key),
                }
            }
            // Digits labelled in this tab while the store was read stay, those it deleted
            // meanwhile stay deleted; others not in the store were deleted by another tab.
            let recent = me.added.get_value();
            let gone = me.deleted.get_value();
            list.retain(|d| !gone.contains(&d.key));
            me.list.update(|l| {
                let added: Vec<MyDigit> = std::mem::take(l)
                    .into_iter()
                    .filter(|d| recent.contains(&d.key) && list.iter().all(|k| k.key != d.key))
                    .collect();
                list.extend(added);
                *l = in_order(std::mem::take(&mut list));
            });
            if !unreadable.is_empty() {
                let n = unreadable.len();
                for key in unreadable {
                    let _ = storage::delete_bytes(Store::MyDigits, &key).await;
                }
                me.news
                    .set(Some(DigitsNews::Problem(DigitsProblem::Unreadable(n))));
            }
        });
    }

    /// Stores the drawing `input` (the prepared 28×28 input) labelled `label`; once stored it
    /// joins the list and `then` runs.
    pub fn add(&self, label: u8, input: &[f32], then: impl FnOnce() + 'static) {
        let seq = self.list.with_untracked(|l| next_seq(l)) + self.in_flight.get_value();
        let key = digit_key(js_sys::Date::now(), js_sys::Math::random());
        let Some(digit) = MyDigit::new(key, seq, label, input) else {
            return;
        };
        let me = *self;
        self.in_flight.update_value(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let stored =
                storage::put_bytes(Store::MyDigits, &digit.key, &digit.pixels, &digit.facts())
                    .await;
            me.in_flight.update_value(|n| *n -= 1);
            match stored {
                Ok(()) => {
                    me.added.update_value(|a| a.push(digit.key.clone()));
                    me.list.update(|l| l.push(digit));
                    tell_other_tabs(CHANNEL);
                    let count = me.list.with_untracked(Vec::len);
                    me.news.set(Some(DigitsNews::Added { label, count }));
                    then();
                }
                Err(e) => me
                    .news
                    .set(Some(DigitsNews::Problem(DigitsProblem::Save(reason(&e))))),
            }
        });
    }

    /// Deletes the digit stored under `key`; once deleted it leaves the list and `then` runs.
    pub fn delete(&self, key: String, then: impl FnOnce() + 'static) {
        let Some((seq, label)) = self
            .list
            .with_untracked(|l| l.iter().find(|d| d.key == key).map(|d| (d.seq, d.label)))
        else {
            return;
        };
        let me = *self;
        leptos::task::spawn_local(async move {
            match storage::delete_bytes(Store::MyDigits, &key).await {
                Ok(()) => {
                    me.deleted.update_value(|d| d.push(key.clone()));
                    me.list.update(|l| l.retain(|d| d.key != key));
                    tell_other_tabs(CHANNEL);
                    me.news.set(Some(DigitsNews::Deleted { seq, label }));
                    then();
                }
                Err(e) => me
                    .news
                    .set(Some(DigitsNews::Problem(DigitsProblem::Delete(reason(&e))))),
            }
        });
    }
}

/// Provides [`YourDigits`] and reads them from storage.
pub fn provide_your_digits() -> YourDigits {
    let me = YourDigits {
        list: RwSignal::new(Vec::new()),
        news: RwSignal::new(None),
        report: RwSignal::new(None),
        loaded: RwSignal::new(false),
        in_flight: StoredValue::new(0),
        added: StoredValue::new(Vec::new()),
        deleted: StoredValue::new(Vec::new()),
        reads: StoredValue::new(0),
    };
    provide_context(me);
    me.load();
    listen_to_other_tabs(CHANNEL, move || me.load());
    me
}

/// Your digits provided by [`provide_your_digits`].
pub fn use_your_digits() -> YourDigits {
    expect_context::<YourDigits>()
}
