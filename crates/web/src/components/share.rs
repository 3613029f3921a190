//! Scenario links on the page: the Share button with the link it made (a read-only field,
//! a Copy button and a spoken confirmation), the language switch, and the message shown
//! when the page was opened with a link it could not use.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{t, tf, Key, Lang};
use crate::share::ShareError;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    /// Puts the current scenario in the address bar and returns the whole link.
    pub make_link: Callback<(), String>,
}

/// What the Copy button achieved.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    /// The Clipboard API refused: the text is selected for the user to copy.
    ByHand,
}

/// The Share button and, once pressed, the link with its Copy button.
#[function_component(ShareTools)]
pub fn share_tools(p: &ShareProps) -> Html {
    let lang = p.lang;
    let url = use_state(|| None::<String>);
    let copied = use_state(|| Copied::Not);
    let input = use_node_ref();
    let on_share = {
        let make = p.make_link.clone();
        let url = url.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            url.set(Some(make.emit(())));
            copied.set(Copied::Not);
        })
    };
    let on_copy = {
        let url = url.clone();
        let copied = copied.clone();
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = (*url).clone() else { return };
            let copied = copied.clone();
            let input = input.clone();
            crate::dom::copy_text(&text, move |ok| {
                if !ok {
                    if let Some(el) = input.cast::<HtmlInputElement>() {
                        let _ = el.focus();
                        el.select();
                    }
                }
                copied.set(if ok { Copied::Yes } else { Copied::ByHand });
            });
        })
    };
    let button = use_node_ref();
    let close = {
        let url = url.clone();
        let button = button.clone();
        Callback::from(move |()| {
            url.set(None);
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let on_close = close.reform(|_: MouseEvent| ());
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.stop_propagation();
            close.emit(());
        }
    });
    // A new link gets the focus, selected: keyboard users can copy it at once.
    {
        let input = input.clone();
        use_effect_with((*url).clone(), move |u| {
            if u.is_some() {
                if let Some(el) = input.cast::<HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            }
        });
    }
    let select_all = Callback::from(|e: FocusEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        el.select();
    });
    let status = match *copied {
        Copied::Not => "",
        Copied::Yes => t(lang, Key::LinkCopied),
        Copied::ByHand => t(lang, Key::CopyByHand),
    };
    html! {
        <div class="share">
            <button type="button" class="btn btn--ghost" data-testid="share" ref={button}
                    title={t(lang, Key::ShareTitle)} aria-expanded={url.is_some().to_string()}
                    onclick={on_share}>
                { t(lang, Key::Share) }
            </button>
            if let Some(u) = (*url).clone() {
                <div class="share__panel" role="group" aria-label={t(lang, Key::ShareLink)}
                     onkeydown={on_key}>
                    <label class="share__field">
                        <span class="share__label">{ t(lang, Key::ShareLink) }</span>
                        <input type="text" readonly=true data-testid="share-url" class="share__url"
                               ref={input} value={u} onfocus={select_all} spellcheck="false" />
                    </label>
                    <button type="button" class="btn" data-testid="share-copy" onclick={on_copy}>
                        { t(lang, Key::Copy) }
                    </button>
                    <button type="button" class="btn btn--ghost btn--icon" data-testid="share-close"
                            aria-label={t(lang, Key::Close)} title={t(lang, Key::Close)} onclick={on_close}>
                        { "×" }
                    </button>
                    <p class="share__status" data-testid="share-status" role="status" aria-live="polite">
                        { status }
                    </p>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LangSelectProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

/// The language switch (`<select>` with the languages' tags as values).
#[function_component(LangSelect)]
pub fn lang_select(p: &LangSelectProps) -> Html {
    let lang = p.lang;
    let on_change = p.on_lang.reform(|e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        Lang::from_tag(&sel.value())
    });
    html! {
        <label class="lang-select">
            <span class="visually-hidden">{ t(lang, Key::Language) }</span>
            <select data-testid="lang" title={t(lang, Key::Language)}
                    onchange={on_change}>
                { for Lang::ALL.iter().map(|&l| html! {
                    <option value={l.tag()} selected={l == lang} lang={l.tag()}>
                        { t(lang, match l { Lang::En => Key::LangEn, Lang::PtBr => Key::LangPtBr }) }
                    </option>
                }) }
            </select>
        </label>
    }
}

/// Why a link could not be opened, in `lang`. Values from the link are placed as text.
pub fn link_error_text(lang: Lang, e: &ShareError) -> String {
    let reason = match e {
        ShareError::NotAScenario => t(lang, Key::LinkNotAScenario).to_string(),
        ShareError::NewerVersion(v) => tf(lang, Key::LinkNewer, &[("v", &v.to_string())]),
        ShareError::BadEncoding => t(lang, Key::LinkBadEncoding).to_string(),
        ShareError::Corrupt => t(lang, Key::LinkCorrupt).to_string(),
        ShareError::TooLarge => t(lang, Key::LinkTooLarge).to_string(),
        ShareError::BadField { name, value } => tf(
            lang,
            Key::LinkBadField,
            &[("name", name), ("value", &format!("{value:?}"))],
        ),
        ShareError::NotText => t(lang, Key::LinkNotText).to_string(),
    };
    tf(lang, Key::LinkError, &[("reason", &reason)])
}

#[derive(Properties, PartialEq)]
pub struct LinkErrorProps {
    pub lang: Lang,
    pub error: ShareError,
    pub on_close: Callback<()>,
}

/// The message about a link that could not be opened (an alert, dismissable).
#[function_component(LinkErrorBanner)]
pub fn link_error_banner(p: &LinkErrorProps) -> Html {
    let lang = p.lang;
    html! {
        <div class="link-error" role="alert" data-testid="link-error">
            <span class="link-error__icon" aria-hidden="true">{ "⚠" }</span>
            <p class="link-error__text">{ link_error_text(lang, &p.error) }</p>
            <button type="button" class="btn btn--ghost btn--icon" aria-label={t(lang, Key::Close)}
                    title={t(lang, Key::Close)} onclick={p.on_close.reform(|_: MouseEvent| ())}>
                { "×" }
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_error_reads_in_both_languages_and_keeps_values_as_text() {
        let e = ShareError::BadField {
            name: "procs".into(),
            value: "<img src=x onerror=alert(1)>".into(),
        };
        let en = link_error_text(Lang::En, &e);
        assert!(
            en.contains("procs=\"<img src=x onerror=alert(1)>\""),
            "{en}"
        );
        let pt = link_error_text(Lang::PtBr, &ShareError::NewerVersion(9));
        assert!(pt.contains("formato v9"), "{pt}");
        assert!(!pt.contains('{'), "{pt}");
    }
}
