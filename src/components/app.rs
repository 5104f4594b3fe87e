//! The page: header with navigation and the language toggle, then one section per concept.

use super::context::arch::provide_arch;
use super::context::lang::{initial_lang, persist};
use super::context::mnist::provide_mnist;
use super::context::models::provide_models;
use super::context::train_link::provide_train_link;
use super::context::{use_lang, use_text};
use super::conv::ConvSection;
use super::draw::DrawSection;
use super::head::HeadSection;
use super::model::ModelSection;
use super::pool::PoolSection;
use super::train::TrainSection;
use crate::text::Phrase;
use leptos::prelude::*;

/// The sections of the page in order: each one's anchor and its name in the navigation.
const SECTIONS: &[(&str, Phrase)] = &[
    ("conv", |t| t.conv.title),
    ("pool", |t| t.pool.title),
    ("head", |t| t.head.title),
    ("model", |t| t.model.title),
    ("draw", |t| t.draw.title),
    ("train", |t| t.train.nav),
];

/// The whole app; owns the language signal.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    provide_mnist();
    provide_models();
    provide_arch();
    provide_train_link();
    Effect::new(move |_| persist(lang.get()));
    let t = use_text();
    view! {
        <Header/>
        <main id="content">
            <ConvSection/>
            <PoolSection/>
            <HeadSection/>
            <ModelSection/>
            <DrawSection/>
            <TrainSection/>
        </main>
        <footer class="site-footer">
            <p>{move || t().shell.footer_data}</p>
        </footer>
    }
}

/// Title, tagline, section links and the language toggle.
#[component]
fn Header() -> impl IntoView {
    let t = use_text();
    view! {
        <header class="site-header">
            <div class="brand">
                <h1 data-testid="app-title">{move || t().shell.app_title}</h1>
                <p class="tagline">{move || t().shell.tagline}</p>
            </div>
            <nav aria-label=move || t().shell.nav_label data-testid="nav">
                <ul>
                    {SECTIONS
                        .iter()
                        .map(|&(id, name)| {
                            view! {
                                <li>
                                    <a href=format!("#{id}") data-testid=format!("nav-{id}")>
                                        {move || name(t())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <LangToggle/>
        </header>
    }
}

/// Switches between 한국어 and English; shows the language it switches to.
#[component]
fn LangToggle() -> impl IntoView {
    let lang = use_lang();
    let t = use_text();
    view! {
        <button
            type="button"
            class="lang-toggle"
            data-testid="lang-toggle"
            aria-label=move || t().shell.lang_toggle_label
            lang=move || lang.get().other().code()
            on:click=move |_| lang.update(|l| *l = l.other())
        >
            {move || t().shell.lang_toggle_text}
        </button>
    }
}
