//! The labelled Go corpus (tests/programs): compile each program, run it in the simulator with
//! its `// Run:` settings, and compare with what real Go did (see tests/programs/README.md).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gosched_sim::{Config, Machine, PreemptMode, TraceLevel};

#[path = "../../../tests/support/go_files.rs"]
mod go_files;
use go_files::go_files;

/// What a program's trailing comment block expects.
#[derive(Debug, Default)]
struct Expect {
    procs: u32,
    coop: bool,
    race: bool,
    seed: Option<u64>,
    output: Option<Vec<String>>,
    unordered: bool,
    exit: Option<i32>,
    hang: bool,
    stderr: Vec<String>,
    races: Vec<(u32, u32)>,
    no_race: bool,
}

fn parse(src: &str) -> Expect {
    let lines: Vec<&str> = src.trim_end().lines().collect();
    let mut start = lines.len();
    while start > 0 && lines[start - 1].starts_with("//") {
        start -= 1;
    }
    let mut e = Expect {
        procs: 4,
        ..Expect::default()
    };
    let mut section: Option<&str> = None;
    let mut out: Vec<String> = Vec::new();
    let mut in_block = false;
    for l in &lines[start..] {
        let body = l
            .strip_prefix("// ")
            .unwrap_or(l.strip_prefix("//").unwrap_or(l));
        let directive = [
            "Run:",
            "Output:",
            "Unordered output:",
            "Exit:",
            "Stderr contains:",
            "Race:",
        ]
        .iter()
        .find(|d| body.starts_with(*d));
        match directive {
            Some(&d) => {
                in_block = true;
                section = None;
                let rest = body[d.len()..].trim();
                match d {
                    "Run:" => {
                        for kv in rest.split_whitespace() {
                            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                            match k {
                                "procs" => e.procs = v.parse().unwrap_or(4),
                                "preempt" => e.coop = v == "coop",
                                "race" => e.race = v == "on",
                                "seed" => e.seed = v.parse().ok(),
                                _ => {}
                            }
                        }
                    }
                    "Output:" | "Unordered output:" => {
                        section = Some("out");
                        e.unordered = d == "Unordered output:";
                        e.output = Some(Vec::new());
                    }
                    "Exit:" => {
                        if rest == "hang" {
                            e.hang = true;
                        } else {
                            e.exit = rest.parse().ok();
                        }
                    }
                    "Stderr contains:" => section = Some("err"),
                    "Race:" => {
                        if rest == "none" {
                            e.no_race = true;
                        } else {
                            let v: Vec<u32> = rest
                                .split_whitespace()
                                .filter_map(|x| x.parse().ok())
                                .collect();
                            if v.len() == 2 {
                                e.races.push((v[0], v[1]));
                            }
                        }
                    }
                    _ => {}
                }
            }
            None if in_block => {
                let content = if *l == "//" {
                    String::new()
                } else {
                    body.to_string()
                };
                match section {
                    Some("out") => out.push(content),
                    Some("err") => e.stderr.push(content),
                    _ => {}
                }
                if section == Some("out") {
                    e.output = Some(out.clone());
                }
            }
            None => {}
        }
    }
    e
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

/// Runs one program; returns a description of every mismatch.
fn check(path: &Path, seed: u64) -> Vec<String> {
    let src = std::fs::read_to_string(path).expect("readable");
    let e = parse(&src);
    let prog = match gosched_lang::compile::compile(&src) {
        Ok(p) => Arc::new(p),
        Err(d) => {
            let idx = gosched_lang::LineIndex::new(&src);
            return vec![format!(
                "compile error: {}",
                d.iter()
                    .map(|d| d.render("main.go", &idx))
                    .collect::<Vec<_>>()
                    .join("; ")
            )];
        }
    };
    let mut cfg = Config {
        procs: e.procs,
        seed: e.seed.unwrap_or(seed),
        race: e.race,
        trace: TraceLevel::Off,
        preempt: if e.coop {
            PreemptMode::Cooperative
        } else {
            PreemptMode::Async
        },
        ..Config::default()
    };
    if e.hang {
        cfg.limits.max_steps = 30_000_000;
    }
    let mut m = Machine::new(prog, cfg);
    let outcome = m.run_to_end().clone();
    let stdout = m.stdout_text();
    let stderr = m.stderr_text();
    let mut bad = Vec::new();
    if e.hang {
        if outcome.exit_code != 124 {
            bad.push(format!(
                "expected a hang (step limit), got exit {}",
                outcome.exit_code
            ));
        }
        return bad;
    }
    let want_exit = e.exit.unwrap_or(0);
    if outcome.exit_code != want_exit {
        bad.push(format!("exit {} (want {want_exit})", outcome.exit_code));
    }
    if let Some(want) = &e.output {
        let got: Vec<String> = stdout.lines().map(str::to_string).collect();
        let (mut g, mut w) = (got.clone(), want.clone());
        if e.unordered {
            g.sort();
            w.sort();
        }
        if g != w {
            bad.push(format!(
                "stdout:\n--- got\n{stdout}--- want\n{}",
                want.join("\n")
            ));
        }
    }
    for s in &e.stderr {
        if !stderr.contains(s.as_str()) {
            bad.push(format!("stderr lacks {s:?}"));
        }
    }
    for &(a, b) in &e.races {
        let ok = stderr.split("WARNING: DATA RACE").skip(1).any(|r| {
            r.contains(&format!("main.go:{a}\n")) && r.contains(&format!("main.go:{b}\n"))
        });
        if !ok {
            bad.push(format!("no race report naming lines {a} and {b}"));
        }
    }
    if e.no_race && stderr.contains("WARNING: DATA RACE") {
        bad.push("unexpected race report".into());
    }
    if !bad.is_empty() {
        bad.push(format!("stderr was:\n{stderr}"));
    }
    bad
}

/// Programs that still differ from real Go, each with the reason; the test
/// fails if one of them starts to match (so this list only shrinks).
const KNOWN_GAPS: &[(&str, &str)] = &[];

#[test]
fn corpus_matches_real_go() {
    let mut files = Vec::new();
    go_files(&corpus_dir(), &mut files);
    let filter = std::env::var("CORPUS").unwrap_or_default();
    assert!(
        !files.is_empty(),
        "no programs under {}",
        corpus_dir().display()
    );
    let mut failures = Vec::new();
    let mut ran = 0;
    for f in &files {
        let rel = f
            .strip_prefix(corpus_dir())
            .unwrap_or(f)
            .display()
            .to_string();
        if !rel.contains(&filter) {
            continue;
        }
        ran += 1;
        let gap = KNOWN_GAPS.iter().find(|(p, _)| *p == rel);
        let mut failed = false;
        for seed in [1, 2] {
            let bad = check(f, seed);
            if !bad.is_empty() {
                failed = true;
                if gap.is_none() {
                    failures.push(format!("== {rel} (seed {seed})\n{}", bad.join("\n")));
                }
                break;
            }
        }
        if let (false, Some((_, why))) = (failed, gap) {
            failures.push(format!(
                "== {rel} now matches real Go: remove it from KNOWN_GAPS ({why})"
            ));
        }
    }

    eprintln!("{} of {ran} programs match real Go", ran - failures.len());
    assert!(
        failures.is_empty(),
        "{} programs differ from real Go:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
