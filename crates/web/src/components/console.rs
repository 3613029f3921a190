//! The console: the program's output as it was written, stdout and stderr interleaved;
//! panics, deadlocks, race reports and `exit status N` appear on stderr in Go's own format.
//! Scrolls to follow the end.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub chunks: Rc<Vec<(bool, String)>>,
    pub lang: Lang,
}

#[function_component(Console)]
pub fn console(p: &ConsoleProps) -> Html {
    let pre = use_node_ref();
    {
        let pre = pre.clone();
        use_effect_with(p.chunks.clone(), move |_| {
            if let Some(el) = pre.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let empty = p.chunks.is_empty();
    html! {
        <section class="panel console" aria-labelledby="console-title">
            <header class="panel__head">
                <h2 class="panel__title" id="console-title">{ t(p.lang, Key::Console) }</h2>
            </header>
            <pre class="console__out" data-testid="console" ref={pre} tabindex="0" aria-live="off">
                // Keyed: output only grows at the end, and an unkeyed list would rewrite
                // every chunk when one is added.
                { for p.chunks.iter().enumerate().map(|(i, (err, text))| html! {
                    <span key={i} class={classes!(err.then_some("console__err"))}>{ text.clone() }</span>
                }) }
            </pre>
            if empty { <p class="panel__empty console__empty">{ t(p.lang, Key::ConsoleEmpty) }</p> }
        </section>
    }
}
