//! The screen-reader narration: an `aria-live` region that says what just happened. While
//! the run plays it speaks at most every two seconds (the latest event then); stepping by
//! hand announces every step.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang, Phrase};

/// Least time between two announcements while playing, in milliseconds.
const PLAYING_INTERVAL_MS: f64 = 2000.0;

#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    pub phrases: Vec<Phrase>,
    pub playing: bool,
    pub lang: Lang,
}

#[function_component(Narration)]
pub fn narration(p: &NarrationProps) -> Html {
    let last = use_mut_ref(|| (f64::NEG_INFINITY, String::new()));
    let text: String = p
        .phrases
        .iter()
        .map(|ph| ph.render(p.lang))
        .collect::<Vec<_>>()
        .join(". ");
    let now = crate::dom::now();
    let shown = {
        let mut last = last.borrow_mut();
        if !text.is_empty() && (!p.playing || now - last.0 >= PLAYING_INTERVAL_MS) {
            *last = (now, text);
        }
        last.1.clone()
    };
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"
             aria-label={t(p.lang, Key::Narration)} data-testid="narration">
            { shown }
        </div>
    }
}
