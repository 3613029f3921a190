//! The Chrome trace-event export (`gosched_sim::export`), which the CLI's `--trace` and the
//! page's download share: valid JSON, a track per P, each track's records in time order, one
//! slice per time a goroutine ran, named as the page names goroutines (`G7 …`), and the same
//! text however the events are fed and the records written.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_sim::export::{chrome_trace, ChromeTrace};
use gosched_sim::trace::{Event, EventKind};
use gosched_sim::{Config, Machine, TraceLevel};
use serde_json::Value;

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"sync"
)

func work(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := work(2000 * (i + 1))
			mu.Lock()
			total += s
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total > 0)
}
"#;

const PROCS: u32 = 4;

fn run() -> (Arc<Program>, Vec<Event>) {
    let prog = Arc::new(gosched_lang::compile::compile(PROGRAM).expect("compiles"));
    let cfg = Config {
        procs: PROCS,
        seed: 3,
        trace: TraceLevel::Sched,
        ..Config::default()
    };
    let mut m = Machine::new(prog.clone(), cfg);
    assert_eq!(m.run_to_end().exit_code, 0);
    (prog, m.take_events())
}

fn records(text: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(text).expect("the trace is valid JSON");
    assert_eq!(v["displayTimeUnit"], "ns");
    v["traceEvents"]
        .as_array()
        .expect("traceEvents is an array")
        .clone()
}

#[test]
fn the_trace_has_a_named_track_per_p_with_one_slice_per_run_in_time_order() {
    let (prog, events) = run();
    let recs = records(&chrome_trace(&prog, &events));
    // A thread_name record per P, named P0, P1, ….
    let p_names: BTreeMap<u64, String> = recs
        .iter()
        .filter(|r| r["ph"] == "M" && r["pid"] == 1 && r["name"] == "thread_name")
        .map(|r| {
            (
                r["tid"].as_u64().expect("tid"),
                r["args"]["name"].as_str().expect("name").to_string(),
            )
        })
        .collect();
    let expected: BTreeMap<u64, String> = (0..u64::from(PROCS))
        .map(|i| (i, format!("P{i}")))
        .collect();
    assert_eq!(p_names, expected);
    // Every P ran something: slices on each P's track.
    let slices: Vec<&Value> = recs
        .iter()
        .filter(|r| r["ph"] == "X" && r["pid"] == 1)
        .collect();
    let tracks: BTreeSet<u64> = slices
        .iter()
        .map(|r| r["tid"].as_u64().expect("tid"))
        .collect();
    assert_eq!(tracks, (0..u64::from(PROCS)).collect());
    // One slice per time a goroutine started running on a P.
    let starts: Vec<u32> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::GoStart { g, .. } => Some(g.0),
            _ => None,
        })
        .collect();
    assert_eq!(slices.len(), starts.len());
    let mut per_g: BTreeMap<u64, usize> = BTreeMap::new();
    for s in &slices {
        *per_g
            .entry(s["args"]["goroutine"].as_u64().expect("goroutine"))
            .or_default() += 1;
    }
    let mut starts_per_g: BTreeMap<u64, usize> = BTreeMap::new();
    for g in starts {
        *starts_per_g.entry(u64::from(g)).or_default() += 1;
    }
    assert_eq!(per_g, starts_per_g);
    // Named as the page names goroutines: `G<id>` then the function.
    for s in &slices {
        let g = s["args"]["goroutine"].as_u64().expect("goroutine");
        let name = s["name"].as_str().expect("name");
        assert!(name.starts_with(&format!("G{g} ")), "{name} for G{g}");
    }
    assert!(slices.iter().any(|s| s["name"] == "G1 main.main"));
    assert!(slices.iter().any(|s| s["name"]
        .as_str()
        .is_some_and(|n| n.ends_with(" main.main.func1"))));
    // On every track (P or M), records are in time order and slices do not overlap.
    let mut last: BTreeMap<(u64, u64, &str), f64> = BTreeMap::new();
    for r in &recs {
        let (Some(pid), Some(tid), Some(ts)) =
            (r["pid"].as_u64(), r["tid"].as_u64(), r["ts"].as_f64())
        else {
            continue;
        };
        let ph = r["ph"].as_str().expect("ph");
        let key = (pid, tid, ph);
        let prev = last.get(&key).copied().unwrap_or(0.0);
        assert!(ts >= prev, "{r} starts before {prev} on its track");
        let end = ts + r["dur"].as_f64().unwrap_or(0.0);
        last.insert(key, end);
    }
}

#[test]
fn feeding_and_writing_in_pieces_gives_the_same_text() {
    let (prog, events) = run();
    let whole = chrome_trace(&prog, &events);
    for (feed, write) in [(1, 1), (7, 3), (100, 50), (events.len(), 1)] {
        let mut t = ChromeTrace::new();
        for chunk in events.chunks(feed) {
            t.feed(&prog, chunk);
        }
        assert_eq!(t.fed(), events.len());
        let mut out = String::new();
        let mut calls = 0;
        while !t.write(&mut out, write) {
            calls += 1;
        }
        assert_eq!(out, whole, "fed {feed} and written {write} at a time");
        let (written, total) = t.records();
        assert_eq!(written, total);
        assert_eq!(total, records(&whole).len());
        if write == 1 {
            // A record per call: the work really is split.
            assert!(calls > 10, "{calls}");
        }
    }
}

#[test]
fn an_empty_run_is_an_empty_but_valid_trace() {
    let prog =
        gosched_lang::compile::compile("package main\n\nfunc main() {}\n").expect("compiles");
    let recs = records(&chrome_trace(&prog, &[]));
    assert_eq!(recs.len(), 2, "the two process names only");
}
