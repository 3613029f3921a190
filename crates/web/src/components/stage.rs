//! The scheduler stage, the heart of the page: one card per P, the global run queue, the
//! threads, blocked goroutines by what they wait on, the netpoller and timers, the memory
//! meter, and the count of finished goroutines. Tokens slide between places (FLIP).

use std::rc::Rc;

use yew::prelude::*;

use super::blocked::Blocked;
use super::machines::Machines;
use super::memory_meter::MemoryMeter;
use super::os_waits::OsWaits;
use super::p_card::PCard;
use super::slot::Slot;
use super::stats::Stats;
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
    use_flip(root.clone(), frame.clone(), p.move_ms, ended);
    let view = &frame.view;
    let cards = view.procs.iter().map(|pv| {
        html! {
            <PCard key={pv.id.0} p={pv.clone()} frame={frame.clone()} {lang}
                   selected={p.selected} on_select={p.on_select.clone()} />
        }
    });
    let global_note = num(lang, view.global.len() as u64);
    html! {
        <section class="panel stage" aria-labelledby="stage-title" ref={root}>
            <header class="panel__head stage__head">
                <h2 class="panel__title" id="stage-title">{ t(lang, Key::Stage) }</h2>
                <Stats frame={frame.clone()} {lang} />
            </header>
            <div class="stage__procs">{ for cards }</div>
            <div class="stage__row">
                <section class="box global" aria-labelledby="global-title">
                    <h3 class="box__title" id="global-title">
                        { t(lang, Key::GlobalQueue) }
                        <small class="box__count">{ global_note }</small>
                    </h3>
                    <Slot
                        ids={view.global.iter().take(GLOBAL_SHOWN).map(|g| g.0).collect::<Vec<_>>()}
                        total={view.global.len()}
                        cap={GLOBAL_SHOWN}
                        frame={frame.clone()}
                        {lang}
                        selected={p.selected}
                        on_select={p.on_select.clone()}
                        testid={AttrValue::from("global-runq")}
                        class={classes!("slot--global")}
                    />
                    <p class="finished" data-flip-sink="true" data-testid="finished">
                        <span class="finished__glyph" aria-hidden="true">{ "✓" }</span>
                        { tf(lang, Key::Finished, &[("n", &num(lang, view.dead))]) }
                    </p>
                </section>
                <Machines frame={frame.clone()} {lang} selected={p.selected} on_select={p.on_select.clone()} />
            </div>
            <div class="stage__row stage__row--three">
                <Blocked frame={frame.clone()} {lang} selected={p.selected} on_select={p.on_select.clone()} />
                <OsWaits frame={frame.clone()} {lang} selected={p.selected} on_select={p.on_select.clone()} />
                <MemoryMeter memory={view.memory} {lang} />
            </div>
        </section>
    }
}
