//! A titled part of a section: `<div class="subpanel {class}">` with an `<h3>` heading in the
//! page's language.

use crate::components::context::use_text;
use crate::text::Phrase;
use leptos::prelude::*;

/// A sub-heading and what it heads.
#[component]
pub fn Subpanel(
    /// Extra CSS class of the panel (may be empty).
    class: &'static str,
    /// The heading.
    title: Phrase,
    /// What follows the heading.
    children: Children,
) -> impl IntoView {
    let t = use_text();
    view! {
        <div class=format!("subpanel {class}")>
            <h3>{move || title(t())}</h3>
            {children()}
        </div>
    }
}
