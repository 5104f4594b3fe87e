//! The learner's model as a file: export (a .safetensors download), import (checked in full
//! before anything changes), and forgetting the copy stored in this browser.

use crate::components::context::arch::use_arch;
use crate::components::context::models::{model_of, use_models};
use crate::components::context::train_link::use_train_link;
use crate::components::context::use_lang;
use crate::components::context::use_text;
use crate::text::fill;
use crate::train::protocol::Status;
use crate::viz::fmt_bytes;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `bytes` as a file download.
pub(super) fn download(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The largest weights file the page reads: far above the seed model's 217 KiB, far below what
/// would strain a tab.
pub const MAX_IMPORT_BYTES: usize = 8 << 20;

/// Export, import and forget, with the messages they produce.
#[component]
pub fn ModelFiles() -> impl IntoView {
    let t = use_text();
    let lang = use_lang();
    let link = use_train_link();
    let models = use_models();
    let use_arch_edit = use_arch().edit;
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<&'static str>);
    let export = move |_| {
        if let Some(bytes) = untrack(|| link.weights()) {
            let _ = download(&bytes, "convlab-mnist-cnn.safetensors");
        }
    };
    let import = move |ev: web_sys::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if link.status() == Some(Status::Running) {
            error.set(Some(t().train.import_running.to_string()));
            return;
        }
        // Refused before it is read: reading copies the whole file into the page's memory.
        if file.size() > MAX_IMPORT_BYTES as f64 {
            note.set(None);
            error.set(Some(fill(
                t().train.import_too_large,
                &[
                    ("size", fmt_bytes(file.size())),
                    ("max", fmt_bytes(MAX_IMPORT_BYTES as f64)),
                ],
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    note.set(None);
                    error.set(Some(t().train.import_unreadable.to_string()));
                    return;
                }
            };
            match model_of(&bytes) {
                Ok((arch, model)) => {
                    // Only the checked weights and their architecture go on, written afresh:
                    // nothing else the file held (metadata of any size) is kept, sent or
                    // stored.
                    let bytes = arch.export(&model);
                    use_arch_edit.set(arch.clone());
                    error.set(None);
                    note.set(Some(t().train.imported));
                    link.load(bytes.clone());
                    link.my.keep_import(bytes, arch);
                }
                Err(e) => {
                    note.set(None);
                    error.set(Some(fill(
                        t().train.import_refused,
                        &[("e", e.message(lang.get_untracked()))],
                    )));
                }
            }
        });
    };
    let forget = move |_| {
        link.my.delete_current();
        note.set(Some(t().train.forgotten));
    };
    let id = "field-model-import";
    view! {
        <div class="subpanel model-files">
            <h3>{move || t().train.model_title}</h3>
            {move || link.my.restored.get().map(|acc| view! {
                <p class="note" data-testid="model-restored">{fill(t().train.restored, &[("a", acc.map(|a| format!("{a:.2}")).unwrap_or_else(|| "?".into()))])}</p>
            })}
            {move || (models.trained.with(|t| t.is_some()) && link.my.saved.with(|s| matches!(s, Some(Ok(()))))).then(|| view! { <p class="note" data-testid="model-saved">{move || t().train.saved}</p> })}
            {move || link.my.saved.get().and_then(|s| s.err()).map(|e| view! { <p class="error" role="alert" data-testid="model-save-error">{move || fill(t().train.save_failed, &[("e", e.clone())])}</p> })}
            <div class="buttons">
                <button type="button" data-testid="model-export" on:click=export
                    disabled=move || link.weights().is_none()>{move || t().train.export}</button>
                <label class="file-button" for=id>
                    <span>{move || t().train.import}</span>
                    <input id=id type="file" accept=".safetensors,application/octet-stream" data-testid="model-import" on:change=import/>
                </label>
                <button type="button" data-testid="model-forget" on:click=forget
                    disabled=move || link.my.current.with(|c| c.is_none())>{move || t().train.forget}</button>
            </div>
            <p class="note">{move || t().train.export_note}</p>
            {move || note.get().map(|n| view! { <p class="note" role="status">{n}</p> })}
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="model-error">{e}</p> })}
        </div>
    }
}
