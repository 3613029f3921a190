//! The page's state as plain data: the program text and what gosched-lang says about it.
//!
//! Nothing here touches the browser, so it is tested natively.

use std::rc::Rc;

use gosched_lang::{LineCol, LineIndex};
use yew::Reducible;

/// The name diagnostics use for the one source file, as `go build` would.
pub const FILE_NAME: &str = "main.go";

/// Everything the page shows, derived from the program text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Playground {
    /// The program as typed in the editor.
    pub src: String,
    /// Diagnostics rendered as `go build` prints them (`main.go:7:1: syntax error: ...`), in source order.
    pub diagnostics: Vec<String>,
    /// The program's `go` statements, in source order.
    pub go_statements: Vec<GoStatement>,
}

/// One `go` statement, located the way Go prints positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoStatement {
    /// Where the `go` keyword is.
    pub at: LineCol,
    /// The statement's text on its first line (`go worker(id, &wg)`).
    pub text: String,
}

/// The ways the user can change the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The editor's text changed.
    Edit(String),
}

impl Playground {
    /// Analyzes `src` with gosched-lang and keeps what the page shows.
    pub fn new(src: impl Into<String>) -> Playground {
        let src = src.into();
        let analysis = gosched_lang::analyze(&src);
        let index = LineIndex::new(&src);
        let diagnostics = analysis
            .diagnostics
            .iter()
            .map(|d| d.render(FILE_NAME, &index))
            .collect();
        let go_statements = analysis
            .go_statements
            .iter()
            .map(|span| GoStatement {
                at: index.line_col(span.lo),
                text: first_line(&src, span.lo, span.hi),
            })
            .collect();
        Playground {
            src,
            diagnostics,
            go_statements,
        }
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(src) if src == self.src => self,
            Action::Edit(src) => Rc::new(Playground::new(src)),
        }
    }
}

/// The text of `src[lo..hi]` up to its first line break, trimmed. `hi` is clamped to
/// the text; other bad offsets give an empty string rather than a panic.
fn first_line(src: &str, lo: u32, hi: u32) -> String {
    let hi = (hi as usize).min(src.len());
    let text = src.get(lo as usize..hi).unwrap_or("");
    text.lines().next().unwrap_or("").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_program_compiles_and_starts_goroutines() {
        let page = Playground::new(crate::DEFAULT_PROGRAM);
        assert_eq!(page.diagnostics, Vec::<String>::new());
        let texts: Vec<&str> = page.go_statements.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["go worker(id, &wg)"]);
        let line = crate::DEFAULT_PROGRAM
            .lines()
            .position(|l| l.contains("go worker"))
            .map(|i| i + 1);
        assert_eq!(
            page.go_statements[0].at,
            LineCol {
                line: line.unwrap_or(0) as u32,
                col: 3
            }
        );
    }

    #[test]
    fn missing_closing_brace_is_reported_at_end_of_file_like_go() {
        // `go build` reports an unexpected EOF on the line after the last newline.
        let src = "package main\n\nfunc main() {\n";
        let page = Playground::new(src);
        assert_eq!(page.diagnostics.len(), 1, "{:?}", page.diagnostics);
        assert!(
            page.diagnostics[0].starts_with("main.go:4:1: syntax error: unexpected EOF"),
            "{:?}",
            page.diagnostics
        );
    }

    #[test]
    fn editing_to_the_same_text_keeps_the_state() {
        let page = Rc::new(Playground::new("package main\n"));
        let same = page.clone().reduce(Action::Edit("package main\n".into()));
        assert!(Rc::ptr_eq(&page, &same));
        let changed = page.reduce(Action::Edit("package main\n}".into()));
        assert_eq!(changed.diagnostics.len(), 1);
    }

    #[test]
    fn first_line_survives_bad_offsets() {
        assert_eq!(first_line("go f()\nx", 0, 9), "go f()");
        assert_eq!(first_line("héllo", 2, 3), "");
        assert_eq!(first_line("abc", 5, 9), "");
    }
}
