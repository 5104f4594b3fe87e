//! The prediction for the drawing: the class (`draw-prediction`), ten probability bars
//! (`draw-prob-D`), and the numbers as the seed prints them (logits, probs, pred). Classes are
//! named as the model in use learned them: digits, or (a model trained on Fashion-MNIST or the
//! learner's own set) that set's names, with a sentence saying so.

use crate::components::context::drawing::{use_drawing, Choice};
use crate::components::context::models::use_models;
use crate::components::context::{use_lang, use_text};
use crate::data::DataKind;
use crate::nn::classify;
use crate::text::fill;
use crate::viz::fmt_num;
use leptos::prelude::*;

/// `logits` is `None` while nothing is drawn: then every number is empty.
#[component]
pub fn Prediction(#[prop(into)] logits: Signal<Option<Vec<f32>>>) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let models = use_models();
    let choice = use_drawing().choice;
    // What the model in use learned: the pretrained one, digits; the learner's, its set's kind.
    let kind = Memo::new(
        move |_| match (choice.get(), models.trained.with(|m| m.is_some())) {
            (Choice::Trained, true) => models
                .trained_on
                .with(|d| d.as_ref().map(|d| d.kind.clone()))
                .unwrap_or_default(),
            _ => DataKind::Digits,
        },
    );
    let name = move |k: usize| kind.with(|kind| kind.class_name(k, lang.get()));
    let note = move || match kind.get() {
        DataKind::Digits => None,
        DataKind::Fashion => Some(t().idx.draw_fashion),
        DataKind::Other { .. } => Some(t().idx.draw_other),
    };
    let result = Memo::new(move |_| logits.with(|l| l.as_deref().map(classify)));
    let bars = (0..10)
        .map(|d| {
            let p = move || result.with(|r| r.as_ref().map(|(p, _)| p[d]));
            view! {
                <div class="bar-row" class:winner=move || result.with(|r| r.as_ref().is_some_and(|(_, a)| *a == d))>
                    <span class="digit">{move || name(d)}</span>
                    // Scaled, not resized: a bar that follows the pen then costs the page no layout.
                    <div class="bar-track"><div class="bar scaled" style:transform=move || format!("scaleX({:.4})", p().unwrap_or(0.0))></div></div>
                    <span class="num" data-testid=format!("draw-prob-{d}") aria-label=move || if kind.with(|k| *k == DataKind::Digits) {
                        fill(t().draw.prob_label, &[("d", d.to_string())])
                    } else {
                        fill(t().idx.class_prob_label, &[("d", name(d))])
                    }>
                        {move || p().map(|v| format!("{v:.4}")).unwrap_or_default()}
                    </span>
                </div>
            }
        })
        .collect_view();
    let seed_format = move || {
        let l = logits.get()?;
        let (p, a) = result.get()?;
        let list = |v: &[f32], f: &dyn Fn(f32) -> String| {
            v.iter().map(|&x| f(x)).collect::<Vec<_>>().join(", ")
        };
        Some(format!(
            "logits: [{}]\nprobs:  [{}]\npred:   {a}",
            list(&l, &|x| fmt_num(x)),
            list(&p, &|x| format!("{x:.4}")),
        ))
    };
    view! {
        // Only the digit is announced, when it changes: the numbers change with every move of
        // the pen, which would keep a screen reader talking.
        <div class="subpanel prediction" class:named=move || kind.with(|k| *k != DataKind::Digits)>
            {move || note().map(|n| view! { <p class="note" data-testid="draw-kind-note">{n}</p> })}
            <p class="predicted" aria-live="polite">
                <span>{move || t().draw.prediction}": "</span>
                <strong data-testid="draw-prediction">{move || result.with(|r| r.as_ref().map(|(_, a)| name(*a)).unwrap_or_default())}</strong>
                // Cleared, the digit goes: a screen reader hears why, from the live line.
                {move || result.with(|r| r.is_none()).then(|| view! { <span class="sr-only">{move || t().draw.empty}</span> })}
            </p>
            {move || result.with(|r| r.is_none()).then(|| view! { <p class="note" data-testid="draw-empty">{move || t().draw.empty}</p> })}
            <div class="bars">{bars}</div>
            <pre class="code seed-format" translate="no" data-testid="draw-seed-format">{seed_format}</pre>
        </div>
    }
}
