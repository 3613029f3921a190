//! `cargo xtask fuzz [--seconds N] [--target T]`: runs the libFuzzer targets in `fuzz/` with the
//! nightly toolchain, reports executions and coverage, and keeps every crash as a regression input.
//!
//! Each target starts from a corpus in `fuzz/corpus/<target>/` (not committed; minimized
//! with `cargo fuzz cmin` once it grows past [`MAX_CORPUS`] inputs), seeded here with every
//! program of `tests/programs/` and `web/lessons/`, and also reads the committed regression
//! inputs (`crates/{lang,sim,web}/tests/fuzz_regressions/`). A crash, hang (`-timeout`) or
//! out-of-memory (`-rss_limit_mb`) input is minimized (`cargo fuzz tmin`) and copied into the
//! regression folder of the crate it belongs to, where the stable replay test
//! (`crates/fuzz-targets/tests/replay.rs`) and that crate's `fuzz_regressions.rs` pick it up:
//! rename it after what it found and give it a test there. `cargo xtask test` runs [`short`]:
//! a few seconds per target, from the seeds alone.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::Instant;

use crate::cmd::{self, Context};

use crate::count::Tally;

#[path = "../../tests/support/go_files.rs"]
mod go_files;
use go_files::go_files;

/// The targets, in the order they run (`fuzz/fuzz_targets/<name>.rs`).
pub const TARGETS: [&str; 4] = ["parse_check", "compile", "run", "link_decode"];

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;

/// The whole short run inside `cargo xtask test` aims to fit this budget,
/// build included (`cargo xtask test` must stay quick).
const SHORT_BUDGET_SECONDS: u64 = 60;

/// No target gets fewer seconds than this in the short run, even after a
/// slow build.
const SHORT_MIN_SECONDS: u64 = 5;

/// libFuzzer's limits: an input running longer than this is a hang (a fuzzed
/// run is capped at 200,000 steps, milliseconds of work)...
const TIMEOUT_SECONDS: u64 = 10;
/// ...and a process growing past this is unbounded memory (a fuzzed run may
/// use 16 MiB of simulated heap).
const RSS_LIMIT_MB: u64 = 1024;
/// Longest input libFuzzer makes (the largest seed program is about 3 KB).
const MAX_LEN: u64 = 8192;

/// A grown corpus larger than this is minimized before a run (`cargo fuzz
/// cmin`): loading 10,000 inputs of the `run` target takes a minute.
const MAX_CORPUS: usize = 3000;

/// cargo-fuzz's build flags, the same for `build`, `run` and `tmin` (so nothing
/// rebuilds): optimized, with debug assertions and overflow checks, and
/// without AddressSanitizer (the code is safe Rust; ASan would halve the speed).
const BUILD_FLAGS: [&str; 3] = ["-O", "--debug-assertions", "--sanitizer=none"];

/// What one target's run found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub target: String,
    pub seconds: u64,
    /// `stat::number_of_executed_units`.
    pub executions: u64,
    /// `stat::average_exec_per_sec`.
    pub exec_per_sec: u64,
    /// Edges covered (`cov:`) and features (`ft:`) in libFuzzer's last status line.
    pub cov: u64,
    pub ft: u64,
    /// Inputs in the corpus at the end (`corp: N/...`).
    pub corpus: u64,
    /// `stat::peak_rss_mb`.
    pub peak_rss_mb: u64,
    /// Inputs libFuzzer wrote as crashes, hangs or out-of-memory (`crash-…`, `timeout-…`, `oom-…`).
    pub artifacts: Vec<PathBuf>,
    /// The fuzzer failed without writing an input (it did not start, say).
    pub failed: bool,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                seconds = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&s| s > 0)
                    .ok_or("--seconds takes a positive number")?;
            }
            "--target" => {
                let t = it.next().ok_or("--target takes a target name")?;
                if !TARGETS.contains(&t.as_str()) {
                    return Err(format!(
                        "unknown target `{t}`; targets: {}",
                        TARGETS.join(", ")
                    ));
                }
                only = Some(t.clone());
            }
            other => return Err(format!("unknown argument `{other}`\n\n{}", crate::USAGE)),
        }
    }
    let ctx = Context::new(crate::project_root());
    if !crate::setup::nightly(&ctx) {
        return Err(
            "fuzzing needs the nightly toolchain (`rustup toolchain install nightly`); \
             without it, `cargo test -p gosched-fuzz-targets` replays the fuzz inputs on stable"
                .into(),
        );
    }
    let mut installed = Vec::new();
    crate::setup::cargo_fuzz(&ctx, &mut installed)?;
    if !installed.is_empty() {
        println!("setup: installed {}", installed.join(", "));
    }
    let targets: Vec<&str> = TARGETS
        .iter()
        .copied()
        .filter(|t| only.as_deref().is_none_or(|o| o == *t))
        .collect();
    let seeded = seed_corpus(&ctx.root, &targets, false)?;
    println!("corpus: {seeded} seed programs per target");
    let t0 = Instant::now();
    build(&ctx)?;
    println!("build: {:.1} s", t0.elapsed().as_secs_f64());
    let mut reports = Vec::new();
    for t in &targets {
        reports.push(fuzz_target(&ctx, t, seconds, false)?);
    }
    print_reports(&reports);
    let kept = keep_artifacts(&ctx, &reports);
    if kept > 0 || reports.iter().any(|r| r.failed) {
        Err(format!("{kept} failing input(s) found"))
    } else {
        Ok(())
    }
}

/// The short run for `cargo xtask test`: every target for a few seconds,
/// within [`SHORT_BUDGET_SECONDS`] including the build. Each target counts as
/// one test (passed when it found nothing); a failed build counts as one failure.
pub fn short(ctx: &Context) -> (bool, Tally) {
    let mut tally = Tally::default();
    let t0 = Instant::now();
    if let Err(e) = seed_corpus(&ctx.root, &TARGETS, true).and_then(|_| build(ctx)) {
        eprintln!("error: {e}");
        tally.failed += 1;
        return (false, tally);
    }
    let built = t0.elapsed().as_secs();
    let per =
        (SHORT_BUDGET_SECONDS.saturating_sub(built) / TARGETS.len() as u64).max(SHORT_MIN_SECONDS);
    println!("fuzz targets built in {built} s; {per} s per target");
    let mut reports = Vec::new();
    for t in TARGETS {
        match fuzz_target(ctx, t, per, true) {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("error: {e}");
                reports.push(Report {
                    target: t.to_string(),
                    failed: true,
                    ..Report::default()
                });
            }
        }
    }
    print_reports(&reports);
    keep_artifacts(ctx, &reports);
    for r in &reports {
        if r.failed || !r.artifacts.is_empty() {
            tally.failed += 1;
        } else {
            tally.passed += 1;
        }
    }
    println!(
        "fuzz stage: {:.1} s in all (build {built} s)",
        t0.elapsed().as_secs_f64()
    );
    (tally.failed == 0, tally)
}

/// The stable fallback: the target bodies on every regression input and seed
/// program (`crates/fuzz-targets/tests/replay.rs`).
pub fn replay(ctx: &Context) -> Command {
    let mut c = ctx.cmd("cargo");
    c.args(["test", "-p", "gosched-fuzz-targets", "--test", "replay"]);
    c
}

/// `cargo +nightly fuzz <sub> <BUILD_FLAGS>` from the workspace root.
fn cargo_fuzz(ctx: &Context, sub: &str) -> Command {
    let mut c = ctx.cmd("cargo");
    c.args(["+nightly", "fuzz", sub]).args(BUILD_FLAGS);
    c
}

fn build(ctx: &Context) -> Result<(), String> {
    cmd::run(&mut cargo_fuzz(ctx, "build"))
}

/// Where a target's crashes are kept: the crate whose promise it checks.
fn regression_dir(root: &Path, target: &str) -> PathBuf {
    let krate = match target {
        "run" => "sim",
        "link_decode" => "web",
        _ => "lang",
    };
    root.join("crates")
        .join(krate)
        .join("tests")
        .join("fuzz_regressions")
}

/// The committed regression folders (read by every target).
fn regression_dirs(root: &Path) -> [PathBuf; 3] {
    [
        regression_dir(root, "parse_check"),
        regression_dir(root, "run"),
        regression_dir(root, "link_decode"),
    ]
}

/// The corpus folder of `target`: `fuzz/corpus/<target>/`, which grows from
/// run to run, or for the short run `fuzz/corpus/short-<target>/`, which
/// starts again from the seeds each time (loading a large grown corpus would
/// take the short run's whole budget).
fn corpus_dir(root: &Path, target: &str, short: bool) -> PathBuf {
    let name = if short {
        format!("short-{target}")
    } else {
        target.to_string()
    };
    root.join("fuzz").join("corpus").join(name)
}

/// Copies every seed program into the corpus of each target (skipping those
/// already there; a short corpus is emptied first); returns the number of
/// seed programs.
fn seed_corpus(root: &Path, targets: &[&str], short: bool) -> Result<usize, String> {
    let mut seeds = Vec::new();
    for dir in ["tests/programs", "web/lessons"] {
        go_files(&root.join(dir), &mut seeds);
    }
    seeds.sort();
    for t in targets {
        let dir = corpus_dir(root, t, short);
        if short && dir.is_dir() {
            std::fs::remove_dir_all(&dir)
                .map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        for s in &seeds {
            let rel = s.strip_prefix(root).unwrap_or(s);
            let name = format!("seed-{}", rel.to_string_lossy().replace(['/', '\\'], "-"));
            let to = dir.join(name);
            if !to.exists() {
                let program =
                    std::fs::read(s).map_err(|e| format!("cannot read {}: {e}", s.display()))?;
                // As gosched_fuzz_targets::seed: link_decode reads scenario
                // texts (settings, a blank line, the program).
                let mut data = Vec::new();
                if *t == "link_decode" {
                    data.push(b'\n');
                }
                data.extend_from_slice(&program);
                std::fs::write(&to, data)
                    .map_err(|e| format!("cannot write {}: {e}", to.display()))?;
            }
        }
    }
    Ok(seeds.len())
}

/// Fuzzes `target` for `seconds`, streaming libFuzzer's periodic status lines.
fn fuzz_target(ctx: &Context, target: &str, seconds: u64, short: bool) -> Result<Report, String> {
    let root = &ctx.root;
    let corpus = corpus_dir(root, target, short);
    if !short {
        minimize_corpus(ctx, target, &corpus)?;
    }
    let mut c = cargo_fuzz(ctx, "run");
    c.arg(target).arg(&corpus);
    for d in regression_dirs(root) {
        if d.is_dir() {
            c.arg(d);
        }
    }
    c.arg("--").args([
        format!("-max_total_time={seconds}"),
        format!("-timeout={TIMEOUT_SECONDS}"),
        format!("-rss_limit_mb={RSS_LIMIT_MB}"),
        format!("-max_len={MAX_LEN}"),
        "-print_final_stats=1".to_string(),
        "-print_pcs=0".to_string(),
    ]);
    let dict = match target {
        "parse_check" => Some("go.dict"),
        "link_decode" => Some("link.dict"),
        _ => None,
    };
    if let Some(d) = dict {
        c.arg(format!("-dict={}", root.join("fuzz").join(d).display()));
    }
    println!("\n--- fuzzing {target} for {seconds} s");
    let (ok, output) = run_filtered(&mut c)?;
    let mut report = parse_output(target, seconds, &output, root);
    report.failed = !ok && report.artifacts.is_empty();
    if report.failed {
        let tail: Vec<&str> = output.lines().rev().take(30).collect();
        for l in tail.into_iter().rev() {
            eprintln!("{l}");
        }
    }
    Ok(report)
}

/// Runs `cmd` capturing stdout and stderr, and echoes only libFuzzer's
/// progress and failure lines (it prints one line per new coverage otherwise).
fn run_filtered(cmd: &mut Command) -> Result<(bool, String), String> {
    println!("$ {}", cmd::show(cmd));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", cmd::show(cmd)))?;
    let out = child.stdout.take().map(|mut s| {
        thread::spawn(move || {
            let mut text = String::new();
            let _ = s.read_to_string(&mut text);
            text
        })
    });
    let mut text = String::new();
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if shows(&line) {
                println!("  {line}");
            }
            text.push_str(&line);
            text.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{}`: {e}", cmd::show(cmd)))?;
    if let Some(h) = out {
        text.push_str(&h.join().unwrap_or_default());
    }
    Ok((status.success(), text))
}

/// The lines worth showing while a target runs.
fn shows(line: &str) -> bool {
    let status = line.starts_with('#');
    (status && (line.contains("pulse ") || line.contains("INITED") || line.contains("DONE ")))
        || line.contains("ERROR:")
        || line.contains("panicked at")
        || line.contains("Test unit written to")
        || line.starts_with("error")
}

/// Reads a libFuzzer run's statistics and artifacts from its output.
fn parse_output(target: &str, seconds: u64, output: &str, root: &Path) -> Report {
    let mut r = Report {
        target: target.to_string(),
        seconds,
        ..Report::default()
    };
    for line in output.lines() {
        let line = line.trim();
        if let Some(v) = stat(line, "stat::number_of_executed_units:") {
            r.executions = v;
        } else if let Some(v) = stat(line, "stat::average_exec_per_sec:") {
            r.exec_per_sec = v;
        } else if let Some(v) = stat(line, "stat::peak_rss_mb:") {
            r.peak_rss_mb = v;
        }
        // Status lines: `#1234  NEW    cov: 980 ft: 4012 corp: 210/88Kb ...`.
        if line.starts_with('#') {
            if let Some(v) = after(line, "cov:") {
                r.cov = v;
            }
            if let Some(v) = after(line, "ft:") {
                r.ft = v;
            }
            if let Some(v) = after(line, "corp:") {
                r.corpus = v;
            }
        }
        if let Some(at) = line.find("Test unit written to ") {
            let p = line[at + "Test unit written to ".len()..].trim();
            let path = Path::new(p);
            r.artifacts.push(if path.is_absolute() {
                path.to_path_buf()
            } else {
                root.join(path)
            });
        }
    }
    r.artifacts.dedup();
    r
}

/// `N` in a `key: N` line.
fn stat(line: &str, key: &str) -> Option<u64> {
    line.strip_prefix(key)?.trim().parse().ok()
}

/// The number right after `key` (`cov: 980` → 980; `corp: 210/88Kb` → 210).
fn after(line: &str, key: &str) -> Option<u64> {
    let at = line.find(key)? + key.len();
    let digits: String = line[at..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn print_reports(reports: &[Report]) {
    println!(
        "\n{:<12} {:>7} {:>12} {:>9} {:>7} {:>8} {:>7} {:>8} {:>8}",
        "target", "seconds", "executions", "exec/s", "cov", "ft", "corpus", "rss MiB", "crashes"
    );
    for r in reports {
        println!(
            "{:<12} {:>7} {:>12} {:>9} {:>7} {:>8} {:>7} {:>8} {:>8}",
            r.target,
            r.seconds,
            r.executions,
            r.exec_per_sec,
            r.cov,
            r.ft,
            r.corpus,
            r.peak_rss_mb,
            if r.failed {
                "failed".to_string()
            } else {
                r.artifacts.len().to_string()
            }
        );
    }
}

/// Minimizes each failing input and copies it into its target's regression
/// folder; returns how many were kept.
fn keep_artifacts(ctx: &Context, reports: &[Report]) -> usize {
    let mut kept = 0;
    for r in reports {
        for a in &r.artifacts {
            let input = minimize(ctx, &r.target, a).unwrap_or_else(|| a.clone());
            let kind = a
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split('-').next())
                .unwrap_or("crash");
            let hash = a
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.rsplit('-').next())
                .map_or("input".to_string(), |h| h.chars().take(8).collect());
            let dir = regression_dir(&ctx.root, &r.target);
            let to = dir.join(format!("{}_{kind}_{hash}.go", r.target));
            let copied =
                std::fs::create_dir_all(&dir).and_then(|()| std::fs::copy(&input, &to).map(|_| ()));
            match copied {
                Ok(()) => {
                    kept += 1;
                    println!(
                        "kept {} ({kind} in target {}): rename it after what it found, give it a \
                         test in {}, and fix the bug",
                        to.strip_prefix(&ctx.root).unwrap_or(&to).display(),
                        r.target,
                        dir.with_extension("rs")
                            .strip_prefix(&ctx.root)
                            .unwrap_or(to.as_path())
                            .display(),
                    );
                }
                Err(e) => eprintln!("error: cannot keep {}: {e}", a.display()),
            }
        }
    }
    kept
}

/// Shrinks a corpus that has grown past [`MAX_CORPUS`] inputs to those that
/// add coverage (`cargo fuzz cmin`), so that loading it does not eat the run.
fn minimize_corpus(ctx: &Context, target: &str, corpus: &Path) -> Result<(), String> {
    let n = std::fs::read_dir(corpus).map_or(0, |rd| rd.count());
    if n <= MAX_CORPUS {
        return Ok(());
    }
    println!("\n--- {target}: {n} inputs in the corpus, minimizing it first");
    let mut c = cargo_fuzz(ctx, "cmin");
    c.arg(target).arg(corpus).args([
        "--".to_string(),
        format!("-timeout={TIMEOUT_SECONDS}"),
        format!("-rss_limit_mb={RSS_LIMIT_MB}"),
    ]);
    let (ok, _) = run_filtered(&mut c)?;
    if !ok {
        return Err(format!("`cargo fuzz cmin {target}` failed"));
    }
    let left = std::fs::read_dir(corpus).map_or(0, |rd| rd.count());
    println!("  {left} inputs kept");
    Ok(())
}

/// `cargo fuzz tmin` on a failing input; the minimized input, if it made one.
fn minimize(ctx: &Context, target: &str, artifact: &Path) -> Option<PathBuf> {
    let dir = artifact.parent()?;
    let before: Vec<PathBuf> = minimized(dir);
    let mut c = cargo_fuzz(ctx, "tmin");
    c.args([target, "--runs", "2000"]).arg(artifact).args([
        "--".to_string(),
        format!("-timeout={TIMEOUT_SECONDS}"),
        format!("-rss_limit_mb={RSS_LIMIT_MB}"),
        "-max_total_time=60".to_string(),
    ]);
    println!("\n--- minimizing {}", artifact.display());
    let _ = run_filtered(&mut c);
    minimized(dir).into_iter().find(|p| !before.contains(p))
}

/// The `minimized-from-…` files in an artifact folder.
fn minimized(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    rd.flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("minimized-from-"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_statistics_and_artifacts() {
        let out = "INFO: Seed: 1\n\
            #204\tINITED cov: 3512 ft: 9120 corp: 190/96Kb exec/s: 0 rss: 80Mb\n\
            #65536\tpulse  cov: 3600 ft: 9800 corp: 230/120Kb lim: 4096 exec/s: 3276 rss: 120Mb\n\
            #70011\tDONE   cov: 3611 ft: 9850 corp: 233/121Kb lim: 4096 exec/s: 3500 rss: 121Mb\n\
            artifact_prefix='/w/fuzz/artifacts/run/'; Test unit written to fuzz/artifacts/run/crash-0123456789abcdef\n\
            stat::number_of_executed_units: 70011\n\
            stat::average_exec_per_sec:     3500\n\
            stat::new_units_added:          43\n\
            stat::peak_rss_mb:              121\n";
        let r = parse_output("run", 20, out, Path::new("/w"));
        assert_eq!(
            (
                r.executions,
                r.exec_per_sec,
                r.cov,
                r.ft,
                r.corpus,
                r.peak_rss_mb
            ),
            (70011, 3500, 3611, 9850, 233, 121)
        );
        assert_eq!(
            r.artifacts,
            [PathBuf::from(
                "/w/fuzz/artifacts/run/crash-0123456789abcdef"
            )]
        );
    }

    #[test]
    fn crashes_go_to_the_crate_whose_promise_they_break() {
        let root = Path::new("/w");
        assert!(regression_dir(root, "run").ends_with("crates/sim/tests/fuzz_regressions"));
        assert!(regression_dir(root, "compile").ends_with("crates/lang/tests/fuzz_regressions"));
    }
}
