//! gosched-lang: the Go-subset front end (source text in, bytecode plus debug info or diagnostics out).
//!
//! **Architecture invariant:** this crate has no browser, terminal, clock,
//! randomness or file-system dependency, and no input makes it panic: bad
//! programs produce [`Diagnostic`]s.

pub mod bytecode;
pub mod ast;
pub mod branches;
pub mod diag;
pub mod lexer;
pub mod parser;
pub mod printer;
pub mod span;
pub mod token;

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

/// Parses `src` (the user's `main.go`) into a fresh [`ast::Ast`] holding one
/// file (`ast.files[0]`). Never fails: syntax errors come back as
/// diagnostics, in source order, worded as `go build` words them.
pub fn parse(src: &str) -> (ast::Ast, Vec<Diagnostic>) {
    let mut ast = ast::Ast::default();
    let mut diags = Vec::new();
    parser::parse_file(&mut ast, src, &mut diags);
    let index = LineIndex::new(src);
    (ast, diag::finish_go(diags, &index))
}

/// Parses (and, once the checker lands, type-checks) `src`.
pub fn analyze(src: &str) -> Analysis {
    let (ast, diagnostics) = parse(src);
    let mut go_statements: Vec<Span> = ast
        .stmts
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                ast::StmtKind::Call {
                    tok: token::Tok::Go,
                    ..
                }
            )
        })
        .map(|s| s.span)
        .collect();
    go_statements.sort();
    Analysis {
        go_statements,
        diagnostics,
    }
}
