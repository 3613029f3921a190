//! The lessons (web/lessons, listed in crates/web/src/lessons/data.rs): every program runs in
//! the simulator with its lesson's settings and does what the lesson's text says it does.
//!
//! The table is compiled in through `#[path]`, so these tests check exactly the sources and
//! settings the page uses. Each `check_*` function below names the sentences it guards.

use std::sync::Arc;

use gosched_sim::ids::{GoId, MId};
use gosched_sim::sched::g::WaitReason;
use gosched_sim::trace::{EventKind, Source, StopReason};
use gosched_sim::{Config, LimitKind, Machine, OutcomeKind, PreemptMode, TraceLevel};

#[allow(dead_code)]
#[path = "../../web/src/lessons/data.rs"]
mod data;

use data::{LessonProgram, Seek, Settings, LESSONS};

/// One millisecond of simulated time, in nanoseconds.
const MS: u64 = 1_000_000;

fn config(s: &Settings) -> Config {
    let mut cfg = Config {
        procs: s.procs,
        seed: s.seed,
        race: s.race,
        preempt: if s.preempt_coop {
            PreemptMode::Cooperative
        } else {
            PreemptMode::Async
        },
        trace: TraceLevel::Sched,
        fidelity: gosched_sim::Fidelity {
            runnext: s.runnext,
            ..gosched_sim::Fidelity::GO
        },
        ..Config::default()
    };
    if let Some(n) = s.max_steps {
        cfg.limits.max_steps = n;
    }
    cfg
}

fn machine(p: &LessonProgram, s: &Settings) -> Machine {
    let prog = gosched_lang::compile::compile(p.source)
        .unwrap_or_else(|d| panic!("{} does not compile: {d:?}", p.path));
    Machine::new(Arc::new(prog), config(s))
}

/// Runs `p` to the end with settings `s`.
fn run(p: &LessonProgram, s: &Settings) -> Machine {
    let mut m = machine(p, s);
    m.run_to_end();
    m
}

fn prog(id: &str) -> &'static LessonProgram {
    data::program(id)
        .unwrap_or_else(|| panic!("no program {id}"))
        .1
}

fn exit_code(m: &Machine) -> i32 {
    m.outcome().expect("finished").exit_code
}

/// The 1-based line of the first source line containing `needle`.
fn line_of(p: &LessonProgram, needle: &str) -> u32 {
    let i = p
        .source
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{} has no line with {needle:?}", p.path));
    i as u32 + 1
}

/// The number after `prefix` in the program's output (`counter = 27938 ...`).
fn number_after(out: &str, prefix: &str) -> i64 {
    let rest = out
        .split(prefix)
        .nth(1)
        .unwrap_or_else(|| panic!("no {prefix:?} in {out:?}"));
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().expect("a number")
}

fn events(m: &Machine) -> impl Iterator<Item = &EventKind> {
    m.trace().iter().map(|e| &e.kind)
}

/// The runtime's own goroutines (the finalizer goroutine) still alive in `m`.
fn system_goroutines(m: &Machine) -> Vec<GoId> {
    m.view()
        .goroutines
        .iter()
        .filter(|g| g.system)
        .map(|g| g.id)
        .collect()
}

/// The Ps on which goroutines other than main and the runtime's ran.
fn procs_used(m: &Machine) -> Vec<u32> {
    let system = system_goroutines(m);
    let mut ps: Vec<u32> = events(m)
        .filter_map(|k| match k {
            EventKind::GoStart { g, p, .. } if *g != GoId(1) && !system.contains(g) => Some(p.0),
            _ => None,
        })
        .collect();
    ps.sort();
    ps.dedup();
    ps
}

fn variant(kind: &EventKind) -> String {
    let s = format!("{kind:?}");
    s.split([' ', '{', '(']).next().unwrap_or("").to_string()
}

// ===== the table as a whole =====

#[test]
fn every_program_compiles_is_short_and_finishes_as_expected() {
    for lesson in LESSONS {
        for p in lesson.programs {
            let lines = p.source.lines().count();
            assert!(
                lines <= 40,
                "{} has {lines} lines (a share link wants <= 40)",
                p.path
            );
            for s in std::iter::once(&p.settings).chain(p.compare.as_ref()) {
                let m = run(p, s);
                let o = m.outcome().expect("finished");
                assert!(
                    !matches!(o.kind, OutcomeKind::Internal(_)),
                    "{} {s:?}: {}",
                    p.path,
                    m.stderr_text()
                );
                if s.max_steps.is_none() {
                    assert!(
                        !matches!(o.kind, OutcomeKind::Limit(_)),
                        "{} {s:?} hit a limit",
                        p.path
                    );
                }
            }
        }
    }
}

#[test]
fn every_go_file_under_web_lessons_is_in_the_table() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/lessons");
    let mut files = Vec::new();
    for dir in std::fs::read_dir(root).expect("web/lessons") {
        let dir = dir.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).expect("lesson dir") {
            let f = f.expect("entry").path();
            if f.extension().is_some_and(|e| e == "go") {
                let name = |p: &std::path::Path| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                };
                files.push(format!("web/lessons/{}/{}", name(&dir), name(&f)));
            }
        }
    }
    files.sort();
    assert!(files.len() >= 15, "found {files:?}");
    for f in &files {
        assert!(
            LESSONS
                .iter()
                .flat_map(|l| l.programs)
                .any(|p| p.path == f.as_str()),
            "{f} is not in the lesson table"
        );
    }
    for p in LESSONS.iter().flat_map(|l| l.programs) {
        let on_disk = std::fs::read_to_string(format!("{root}/../../{}", p.path))
            .unwrap_or_else(|e| panic!("{}: {e}", p.path));
        assert_eq!(on_disk, p.source, "{}: path and source disagree", p.path);
    }
}

/// A step that moves the playhead to the first event of a kind must find one in the run
/// of the program it shows.
#[test]
fn every_seek_target_happens() {
    for lesson in LESSONS {
        let mut current = lesson.programs[0].id;
        for (i, st) in lesson.steps.iter().enumerate() {
            if let Some(id) = st.program {
                current = id;
            }
            let Seek::First(moment) = st.seek else {
                continue;
            };
            let p = lesson.program(current).expect("program exists");
            let m = run(p, &p.settings);
            let name = moment.event_name();
            let found = events(&m).any(|k| {
                variant(k) == name
                    && (name != "GoStop"
                        || matches!(
                            k,
                            EventKind::GoStop {
                                reason: StopReason::Gosched,
                                ..
                            }
                        ))
            });
            assert!(
                found,
                "{} step {}: no {name} event in {}",
                lesson.id,
                i + 1,
                p.id
            );
        }
    }
}

// ===== lesson 1: concorrência x paralelismo =====

/// "On one core the tasks take turns: task 4 runs first, sysmon preempts it after about
/// 10 ms and it goes to the global queue; tasks 1, 2 and 3 run one after another and task 4
/// finishes last." "On four cores each idle P steals work and within about 60 µs all four
/// run at once." "About 48 ms on one core, about 12 ms on four; about 25 ms on two."
#[test]
fn cpu_bound_four_cores_finish_in_about_a_quarter_of_the_time() {
    let p = prog("cpu-bound");
    assert_eq!(p.settings.procs, 1);
    let four = p.compare.expect("compared with 4 Ps");
    assert_eq!(four.procs, 4);

    // What work(n) returns, computed here from the n in the source.
    let n: String = p
        .source
        .split("work(")
        .nth(2)
        .expect("work(n) call")
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '_')
        .filter(|c| *c != '_')
        .collect();
    let n: u64 = n.parse().expect("a number");
    let sum: u64 = (0..n).map(|i| i % 7).sum();

    let one = run(p, &p.settings);
    let par = run(p, &four);
    for m in [&one, &par] {
        assert_eq!(exit_code(m), 0);
        let out = m.stdout_text();
        for task in 1..=4 {
            assert!(out.contains(&format!("task {task} done: {sum}")), "{out}");
        }
        assert!(out.contains("total time: "), "{out}");
    }
    let (t1, t4) = (one.now(), par.now());
    println!("cpu-bound: GOMAXPROCS=1 {t1} ns, GOMAXPROCS=4 {t4} ns");
    assert!(t1 > 3 * t4, "1 P: {t1} ns, 4 Ps: {t4} ns");
    assert!((45 * MS..52 * MS).contains(&t1), "1 P: {t1} ns");
    assert!((11 * MS..13 * MS).contains(&t4), "4 Ps: {t4} ns");

    // One P: tasks take turns; at least one is preempted and resumes from the global queue.
    assert!(events(&one).any(|k| matches!(
        k,
        EventKind::GoStop {
            reason: StopReason::Preempted,
            ran,
            ..
        } if *ran >= 10 * MS
    )));
    assert!(events(&one).any(|k| matches!(k, EventKind::GlobalTake { .. })));
    let out = one.stdout_text();
    let order: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("task "))
        .map(|l| &l[..1])
        .collect();
    assert_eq!(order, ["1", "2", "3", "4"]);
    let first_start = one
        .trace()
        .iter()
        .find_map(|e| match e.kind {
            EventKind::GoStart { g, .. } if g != GoId(1) => Some(g),
            _ => None,
        })
        .expect("a task started");
    let preempted = events(&one)
        .find_map(|k| match k {
            EventKind::GoStop {
                g,
                reason: StopReason::Preempted,
                ..
            } => Some(*g),
            _ => None,
        })
        .expect("a preemption");
    assert_eq!(first_start, preempted, "task 4 runs first and is preempted");
    assert_eq!(procs_used(&one), [0]);

    // Four Ps: the idle ones steal the tasks from P0 and all four run at once.
    assert_eq!(procs_used(&par), [0, 1, 2, 3]);
    assert!(events(&par).any(|k| matches!(k, EventKind::Steal { .. })));
    let last_p_busy = par
        .trace()
        .iter()
        .find(|e| matches!(e.kind, EventKind::Steal { thief, .. } if thief.0 == 3))
        .expect("P3 steals")
        .time;
    assert!(last_p_busy < 100_000, "P3 busy at {last_p_busy} ns");

    let two = run(
        p,
        &Settings {
            procs: 2,
            ..p.settings
        },
    );
    let t2 = two.now();
    println!("cpu-bound: GOMAXPROCS=2 {t2} ns");
    assert!((23 * MS..27 * MS).contains(&t2), "2 Ps: {t2} ns");
}

// ===== lesson 2: condição de corrida =====

/// "The counter comes out below 40000: updates were lost." "The race detector reports the
/// two accesses, both on the `counter++` line, from two different goroutines."
#[test]
fn racy_counter_loses_updates_and_the_race_detector_names_the_line() {
    let p = prog("racy");
    assert!(p.settings.race && p.settings.procs == 4);
    let m = run(p, &p.settings);
    let out = m.stdout_text();
    let n = number_after(&out, "counter = ");
    println!("racy: counter = {n} (lost {})", 40_000 - n);
    assert!(n < 36_000, "not far below 40000: {out}");
    assert_eq!(exit_code(&m), 66, "go run -race exits 66 after a race");
    let line = line_of(p, "counter++");
    assert!(!m.races().is_empty());
    for r in m.races() {
        assert_eq!(m.line_of(r.current.func, r.current.pc), line);
        assert_eq!(m.line_of(r.previous.func, r.previous.pc), line);
        assert_ne!(r.current.g, r.previous.g);
        assert!(r.current.write || r.previous.write);
        assert_eq!(r.name, "counter");
    }
    let err = m.stderr_text();
    assert!(err.contains("WARNING: DATA RACE"), "{err}");
    assert!(err.contains(&format!("main.go:{line}")), "{err}");
    assert!(err.contains("data race(s)"), "{err}");

    // Without the race detector the updates are lost too (the detector does not cause them).
    let plain = run(
        p,
        &Settings {
            race: false,
            ..p.settings
        },
    );
    assert!(number_after(&plain.stdout_text(), "counter = ") < 40_000);
}

/// "With GOMAXPROCS=1 the total comes out right, yet the race detector still reports the
/// race: a race is about missing happens-before, not about cores."
#[test]
fn racy_counter_on_one_core_is_right_by_luck_but_still_a_race() {
    let p = prog("racy");
    let m = run(
        p,
        &Settings {
            procs: 1,
            ..p.settings
        },
    );
    assert_eq!(number_after(&m.stdout_text(), "counter = "), 40_000);
    assert!(!m.races().is_empty());
    assert_eq!(exit_code(&m), 66);
}

/// "Each fix gives exactly 40000 and the race detector finds nothing."
#[test]
fn mutex_atomic_and_channel_fixes_count_exactly_with_no_race() {
    for id in ["mutex", "atomic", "channel"] {
        let p = prog(id);
        assert!(p.settings.race && p.settings.procs == 4, "{id}");
        let m = run(p, &p.settings);
        assert_eq!(exit_code(&m), 0, "{id}: {}", m.stderr_text());
        assert!(m.races().is_empty(), "{id}: {}", m.stderr_text());
        assert_eq!(
            m.stdout_text(),
            "counter = 40000 (expected 40000)\n",
            "{id}"
        );
        println!("{id}: {} ns simulated", m.now());
    }
}

/// "The atomic add is the cheapest fix, the Mutex next, and the channel (a goroutine
/// switch for every increment) the most expensive."
#[test]
fn fixes_cost_atomic_then_mutex_then_channel() {
    let time = |id: &str| {
        let p = prog(id);
        run(p, &p.settings).now()
    };
    let (a, mu, ch) = (time("atomic"), time("mutex"), time("channel"));
    assert!(
        2 * a < mu && mu < ch,
        "atomic {a}, mutex {mu}, channel {ch}"
    );
}

/// "The others spin for a moment and then park on the mutex until Unlock wakes one."
#[test]
fn mutex_waiters_park() {
    let p = prog("mutex");
    let m = run(p, &p.settings);
    assert!(events(&m).any(|k| matches!(
        k,
        EventKind::GoBlock {
            reason: WaitReason::SyncMutexLock,
            ..
        }
    )));
}

// ===== lesson 3: memória =====

/// "10,000 goroutines are alive at once (runtime.NumGoroutine says 10001 with main), each
/// with a 2 KiB stack: about 20 MiB, where 10,000 threads would reserve 10 GB (1 MiB each)
/// or 80 GB (8 MiB each)." "main's stack grows by doubling when depth recurses."
#[test]
fn ten_thousand_goroutines_use_two_kib_stacks() {
    let p = prog("goroutines");
    let mut m = machine(p, &p.settings);
    // Stop right after main's first print, while all 10,000 are still parked.
    let printed = |m: &Machine| {
        m.trace()
            .last()
            .is_some_and(|e| matches!(e.kind, EventKind::Output { .. }))
    };
    while !printed(&m) && !m.finished() {
        m.step_event();
    }
    assert_eq!(m.stdout_text(), "goroutines alive: 10001\n");
    let v = m.view();
    let mem = v.memory;
    assert_eq!(mem.goroutines, 10_001);
    let per = mem.stack_bytes / mem.goroutines;
    println!(
        "goroutines: {} stacks {} bytes ({} per goroutine); threads would reserve {} MiB (1 MiB) / {} MiB (8 MiB)",
        mem.goroutines,
        mem.stack_bytes,
        per,
        mem.threads_windows >> 20,
        mem.threads_linux >> 20
    );
    assert!((2048..2100).contains(&per), "{per} bytes per goroutine");
    assert_eq!(mem.threads_windows, mem.goroutines << 20);
    assert_eq!(mem.threads_linux, mem.goroutines << 23);
    // Nearly all are parked on `<-release`; the last few created may not have run yet.
    let workers: Vec<_> = v
        .goroutines
        .iter()
        .filter(|g| !g.system && g.id != GoId(1))
        .collect();
    assert_eq!(workers.len(), 10_000);
    let blocked = workers
        .iter()
        .filter(|g| g.wait_reason == Some("chan receive"))
        .count();
    assert!(blocked > 9_900, "{blocked} parked");

    m.step_event();
    while !printed(&m) && !m.finished() {
        m.step_event();
    }
    let main = m
        .view()
        .goroutines
        .into_iter()
        .find(|g| g.id == GoId(1))
        .expect("main is alive");
    println!("main's stack after depth(1000): {} bytes", main.stack_bytes);
    assert!(main.stack_bytes >= 32 * 1024, "{}", main.stack_bytes);
    assert!(main.stack_bytes.is_power_of_two());
    m.run_to_end();
    assert_eq!(exit_code(&m), 0);
    assert!(m.stdout_text().ends_with("recursion depth: 1000\n"));
    // "10,001 goroutines ran on only 4 Ps and a handful of threads."
    let threads = 1 + events(&m)
        .filter(|k| matches!(k, EventKind::ThreadCreate { .. }))
        .count();
    println!("goroutines: {threads} threads");
    assert!(threads <= 5, "{threads} threads");
}

// ===== lesson 4: preemptivo x cooperativo =====

/// "Cooperative: the spinning goroutine never gives the core back; main never prints and
/// the run only stops at the step limit." "Asynchronous (Go 1.14+): sysmon preempts the
/// spinner after 10 ms and main prints after about 11 ms, not 1 ms."
#[test]
fn spin_hangs_under_cooperative_and_is_preempted_under_async() {
    let p = prog("spin");
    assert!(p.settings.preempt_coop && p.settings.procs == 1);
    let coop = run(p, &p.settings);
    assert_eq!(
        coop.outcome().expect("ended").kind,
        OutcomeKind::Limit(LimitKind::Steps)
    );
    assert_eq!(coop.stdout_text(), "");
    assert!(coop.now() > 20 * MS, "spun for {} ns", coop.now());
    // sysmon asks on both sides; only asynchronous preemption makes the spinner stop.
    assert!(events(&coop).any(|k| matches!(k, EventKind::PreemptRequest { .. })));
    assert!(!events(&coop).any(|k| matches!(
        k,
        EventKind::GoStop {
            reason: StopReason::Preempted,
            ..
        }
    )));

    let async_ = p.compare.expect("compared with async");
    assert!(!async_.preempt_coop && async_.procs == 1);
    let m = run(p, &async_);
    assert_eq!(exit_code(&m), 0);
    assert!(m.stdout_text().starts_with("main is back after 1"));
    let ran = events(&m)
        .find_map(|k| match k {
            EventKind::PreemptRequest { ran, .. } => Some(*ran),
            _ => None,
        })
        .expect("sysmon preempted the spinner");
    println!(
        "spin: preempted after {ran} ns; program ended at {} ns",
        m.now()
    );
    assert!((10 * MS..21 * MS).contains(&ran));
    assert!((10 * MS..21 * MS).contains(&m.now()));
    assert!(m.step() < async_.max_steps.unwrap_or(u64::MAX));
}

// ===== lesson 5: o escalonador =====

/// "The last goroutine created runs first (it is in runnext), then the others in FIFO
/// order from the local queue: 4 0 1 2 3, exactly what Go 1.23 prints."
#[test]
fn runnext_runs_the_newest_goroutine_first() {
    let p = prog("runnext");
    assert_eq!(p.settings.procs, 1);
    let m = run(p, &p.settings);
    assert_eq!(
        m.stdout_text(),
        "goroutine 4\ngoroutine 0\ngoroutine 1\ngoroutine 2\ngoroutine 3\n"
    );
    let kicked = events(&m)
        .filter(|k| matches!(k, EventKind::Kicked { .. }))
        .count();
    assert!(kicked >= 4, "{kicked} kicks");
}

/// "Without it every new goroutine waits at the tail of the local queue, so they run in
/// the order they were created: 0 1 2 3 4."
#[test]
fn without_runnext_the_goroutines_run_in_creation_order() {
    let p = prog("runnext-what-if");
    let what_if = p.compare.expect("a comparison run");
    assert!(p.settings.runnext && !what_if.runnext);
    assert_eq!(
        run(p, &p.settings).stdout_text(),
        "goroutine 4\ngoroutine 0\ngoroutine 1\ngoroutine 2\ngoroutine 3\n"
    );
    let m = run(p, &what_if);
    assert_eq!(
        m.stdout_text(),
        "goroutine 0\ngoroutine 1\ngoroutine 2\ngoroutine 3\ngoroutine 4\n"
    );
    assert!(!events(&m).any(|k| matches!(k, EventKind::Kicked { .. })));
}

/// "Gosched sends the goroutine to the back of the global queue: B 0 A 0 B 1 A 1 B 2 A 2,
/// as in Go 1.23."
#[test]
fn gosched_alternates_through_the_global_queue() {
    let p = prog("gosched");
    assert_eq!(p.settings.procs, 1);
    let m = run(p, &p.settings);
    assert_eq!(m.stdout_text(), "B 0\nA 0\nB 1\nA 1\nB 2\nA 2\n");
    let yields = events(&m)
        .filter(|k| {
            matches!(
                k,
                EventKind::GoStop {
                    reason: StopReason::Gosched,
                    ..
                }
            )
        })
        .count();
    assert_eq!(yields, 6);
    assert!(events(&m).any(|k| matches!(k, EventKind::GlobalTake { .. })));
}

/// "All eight goroutines start on P0; each idle P wakes up and steals half of a local
/// queue; within about 60 µs all four Ps are working."
#[test]
fn steal_spreads_the_work_over_all_ps() {
    let p = prog("steal");
    assert_eq!(p.settings.procs, 4);
    let m = run(p, &p.settings);
    assert_eq!(m.stdout_text(), "all 8 done\n");
    let creates_on_p0 = events(&m)
        .filter(|k| matches!(k, EventKind::GoCreate { p, .. } if p.0 == 0))
        .count();
    assert_eq!(creates_on_p0, 8);
    let steals: Vec<(u32, usize)> = events(&m)
        .filter_map(|k| match k {
            EventKind::Steal { thief, gs, .. } => Some((thief.0, gs.len())),
            _ => None,
        })
        .collect();
    println!("steal: {steals:?}");
    let mut thieves: Vec<u32> = steals.iter().map(|s| s.0).collect();
    thieves.sort();
    thieves.dedup();
    assert_eq!(thieves, [1, 2, 3]);
    // "Within about 60 µs the four Ps are busy."
    let p3 = m
        .trace()
        .iter()
        .find(|e| matches!(e.kind, EventKind::Steal { thief, .. } if thief.0 == 3))
        .expect("P3 steals")
        .time;
    assert!(p3 < 100_000, "P3 busy at {p3} ns");
    // The first thief takes half of P0's queue (the 7 goroutines kicked out of runnext
    // plus the runtime's finalizer goroutine).
    assert_eq!(steals[0], (1, 4));
}

/// "While the reader is blocked in the system call, sysmon takes the P from its thread
/// and hands it to another thread, which runs the worker. When the call returns there is
/// no free P, so the reader waits in the global queue."
#[test]
fn syscall_hands_the_p_to_another_thread() {
    let p = prog("syscall");
    assert_eq!(p.settings.procs, 1);
    let m = run(p, &p.settings);
    assert_eq!(exit_code(&m), 0);
    assert_eq!(
        m.stdout_text(),
        "worker done: 59997\nreader: open notes.txt: no such file or directory\n"
    );
    let tr = m.trace();
    let at = |f: &dyn Fn(&EventKind) -> bool| {
        tr.iter()
            .find(|e| f(&e.kind))
            .map(|e| e.time)
            .expect("event")
    };
    let enter = at(&|k| matches!(k, EventKind::SyscallEnter { .. }));
    let handoff = at(&|k| matches!(k, EventKind::Handoff { to: Some(_), .. }));
    let exit = at(&|k| matches!(k, EventKind::SyscallExit { p: None, .. }));
    println!("syscall: enter {enter} ns, handoff {handoff} ns, exit {exit} ns");
    assert!(enter < handoff && handoff < exit);
    assert!(handoff - enter <= 60_000, "sysmon retakes within ~40 µs");
    assert!(events(&m).any(|k| matches!(
        k,
        EventKind::GoStart { m, from: Source::GlobalQueue, .. } if *m != MId(0)
    )));
}

// ===== lesson 6: canais e WaitGroups =====

/// "The ball goes back and forth; on one P every hand-over puts the other player in
/// runnext."
#[test]
fn ping_pong_alternates_through_runnext() {
    let p = prog("ping-pong");
    let m = run(p, &p.settings);
    assert_eq!(
        m.stdout_text(),
        "ping hit 1\npong hit 2\nping hit 3\npong hit 4\nping hit 5\npong hit 6\n"
    );
    let wakes_to_runnext = events(&m)
        .filter(|k| matches!(k, EventKind::GoUnblock { p: Some(_), .. }))
        .count();
    assert!(wakes_to_runnext >= 6, "{wakes_to_runnext}");
    assert!(!events(&m).any(|k| matches!(k, EventKind::GlobalTake { .. })));
}

/// "Nine jobs, each done exactly once, shared by the three workers."
#[test]
fn worker_pool_does_every_job_once() {
    let p = prog("worker-pool");
    let m = run(p, &p.settings);
    assert_eq!(exit_code(&m), 0);
    let out = m.stdout_text();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 9, "{out}");
    for j in 1..=9 {
        let n = lines
            .iter()
            .filter(|l| l.ends_with(&format!(" did job {j}")))
            .count();
        assert_eq!(n, 1, "job {j}: {out}");
    }
    for w in 1..=3 {
        assert!(
            out.contains(&format!("worker {w} did")),
            "worker {w}: {out}"
        );
    }
    // "With GOMAXPROCS=4 the three workers run in parallel."
    assert!(procs_used(&m).len() >= 3, "{:?}", procs_used(&m));
}

#[test]
fn pipeline_squares_in_order() {
    let p = prog("pipeline");
    let m = run(p, &p.settings);
    assert_eq!(m.stdout_text(), "1\n4\n9\n16\n25\n");
    assert_eq!(exit_code(&m), 0);
}

/// "Go notices that every goroutine is blocked and stops the program with `fatal error:
/// all goroutines are asleep - deadlock!`, showing main stuck in `chan receive`."
#[test]
fn deadlock_is_reported_like_go() {
    let p = prog("deadlock");
    let m = run(p, &p.settings);
    assert!(m.outcome().expect("ended").is_deadlock());
    assert_eq!(exit_code(&m), 2);
    assert_eq!(
        m.stdout_text(),
        "main waits...\nworker computed 55 but forgot to send it\n"
    );
    let err = m.stderr_text();
    let line = line_of(p, "fmt.Println(<-results)");
    assert!(
        err.starts_with("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n"),
        "{err}"
    );
    assert!(err.contains(&format!("main.go:{line}")), "{err}");

    // "Fix this one by writing results <- sum on line 14."
    assert_eq!(line_of(p, "// Missing: results <- sum"), 14);
    let source = p
        .source
        .replace("// Missing: results <- sum", "results <- sum");
    let fixed = LessonProgram {
        source: Box::leak(source.into_boxed_str()),
        ..*p
    };
    let m = run(&fixed, &p.settings);
    assert_eq!(exit_code(&m), 0, "{}", m.stderr_text());
    assert!(m.stdout_text().ends_with("55\n"));
}
