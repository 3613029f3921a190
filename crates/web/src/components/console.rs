//! The console: the program's output as it was written, stdout and stderr interleaved;
//! panics, deadlocks, race reports and `exit status N` appear on stderr in Go's own format.
//! Scrolls to follow the end.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{num, t, tf, Key, Lang};

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
    // Only the end of long output is on the page (see console_tail).
    let tail = super::console_tail::tail(&p.chunks);
    let hidden = (tail.hidden_lines > 0).then(|| {
        tf(
            p.lang,
            Key::ConsoleHidden,
            &[("n", &num(p.lang, tail.hidden_lines as u64))],
        )
    });
    html! {
        <section class="panel console" aria-labelledby="console-title">
            <header class="panel__head">
                <h2 class="panel__title" id="console-title">{ t(p.lang, Key::Console) }</h2>
            </header>
            if let Some(note) = hidden {
                <p class="panel__empty console__hidden" data-testid="console-hidden">{ note }</p>
            }
            <pre class="console__out" data-testid="console" ref={pre} tabindex="0" aria-live="off">
                // Keyed: output only grows at the end, and an unkeyed list would rewrite
                // every chunk when one is added.
                { for tail.parts.iter().map(|&(i, err, text)| html! {
                    <span key={i} class={classes!(err.then_some("console__err"))}>{ text }</span>
                }) }
            </pre>
            if empty { <p class="panel__empty console__empty">{ t(p.lang, Key::ConsoleEmpty) }</p> }
        </section>
    }
}
