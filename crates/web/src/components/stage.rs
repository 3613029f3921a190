//! The scheduler stage, the heart of the page: one card per P, the global run queue, the
//! threads, blocked goroutines by what they wait on, the netpoller and timers, the memory
//! meter, and the count of finished goroutines. Tokens slide between places (FLIP).

use std::rc::Rc;

use yew::prelude::*;

use super::blocked::{blocked, BlockedProps};
use super::machines::{machines, MachinesProps};
use super::memory_meter::{memory_meter, MemoryMeterProps};
use super::os_waits::{os_waits, OsWaitsProps};
use super::p_card::{p_card, PCardProps};
use super::slot::{slot, SlotProps};
use super::stats::{stats, StatsProps};
use crate::frame::Frame;
use crate::hooks::use_flip::use_flip;
use crate::i18n::{num, t, tf, Key, Lang};
use crate::state::Shared;

/// Global-queue tokens drawn before "+k".
const GLOBAL_SHOWN: usize = 16;

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
    /// How long a token takes to move, in milliseconds (0: no animation).
    pub move_ms: f64,
}

/// A fingerprint of where every listed goroutine is (FNV-1a over ids and places): equal
/// fingerprints mean no token moved, so the FLIP pass can be skipped.
fn placement(view: &gosched_sim::view::View) -> u64 {
    use gosched_sim::view::Where;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| {
        h ^= x;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for g in &view.goroutines {
        mix(u64::from(g.id.0));
        let (kind, a, b) = match &g.place {
            Where::Running(p) => (1, p.0, 0),
            Where::Runnext(p) => (2, p.0, 0),
            Where::LocalQueue(p, i) => (3, p.0, *i),
            Where::GlobalQueue(i) => (4, *i, 0),
            Where::Chan(o) => (5, o.0, 0),
            Where::Select => (6, 0, 0),
            Where::Sync(o, s) => (7, o.0, *s),
            Where::Sleep => (8, 0, 0),
            Where::Syscall(m) => (9, m.0, 0),
            Where::Netpoll => (10, 0, 0),
            Where::Forever => (11, 0, 0),
            Where::Dead => (12, 0, 0),
        };
        mix(kind);
        mix(u64::from(a));
        mix(u64::from(b));
    }
    mix(view.goroutines.len() as u64);
    h
}

#[function_component(Stage)]
pub fn stage(p: &StageProps) -> Html {
    let lang = p.lang;
    let root = use_node_ref();
    let frame = p.frame.clone();
    // A vanished token's goroutine ended if a complete view no longer lists it.
    let ended: Rc<dyn Fn(&str) -> bool> = {
        let frame = frame.clone();
        Rc::new(move |key: &str| {
            let id = key.trim_start_matches('g').parse::<u32>().unwrap_or(0);
            frame.view.omitted == 0 && frame.goroutine(id).is_none()
        })
    };
    // Measure and animate only when some goroutine changed place.
    use_flip(root.clone(), placement(&frame.view), p.move_ms, ended);
    let view = &frame.view;
    let cards = view.procs.iter().map(|pv| {
        p_card(&PCardProps {
            p: pv.clone(),
            frame: frame.clone(),
            lang,
            selected: p.selected,
            on_select: p.on_select.clone(),
        })
    });
    let sel = || (frame.clone(), lang, p.selected, p.on_select.clone());
    let global_note = num(lang, view.global_len as u64);
    html! {
        <section class="panel stage" aria-labelledby="stage-title" ref={root}>
            <header class="panel__head stage__head">
                <h2 class="panel__title" id="stage-title">{ t(lang, Key::Stage) }</h2>
                // A "what if" run says so on the stage itself, which embeds show even
                // when they hide the settings.
                if !frame.fidelity.is_go() {
                    <span class="policies__what-if" data-testid="what-if-stage">{ t(lang, Key::WhatIf) }</span>
                }
                { stats(&StatsProps { frame: frame.clone(), lang }) }
            </header>
            <div class="stage__procs">{ for cards }</div>
            <div class="stage__row">
                <section class="box global" aria-labelledby="global-title">
                    <h3 class="box__title" id="global-title">
                        { t(lang, Key::GlobalQueue) }
                        <small class="box__count">{ global_note }</small>
                    </h3>
                    { slot(&SlotProps {
                        ids: view.global.iter().take(GLOBAL_SHOWN).map(|g| g.0).collect(),
                        total: view.global_len,
                        cap: GLOBAL_SHOWN,
                        frame: frame.clone(),
                        lang,
                        selected: p.selected,
                        on_select: p.on_select.clone(),
                        label: None,
                        note: None,
                        testid: Some(AttrValue::from("global-runq")),
                        class: classes!("slot--global"),
                    }) }
                    <p class="finished" data-flip-sink="true" data-testid="finished">
                        <span class="finished__glyph" aria-hidden="true">{ "✓" }</span>
                        { if view.dead == 1 {
                            t(lang, Key::FinishedOne).to_string()
                        } else {
                            tf(lang, Key::Finished, &[("n", &num(lang, view.dead))])
                        } }
                    </p>
                </section>
                { machines(&{ let (frame, lang, selected, on_select) = sel(); MachinesProps { frame, lang, selected, on_select } }) }
            </div>
            <div class="stage__row stage__row--three">
                { blocked(&{ let (frame, lang, selected, on_select) = sel(); BlockedProps { frame, lang, selected, on_select } }) }
                { os_waits(&{ let (frame, lang, selected, on_select) = sel(); OsWaitsProps { frame, lang, selected, on_select } }) }
                { memory_meter(&MemoryMeterProps { memory: view.memory, lang }) }
            </div>
        </section>
    }
}
