//! The wait-for graph: cycles of blocked goroutines with holders and wakers, goroutines blocked
//! forever while others still run (partial deadlocks), leaks at exit, and the `gosched run` note
//! that appears only when goroutines leaked.

use std::sync::Arc;

use gosched_sim::ids::GoId;
use gosched_sim::waitfor::{WaitForGraph, WaitOn};
use gosched_sim::{Config, Machine};

fn run(src: &str, procs: u32) -> Machine {
    let prog = gosched_lang::compile::compile(src).expect("compiles");
    let cfg = Config {
        procs,
        ..Config::default()
    };
    let mut m = Machine::new(Arc::new(prog), cfg);
    m.run_to_end();
    m
}

fn ids(gs: &[GoId]) -> Vec<u32> {
    gs.iter().map(|g| g.0).collect()
}

fn blocked(g: &WaitForGraph) -> Vec<(u32, &'static str, bool)> {
    g.blocked
        .iter()
        .map(|b| (b.g.0, b.reason, b.forever))
        .collect()
}

#[test]
fn lock_order_deadlock_is_a_cycle_through_the_mutex_holders() {
    let m = run(
        include_str!("../../../tests/programs/deadlock/lock_order_cycle.go"),
        1,
    );
    assert!(m.outcome().is_some_and(|o| o.is_deadlock()));
    let g = m.wait_for_graph();
    assert_eq!(
        blocked(&g),
        vec![
            (1, "semacquire", true),
            (6, "sync.Mutex.Lock", true),
            (7, "sync.Mutex.Lock", true)
        ]
    );
    assert_eq!(ids(&g.cycle), vec![6, 7]);
    let b6 = &g.blocked[1];
    assert!(matches!(b6.on, WaitOn::Mutex { .. }));
    assert_eq!(b6.holder, Some(GoId(7)));
    assert_eq!(b6.line, 22);
    assert_eq!(b6.func, "main.main.func1");
    assert_eq!(g.blocked[2].holder, Some(GoId(6)));
    // main waits on the WaitGroup the two workers could still call Done on.
    assert!(matches!(g.blocked[0].on, WaitOn::WaitGroup { .. }));
    assert_eq!(ids(&g.blocked[0].wakers), vec![6, 7]);
    assert!(g.active.is_empty());
    // Go already reported the deadlock: no note of ours.
    assert_eq!(m.leak_note(), None);
}

#[test]
fn a_partial_deadlock_is_found_while_main_still_runs() {
    let prog = gosched_lang::compile::compile(include_str!(
        "../../../tests/programs/explore/partial_deadlock.go"
    ))
    .expect("compiles");
    let mut m = Machine::new(Arc::new(prog), Config::default());
    // Run until main sleeps and both workers are blocked.
    let mut g = m.wait_for_graph();
    while !m.finished() && g.blocked.len() < 2 {
        m.run(1);
        g = m.wait_for_graph();
    }
    assert!(!m.finished(), "main is still sleeping");
    assert_eq!(
        blocked(&g),
        vec![(7, "chan receive", true), (8, "chan receive", true)]
    );
    assert_eq!(ids(&g.cycle), vec![7, 8]);
    assert_eq!(ids(&g.blocked[0].wakers), vec![8]);
    assert_eq!(ids(&g.active), vec![1]);
    assert_eq!(g.blocked[0].line, 16);
    // At the end Go prints nothing about them; gosched's note does.
    m.run_to_end();
    assert_eq!(m.stdout_text(), "main done\n");
    assert_eq!(m.stderr_text(), "");
    let note = m.leak_note().expect("a leak note");
    assert!(note.starts_with("gosched note"), "{note}");
    assert!(
        note.contains("goroutine 7 [chan receive] at main.go:16 in main.pair.func1"),
        "{note}"
    );
    assert!(note.contains("(blocked forever)"), "{note}");
    assert!(
        note.contains("wait-for cycle: goroutine 7 -> goroutine 8 -> goroutine 7"),
        "{note}"
    );
}

#[test]
fn a_goroutine_fed_by_a_timer_can_still_be_woken() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tt := time.NewTicker(time.Second)\n\tgo func() {\n\t\t<-t.C\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(\"bye\")\n}\n";
    let m = run(src, 2);
    let g = m.wait_for_graph();
    assert_eq!(blocked(&g), vec![(6, "chan receive", false)]);
    assert!(g.blocked[0].timer);
    let note = m.leak_note().expect("still a leak at exit");
    assert!(note.contains("a timer sends on it"), "{note}");
    assert!(!note.contains("blocked forever"), "{note}");
}

#[test]
fn programs_that_end_cleanly_get_no_note() {
    for src in [
        include_str!("../../../tests/programs/course/counter_mutex.go"),
        include_str!("../../../tests/programs/course/pipeline.go"),
        include_str!("../../../tests/programs/explore/lock_order.go"),
    ] {
        let m = run(src, 4);
        assert_eq!(m.leak_note(), None);
        assert!(m.wait_for_graph().blocked.is_empty());
    }
}

#[test]
fn nil_channels_can_never_be_woken() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar ch chan int\n\tgo func() {\n\t\tch <- 1\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(\"bye\")\n}\n";
    let prog = gosched_lang::compile::compile(src).expect("compiles");
    let mut m = Machine::new(Arc::new(prog), Config::default());
    let mut g = m.wait_for_graph();
    while !m.finished() && g.blocked.is_empty() {
        m.run(1);
        g = m.wait_for_graph();
    }
    if let Some(b) = g.blocked.first() {
        assert_eq!(b.on, WaitOn::Nothing);
        assert!(b.forever);
        assert_eq!(b.reason, "chan send (nil chan)");
    }
    m.run_to_end();
    let note = m.leak_note().expect("the sender leaked");
    assert!(note.contains("chan send (nil chan)"), "{note}");
    assert!(note.contains("can never happen"), "{note}");
}

/// 20,000 goroutines leaked on one channel: the graph stays linear (lists
/// are capped) and the note names a few and counts the rest.
#[test]
fn many_leaked_goroutines_stay_cheap() {
    let src = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tch := make(chan int)\n\tfor i := 0; i < 20000; i++ {\n\t\tgo func() {\n\t\t\t<-ch\n\t\t}()\n\t}\n\ttime.Sleep(time.Second)\n\tfmt.Println(\"bye\")\n}\n";
    let m = run(src, 4);
    let g = m.wait_for_graph();
    assert_eq!(g.blocked.len(), 20_000);
    let b = &g.blocked[0];
    assert_eq!(b.wakers.len(), gosched_sim::waitfor::MAX_LISTED);
    assert!(b.more_wakers);
    // Main has returned: nothing can act any more.
    assert!(g.active.is_empty());
    assert!(g.blocked.iter().all(|b| b.forever));
    let note = m.leak_note().expect("leaked");
    assert!(
        note.contains("20000 goroutines were still blocked"),
        "{note}"
    );
    assert!(note.contains("and others could wake it"), "{note}");
    assert!(note.contains("  ... and 19984 more\n"), "{note}");
    // A header, 16 goroutines, the count of the rest, the cycle line.
    assert_eq!(note.lines().count(), 1 + 16 + 1 + 1, "{note}");
}
