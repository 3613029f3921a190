//! Diagnostics: problems in the user's program, as data (span + Go-style message).
//!
//! The core never prints; front ends render a [`Diagnostic`] with
//! [`Diagnostic::render`] (`main.go:5:2: undefined: x`, as `go build` does).

use crate::span::{LineIndex, Span};

/// How many errors are reported at most, as the Go compiler does (it then
/// stops with "too many errors").
pub const MAX_ERRORS: usize = 10;

/// One problem in the user's program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    /// The message without position, worded like Go's (`declared and not used: x`).
    pub message: String,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
        }
    }

    /// `file:line:col: message`.
    pub fn render(&self, file: &str, index: &LineIndex) -> String {
        format!("{file}:{}: {}", index.line_col(self.span.lo), self.message)
    }
}

/// Sorts diagnostics into source order, drops exact duplicates and keeps at
/// most [`MAX_ERRORS`], as `go build` does.
pub fn finish(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    crate::sort::sort_by_key(&mut diags, |d| (d.span.lo, d.span.hi));
    diags.dedup_by(|a, b| a.span.lo == b.span.lo && a.message == b.message);
    diags.truncate(MAX_ERRORS);
    diags
}

/// Marks a source position inside a message (`other declaration of x` lines
/// name a position, as Go's do); [`resolve_positions`] turns it into
/// `main.go:L:C` once the line index is known.
pub(crate) fn pos_marker(offset: u32) -> String {
    format!("\u{1}{offset}\u{1}")
}

/// Replaces position markers in messages with `file:line:col`.
pub(crate) fn resolve_positions(diags: &mut [Diagnostic], file: &str, index: &LineIndex) {
    for d in diags {
        if !d.message.contains('\u{1}') {
            continue;
        }
        let mut out = String::new();
        let mut parts = d.message.split('\u{1}');
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        let rest: Vec<&str> = parts.collect();
        for (i, part) in rest.iter().enumerate() {
            if i % 2 == 0 {
                let off = part.parse::<u32>().unwrap_or(0);
                out.push_str(&format!("{file}:{}", index.line_col(off)));
            } else {
                out.push_str(part);
            }
        }
        d.message = out;
    }
}

/// Applies the Go compiler's reporting rules to diagnostics given in the
/// order they were found: at most one `syntax error` per line, and one copy
/// of equal messages on the same line (`cmd/compile/internal/base.ErrorfAt`).
/// Then resolves position markers and calls [`finish`].
pub(crate) fn finish_go(diags: Vec<Diagnostic>, index: &LineIndex) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    let mut last_syntax_line = 0;
    let mut last_other: Option<(u32, String)> = None;
    for d in diags {
        let line = index.line_col(d.span.lo).line;
        if d.message.starts_with("syntax error") {
            if line == last_syntax_line {
                continue;
            }
            last_syntax_line = line;
        } else {
            if let Some((l, m)) = &last_other {
                if *l == line && *m == d.message {
                    continue;
                }
            }
            last_other = Some((line, d.message.clone()));
        }
        out.push(d);
    }
    resolve_positions(&mut out, "main.go", index);
    // Go sorts by line and column (stable), then drops exact repeats.
    crate::sort::sort_by_key(&mut out, |d| index.line_col(d.span.lo));
    out.dedup_by(|a, b| {
        index.line_col(a.span.lo) == index.line_col(b.span.lo) && a.message == b.message
    });
    finish(out)
}
