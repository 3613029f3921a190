//! The keyboard-shortcuts popover.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};

pub struct HelpProps {
    pub lang: Lang,
    pub on_close: Callback<()>,
}

pub fn help(p: &HelpProps) -> Html {
    let lang = p.lang;
    let rows = [
        (t(lang, Key::KeySpaceName), Key::KeySpace),
        ("→", Key::KeyRight),
        ("←", Key::KeyLeft),
        ("r", Key::KeyReset),
        ("?", Key::KeyHelp),
        ("Esc", Key::KeyEscape),
    ];
    let close = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="popover" role="dialog" aria-modal="false" aria-labelledby="help-title" data-testid="help">
            <div class="popover__head">
                <h2 class="popover__title" id="help-title">{ t(lang, Key::Shortcuts) }</h2>
                <button type="button" class="btn btn--icon" aria-label={t(lang, Key::Close)} onclick={close}>{ "×" }</button>
            </div>
            <dl class="keys">
                { for rows.into_iter().map(|(k, what)| html! {
                    <div class="keys__row">
                        <dt><kbd>{ k }</kbd></dt>
                        <dd>{ t(lang, what) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}
