//! The Embed button and its dialog: size, theme, language, editor mode and autoplay for an `<iframe>` snippet showing the page's scenario, with a Copy button.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::embed::params::EditorMode;
use crate::embed::snippet::{snippet, SnippetOptions, MAX_SIZE, MIN_SIZE};
use crate::i18n::{t, Key, Lang};
use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct EmbedDialogProps {
    pub lang: Lang,
    pub theme: Theme,
    /// Makes the scenario's link fragment (called when the dialog opens).
    pub fragment: Callback<(), String>,
}

/// What the Copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

#[function_component(EmbedDialog)]
pub fn embed_dialog(p: &EmbedDialogProps) -> Html {
    let lang = p.lang;
    let options = use_state(|| None::<SnippetOptions>);
    let copied = use_state(|| Copy::Idle);
    let area = use_node_ref();
    let opener = use_node_ref();
    // Opening moves the focus to the code (selected, ready to copy); closing returns it
    // to the Embed button.
    {
        let area = area.clone();
        let opener = opener.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(options.is_some(), move |open| {
            if *open {
                if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                    let _ = a.focus();
                    a.select();
                }
            } else if !first.replace(false) {
                if let Some(b) = opener.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }

    let open = {
        let options = options.clone();
        let copied = copied.clone();
        let fragment = p.fragment.clone();
        let (theme, lang) = (p.theme, p.lang);
        Callback::from(move |_: MouseEvent| {
            copied.set(Copy::Idle);
            options.set(Some(SnippetOptions {
                base: crate::embed::bridge::page_base(),
                fragment: fragment.emit(()),
                width: 900,
                height: 640,
                theme,
                lang,
                editor: EditorMode::ReadOnly,
                autoplay: false,
            }));
        })
    };
    let button = html! {
        <button type="button" class="btn btn--ghost" data-testid="embed-open" ref={opener}
                title={t(lang, Key::EmbedButtonTitle)} onclick={open}>
            { t(lang, Key::EmbedButton) }
        </button>
    };
    let Some(o) = (*options).clone() else {
        return button;
    };

    let close = {
        let options = options.clone();
        Callback::from(move |()| options.set(None))
    };
    let on_key = close.reform(|_: ()| ());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            on_key.emit(());
        }
    });
    // Every option edits a copy of the options.
    let change = |f: fn(&mut SnippetOptions, String)| {
        let options = options.clone();
        let copied = copied.clone();
        let o = o.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| {
                    if i.type_() == "checkbox" {
                        i.checked().to_string()
                    } else {
                        i.value()
                    }
                })
                .or_else(|| e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()))
                .unwrap_or_default();
            let mut next = o.clone();
            f(&mut next, value);
            copied.set(Copy::Idle);
            options.set(Some(next));
        })
    };
    let on_width = change(|o, v| {
        o.width = v
            .trim()
            .parse()
            .unwrap_or(o.width)
            .clamp(MIN_SIZE, MAX_SIZE)
    });
    let on_height = change(|o, v| {
        o.height = v
            .trim()
            .parse()
            .unwrap_or(o.height)
            .clamp(MIN_SIZE, MAX_SIZE)
    });
    let on_theme = change(|o, v| o.theme = Theme::from_attr(&v));
    let on_lang = change(|o, v| o.lang = Lang::from_tag(&v));
    let on_editor = change(|o, v| o.editor = EditorMode::from_param(&v).unwrap_or_default());
    let on_autoplay = change(|o, v| o.autoplay = v == "true");

    let code = snippet(&o, t(o.lang, Key::AppTitle));
    let on_copy = {
        let copied = copied.clone();
        let code = code.clone();
        let area = area.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let area = area.clone();
            crate::embed::bridge::copy_text(
                &code,
                Callback::from(move |ok: bool| {
                    if !ok {
                        // Select the code so the author can copy it by hand.
                        if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                            a.select();
                        }
                    }
                    copied.set(if ok { Copy::Done } else { Copy::Failed });
                }),
            );
        })
    };
    let theme_option = |th: Theme, key: Key| {
        html! {
            <option value={th.attr()} selected={o.theme == th}>{ t(lang, key) }</option>
        }
    };
    let editor_option = |m: EditorMode, key: Key| {
        html! {
            <option value={m.param()} selected={o.editor == m}>{ t(lang, key) }</option>
        }
    };
    html! {
        <>
            { button }
            <div class="backdrop" onclick={close.reform(|_: MouseEvent| ())}></div>
            <div class="popover popover--wide embed-dialog" role="dialog" aria-modal="true"
                 aria-labelledby="embed-title" data-testid="embed-dialog" {onkeydown}>
                <header class="popover__head">
                    <h2 class="popover__title" id="embed-title">{ t(lang, Key::EmbedTitle) }</h2>
                    <button type="button" class="btn btn--icon" data-testid="embed-close"
                            aria-label={t(lang, Key::Close)} onclick={close.reform(|_: MouseEvent| ())}>{ "×" }</button>
                </header>
                <p class="embed-dialog__intro">{ t(lang, Key::EmbedIntro) }</p>
                <div class="embed-dialog__options">
                    <label class="field">
                        <span class="field__label">{ t(lang, Key::EmbedWidth) }</span>
                        <input type="number" data-testid="embed-width" min={MIN_SIZE.to_string()}
                               max={MAX_SIZE.to_string()} value={o.width.to_string()} onchange={on_width} />
                    </label>
                    <label class="field">
                        <span class="field__label">{ t(lang, Key::EmbedHeight) }</span>
                        <input type="number" data-testid="embed-height" min={MIN_SIZE.to_string()}
                               max={MAX_SIZE.to_string()} value={o.height.to_string()} onchange={on_height} />
                    </label>
                    <label class="field">
                        <span class="field__label">{ t(lang, Key::EmbedTheme) }</span>
                        <select data-testid="embed-theme" onchange={on_theme}>
                            { theme_option(Theme::Auto, Key::ThemeAuto) }
                            { theme_option(Theme::Light, Key::ThemeLight) }
                            { theme_option(Theme::Dark, Key::ThemeDark) }
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{ t(lang, Key::EmbedLanguage) }</span>
                        <select data-testid="embed-lang" onchange={on_lang}>
                            <option value="en" selected={o.lang == Lang::En}>{ t(lang, Key::EmbedLangEn) }</option>
                            <option value="pt-BR" selected={o.lang == Lang::PtBr}>{ t(lang, Key::EmbedLangPt) }</option>
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{ t(lang, Key::EmbedEditor) }</span>
                        <select data-testid="embed-editor" onchange={on_editor}>
                            { editor_option(EditorMode::None, Key::EmbedEditorNone) }
                            { editor_option(EditorMode::ReadOnly, Key::EmbedEditorRo) }
                            { editor_option(EditorMode::Editable, Key::EmbedEditorRw) }
                        </select>
                    </label>
                    <label class="field field--check">
                        <input type="checkbox" data-testid="embed-autoplay" checked={o.autoplay} onchange={on_autoplay} />
                        <span class="field__label">{ t(lang, Key::EmbedAutoplay) }</span>
                    </label>
                </div>
                <label class="embed-dialog__label" for="embed-snippet">{ t(lang, Key::EmbedSnippet) }</label>
                <textarea id="embed-snippet" class="embed-dialog__code" data-testid="embed-snippet"
                          readonly=true rows="7" spellcheck="false" wrap="soft" ref={area}
                          value={code} />
                <div class="embed-dialog__actions">
                    <button type="button" class="btn btn--primary" data-testid="embed-copy" onclick={on_copy}>
                        { t(lang, Key::EmbedCopy) }
                    </button>
                    <span class="embed-dialog__status" role="status" data-testid="embed-copy-status">
                        { match *copied {
                            Copy::Idle => "",
                            Copy::Done => t(lang, Key::EmbedCopied),
                            Copy::Failed => t(lang, Key::EmbedCopyFailed),
                        } }
                    </span>
                </div>
                <p class="embed-dialog__note">{ t(lang, Key::EmbedHostNote) }</p>
            </div>
        </>
    }
}
