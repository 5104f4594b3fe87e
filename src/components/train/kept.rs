//! The My models panel: every kept model in one table (its run's settings, the set it trained
//! on, time, speed and held-out accuracy), with Use, Export and Delete for each.

use super::compare::CompareChart;
use super::files::download;
use crate::components::context::arch::use_arch;
use crate::components::context::kept::KeptNews;
use crate::components::context::train_link::use_train_link;
use crate::components::context::{use_lang, use_text};
use crate::lang::Lang;
use crate::nn::summary::group_thousands;
use crate::text::{fill, text};
use crate::train::kept::{KeptModel, Origin};
use crate::train::protocol::Status;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// A moment as the page's language writes it, to the second (runs a minute apart are told
/// apart).
fn when(ms: f64, lang: Lang) -> String {
    let opts = js_sys::Object::new();
    for (k, v) in [
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    let locale = match lang {
        Lang::En => "en-GB",
        Lang::Ko => "ko-KR",
    };
    String::from(js_sys::Date::new(&JsValue::from_f64(ms)).to_locale_string(locale, &opts))
}

/// Epochs as a learner counts them: whole ones plainly, a run stopped mid-epoch to two places.
fn epochs(e: f32) -> String {
    if e.fract() == 0.0 {
        format!("{e:.0}")
    } else {
        format!("{e:.2}")
    }
}

/// What a cell shows when the fact does not apply (an imported model has no run).
const DASH: &str = "–";

/// One kept model's row.
#[component]
fn Row(model: KeptModel) -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let link = use_train_link();
    let my = link.my;
    let KeptModel { id, facts } = model;
    let created = facts.created_ms;
    let stamp = move || match facts.origin {
        Origin::Earlier if created == 0.0 => t().kept.origin_earlier.to_string(),
        _ => when(created, lang.get()),
    };
    let current = {
        let id = id.clone();
        Memo::new(move |_| my.current.with(|c| c.as_deref() == Some(id.as_str())))
    };
    let how = {
        let settings = facts.settings.clone();
        move || match (&settings, facts.origin) {
            (Some(s), _) => format!("{} ({})", if s.sgd { "SGD" } else { "Adam" }, s.lr),
            (None, Origin::Imported) => t().kept.origin_imported.to_string(),
            (None, _) => t().kept.origin_earlier.to_string(),
        }
    };
    let trained = facts.origin == Origin::Trained;
    let outline = {
        let arch = facts.arch.clone();
        move || arch.outline(t().model.outline_pool)
    };
    let params = group_thousands(facts.arch.to_model().num_params());
    let trained_on = facts.trained_on();
    let data = move || {
        trained_on
            .as_ref()
            .map_or_else(|| DASH.to_string(), |d| d.kept_line(lang.get()))
    };
    let arch = use_arch().edit;
    let accuracy = facts.accuracy.map(|a| format!("{:.2}", 100.0 * a));
    let batch = facts.settings.as_ref().map(|s| s.batch.to_string());
    let use_it = {
        let id = id.clone();
        move |_| {
            if link.status() == Some(Status::Running) {
                my.news.set(Some(KeptNews::UseRunning));
            } else {
                // The editor follows, so Start goes on training this model.
                my.use_model(id.clone(), move |a, bytes| {
                    arch.set(a);
                    link.load(bytes)
                });
            }
        }
    };
    let export = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                if let Some((_, bytes)) = my.weights(&id).await {
                    let _ = download(&bytes, &format!("convlab-{id}.safetensors"));
                }
            });
        }
    };
    let delete = move |_| my.delete(id.clone());
    let label = move |phrase: fn(&crate::text::Text) -> &'static str| {
        move || fill(phrase(t()), &[("when", stamp())])
    };
    view! {
        <tr data-testid="kept-model" aria-current=move || current.get().then_some("true")>
            <th scope="row">{stamp}
                {move || current.get().then(|| view! { " " <span class="badge" data-testid="kept-current">{move || t().kept.in_use}</span> })}
            </th>
            <td class="outline" translate="no" data-testid="kept-arch">{outline}</td>
            <td data-testid="kept-data">{data}</td>
            <td class="num">{params}</td>
            <td class="num" data-testid="kept-accuracy">{accuracy.unwrap_or_else(|| DASH.into())}</td>
            <td class="num">{if trained { epochs(facts.epochs) } else { DASH.into() }}</td>
            <td>{how}</td>
            <td class="num">{batch.unwrap_or_else(|| DASH.into())}</td>
            <td class="num">{move || if trained { fill(t().kept.seconds, &[("s", format!("{:.1}", facts.seconds))]) } else { DASH.into() }}</td>
            <td class="num">{if trained { format!("{:.0}", facts.images_per_sec) } else { DASH.into() }}</td>
            <td class="actions">
                <button type="button" data-testid="kept-use" aria-label=label(|t| t.kept.use_label)
                    disabled=current on:click=use_it>{move || t().kept.use_model}</button>
                <button type="button" data-testid="kept-export" aria-label=label(|t| t.kept.export_label)
                    on:click=export>{move || t().kept.export}</button>
                <button type="button" data-testid="kept-delete" aria-label=label(|t| t.kept.delete_label)
                    on:click=delete>{move || t().kept.delete}</button>
            </td>
        </tr>
    }
}

/// The panel.
#[component]
pub fn MyModelsPanel() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let my = use_train_link().my;
    let empty = move || my.list.with(|l| l.is_empty());
    let news = move || {
        let l = lang.get();
        my.news.get().map(|n| match n {
            KeptNews::UseRunning => (true, text(l).kept.use_running.to_string()),
            KeptNews::Used(ms) => (false, fill(text(l).kept.used, &[("when", when(ms, l))])),
            KeptNews::Deleted(ms) => (false, fill(text(l).kept.deleted, &[("when", when(ms, l))])),
            KeptNews::Failed(e) => (true, fill(text(l).kept.failed, &[("e", e)])),
        })
    };
    view! {
        <div class="subpanel kept-models" data-testid="kept-models">
            <h3>{move || t().kept.title}</h3>
            <p class="note">{move || t().kept.intro}</p>
            {move || empty().then(|| view! { <p class="note" data-testid="kept-empty">{move || t().kept.empty}</p> })}
            <div class="table-scroll" hidden=empty>
                <table class="kept" data-testid="compare-table">
                    <caption>{move || t().kept.caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().kept.col_when}</th>
                            <th scope="col">{move || t().kept.col_model}</th>
                            <th scope="col">{move || t().idx.kept_col_data}</th>
                            <th scope="col">{move || t().kept.col_params}</th>
                            <th scope="col">{move || t().kept.col_accuracy}</th>
                            <th scope="col">{move || t().kept.col_epochs}</th>
                            <th scope="col">{move || t().kept.col_optimizer}</th>
                            <th scope="col">{move || t().kept.col_batch}</th>
                            <th scope="col">{move || t().kept.col_time}</th>
                            <th scope="col">{move || t().kept.col_speed}</th>
                            <th scope="col"><span class="sr-only">{move || t().kept.col_actions}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || my.list.get() key=|k| (k.id.clone(), k.facts.saved_ms.to_bits()) children=|k| view! { <Row model=k/> }/>
                    </tbody>
                </table>
            </div>
            <CompareChart/>
            {move || news().map(|(bad, n)| view! {
                <p class=if bad { "error" } else { "note" } role=if bad { "alert" } else { "status" } data-testid="kept-message">{n}</p>
            })}
        </div>
    }
}
