//! Property tests over random valid concurrent programs: the simulator never fails internally,
//! runs are reproducible, race verdicts ignore the trace level, and seeking equals running.
//!
//! The generator writes small Go programs from goroutines (with a
//! `sync.WaitGroup`), unbuffered and buffered channels (and closing them),
//! `select` with and without `default`, timers, a `sync.Mutex` and an
//! `RWMutex`, atomics, a shared map, shared variables (package-level and
//! captured), loops, closures, panics and `recover`, `runtime.Goexit` and
//! `GOMAXPROCS`, sleeps and prints. Every
//! generated program compiles (that is checked too); it may deadlock, race,
//! panic or hit a limit — those are outcomes, not failures. Case counts keep
//! the file to a few seconds in a debug build.
#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use std::fmt::Write as _;
use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_sim::{Config, Limits, Machine, OutcomeKind, PreemptMode, Session, TraceLevel};
use proptest::prelude::*;

/// The two channels every program declares.
#[derive(Clone, Copy, Debug)]
enum Chan {
    Unbuffered,
    Buffered,
}

impl Chan {
    fn name(self) -> &'static str {
        match self {
            Chan::Unbuffered => "unbuf",
            Chan::Buffered => "buf",
        }
    }
}

/// A statement of a generated program.
#[derive(Clone, Debug)]
enum Op {
    /// `mu.Lock(); shared++; mu.Unlock()`.
    LockedInc,
    /// `shared++` without the lock (a data race when two goroutines do it).
    RacyInc,
    /// `counter++` on main's local, captured by the closures.
    CapturedInc,
    /// `atomic.AddInt64(&hits, 1)`.
    AtomicInc,
    /// `m[k] = k` on the shared map, under the lock or not.
    MapSet(u8, bool),
    Print(u8),
    Send(Chan, u8),
    Recv(Chan),
    /// `select` with one send and one receive, with or without `default`.
    Select(Chan, Chan, bool),
    /// `time.Sleep(k * time.Microsecond)`.
    Sleep(u8),
    /// `<-time.After(k * time.Microsecond)` (a timer channel).
    After(u8),
    Gosched,
    /// `runtime.GOMAXPROCS(n)`.
    Procs(u8),
    /// `runtime.Goexit()` (its deferred `wg.Done` still runs).
    Goexit,
    /// `close(c)` (a second close, or a send after it, panics).
    Close(Chan),
    /// `rw.RLock(); _ = shared; rw.RUnlock()`.
    ReadLocked,
    /// `panic("boom")`.
    Panic,
    /// `func() { defer func() { recover() }(); ... }()`.
    Recover(Vec<Op>),
    /// `for i := 0; i < n; i++ { ... }`.
    Loop(u8, Vec<Op>),
    /// `func() { ... }()`.
    Closure(Vec<Op>),
    /// `wg.Add(1); go func() { defer wg.Done(); ... }()`.
    Go(Vec<Op>),
}

fn chan() -> impl Strategy<Value = Chan> {
    prop_oneof![Just(Chan::Unbuffered), Just(Chan::Buffered)]
}

fn op() -> impl Strategy<Value = Op> {
    let leaf = prop_oneof![
        Just(Op::LockedInc),
        Just(Op::RacyInc),
        Just(Op::CapturedInc),
        Just(Op::AtomicInc),
        (0..8u8, any::<bool>()).prop_map(|(k, locked)| Op::MapSet(k, locked)),
        (0..100u8).prop_map(Op::Print),
        (chan(), 0..100u8).prop_map(|(c, k)| Op::Send(c, k)),
        chan().prop_map(Op::Recv),
        (chan(), chan(), any::<bool>()).prop_map(|(a, b, d)| Op::Select(a, b, d)),
        (0..20u8).prop_map(Op::Sleep),
        (0..20u8).prop_map(Op::After),
        Just(Op::Gosched),
        (1..5u8).prop_map(Op::Procs),
        Just(Op::Goexit),
        chan().prop_map(Op::Close),
        Just(Op::ReadLocked),
        Just(Op::Panic),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let body = prop::collection::vec(inner, 1..4);
        prop_oneof![
            (1..6u8, body.clone()).prop_map(|(n, b)| Op::Loop(n, b)),
            body.clone().prop_map(Op::Closure),
            body.clone().prop_map(Op::Recover),
            body.prop_map(Op::Go),
        ]
    })
}

/// A whole program: main's statements (with its goroutines among them).
fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(op(), 1..6).prop_map(|ops| render(&ops))
}

fn render(ops: &[Op]) -> String {
    let mut body = String::new();
    for o in ops {
        write_op(&mut body, o, 1);
    }
    let mut imports = vec!["\"fmt\"", "\"sync\"", "\"sync/atomic\""];
    if body.contains("runtime.") {
        imports.push("\"runtime\"");
    }
    if body.contains("time.Sleep") || body.contains("time.After") {
        imports.push("\"time\"");
    }
    let mut src = String::from("package main\n\nimport (\n");
    for i in imports {
        let _ = writeln!(src, "\t{i}");
    }
    src.push_str(
        ")\n\nvar (\n\tshared int\n\thits   int64\n\tmu     sync.Mutex\n\trw     sync.RWMutex\n\twg     sync.WaitGroup\n)\n\n\
         func main() {\n\tunbuf := make(chan int)\n\tbuf := make(chan int, 2)\n\tcounter := 0\n\
         \tm := map[int]int{}\n",
    );
    src.push_str(&body);
    src.push_str(
        "\twg.Wait()\n\t_, _ = unbuf, buf\n\
         \tfmt.Println(shared, counter, len(m), atomic.LoadInt64(&hits))\n}\n",
    );
    src
}

fn write_op(out: &mut String, op: &Op, depth: usize) {
    let tab = "\t".repeat(depth);
    let line = |out: &mut String, s: &str| {
        let _ = writeln!(out, "{tab}{s}");
    };
    match op {
        Op::LockedInc => line(
            out,
            "mu.Lock()\n{tab}shared++\n{tab}mu.Unlock()"
                .replace("{tab}", &tab)
                .as_str(),
        ),
        Op::RacyInc => line(out, "shared++"),
        Op::CapturedInc => line(out, "counter++"),
        Op::AtomicInc => line(out, "atomic.AddInt64(&hits, 1)"),
        Op::MapSet(k, true) => {
            line(out, "mu.Lock()");
            line(out, &format!("m[{k}] = {k}"));
            line(out, "mu.Unlock()");
        }
        Op::MapSet(k, false) => line(out, &format!("m[{k}] = {k}")),
        Op::Print(k) => line(out, &format!("fmt.Println(\"op\", {k})")),
        Op::Send(c, k) => line(out, &format!("{} <- {k}", c.name())),
        Op::Recv(c) => line(out, &format!("<-{}", c.name())),
        Op::Select(a, b, default) => {
            line(out, "select {");
            line(out, &format!("case {} <- 1:", a.name()));
            line(out, &format!("case v := <-{}:", b.name()));
            line(out, "\t_ = v");
            if *default {
                line(out, "default:");
            }
            line(out, "}");
        }
        Op::Sleep(k) => line(out, &format!("time.Sleep({k} * time.Microsecond)")),
        Op::Gosched => line(out, "runtime.Gosched()"),
        Op::After(k) => line(out, &format!("<-time.After({k} * time.Microsecond)")),
        Op::Procs(n) => line(out, &format!("runtime.GOMAXPROCS({n})")),
        Op::Goexit => line(out, "runtime.Goexit()"),
        Op::Close(c) => line(out, &format!("close({})", c.name())),
        Op::ReadLocked => {
            line(out, "rw.RLock()");
            line(out, "_ = shared");
            line(out, "rw.RUnlock()");
        }
        Op::Panic => line(out, "panic(\"boom\")"),
        Op::Recover(b) => {
            line(out, "func() {");
            line(out, "\tdefer func() { recover() }()");
            for o in b {
                write_op(out, o, depth + 1);
            }
            line(out, "}()");
        }
        Op::Loop(n, b) => {
            line(out, &format!("for i := 0; i < {n}; i++ {{"));
            for o in b {
                write_op(out, o, depth + 1);
            }
            line(out, "}");
        }
        Op::Closure(b) => {
            line(out, "func() {");
            for o in b {
                write_op(out, o, depth + 1);
            }
            line(out, "}()");
        }
        Op::Go(b) => {
            line(out, "wg.Add(1)");
            line(out, "go func() {");
            line(out, "\tdefer wg.Done()");
            for o in b {
                write_op(out, o, depth + 1);
            }
            line(out, "}()");
        }
    }
}

/// Small limits: every run ends within a few milliseconds of debug-build time.
fn limits() -> Limits {
    Limits {
        max_steps: 30_000,
        max_goroutines: 200,
        max_memory: 8 << 20,
        max_output: 16 << 10,
        ..Limits::default()
    }
}

fn settings() -> impl Strategy<Value = Config> {
    (1..=4u32, any::<u64>(), any::<bool>(), any::<bool>()).prop_map(|(procs, seed, race, coop)| {
        Config {
            procs,
            seed,
            race,
            preempt: if coop {
                PreemptMode::Cooperative
            } else {
                PreemptMode::Async
            },
            trace: TraceLevel::Full,
            limits: limits(),
            ..Config::default()
        }
    })
}

/// Compiles a generated program; a generated program that does not compile
/// is a bug in the generator or the front end.
fn compile(src: &str) -> Arc<Program> {
    match gosched_lang::compile::compile(src) {
        Ok(p) => Arc::new(p),
        Err(d) => panic!("generated program does not compile: {d:?}\n{src}"),
    }
}

/// What a run ended with, in a comparable form.
#[derive(Debug, PartialEq)]
struct End {
    exit: i32,
    kind: OutcomeKind,
    steps: u64,
    stdout: String,
    stderr: String,
    races: Vec<String>,
}

fn run(prog: &Arc<Program>, cfg: Config) -> (End, Machine) {
    let mut m = Machine::new(prog.clone(), cfg);
    let o = m.run_to_end().clone();
    let end = End {
        exit: o.exit_code,
        kind: o.kind,
        steps: m.step(),
        stdout: m.stdout_text(),
        stderr: m.stderr_text(),
        races: m.races().iter().map(|r| r.text.clone()).collect(),
    };
    (end, m)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// (a) Any generated program ends as a Go program ends (or at a limit),
    /// never with an internal error.
    #[test]
    fn the_simulator_never_fails_internally(src in program(), cfg in settings()) {
        let prog = compile(&src);
        let (end, _) = run(&prog, cfg);
        prop_assert!(
            !matches!(end.kind, OutcomeKind::Internal(_)),
            "internal error {:?}\n{src}", end.kind
        );
        if end.exit == 0 {
            // A clean exit printed the final line.
            prop_assert!(end.stdout.ends_with('\n'), "{src}\n{end:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// (b) Same program, settings and seed: the same trace, twice.
    #[test]
    fn same_seed_same_trace(src in program(), cfg in settings()) {
        let prog = compile(&src);
        let (a, ma) = run(&prog, cfg.clone());
        let (b, mb) = run(&prog, cfg);
        prop_assert_eq!(
            gosched_sim::trace::digest(ma.trace()),
            gosched_sim::trace::digest(mb.trace()),
            "{}", src
        );
        prop_assert_eq!(a, b);
    }

    /// (c) With the race detector on, the verdict (exit code 66, the race
    /// reports) and the whole run are the same at every trace level.
    #[test]
    fn race_verdicts_do_not_depend_on_the_trace_level(src in program(), cfg in settings()) {
        let prog = compile(&src);
        let at = |trace| run(&prog, Config { race: true, trace, ..cfg.clone() }).0;
        let full = at(TraceLevel::Full);
        for level in [TraceLevel::Off, TraceLevel::Sched] {
            let other = at(level);
            prop_assert_eq!(&other.races, &full.races, "{:?}\n{}", level, src);
            prop_assert_eq!(other.exit == 66, full.exit == 66, "{:?}\n{}", level, src);
            prop_assert_eq!(&other, &full, "{:?}\n{}", level, src);
        }
    }

    /// (d) A session seeked to a random step (restoring a snapshot and
    /// replaying) is in the state a machine run straight to that step is in.
    #[test]
    fn seeking_lands_on_the_state_of_a_straight_run(
        src in program(),
        cfg in settings(),
        at in 0.0..=1.0f64,
        back in 0.0..=1.0f64,
    ) {
        let prog = compile(&src);
        let mut s = Session::new(prog.clone(), cfg.clone());
        s.run(u64::MAX);
        let end = s.step();
        for target in [(end as f64 * at) as u64, (end as f64 * at * back) as u64, end] {
            s.seek(target);
            let mut m = Machine::new(prog.clone(), cfg.clone());
            m.run(target);
            prop_assert_eq!(s.step(), m.step(), "{}", src);
            prop_assert_eq!(s.view(), m.view(), "at step {} of {}\n{}", target, end, src);
            prop_assert_eq!(
                gosched_sim::trace::digest(s.events_now()),
                gosched_sim::trace::digest(m.trace()),
                "events up to step {} of {}\n{}", target, end, src
            );
            prop_assert_eq!(s.machine().stdout_text(), m.stdout_text());
        }
    }
}

#[test]
fn generated_programs_use_every_feature() {
    // The generator reaches what the properties are about (a test of the test).
    let ops = vec![
        Op::Go(vec![
            Op::LockedInc,
            Op::RacyInc,
            Op::Send(Chan::Buffered, 1),
            Op::Send(Chan::Buffered, 2),
            Op::Sleep(1),
        ]),
        // Races with the goroutine's unlocked increment (nothing orders them).
        Op::RacyInc,
        Op::Loop(
            2,
            vec![
                Op::Closure(vec![Op::CapturedInc, Op::AtomicInc]),
                Op::Gosched,
            ],
        ),
        Op::Select(Chan::Unbuffered, Chan::Buffered, false),
        Op::MapSet(1, true),
        Op::Recv(Chan::Buffered),
        Op::Print(7),
    ];
    let src = render(&ops);
    let prog = compile(&src);
    let (end, _) = run(
        &prog,
        Config {
            race: true,
            procs: 2,
            limits: limits(),
            ..Config::default()
        },
    );
    assert_eq!(end.exit, 66, "{src}\n{end:?}");
    assert!(
        end.races.iter().any(|r| r.contains("main.main.func1")),
        "{end:?}"
    );
    assert!(end.stdout.ends_with("3 2 1 2\n"), "{src}\n{end:?}");
}
