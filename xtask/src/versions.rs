//! Tool versions the project pins, read from the files that pin them (never restated here).
//!
//! - wasm-bindgen: `Cargo.lock` (pinned with `=` in `Cargo.toml`), repeated in `Trunk.toml`.
//! - wasm-opt: `Trunk.toml` `[tools] wasm_opt`, provided by npm `binaryen` in
//!   `tests/e2e/package-lock.json`.

use std::path::Path;

/// The trunk release that builds with this Rust: 0.22 needs rustc 1.96.1 or newer.
pub const TRUNK: &str = "0.21.14";

/// The cargo-fuzz release `cargo xtask fuzz` installs (it builds in about 25 s; the
/// fuzzing itself needs the nightly toolchain).
pub const CARGO_FUZZ: &str = "0.13.2";

/// The version of package `name` in a `Cargo.lock` text, if it is there exactly once.
pub fn cargo_lock_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut found = Vec::new();
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line == wanted {
            if let Some(v) = lines.next().and_then(|l| quoted_value(l, "version")) {
                found.push(v);
            }
        }
    }
    found.dedup();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The string value of `key` in `[section]` of a small TOML file (`key = "value"` lines).
pub fn toml_value(text: &str, section: &str, key: &str) -> Option<String> {
    let header = format!("[{section}]");
    let mut inside = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == header;
        } else if inside {
            if let Some(v) = quoted_value(line, key) {
                return Some(v);
            }
        }
    }
    None
}

/// The version of `node_modules/<name>` in an npm `package-lock.json` text (the tidy
/// test compares npm binaryen with Trunk.toml's wasm_opt).
#[cfg(test)]
pub fn npm_lock_version(lock: &str, name: &str) -> Option<String> {
    let start = lock.find(&format!("\"node_modules/{name}\": {{"))?;
    let rest = &lock[start..];
    let at = rest.find("\"version\": \"")? + "\"version\": \"".len();
    let end = rest[at..].find('"')?;
    Some(rest[at..at + end].to_string())
}

/// `value` if `line` is `key = "value"` (spaces around `=` optional, comment after allowed).
fn quoted_value(line: &str, key: &str) -> Option<String> {
    let rest = line
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// The pins as read from the workspace at `root`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pins {
    /// wasm-bindgen in Cargo.lock, e.g. `0.2.130`.
    pub wasm_bindgen: String,
    /// `[tools] wasm_opt` in Trunk.toml, e.g. `version_132`.
    pub wasm_opt: String,
}

/// Reads the pins and checks that Trunk.toml agrees with Cargo.lock.
pub fn pins(root: &Path) -> Result<Pins, String> {
    let read = |name: &str| {
        std::fs::read_to_string(root.join(name)).map_err(|e| format!("cannot read {name}: {e}"))
    };
    let lock = read("Cargo.lock")?;
    let trunk = read("Trunk.toml")?;
    let wasm_bindgen = cargo_lock_version(&lock, "wasm-bindgen")
        .ok_or("Cargo.lock has no single wasm-bindgen version; run `cargo fetch`")?;
    let trunk_wbg = toml_value(&trunk, "tools", "wasm_bindgen")
        .ok_or("Trunk.toml has no [tools] wasm_bindgen pin")?;
    if trunk_wbg != wasm_bindgen {
        return Err(format!(
            "Trunk.toml pins wasm_bindgen = \"{trunk_wbg}\" but Cargo.lock has wasm-bindgen {wasm_bindgen}; \
             make them equal (and the `=` pin in Cargo.toml)"
        ));
    }
    let wasm_opt =
        toml_value(&trunk, "tools", "wasm_opt").ok_or("Trunk.toml has no [tools] wasm_opt pin")?;
    Ok(Pins {
        wasm_bindgen,
        wasm_opt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cargo_lock_versions() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-test\"\nversion = \"0.3.80\"\n";
        assert_eq!(
            cargo_lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            cargo_lock_version(lock, "wasm-bindgen-test").as_deref(),
            Some("0.3.80")
        );
        assert_eq!(cargo_lock_version(lock, "yew"), None);
        let two = format!("{lock}[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert_eq!(cargo_lock_version(&two, "wasm-bindgen"), None);
    }

    #[test]
    fn reads_toml_values_in_their_section_only() {
        let toml = "[build]\nwasm_opt = \"no\"\n[tools]\n# c\nwasm_bindgen = \"0.2.130\"  # pin\nwasm_opt=\"version_132\"\n";
        assert_eq!(
            toml_value(toml, "tools", "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            toml_value(toml, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_value(toml, "build", "wasm_opt").as_deref(), Some("no"));
        assert_eq!(toml_value(toml, "watch", "wasm_opt"), None);
    }

    #[test]
    fn reads_npm_lock_versions() {
        let lock = r#"{"packages": {"node_modules/binaryen": {
            "version": "132.0.0", "dev": true }, "node_modules/x": {"version": "1.0.0"}}}"#;
        assert_eq!(
            npm_lock_version(lock, "binaryen").as_deref(),
            Some("132.0.0")
        );
        assert_eq!(npm_lock_version(lock, "x").as_deref(), Some("1.0.0"));
        assert_eq!(npm_lock_version(lock, "y"), None);
    }
}
