//! The event log: the latest scheduling events up to now, newest first, in words
//! ("P2 stole G7, G9 from P0"). Clicking a line moves the run to that event.

use std::rc::Rc;

use gosched_sim::ids::Step;
use yew::prelude::*;

use crate::frame::LogEntry;
use crate::i18n::{dur, t, Lang};

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub entries: Rc<Vec<LogEntry>>,
    pub lang: Lang,
    pub on_seek: Callback<Step>,
}

#[function_component(EventLog)]
pub fn event_log(p: &EventLogProps) -> Html {
    let lang = p.lang;
    let items = p.entries.iter().map(|e| {
        let step = e.step;
        let onclick = p.on_seek.reform(move |_: MouseEvent| step);
        html! {
            <li key={format!("{}-{}", e.step, e.phrase.key.name())} class={classes!("log__item", format!("log__item--{}", e.kind))}>
                <button type="button" class="log__button" {onclick}>
                    <span class="log__time">{ dur(lang, e.time) }</span>
                    <span class="log__dots" aria-hidden="true">
                        { for e.gs.iter().take(3).map(|g| html! { <span class={classes!("dot", super::color_class(*g))}></span> }) }
                    </span>
                    <span class="log__text">{ e.phrase.render(lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="panel log" aria-labelledby="log-title">
            <header class="panel__head">
                <h2 class="panel__title" id="log-title">{ t(lang, crate::i18n::Key::Events) }</h2>
            </header>
            if p.entries.is_empty() {
                <p class="panel__empty">{ t(lang, crate::i18n::Key::NoEvents) }</p>
            }
            <ol class="log__list" data-testid="event-log">{ for items }</ol>
        </section>
    }
}
