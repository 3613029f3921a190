//! The Embed dialog's output: the embed URL for a scenario and the `<iframe>` + host-script snippet to paste into a course page.
//!
//! Attribute values are escaped (`&`, `<`, `>`, `"`, `'`) even though every
//! part is either a fixed token or base64url: the page's own address comes
//! from the browser and could hold anything, and escaping costs nothing.

use super::params::EditorMode;
use crate::i18n::Lang;
use crate::state::Theme;

/// Everything the dialog lets the author choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnippetOptions {
    /// The playground's address without query or fragment (`https://host/path/`).
    pub base: String,
    /// The scenario as a link fragment (`v1.…`, without `#`).
    pub fragment: String,
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    pub lang: Lang,
    pub editor: EditorMode,
    pub autoplay: bool,
}

/// Width and height bounds the dialog accepts, in CSS pixels.
pub const MIN_SIZE: u32 = 200;
pub const MAX_SIZE: u32 = 4000;

/// The sandbox the snippet asks for: scripts (the page is WebAssembly), and
/// popups that escape the sandbox so that "Open in the playground" opens a
/// normal tab. No `allow-same-origin`: the embed needs no cookies or storage.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/// The embed's address: `base?embed&editor=…&theme=…&lang=…[&autoplay=1]#fragment`.
pub fn embed_url(o: &SnippetOptions) -> String {
    let mut url = format!(
        "{}?embed&editor={}&theme={}&lang={}",
        o.base,
        o.editor.param(),
        o.theme.attr(),
        o.lang.tag()
    );
    if o.autoplay {
        url.push_str("&autoplay=1");
    }
    if !o.fragment.is_empty() {
        url.push('#');
        url.push_str(o.fragment.strip_prefix('#').unwrap_or(&o.fragment));
    }
    url
}

/// The directory of `base` (what `embed-host.js` is relative to).
pub fn base_dir(base: &str) -> &str {
    match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    }
}

/// The snippet: the iframe, then the host script that sizes it and offers the API.
pub fn snippet(o: &SnippetOptions, title: &str) -> String {
    let width = o.width.clamp(MIN_SIZE, MAX_SIZE);
    let height = o.height.clamp(MIN_SIZE, MAX_SIZE);
    let iframe = element(
        "iframe",
        &[
            ("src", &embed_url(o)),
            ("width", &width.to_string()),
            ("height", &height.to_string()),
            ("title", title),
            ("sandbox", SANDBOX),
            ("loading", "lazy"),
            ("style", "border:0;max-width:100%"),
            ("data-gosched", ""),
        ],
    );
    let script = element(
        "script",
        &[
            ("src", &format!("{}embed-host.js", base_dir(&o.base))),
            ("async", ""),
        ],
    );
    format!("{iframe}</iframe>\n{script}</script>")
}

/// An opening tag with escaped attribute values (an empty value is written as a bare attribute).
fn element(name: &str, attrs: &[(&str, &str)]) -> String {
    let mut s = format!("<{name}");
    for (k, v) in attrs {
        s.push(' ');
        s.push_str(k);
        if !v.is_empty() {
            s.push_str("=\"");
            s.push_str(&escape_attr(v));
            s.push('"');
        }
    }
    s.push('>');
    s
}

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attr(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn options() -> SnippetOptions {
        SnippetOptions {
            base: "https://example.org/gosched/".into(),
            fragment:
                "v1.q1ZKSs0rzs9NVbJSUMoqzs9TSixKzy_KTc1L0ctKLEvMUbIqKSpN1VEqS8zJTFGyUipLzCnNVaoFAA"
                    .into(),
            width: 800,
            height: 600,
            theme: Theme::Dark,
            lang: Lang::PtBr,
            editor: EditorMode::ReadOnly,
            autoplay: true,
        }
    }

    #[test]
    fn the_snippet_holds_every_choice() {
        expect![[r#"
            <iframe src="https://example.org/gosched/?embed&amp;editor=ro&amp;theme=dark&amp;lang=pt-BR&amp;autoplay=1#v1.q1ZKSs0rzs9NVbJSUMoqzs9TSixKzy_KTc1L0ctKLEvMUbIqKSpN1VEqS8zJTFGyUipLzCnNVaoFAA" width="800" height="600" title="Go Scheduler Playground" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy" style="border:0;max-width:100%" data-gosched></iframe>
            <script src="https://example.org/gosched/embed-host.js" async></script>"#]]
        .assert_eq(&snippet(&options(), "Go Scheduler Playground"));
    }

    #[test]
    fn sizes_are_clamped_and_autoplay_is_optional() {
        let mut o = options();
        o.width = 1;
        o.height = 1_000_000;
        o.autoplay = false;
        o.editor = EditorMode::None;
        let s = snippet(&o, "t");
        assert!(s.contains(r#"width="200" height="4000""#), "{s}");
        assert!(!s.contains("autoplay"), "{s}");
        assert!(s.contains("editor=0"), "{s}");
    }

    #[test]
    fn hostile_text_cannot_leave_its_attribute() {
        let mut o = options();
        o.base = r#"https://evil.example/"><script>alert(1)</script>'/"#.into();
        o.fragment = "#v1.a\"b".into();
        let s = snippet(&o, "<b>\"title\"</b>");
        // Exactly two elements, whatever the input.
        assert_eq!(s.matches('<').count(), 4, "{s}");
        assert_eq!(s.matches('>').count(), 4, "{s}");
        assert!(!s.contains("<script>alert"), "{s}");
        assert!(
            s.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"),
            "{s}"
        );
        assert!(s.contains("#v1.a&quot;b"), "{s}");
    }

    #[test]
    fn host_script_sits_beside_the_page() {
        assert_eq!(base_dir("https://h/a/index.html"), "https://h/a/");
        assert_eq!(base_dir("https://h/a/"), "https://h/a/");
        assert_eq!(base_dir("x"), "");
    }
}
