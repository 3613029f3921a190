//! One goroutine token: its id, its colour, a glyph for its state (from the stylesheet, by
//! `data-state`), and the test contract's `data-testid="g-ID"`, `data-state` and
//! `data-where`. Clicking it selects the goroutine (its line lights up in the editor).
//!
//! Its `aria-label` says its state, function and line (one string per token and frame;
//! a `title` with the same text would double the strings sent to the DOM).
//!
//! Like the other pieces drawn anew at every frame (slots, P cards, the stage's boxes),
//! this is a plain view function rather than a Yew component: a component per token
//! would add a lifecycle, a props comparison and several kilobytes of code per kind, for
//! nothing, since its props change whenever it is drawn.

use yew::prelude::*;

use crate::frame::Frame;
use crate::i18n::{t, tf, Key, Lang};

#[derive(Clone)]
pub struct TokenProps {
    pub id: u32,
    /// `runnable`, `running`, `waiting`, `syscall`, `dead`.
    pub state: &'static str,
    /// Where it is, as `Where::key` spells it (`p0-runq`, `chan-12` ...).
    pub place: String,
    pub func: String,
    pub line: u32,
    /// A runtime goroutine (the finalizer goroutine).
    pub system: bool,
    pub selected: bool,
    pub lang: Lang,
    pub on_select: Callback<u32>,
}

impl TokenProps {
    /// The props for goroutine `id` as the frame shows it, if the frame lists it.
    pub fn of(
        frame: &Frame,
        id: u32,
        lang: Lang,
        selected: Option<u32>,
        on_select: &Callback<u32>,
    ) -> Option<TokenProps> {
        let g = frame.goroutine(id)?;
        Some(TokenProps {
            id,
            state: g.state,
            place: g.place.key(&frame.view),
            func: g.func.clone(),
            line: g.line,
            system: g.system,
            selected: selected == Some(id),
            lang,
            on_select: on_select.clone(),
        })
    }
}

/// The word for a goroutine state.
pub fn state_word(lang: Lang, state: &str) -> &'static str {
    t(
        lang,
        match state {
            "running" => Key::StateRunning,
            "runnable" => Key::StateRunnable,
            "waiting" => Key::StateWaiting,
            "syscall" => Key::StateSyscall,
            _ => Key::StateDead,
        },
    )
}

pub fn token(p: &TokenProps) -> Html {
    let id = p.id;
    let label = tf(
        p.lang,
        Key::TokenLabel,
        &[
            ("g", &format!("G{id}")),
            ("state", state_word(p.lang, p.state)),
            ("func", &p.func),
            ("line", &p.line.to_string()),
        ],
    );
    let onclick = p.on_select.reform(move |_: MouseEvent| id);
    html! {
        <button
            key={id}
            type="button"
            class={classes!(
                "token",
                super::color_class(id),
                p.selected.then_some("token--selected"),
                p.system.then_some("token--system"),
            )}
            data-testid={format!("g-{id}")}
            data-state={p.state}
            data-where={p.place.clone()}
            data-flip={format!("g{id}")}
            aria-pressed={if p.selected { "true" } else { "false" }}
            aria-label={label}
            {onclick}
        >
            <span class="token__face">{ format!("G{id}") }</span>
        </button>
    }
}
