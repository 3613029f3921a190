//! Valid programs must check with zero diagnostics.
//!
//! Runs [`gosched_lang::check`] on every program in `tests/valid/` (written
//! for this crate, one per feature area; all pass `go vet` with Go 1.23) and,
//! when present, on the labelled corpus in the workspace's `tests/programs/`.
//! A program passes if it has no diagnostics, the embedded standard
//! library reported no internal errors, and it compiles to bytecode that
//! [`gosched_lang::bytecode::verify`] accepts.

use std::path::Path;

#[path = "../../../tests/support/go_files.rs"]
mod go_files;
use go_files::go_files;

/// The one entry point: `None` if `src` checks cleanly.
fn check(src: &str) -> Option<String> {
    let checked = gosched_lang::check(src);
    let index = gosched_lang::LineIndex::new(src);
    let mut problems: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| d.render("main.go", &index))
        .collect();
    problems.extend(
        checked
            .internal_errors
            .iter()
            .map(|e| format!("internal: {e}")),
    );
    if checked.program.is_none() && problems.is_empty() {
        problems.push("no program".into());
    }
    if let (true, Some(program)) = (problems.is_empty(), &checked.program) {
        match gosched_lang::compile::compile_checked(&checked.ast, checked.user_file, program, src)
        {
            Ok(bytecode) => {
                if let Err(e) = gosched_lang::bytecode::verify(&bytecode) {
                    problems.push(format!("ill-formed bytecode: {e}"));
                }
            }
            Err(e) => problems.push(format!("internal compiler error: {e}")),
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems.join("\n    "))
    }
}

fn run(dir: &Path, min: usize) {
    let mut files = Vec::new();
    go_files(dir, &mut files);
    files.sort();
    assert!(
        files.len() >= min,
        "expected at least {min} programs in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("readable program");
        if let Some(p) = check(&src) {
            failures.push(format!("{}:\n    {p}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs do not check:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn own_valid_programs_check_cleanly() {
    run(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid"),
        30,
    );
}

#[test]
fn workspace_corpus_checks_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    if dir.is_dir() {
        run(&dir, 1);
    }
}
