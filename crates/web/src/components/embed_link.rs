//! The embed's "Open in the playground" link: the same scenario in the full page, in a new tab.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};

pub struct EmbedLinkProps {
    pub lang: Lang,
    /// The playground's address with the scenario's fragment.
    pub href: String,
}

pub fn embed_link(p: &EmbedLinkProps) -> Html {
    html! {
        <a class="embed-link" data-testid="embed-playground-link" href={p.href.clone()}
           target="_blank" rel="noopener" title={t(p.lang, Key::EmbedOpenPlaygroundTitle)}>
            { t(p.lang, Key::EmbedOpenPlayground) }
            <span aria-hidden="true">{ " ↗" }</span>
        </a>
    }
}
