//! The data races found, each with its two conflicting accesses (goroutine, read or write,
//! line) and a button that highlights both lines in the editor. The full report, in Go's
//! words, is in the console.

use yew::prelude::*;

use crate::frame::Frame;
use crate::i18n::{t, tf, Key, Lang};
use crate::state::Shared;

pub struct RaceReportProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub on_lines: Callback<Vec<u32>>,
}

pub fn race_report(p: &RaceReportProps) -> Html {
    let lang = p.lang;
    let f = &p.frame;
    let side = |a: &gosched_sim::view::AccessView, name: &str| {
        tf(
            lang,
            Key::RaceSide,
            &[
                ("g", &format!("G{}", a.g.0)),
                (
                    "access",
                    t(lang, if a.write { Key::Writes } else { Key::Reads }),
                ),
                ("name", name),
                ("line", &a.line.to_string()),
            ],
        )
    };
    let items = f.races.iter().enumerate().map(|(i, r)| {
        let mut lines = vec![r.previous.line, r.current.line];
        gosched_lang::sort::sort(&mut lines);
        lines.dedup();
        let onclick = p.on_lines.reform(move |_: MouseEvent| lines.clone());
        html! {
            <li class="race" key={i}>
                <p class="race__title">
                    <span aria-hidden="true">{ "⚠ " }</span>
                    { tf(lang, Key::RaceOn, &[("name", &r.name)]) }
                </p>
                <p class={classes!("race__side", super::color_class(r.previous.g.0))}>{ side(&r.previous, &r.name) }</p>
                <p class={classes!("race__side", super::color_class(r.current.g.0))}>{ side(&r.current, &r.name) }</p>
                <button type="button" class="btn btn--small" {onclick}>{ t(lang, Key::ShowLines) }</button>
            </li>
        }
    });
    let note = if !f.race_enabled {
        Some(t(lang, Key::RaceOff))
    } else if f.races.is_empty() {
        Some(t(lang, Key::NoRaces))
    } else {
        None
    };
    html! {
        <section class={classes!("panel", "races", (!f.races.is_empty()).then_some("races--found"))}
                 data-testid="race-report" aria-labelledby="races-title">
            <header class="panel__head">
                <h2 class="panel__title" id="races-title">{ t(lang, Key::Races) }</h2>
            </header>
            if let Some(note) = note { <p class="panel__empty">{ note }</p> }
            <ul class="races__list">{ for items }</ul>
        </section>
    }
}
