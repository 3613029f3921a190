//! The diagnostics corpus: erroneous programs with the errors Go 1.23 prints for them.
//!
//! Each `tests/diagnostics/*.go` file is a program followed by a trailing
//! comment block, `// Errors:` then one `// main.go:L:C: message` line per
//! output line of `go build` (labelled by `tests/diagnostics/label.py`; files
//! with a `// Differs from Go:` note are labelled by hand). The test runs
//! [`gosched_lang::analyze`] on the program part and compares the rendered
//! diagnostics with the block, all files at once, listing every mismatch.

use gosched_lang::{analyze, LineIndex};
use std::path::Path;

const MARK: &str = "// Errors:";

/// Splits a corpus file into the program and its expected output lines.
fn split(text: &str) -> (&str, Vec<String>) {
    match text.find(&format!("\n{MARK}")) {
        None => (text, Vec::new()),
        Some(i) => {
            let (program, block) = text.split_at(i + 1);
            let expected = block
                .lines()
                .skip(1)
                .filter_map(|l| l.strip_prefix("// "))
                .map(str::to_string)
                .collect();
            (program, expected)
        }
    }
}

/// Renders what `analyze` reports for `program`, one output line per entry.
fn rendered(program: &str) -> Vec<String> {
    let index = LineIndex::new(program);
    analyze(program)
        .diagnostics
        .iter()
        .flat_map(|d| {
            d.render("main.go", &index)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The one entry point: `None` if `program` gives exactly `expected`.
fn check(program: &str, expected: &[String]) -> Option<String> {
    let got = rendered(program);
    if got == expected {
        return None;
    }
    Some(format!(
        "  expected:\n    {}\n  got:\n    {}",
        expected.join("\n    "),
        got.join("\n    ")
    ))
}

#[test]
fn diagnostics_corpus_matches_go() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagnostics");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    let min = if std::env::var("CORPUS_ONLY").is_ok() {
        0
    } else {
        60
    };
    assert!(
        files.len() >= min,
        "the corpus should hold at least 60 programs, found {}",
        files.len()
    );
    let only = std::env::var("CORPUS_ONLY").ok();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("readable corpus file");
        let (program, expected) = split(&text);
        assert!(
            !expected.is_empty(),
            "{name}: no `// Errors:` block (run label.py)"
        );
        checked += 1;
        if let Some(diff) = check(program, &expected) {
            failures.push(format!("{name}:\n{diff}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} corpus programs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
