//! gosched-lang: the Go-subset front end (source text in, bytecode plus debug info or diagnostics out).
//!
//! **Architecture invariant:** this crate has no browser, terminal, clock,
//! randomness or file-system dependency, and no input makes it panic: bad
//! programs produce [`Diagnostic`]s.

pub mod bytecode;
pub mod diag;
pub mod span;

mod analyze_stub;

pub use diag::Diagnostic;
pub use span::{LineCol, LineIndex, Span};

/// What the first page shows about a program: where it starts goroutines,
/// or what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Span of each `go` statement, in source order.
    pub go_statements: Vec<Span>,
    /// Problems found, in source order, at most [`diag::MAX_ERRORS`].
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses (and, once the checker lands, type-checks) `src`.
pub fn analyze(src: &str) -> Analysis {
    analyze_stub::analyze(src)
}
