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
    diags.sort_by_key(|d| (d.span.lo, d.span.hi));
    diags.dedup_by(|a, b| a.span.lo == b.span.lo && a.message == b.message);
    diags.truncate(MAX_ERRORS);
    diags
}
