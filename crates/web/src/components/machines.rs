//! The OS threads (M): running with a P, spinning while looking for work, idle, or blocked
//! in a system call holding a goroutine (shown as its token).

use yew::prelude::*;

use super::token::{token, TokenProps};
use crate::frame::Frame;
use crate::i18n::{t, Key, Lang};
use crate::state::Shared;

pub struct MachinesProps {
    pub frame: Shared<Frame>,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
}

pub fn machines(p: &MachinesProps) -> Html {
    let lang = p.lang;
    let view = &p.frame.view;
    let items = view.ms.iter().map(|m| {
        let state = match m.state {
            "running" => t(lang, Key::MRunning),
            "spinning" => t(lang, Key::MSpinning),
            "syscall" => t(lang, Key::MSyscall),
            _ => t(lang, Key::MIdle),
        };
        // A goroutine in a system call lives with its thread.
        let held =
            m.g.filter(|g| p.frame.goroutine(g.0).is_some_and(|x| x.state == "syscall"))
                .and_then(|g| TokenProps::of(&p.frame, g.0, lang, p.selected, &p.on_select));
        html! {
            <li class={classes!("mchip", format!("mchip--{}", m.state))} key={m.id.0}
                data-testid={format!("m-{}", m.id.0)}>
                <span class="mchip__name">{ format!("M{}", m.id.0) }</span>
                <span class="mchip__state">{ state }</span>
                if let Some(pid) = m.p {
                    <span class="mchip__p">{ format!("P{}", pid.0) }</span>
                }
                if let Some(tp) = held {
                    { token(&tp) }
                }
            </li>
        }
    });
    html! {
        <section class="box machines" aria-labelledby="machines-title">
            <h3 class="box__title" id="machines-title">{ t(lang, Key::Threads) }</h3>
            <ul class="machines__list">{ for items }</ul>
        </section>
    }
}
