//! Placeholder for [`crate::analyze`] until the real parser lands: finds `go`
//! keywords and reports unbalanced brackets. Replaced by the parser.

use crate::diag::Diagnostic;
use crate::span::Span;
use crate::Analysis;

pub(crate) fn analyze(src: &str) -> Analysis {
    let bytes = src.as_bytes();
    let mut out = Analysis::default();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'`' | b'\'' => {
                let q = b;
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    if bytes[i] == b'\\' && q != b'`' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => stack.push((b, i)),
            b')' | b']' | b'}' => {
                let want = match b {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    Some((open, _)) if open == want => {}
                    _ => out.diagnostics.push(Diagnostic::new(
                        Span::new(i as u32, i as u32 + 1),
                        format!("syntax error: unexpected {}", b as char),
                    )),
                }
            }
            b'g' if bytes[i..].starts_with(b"go ")
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let end = src[i..].find('\n').map_or(src.len(), |n| i + n);
                out.go_statements.push(Span::new(i as u32, end as u32));
            }
            _ => {}
        }
        i += 1;
    }
    if !stack.is_empty() {
        let n = src.len() as u32;
        out.diagnostics.push(Diagnostic::new(
            Span::new(n, n),
            "syntax error: unexpected EOF, expected }",
        ));
    }
    out.diagnostics = crate::diag::finish(out.diagnostics);
    out
}
