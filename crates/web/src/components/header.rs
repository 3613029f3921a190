//! The page header: the product name and tagline, and buttons for the theme, the keyboard
//! shortcuts and the simulator's assumptions.

use yew::prelude::*;

use crate::i18n::{t, tf, Key, Lang};
use crate::state::{Popover, Theme};

pub struct HeaderProps {
    pub lang: Lang,
    pub theme: Theme,
    pub on_theme: Callback<()>,
    pub on_popover: Callback<Popover>,
    /// More tools, first in the bar (Share, the language switch).
    pub tools: Html,
}

pub fn header(p: &HeaderProps) -> Html {
    let lang = p.lang;
    let theme_name = t(
        lang,
        match p.theme {
            Theme::Auto => Key::ThemeAuto,
            Theme::Light => Key::ThemeLight,
            Theme::Dark => Key::ThemeDark,
        },
    );
    let theme_label = tf(lang, Key::Theme, &[("name", theme_name)]);
    let glyph = match p.theme {
        Theme::Auto => "◐",
        Theme::Light => "☀",
        Theme::Dark => "☾",
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="brand__logo" aria-hidden="true">{ "G" }</span>
                <div>
                    <h1 class="brand__title" data-testid="title">{ t(lang, Key::AppTitle) }</h1>
                    <p class="brand__tagline">{ t(lang, Key::Tagline) }</p>
                </div>
            </div>
            <div class="topbar__tools">
                { p.tools.clone() }
                <button type="button" class="btn btn--ghost" data-testid="assumptions-button"
                        onclick={p.on_popover.reform(|_: MouseEvent| Popover::Assumptions)}>
                    { t(lang, Key::Assumptions) }
                </button>
                <button type="button" class="btn btn--ghost btn--icon" data-testid="help-button"
                        aria-label={t(lang, Key::Help)} title={t(lang, Key::Help)}
                        onclick={p.on_popover.reform(|_: MouseEvent| Popover::Help)}>
                    { "?" }
                </button>
                <button type="button" class="btn btn--ghost btn--icon" data-testid="theme-toggle"
                        aria-label={theme_label.clone()} title={theme_label}
                        onclick={p.on_theme.reform(|_: MouseEvent| ())}>
                    { glyph }
                </button>
            </div>
        </header>
    }
}
