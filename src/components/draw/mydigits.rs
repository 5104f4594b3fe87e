//! Your digits (`mydigits`): the labelled drawings as thumbnails of their 28×28 input with
//! their labels (each deletable), how many (`mydigits-count`), the export as IDX files, and
//! teaching the model Draw uses (`mydigits-finetune`) with the held-back digits read before and
//! after.

use crate::components::context::drawing::Drawing;
use crate::components::context::models::{model_of, Weights};
use crate::components::context::mydigits::{DigitsNews, YourDigits};
use crate::components::context::train_link::use_train_link;
use crate::components::context::{use_lang, use_text};
use crate::components::widgets::canvas::PixelMap;
use crate::components::widgets::download::download;
use crate::data::mydigits::{
    export, split, DigitsProblem, MyDigit, EXPORT_IMAGES, EXPORT_LABELS, HOLD_BACK_EVERY,
};
use crate::data::Mnist;
use crate::text::fill;
use crate::train::mydigits::{blocked, check, mix, teach_run, Report};
use crate::train::protocol::ToWorker;
use crate::viz::Picture;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// After a deletion, keyboard focus goes to the delete button now at `index` (the next digit's),
/// or the last one, or the panel's heading when none is left.
fn focus_after_delete(root: NodeRef<html::Div>, index: usize) {
    let Some(root) = root.get_untracked() else {
        return;
    };
    let buttons = root
        .query_selector_all("[data-testid=mydigits-delete]")
        .ok();
    let n = buttons.as_ref().map_or(0, |b| b.length());
    let el = match buttons {
        Some(b) if n > 0 => b.item((index as u32).min(n - 1)),
        _ => root.query_selector("h3").ok().flatten().map(Into::into),
    };
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// One digit: its thumbnail, label, whether it is held back, and its delete button.
#[component]
fn DigitItem(digit: MyDigit, mine: YourDigits, root: NodeRef<html::Div>) -> impl IntoView {
    let t = use_text();
    let (seq, label, held) = (digit.seq, digit.label, digit.held_back());
    let picture = Picture::digit(&digit.pixels);
    let names = [("k", seq.to_string()), ("d", label.to_string())];
    let names2 = names.clone();
    let key = digit.key.clone();
    let delete = move |_| {
        let index = mine
            .list
            .with_untracked(|l| l.iter().position(|d| d.key == key))
            .unwrap_or(0);
        // Once the list has redrawn without it.
        mine.delete(key.clone(), move || {
            request_animation_frame(move || focus_after_delete(root, index));
        });
    };
    view! {
        <li class="mydigit" class:held=held data-testid="mydigits-item" data-label=label data-seq=seq data-held=held.to_string()>
            <PixelMap pixels=Signal::derive(move || picture.clone()) testid="mydigits-thumb"
                label=Signal::derive(move || fill(if held { t().teach.thumb_held } else { t().teach.thumb }, &names))/>
            <span class="mydigit-label" aria-hidden="true">{label}</span>
            <span class="mydigit-seq" aria-hidden="true">"#"{seq}</span>
            {held.then(|| view! { <span class="tag" aria-hidden="true">{move || t().teach.held_tag}</span> })}
            <button type="button" class="mydigit-delete" data-testid="mydigits-delete"
                aria-label=move || fill(t().teach.delete, &names2)
                on:click=delete>"×"</button>
        </li>
    }
}

/// The Your digits panel.
#[component]
pub fn MyDigitsPanel(drawing: Drawing, mine: YourDigits) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let link = use_train_link();
    let root = NodeRef::<html::Div>::new();
    let list = mine.list;
    let count = move || list.with(Vec::len);
    let held = Memo::new(move |_| list.with(|l| split(l).1));
    // The model Draw uses, on the held-back digits; few images, so cheap.
    let now = Memo::new(move |_| {
        let reader = drawing.model.get()?;
        held.with(|h| (!h.is_empty()).then(|| reader.with(|m| check(m, h).ok())))
            .flatten()
    });
    // The held-back digits of the teaching run started last, as they were then.
    let checked = StoredValue::new(None::<Mnist>);
    let status = Signal::derive(move || link.status());
    let teaching = Signal::derive(move || link.teaching());
    let why = Memo::new(move |_| {
        let ready = drawing.model.with(Option::is_some)
            && matches!(drawing.weights.get(), Weights::Ready(_));
        list.with(|l| blocked(l, ready, status.get(), teaching.get()))
    });
    let report_line = NodeRef::<html::P>::new();
    let teach = move |_| {
        if why.get_untracked().is_some() {
            return;
        }
        let (Some(reader), Weights::Ready(bytes)) = (
            drawing.model.get_untracked(),
            drawing.weights.get_untracked(),
        ) else {
            return;
        };
        let Ok((arch, _)) = model_of(&bytes) else {
            return;
        };
        let digits = list.get_untracked();
        let (_, held) = split(&digits);
        let Ok(before) = reader.with(|m| check(m, &held)) else {
            return;
        };
        checked.set_value(Some(held));
        mine.report.set(Some(Report {
            before,
            after: None,
        }));
        // The worker teaches its own model: it gets Draw's first, unless it has it already.
        let has = link
            .state
            .with_untracked(|s| s.weights.as_deref() == Some(bytes.as_slice()));
        if !has {
            link.load(bytes.to_vec());
        }
        link.send(&ToWorker::Teach(teach_run(&digits, arch)));
        if let Some(p) = report_line.get_untracked() {
            let _ = p.focus();
        }
    };
    // Once the taught model is kept, Draw reads with it (the link switches it): how it reads
    // the same held-back digits now.
    link.on_taught(move || {
        let Some(reader) = drawing.model.get_untracked() else {
            return;
        };
        let after =
            checked.with_value(|h| h.as_ref().and_then(|h| reader.with(|m| check(m, h).ok())));
        mine.report.update(|r| {
            if let Some(r) = r {
                r.after = after;
            }
        });
    });
    let export_file = move |images: bool| {
        let (i, l) = list.with_untracked(|d| export(d));
        let sent = if images {
            download(&i, EXPORT_IMAGES)
        } else {
            download(&l, EXPORT_LABELS)
        };
        if let Err(e) = sent {
            let why = e.as_string().unwrap_or_else(|| "download".into());
            mine.news
                .set(Some(DigitsNews::Problem(DigitsProblem::Download(why))));
        }
    };
    let every = HOLD_BACK_EVERY.to_string();
    let every2 = every.clone();
    let (steps, batch, yours, rest) = mix();
    let news = move || {
        match mine.news.get()? {
        DigitsNews::Deleted { seq, label } => {
            let s = fill(
                t().teach.deleted,
                &[("k", seq.to_string()), ("d", label.to_string())],
            );
            Some(view! { <p class="note" role="status" data-testid="mydigits-news">{s}</p> }.into_any())
        }
        DigitsNews::Problem(p) if !matches!(p, DigitsProblem::Save(_)) => Some(
            view! { <p class="error" role="alert" data-testid="mydigits-error">{move || p.message(lang.get())}</p> }
                .into_any(),
        ),
        _ => None,
    }
    };
    let check_line = move || match now.get() {
        Some(c) => fill(
            t().teach.check_now,
            &[("a", c.right.to_string()), ("n", c.of.to_string())],
        ),
        None => fill(t().teach.check_none, &[("every", every2.clone())]),
    };
    view! {
        <div class="subpanel mydigits" data-testid="mydigits" node_ref=root>
            <h3 tabindex="-1">{move || t().teach.title}</h3>
            <p class="note">{move || fill(t().teach.intro, &[("every", every.clone())])}</p>
            <p class="mydigits-counts">
                <strong data-testid="mydigits-count">{move || t().teach.count(count())}</strong>
                {move || (held.with(|h| h.len()) > 0).then(|| view! {
                    " · "<span data-testid="mydigits-held">{move || fill(t().teach.count_held, &[("h", held.with(|h| h.len()).to_string())])}</span>
                })}
            </p>
            {news}
            {move || (count() == 0).then(|| view! { <p class="note" data-testid="mydigits-empty">{move || t().teach.empty}</p> })}
            <ul class="mydigits-list" aria-label=move || t().teach.list_label>
                <For each=move || list.get() key=|d| d.key.clone() let:digit>
                    <DigitItem digit mine root/>
                </For>
            </ul>
            <div class="buttons mydigits-export">
                <span>{move || t().teach.export_title}</span>
                <button type="button" data-testid="mydigits-export-images" disabled=move || count() == 0
                    on:click=move |_| export_file(true)>{move || t().teach.export_images}</button>
                <button type="button" data-testid="mydigits-export-labels" disabled=move || count() == 0
                    on:click=move |_| export_file(false)>{move || t().teach.export_labels}</button>
            </div>
            <p class="note">{move || t().teach.export_note}" "
                <code translate="no">{EXPORT_IMAGES}</code>", "<code translate="no">{EXPORT_LABELS}</code></p>
            <h4>{move || t().teach.teach_title}</h4>
            <p class="note">{move || t().teach.teach_intro}</p>
            <p data-testid="mydigits-mix">{move || fill(t().teach.teach_mix, &[
                ("steps", steps.to_string()), ("batch", batch.to_string()),
                ("yours", yours.to_string()), ("rest", rest.to_string()),
            ])}</p>
            <div class="buttons">
                <button type="button" data-testid="mydigits-finetune" on:click=teach
                    disabled=move || why.with(Option::is_some)
                    aria-describedby="mydigits-why">{move || t().teach.teach_button}</button>
            </div>
            <p id="mydigits-why" class="note" data-testid="mydigits-finetune-why">
                {move || why.get().map(|w| w.message(lang.get()))}
            </p>
            <p class="mydigits-check" data-testid="mydigits-check">{check_line}</p>
            <p class="mydigits-report" data-testid="mydigits-report" tabindex="-1" node_ref=report_line
                aria-live="polite">
                {move || mine.report.get().map(|r| r.line(teaching.get()).message(lang.get()))}
            </p>
        </div>
    }
}
