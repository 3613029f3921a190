//! The schedule explorer: it finds the lost update, the race and the lock-order deadlock with each
//! strategy; found schedules replay identically (also after encode/decode); progress adds up and
//! does not depend on chunk sizes; steering that decides nothing changes nothing; the wait-for
//! graph finds cycles and goroutines blocked forever.
//!
//! One test (the lock-order deadlock, found and replayed) also runs compiled to wasm32 in
//! headless Chromium (`cargo test -p gosched-sim --target wasm32-unknown-unknown --test explore`,
//! the "browser tests" stage of `cargo xtask test`).

use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_sim::explore::{
    ExploreConfig, Explorer, Found, FoundKind, Goal, Progress, Schedule, Status, StrategyKind,
};
use gosched_sim::{trace, Config, Machine, TraceLevel};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const COUNTER_ASSERT: &str = include_str!("../../../tests/programs/explore/counter_assert.go");
const LOCK_ORDER: &str = include_str!("../../../tests/programs/explore/lock_order.go");

fn compile(src: &str) -> Arc<Program> {
    Arc::new(gosched_lang::compile::compile(src).expect("the test program compiles"))
}

fn config(procs: u32) -> Config {
    Config {
        procs,
        seed: 1,
        ..Config::default()
    }
}

/// Explores to the end in chunks of `chunk` steps.
fn explore(
    prog: &Arc<Program>,
    cfg: Config,
    strategy: StrategyKind,
    goal: Goal,
    runs: u64,
    chunk: u64,
) -> Progress {
    let xc = ExploreConfig {
        max_runs: runs,
        ..ExploreConfig::new(strategy, goal)
    };
    let mut ex = Explorer::new(prog.clone(), cfg, xc);
    while ex.advance(chunk).status == Status::Running {}
    ex.progress().clone()
}

fn found(p: &Progress) -> &Found {
    match &p.status {
        Status::Found(f) => f,
        other => panic!(
            "not found after {} schedules ({other:?}); outcomes: {:?}",
            p.schedules,
            p.outcomes
                .iter()
                .map(|o| (&o.label, o.count))
                .collect::<Vec<_>>()
        ),
    }
}

/// Runs `schedule` with the full trace; returns the machine at the end.
fn replay(prog: &Arc<Program>, schedule: &Schedule) -> Machine {
    let cfg = Config {
        trace: TraceLevel::Full,
        ..Config::default()
    };
    let mut m = Machine::with_schedule(prog.clone(), cfg, schedule);
    m.run_to_end();
    m
}

/// A found schedule replays to the same outcome, identically twice and after
/// encode/decode, and the decisive step is where the event happens.
fn check_replay(prog: &Arc<Program>, f: &Found) {
    let a = replay(prog, &f.schedule);
    let outcome = a.outcome().expect("finished");
    assert_eq!(outcome.exit_code, f.exit_code, "{}", f.summary);
    assert_eq!(a.stdout_text(), f.stdout, "{}", f.summary);
    let text = f.schedule.encode();
    let decoded = Schedule::decode(&text).expect("decodes");
    assert_eq!(decoded, f.schedule);
    let b = replay(prog, &decoded);
    assert_eq!(trace::digest(a.trace()), trace::digest(b.trace()), "{text}");
    assert_eq!(a.step(), b.step());

    // Just before the decisive step the event has not happened; after it, it has.
    let cfg = Config::default();
    let mut m = Machine::with_schedule(prog.clone(), cfg, &f.schedule);
    m.run(f.decisive_step - 1);
    assert_eq!(m.step(), f.decisive_step - 1);
    let before_out = m.stdout_text();
    let before_races = m.races().len();
    let before_done = m.finished();
    m.run(1);
    match &f.kind {
        FoundKind::Race { .. } => {
            assert_eq!(before_races, 0);
            assert!(!m.races().is_empty());
        }
        FoundKind::Deadlock => {
            assert!(!before_done);
            m.run_to_end();
            assert_eq!(m.step(), f.decisive_step);
        }
        FoundKind::Output { expected } => {
            assert!(expected.starts_with(&before_out), "{before_out:?}");
            let after = m.stdout_text();
            assert!(
                !expected.starts_with(&after) || m.finished(),
                "{after:?} vs {expected:?}"
            );
        }
        FoundKind::Panic { .. } => {
            // The goroutine is at the `panic(...)` line of counter_assert.go.
            assert!(!before_done);
            m.run_to_end();
            assert_eq!(m.panic_step(), Some(f.decisive_step));
        }
    }
}

fn check_counts(p: &Progress) {
    let counted: u64 = p.outcomes.iter().map(|o| o.count).sum::<u64>() + p.other_outcomes;
    assert_eq!(
        counted, p.schedules,
        "outcome counts add up to the schedules"
    );
    assert!(p.outcomes.windows(2).all(|w| w[0].count >= w[1].count));
}

/// The lock-order deadlock on one P: every strategy finds it, bounded
/// search with one preemption systematically; the schedule replays.
fn lock_order_deadlock() {
    let prog = compile(LOCK_ORDER);
    for (strategy, limit) in [
        (StrategyKind::Bounded { max_preemptions: 1 }, 20),
        (StrategyKind::Random, 100),
        (StrategyKind::Pct { depth: 2 }, 100),
    ] {
        let p = explore(&prog, config(1), strategy, Goal::Deadlock, limit, 10_000);
        check_counts(&p);
        let f = found(&p);
        assert_eq!(f.kind, FoundKind::Deadlock, "{strategy:?}");
        assert!(f.stderr.contains("all goroutines are asleep"));
        assert!(f.schedules <= limit);
        assert!(f.schedules > 1, "the plain run does not deadlock");
        check_replay(&prog, f);
    }
}

/// The schedule bounded search finds for the lost update on one P. The
/// same text on every target: the explorer is deterministic. (If the
/// explorer's order or the schedule format changes on purpose, update it.)
const LOST_UPDATE_SCHEDULE: &str = "AQABAQQB";

fn lost_update_found_by_bounded_search() {
    let prog = compile(COUNTER_ASSERT);
    let bounded = StrategyKind::Bounded { max_preemptions: 1 };
    let p = explore(&prog, config(1), bounded, Goal::Panic, 20, 50_000);
    let f = found(&p);
    assert_eq!(f.schedule.encode(), LOST_UPDATE_SCHEDULE);
    assert_eq!(
        f.stderr.lines().next(),
        Some("panic: lost update: counter is 1000")
    );
    check_replay(&prog, f);
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_explorer_finds_the_lock_order_deadlock_and_replays_it() {
    lock_order_deadlock();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_explorer_finds_the_same_lost_update_schedule() {
    lost_update_found_by_bounded_search();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use gosched_sim::explore::Policy;
    use gosched_sim::PreemptMode;

    const COUNTER_RACY: &str = include_str!("../../../tests/programs/course/counter_racy.go");

    #[test]
    fn explorer_finds_the_lock_order_deadlock_and_replays_it() {
        lock_order_deadlock();
    }

    #[test]
    fn explorer_finds_the_same_lost_update_schedule() {
        lost_update_found_by_bounded_search();
    }

    #[test]
    fn bounded_search_with_no_preemption_does_not_find_the_deadlock() {
        let prog = compile(LOCK_ORDER);
        let p = explore(
            &prog,
            config(1),
            StrategyKind::Bounded { max_preemptions: 0 },
            Goal::Deadlock,
            100,
            1 << 20,
        );
        assert_eq!(p.status, Status::Exhausted);
        assert_eq!(p.schedules, 1);
        assert_eq!(
            p.outcomes[0].stdout,
            "second has both\nfirst has both\ndone\n"
        );
    }

    #[test]
    fn explorer_finds_the_lost_update_with_every_strategy() {
        let prog = compile(COUNTER_ASSERT);
        for procs in [1, 2, 4] {
            for strategy in [
                StrategyKind::Bounded { max_preemptions: 1 },
                StrategyKind::Random,
                StrategyKind::Pct { depth: 3 },
            ] {
                let p = explore(&prog, config(procs), strategy, Goal::Panic, 50, 1 << 16);
                check_counts(&p);
                let f = found(&p);
                match &f.kind {
                    FoundKind::Panic { message } => assert!(
                        message.starts_with("panic: lost update: counter is "),
                        "{message}"
                    ),
                    k => panic!("{k:?}"),
                }
                assert_eq!(f.exit_code, 2);
                check_replay(&prog, f);
            }
        }
    }

    #[test]
    fn explorer_finds_an_output_other_than_2000_in_the_racy_counter() {
        let prog = compile(COUNTER_RACY);
        for procs in [1, 4] {
            for strategy in [
                StrategyKind::Bounded { max_preemptions: 1 },
                StrategyKind::Random,
                StrategyKind::Pct { depth: 3 },
            ] {
                let p = explore(&prog, config(procs), strategy, Goal::Output, 50, 5_000);
                check_counts(&p);
                let f = found(&p);
                assert_eq!(
                    f.kind,
                    FoundKind::Output {
                        expected: "counter: 2000\n".into()
                    }
                );
                let n: u32 = f.stdout["counter: ".len()..]
                    .trim()
                    .parse()
                    .expect("a number");
                assert!(n < 2000, "{}", f.stdout);
                assert!(f.summary.starts_with("output \"counter: "), "{}", f.summary);
                check_replay(&prog, f);
            }
        }
    }

    #[test]
    fn explorer_finds_the_race_in_the_counter() {
        let prog = compile(COUNTER_RACY);
        for strategy in [
            StrategyKind::Bounded { max_preemptions: 1 },
            StrategyKind::Random,
            StrategyKind::Pct { depth: 3 },
        ] {
            let p = explore(&prog, config(2), strategy, Goal::Race, 10, 1 << 20);
            let f = found(&p);
            assert_eq!(
                f.summary,
                "data race on counter (main.go:18 and main.go:18)"
            );
            assert_eq!(f.exit_code, 66);
            check_replay(&prog, f);
        }
    }

    #[test]
    fn the_same_exploration_whatever_the_chunk_size() {
        let prog = compile(COUNTER_ASSERT);
        for strategy in [
            StrategyKind::Bounded { max_preemptions: 2 },
            StrategyKind::Random,
            StrategyKind::Pct { depth: 3 },
        ] {
            // A goal the program never reaches, so every run is made.
            let runs: Vec<Progress> = [1_000_003, 4_099, 1]
                .iter()
                .map(|&chunk| explore(&prog, config(2), strategy, Goal::Deadlock, 12, chunk))
                .collect();
            assert_eq!(runs[0].status, Status::Exhausted);
            assert_eq!(runs[0].schedules, 12);
            assert!(runs[0].outcomes.len() >= 2, "{:?}", runs[0].outcomes);
            for r in &runs[1..] {
                assert_eq!(r, &runs[0], "{strategy:?}");
            }
        }
    }

    /// The page keeps the explorer in its state: a clone taken mid-run goes
    /// on exactly like the original.
    #[test]
    fn a_cloned_explorer_continues_identically() {
        let prog = compile(COUNTER_ASSERT);
        let bounded = StrategyKind::Bounded { max_preemptions: 2 };
        let xc = ExploreConfig {
            max_runs: 8,
            ..ExploreConfig::new(bounded, Goal::Deadlock)
        };
        let mut a = Explorer::new(prog, config(1), xc);
        a.advance(30_001);
        assert_eq!(a.progress().status, Status::Running);
        let mut b = a.clone();
        while a.advance(10_000).status == Status::Running {}
        while b.advance(77).status == Status::Running {}
        assert_eq!(a.progress(), b.progress());
        assert_eq!(a.progress().schedules, 8);
    }

    #[test]
    fn bounded_search_tries_each_single_preemption_before_any_pair() {
        let prog = compile(LOCK_ORDER);
        let p = explore(
            &prog,
            config(1),
            StrategyKind::Bounded { max_preemptions: 2 },
            Goal::Panic,
            10_000,
            1 << 20,
        );
        assert_eq!(p.status, Status::Exhausted);
        assert_eq!(p.bound, Some(2));
        let singles = p
            .outcomes
            .iter()
            .flat_map(|o| std::iter::once(&o.example))
            .filter(|s| s.overrides.len() == 1)
            .count();
        assert!(singles >= 1);
        // Every outcome's example uses the fewest preemptions that reach it.
        let deadlock = p
            .outcomes
            .iter()
            .find(|o| o.exit_code == 2)
            .expect("a deadlock is among the outcomes");
        assert_eq!(deadlock.example.overrides.len(), 1);
        assert!(p.replays > 0, "level 2 re-runs the level-1 plans");
    }

    /// Steering that decides nothing changes nothing, and observing memory
    /// (race detector, full trace, switch points) never changes the run.
    #[test]
    fn a_steered_run_without_decisions_is_the_plain_run() {
        for src in [COUNTER_RACY, LOCK_ORDER, COUNTER_ASSERT] {
            let prog = compile(src);
            for procs in [1, 2, 4] {
                for preempt in [PreemptMode::Async, PreemptMode::Cooperative] {
                    let cfg = Config {
                        procs,
                        preempt,
                        seed: 5,
                        trace: TraceLevel::Sched,
                        ..Config::default()
                    };
                    let mut plain = Machine::new(prog.clone(), cfg.clone());
                    plain.run_to_end();
                    let mut steered =
                        Machine::with_schedule(prog.clone(), cfg.clone(), &Schedule::plain(&cfg));
                    steered.run_to_end();
                    assert!(steered.switch_points() > 0 || procs == 1);
                    assert_eq!(trace::digest(plain.trace()), trace::digest(steered.trace()));
                    let raced = Config {
                        race: true,
                        ..cfg.clone()
                    };
                    let mut r = Machine::new(prog.clone(), raced);
                    r.run_to_end();
                    let sched: Vec<_> = r
                        .trace()
                        .iter()
                        .filter(|e| {
                            !matches!(
                                e.kind,
                                trace::EventKind::Race { .. } | trace::EventKind::Exit { .. }
                            )
                        })
                        .cloned()
                        .collect();
                    let plain_sched: Vec<_> = plain
                        .trace()
                        .iter()
                        .filter(|e| !matches!(e.kind, trace::EventKind::Exit { .. }))
                        .cloned()
                        .collect();
                    assert_eq!(trace::digest(&sched), trace::digest(&plain_sched));
                }
            }
        }
    }

    #[test]
    fn a_recorded_choice_sequence_replays_whatever_the_seed() {
        const SEEDED: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"math/rand\"\n)\n\nfunc main() {\n\tm := map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5}\n\tfor k := range m {\n\t\tfmt.Print(k)\n\t}\n\tfmt.Println(rand.Intn(1000))\n}\n";
        for (src, procs) in [(COUNTER_RACY, 4), (SEEDED, 1)] {
            let prog = compile(src);
            let cfg = Config {
                procs,
                seed: 11,
                trace: TraceLevel::Full,
                ..Config::default()
            };
            let mut m = Machine::new(prog.clone(), cfg.clone());
            m.record_choices();
            m.run_to_end();
            let choices = m.recorded_choices().to_vec();
            assert!(!choices.is_empty());
            let other = Config {
                seed: 99,
                ..cfg.clone()
            };
            let s = Schedule::from_choices(&other, &choices);
            let mut r = Machine::with_schedule(prog.clone(), other.clone(), &s);
            r.run_to_end();
            assert_eq!(trace::digest(m.trace()), trace::digest(r.trace()));
            assert_eq!(m.stdout_text(), r.stdout_text());
            if src == SEEDED {
                // The seed alone gives another run, so the choices did the work.
                let mut plain = Machine::new(prog, other);
                plain.run_to_end();
                assert_ne!(plain.stdout_text(), m.stdout_text());
            }
        }
    }

    /// Running to the end in one call or in chunks of any size gives the
    /// same run, plain or observed (race detector, full trace) or steered.
    /// (Observed multi-P runs used to end a burst at a chunk boundary.)
    #[test]
    fn runs_do_not_depend_on_chunk_sizes() {
        let mutex = include_str!("../../../tests/programs/course/counter_mutex.go");
        for src in [COUNTER_ASSERT, COUNTER_RACY, LOCK_ORDER, mutex] {
            let prog = compile(src);
            for procs in [1, 2, 4] {
                for (race, trace, policy) in [
                    (false, TraceLevel::Sched, None),
                    (false, TraceLevel::Full, None),
                    (true, TraceLevel::Full, None),
                    (false, TraceLevel::Full, Some(Policy::Random { one_in: 2 })),
                    (
                        false,
                        TraceLevel::Full,
                        Some(Policy::Pct {
                            depth: 3,
                            span: 2000,
                        }),
                    ),
                ] {
                    let cfg = Config {
                        procs,
                        seed: 2,
                        race,
                        trace,
                        ..Config::default()
                    };
                    let mk = || match policy {
                        None => Machine::new(prog.clone(), cfg.clone()),
                        Some(policy) => Machine::with_schedule(
                            prog.clone(),
                            cfg.clone(),
                            &Schedule {
                                policy,
                                ..Schedule::plain(&cfg)
                            },
                        ),
                    };
                    let mut whole = mk();
                    whole.run_to_end();
                    for chunk in [1, 7, 4099] {
                        let mut m = mk();
                        while !m.run(chunk) {}
                        assert_eq!(
                            trace::digest(whole.trace()),
                            trace::digest(m.trace()),
                            "procs={procs} race={race} {trace:?} {policy:?} chunk={chunk}"
                        );
                    }
                }
            }
        }
    }

    /// "Be the scheduler": a recorded switch point can be decided
    /// differently by overriding it; the run is the same up to it, and one
    /// such decision deadlocks the lock-order program. A session seeks in
    /// the steered run.
    #[test]
    fn a_person_can_make_a_recorded_decision_instead() {
        use gosched_sim::explore::{Override, SwitchAction};
        use gosched_sim::rng::ChoiceKind;
        use gosched_sim::Session;
        let prog = compile(LOCK_ORDER);
        let cfg = Config {
            procs: 1,
            ..Config::default()
        };
        let plain = Schedule::plain(&cfg);
        let mut m = Machine::with_schedule(prog.clone(), cfg.clone(), &plain);
        m.record_choices();
        m.run_to_end();
        let switches: Vec<_> = m
            .recorded_choices()
            .iter()
            .filter(|c| c.kind == ChoiceKind::Switch && c.options & 0b10 != 0)
            .copied()
            .collect();
        assert!(!switches.is_empty());
        assert!(switches.iter().all(|c| c.value == 0 && c.g.is_some()));
        let mut deadlocks = 0;
        for c in &switches {
            let s = Schedule {
                overrides: vec![Override {
                    index: c.index,
                    value: SwitchAction::Preempt.value(),
                }],
                ..plain.clone()
            };
            let mut session = Session::with_schedule(prog.clone(), cfg.clone(), &s);
            session.seek(c.step);
            let prefix: Vec<_> = session.events_now().to_vec();
            let same: Vec<_> = m
                .trace()
                .iter()
                .filter(|e| e.step <= c.step)
                .cloned()
                .collect();
            assert_eq!(trace::digest(&prefix), trace::digest(&same));
            let mut r = Machine::with_schedule(prog.clone(), cfg.clone(), &s);
            r.run_to_end();
            assert_eq!(r.forced_switches(), 1);
            if r.outcome().is_some_and(|o| o.is_deadlock()) {
                deadlocks += 1;
            }
        }
        assert!(deadlocks >= 1, "{} switch points", switches.len());
    }

    #[test]
    fn found_schedules_are_short() {
        let prog = compile(COUNTER_ASSERT);
        for strategy in [
            StrategyKind::Bounded { max_preemptions: 1 },
            StrategyKind::Random,
            StrategyKind::Pct { depth: 3 },
        ] {
            let p = explore(&prog, config(4), strategy, Goal::Panic, 50, 1 << 20);
            let text = found(&p).schedule.encode();
            assert!(text.len() <= 16, "{strategy:?}: {text}");
        }
    }
}
