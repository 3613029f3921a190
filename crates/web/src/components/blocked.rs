//! Blocked goroutines grouped by what they wait on: each channel (buffer contents, send
//! and receive queues), each mutex (owner, waiters, normal or starvation mode), RWMutex,
//! WaitGroup (counter and waiters) and sync.Cond, plus goroutines in `select` or blocked
//! forever.

use gosched_sim::view::{SyncKind, Where};
use yew::prelude::*;

use super::slot::{slot, SlotProps};
use crate::frame::Frame;
use crate::i18n::{t, tf, Key, Lang};
use crate::narrate::chan_name;
use crate::state::Shared;

/// Waiting tokens drawn per queue before "+k".
const WAITERS_SHOWN: usize = 8;
/// Buffer slots drawn per channel before "…".
const BUFFER_SHOWN: usize = 8;
/// Objects drawn before "+k".
const OBJECTS_SHOWN: usize = 12;

pub struct BlockedProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
}

pub fn blocked(p: &BlockedProps) -> Html {
    let lang = p.lang;
    let view = &p.frame.view;
    let slot = |ids: &[gosched_sim::ids::GoId], label: Key, what: String| {
        slot(&SlotProps {
            ids: ids.iter().take(WAITERS_SHOWN).map(|g| g.0).collect(),
            total: ids.len(),
            cap: WAITERS_SHOWN,
            frame: p.frame.clone(),
            lang,
            selected: p.selected,
            on_select: p.on_select.clone(),
            label: Some(AttrValue::from(t(lang, label))),
            note: None,
            testid: None,
            class: classes!("slot--wait", what),
        })
    };
    let mut objects: Vec<Html> = Vec::new();
    for c in &view.chans {
        let name = chan_name(c.id);
        let buffer = (c.cap > 0).then(|| {
            let shown = c.buf.iter().take(BUFFER_SHOWN);
            let empty = (c.cap as usize).min(BUFFER_SHOWN).saturating_sub(c.buf.len());
            html! {
                <div class="chan__buffer" aria-label={t(lang, Key::ChanBuffer)}>
                    { for shown.map(|v| html! { <span class="chan__cell chan__cell--full">{ v.clone() }</span> }) }
                    { for (0..empty).map(|_| html! { <span class="chan__cell"></span> }) }
                    if (c.cap as usize) > BUFFER_SHOWN { <span class="chan__cell chan__cell--more">{ "…" }</span> }
                </div>
            }
        });
        objects.push(html! {
            <article class={classes!("wobj", "wobj--chan", c.closed.then_some("wobj--closed"))}
                     key={format!("chan-{}", c.id.0)} data-testid={format!("chan-{}", c.id.0)}>
                <header class="wobj__head">
                    <span class="wobj__name">{ name }</span>
                    <span class="wobj__type">{ c.ty.clone() }</span>
                    if c.cap > 0 { <span class="wobj__note">{ tf(lang, Key::ChanCap, &[("n", &c.cap.to_string())]) }</span> }
                    if c.closed { <span class="badge">{ t(lang, Key::ChanClosed) }</span> }
                </header>
                { for buffer }
                if !c.recvq.is_empty() { { slot(&c.recvq, Key::ChanRecvq, "slot--recv".into()) } }
                if !c.sendq.is_empty() { { slot(&c.sendq, Key::ChanSendq, "slot--send".into()) } }
            </article>
        });
    }
    for s in &view.syncs {
        let interesting = !s.waiters.is_empty()
            || s.owner.is_some()
            || s.readers > 0
            || (s.kind == SyncKind::WaitGroup && s.counter != 0);
        if !interesting {
            continue;
        }
        let (kind, title) = match s.kind {
            SyncKind::Mutex => ("mutex", t(lang, Key::Mutex)),
            SyncKind::RwMutex => ("rwmutex", t(lang, Key::RwMutex)),
            SyncKind::WaitGroup => ("wg", t(lang, Key::WaitGroup)),
            SyncKind::Cond => ("cond", t(lang, Key::Cond)),
        };
        let key = format!("{kind}-{}-{}", s.addr.0 .0, s.addr.1);
        let owner = match (s.kind, s.owner) {
            (SyncKind::Mutex | SyncKind::RwMutex, Some(g)) => html! {
                <span class="wobj__owner">
                    { t(lang, Key::HeldBy) }{ " " }
                    <span class={classes!("gdot", super::color_class(g.0))}>{ format!("G{}", g.0) }</span>
                </span>
            },
            (SyncKind::Mutex, None) => {
                html! { <span class="wobj__owner">{ t(lang, Key::LockFree) }</span> }
            }
            _ => html! {},
        };
        let mode = (s.kind == SyncKind::Mutex).then(|| {
            let (k, class) = if s.starving {
                (Key::ModeStarving, "badge badge--warn")
            } else {
                (Key::ModeNormal, "badge")
            };
            html! { <span class={class}>{ t(lang, k) }</span> }
        });
        objects.push(html! {
            <article class={classes!("wobj", format!("wobj--{kind}"))} key={key.clone()} data-testid={key}>
                <header class="wobj__head">
                    <span class="wobj__type">{ title }</span>
                    <span class="wobj__name">{ crate::narrate::sync_name(s) }</span>
                    if s.kind == SyncKind::WaitGroup {
                        <span class="wobj__note">{ tf(lang, Key::WgCounter, &[("n", &s.counter.to_string())]) }</span>
                    }
                    if s.kind == SyncKind::RwMutex && s.readers > 0 {
                        <span class="wobj__note">{ tf(lang, Key::Readers, &[("n", &s.readers.to_string())]) }</span>
                    }
                    { owner }
                    { for mode }
                </header>
                if !s.waiters.is_empty() { { slot(&s.waiters, Key::Waiting, "slot--waiters".into()) } }
            </article>
        });
    }
    let in_select: Vec<_> = view
        .goroutines
        .iter()
        .filter(|g| g.place == Where::Select)
        .map(|g| g.id)
        .collect();
    let forever: Vec<_> = view
        .goroutines
        .iter()
        .filter(|g| g.place == Where::Forever && !g.system)
        .map(|g| g.id)
        .collect();
    for (ids, key, k) in [
        (in_select, Key::InSelect, "select"),
        (forever, Key::Forever, "forever"),
    ] {
        if !ids.is_empty() {
            objects.push(html! {
                <article class={classes!("wobj", format!("wobj--{k}"))} key={k} data-testid={k}>
                    { slot(&ids, key, format!("slot--{k}")) }
                </article>
            });
        }
    }
    let hidden = objects.len().saturating_sub(OBJECTS_SHOWN);
    objects.truncate(OBJECTS_SHOWN);
    html! {
        <section class="box blocked" aria-labelledby="blocked-title">
            <h3 class="box__title" id="blocked-title">{ t(lang, Key::Blocked) }</h3>
            if objects.is_empty() {
                <p class="box__empty">{ t(lang, Key::NothingBlocked) }</p>
            }
            <div class="blocked__list">{ for objects }</div>
            if hidden > 0 {
                <p class="box__more">{ tf(lang, Key::More, &[("n", &hidden.to_string())]) }</p>
            }
        </section>
    }
}
