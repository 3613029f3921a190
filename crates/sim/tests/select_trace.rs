//! The trace says which case a `select` took and how many were ready: Go picks at random
//! among the ready cases (select.go: selectgo), so a learner sees why the output differs.

use std::sync::Arc;

use gosched_sim::trace::EventKind;
use gosched_sim::{Config, Machine, TraceLevel};

/// Two buffered channels, both holding a value, and a nil channel that is never live.
const TWO_READY: &str = include_str!("../../../tests/programs/explore/select_two_ready.go");

/// One ready case, then nothing ready and a default.
const ONE_THEN_DEFAULT: &str = "package main

import \"fmt\"

func main() {
	a := make(chan int, 1)
	b := make(chan int)
	a <- 1
	select {
	case v := <-a:
		fmt.Println(\"a\", v)
	case v := <-b:
		fmt.Println(\"b\", v)
	}
	select {
	case v := <-b:
		fmt.Println(\"b\", v)
	default:
		fmt.Println(\"nothing ready\")
	}
}
";

/// The `select` events of a run of `src` with `seed`, and its output.
fn selects(src: &str, seed: u64, trace: TraceLevel) -> (Vec<(Option<u32>, u32, u32)>, String) {
    let prog = Arc::new(gosched_lang::compile::compile(src).expect("compiles"));
    let cfg = Config {
        seed,
        trace,
        ..Config::default()
    };
    let mut m = Machine::new(prog, cfg);
    m.run(u64::MAX);
    let events = m
        .trace()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Select {
                case, line, ready, ..
            } => Some((case, line, ready)),
            _ => None,
        })
        .collect();
    (events, m.stdout_text())
}

#[test]
fn a_select_with_two_ready_cases_says_so_and_each_case_wins_under_some_seed() {
    let mut won = [0; 3];
    for seed in 1..=40 {
        let (events, out) = selects(TWO_READY, seed, TraceLevel::Sched);
        let [(Some(case), line, ready)] = events[..] else {
            panic!("seed {seed}: {events:?}");
        };
        assert_eq!(ready, 2, "seed {seed}");
        let line_of = |text: &str| {
            TWO_READY
                .lines()
                .position(|l| l.contains(text))
                .expect("in the program") as u32
                + 1
        };
        let (want_line, want_out) = match case {
            1 => (line_of("<-a:"), "from a\n"),
            2 => (line_of("<-b:"), "from b\n"),
            _ => panic!("seed {seed}: case {case}"),
        };
        assert_eq!((line, out.as_str()), (want_line, want_out), "seed {seed}");
        won[case as usize] += 1;
    }
    assert!(
        won[1] > 0 && won[2] > 0,
        "both cases win under some seed: {won:?}"
    );
}

#[test]
fn the_only_ready_case_and_the_default_are_named() {
    let (events, out) = selects(ONE_THEN_DEFAULT, 1, TraceLevel::Sched);
    assert_eq!(events, vec![(Some(0), 10, 1), (None, 0, 0)]);
    assert_eq!(out, "a 1\nnothing ready\n");
}

#[test]
fn without_a_trace_the_run_is_the_same() {
    for seed in 1..=10 {
        let (traced, out) = selects(TWO_READY, seed, TraceLevel::Sched);
        let (none, plain) = selects(TWO_READY, seed, TraceLevel::Off);
        assert!(none.is_empty());
        assert_eq!(out, plain, "seed {seed}");
        assert_eq!(traced.len(), 1);
    }
}
