//! Inputs the fuzzer found (`cargo xtask fuzz`), each kept in `tests/fuzz_regressions/` and
//! checked here by a test named after what it found.
//!
//! `cargo xtask fuzz` copies a crashing input of the `parse_check` and `compile`
//! targets into that folder; the stable replay test (`crates/fuzz-targets`)
//! runs every target on it at once, and the last test below fails until the
//! input has a test of its own here, saying what the right behaviour is.

#[path = "../../../tests/support/regressions.rs"]
mod regressions;

/// The input called `name` (lossy UTF-8, as the fuzz targets read it).
fn input(name: &str) -> String {
    regressions::read(env!("CARGO_MANIFEST_DIR"), name)
}

/// The diagnostics of input `name`, rendered as `go build` prints them.
fn diagnostics(name: &str) -> Vec<String> {
    let src = input(name);
    let index = gosched_lang::LineIndex::new(&src);
    let checked = gosched_lang::check(&src);
    assert!(
        checked.internal_errors.is_empty(),
        "{:?}",
        checked.internal_errors
    );
    checked
        .diagnostics
        .iter()
        .map(|d| d.render("main.go", &index))
        .collect()
}

#[test]
fn non_main_package_is_reported_when_it_imports() {
    // The error was charged to the first imported package (`errors`), so the
    // user saw no diagnostic and the program compiled.
    assert_eq!(
        diagnostics("non_main_package_with_imports"),
        ["main.go:1:9: package foo is not a main package"]
    );
    assert!(gosched_lang::compile::compile(&input("non_main_package_with_imports")).is_err());
}

#[test]
fn every_input_has_a_named_test() {
    regressions::assert_every_input_is_named(env!("CARGO_MANIFEST_DIR"));
}
