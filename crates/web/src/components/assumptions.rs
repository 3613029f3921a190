//! The "Assumptions" popover: what the simulator does differently from real Go, in the
//! page's language (the list comes from `gosched_sim::assumptions`).

use yew::prelude::*;

use crate::i18n::{assumption, t, Key, Lang};

pub struct AssumptionsProps {
    pub lang: Lang,
    pub on_close: Callback<()>,
}

pub fn assumptions(p: &AssumptionsProps) -> Html {
    let lang = p.lang;
    let close = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="popover popover--wide" role="dialog" aria-modal="false" aria-labelledby="assumptions-title"
             data-testid="assumptions">
            <div class="popover__head">
                <h2 class="popover__title" id="assumptions-title">{ t(lang, Key::Assumptions) }</h2>
                <button type="button" class="btn btn--icon" aria-label={t(lang, Key::Close)} onclick={close}>{ "×" }</button>
            </div>
            <p>{ t(lang, Key::AssumptionsIntro) }</p>
            <ul class="assumptions">
                { for gosched_sim::assumptions::assumptions().iter().map(|a| html! {
                    <li key={a.id}>{ assumption(lang, a.id, a.text) }</li>
                }) }
            </ul>
        </div>
    }
}
