//! The page: header with navigation and the language toggle, then one section per concept.

use super::context::arch::provide_arch;
use super::context::data::provide_data;
use super::context::drawing::provide_drawing;
use super::context::lang::{initial_lang, persist};
use super::context::mnist::provide_mnist;
use super::context::models::provide_models;
use super::context::train_link::provide_train_link;
use super::context::{use_lang, use_text};
use super::conv::ConvSection;
use super::draw::DrawSection;
use super::explain::ExplainSection;
use super::head::HeadSection;
use super::model::ModelSection;
use super::overview::Overview;
use super::pool::PoolSection;
use super::sections::SECTIONS;
use super::train::TrainSection;
use crate::text::fill;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The whole app; owns the language signal.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    provide_mnist();
    provide_models();
    provide_data();
    provide_drawing();
    provide_arch();
    let link = provide_train_link();
    Effect::new(move |_| persist(lang.get()));
    let t = use_text();
    let current = RwSignal::new(None::<&'static str>);
    // Offline use: the service worker is registered at the learner's first action (or when
    // the worker wakes), so a first visit fetches only what its first screen needs.
    let update = RwSignal::new(false);
    let register = move || crate::web::offline::register(move || update.set(true));
    Effect::new(move |_| {
        if link.woken.get() {
            register();
        }
    });
    on_first_action(register);
    // The worker and the 10,000 digits load when the learner nears the Train section (or gives
    // it a command), not on a first visit.
    watch_sections(current, move || link.wake());
    // Sections off screen skip their rendering (style/layout.css: `main.settled`), but only once every
    // section has been laid out whole, so each is skipped at the size it really has and a jump
    // from the navigation lands where it should.
    let settled = RwSignal::new(false);
    request_animation_frame(move || request_animation_frame(move || settled.set(true)));
    view! {
        <Header current/>
        {move || update.get().then(|| view! {
            <div class="update-banner" role="status" data-testid="update-ready">
                <span>{move || t().shell.update_ready}</span>
                <button type="button" data-testid="update-reload" on:click=move |_| crate::web::offline::take_update()>
                    {move || t().shell.update_reload}
                </button>
            </div>
        })}
        <main id="content" class:settled=move || settled.get()>
            <Overview/>
            <ConvSection/>
            <Next after=0/>
            <PoolSection/>
            <Next after=1/>
            <HeadSection/>
            <Next after=2/>
            <ModelSection/>
            <Next after=3/>
            <DrawSection/>
            <Next after=4/>
            <ExplainSection/>
            <Next after=5/>
            <TrainSection/>
            <Next after=6/>
        </main>
        <footer class="site-footer">
            <p>{move || t().shell.footer_data}</p>
        </footer>
    }
}

/// The link at the end of section `after` (an index into [`SECTIONS`]) to the next one; the
/// last one leads back to the overview.
#[component]
fn Next(after: usize) -> impl IntoView {
    let t = use_text();
    match SECTIONS.get(after + 1) {
        Some(&(id, name, _)) => view! {
            <p class="next-section">
                <a href=format!("#{id}") data-testid=format!("next-{id}")>
                    {move || fill(t().overview.next, &[("n", (after + 2).to_string()), ("name", name(t()).to_string())])}
                    " ↓"
                </a>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="next-section">
                <a href="#overview" data-testid="next-overview">{move || t().overview.back_to_top}" ↑"</a>
            </p>
        }
        .into_any(),
    }
}

/// Runs `f` at the learner's first press of a pointer or a key anywhere on the page.
fn on_first_action(f: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = std::rc::Rc::new(f);
    for event in ["pointerdown", "keydown"] {
        let f = f.clone();
        let once = Closure::<dyn FnMut()>::new(move || f());
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        options.set_passive(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            once.as_ref().unchecked_ref(),
            &options,
        );
        once.forget();
    }
}

/// Keeps `current` on the section the reader is in: the last one whose top has passed a line a
/// third of the way down the window (scroll-spy for the navigation's `aria-current`); and calls
/// `near_train` once, when the Train section is first less than a window's height below the
/// window.
fn watch_sections(current: RwSignal<Option<&'static str>>, near_train: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let called = std::cell::Cell::new(false);
    let update = std::rc::Rc::new(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let line = height / 3.0;
        let mut now = None;
        for &(id, _, _) in SECTIONS {
            if let Some(el) = doc.get_element_by_id(id) {
                let r = el.get_bounding_client_rect();
                if r.top() <= line && r.bottom() > 0.0 {
                    now = Some(id);
                }
            }
        }
        if current.get_untracked() != now {
            current.set(now);
        }
        let near = doc
            .get_element_by_id("train")
            .is_some_and(|el| el.get_bounding_client_rect().top() < 2.0 * height);
        if near && !called.replace(true) {
            near_train();
        }
    });
    let on_scroll = Closure::<dyn FnMut()>::new({
        let update = update.clone();
        move || update()
    });
    let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("resize", on_scroll.as_ref().unchecked_ref());
    on_scroll.forget();
    // Once the page has laid out (a link with #train opens scrolled).
    request_animation_frame(move || update());
}

/// One bar: title, the sections menu (links inline on wide screens, a menu button on phones)
/// and the language toggle.
#[component]
fn Header(current: RwSignal<Option<&'static str>>) -> impl IntoView {
    let t = use_text();
    let open = RwSignal::new(false);
    view! {
        <header class="site-header">
            <div class="brand">
                <a href="#overview" class="home"><h1 data-testid="app-title">{move || t().shell.app_title}</h1></a>
            </div>
            <button type="button" class="menu-toggle" data-testid="nav-menu"
                aria-expanded=move || open.get().to_string() aria-controls="site-nav"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || t().shell.nav_label}
            </button>
            <nav id="site-nav" aria-label=move || t().shell.nav_label data-testid="nav" class:open=move || open.get()>
                <ol>
                    {SECTIONS
                        .iter()
                        .map(|&(id, name, _)| {
                            view! {
                                <li>
                                    <a href=format!("#{id}") data-testid=format!("nav-{id}")
                                        aria-current=move || (current.get() == Some(id)).then_some("true")
                                        on:click=move |_| open.set(false)>
                                        {move || name(t())}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <LangToggle/>
        </header>
    }
}

/// Switches between Korean and English; shows the language it switches to.
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
