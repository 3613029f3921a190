//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.
//!
//! Stages: formatting, clippy, native tests (nextest if present, plus doc tests; else
//! `cargo test`), a short fuzz run (each libFuzzer target for a few seconds, see
//! [`crate::fuzz::short`]; without the nightly toolchain, the fuzz inputs replayed through
//! the same target bodies on stable), browser tests (wasm-bindgen-test in headless Chromium: the web crate, the
//! simulator's determinism and explorer tests and the diagnostics corpus, checked against
//! the same data as natively), the release build (`trunk build --release`),
//! end-to-end tests (Playwright against that build) and the bundle budget. It ends with
//! one line, `N passed, N failed`, counting each test the runners report; a stage that is
//! a single check (fmt, clippy, build, budget) counts as one, and a failed stage counts at
//! least one failure.

use std::process::Command;
use std::time::Instant;

use crate::cmd::{self, Context};
use crate::count::{self, Runner, Tally};
use crate::setup::{self, Found, Needs};

/// How a stage's result is counted.
#[derive(Clone, Copy, Debug)]
enum Counting {
    /// One check: passes or fails as a whole.
    Check,
    /// Test runners: count the tests they report.
    Tests,
}

/// One stage's outcome.
struct Outcome {
    ok: bool,
    tally: Tally,
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!(
            "`cargo xtask test` takes no arguments, got `{arg}`"
        ));
    }
    let started = Instant::now();
    let ctx = Context::new(crate::project_root());
    let found = match setup::ensure(&ctx, Needs { browser: true }) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("error: set-up failed: {e}");
            println!("FAILED: set-up");
            println!("0 passed, 1 failed");
            return Err(String::new());
        }
    };

    let stages = stages(&ctx, found);
    let count = stages.len();
    let mut total = Tally::default();
    let mut report = Vec::new();
    let mut failed_stage = None;
    for (i, (name, counting, commands)) in stages.into_iter().enumerate() {
        println!("\n==> [{}/{count}] {name}", i + 1);
        let t0 = Instant::now();
        let outcome = match commands {
            Step::Commands(cmds) => run_commands(cmds),
            Step::Budget => check(crate::budget::check(&ctx)),
            Step::Fuzz { nightly: true } => {
                let (ok, tally) = crate::fuzz::short(&ctx);
                Outcome { ok, tally }
            }
            Step::Fuzz { nightly: false } => {
                // The same target bodies, on the committed regression inputs
                // and the seed corpus.
                println!(
                    "no nightly toolchain (or no cargo-fuzz): replaying the fuzz regression \
                     inputs and the seed corpus on stable instead of fuzzing"
                );
                run_commands(vec![(crate::fuzz::replay(&ctx), Some(Runner::Libtest))])
            }
        };
        let tally = settle(outcome, counting);
        let secs = t0.elapsed().as_secs_f64();
        report.push(format!(
            "  {:<38} {:>7.1} s  {} passed, {} failed",
            name, secs, tally.passed, tally.failed
        ));
        total += tally;
        if tally.failed > 0 {
            failed_stage = Some(name);
            break;
        }
    }

    println!("\nstages:");
    for line in &report {
        println!("{line}");
    }
    println!("total time {:.1} s", started.elapsed().as_secs_f64());
    if let Some(name) = failed_stage {
        println!("FAILED: {name}");
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if failed_stage.is_some() {
        Err(String::new())
    } else {
        Ok(())
    }
}

/// What a stage runs.
enum Step {
    /// Commands in order, each with the runner whose output it prints (if a test
    /// runner); the stage fails at the first one that fails.
    Commands(Vec<(Command, Option<Runner>)>),
    /// The bundle-size check.
    Budget,
    /// The short fuzz run with the nightly toolchain and cargo-fuzz; without
    /// them, the fuzz inputs replayed on stable.
    Fuzz { nightly: bool },
}

fn stages(ctx: &Context, found: Found) -> Vec<(&'static str, Counting, Step)> {
    let cargo = |args: &[&str]| {
        let mut c = ctx.cmd("cargo");
        c.args(args);
        c
    };
    // nextest does not run doc tests, so they get their own `cargo test --doc`.
    let native = if found.nextest {
        vec![
            (
                cargo(&["nextest", "run", "--workspace"]),
                Some(Runner::Nextest),
            ),
            (
                cargo(&["test", "--workspace", "--doc"]),
                Some(Runner::Libtest),
            ),
        ]
    } else {
        vec![(cargo(&["test", "--workspace"]), Some(Runner::Libtest))]
    };
    let mut browser = cargo(&[
        "test",
        "-p",
        "gosched-web",
        "--target",
        "wasm32-unknown-unknown",
        "--tests",
    ]);
    browser.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    // The simulator's determinism test, compiled to wasm32: its trace digests
    // must equal the native run's (tests/determinism/digests.txt).
    let mut wasm_determinism = cargo(&[
        "test",
        "-p",
        "gosched-sim",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "determinism",
    ]);
    wasm_determinism.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    // The schedule explorer, compiled to wasm32: it finds the same schedules
    // as natively and they replay (crates/sim/tests/explore.rs).
    let mut wasm_explore = cargo(&[
        "test",
        "-p",
        "gosched-sim",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "explore",
    ]);
    wasm_explore.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    // The diagnostics corpus, compiled to wasm32: the same errors as natively.
    let mut wasm_diagnostics = cargo(&[
        "test",
        "-p",
        "gosched-lang",
        "--target",
        "wasm32-unknown-unknown",
        "--test",
        "diagnostics",
    ]);
    wasm_diagnostics.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    let mut build = ctx.cmd("trunk");
    build.args(["build", "--release"]);
    let mut e2e = ctx.cmd_in(&setup::e2e_dir(&ctx.root), "playwright");
    e2e.arg("test");
    let clippy = cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]);
    let check = |c: Command| Step::Commands(vec![(c, None)]);
    let tests = |c: Command, r: Runner| Step::Commands(vec![(c, Some(r))]);
    vec![
        (
            "formatting (cargo fmt --check)",
            Counting::Check,
            check(cargo(&["fmt", "--check"])),
        ),
        (
            "lints (cargo clippy -D warnings)",
            Counting::Check,
            check(clippy),
        ),
        ("native tests", Counting::Tests, Step::Commands(native)),
        (
            if found.fuzz {
                "fuzz (each target a few seconds)"
            } else {
                "fuzz inputs replayed on stable (no nightly)"
            },
            Counting::Tests,
            Step::Fuzz {
                nightly: found.fuzz,
            },
        ),
        (
            "browser tests (wasm-bindgen-test)",
            Counting::Tests,
            Step::Commands(vec![
                (browser, Some(Runner::Libtest)),
                (wasm_determinism, Some(Runner::Libtest)),
                (wasm_explore, Some(Runner::Libtest)),
                (wasm_diagnostics, Some(Runner::Libtest)),
            ]),
        ),
        (
            "release build (trunk build --release)",
            Counting::Check,
            check(build),
        ),
        (
            "end-to-end tests (Playwright)",
            Counting::Tests,
            tests(e2e, Runner::Playwright),
        ),
        ("bundle budget (gzip -9)", Counting::Check, Step::Budget),
    ]
}

/// Runs `cmds` in order, teeing their output and counting what test runners report;
/// stops at the first failure.
fn run_commands(cmds: Vec<(Command, Option<Runner>)>) -> Outcome {
    let mut tally = Tally::default();
    for (mut c, runner) in cmds {
        match cmd::run_tee(&mut c) {
            Ok((ok, output)) => {
                if let Some(runner) = runner {
                    tally += count::tally(runner, &output);
                }
                if !ok {
                    return Outcome { ok: false, tally };
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                return Outcome { ok: false, tally };
            }
        }
    }
    Outcome { ok: true, tally }
}

fn check(result: Result<(), String>) -> Outcome {
    if let Err(e) = &result {
        eprintln!("error: {e}");
    }
    Outcome {
        ok: result.is_ok(),
        tally: Tally::default(),
    }
}

/// The stage's tally: a check counts as one; a failed stage counts at least one failure;
/// a test stage that ran no test fails (it means the runner found nothing to run).
fn settle(outcome: Outcome, counting: Counting) -> Tally {
    let mut tally = outcome.tally;
    match counting {
        Counting::Check if outcome.ok => tally.passed += 1,
        Counting::Check => tally.failed += 1,
        Counting::Tests if !outcome.ok && tally.failed == 0 => tally.failed = 1,
        Counting::Tests if tally.passed + tally.failed == 0 => {
            eprintln!("error: the stage ran no test");
            tally.failed = 1;
        }
        Counting::Tests => {}
    }
    tally
}
