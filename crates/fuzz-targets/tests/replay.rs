//! The fuzz targets on stable: every committed regression input and every seed program, through
//! the same target bodies libFuzzer runs (`cargo xtask test` falls back to this when the nightly
//! toolchain is missing; `cargo xtask fuzz` fuzzes from the same inputs).

use std::path::{Path, PathBuf};

#[path = "../../../tests/support/go_files.rs"]
mod go_files;
use go_files::go_files;

/// The workspace root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed corpus (`tests/programs/`, `web/lessons/`) and the committed
/// regression inputs (`crates/{lang,sim,web}/tests/fuzz_regressions/`).
fn inputs() -> Vec<PathBuf> {
    let root = root();
    let mut out = Vec::new();
    for dir in [
        "tests/programs",
        "web/lessons",
        "crates/lang/tests/fuzz_regressions",
        "crates/sim/tests/fuzz_regressions",
        "crates/web/tests/fuzz_regressions",
    ] {
        go_files(&root.join(dir), &mut out);
    }
    out.sort();
    out
}

/// Runs `target` on every input; fails listing the inputs that broke it.
fn replay(target: &str) {
    let inputs = inputs();
    assert!(inputs.len() > 150, "seed corpus missing: {}", inputs.len());
    let mut failures = Vec::new();
    for path in &inputs {
        let data =
            gosched_fuzz_targets::seed(target, &std::fs::read(path).expect("readable input"));
        let result = std::panic::catch_unwind(|| {
            assert!(gosched_fuzz_targets::run_target(target, &data));
        });
        if result.is_err() {
            failures.push(path.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "target {target} failed on {} of {} inputs:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
    println!("{target}: {} inputs replayed", inputs.len());
}

#[test]
fn parse_check_on_every_seed_and_regression() {
    replay("parse_check");
}

#[test]
fn compile_on_every_seed_and_regression() {
    replay("compile");
}

#[test]
fn run_on_every_seed_and_regression() {
    replay("run");
}

#[test]
fn link_decode_on_every_seed_and_regression() {
    replay("link_decode");
}

#[test]
fn mutants_of_seeds_pass_the_targets() {
    // A taste of what the fuzzer does, on stable: a few mutants of every seed.
    let inputs = inputs();
    let mut failures = Vec::new();
    for (i, path) in inputs.iter().enumerate() {
        let data = std::fs::read(path).expect("readable input");
        for k in 0..3u32 {
            let seed = i as u32 * 7 + k;
            let mutant = gosched_fuzz_targets::mutate::mutate(&data, seed, 8192);
            let result = std::panic::catch_unwind(|| {
                gosched_fuzz_targets::compile(&mutant);
                gosched_fuzz_targets::run(&mutant);
            });
            if result.is_err() {
                failures.push(format!(
                    "{} mutated with seed {seed}:\n{}",
                    path.display(),
                    String::from_utf8_lossy(&mutant)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
