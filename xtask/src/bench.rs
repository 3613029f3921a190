//! `cargo xtask bench`: every benchmark, with the numbers the issues ask for.
//!
//! 1. `gosched bench` (the CLI built with the `bench-native` profile): the
//!    simulator beside real Go and yaegi on `tests/bench/` (wall time and peak
//!    memory, each in its own process; Go and yaegi are skipped if missing).
//! 2. The simulator's speed test (`crates/sim/tests/speed.rs`) natively and
//!    compiled to wasm32 in headless Chromium with the page's own `release`
//!    profile, and the wasm/native ratio of each benchmark (target: ≤ 2×).
//!
//! Extra arguments go to `gosched bench` (`--repeat 5`, `--only-gosched`).

use std::collections::BTreeMap;

use crate::cmd::{self, Context};
use crate::setup::{self, Needs};

pub fn run(args: &[String]) -> Result<(), String> {
    let ctx = Context::new(crate::project_root());
    setup::ensure(&ctx, Needs { browser: true })?;

    println!("==> gosched bench (native CLI beside Go and yaegi)");
    let mut build = ctx.cmd("cargo");
    build.args([
        "build",
        "--quiet",
        "--profile",
        "bench-native",
        "-p",
        "gosched-cli",
    ]);
    cmd::run(&mut build)?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| ctx.root.join("target"));
    let mut bench = ctx.cmd(
        target_dir
            .join("bench-native")
            .join("gosched")
            .to_str()
            .ok_or("target directory is not UTF-8")?,
    );
    bench.arg("bench").args(args);
    cmd::run(&mut bench)?;

    println!("\n==> the simulator natively and in wasm (headless Chromium)");
    let mut native = ctx.cmd("cargo");
    native.args([
        "test",
        "--quiet",
        "--profile",
        "bench-native",
        "-p",
        "gosched-sim",
        "--test",
        "speed",
        "--",
        "--ignored",
        "--nocapture",
    ]);
    let native = speeds(&mut native)?;
    let mut wasm = ctx.cmd("cargo");
    wasm.args([
        "test",
        "--release",
        "-p",
        "gosched-sim",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "speed",
        "--",
        "--include-ignored",
        "--nocapture",
    ]);
    wasm.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    let wasm = speeds(&mut wasm)?;

    println!(
        "\n{:<22} {:>12} {:>12} {:>8}",
        "benchmark", "native ms", "wasm ms", "ratio"
    );
    let mut worst: f64 = 0.0;
    for (name, n) in &native {
        let Some(w) = wasm.get(name) else {
            return Err(format!("the wasm run did not report `{name}`"));
        };
        let ratio = w / n;
        worst = worst.max(ratio);
        println!("{name:<22} {n:>12.1} {w:>12.1} {ratio:>7.2}×");
    }
    println!(
        "wasm/native: at most {worst:.2}× ({})",
        if worst <= 2.0 {
            "within the 2× target"
        } else {
            "OVER the 2× target"
        }
    );
    Ok(())
}

/// Runs a speed test and collects its `speed: NAME: MS ms` lines.
fn speeds(c: &mut std::process::Command) -> Result<BTreeMap<String, f64>, String> {
    let (ok, output) = cmd::run_tee(c)?;
    if !ok {
        return Err(format!("`{}` failed", cmd::show(c)));
    }
    let found = parse_speeds(&output);
    if found.is_empty() {
        return Err(format!("`{}` reported no speeds", cmd::show(c)));
    }
    Ok(found)
}

fn parse_speeds(output: &str) -> BTreeMap<String, f64> {
    output
        .lines()
        .filter_map(|l| {
            let rest = &l[l.find("speed: ")? + "speed: ".len()..];
            let (name, ms) = rest.rsplit_once(": ")?;
            let ms = ms.strip_suffix(" ms")?.trim().parse().ok()?;
            Some((name.to_string(), ms))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn speed_lines_are_parsed_wherever_the_runner_puts_them() {
        let out = "running 1 test\nspeed: cpu_bound race=off: 732.7 ms\n\
                   [log] speed: mutex_100k race=on: 207.7 ms\nspeed: broken\n";
        let got = super::parse_speeds(out);
        assert_eq!(got.len(), 2);
        assert_eq!(got["cpu_bound race=off"], 732.7);
        assert_eq!(got["mutex_100k race=on"], 207.7);
    }
}
