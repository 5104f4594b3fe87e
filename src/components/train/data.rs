//! The Data panel at the top of the Train section: which set trains and tests (`data-source`),
//! the official IDX files in (`data-import`, a file input inside a drop zone), what their images
//! are (`data-kind`, and the ten names of "something else"), and the way back to the built-in
//! digits, back to the import, or to delete it. The rules are `data::choice`; the reading and
//! storage are the data context's.

use crate::components::context::data::use_data;
use crate::components::context::train_link::use_train_link;
use crate::components::context::{use_lang, use_text};
use crate::data::{DataKind, CLASSES};
use crate::text::fill;
use crate::train::protocol::Status;
use leptos::prelude::*;

/// The files of a file list, in order.
fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The kind as the select's value.
fn value(kind: &DataKind) -> &'static str {
    match kind {
        DataKind::Digits => "digits",
        DataKind::Fashion => "fashion",
        DataKind::Other { .. } => "other",
    }
}

/// The ten names of "something else", each its own field.
#[component]
fn ClassNames() -> impl IntoView {
    let t = use_text();
    let data = use_data();
    let names = Memo::new(move |_| {
        data.choice.with(|c| match c.kind() {
            DataKind::Other { names } => Some(names.clone()),
            _ => None,
        })
    });
    let field = move |k: usize| {
        let id = format!("field-data-class-{k}");
        let label_for = id.clone();
        let label = move || fill(t().idx.class_label, &[("k", k.to_string())]);
        view! {
            <label class="field class-name" for=label_for>
                <span>{label}</span>
                <input id=id type="text" maxlength="40" data-testid=format!("data-class-{k}")
                    placeholder=move || fill(t().idx.class_other, &[("k", k.to_string())])
                    prop:value=move || names.with(|n| n.as_ref().map(|n| n[k].clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let Some(mut n) = names.get_untracked() else { return };
                        n[k] = event_target_value(&ev);
                        data.set_kind(DataKind::Other { names: n });
                    }/>
            </label>
        }
    };
    move || {
        names.with(|n| n.is_some()).then(|| {
            view! {
                <div class="class-names" data-testid="data-class-names">
                    {(0..CLASSES).map(field).collect_view()}
                </div>
            }
        })
    }
}

/// The panel.
#[component]
pub fn DataPanel() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let data = use_data();
    let link = use_train_link();
    let running = move || link.status() == Some(Status::Running);
    let choice = data.choice;
    let reading = move || {
        choice.with(|c| {
            if let Some(r) = c.reading() {
                Some(fill(
                    t().idx.reading,
                    &[
                        ("file", crate::nn::error::quoted(&r.name)),
                        ("i", r.file.to_string()),
                        ("n", r.files.to_string()),
                    ],
                ))
            } else {
                c.loading().then(|| t().idx.loading_stored.to_string())
            }
        })
    };
    let on_change = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let given = files(input.files());
        // Cleared, so choosing the same files again (after fixing one) reads them again.
        input.set_value("");
        data.import(given, untrack(running));
    };
    let dragging = RwSignal::new(false);
    let on_drag = move |ev: web_sys::DragEvent| {
        // Without this the browser opens a dropped file instead of giving it to the page.
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("copy");
        }
        dragging.set(true);
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let given = files(ev.data_transfer().and_then(|dt| dt.files()));
        data.import(given, untrack(running));
    };
    let on_kind = move |ev: web_sys::Event| {
        let kind = match event_target_value(&ev).as_str() {
            "fashion" => DataKind::Fashion,
            "other" => match choice.with_untracked(|c| c.kind().clone()) {
                other @ DataKind::Other { .. } => other,
                _ => DataKind::other(),
            },
            _ => DataKind::Digits,
        };
        data.set_kind(kind);
    };
    let imported = move || choice.with(|c| c.has_imported());
    let in_use = move || choice.with(|c| c.uses_imported());
    let busy = move || choice.with(|c| c.reading().is_some() || c.loading());
    let news = move || {
        let l = lang.get();
        choice.with(|c| c.news().map(|n| (n.is_bad(), n.message(l))))
    };
    let input_id = "field-data-import";
    let kind_id = "field-data-kind";
    view! {
        <div class="subpanel data-panel" data-testid="data">
            <h3>{move || t().idx.panel_title}</h3>
            <p class="note">{move || t().idx.panel_intro}</p>
            <p class="data-in-use">
                {move || t().idx.source_label} ": "
                <strong data-testid="data-source">{move || data.source.with(|s| s.sentence(lang.get()))}</strong>
            </p>
            <div class="drop-zone" class:dragging=move || dragging.get() data-testid="data-drop"
                on:dragenter=on_drag on:dragover=on_drag on:dragleave=move |_| dragging.set(false) on:drop=on_drop>
                // No `accept`: the official files are named without an extension, raw, or end in .gz.
                <label class="file-button" for=input_id>
                    <span>{move || t().idx.import_label}</span>
                    <input id=input_id type="file" multiple data-testid="data-import"
                        disabled=busy on:change=on_change/>
                </label>
                <p class="note">{move || t().idx.drop_hint}</p>
            </div>
            {move || reading().map(|r| view! {
                <p class="loading-line" role="status" data-testid="data-reading">
                    <progress aria-label=r.clone()></progress> " " {r}
                </p>
            })}
            <label class="field" for=kind_id>
                <span>{move || t().idx.kind_label}</span>
                <select id=kind_id data-testid="data-kind" prop:value=move || choice.with(|c| value(c.kind())) on:change=on_kind>
                    <option value="digits">{move || t().idx.kind_digits}</option>
                    <option value="fashion">{move || t().idx.kind_fashion}</option>
                    <option value="other">{move || t().idx.kind_other}</option>
                </select>
            </label>
            <p class="note">{move || t().idx.kind_note}</p>
            <ClassNames/>
            <div class="buttons">
                {move || in_use().then(|| view! {
                    <button type="button" data-testid="data-builtin" disabled=busy
                        on:click=move |_| data.use_built_in(untrack(running))>{move || t().idx.built_in}</button>
                })}
                {move || (imported() && !in_use()).then(|| view! {
                    <button type="button" data-testid="data-use-kept" disabled=busy
                        on:click=move |_| data.use_imported(untrack(running))>{move || t().idx.use_kept}</button>
                })}
                {move || imported().then(|| view! {
                    <button type="button" data-testid="data-delete" disabled=busy
                        on:click=move |_| data.delete(untrack(running))>{move || t().idx.delete}</button>
                })}
            </div>
            {move || news().map(|(bad, n)| view! {
                <p class=if bad { "error" } else { "note" } role=if bad { "alert" } else { "status" } data-testid="data-message">{n}</p>
            })}
            <p class="note">{move || t().idx.where_to_get}</p>
        </div>
    }
}
