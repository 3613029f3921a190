//! The trace download's work (the "Download trace" button, `components::export_trace`),
//! spread over browser tasks: a run the page recorded can hold two million events, and
//! turning them into Chrome trace-event JSON takes seconds, while no task may take 50 ms.
//! Each call to [`ExportJob::work`] feeds events to the shared builder
//! ([`gosched_sim::export::ChromeTrace`], the same one as `gosched run --trace`), then
//! writes records, until its time budget is spent; the text leaves in pieces of about
//! [`PIECE_BYTES`], which the page hands to the browser one at a time (as parts of a Blob),
//! so neither side ever copies the whole text in one task.

use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_sim::export::ChromeTrace;
use gosched_sim::trace::Event;

/// Events fed to the builder between two looks at the clock (about a millisecond's worth).
const FEED_CHUNK: usize = 20_000;
/// Records written between two looks at the clock (about a millisecond's worth).
const WRITE_CHUNK: usize = 2_000;
/// Text handed on once this much has gathered (each hand-over copies it into the browser).
pub const PIECE_BYTES: usize = 1 << 20;
/// Of the progress shown, the share of feeding events (writing records is the rest: it
/// is the slower part, measured at about four times as long).
const FEED_SHARE: f64 = 0.2;

/// One download in progress: the run's program and the number of its events to export
/// (those up to the step shown when the button was pressed).
#[derive(Debug)]
pub struct ExportJob {
    prog: Arc<Program>,
    total: usize,
    trace: ChromeTrace,
    buf: String,
    done: bool,
    /// Bytes handed on so far.
    bytes: usize,
}

impl ExportJob {
    pub fn new(prog: Arc<Program>, events: usize) -> ExportJob {
        ExportJob {
            prog,
            total: events,
            trace: ChromeTrace::new(),
            buf: String::new(),
            done: false,
            bytes: 0,
        }
    }

    /// The program whose run this exports (the page cancels the job when another loads).
    pub fn program(&self) -> &Arc<Program> {
        &self.prog
    }

    /// Works until `clock` (milliseconds) has moved `budget_ms` past its first reading,
    /// handing text to `sink` in pieces; returns whether the text is complete (the last
    /// piece has then been handed on). `events` is the run's recorded events: the job
    /// exports its first `events` (as given to [`ExportJob::new`]), which must not change
    /// between calls (the session only ever appends).
    pub fn work(
        &mut self,
        events: &[Event],
        clock: &dyn Fn() -> f64,
        budget_ms: f64,
        sink: &mut dyn FnMut(&str),
    ) -> bool {
        let t0 = clock();
        let events = &events[..self.total.min(events.len())];
        while !self.done {
            let fed = self.trace.fed();
            if fed < events.len() {
                let end = (fed + FEED_CHUNK).min(events.len());
                self.trace.feed(&self.prog, &events[fed..end]);
            } else {
                self.done = self.trace.write(&mut self.buf, WRITE_CHUNK);
                if self.done || self.buf.len() >= PIECE_BYTES {
                    self.bytes += self.buf.len();
                    sink(&self.buf);
                    self.buf.clear();
                }
            }
            if clock() - t0 >= budget_ms {
                break;
            }
        }
        self.done
    }

    /// How far the job is, from 0 to 1.
    pub fn progress(&self) -> f64 {
        let fed = if self.total == 0 {
            1.0
        } else {
            self.trace.fed() as f64 / self.total as f64
        };
        let (written, total) = self.trace.records();
        let written = if total == 0 {
            0.0
        } else {
            written as f64 / total as f64
        };
        FEED_SHARE * fed + (1.0 - FEED_SHARE) * written
    }

    /// Bytes of text handed on so far.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use gosched_sim::{Config, Machine, TraceLevel};

    const SRC: &str = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 3000; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\ts := 0\n\t\t\tfor k := 0; k < i%50; k++ {\n\t\t\t\ts += k\n\t\t\t}\n\t\t\t_ = s\n\t\t}()\n\t}\n\twg.Wait()\n}\n";

    #[test]
    fn a_job_in_many_small_tasks_writes_the_clis_text_and_stops_at_its_events() {
        let prog = Arc::new(gosched_lang::compile::compile(SRC).expect("compiles"));
        let cfg = Config {
            procs: 4,
            trace: TraceLevel::Sched,
            ..Config::default()
        };
        let mut m = Machine::new(prog.clone(), cfg);
        m.run_to_end();
        let events = m.take_events();
        let half = events.len() / 2;
        for n in [events.len(), half] {
            let whole = gosched_sim::export::chrome_trace(&prog, &events[..n]);
            let mut job = ExportJob::new(prog.clone(), n);
            // A clock that moves a millisecond per reading: a 1 ms budget is one chunk.
            let t = Cell::new(0.0);
            let clock = || {
                t.set(t.get() + 1.0);
                t.get()
            };
            let mut out = String::new();
            let mut tasks = 0;
            let mut last = -1.0;
            while !job.work(&events, &clock, 1.0, &mut |s| out.push_str(s)) {
                tasks += 1;
                assert!(job.progress() >= last && job.progress() < 1.0);
                last = job.progress();
            }
            assert!((job.progress() - 1.0).abs() < 1e-9);
            assert_eq!(out, whole);
            assert_eq!(job.bytes(), whole.len());
            assert!(tasks >= 2, "{tasks} tasks");
        }
    }
}
