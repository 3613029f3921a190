//! The wait-for graph of partial deadlocks and leaks (`gosched_sim::waitfor`): shown when
//! some goroutines are blocked forever — while others still run, or after the program
//! ended (Go reports neither). Each stuck goroutine says what it waits on, at which line,
//! and who holds that or could feed it; the cycle, if any, is drawn as a ring of names;
//! the goroutines that can still run are listed. A list, not a drawing: it reads aloud
//! and stays legible with many goroutines.

use gosched_sim::waitfor::{Blocked, WaitForGraph, WaitOn};
use yew::prelude::*;

use crate::i18n::{t, tf, Key, Lang};
use crate::state::Shared;

pub struct WaitForProps {
    pub graph: Shared<WaitForGraph>,
    /// The run has ended: every goroutine still blocked is left behind for good.
    pub finished: bool,
    /// Go itself reported the deadlock (every goroutine asleep).
    pub global: bool,
    pub lang: Lang,
    pub on_lines: Callback<Vec<u32>>,
}

/// The goroutines the panel lists: those blocked forever (all of the blocked ones once
/// the run has ended).
pub fn stuck(graph: &WaitForGraph, finished: bool) -> Vec<&Blocked> {
    graph
        .blocked
        .iter()
        .filter(|b| b.forever || finished)
        .collect()
}

fn g(id: gosched_sim::ids::GoId) -> String {
    format!("G{}", id.0)
}

/// The object's name as the rest of the page writes it (`mu`, `chan#12`, `mutex#8`).
fn what(lang: Lang, b: &Blocked) -> String {
    if !b.name.is_empty() {
        return b.name.clone();
    }
    let obj = |kind: &str, addr: (gosched_sim::ids::ObjId, u32)| format!("{kind}#{}", addr.0 .0);
    match &b.on {
        WaitOn::Chan { ch, .. } => crate::narrate::chan_name(*ch),
        WaitOn::Select { .. } => t(lang, Key::WaitForSelect).to_string(),
        WaitOn::Mutex { addr } => obj("mutex", *addr),
        WaitOn::RwMutex { addr } => obj("rwmutex", *addr),
        WaitOn::WaitGroup { addr } => obj("wg", *addr),
        WaitOn::Cond { addr } => obj("cond", *addr),
        WaitOn::Nothing => t(lang, Key::Nothing).to_string(),
    }
}

pub fn wait_for(p: &WaitForProps) -> Html {
    let lang = p.lang;
    let list = stuck(&p.graph, p.finished);
    if list.is_empty() {
        return html! {};
    }
    let items = list.iter().map(|b| {
        let line = b.line;
        let onclick = p.on_lines.reform(move |_: MouseEvent| vec![line]);
        let by = if let Some(h) = b.holder {
            tf(lang, Key::WaitForHeldBy, &[("g", &g(h))])
        } else if !b.wakers.is_empty() {
            let mut gs: Vec<String> = b.wakers.iter().map(|&w| g(w)).collect();
            if b.more_wakers {
                gs.push("…".into());
            }
            tf(lang, Key::WaitForFedBy, &[("gs", &gs.join(", "))])
        } else {
            t(lang, Key::WaitForNobody).to_string()
        };
        let in_cycle = p.graph.cycle.contains(&b.g);
        html! {
            <li class={classes!("waitfor__item", super::color_class(b.g.0), in_cycle.then_some("waitfor__item--cycle"))}
                data-testid={format!("waitfor-g-{}", b.g.0)}>
                <button type="button" class="waitfor__line" {onclick}>
                    { tf(lang, Key::WaitForWaits, &[
                        ("g", &g(b.g)),
                        ("reason", b.reason),
                        ("what", &what(lang, b)),
                        ("line", &b.line.to_string()),
                    ]) }
                </button>
                <span class="waitfor__by">{ " → " }{ by }</span>
            </li>
        }
    });
    let cycle = (!p.graph.cycle.is_empty()).then(|| {
        let ring: Vec<String> = p
            .graph
            .cycle
            .iter()
            .chain(p.graph.cycle.first())
            .map(|&id| g(id))
            .collect();
        tf(lang, Key::WaitForCycle, &[("cycle", &ring.join(" → "))])
    });
    let active = if p.graph.active.is_empty() {
        t(lang, Key::WaitForNone).to_string()
    } else {
        p.graph
            .active
            .iter()
            .map(|&id| g(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <section class="panel waitfor" data-testid="wait-for" aria-labelledby="waitfor-title">
            <h2 class="panel__title" id="waitfor-title">{ t(lang, Key::WaitForTitle) }</h2>
            <p class="waitfor__intro">{ t(lang, if p.global { Key::WaitForIntroGlobal } else { Key::WaitForIntro }) }</p>
            <ul class="waitfor__list">{ for items }</ul>
            if let Some(c) = cycle {
                <p class="waitfor__cycle" data-testid="wait-for-cycle">{ c }</p>
            }
            <p class="waitfor__active">{ tf(lang, Key::WaitForActive, &[("gs", &active)]) }</p>
        </section>
    }
}
