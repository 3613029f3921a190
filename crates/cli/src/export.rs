//! Output formats: the `--json` summary of a run, and Chrome trace-event JSON (`--trace`) that
//! Perfetto's UI and chrome://tracing open, with a track per P and per M.

use gosched_sim::timeline::{Ended, MarkKind, Timeline};
use gosched_sim::{Machine, OutcomeKind};
use serde_json::{json, Value};

/// The `--json` object for a finished run.
pub fn summary(m: &Machine) -> Value {
    let outcome = m.outcome();
    let races: Vec<Value> = m
        .races()
        .iter()
        .map(|r| {
            json!({
                "variable": r.name,
                "current": {"goroutine": r.current.g.0, "write": r.current.write, "line": m.line_of(r.current.func, r.current.pc)},
                "previous": {"goroutine": r.previous.g.0, "write": r.previous.write, "line": m.line_of(r.previous.func, r.previous.pc)},
            })
        })
        .collect();
    let (panic, fatal) = match outcome.map(|o| &o.kind) {
        Some(OutcomeKind::Panic { message, .. }) => (Some(message.clone()), None),
        Some(OutcomeKind::Fatal { message }) => (None, Some(message.clone())),
        _ => (None, None),
    };
    let st = m.stats();
    json!({
        "exit_code": outcome.map_or(-1, |o| o.exit_code),
        "stdout": m.stdout_text(),
        "stderr": m.stderr_text(),
        "races": races,
        "deadlock": outcome.is_some_and(|o| o.is_deadlock()),
        "panic": panic,
        "fatal": fatal,
        "steps": m.step(),
        "simulated_ns": m.now(),
        "peak_goroutines": st.peak_goroutines,
        "goroutines_created": st.goroutines_created,
        "context_switches": st.context_switches,
        "steals": st.steals,
        "preemptions": st.preemptions,
        "syscall_handoffs": st.handoffs,
    })
}

/// Chrome trace-event JSON: process 1 has a thread per P, process 2 one
/// per M; goroutine slices are named `G7 main.worker`; steals and
/// preemptions are instant events.
pub fn chrome_trace(m: &Machine, events: &[gosched_sim::trace::Event]) -> Value {
    let tl = Timeline::build(events);
    let names = goroutine_names(m, events);
    let name = |g: gosched_sim::ids::GoId| {
        names
            .get(&g.0)
            .cloned()
            .unwrap_or_else(|| format!("G{}", g.0))
    };
    let us = |ns: u64| ns as f64 / 1000.0;
    let mut out = vec![
        json!({"ph": "M", "pid": 1, "name": "process_name", "args": {"name": "Ps (processors)"}}),
        json!({"ph": "M", "pid": 2, "name": "process_name", "args": {"name": "Ms (OS threads)"}}),
    ];
    for (i, lane) in tl.procs.iter().enumerate() {
        out.push(json!({"ph": "M", "pid": 1, "tid": i, "name": "thread_name", "args": {"name": format!("P{i}")}}));
        for s in lane {
            out.push(json!({
                "ph": "X", "pid": 1, "tid": i, "name": name(s.g), "ts": us(s.start), "dur": us(s.end - s.start),
                "args": {"goroutine": s.g.0, "ended": ended(s.ended)},
            }));
        }
    }
    for (i, marks) in tl.marks.iter().enumerate() {
        for mk in marks {
            let what = match mk.kind {
                MarkKind::Steal => "steal",
                MarkKind::PreemptRequest => "preempt",
                MarkKind::Handoff => "syscall handoff",
                MarkKind::Create => continue,
            };
            out.push(
                json!({"ph": "i", "s": "t", "pid": 1, "tid": i, "name": what, "ts": us(mk.time)}),
            );
        }
    }
    for (i, lane) in tl.threads.iter().enumerate() {
        out.push(json!({"ph": "M", "pid": 2, "tid": i, "name": "thread_name", "args": {"name": format!("M{i}")}}));
        for s in lane {
            let n = if s.ended == Some(Ended::Syscall) {
                format!("syscall {}", name(s.g))
            } else {
                name(s.g)
            };
            out.push(json!({"ph": "X", "pid": 2, "tid": i, "name": n, "ts": us(s.start), "dur": us(s.end - s.start)}));
        }
    }
    json!({"traceEvents": out, "displayTimeUnit": "ns"})
}

fn ended(e: Option<Ended>) -> &'static str {
    match e {
        None => "running",
        Some(Ended::Blocked) => "blocked",
        Some(Ended::Preempted) => "preempted",
        Some(Ended::Yielded) => "yielded",
        Some(Ended::Finished) => "finished",
        Some(Ended::Syscall) => "syscall",
    }
}

/// `G7 main.worker` for each goroutine that was created.
fn goroutine_names(
    m: &Machine,
    events: &[gosched_sim::trace::Event],
) -> std::collections::BTreeMap<u32, String> {
    use gosched_sim::trace::EventKind;
    let mut out = std::collections::BTreeMap::new();
    out.insert(1, "G1 main.main".to_string());
    out.insert(5, "G5 runtime.runfinq".to_string());
    for e in events {
        if let EventKind::GoCreate { g, func, .. } = &e.kind {
            out.insert(g.0, format!("G{} {}", g.0, m.program().func(*func).name));
        }
    }
    out
}
