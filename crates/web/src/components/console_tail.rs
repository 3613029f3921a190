//! The part of a run's output the console puts on the page: its last lines only.
//!
//! A program may print up to the output limit (1 MiB: half a million lines of `x`), and a
//! `<pre>` that large takes seconds to lay out, every frame it grows; the page would freeze
//! (measured: main-thread tasks of 1.7 s to 8 s for `for { fmt.Println("x") }`). So the
//! console shows at most [`TAIL_LINES`] lines and [`TAIL_BYTES`] bytes from the end, and
//! says how many lines it hides above them.

/// The most lines on the page. A terminal's scrollback is of this order (xterm keeps
/// 1,024 by default), and 2,000 short lines lay out in a few milliseconds.
pub const TAIL_LINES: usize = 2_000;
/// The most bytes on the page, for output with few or no line breaks.
pub const TAIL_BYTES: usize = 64 << 10;

/// What the console shows.
#[derive(Debug, PartialEq, Eq)]
pub struct Tail<'a> {
    /// Lines before the shown part (a line cut in two counts as hidden).
    pub hidden_lines: usize,
    /// The shown part: (chunk index, is stderr, text), in output order.
    pub parts: Vec<(usize, bool, &'a str)>,
}

/// The last [`TAIL_LINES`] lines (at most [`TAIL_BYTES`] bytes) of `chunks`.
pub fn tail(chunks: &[(bool, String)]) -> Tail<'_> {
    tail_within(chunks, TAIL_LINES, TAIL_BYTES)
}

fn tail_within(chunks: &[(bool, String)], max_lines: usize, max_bytes: usize) -> Tail<'_> {
    let mut parts = Vec::new();
    let mut lines = 0;
    let mut bytes = 0;
    // The chunk and byte offset where the shown part starts (None: everything shows).
    let mut cut = None;
    let last = chunks.len().saturating_sub(1);
    'chunks: for (i, (err, text)) in chunks.iter().enumerate().rev() {
        let b = text.as_bytes();
        // The output's final line break ends the last line; it starts no new one.
        let mut end = if i == last && b.last() == Some(&b'\n') {
            b.len() - 1
        } else {
            b.len()
        };
        let mut start = 0;
        let mut full = true;
        while let Some(nl) = b[..end].iter().rposition(|&c| c == b'\n') {
            lines += 1;
            if lines >= max_lines {
                start = nl + 1;
                full = false;
                break;
            }
            end = nl;
        }
        if bytes + (b.len() - start) > max_bytes {
            start = b.len() - (max_bytes - bytes);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            full = false;
        }
        bytes += b.len() - start;
        if start < b.len() {
            parts.push((i, *err, &text[start..]));
        }
        if !full {
            cut = Some((i, start));
            break 'chunks;
        }
    }
    parts.reverse();
    let hidden_lines = match cut {
        None => 0,
        Some((i, start)) => {
            let before = chunks[..i].iter().map(|(_, t)| t.as_str());
            let hidden: usize = before
                .chain([&chunks[i].1[..start]])
                .map(|t| t.bytes().filter(|&c| c == b'\n').count())
                .sum();
            let ends_line = chunks[i].1[..start].ends_with('\n')
                || (start == 0 && chunks[..i].last().is_none_or(|(_, t)| t.ends_with('\n')));
            hidden + usize::from(!ends_line)
        }
    };
    Tail {
        hidden_lines,
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(parts: &[(bool, &str)]) -> Vec<(bool, String)> {
        parts.iter().map(|(e, t)| (*e, t.to_string())).collect()
    }

    fn shown(t: &Tail) -> String {
        t.parts.iter().map(|(_, _, s)| *s).collect()
    }

    #[test]
    fn short_output_shows_whole() {
        let c = chunks(&[(false, "a\nb\n"), (true, "panic: x\n")]);
        let t = tail_within(&c, 3, 100);
        assert_eq!(t.hidden_lines, 0);
        assert_eq!(shown(&t), "a\nb\npanic: x\n");
        assert_eq!(t.parts[1], (1, true, "panic: x\n"));
    }

    #[test]
    fn long_output_keeps_the_last_lines_across_chunks() {
        let c = chunks(&[(false, "1\n2\n3\n4\n"), (true, "e1\ne2\n"), (false, "5\n")]);
        let t = tail_within(&c, 3, 100);
        assert_eq!(shown(&t), "e1\ne2\n5\n");
        assert_eq!(t.hidden_lines, 4);
        assert_eq!(t.parts[0], (1, true, "e1\ne2\n"));
        let t = tail_within(&c, 4, 100);
        assert_eq!(shown(&t), "4\ne1\ne2\n5\n");
        assert_eq!(t.hidden_lines, 3);
        assert_eq!(t.parts[0], (0, false, "4\n"));
    }

    #[test]
    fn an_unfinished_last_line_counts() {
        let c = chunks(&[(false, "1\n2\n3")]);
        let t = tail_within(&c, 2, 100);
        assert_eq!(shown(&t), "2\n3");
        assert_eq!(t.hidden_lines, 1);
    }

    #[test]
    fn one_long_line_is_cut_by_bytes_at_a_char_boundary() {
        let c = chunks(&[(false, "ééééé")]);
        let t = tail_within(&c, 10, 5);
        assert_eq!(shown(&t), "éé");
        assert_eq!(t.hidden_lines, 1);
        let c = chunks(&[(false, "ab\ncdefgh\n")]);
        let t = tail_within(&c, 10, 4);
        assert_eq!(shown(&t), "fgh\n");
        assert_eq!(t.hidden_lines, 2);
    }

    #[test]
    fn a_million_lines_show_the_last_two_thousand() {
        let c = chunks(&[
            (false, &"x\n".repeat(1_000_000)),
            (true, "gosched: output limit\n"),
        ]);
        let t = tail(&c);
        assert_eq!(shown(&t).lines().count(), TAIL_LINES);
        assert_eq!(t.hidden_lines, 1_000_000 + 1 - TAIL_LINES);
        assert!(shown(&t).ends_with("x\ngosched: output limit\n"));
    }
}
