//! Same program, config and seed give the identical event sequence natively and in wasm.
//!
//! Both targets run every program of the labelled corpus (`tests/programs`)
//! and the lessons (`web/lessons`) under three configurations, and compare
//! each run with `tests/determinism/digests.txt`: natively under `cargo
//! nextest`, and compiled to wasm32 in headless Chromium under
//! wasm-bindgen-test (the "browser tests" stage of `cargo xtask test`). Each
//! line holds the run's outcome, a digest of its whole trace and digests of
//! every 256 events, so a mismatch names the first differing window of
//! events and prints it.
//!
//! A run that differs on one target only is a determinism bug; one that
//! differs on both is a behaviour change, accepted by re-running natively
//! with `UPDATE_EXPECT=1` (which also refreshes the embedded program list,
//! `tests/determinism/programs.rs`, after adding programs).

use gosched_sim::trace::{digest, digest_bytes, Event};
use gosched_sim::{Config, Machine, PreemptMode, TraceLevel};

#[path = "../../../tests/determinism/programs.rs"]
mod programs;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../../../tests/determinism/digests.txt");

/// Events per window digest.
const WINDOW: usize = 256;

/// Long runs are cut short (exit 124): a prefix of 100,000 steps already
/// covers their scheduling, and keeps the debug-build wasm run quick.
const MAX_STEPS: u64 = 100_000;

const CONFIGS: [(u32, PreemptMode, u64); 3] = [
    (1, PreemptMode::Async, 1),
    (4, PreemptMode::Async, 7),
    (2, PreemptMode::Cooperative, 3),
];

/// One run: its golden line, and its events (to print on a mismatch).
struct Run {
    line: String,
    events: Vec<Event>,
}

fn run_one(path: &str, src: &str, (procs, preempt, seed): (u32, PreemptMode, u64)) -> Run {
    let key = format!("{path} procs={procs} preempt={preempt:?} seed={seed}");
    let prog = match gosched_lang::compile::compile(src) {
        Ok(p) => p,
        Err(diags) => {
            // A program that does not compile is part of the record too
            // (the corpus holds none today).
            let first = diags.first().map(|d| d.message.clone()).unwrap_or_default();
            return Run {
                line: format!("{key}: compile error: {first}"),
                events: Vec::new(),
            };
        }
    };
    let mut cfg = Config {
        procs,
        preempt,
        seed,
        race: true,
        trace: TraceLevel::Full,
        ..Config::default()
    };
    cfg.limits.max_steps = MAX_STEPS;
    let mut m = Machine::new(prog.into(), cfg);
    let exit = m.run_to_end().exit_code;
    let events = m.take_events();
    let windows: Vec<String> = events
        .chunks(WINDOW)
        .map(|w| format!("{:08x}", digest(w) as u32))
        .collect();
    Run {
        line: format!(
            "{key}: exit={exit} steps={} time={} events={} stdout={:016x} trace={:016x} windows={}",
            m.step(),
            m.now(),
            events.len(),
            digest_bytes(m.stdout_text().as_bytes()),
            digest(&events),
            windows.join(","),
        ),
        events,
    }
}

/// Compares every run with the golden file; on a mismatch, describes the
/// first differing window and prints its events as this target saw them.
fn check_all() -> (String, Vec<String>) {
    let golden: std::collections::BTreeMap<&str, &str> =
        GOLDEN.lines().filter_map(|l| l.split_once(": ")).collect();
    let mut all = String::new();
    let mut failures = Vec::new();
    for (path, src) in programs::PROGRAMS {
        for cfg in CONFIGS {
            let run = run_one(path, src, cfg);
            all.push_str(&run.line);
            all.push('\n');
            let (key, got) = run.line.split_once(": ").unwrap_or((&run.line, ""));
            let Some(want) = golden.get(key) else {
                failures.push(format!("{key}: not in digests.txt"));
                continue;
            };
            if *want != got {
                failures.push(describe(key, want, got, &run.events));
            }
        }
    }
    (all, failures)
}

fn describe(key: &str, want: &str, got: &str, events: &[Event]) -> String {
    let windows = |s: &str| -> Vec<String> {
        s.split(" windows=")
            .nth(1)
            .unwrap_or("")
            .split(',')
            .map(str::to_string)
            .collect()
    };
    let (w, g) = (windows(want), windows(got));
    let first = w.iter().zip(&g).position(|(a, b)| a != b);
    let mut out = format!(
        "{key}\n  want {}\n  got  {}",
        want.split(" windows=").next().unwrap_or(want),
        got.split(" windows=").next().unwrap_or(got)
    );
    match first {
        Some(i) => {
            let start = i * WINDOW;
            out.push_str(&format!(
                "\n  first difference within events {start}..{}; this target recorded:",
                start + WINDOW
            ));
            for (k, e) in events.iter().enumerate().skip(start).take(WINDOW) {
                out.push_str(&format!(
                    "\n    #{k} step {} t={} {:?}",
                    e.step, e.time, e.kind
                ));
            }
        }
        None => out.push_str("\n  the events agree as far as both go; the outcome differs"),
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_runs_match_the_recorded_digests() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        write_program_list(&root);
    }
    let (all, failures) = check_all();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(root.join("tests/determinism/digests.txt"), &all)
            .expect("write digests.txt");
        return;
    }
    assert_program_list_is_fresh(&root);
    report(failures);
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_runs_match_the_recorded_digests() {
    report(check_all().1);
}

fn report(failures: Vec<String>) {
    let runs = programs::PROGRAMS.len() * CONFIGS.len();
    assert!(
        failures.is_empty(),
        "{} of {runs} runs differ from tests/determinism/digests.txt \
         (if the change is intended, re-run natively with UPDATE_EXPECT=1):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ===== the embedded program list =====

#[cfg(not(target_arch = "wasm32"))]
fn program_files(root: &std::path::Path) -> Vec<String> {
    fn walk(dir: &std::path::Path, rel: &str, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let rel = format!("{rel}/{name}");
            if e.path().is_dir() {
                walk(&e.path(), &rel, out);
            } else if name.ends_with(".go") {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root.join("tests/programs"), "tests/programs", &mut out);
    walk(&root.join("web/lessons"), "web/lessons", &mut out);
    out.sort();
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn program_list_source(root: &std::path::Path) -> String {
    let mut s = String::from(
        "//! Generated by `UPDATE_EXPECT=1 cargo test -p gosched-sim --test determinism`: every\n\
         //! corpus and lesson program, embedded so the wasm run sees them too.\n\n\
         pub const PROGRAMS: &[(&str, &str)] = &[\n",
    );
    for f in program_files(root) {
        s.push_str(&format!("    (\"{f}\", include_str!(\"../../{f}\")),\n"));
    }
    s.push_str("];\n");
    s
}

#[cfg(not(target_arch = "wasm32"))]
fn write_program_list(root: &std::path::Path) {
    std::fs::write(
        root.join("tests/determinism/programs.rs"),
        program_list_source(root),
    )
    .expect("write programs.rs");
}

#[cfg(not(target_arch = "wasm32"))]
fn assert_program_list_is_fresh(root: &std::path::Path) {
    // Compared without whitespace and trailing commas: rustfmt re-wraps the file.
    let squash = |s: &str| s.split_whitespace().collect::<String>().replace(",)", ")");
    let have =
        std::fs::read_to_string(root.join("tests/determinism/programs.rs")).unwrap_or_default();
    assert!(
        squash(&have) == squash(&program_list_source(root)),
        "tests/determinism/programs.rs is stale: run \
         `UPDATE_EXPECT=1 cargo test -p gosched-sim --test determinism`"
    );
}
