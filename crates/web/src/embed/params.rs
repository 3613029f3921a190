//! Embed mode's URL parameters (`?embed&editor=ro&autoplay=1&theme=dark&lang=pt-BR`), read from the query string.
//!
//! The query is plain text from whoever wrote the host page, so reading it is
//! total: unknown parameters are ignored and a bad value falls back to the
//! default, never an error. Nothing here touches the browser (the page hands
//! in `location.search`), so it is tested natively.

use crate::i18n::Lang;
use crate::state::Theme;

/// How the embed shows the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EditorMode {
    /// No editor: the stage, the controls and the console only (`editor=0`).
    None,
    /// The program is shown but cannot be changed (`editor=ro`, the default:
    /// a course page usually shows a fixed example).
    #[default]
    ReadOnly,
    /// The reader can edit and rerun (`editor=rw`).
    Editable,
}

impl EditorMode {
    /// Every mode, in the order the Embed dialog lists them.
    pub const ALL: [EditorMode; 3] = [EditorMode::None, EditorMode::ReadOnly, EditorMode::Editable];

    /// The value of the `editor` parameter.
    pub fn param(self) -> &'static str {
        match self {
            EditorMode::None => "0",
            EditorMode::ReadOnly => "ro",
            EditorMode::Editable => "rw",
        }
    }

    pub fn from_param(s: &str) -> Option<EditorMode> {
        match s {
            "0" | "none" | "no" => Some(EditorMode::None),
            "ro" | "readonly" => Some(EditorMode::ReadOnly),
            "rw" | "1" => Some(EditorMode::Editable),
            _ => None,
        }
    }
}

/// What an embed URL asks for. `None` from [`parse`] means the page is not
/// embedded (no `embed` parameter).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct EmbedParams {
    pub editor: EditorMode,
    /// Start playing as soon as the program is loaded.
    pub autoplay: bool,
    /// A theme the host chose (else the reader's system theme).
    pub theme: Option<Theme>,
    /// A language the host chose (else the browser's).
    pub lang: Option<Lang>,
}

/// The longest query read (anything longer is not an embed URL we made).
const MAX_QUERY: usize = 2048;

/// Reads `location.search` (with or without the leading `?`).
pub fn parse(search: &str) -> Option<EmbedParams> {
    if search.len() > MAX_QUERY {
        return None;
    }
    let q = search.strip_prefix('?').unwrap_or(search);
    let mut embed = false;
    let mut p = EmbedParams::default();
    for pair in q.split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v);
        match k {
            // `?embed`, `?embed=1`, `?embed=true`; `?embed=0` turns it off.
            "embed" => embed = !matches!(v.as_str(), "0" | "false"),
            "editor" => p.editor = EditorMode::from_param(&v).unwrap_or(p.editor),
            "autoplay" => p.autoplay = matches!(v.as_str(), "1" | "true" | ""),
            "theme" => {
                p.theme = match v.as_str() {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    "auto" => Some(Theme::Auto),
                    _ => p.theme,
                }
            }
            "lang" if !v.is_empty() => {
                let primary = v.split(['-', '_']).next().unwrap_or("");
                if primary.eq_ignore_ascii_case("pt") || primary.eq_ignore_ascii_case("en") {
                    p.lang = Some(Lang::from_tag(&v));
                }
            }
            _ => {}
        }
    }
    embed.then_some(p)
}

/// Decodes `%XX` escapes and `+` (as a space); a malformed escape stays as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_embedded_without_the_parameter() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("?"), None);
        assert_eq!(parse("?editor=ro&lang=en"), None);
        assert_eq!(parse("?embed=0"), None);
        assert_eq!(parse("?embedded"), None);
    }

    #[test]
    fn every_parameter_is_read() {
        assert_eq!(parse("?embed"), Some(EmbedParams::default()));
        let p = parse("?embed=1&editor=rw&autoplay=1&theme=dark&lang=pt-BR").expect("embed");
        assert_eq!(
            p,
            EmbedParams {
                editor: EditorMode::Editable,
                autoplay: true,
                theme: Some(Theme::Dark),
                lang: Some(Lang::PtBr),
            }
        );
        let p = parse("embed&editor=0&theme=light&lang=en").expect("embed");
        assert_eq!(p.editor, EditorMode::None);
        assert_eq!(p.theme, Some(Theme::Light));
        assert_eq!(p.lang, Some(Lang::En));
        assert!(!p.autoplay);
        assert_eq!(
            parse("?embed&lang=pt%2DBR").and_then(|p| p.lang),
            Some(Lang::PtBr)
        );
        for m in EditorMode::ALL {
            assert_eq!(EditorMode::from_param(m.param()), Some(m));
        }
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let p =
            parse("?embed&editor=<script>&theme=%ZZ&lang=fr&autoplay=no&x=%&%%%").expect("embed");
        assert_eq!(p, EmbedParams::default());
        assert_eq!(parse(&format!("?embed&x={}", "a".repeat(MAX_QUERY))), None);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%e2%9c%93+ok"), "✓ ok");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }
}
