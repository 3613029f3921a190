//! Run statistics: steps, simulated time, goroutines live and peak, context switches,
//! steals, preemptions and syscall handoffs.

use yew::prelude::*;

use crate::frame::Frame;
use crate::i18n::{dur, num, t, Key, Lang};
use crate::state::Shared;

pub struct StatsProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
}

pub fn stats(p: &StatsProps) -> Html {
    let lang = p.lang;
    let v = &p.frame.view;
    let s = &v.stats;
    let items: [(Key, String, &str); 8] = [
        (Key::StatTime, dur(lang, v.time), "time"),
        (Key::StatSteps, num(lang, v.step), "steps"),
        (Key::StatLive, num(lang, v.memory.goroutines), "live"),
        (Key::StatPeak, num(lang, s.peak_goroutines), "peak"),
        (Key::StatSwitches, num(lang, s.context_switches), "switches"),
        (Key::StatSteals, num(lang, s.steals), "steals"),
        (
            Key::StatPreemptions,
            num(lang, s.preemptions),
            "preemptions",
        ),
        (Key::StatHandoffs, num(lang, s.handoffs), "handoffs"),
    ];
    html! {
        <dl class="stats" data-testid="stats" aria-label={t(lang, Key::Stats)}>
            { for items.into_iter().map(|(k, v, id)| html! {
                <div class="stats__item" data-stat={id}>
                    <dt class="stats__label">{ t(lang, k) }</dt>
                    <dd class="stats__value">{ v }</dd>
                </div>
            }) }
        </dl>
    }
}
