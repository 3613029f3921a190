//! The list of problems in the program, worded and located as `go build` prints them.

use yew::prelude::*;

use crate::i18n::{t, tf, Key, Lang};

pub struct DiagnosticsProps {
    /// Rendered diagnostics (`main.go:7:1: ...`), in source order.
    pub items: Vec<String>,
    pub lang: Lang,
}

pub fn diagnostics(p: &DiagnosticsProps) -> Html {
    let lang = p.lang;
    let status = match p.items.len() {
        0 => t(lang, Key::NoErrors).to_string(),
        1 => t(lang, Key::OneError).to_string(),
        n => tf(lang, Key::NErrors, &[("n", &n.to_string())]),
    };
    let ok = p.items.is_empty();
    html! {
        <section class={classes!("problems", (!ok).then_some("problems--errors"))} aria-labelledby="problems-title">
            <h2 class="visually-hidden" id="problems-title">{ t(lang, Key::Problems) }</h2>
            <p class={classes!("status", if ok { "status--ok" } else { "status--error" })}
               data-testid="status" role="status">{ status }</p>
            <ul class="problems__list" data-testid="diagnostics">
                { for p.items.iter().map(|d| html! { <li class="diagnostic">{ d.clone() }</li> }) }
            </ul>
            if !ok { <p class="problems__hint">{ t(lang, Key::FixErrorsFirst) }</p> }
        </section>
    }
}
