//! Output formats: the `--json` summary of a run. The Chrome trace-event JSON of `--trace` is
//! built by `gosched_sim::export`, which the page's download shares.

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
