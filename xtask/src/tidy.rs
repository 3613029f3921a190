//! Tidy tests: repository-wide rules that are cheaper to check than to review.
//!
//! - Every `.rs` file under `crates/`, `fuzz/` and `xtask/` starts with a `//!` line saying what it is for.
//! - No line ends in whitespace.
//! - No `should_panic` attribute: a test says which error it expects instead.
//! - The pinned tool versions agree (Cargo.toml, Cargo.lock, Trunk.toml, npm lockfile).

use std::path::{Path, PathBuf};

use crate::versions;

fn rust_files() -> Vec<PathBuf> {
    let root = crate::project_root();
    let mut files = Vec::new();
    for dir in ["crates", "fuzz", "xtask"] {
        walk(&root.join(dir), &mut files);
    }
    files.sort();
    assert!(
        files.len() > 5,
        "found only {} .rs files: is the walk broken?",
        files.len()
    );
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "node_modules" && name != "corpus" && name != "artifacts"
            {
                walk(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(crate::project_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn every_rust_file_starts_with_a_doc_line() {
    let bad: Vec<String> = rust_files()
        .into_iter()
        .filter(|f| {
            !std::fs::read_to_string(f)
                .unwrap_or_default()
                .starts_with("//!")
        })
        .map(|f| relative(&f))
        .collect();
    assert!(
        bad.is_empty(),
        "these files must start with a `//!` line saying what they are for: {bad:#?}"
    );
}

#[test]
fn no_trailing_whitespace() {
    let mut bad = Vec::new();
    for file in rust_files() {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if line.ends_with([' ', '\t']) {
                bad.push(format!("{}:{}", relative(&file), i + 1));
            }
        }
    }
    assert!(bad.is_empty(), "trailing whitespace at: {bad:#?}");
}

#[test]
fn no_should_panic() {
    let attribute = concat!("#[should", "_panic");
    let bad: Vec<String> = rust_files()
        .into_iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_default()
                .contains(attribute)
        })
        .map(|f| relative(&f))
        .collect();
    assert!(
        bad.is_empty(),
        "tests must name the error they expect instead of {attribute}]: {bad:#?}"
    );
}

#[test]
fn pinned_versions_agree() {
    let root = crate::project_root();
    let read =
        |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    // Trunk.toml's wasm_bindgen == Cargo.lock's wasm-bindgen (checked by `pins`).
    let pins = versions::pins(&root).unwrap_or_else(|e| panic!("{e}"));
    // Cargo.toml pins exactly that version, so a `cargo update` cannot move it alone.
    let manifest = read("Cargo.toml");
    let pin = versions::toml_value(&manifest, "workspace.dependencies", "wasm-bindgen");
    assert_eq!(
        pin,
        Some(format!("={}", pins.wasm_bindgen)),
        "Cargo.toml must pin wasm-bindgen with `=`"
    );
    // npm binaryen's major version is the wasm-opt version Trunk.toml asks for.
    let binaryen = versions::npm_lock_version(&read("tests/e2e/package-lock.json"), "binaryen");
    let major = binaryen
        .as_deref()
        .and_then(|v| v.split('.').next())
        .map(|m| format!("version_{m}"));
    assert_eq!(
        major,
        Some(pins.wasm_opt),
        "Trunk.toml [tools] wasm_opt vs npm binaryen {binaryen:?}"
    );
}

#[test]
fn size_settings_stay_on() {
    // The bundle budget assumes these; turning one off costs 25-60% of the wasm size.
    let root = crate::project_root();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    let release: Vec<String> = manifest
        .split("[profile.release]")
        .nth(1)
        .map(|s| s.split("\n[").next().unwrap_or(""))
        .unwrap_or("")
        .lines()
        .map(|l| {
            l.split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<String>()
        })
        .collect();
    for setting in [
        "opt-level=\"z\"",
        "lto=true",
        "codegen-units=1",
        "panic=\"abort\"",
    ] {
        assert!(
            release.iter().any(|l| l == setting),
            "Cargo.toml [profile.release] must set {setting}"
        );
    }
    let index = std::fs::read_to_string(root.join("index.html")).unwrap_or_default();
    let rust_link = index
        .lines()
        .find(|l| l.contains("rel=\"rust\""))
        .unwrap_or("");
    assert!(
        rust_link.contains("data-wasm-opt=\"z\""),
        "index.html must build the app with data-wasm-opt=\"z\""
    );
}

#[test]
fn every_simplification_is_in_architecture_md() {
    // The page shows crates/sim/src/assumptions.rs; ARCHITECTURE.md lists the same ids.
    let root = crate::project_root();
    let list =
        std::fs::read_to_string(root.join("crates/sim/src/assumptions.rs")).unwrap_or_default();
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap_or_default();
    let ids: Vec<&str> = list
        .split("id: \"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert!(ids.len() >= 10, "assumptions.rs lists {} ids", ids.len());
    let missing: Vec<&&str> = ids
        .iter()
        .filter(|id| !doc.contains(&format!("- `{id}`:")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's Simplifications section lacks {missing:?}"
    );
}
