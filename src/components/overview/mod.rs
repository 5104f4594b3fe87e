//! The overview at the top of the page: the model as a left-to-right row of its stages, fed by
//! the page's drawing (a built-in digit until the learner draws), with the real outputs as
//! thumbnails and the prediction at the end. Every box links to the section that explains it, a
//! small pad beside it draws into the same drawing, and a numbered list is the path through
//! the page.

use crate::components::context::drawing::use_drawing;
use crate::components::context::use_text;
use crate::components::sections::{section_name, SECTIONS};
use crate::components::widgets::canvas::PixelMap;
use crate::components::widgets::draw_canvas::DrawCanvas;
use crate::components::widgets::stages::{stage_rows, StageBox};
use crate::components::widgets::visible::visible;
use crate::data::IMAGE_SIDE;
use crate::text::fill;
use crate::viz::Picture;
use leptos::prelude::*;

/// The overview.
#[component]
pub fn Overview() -> impl IntoView {
    let t = use_text();
    let drawing = use_drawing();
    // The overview follows the drawing only while it is in view: drawing in the Draw section
    // far below does not pay for repainting it.
    let in_view = visible("overview", "200px");
    let shown = drawing.while_in_view(in_view);
    // The input picture goes with the outputs shown: it changes when they do (read, not only
    // tracked, so that memo runs).
    let prepared = Memo::new(move |_| {
        shown.trace.with(|_| ());
        drawing
            .prepared
            .with_untracked(|p| p.as_ref().map(|p| p.input.clone()))
    });
    let row = stage_rows(drawing, usize::MAX);
    let input = Signal::derive(move || {
        prepared.with(|p| match p {
            Some(p) => Picture::grey(IMAGE_SIDE, IMAGE_SIDE, p.iter().copied()),
            None => Picture::grey(IMAGE_SIDE, IMAGE_SIDE, [0.0; IMAGE_SIDE * IMAGE_SIDE]),
        })
    });
    let input_label = move || {
        fill(
            t().overview.go_to,
            &[
                ("stage", t().overview.input.to_string()),
                (
                    "section",
                    section_name("draw").map_or("", |n| n(t())).to_string(),
                ),
            ],
        )
    };
    view! {
        <section id="overview" class="panel overview" aria-labelledby="overview-title">
            <h2 id="overview-title">{move || t().overview.title}</h2>
            <p class="tagline">{move || t().shell.tagline}</p>
            <p>{move || t().overview.intro}</p>
            <div class="overview-body">
                <div class="overview-pad">
                    <DrawCanvas drawing testid="overview-canvas" keys="overview-keys" shown=in_view
                        label=Signal::derive(move || t().overview.pad_label.to_string())/>
                    <div class="draw-tools">
                        <button type="button" data-testid="overview-sample"
                            on:click=move |_| drawing.next_sample()>
                            {move || t().draw.sample}
                        </button>
                        <button type="button" data-testid="overview-clear" on:click=move |_| drawing.clear()>
                            {move || t().draw.clear}
                        </button>
                    </div>
                    <p id="overview-keys" class="note keys-hint">{move || t().overview.pad_note}</p>
                </div>
                <nav class="overview-flow" data-testid="overview" aria-label=move || t().overview.diagram_label>
                    <ol>
                        <li>
                            <a class="ov-stage" href="#draw" aria-label=input_label>
                                <span class="stage-name" translate="no">"x"</span>
                                <span class="thumbs"><PixelMap pixels=input label=Signal::derive(move || t().overview.input.to_string()) testid="overview-input"/></span>
                                <span class="stage-shape">{move || t().overview.input}</span>
                            </a>
                        </li>
                        <For each=move || row.get() key=|s| (s.index, s.shape.clone()) let:stage>
                            <li><StageBox drawing=shown stage testids="overview-stage"/></li>
                        </For>
                    </ol>
                </nav>
            </div>
            <h3>{move || t().overview.path_title}</h3>
            <ol class="overview-path">
                {SECTIONS
                    .iter()
                    .map(|&(id, name, does)| view! {
                        <li>
                            <a href=format!("#{id}") data-testid=format!("overview-go-{id}")>{move || name(t())}</a>
                            ": " {move || does(t())}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
