//! Programs the fuzzer (`cargo xtask fuzz`, target `run`) and the property tests (`props.rs`)
//! found, each kept in `tests/fuzz_regressions/` and checked here by a test named after what it
//! found.
//!
//! `cargo xtask fuzz` copies a failing input of the `run` target into that
//! folder; the stable replay test (`crates/fuzz-targets`) runs every target on
//! it at once, and the last test below fails until the input has a test of its
//! own here, saying what the right behaviour is.

use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_sim::{
    Config, LimitKind, Limits, Machine, OutcomeKind, PreemptMode, Session, TraceLevel,
};

#[path = "../../../tests/support/regressions.rs"]
mod regressions;

/// The program called `name`, compiled.
fn program(name: &str) -> Arc<Program> {
    let src = regressions::read(env!("CARGO_MANIFEST_DIR"), name);
    Arc::new(gosched_lang::compile::compile(&src).unwrap_or_else(|d| panic!("{name}: {d:?}")))
}

#[test]
fn race_reports_name_the_map_alike_at_every_trace_level() {
    // With full tracing, a cell was named from the access hint of the
    // instruction after the access: the map race said `Write at map` when
    // tracing and `Write at m` when not (found by props.rs, property c).
    let prog = program("map_race_cell_name");
    for trace in [TraceLevel::Off, TraceLevel::Sched, TraceLevel::Full] {
        let cfg = Config {
            race: true,
            procs: 1,
            trace,
            ..Config::default()
        };
        let mut m = Machine::new(prog.clone(), cfg);
        m.run_to_end();
        let races: Vec<&str> = m.races().iter().map(|r| r.name.as_str()).collect();
        assert_eq!(races, ["m"], "{trace:?}: {}", m.stderr_text());
        assert!(
            m.stderr_text().contains("Write at m by goroutine"),
            "{trace:?}: {}",
            m.stderr_text()
        );
    }
}

#[test]
fn a_deadlock_ends_at_the_same_step_however_the_run_gets_there() {
    // Deadlock detection takes no step: a machine run to the last step was
    // still going, while a session that had run to the end and sought back
    // there had ended (found by props.rs, property d).
    let prog = program("deadlock_ends_without_a_step");
    let cfg = Config {
        procs: 1,
        preempt: PreemptMode::Cooperative,
        seed: 517,
        trace: TraceLevel::Full,
        ..Config::default()
    };
    let mut whole = Machine::new(prog.clone(), cfg.clone());
    let end = whole.run_to_end().clone();
    assert!(end.is_deadlock(), "{end:?}");
    let last = whole.step();
    let mut straight = Machine::new(prog.clone(), cfg.clone());
    assert!(straight.run(last), "ended at step {last}");
    assert_eq!(straight.outcome(), Some(&end));
    assert_eq!(straight.trace(), whole.trace());
    let mut s = Session::new(prog, cfg);
    s.run(u64::MAX);
    s.seek(0);
    s.seek(last);
    assert!(s.finished());
    assert_eq!(s.view(), straight.view());
    assert_eq!(s.events_now(), straight.trace());
}

/// Runs program `name` to the end with `limits`: (outcome, stderr, steps).
fn run(name: &str, limits: Limits) -> (OutcomeKind, String, u64) {
    let cfg = Config {
        limits,
        ..Config::default()
    };
    let mut m = Machine::new(program(name), cfg);
    let o = m.run_to_end().clone();
    (o.kind, m.stderr_text(), m.step())
}

#[test]
fn a_string_method_that_never_returns_stops_at_the_step_limit() {
    // Methods fmt calls run inside one scheduler step, and ran up to 50
    // million instructions whatever the step limit (found by the fuzz target
    // `run`: an Error method calling itself while a panic was printed).
    let limits = Limits {
        max_steps: 200_000,
        ..Limits::default()
    };
    let (kind, stderr, steps) = run("endless_string_method", limits);
    assert_eq!(kind, OutcomeKind::Limit(LimitKind::Steps), "{stderr}");
    assert!(stderr.contains("step limit reached"), "{stderr}");
    assert!(steps <= 200_000 + 1, "{steps}");
}

#[test]
fn an_error_method_recursing_while_a_panic_prints_is_a_stack_overflow() {
    // The fatal error inside the method was swallowed and the panic printed
    // as `panic: (main.MyErr) 0xc000012120` (found by fuzz target `run`).
    // Go 1.23 prints the same two lines (with a 1000000000-byte limit).
    let limits = Limits {
        max_stack: 1 << 20,
        ..Limits::default()
    };
    let (kind, stderr, _) = run("error_method_recursion_while_printing_a_panic", limits);
    assert!(
        stderr.starts_with(
            "runtime: goroutine stack exceeds 1048576-byte limit\nfatal error: stack overflow\n"
        ),
        "{stderr}"
    );
    assert!(matches!(kind, OutcomeKind::Fatal { .. }), "{kind:?}");
}

#[test]
fn an_error_method_panicking_while_a_panic_prints_is_fatal() {
    // Go (panic.go: preprintpanics) throws; the simulator printed the value
    // as `(main.E) 0xc000012120` (found with the one above).
    let (kind, stderr, _) = run(
        "error_method_panics_while_printing_a_panic",
        Limits::default(),
    );
    assert!(
        stderr.starts_with("fatal error: panic while printing panic value: oops\n"),
        "{stderr}"
    );
    assert!(matches!(kind, OutcomeKind::Fatal { .. }), "{kind:?}");
}

#[test]
fn a_float_formatted_with_a_huge_precision_prints_as_go_does() {
    // Rust's formatter panics on a precision above 65535, which `strconv`
    // and `%.Ne` reached: an internal error (found probing single-step
    // work for the fuzz target `run`). The output is real Go 1.23's.
    let (kind, stderr, _) = run("format_float_huge_precision", Limits::default());
    assert_eq!(kind, OutcomeKind::Exited, "{stderr}");
    let mut m = Machine::new(program("format_float_huge_precision"), Config::default());
    m.run_to_end();
    assert_eq!(
        m.stdout_text(),
        "100302 100000000000000005250476025520 000\n\
         70006 3.333333333333333148 00e-01\n\
         29 0.1000000014 625\n"
    );
}

#[test]
fn huge_arrays_stop_at_the_memory_limit_before_they_are_allocated() {
    // Zeroed arrays (`var a [1 << 13][1 << 13]int`, `new(T)`, package
    // variables, `make([][1 << 20]int, 100)`) were allocated whatever the
    // memory limit: 1 GB of host memory for a 16 MiB limit (found probing
    // single-step work for the fuzz target `run`).
    let limits = Limits {
        max_memory: 16 << 20,
        ..Limits::default()
    };
    for name in [
        "huge_local_array",
        "huge_package_array",
        "slice_of_huge_arrays",
    ] {
        let (kind, stderr, _) = run(name, limits.clone());
        assert_eq!(
            kind,
            OutcomeKind::Limit(LimitKind::Memory),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains("memory limit reached: more than 16 MiB"),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn splitting_into_a_huge_slice_stops_at_the_memory_limit() {
    // strings.Split/Fields built their result slice without asking the
    // memory limit (8 million pieces: 290 MB of host memory for a 16 MiB
    // limit; found with the arrays above).
    let limits = Limits {
        max_memory: 16 << 20,
        ..Limits::default()
    };
    let (kind, stderr, _) = run("split_into_a_huge_slice", limits);
    assert_eq!(kind, OutcomeKind::Limit(LimitKind::Memory), "{stderr}");
}

#[test]
fn loops_of_large_copies_compares_and_scans_stop_at_the_step_limit_quickly() {
    // An instruction that copied, compared, zeroed or scanned a million
    // elements counted as one step: with 200,000 steps, such a loop ran for
    // minutes (and a loop cloning an array reached 23 GB of host memory).
    // Work past 1,024 slots now costs steps, so these end after a few dozen
    // iterations (found probing single-step work for the fuzz target `run`,
    // whose -timeout would have caught them).
    let limits = Limits {
        max_steps: 200_000,
        max_memory: 64 << 20,
        ..Limits::default()
    };
    for name in [
        "array_copy_loop",
        "slice_copy_loop",
        "string_scan_loop",
        "array_compare_loop",
        "make_loop",
    ] {
        let cfg = Config {
            limits: limits.clone(),
            ..Config::default()
        };
        let mut m = Machine::new(program(name), cfg);
        let o = m.run_to_end().clone();
        assert_eq!(
            o.kind,
            OutcomeKind::Limit(LimitKind::Steps),
            "{name}: {}",
            m.stderr_text()
        );
        // A few iterations of a handful of instructions each.
        assert!(
            m.stats().instructions < 2_000,
            "{name}: {} instructions in 200,000 steps",
            m.stats().instructions
        );
    }
}

#[test]
fn a_loop_of_wide_sprintf_is_quick_and_small() {
    // Each Sprintf builds a 1 MB string of garbage; as one step each, a burst
    // of 65,536 instructions made gigabytes before the collector could run
    // (2.8 GB and 17 s in 200,000 steps). Found by the fuzz target `run` as
    // an out-of-memory (-rss_limit_mb=1024) in a mutant of
    // tests/programs/race/atomic_ok.go; fixed by counting work as
    // steps (WORK_IN_A_STEP), which also ends bursts early.
    let cfg = Config {
        limits: Limits {
            max_steps: 200_000,
            max_memory: 16 << 20,
            ..Limits::default()
        },
        ..Config::default()
    };
    let mut m = Machine::new(program("wide_sprintf_loop"), cfg);
    let o = m.run_to_end().clone();
    assert_eq!(o.kind, OutcomeKind::Limit(LimitKind::Steps));
    assert!(
        m.stats().instructions < 2_000,
        "{} instructions",
        m.stats().instructions
    );
}

#[test]
fn output_cut_inside_a_character_stays_within_the_limit_in_bytes() {
    // The output limit cuts "é\n" (3 bytes) in the middle: the bytes kept are
    // within the limit, but the text shows the cut as U+FFFD and is 2 bytes
    // longer. The fuzz target `run` measured the text and reported it; it now
    // measures `stdout_bytes` (found in a mutant of
    // tests/programs/course/spin_coop.go).
    let cfg = Config {
        limits: Limits {
            max_output: 64 << 10,
            ..Limits::default()
        },
        ..Config::default()
    };
    let mut m = Machine::new(program("output_limit_inside_a_character"), cfg);
    let o = m.run_to_end().clone();
    assert_eq!(o.kind, OutcomeKind::Limit(LimitKind::Output));
    assert_eq!(m.stdout_bytes().len(), 64 << 10);
    assert!(m.stdout_text().ends_with('\u{FFFD}'));
}

#[test]
fn every_input_has_a_named_test() {
    regressions::assert_every_input_is_named(env!("CARGO_MANIFEST_DIR"));
}
