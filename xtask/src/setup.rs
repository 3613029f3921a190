//! "Install whatever is missing", idempotently: each tool is checked first (cheap
//! `--version` calls) and installed only if absent or at the wrong version.
//!
//! What the project needs, and where it comes from (registries only; nothing downloads
//! a prebuilt binary from elsewhere):
//! - Debian's `chromium` and `chromium-driver`, and Node.js ≥ 20 with npm: apt-get when
//!   running as root, otherwise the exact command is printed and set-up stops.
//! - rustfmt, clippy and the `wasm32-unknown-unknown` target: rustup.
//! - trunk [`versions::TRUNK`] and wasm-bindgen-cli at Cargo.lock's wasm-bindgen version:
//!   `cargo install` into `.tools/` (a matching copy already on PATH is used as is).
//! - wasm-opt (npm `binaryen`), Playwright: `npm ci` from `tests/e2e/package-lock.json`.
//! - All crates: `cargo fetch`, because Trunk runs cargo offline.
//! - cargo-fuzz [`versions::CARGO_FUZZ`], when the nightly toolchain is installed (fuzzing
//!   needs it; without it `cargo xtask test` replays the fuzz inputs on stable instead):
//!   `cargo install --locked` into `.tools/`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cmd::{self, Context};
use crate::versions::{self, Pins};

/// What the caller is about to do, so set-up skips what it does not need.
#[derive(Clone, Copy, Debug)]
pub struct Needs {
    /// Browser tests will run: Chromium, chromedriver.
    pub browser: bool,
}

/// Optional tools that were found.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// `cargo nextest` is available.
    pub nextest: bool,
    /// The nightly toolchain and cargo-fuzz are available, so the fuzz targets can run.
    pub fuzz: bool,
}

/// Where `cargo install` puts the project's tools: `<root>/.tools/bin`.
pub fn tools_bin(root: &Path) -> PathBuf {
    root.join(".tools").join("bin")
}

/// The npm tools (wasm-opt, playwright): `<root>/tests/e2e/node_modules/.bin`.
pub fn node_bin(root: &Path) -> PathBuf {
    e2e_dir(root).join("node_modules").join(".bin")
}

/// The npm project with the browser end-to-end tests.
pub fn e2e_dir(root: &Path) -> PathBuf {
    root.join("tests").join("e2e")
}

/// `$CARGO_HOME`, or `~/.cargo`.
pub fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
}

/// Installs whatever is missing and reports what it did on one line.
pub fn ensure(ctx: &Context, needs: Needs) -> Result<Found, String> {
    let started = Instant::now();
    let mut installed = Vec::new();
    system_packages(ctx, needs, &mut installed)?;
    rust_parts(ctx, &mut installed)?;
    npm_packages(ctx, &mut installed)?;
    cmd::run(ctx.cmd("cargo").args(["fetch", "--quiet"]))?;
    let pins = versions::pins(&ctx.root)?;
    check_wasm_opt(ctx, &pins)?;
    wasm_bindgen(ctx, &pins, &mut installed)?;
    trunk(ctx, &mut installed)?;
    let nextest = cmd::stdout_of(ctx.cmd("cargo").args(["nextest", "--version"])).is_some();
    let fuzz = nightly(ctx) && cargo_fuzz(ctx, &mut installed).is_ok();
    let what = if installed.is_empty() {
        "everything was present".to_string()
    } else {
        format!("installed {}", installed.join(", "))
    };
    println!("setup: {what} ({:.1} s)", started.elapsed().as_secs_f64());
    Ok(Found { nextest, fuzz })
}

/// Whether the nightly toolchain is installed (`cargo +nightly` works).
pub fn nightly(ctx: &Context) -> bool {
    cmd::stdout_of(ctx.cmd("cargo").args(["+nightly", "--version"])).is_some()
}

/// Installs cargo-fuzz [`versions::CARGO_FUZZ`] into `.tools/` unless that version is on PATH.
pub fn cargo_fuzz(ctx: &Context, installed: &mut Vec<String>) -> Result<(), String> {
    let want = format!("cargo-fuzz {}", versions::CARGO_FUZZ);
    let ok = || cmd::stdout_of(ctx.cmd("cargo").args(["fuzz", "--version"])) == Some(want.clone());
    if ok() {
        return Ok(());
    }
    cargo_install(
        ctx,
        &["--locked", "cargo-fuzz", "--version", versions::CARGO_FUZZ],
    )?;
    if !ok() {
        return Err(format!(
            "installed cargo-fuzz {}, but `cargo fuzz --version` disagrees",
            versions::CARGO_FUZZ
        ));
    }
    installed.push(want);
    Ok(())
}

fn system_packages(ctx: &Context, needs: Needs, installed: &mut Vec<String>) -> Result<(), String> {
    let mut missing = Vec::new();
    if needs.browser {
        if !Path::new("/usr/bin/chromium").exists() {
            missing.push("chromium");
        }
        if !Path::new("/usr/bin/chromedriver").exists() {
            missing.push("chromium-driver");
        }
    }
    if cmd::stdout_of(ctx.cmd("node").arg("--version")).is_none()
        || cmd::stdout_of(ctx.cmd("npm").arg("--version")).is_none()
    {
        missing.extend(["nodejs", "npm"]);
    }
    if !missing.is_empty() {
        let install = format!(
            "apt-get install -y --no-install-recommends {}",
            missing.join(" ")
        );
        if cmd::stdout_of(ctx.cmd("id").arg("-u")).as_deref() != Some("0") {
            return Err(format!(
                "missing Debian packages: {}. Install them with:\n    sudo apt-get update && sudo {install}",
                missing.join(", ")
            ));
        }
        cmd::run(
            ctx.cmd("apt-get")
                .arg("update")
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        cmd::run(
            ctx.cmd("apt-get")
                .args(["install", "-y", "--no-install-recommends"])
                .args(&missing)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        installed.extend(missing.iter().map(|p| format!("{p} (apt)")));
    }
    // Playwright 1.65 declares node >= 20; Debian 12's own nodejs is 18.
    let node = cmd::stdout_of(ctx.cmd("node").arg("--version")).unwrap_or_default();
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node.js {node} is too old: the browser tests need Node.js 20 or newer"
        ));
    }
    Ok(())
}

fn rust_parts(ctx: &Context, installed: &mut Vec<String>) -> Result<(), String> {
    let fmt = cmd::stdout_of(ctx.cmd("cargo").args(["fmt", "--version"])).is_some();
    let clippy = cmd::stdout_of(ctx.cmd("cargo").args(["clippy", "--version"])).is_some();
    if !fmt || !clippy {
        cmd::run(
            ctx.cmd("rustup")
                .args(["component", "add", "rustfmt", "clippy"]),
        )?;
        installed.push("rustfmt and clippy (rustup)".into());
    }
    let target = "wasm32-unknown-unknown";
    let targets = cmd::stdout_of(ctx.cmd("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup not found: install Rust with rustup (https://rustup.rs)")?;
    if !targets.lines().any(|t| t.trim() == target) {
        cmd::run(ctx.cmd("rustup").args(["target", "add", target]))?;
        installed.push(format!("{target} (rustup)"));
    }
    Ok(())
}

/// `npm ci` when node_modules does not match the committed lockfile. A copy of the
/// lockfile inside node_modules records what was installed.
fn npm_packages(ctx: &Context, installed: &mut Vec<String>) -> Result<(), String> {
    let dir = e2e_dir(&ctx.root);
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("cannot read tests/e2e/package-lock.json: {e}"))?;
    let stamp = dir.join("node_modules").join(".xtask-package-lock.json");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    cmd::run(
        ctx.cmd_in(&dir, "npm")
            .args(["ci", "--no-audit", "--no-fund"]),
    )?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    installed.push("npm packages (npm ci)".into());
    Ok(())
}

fn check_wasm_opt(ctx: &Context, pins: &Pins) -> Result<(), String> {
    let found = cmd::stdout_of(ctx.cmd("wasm-opt").arg("--version")).unwrap_or_default();
    if found.contains(&format!("({})", pins.wasm_opt)) {
        Ok(())
    } else {
        Err(format!(
            "wasm-opt on PATH is `{found}` but Trunk.toml wants {}: tests/e2e/package-lock.json \
             must pin the matching npm `binaryen`",
            pins.wasm_opt
        ))
    }
}

fn wasm_bindgen(ctx: &Context, pins: &Pins, installed: &mut Vec<String>) -> Result<(), String> {
    let v = &pins.wasm_bindgen;
    let ok = || {
        cmd::stdout_of(ctx.cmd("wasm-bindgen").arg("--version"))
            == Some(format!("wasm-bindgen {v}"))
            && cmd::stdout_of(ctx.cmd("wasm-bindgen-test-runner").arg("--version"))
                == Some(format!("wasm-bindgen-test-runner {v}"))
    };
    if ok() {
        return Ok(());
    }
    // Not `--locked`: the CLI's own lockfile pins a webpki-roots release the registry
    // does not serve, so a locked install fails (see toolchain notes).
    cargo_install(ctx, &["wasm-bindgen-cli", "--version", v])?;
    if !ok() {
        return Err(format!(
            "installed wasm-bindgen-cli {v}, but `wasm-bindgen --version` disagrees"
        ));
    }
    installed.push(format!("wasm-bindgen-cli {v}"));
    Ok(())
}

fn trunk(ctx: &Context, installed: &mut Vec<String>) -> Result<(), String> {
    let want = format!("trunk {}", versions::TRUNK);
    let ok = || cmd::stdout_of(ctx.cmd("trunk").arg("--version")) == Some(want.clone());
    if ok() {
        return Ok(());
    }
    cargo_install(ctx, &["--locked", "trunk", "--version", versions::TRUNK])?;
    if !ok() {
        return Err(format!(
            "installed trunk {}, but `trunk --version` disagrees",
            versions::TRUNK
        ));
    }
    installed.push(want);
    Ok(())
}

/// `cargo install --root .tools ARGS` (a few minutes each: both are built from source).
fn cargo_install(ctx: &Context, args: &[&str]) -> Result<(), String> {
    let root = ctx.root.join(".tools");
    cmd::run(
        ctx.cmd("cargo")
            .arg("install")
            .arg("--root")
            .arg(&root)
            .args(args),
    )
}
