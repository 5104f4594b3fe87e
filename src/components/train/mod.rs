//! The Train section: the data it trains on, settings, the run's controls and progress, and the
//! panels that show what the model learns.

use crate::text::fill;
mod charts;
mod compare;
mod data;
mod eval;
mod files;
mod kept;

use crate::components::context::arch::use_arch;
use crate::components::context::data::use_data;
use crate::components::context::train_link::use_train_link;
use crate::components::context::{use_lang, use_text};
use crate::nn::arch::{ArchPreset, ArchSettings};
use crate::nn::summary::group_thousands;
use crate::text::errors::setting_name;
use crate::text::Phrase;
use crate::train::protocol::{Settings, Status, ToWorker, WorkerError};
use crate::train::Setting;
use charts::Charts;
use data::DataPanel;
use eval::{Confusion, Mistakes, Watch};
use files::ModelFiles;
use kept::MyModelsPanel;
use leptos::prelude::*;

/// A labelled number input. `parse` turns text into a value or `None` (refused).
#[component]
fn SettingField(
    label: Phrase,
    testid: &'static str,
    value: Signal<String>,
    on_text: Callback<String, bool>,
    #[prop(default = "any")] step: &'static str,
) -> impl IntoView {
    let t = use_text();
    let id = format!("field-{testid}");
    let label_for = id.clone();
    view! {
        <label class="field" for=label_for>
            <span>{move || label(t())}</span>
            <input id=id type="number" step=step data-testid=testid prop:value=move || value.get()
                on:input=move |ev| {
                    if !on_text.run(event_target_value(&ev)) {
                        let el = event_target::<web_sys::HtmlInputElement>(&ev);
                        el.set_value(&value.get_untracked());
                    }
                }
                on:change=move |ev| {
                    let el = event_target::<web_sys::HtmlInputElement>(&ev);
                    el.set_value(&value.get_untracked());
                }/>
        </label>
    }
}

/// The settings form and the Start / Pause / Step / Reset buttons. `settings` is what Start
/// sends; an edit goes to `own` (this section's settings) or, for the dropout p, to the editor.
#[component]
fn Controls(own: RwSignal<Settings>, settings: Memo<Settings>) -> impl IntoView {
    let t = use_text();
    let link = use_train_link();
    let arch = use_arch();
    let message = RwSignal::new(None::<String>);
    // Only a run blocks the controls: a command given while the worker loads waits for it. A
    // worker the page gave up on takes nothing.
    let running = move || link.status() == Some(Status::Running);
    let gone = move || {
        link.state
            .with(|s| matches!(s.error, Some(WorkerError::Dead(_))))
    };
    // A run waits for the set it is to train on (files being read, a kept set on its way).
    let data = use_data();
    let waiting = move || data.busy();
    let lang = use_lang();
    // Every setting goes through here: refused with a message while a run is going.
    let edit = move |field: Setting, apply: fn(&mut Settings, &str) -> bool| {
        Callback::new(move |text: String| {
            if running() {
                message.set(Some(t().train.refused_running.to_string()));
                return false;
            }
            let mut next = settings.get_untracked();
            if !apply(&mut next, text.trim()) || next.config().validate().is_err() {
                // Half-typed numbers are normal; say so only for a complete, wrong one.
                if !text.trim().is_empty() && text.trim().parse::<f64>().is_ok() {
                    message.set(Some(fill(
                        t().train.bad_setting,
                        &[(
                            "field",
                            setting_name(lang.get_untracked(), field).to_string(),
                        )],
                    )));
                }
                return true;
            }
            message.set(None);
            if arch.edit.with_untracked(|a| a.dropout != next.dropout) {
                arch.edit.update(|a| a.dropout = next.dropout);
            }
            own.set(next);
            true
        })
    };
    let status = move || link.status().unwrap_or(Status::Loading);
    // A run whose last evaluation was at chance is not kept; say so, with its numbers.
    let verdict = move || {
        link.state.with(|s| {
            let e = s.epochs.last().filter(|_| s.learned_nothing)?;
            Some(fill(
                t().train.learned_nothing,
                &[
                    ("e", (e.epoch + 1).to_string()),
                    ("a", format!("{:.1}", 100.0 * e.test_accuracy)),
                ],
            ))
        })
    };
    let changed_while_paused = move || {
        status() == Status::Paused
            && link
                .run_settings
                .with(|r| r.as_ref().is_some_and(|r| settings.with(|s| s != r)))
    };
    let pause_or_resume = move |_| match status() {
        Status::Running => link.send(&ToWorker::Pause),
        Status::Paused => link.send(&ToWorker::Resume),
        _ => {}
    };
    view! {
        <div class="train-controls">
            <div class="fields">
                <SettingField label=|t| t.train.epochs testid="train-epochs" step="1" value=Signal::derive(move || settings.with(|s| s.epochs.to_string()))
                    on_text=edit(Setting::Epochs, |s, t| t.parse().map(|v| s.epochs = v).is_ok())/>
                <SettingField label=|t| t.train.batch testid="train-batch" step="1" value=Signal::derive(move || settings.with(|s| s.batch.to_string()))
                    on_text=edit(Setting::Batch, |s, t| t.parse().map(|v| s.batch = v).is_ok())/>
                <SettingField label=|t| t.train.lr testid="train-lr" value=Signal::derive(move || settings.with(|s| s.lr.to_string()))
                    on_text=edit(Setting::Lr, |s, t| t.parse().map(|v| s.lr = v).is_ok())/>
                <SettingField label=|t| t.train.dropout testid="train-dropout" value=Signal::derive(move || arch.edit.with(|a| a.dropout.to_string()))
                    on_text=edit(Setting::Dropout, |s, t| t.parse().map(|v| s.dropout = v).is_ok())/>
                <SettingField label=|t| t.train.seed testid="train-seed" step="1" value=Signal::derive(move || settings.with(|s| s.seed.to_string()))
                    on_text=edit(Setting::Seed, |s, t| t.parse().map(|v| s.seed = v).is_ok())/>
                <label class="field">
                    <span>{move || t().train.optimizer}</span>
                    <select data-testid="train-optimizer" prop:value=move || if settings.with(|s| s.sgd) { "sgd" } else { "adam" }
                        on:change=move |ev| {
                            let sgd = event_target_value(&ev) == "sgd";
                            if running() {
                                message.set(Some(t().train.refused_running.to_string()));
                                let el = event_target::<web_sys::HtmlSelectElement>(&ev);
                                el.set_value(if settings.with_untracked(|s| s.sgd) { "sgd" } else { "adam" });
                            } else {
                                own.update(|s| s.sgd = sgd);
                            }
                        }>
                        <option value="adam">{move || t().train.adam}</option>
                        <option value="sgd">{move || t().train.sgd}</option>
                    </select>
                </label>
            </div>
            <div class="buttons">
                <button type="button" data-testid="train-start" disabled=move || running() || gone() || waiting()
                    on:click=move |_| link.send(&ToWorker::Start(settings.get_untracked()))>{move || t().train.start}</button>
                <button type="button" data-testid="train-pause" disabled=move || !matches!(status(), Status::Running | Status::Paused)
                    on:click=pause_or_resume>{move || if status() == Status::Paused { t().train.resume } else { t().train.pause }}</button>
                <button type="button" data-testid="train-step" disabled=move || running() || gone() || waiting()
                    on:click=move |_| link.send(&ToWorker::Step(settings.get_untracked()))>{move || t().train.step}</button>
                <button type="button" data-testid="train-reset" disabled=gone
                    on:click=move |_| link.send(&ToWorker::Reset(settings.get_untracked()))>{move || t().train.reset}</button>
            </div>
            // The state in the page's language; the stable English word stays for tests and
            // tools, hidden from readers and screen readers.
            <p class="status-line" role="status">
                {move || t().train.status} ": "
                <strong>{move || t().train.state(status())}</strong>
                <span class="sr-only" aria-hidden="true" data-testid="train-status" translate="no">{move || status().word()}</span>
            </p>
            {move || (status() == Status::Loading).then(|| view! {
                <p class="loading-line" data-testid="train-loading">
                    <progress aria-label=move || t().train.loading></progress>
                    " " {move || t().train.loading}
                </p>
            })}
            {move || message.get().map(|m| view! { <p class="error" role="alert" data-testid="train-message">{m}</p> })}
            {move || link.state.with(|s| s.error.clone()).or_else(|| link.my.unreadable.get()).map(|e| view! { <p class="error" role="alert" data-testid="train-error">{move || e.message(lang.get())}</p> })}
            {move || verdict().map(|v| view! { <p class="note" role="status" data-testid="train-verdict">{v}</p> })}
            {move || changed_while_paused().then(|| view! { <p class="note" data-testid="train-note">{move || t().train.settings_next_start}</p> })}
        </div>
    }
}

/// The progress bar and the four numbers.
#[component]
fn Progress(settings: Memo<Settings>) -> impl IntoView {
    let t = use_text();
    let link = use_train_link();
    let last = move || link.state.with(|s| s.last.clone());
    let test_acc = move || {
        link.state
            .with(|s| s.test_accuracy())
            .map(|a| 100.0 * a)
            .or_else(|| link.my.restored.get().flatten())
    };
    let line = move || {
        let b = last()?;
        if link.status() == Some(Status::Paused) {
            return Some(fill(
                t().train.progress_paused,
                &[
                    ("e", (b.epoch + 1).to_string()),
                    ("en", (b.total / b.batches.max(1)).to_string()),
                    ("b", b.batch.to_string()),
                    ("bn", b.batches.to_string()),
                ],
            ));
        }
        let eta = link
            .state
            .with(|s| s.eta_seconds(settings.with(|s| s.batch)))?;
        Some(fill(
            t().train.progress,
            &[
                ("e", (b.epoch + 1).to_string()),
                ("en", (b.total / b.batches.max(1)).to_string()),
                ("b", b.batch.to_string()),
                ("bn", b.batches.to_string()),
                ("ips", format!("{:.0}", b.images_per_sec)),
                ("eta", format!("{eta:.0}")),
            ],
        ))
    };
    view! {
        <div class="train-progress">
            <progress data-testid="train-progress" aria-label=move || t().train.progress_label
                max=move || last().map_or(1, |b| b.total) value=move || last().map_or(0, |b| b.step)></progress>
            <p>{line}</p>
            <dl class="stats">
                <div><dt>{move || t().train.epoch_label}</dt><dd data-testid="train-epoch">{move || last().map(|b| (b.epoch + 1).to_string()).unwrap_or_default()}</dd></div>
                <div><dt>{move || t().train.loss_label}</dt><dd data-testid="train-loss">{move || last().map(|b| format!("{:.4}", b.loss)).unwrap_or_default()}</dd></div>
                <div><dt>{move || t().train.test_acc_label}</dt><dd data-testid="train-test-acc">{move || test_acc().map(|a| format!("{a:.2}")).unwrap_or_default()}</dd></div>
                <div><dt>{move || t().train.throughput_label}</dt><dd data-testid="train-throughput">{move || last().map(|b| format!("{:.0}", b.images_per_sec)).unwrap_or_default()}</dd></div>
                <div><dt>{move || t().train.workers_label}</dt><dd data-testid="train-workers">{move || last().map(|b| b.workers.to_string()).unwrap_or_default()}</dd></div>
            </dl>
        </div>
    }
}

/// Which model Start trains (`train-model`), and whether it starts from fresh weights.
#[component]
fn TrainModel(settings: Memo<Settings>) -> impl IntoView {
    let t = use_text();
    let link = use_train_link();
    // The architecture of the weights in the worker, from the file's own metadata.
    let current = Memo::new(move |_| {
        link.state.with(|s| {
            s.weights
                .as_deref()
                .and_then(|w| ArchSettings::stated_in(w).ok())
        })
    });
    // During a run, the run's model; otherwise the editor's, which Start would train.
    let shown = Memo::new(move |_| {
        let in_run = matches!(link.status(), Some(Status::Running | Status::Paused));
        link.run_settings
            .with(|r| r.as_ref().filter(|_| in_run).map(|r| r.arch.clone()))
            .unwrap_or_else(|| settings.with(|s| s.arch.clone()))
    });
    // The outline is notation, not words: it is set apart so no translator touches it.
    let line = move || {
        shown.with(|a| {
            let params = a.to_model().num_params();
            let values = [
                ("name", t().model.preset(ArchPreset::of(a)).to_string()),
                ("p", group_thousands(params)),
            ];
            let template = t().train.model_line;
            let (before, after) = template.split_once("{outline}").unwrap_or((template, ""));
            view! {
                {fill(before, &values)}
                <span class="outline" translate="no">{a.outline(t().model.outline_pool)}</span>
                {fill(after, &values)}
            }
        })
    };
    let fresh = move || {
        current.with(|c| {
            c.as_ref()
                .is_some_and(|c| settings.with(|s| !c.same_weights(&s.arch)))
        })
    };
    view! {
        <p class="train-model" data-testid="train-model">
            {line}
            {move || fresh().then(|| view! { " " <span data-testid="train-model-fresh">{move || t().train.model_fresh}</span> })}
        </p>
    }
}

/// The whole section.
#[component]
pub fn TrainSection() -> impl IntoView {
    let t = use_text();
    let link = use_train_link();
    // Start trains the editor's architecture (the last one that can be trained), and the
    // dropout p is the editor's too: one number with one owner, `arch.edit`, that both fields
    // read and write. Only the rest of the settings belong to this section (`own`, whose
    // `dropout` and `arch` are never read).
    let arch = use_arch();
    let own = RwSignal::new(Settings::default());
    let settings = Memo::new(move |_| {
        let a = arch.valid.get();
        Settings {
            dropout: a.dropout,
            arch: a,
            ..own.get()
        }
    });
    view! {
        <section id="train" class="panel" data-testid="train" aria-labelledby="train-title"
            data-worker=move || link.script.get()
            data-ready=move || link.state.with(|s| s.ready).to_string()
            on:focusin=move |_| link.wake() on:pointerdown=move |_| link.wake()>
            <h2 id="train-title">{move || t().train.title}</h2>
            <p>{move || t().train.intro}</p>
            <DataPanel/>
            <TrainModel settings/>
            <Controls own settings/>
            <Progress settings/>
            <Charts/>
            <div class="train-panels">
                <Confusion/>
                <Mistakes/>
            </div>
            <Watch/>
            <ModelFiles/>
            <MyModelsPanel/>
        </section>
    }
}
