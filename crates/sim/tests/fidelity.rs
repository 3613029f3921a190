//! Go's scheduling policies switched off (`Config::fidelity`): each "what if" changes the run
//! the way its policy's absence explains, the default is Go, and a found schedule carries the
//! switches so it replays under them.
//!
//! The programs are the labelled corpus (tests/programs/sched): their `// Output:` is what Go
//! prints with every policy on, which the corpus test checks; here they run with one off.

use std::path::Path;
use std::sync::Arc;

use gosched_sim::explore::{ExploreConfig, Explorer, Goal, Status, StrategyKind};
use gosched_sim::{Config, Fidelity, Machine, TraceLevel};

fn program(name: &str) -> Arc<gosched_lang::bytecode::Program> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/programs/sched")
        .join(name);
    let src = std::fs::read_to_string(&path).expect("corpus program");
    Arc::new(gosched_lang::compile::compile(&src).expect("compiles"))
}

fn one_p(fidelity: Fidelity) -> Config {
    Config {
        procs: 1,
        trace: TraceLevel::Off,
        fidelity,
        ..Config::default()
    }
}

const NO_RUNNEXT: Fidelity = Fidelity {
    runnext: false,
    ..Fidelity::GO
};

const NO_FAIRNESS: Fidelity = Fidelity {
    global_fairness: false,
    ..Fidelity::GO
};

fn stdout(name: &str, cfg: Config) -> Vec<String> {
    let mut m = Machine::new(program(name), cfg);
    let exit = m.run_to_end().exit_code;
    assert_eq!(exit, 0, "{name}: {}", m.stderr_text());
    m.stdout_text().lines().map(str::to_string).collect()
}

#[test]
fn the_default_is_go() {
    assert!(Config::default().fidelity.is_go());
    assert!(!NO_RUNNEXT.is_go() && !NO_FAIRNESS.is_go());
}

#[test]
fn without_runnext_goroutines_started_in_a_loop_run_in_order() {
    // Go: each `go` puts the new goroutine in runnext and kicks the previous one to the
    // queue's tail, so the last one runs first.
    assert_eq!(
        stdout("runnext_order.go", one_p(Fidelity::GO)),
        ["4", "0", "1", "2", "3"]
    );
    assert_eq!(
        stdout("runnext_order.go", one_p(NO_RUNNEXT)),
        ["0", "1", "2", "3", "4"]
    );
}

#[test]
fn without_runnext_a_woken_receiver_waits_behind_the_queue() {
    // Go: the sender, created last, waits in runnext and runs first; it blocks on the send
    // (nobody receives yet), the receiver takes the value and readies the sender into its
    // runnext, and prints before it. Without runnext the queue is FIFO: the receiver runs
    // first and blocks, the sender's send readies it to the tail, and the sender goes on.
    let go = stdout("wakeup_runnext.go", one_p(Fidelity::GO));
    let what_if = stdout("wakeup_runnext.go", one_p(NO_RUNNEXT));
    assert_eq!(
        go,
        ["receiver waiting", "receiver got hello", "sender continues"]
    );
    assert_eq!(
        what_if,
        ["receiver waiting", "sender continues", "receiver got hello"]
    );
}

#[test]
fn without_the_fairness_check_the_global_queue_waits_for_the_local_one() {
    let position = |lines: &[String], g: u32| -> u32 {
        let prefix = format!("goroutine {g} ran at position ");
        lines
            .iter()
            .find_map(|l| l.strip_prefix(&prefix))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no line for goroutine {g} in {lines:?}"))
    };
    // Go (and the corpus label): goroutine 0, which waits in the global queue, runs at
    // the fairness check, long before goroutine 298 (the local queue's last).
    let go = stdout("global_fairness.go", one_p(Fidelity::GO));
    assert!(position(&go, 0) < position(&go, 298), "{go:?}");
    // Without it, goroutine 0 runs only once the local queue is empty.
    let what_if = stdout("global_fairness.go", one_p(NO_FAIRNESS));
    assert_eq!(
        position(&what_if, 0),
        position(&what_if, 298) + 1,
        "{what_if:?}"
    );
}

#[test]
fn a_found_schedule_carries_the_switched_off_policies() {
    // The explorer looks for a different output; whatever it finds must replay under the
    // same policies, or the replay would print something else.
    let prog = program("runnext_order.go");
    let cfg = Config {
        procs: 2,
        ..one_p(NO_RUNNEXT)
    };
    let mut x = Explorer::new(
        prog.clone(),
        cfg.clone(),
        ExploreConfig::new(StrategyKind::Random, Goal::Output),
    );
    while x.progress().status == Status::Running {
        x.advance(1_000_000);
    }
    let found = x
        .found()
        .expect("two Ps print the numbers in another order under some schedule");
    let replay = found.schedule.config(&Config::default());
    assert_eq!(replay.fidelity, NO_RUNNEXT);
    let decoded = gosched_sim::Schedule::decode(&found.schedule.encode()).expect("decodes");
    let mut m = Machine::with_schedule(prog, Config::default(), &decoded);
    m.run_to_end();
    assert_eq!(m.stdout_text(), found.stdout);
}
