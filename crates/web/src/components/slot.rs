//! A labelled place that holds goroutine tokens in order (a P's running slot, runnext or
//! local queue, the global queue, a channel's waiters ...), up to a visible capacity,
//! then "+k".

use yew::prelude::*;

use super::token::{token, TokenProps};
use crate::frame::Frame;
use crate::i18n::{t, tf, Key, Lang};
use crate::state::Shared;

pub struct SlotProps {
    /// The first goroutines in the slot, in order (at most `cap` are drawn).
    pub ids: Vec<u32>,
    /// How many goroutines the slot holds in all.
    pub total: usize,
    pub cap: usize,
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
    pub label: Option<AttrValue>,
    /// A small note after the label (`3/256`).
    pub note: Option<AttrValue>,
    pub testid: Option<AttrValue>,
    pub class: Classes,
}

pub fn slot(p: &SlotProps) -> Html {
    let tokens: Vec<TokenProps> = p
        .ids
        .iter()
        .take(p.cap)
        .filter_map(|&id| TokenProps::of(&p.frame, id, p.lang, p.selected, &p.on_select))
        .collect();
    let hidden = p.total.saturating_sub(tokens.len());
    let more = (hidden > 0).then(|| {
        let n = hidden.to_string();
        let label = tf(p.lang, Key::MoreLabel, &[("n", &n)]);
        html! {
            <span class="more" title={label.clone()} aria-label={label}>
                { tf(p.lang, Key::More, &[("n", &n)]) }
            </span>
        }
    });
    let empty = p.total == 0;
    html! {
        <div class={classes!("slot", p.class.clone(), empty.then_some("slot--empty"))}
             data-testid={p.testid.clone()}>
            if let Some(label) = &p.label {
                <span class="slot__label">
                    { label.clone() }
                    if let Some(note) = &p.note {
                        <small class="slot__note">{ note.clone() }</small>
                    }
                </span>
            }
            <div class="slot__tokens">
                { for tokens.iter().map(token) }
                { for more }
                if empty {
                    <span class="slot__empty">{ t(p.lang, Key::Empty) }</span>
                }
            </div>
        </div>
    }
}
