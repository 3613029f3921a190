//! Counting tests in test runners' output: libtest and wasm-bindgen-test-runner
//! (`test result: ok. 2 passed; 0 failed; ...`), nextest (`Summary [...] 5 tests run:
//! 5 passed, 0 skipped`) and Playwright's list reporter (`  2 passed (3.0s)`).

use std::ops::AddAssign;

/// Tests passed and failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u32,
    pub failed: u32,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Which runner printed the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runner {
    /// `cargo test`, doc tests and wasm-bindgen-test-runner: one `test result:` line per binary.
    Libtest,
    /// `cargo nextest run`: one `Summary` line.
    Nextest,
    /// `playwright test` with the list reporter: one line per outcome at the end.
    Playwright,
}

/// Adds up the tests a runner reports in `output`.
pub fn tally(runner: Runner, output: &str) -> Tally {
    let mut t = Tally::default();
    for line in strip_ansi(output).lines() {
        let line = line.trim();
        let relevant = match runner {
            Runner::Libtest => line.starts_with("test result:"),
            Runner::Nextest => line.starts_with("Summary [") && line.contains("tests run:"),
            Runner::Playwright => {
                line.split_whitespace()
                    .next()
                    .is_some_and(|w| w.parse::<u32>().is_ok())
                    && line.split_whitespace().count() <= 4
            }
        };
        if !relevant {
            continue;
        }
        for (n, word) in numbered_words(line) {
            match word {
                "passed" | "flaky" => t.passed += n,
                "failed" | "interrupted" | "timed" => t.failed += n,
                _ => {}
            }
        }
    }
    t
}

/// `(n, word)` for each number followed by a word: "2 passed; 0 failed" gives
/// `[(2, "passed"), (0, "failed")]`.
fn numbered_words(line: &str) -> Vec<(u32, &str)> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter_map(|w| Some((w[0].parse().ok()?, w[1])))
        .collect()
}

/// `text` without ANSI escape sequences (colours).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                // Parameters and intermediates, then one final byte in '@'..='~'.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(passed: u32, failed: u32) -> Tally {
        Tally { passed, failed }
    }

    #[test]
    fn libtest_sums_every_binary() {
        let out = "running 4 tests\ntest a ... ok\n\
            test result: ok. 4 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
            \n   Doc-tests x\n\
            test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.1s\n\
            no tests to run!\n";
        assert_eq!(tally(Runner::Libtest, out), t(5, 2));
    }

    #[test]
    fn wasm_bindgen_test_runner_is_libtest_shaped() {
        let out = "running 2 tests\ntest x ... ok\n\n\
            test result: ok. 2 passed; 0 failed; 0 ignored; 0 filtered out; finished in 0.18s\n";
        assert_eq!(tally(Runner::Libtest, out), t(2, 0));
    }

    #[test]
    fn nextest_reads_the_summary_only() {
        let out = "    Starting 12 tests across 5 binaries\n        PASS [   0.004s] x::y\n\
            ------------\n     Summary [   0.031s] 12 tests run: 10 passed, 2 failed, 1 skipped\n";
        assert_eq!(tally(Runner::Nextest, out), t(10, 2));
        let colored = "\u{1b}[32;1m     Summary\u{1b}[0m [   0.031s] \u{1b}[1m7\u{1b}[0m tests run: \u{1b}[1m7\u{1b}[0m \u{1b}[32;1mpassed\u{1b}[0m, \u{1b}[1m0\u{1b}[0m skipped\n";
        assert_eq!(tally(Runner::Nextest, colored), t(7, 0));
        let timed_out = "     Summary [  60.0s] 3 tests run: 2 passed, 1 timed out, 0 skipped\n";
        assert_eq!(tally(Runner::Nextest, timed_out), t(2, 1));
    }

    #[test]
    fn playwright_list_reporter_footer() {
        let out = "Running 4 tests using 1 worker\n\n  ✓  1 specs/a.spec.mjs:6:1 › x (882ms)\n\
            \n  1 failed\n    specs/a.spec.mjs:9:1 › y\n  1 flaky\n    specs/a.spec.mjs:12:1 › z\n\
            \n  2 passed (3.0s)\n";
        assert_eq!(tally(Runner::Playwright, out), t(3, 1));
    }

    #[test]
    fn nothing_recognised_counts_nothing() {
        assert_eq!(
            tally(Runner::Libtest, "error[E0425]: cannot find value `x`\n"),
            t(0, 0)
        );
        assert_eq!(
            tally(Runner::Playwright, "Error: no build in dist\n"),
            t(0, 0)
        );
    }
}
