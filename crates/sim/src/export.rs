//! Chrome trace-event JSON of a run (opens in Perfetto's UI and chrome://tracing): process 1
//! has a thread per P, process 2 one per M; goroutine slices are named `G7 main.worker`;
//! steals, preemption requests and syscall handoffs are instant events on their P.
//!
//! The CLI writes it with `gosched run --trace FILE` and the page offers it as a download.
//! [`ChromeTrace`] builds it a piece at a time: a long run (the page records up to two
//! million events) takes seconds to turn into text, and the page may not block for more
//! than 50 ms, so it feeds the events and writes the records over many tasks. Fed and
//! written in one go ([`chrome_trace`]) or in pieces, the text is the same, byte for byte.

use std::collections::BTreeMap;

use gosched_lang::bytecode::Program;
use serde_json::{json, Value};

use crate::ids::GoId;
use crate::timeline::{Ended, MarkKind, Timeline, TimelineBuilder};
use crate::trace::{Event, EventKind};

/// The trace of `events` (a run's, in order) as one JSON text.
pub fn chrome_trace(prog: &Program, events: &[Event]) -> String {
    let mut t = ChromeTrace::new();
    t.feed(prog, events);
    let mut out = String::new();
    while !t.write(&mut out, usize::MAX) {}
    out
}

/// Where [`ChromeTrace::write`] is in the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The object's opening and the two process names.
    Head,
    /// P `lane`'s name (at `item` 0), then its slices.
    Procs,
    /// P `lane`'s instant marks.
    Marks,
    /// M `lane`'s name (at `item` 0), then its slices.
    Threads,
    /// The closing brackets.
    Tail,
    Done,
}

/// The trace built a piece at a time: [`feed`](ChromeTrace::feed) the events in order,
/// then call [`write`](ChromeTrace::write) until it returns true.
#[derive(Debug)]
pub struct ChromeTrace {
    builder: TimelineBuilder,
    /// `G7 main.worker` for each goroutine created so far.
    names: BTreeMap<u32, String>,
    events: usize,
    timeline: Option<Timeline>,
    part: Part,
    lane: usize,
    item: usize,
    /// Records written so far (to put the commas between them).
    written: usize,
    /// Records the text will hold (known once writing starts).
    total: usize,
}

impl Default for ChromeTrace {
    fn default() -> ChromeTrace {
        ChromeTrace::new()
    }
}

impl ChromeTrace {
    pub fn new() -> ChromeTrace {
        // The two goroutines the runtime starts before any `go` statement runs.
        let mut names = BTreeMap::new();
        names.insert(1, "G1 main.main".to_string());
        names.insert(5, "G5 runtime.runfinq".to_string());
        ChromeTrace {
            builder: TimelineBuilder::default(),
            names,
            events: 0,
            timeline: None,
            part: Part::Head,
            lane: 0,
            item: 0,
            written: 0,
            total: 0,
        }
    }

    /// Takes in the next events of the run `prog` runs (those after the ones fed before).
    /// Feeding after the first [`write`](ChromeTrace::write) has no effect.
    pub fn feed(&mut self, prog: &Program, events: &[Event]) {
        if self.timeline.is_some() {
            return;
        }
        self.builder.feed(events);
        self.events += events.len();
        for e in events {
            if let EventKind::GoCreate { g, func, .. } = &e.kind {
                let name = prog
                    .funcs
                    .get(func.index())
                    .map_or("?", |f| f.name.as_str());
                self.names.insert(g.0, format!("G{} {}", g.0, name));
            }
        }
    }

    /// Events fed so far.
    pub fn fed(&self) -> usize {
        self.events
    }

    /// Records written so far, and how many the text will hold (0 before the first
    /// [`write`](ChromeTrace::write)).
    pub fn records(&self) -> (usize, usize) {
        (self.written, self.total)
    }

    /// Appends at most `max_records` more trace records (at least one) to `out`; returns
    /// whether the text is complete.
    pub fn write(&mut self, out: &mut String, max_records: usize) -> bool {
        if self.timeline.is_none() {
            let b = std::mem::take(&mut self.builder);
            let tl = b.finish();
            let lanes = |ls: &[Vec<crate::timeline::Segment>]| {
                ls.iter().map(|l| l.len() + 1).sum::<usize>()
            };
            let marks: usize = tl
                .marks
                .iter()
                .flatten()
                .filter(|m| m.kind != MarkKind::Create)
                .count();
            self.total = 2 + lanes(&tl.procs) + marks + lanes(&tl.threads);
            self.timeline = Some(tl);
        }
        let Some(tl) = self.timeline.take() else {
            return true;
        };
        let mut budget = max_records.max(1);
        while budget > 0 && self.part != Part::Done {
            match self.part {
                Part::Head => {
                    out.push_str("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[");
                    self.record(out, json!({"ph": "M", "pid": 1, "name": "process_name", "args": {"name": "Ps (processors)"}}));
                    self.record(out, json!({"ph": "M", "pid": 2, "name": "process_name", "args": {"name": "Ms (OS threads)"}}));
                    self.next_part(Part::Procs);
                }
                Part::Procs => {
                    let Some(lane) = tl.procs.get(self.lane) else {
                        self.next_part(Part::Marks);
                        continue;
                    };
                    let i = self.lane;
                    if self.item == 0 {
                        self.record(out, json!({"ph": "M", "pid": 1, "tid": i, "name": "thread_name", "args": {"name": format!("P{i}")}}));
                    }
                    match lane.get(self.item) {
                        Some(s) => {
                            let v = json!({
                                "ph": "X", "pid": 1, "tid": i, "name": self.name(s.g), "ts": us(s.start), "dur": us(s.end - s.start),
                                "args": {"goroutine": s.g.0, "ended": ended(s.ended)},
                            });
                            self.record(out, v);
                            self.item += 1;
                        }
                        None => self.next_lane(),
                    }
                }
                Part::Marks => {
                    let Some(marks) = tl.marks.get(self.lane) else {
                        self.next_part(Part::Threads);
                        continue;
                    };
                    let i = self.lane;
                    match marks.get(self.item) {
                        Some(mk) => {
                            self.item += 1;
                            let what = match mk.kind {
                                MarkKind::Steal => "steal",
                                MarkKind::PreemptRequest => "preempt",
                                MarkKind::Handoff => "syscall handoff",
                                MarkKind::Create => continue,
                            };
                            self.record(out, json!({"ph": "i", "s": "t", "pid": 1, "tid": i, "name": what, "ts": us(mk.time)}));
                        }
                        None => self.next_lane(),
                    }
                }
                Part::Threads => {
                    let Some(lane) = tl.threads.get(self.lane) else {
                        self.next_part(Part::Tail);
                        continue;
                    };
                    let i = self.lane;
                    if self.item == 0 {
                        self.record(out, json!({"ph": "M", "pid": 2, "tid": i, "name": "thread_name", "args": {"name": format!("M{i}")}}));
                    }
                    match lane.get(self.item) {
                        Some(s) => {
                            let n = if s.ended == Some(Ended::Syscall) {
                                format!("syscall {}", self.name(s.g))
                            } else {
                                self.name(s.g)
                            };
                            self.record(out, json!({"ph": "X", "pid": 2, "tid": i, "name": n, "ts": us(s.start), "dur": us(s.end - s.start)}));
                            self.item += 1;
                        }
                        None => self.next_lane(),
                    }
                }
                Part::Tail => {
                    out.push_str("]}");
                    self.part = Part::Done;
                }
                Part::Done => {}
            }
            budget -= 1;
        }
        self.timeline = Some(tl);
        self.part == Part::Done
    }

    fn record(&mut self, out: &mut String, v: Value) {
        if self.written > 0 {
            out.push(',');
        }
        out.push_str(&v.to_string());
        self.written += 1;
    }

    fn next_part(&mut self, part: Part) {
        self.part = part;
        self.lane = 0;
        self.item = 0;
    }

    fn next_lane(&mut self) {
        self.lane += 1;
        self.item = 0;
    }

    fn name(&self, g: GoId) -> String {
        self.names
            .get(&g.0)
            .cloned()
            .unwrap_or_else(|| format!("G{}", g.0))
    }
}

/// Nanoseconds as the format's microseconds.
fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
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
