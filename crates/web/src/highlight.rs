//! Syntax highlighting for the editor: gosched-lang's own lexer splits the source into
//! tokens, and each line becomes a list of (class, text) pieces.
//!
//! The lexer skips comments, so the text between two tokens is either white
//! space or comments; both are kept, so the pieces of a line always add up to
//! the line's text exactly (the highlighted `<pre>` must line up with the
//! `<textarea>` above it).

use gosched_lang::lexer::Lexer;
use gosched_lang::token::{LitKind, Tok};

/// What a piece of source text is, for colouring. `class()` names the CSS class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Plain,
    Keyword,
    /// Predeclared types and functions (`int`, `make`, `len`).
    Builtin,
    /// `true`, `false`, `nil`, `iota`.
    Constant,
    /// A name followed by `(`: a call or a declaration.
    Func,
    Number,
    Str,
    Comment,
    Punct,
}

impl Class {
    /// The CSS class of a piece (`tok tok--kw` ...), or "" for plain text.
    pub fn css(self) -> &'static str {
        match self {
            Class::Plain => "",
            Class::Keyword => "tok--kw",
            Class::Builtin => "tok--builtin",
            Class::Constant => "tok--const",
            Class::Func => "tok--fn",
            Class::Number => "tok--num",
            Class::Str => "tok--str",
            Class::Comment => "tok--comment",
            Class::Punct => "tok--punct",
        }
    }
}

/// One line of highlighted source: consecutive pieces that together are the line's text.
pub type Line = Vec<(Class, String)>;

const BUILTINS: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "append",
    "cap",
    "clear",
    "close",
    "copy",
    "delete",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "recover",
];

const CONSTANTS: &[&str] = &["true", "false", "nil", "iota"];

/// Splits `src` into highlighted lines (as many as `src.split('\n')` gives).
pub fn highlight(src: &str) -> Vec<Line> {
    let mut spans: Vec<(usize, usize, Class)> = Vec::new();
    let mut lx = Lexer::new(src);
    let mut pos = 0usize;
    // The previous token was a name waiting to know whether `(` follows.
    let mut pending_name: Option<usize> = None;
    // Bound the loop by the input size: the lexer always consumes input, but a
    // page must not hang if that ever changed.
    for _ in 0..=src.len() + 1 {
        lx.next();
        if lx.tok == Tok::Eof {
            break;
        }
        let (lo, hi) = (lx.off as usize, (lx.end as usize).min(src.len()));
        if lo < pos || lo > src.len() {
            break;
        }
        gaps(src, pos, lo, &mut spans);
        let class = match lx.tok {
            Tok::Semi => {
                // An automatic semicolon stands for a newline or a block comment.
                gaps(src, lo, hi, &mut spans);
                pos = hi.max(lo);
                continue;
            }
            Tok::Name if CONSTANTS.contains(&lx.lit) => Class::Constant,
            Tok::Name if BUILTINS.contains(&lx.lit) => Class::Builtin,
            Tok::Name => Class::Plain,
            Tok::Literal => match lx.kind {
                LitKind::String | LitKind::Rune => Class::Str,
                _ => Class::Number,
            },
            t if t as u8 >= Tok::Break as u8 => Class::Keyword,
            Tok::Lparen => {
                if let Some(i) = pending_name.take() {
                    if let Some(s) = spans.get_mut(i) {
                        if s.2 == Class::Plain {
                            s.2 = Class::Func;
                        }
                    }
                }
                Class::Punct
            }
            _ => Class::Punct,
        };
        pending_name = (lx.tok == Tok::Name).then_some(spans.len());
        spans.push((lo, hi, class));
        pos = hi;
    }
    gaps(src, pos, src.len(), &mut spans);
    split_lines(src, &spans)
}

/// Classifies the text between tokens: comments, and everything else plain.
fn gaps(src: &str, lo: usize, hi: usize, out: &mut Vec<(usize, usize, Class)>) {
    let Some(text) = src.get(lo..hi) else { return };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let (len, class) = if rest.starts_with("//") {
            (rest.find('\n').unwrap_or(rest.len()), Class::Comment)
        } else if rest.starts_with("/*") {
            (
                rest.find("*/").map_or(rest.len(), |e| e + 2),
                Class::Comment,
            )
        } else {
            let next = rest.find('/').filter(|&k| k > 0).unwrap_or(rest.len());
            let next = if next == 0 {
                rest.chars().next().map_or(1, char::len_utf8)
            } else {
                next
            };
            (next, Class::Plain)
        };
        out.push((lo + i, lo + i + len, class));
        i += len;
    }
}

/// Cuts the spans at line breaks.
fn split_lines(src: &str, spans: &[(usize, usize, Class)]) -> Vec<Line> {
    let mut lines: Vec<Line> = vec![Vec::new()];
    for &(lo, hi, class) in spans {
        let Some(text) = src.get(lo..hi) else {
            continue;
        };
        let mut parts = text.split('\n');
        if let Some(first) = parts.next() {
            push(&mut lines, class, first);
        }
        for part in parts {
            lines.push(Vec::new());
            push(&mut lines, class, part);
        }
    }
    lines
}

fn push(lines: &mut [Line], class: Class, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(line) = lines.last_mut() {
        match line.last_mut() {
            Some((c, t)) if *c == class => t.push_str(text),
            _ => line.push((class, text.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn pieces_add_up_to_the_source() {
        for src in [
            crate::DEFAULT_PROGRAM,
            "package main\n\n/* a\nblock */ func main() { x := `raw\nstring` // c\n}\n",
            "package main\nfunc main() { @ \"unterminated\n}",
            "",
            "é // ü\n",
        ] {
            let lines = highlight(src);
            assert_eq!(joined(&lines), src);
            assert_eq!(lines.len(), src.split('\n').count());
        }
    }

    #[test]
    fn classes_follow_go() {
        let lines =
            highlight("func main() {\n\tgo worker(1, \"x\") // start\n\tvar ok bool = true\n}");
        let find = |text: &str| {
            lines
                .iter()
                .flatten()
                .find(|(_, t)| t.trim() == text)
                .map(|(c, _)| *c)
        };
        assert_eq!(find("func"), Some(Class::Keyword));
        assert_eq!(find("go"), Some(Class::Keyword));
        assert_eq!(find("worker"), Some(Class::Func));
        assert_eq!(find("main"), Some(Class::Func));
        assert_eq!(find("1"), Some(Class::Number));
        assert_eq!(find("\"x\""), Some(Class::Str));
        assert_eq!(find("// start"), Some(Class::Comment));
        assert_eq!(find("bool"), Some(Class::Builtin));
        assert_eq!(find("true"), Some(Class::Constant));
        assert_eq!(find("ok"), Some(Class::Plain));
    }
}
