//! Inputs the fuzzer found, kept as files beside the test that names each one (included with
//! `#[path]` by the front end's and the simulator's `fuzz_regressions.rs`).

use std::path::{Path, PathBuf};

/// The crate's folder of kept inputs (`tests/fuzz_regressions`).
pub fn dir(manifest_dir: &str) -> PathBuf {
    Path::new(manifest_dir).join("tests/fuzz_regressions")
}

/// The kept input `name` (`name.go`) as the fuzz targets read it: lossy UTF-8.
pub fn read(manifest_dir: &str, name: &str) -> String {
    let path = dir(manifest_dir).join(format!("{name}.go"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Fails naming every kept input that the crate's `tests/fuzz_regressions.rs` never
/// mentions as `"name"`: each needs a test of its own saying what the right behaviour is.
pub fn assert_every_input_is_named(manifest_dir: &str) {
    let this = std::fs::read_to_string(Path::new(manifest_dir).join("tests/fuzz_regressions.rs"))
        .expect("the test file");
    let mut missing = Vec::new();
    for e in std::fs::read_dir(dir(manifest_dir))
        .expect("tests/fuzz_regressions")
        .flatten()
    {
        let path = e.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if !this.contains(&format!("\"{stem}\"")) {
            missing.push(stem.to_string());
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "inputs without a test (rename each after what it found, then test it here): {missing:?}"
    );
}
