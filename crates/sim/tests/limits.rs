//! Runaway programs end at a stated limit, with a message naming it, before
//! the host runs out of time or memory.

use gosched_lang::compile::compile;
use gosched_sim::{Config, LimitKind, Limits, Machine, OutcomeKind};

fn run_limited(body: &str, limits: Limits) -> (OutcomeKind, i32, String) {
    let src = format!("package main\n\n{body}\n");
    let prog = compile(&src).unwrap_or_else(|e| panic!("compiles: {e:?}\n{src}"));
    let cfg = Config {
        limits,
        ..Config::default()
    };
    let mut m = Machine::new(prog.into(), cfg);
    let o = m.run_to_end().clone();
    (o.kind, o.exit_code, m.stderr_text())
}

fn small() -> Limits {
    Limits {
        max_steps: 2_000_000,
        max_goroutines: 10_000,
        max_memory: 32 << 20,
        max_output: 64 << 10,
        ..Limits::default()
    }
}

#[track_caller]
fn assert_limit(body: &str, kind: LimitKind, code: i32, words: &str) {
    assert_limit_in(body, small(), kind, code, words);
}

/// Small limits with room for 20 million steps: making or converting a large
/// slice costs a step per element past the first 1,024 (see the simulator's
/// `WORK_IN_A_STEP`), and these runs must end at the memory limit.
fn roomy() -> Limits {
    Limits {
        max_steps: 20_000_000,
        ..small()
    }
}

#[track_caller]
fn assert_limit_in(body: &str, limits: Limits, kind: LimitKind, code: i32, words: &str) {
    let (k, c, stderr) = run_limited(body, limits);
    assert_eq!(k, OutcomeKind::Limit(kind), "stderr: {stderr}");
    assert_eq!(c, code);
    assert!(stderr.contains(words), "{stderr}");
}

#[test]
fn an_endless_loop_hits_the_step_limit_with_timeouts_exit_code() {
    assert_limit(
        "func main() {\n\tfor {\n\t}\n}",
        LimitKind::Steps,
        124,
        "step limit reached",
    );
}

#[test]
fn endless_goroutines_hit_the_goroutine_limit() {
    assert_limit(
        "func main() {\n\tfor {\n\t\tgo func() { select {} }()\n\t}\n}",
        LimitKind::Goroutines,
        2,
        "more than 10000 goroutines",
    );
}

#[test]
fn growing_slices_hit_the_memory_limit() {
    assert_limit_in(
        "func main() {\n\tvar keep [][]int\n\tfor {\n\t\tkeep = append(keep, make([]int, 100000))\n\t}\n}",
        roomy(),
        LimitKind::Memory,
        2,
        "more than 32 MiB",
    );
    let (k, c, stderr) = run_limited(
        "func main() {\n\tvar s []int\n\tfor i := 0; ; i++ {\n\t\ts = append(s, i)\n\t}\n}",
        Limits {
            max_memory: 4 << 20,
            max_steps: 20_000_000,
            ..small()
        },
    );
    assert_eq!(
        (k, c),
        (OutcomeKind::Limit(LimitKind::Memory), 2),
        "{stderr}"
    );
}

#[test]
fn a_doubling_string_hits_the_memory_limit_in_one_burst() {
    assert_limit(
        "func main() {\n\ts := \"ab\"\n\tfor {\n\t\ts += s\n\t}\n}",
        LimitKind::Memory,
        2,
        "memory limit reached",
    );
    assert_limit_in(
        "func main() {\n\ts := \"abcdefgh\"\n\tfor {\n\t\ts += s\n\t\t_ = []byte(s)\n\t}\n}",
        roomy(),
        LimitKind::Memory,
        2,
        "memory limit reached",
    );
}

#[test]
fn garbage_is_collected_so_churn_is_not_a_leak() {
    // 200 MiB allocated in total, never more than 800 KiB live.
    let (k, c, stderr) = run_limited(
        "func main() {\n\tn := 0\n\tfor i := 0; i < 250; i++ {\n\t\tb := make([]int, 100000)\n\t\tn += len(b)\n\t}\n\tprintln(n)\n}",
        Limits {
            max_steps: 50_000_000,
            ..small()
        },
    );
    assert_eq!((k, c), (OutcomeKind::Exited, 0), "{stderr}");
    assert_eq!(stderr.trim(), "25000000");
}

#[test]
fn endless_printing_hits_the_output_limit() {
    assert_limit(
        "import \"fmt\"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println(\"spam\")\n\t}\n}",
        LimitKind::Output,
        2,
        "output limit reached",
    );
}

#[test]
fn a_make_larger_than_the_memory_limit_is_gos_makeslice_panic() {
    for body in [
        "func main() {\n\tb := make([]int, 1<<40)\n\tprintln(len(b))\n}",
        "func main() {\n\tn := -1\n\tb := make([]int, n)\n\tprintln(len(b))\n}",
    ] {
        let (k, c, stderr) = run_limited(body, small());
        assert!(matches!(k, OutcomeKind::Panic { .. }), "{k:?}");
        assert_eq!(c, 2);
        assert!(
            stderr.contains("panic: runtime error: makeslice: len out of range"),
            "{stderr}"
        );
    }
    // It is a panic like any other: recover sees it.
    let (k, c, stderr) = run_limited(
        "func main() {\n\tdefer func() { println(\"recovered:\", recover() != nil) }()\n\t_ = make([]byte, 1<<40)\n}",
        small(),
    );
    assert_eq!((k, c), (OutcomeKind::Exited, 0), "{stderr}");
    assert_eq!(stderr.trim(), "recovered: true");
}
