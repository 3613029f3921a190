//! One processor (P, a "core"): its status, the thread (M) attached to it, the goroutine
//! running on it, its `runnext` slot and its local run queue in order.

use gosched_sim::view::PView;
use yew::prelude::*;

use super::slot::{slot, SlotProps};
use crate::frame::Frame;
use crate::i18n::{t, tf, Key, Lang};
use crate::state::Shared;

/// Local-queue tokens drawn per card before "+k".
pub const RUNQ_SHOWN: usize = 6;
/// A local run queue's capacity (runtime2.go: `runq [256]guintptr`).
pub const RUNQ_CAPACITY: usize = 256;

pub struct PCardProps {
    pub p: PView,
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
}

pub fn p_card(props: &PCardProps) -> Html {
    let p = &props.p;
    let lang = props.lang;
    let n = p.id.0;
    let status = match (p.status, p.spinning) {
        (_, true) => t(lang, Key::PSpinning),
        ("running", _) => t(lang, Key::PRunning),
        ("syscall", _) => t(lang, Key::PSyscall),
        _ => t(lang, Key::PIdle),
    };
    let busy = p.running.is_some();
    let m = match p.m {
        Some(m) => format!("M{}", m.0),
        None => t(lang, Key::NoM).to_string(),
    };
    let label = tf(
        lang,
        Key::ProcessorLabel,
        &[("p", &format!("P{n}")), ("status", status)],
    );
    let slot =
        |ids: Vec<u32>, total: usize, cap: usize, key: Key, what: &str, note: Option<String>| {
            slot(&SlotProps {
                ids,
                total,
                cap,
                frame: props.frame.clone(),
                lang,
                selected: props.selected,
                on_select: props.on_select.clone(),
                label: Some(AttrValue::from(t(lang, key))),
                note: note.map(AttrValue::from),
                testid: Some(AttrValue::from(format!("p-{n}-{what}"))),
                class: classes!(format!("slot--{what}")),
            })
        };
    html! {
        <article
            key={n}
            class={classes!(
                "pcard",
                format!("pcard--{}", p.status),
                busy.then_some("pcard--busy"),
                p.spinning.then_some("pcard--spinning"),
            )}
            data-testid={format!("p-{n}")}
            aria-label={label}
        >
            <header class="pcard__head">
                <span class="pcard__name">{ format!("P{n}") }</span>
                <span class="pcard__status">{ format!("{m} · {status}") }</span>
            </header>
            { slot(p.running.iter().map(|g| g.0).collect(), usize::from(busy), 1, Key::Running, "running", None) }
            // A "what if" run without the slot says so where the slot would be.
            { slot(p.runnext.iter().map(|g| g.0).collect(), usize::from(p.runnext.is_some()), 1,
                   if props.frame.fidelity.runnext { Key::Runnext } else { Key::RunnextOff }, "runnext", None) }
            { slot(
                p.runq.iter().take(RUNQ_SHOWN).map(|g| g.0).collect(),
                p.runq.len(),
                RUNQ_SHOWN,
                Key::LocalQueue,
                "runq",
                Some(format!("{}/{}", p.runq.len(), RUNQ_CAPACITY)),
            ) }
        </article>
    }
}
