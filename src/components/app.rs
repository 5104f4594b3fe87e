//! The page: header with navigation and the language toggle, then one section per concept.

use super::conv_section::ConvSection;
use super::draw_section::DrawSection;
use super::head_section::HeadSection;
use super::i18n::{strings, Strings};
use super::lang_state::{initial_lang, persist, use_lang};
use super::mnist_data::provide_mnist;
use super::model_summary::ModelSection;
use super::models::provide_models;
use super::pool_section::PoolSection;
use super::train_link::provide_train_link;
use super::train_section::TrainSection;
use leptos::prelude::*;

/// A section of the page: its anchor and its heading. Only sections with content are listed.
struct SectionLink {
    id: &'static str,
    title: fn(&Strings) -> &'static str,
}

const SECTIONS: &[SectionLink] = &[
    SectionLink {
        id: "conv",
        title: |s| s.conv_title,
    },
    SectionLink {
        id: "pool",
        title: |s| s.pool_title,
    },
    SectionLink {
        id: "head",
        title: |s| s.head_title,
    },
    SectionLink {
        id: "model",
        title: |s| s.model_title,
    },
    SectionLink {
        id: "draw",
        title: |s| s.draw_title,
    },
    SectionLink {
        id: "train",
        title: |s| s.train_title,
    },
];

/// The whole app; owns the language signal.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    provide_mnist();
    provide_models();
    provide_train_link();
    Effect::new(move |_| persist(lang.get()));
    let s = move || strings(lang.get());
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
            <p>{move || s().footer_data}</p>
        </footer>
    }
}

/// Title, tagline, section links and the language toggle.
#[component]
fn Header() -> impl IntoView {
    let lang = use_lang();
    let s = move || strings(lang.get());
    view! {
        <header class="site-header">
            <div class="brand">
                <h1 data-testid="app-title">{move || s().app_title}</h1>
                <p class="tagline">{move || s().tagline}</p>
            </div>
            <nav aria-label=move || s().nav_label data-testid="nav">
                <ul>
                    {SECTIONS
                        .iter()
                        .map(|sec| {
                            view! {
                                <li>
                                    <a href=format!("#{}", sec.id) data-testid=format!("nav-{}", sec.id)>
                                        {move || (sec.title)(s())}
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
    let s = move || strings(lang.get());
    view! {
        <button
            type="button"
            class="lang-toggle"
            data-testid="lang-toggle"
            aria-label=move || s().lang_toggle_label
            lang=move || lang.get().other().code()
            on:click=move |_| lang.update(|l| *l = l.other())
        >
            {move || s().lang_toggle_text}
        </button>
    }
}

/// Shorthand used by sections: the current string table.
pub fn use_strings() -> impl Fn() -> &'static Strings + Copy {
    let lang = use_lang();
    move || strings(lang.get())
}
