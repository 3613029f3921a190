//! `gosched explore` and `gosched run --schedule` as a user calls them: the first-line contract,
//! exit codes, and that the printed schedule replays the run it came with.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gosched(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gosched"))
        .args(args)
        .output()
        .expect("gosched runs")
}

fn program(rel: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "../../tests/programs", rel]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn explore_finds_the_deadlock_prints_the_run_and_a_schedule_that_replays_it() {
    let file = program("explore/lock_order.go");
    let out = gosched(&[
        "explore",
        &file,
        "--procs",
        "1",
        "--strategy",
        "bounded",
        "--find",
        "deadlock",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("found: deadlock: all goroutines are asleep after "),
        "{stdout}"
    );
    assert!(lines[0].ends_with(" schedules"), "{stdout}");
    let schedule = lines
        .iter()
        .find_map(|l| l.strip_prefix("schedule: "))
        .expect("a schedule line");
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("fatal error: all goroutines are asleep - deadlock!"),
        "{stderr}"
    );
    assert!(stderr.contains("outcomes ("), "{stderr}");
    // The run in between is exactly what `gosched run --schedule` prints.
    let replay = gosched(&["run", "--schedule", schedule, &file]);
    assert_eq!(replay.status.code(), Some(2));
    let run_out = text(&replay.stdout);
    let middle: String = lines[1..lines.len() - 1]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(middle, run_out);
    assert!(stderr.starts_with(&text(&replay.stderr)), "{stderr}");
}

#[test]
fn explore_finds_the_lost_update_as_a_different_output() {
    let file = program("course/counter_racy.go");
    for strategy in ["random", "pct", "bounded"] {
        let out = gosched(&[
            "explore",
            &file,
            "--procs",
            "2",
            "--strategy",
            strategy,
            "--find",
            "output",
            "--runs",
            "50",
        ]);
        assert_eq!(out.status.code(), Some(0), "{strategy}");
        let stdout = text(&out.stdout);
        let first = stdout.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("found: output \"counter: ")
                && first.contains("instead of \"counter: 2000\""),
            "{strategy}: {first}"
        );
    }
}

#[test]
fn explore_reports_not_found_with_exit_1() {
    let file = program("course/counter_mutex.go");
    let out = gosched(&[
        "explore", &file, "--find", "race", "--runs", "5", "--procs", "2",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "not found after 5 schedules\n");
    assert!(text(&out.stderr).contains("      5  counter: 2000"));
}

#[test]
fn a_bad_schedule_is_an_error() {
    let file = program("course/counter_mutex.go");
    let out = gosched(&["run", "--schedule", "not a schedule!", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("gosched: invalid schedule"));
}

#[test]
fn run_prints_a_note_only_when_goroutines_leaked() {
    let leak = gosched(&["run", &program("explore/partial_deadlock.go")]);
    assert_eq!(leak.status.code(), Some(0));
    assert_eq!(text(&leak.stdout), "main done\n");
    assert!(text(&leak.stderr).starts_with("gosched note (not part of Go's output): 2 goroutines"));
    let clean = gosched(&["run", &program("course/counter_mutex.go")]);
    assert_eq!(text(&clean.stderr), "");
    let dead = gosched(&[
        "run",
        &program("deadlock/lock_order_cycle.go"),
        "--procs",
        "1",
    ]);
    assert!(!text(&dead.stderr).contains("gosched note"));
}
