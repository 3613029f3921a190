//! Goroutines waiting on the outside world: the netpoller (network waits, and goroutines it
//! has made ready) and the timers (sleeping goroutines with their wake-up time).

use yew::prelude::*;

use super::token::{token, TokenProps};
use crate::frame::Frame;
use crate::i18n::{dur, t, tf, Key, Lang};
use crate::state::Shared;

/// Tokens drawn per list before "+k".
const SHOWN: usize = 10;

pub struct OsWaitsProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
}

pub fn os_waits(p: &OsWaitsProps) -> Html {
    let lang = p.lang;
    let view = &p.frame.view;
    let item = |g: u32, note: Option<String>| {
        TokenProps::of(&p.frame, g, lang, p.selected, &p.on_select).map(|tp| {
            html! {
                <li class="timed" key={g}>
                    { token(&tp) }
                    if let Some(note) = note { <span class="timed__note">{ note }</span> }
                </li>
            }
        })
    };
    let more = |n: usize| {
        (n > SHOWN).then(|| {
            html! { <li class="more">{ tf(lang, Key::More, &[("n", &(n - SHOWN).to_string())]) }</li> }
        })
    };
    let net: Vec<Html> = view
        .net_waits
        .iter()
        .take(SHOWN)
        .filter_map(|&(g, until)| {
            item(
                g.0,
                Some(tf(lang, Key::WakesAt, &[("t", &dur(lang, until))])),
            )
        })
        .chain(
            view.net_ready
                .iter()
                .take(SHOWN)
                .filter_map(|g| item(g.0, Some(t(lang, Key::NetReady).into()))),
        )
        .collect();
    let sleepers: Vec<Html> = view
        .sleepers
        .iter()
        .take(SHOWN)
        .filter_map(|&(g, until)| {
            item(
                g.0,
                Some(tf(lang, Key::WakesAt, &[("t", &dur(lang, until))])),
            )
        })
        .collect();
    html! {
        <section class="box os" aria-labelledby="os-title">
            <h3 class="box__title" id="os-title">{ t(lang, Key::OsPanel) }</h3>
            <div class="os__group" data-testid="netpoller">
                <h4 class="os__label">{ t(lang, Key::Netpoller) }</h4>
                if net.is_empty() { <p class="box__empty">{ t(lang, Key::Nothing) }</p> }
                <ul class="timed-list">{ for net }{ for more(view.net_waits.len() + view.net_ready.len()) }</ul>
            </div>
            <div class="os__group" data-testid="timers">
                <h4 class="os__label">{ t(lang, Key::Timers) }</h4>
                if sleepers.is_empty() { <p class="box__empty">{ t(lang, Key::Nothing) }</p> }
                <ul class="timed-list">{ for sleepers }{ for more(view.sleepers_len) }</ul>
            </div>
        </section>
    }
}
