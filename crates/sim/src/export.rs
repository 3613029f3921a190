//! Chrome trace-event JSON of a run (opens in Perfetto's UI and chrome://tracing): process 1
//! has a thread per P, process 2 one per M; goroutine slices are named `G7 main.worker`;
//! steals, preemption requests and syscall handoffs are instant events on their P.
//!
//! The CLI writes it with `gosched run --trace FILE` and the page offers it as a download.
//! [`ChromeTrace`] builds it a piece at a time: a long run (the page records up to two
//! million events) takes seconds to turn into text, and the page may not block for more
//! than 50 ms, so it feeds the events and writes the records over many tasks. Fed and
//! written in one go ([`chrome_trace`]) or in pieces, the text is the same, byte for byte.
//!
//! The records are written by hand, as serde_json wrote the CLI's `json!` values (keys in
//! sorted order, no spaces; the CLI's snapshot test pins the text), rather than built as
//! `serde_json::Value`s: sim needs no serde_json, no map is built per record, and the page's
//! bundle grew 1.7 KB less (gzip).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use gosched_lang::bytecode::Program;

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
    /// The function each goroutine created so far runs (`main.worker`).
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
        names.insert(1, "main.main".to_string());
        names.insert(5, "runtime.runfinq".to_string());
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
                self.names.insert(g.0, name.to_string());
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
                    self.open(out);
                    out.push_str("{\"args\":{\"name\":\"Ps (processors)\"},\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1}");
                    self.open(out);
                    out.push_str("{\"args\":{\"name\":\"Ms (OS threads)\"},\"name\":\"process_name\",\"ph\":\"M\",\"pid\":2}");
                    self.next_part(Part::Procs);
                }
                Part::Procs => {
                    let Some(lane) = tl.procs.get(self.lane) else {
                        self.next_part(Part::Marks);
                        continue;
                    };
                    let i = self.lane;
                    if self.item == 0 {
                        self.open(out);
                        let _ = write!(out, "{{\"args\":{{\"name\":\"P{i}\"}},\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":{i}}}");
                    }
                    match lane.get(self.item) {
                        Some(s) => {
                            self.open(out);
                            let _ = write!(
                                out,
                                "{{\"args\":{{\"ended\":\"{}\",\"goroutine\":{}}},\"dur\":",
                                ended(s.ended),
                                s.g.0
                            );
                            push_us(out, s.end - s.start);
                            out.push_str(",\"name\":\"");
                            self.push_name(out, s.g);
                            let _ = write!(out, "\",\"ph\":\"X\",\"pid\":1,\"tid\":{i},\"ts\":");
                            push_us(out, s.start);
                            out.push('}');
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
                            self.open(out);
                            let _ = write!(out, "{{\"name\":\"{what}\",\"ph\":\"i\",\"pid\":1,\"s\":\"t\",\"tid\":{i},\"ts\":");
                            push_us(out, mk.time);
                            out.push('}');
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
                        self.open(out);
                        let _ = write!(out, "{{\"args\":{{\"name\":\"M{i}\"}},\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":2,\"tid\":{i}}}");
                    }
                    match lane.get(self.item) {
                        Some(s) => {
                            self.open(out);
                            out.push_str("{\"dur\":");
                            push_us(out, s.end - s.start);
                            out.push_str(",\"name\":\"");
                            if s.ended == Some(Ended::Syscall) {
                                out.push_str("syscall ");
                            }
                            self.push_name(out, s.g);
                            let _ = write!(out, "\",\"ph\":\"X\",\"pid\":2,\"tid\":{i},\"ts\":");
                            push_us(out, s.start);
                            out.push('}');
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

    /// Starts a record: a comma after the one before.
    fn open(&mut self, out: &mut String) {
        if self.written > 0 {
            out.push(',');
        }
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

    /// `G7 main.worker` (the function's name escaped as a JSON string's contents), or `G7`
    /// for a goroutine whose creation was not seen.
    fn push_name(&self, out: &mut String, g: GoId) {
        let _ = write!(out, "G{}", g.0);
        if let Some(f) = self.names.get(&g.0) {
            out.push(' ');
            push_escaped(out, f);
        }
    }
}

/// Nanoseconds as the format's microseconds, written as serde_json writes the `f64`
/// `ns / 1000` (the CLI's text before this module, pinned by its snapshot test): the shortest
/// decimal that reads back as that double, with `.0` when it is whole. Below 10^15 ns (eleven
/// simulated days) the double's shortest decimal is the exact quotient (it has at most 15
/// significant digits), so it is written from integers; beyond, from the double.
fn push_us(out: &mut String, ns: u64) {
    if ns < 1_000_000_000_000_000 {
        let (whole, frac) = (ns / 1000, ns % 1000);
        if frac == 0 {
            let _ = write!(out, "{whole}.0");
        } else {
            let digits = format!("{frac:03}");
            let _ = write!(out, "{whole}.{}", digits.trim_end_matches('0'));
        }
    } else {
        // From 10^16 µs (317 simulated years) on, serde_json writes an exponent (`1e+16`).
        let v = ns as f64 / 1000.0;
        let at = out.len();
        if v < 1e16 {
            let _ = write!(out, "{v}");
            if !out[at..].contains('.') {
                out.push_str(".0");
            }
        } else {
            let e = format!("{v:e}");
            out.push_str(&e.replacen('e', "e+", 1));
        }
    }
}

/// `s` as the contents of a JSON string, escaped as serde_json escapes it.
fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_serde_json_writes_the_double() {
        for ns in [
            0,
            1,
            10,
            120,
            999,
            1000,
            1001,
            1_801_396,
            123_456_789,
            999_999_999_999_999,
            1_000_000_000_000_000,
            1_000_000_000_000_001,
            (1 << 53) + 7,
            9_999_999_999_999_999_999,
            10_000_000_000_000_000_000,
            10_000_000_000_000_001_000,
            u64::MAX / 3,
            u64::MAX,
        ] {
            let mut out = String::new();
            push_us(&mut out, ns);
            let want = serde_json::to_string(&(ns as f64 / 1000.0)).expect("a number");
            assert_eq!(out, want, "{ns} ns");
        }
    }

    #[test]
    fn names_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "main.worker",
            "a\"b\\c",
            "tab\there\nnew\r\u{8}\u{c}",
            "\u{1}\u{1f}\u{7f}",
            "contagem_ação.funç1",
        ] {
            let mut out = String::from("\"");
            push_escaped(&mut out, s);
            out.push('"');
            assert_eq!(out, serde_json::to_string(s).expect("a string"), "{s:?}");
        }
    }
}
