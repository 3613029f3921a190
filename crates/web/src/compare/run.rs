//! One run of the compare view: computed to its end in slices of steps that the caller
//! times (so no browser task grows long), then moved to any simulated time. It is a
//! smaller cousin of [`crate::driver::Driver`]: no stepping, no playing at a speed, no
//! event log; and it keeps a sample of (step, simulated time) after every slice, so a
//! seek by time lands close to that time even inside a long CPU-bound stretch that
//! records no events (the main driver's `seek_time` goes to the next event instead).
//!
//! It uses the main page's simulator configuration ([`crate::driver::config`]), so the
//! same limits cap both.

use std::rc::Rc;
use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_lang::LineIndex;
use gosched_sim::ids::{Nanos, Step};
use gosched_sim::session::SnapshotBudget;
use gosched_sim::view::View;
use gosched_sim::Session;

use crate::driver::{self, CHUNK_MAX, CHUNK_MIN, CHUNK_START};
use crate::state::{Settings, FILE_NAME};
use crate::timeline::{Picture, Timeline};

/// Goroutines listed per view: the compact stage shows the P lanes only.
const VIEW_LIMIT: usize = 64;
/// Columns of a timeline picture (the compare view's timelines are half as wide as the
/// main one's).
pub const COLUMNS: u32 = 256;
/// Snapshots for seeking back: the main driver's sizes, but half its total, since two
/// runs keep them. Slices take the driver's step bounds too (`CHUNK_*`), for its reason.
const SNAPSHOTS: SnapshotBudget = SnapshotBudget {
    total: driver::SNAPSHOTS.total / 2,
    ..driver::SNAPSHOTS
};
/// How a run ended, kept once it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// Program output in order: (stderr?, text).
    pub console: Rc<Vec<(bool, String)>>,
    /// Simulated time at the end.
    pub total: Nanos,
    pub exit_code: i32,
    /// Data races reported (0 when the detector is off).
    pub races: usize,
    /// Whether the race detector was on.
    pub race: bool,
    pub peak_goroutines: u64,
    pub peak_stack_bytes: u64,
    pub steps: Step,
}

/// A loaded program and its run; see the module docs.
pub struct CompareRun {
    prog: Arc<Program>,
    session: Session,
    timeline: Timeline,
    /// (step, simulated time) after each slice of the computation, times never
    /// decreasing (the machine's clock is the slowest running P's and can step back).
    samples: Vec<(Step, Nanos)>,
    chunk: u64,
    /// Where a seek is going.
    target: Option<Step>,
    outcome: Option<Rc<RunOutcome>>,
    picture: Rc<Picture>,
    picture_key: (usize, Nanos),
    race: bool,
}

impl CompareRun {
    /// Compiles `src`; errors come rendered as `go build` prints them.
    pub fn new(src: &str, settings: &Settings) -> Result<CompareRun, Vec<String>> {
        let prog = gosched_lang::compile::compile(src)
            .map(Arc::new)
            .map_err(|diags| {
                let index = LineIndex::new(src);
                diags
                    .iter()
                    .map(|d| d.render(FILE_NAME, &index))
                    .collect::<Vec<_>>()
            })?;
        let mut session = Session::new(prog.clone(), crate::driver::config(settings));
        session.set_snapshot_budget(SNAPSHOTS);
        let mut timeline = Timeline::default();
        timeline.feed(session.events());
        Ok(CompareRun {
            prog,
            session,
            timeline,
            samples: vec![(0, 0)],
            chunk: CHUNK_START,
            target: None,
            outcome: None,
            picture: Rc::new(Picture::default()),
            picture_key: (usize::MAX, 0),
            race: settings.race,
        })
    }

    /// Whether the run is still being computed.
    pub fn computing(&self) -> bool {
        self.outcome.is_none()
    }

    /// Whether there is work for more slices.
    pub fn busy(&self) -> bool {
        self.computing() || self.target.is_some()
    }

    /// The outcome, once the run has ended.
    pub fn outcome(&self) -> Option<Rc<RunOutcome>> {
        self.outcome.clone()
    }

    /// The current steps per slice.
    pub fn chunk(&self) -> u64 {
        self.chunk
    }

    /// Does one slice of work (at most [`Self::chunk`] steps): computing the run, or
    /// moving toward a seek's target. Returns whether anything was left to do.
    pub fn slice(&mut self) -> bool {
        if self.outcome.is_none() {
            let ended = self.session.run(self.chunk);
            let fed = self.timeline.fed();
            if fed < self.session.events().len() {
                self.timeline.feed(&self.session.events()[fed..]);
            }
            let last = self.samples.last().map_or(0, |s| s.1);
            self.samples
                .push((self.session.step(), self.session.machine().now().max(last)));
            if ended {
                self.finish();
            }
            true
        } else if let Some(target) = self.target {
            if self.session.seek_toward(target, self.chunk) {
                self.target = None;
            }
            true
        } else {
            false
        }
    }

    /// Adapts the slice size to how long the last slice took (the main driver's rule:
    /// under half a millisecond doubles it, over one and a half halves it).
    pub fn took(&mut self, ms: f64) {
        if ms < 0.5 {
            self.chunk = (self.chunk * 2).min(CHUNK_MAX);
        } else if ms > 1.5 {
            self.chunk = (self.chunk / 2).max(CHUNK_MIN);
        }
    }

    fn finish(&mut self) {
        let m = self.session.machine();
        let total = self.end_time();
        let stats = m.stats();
        self.outcome = Some(Rc::new(RunOutcome {
            console: Rc::new(m.console().to_vec()),
            total,
            exit_code: m.outcome().map_or(0, |o| o.exit_code),
            races: if self.race { m.race_views().len() } else { 0 },
            race: self.race,
            peak_goroutines: stats.peak_goroutines,
            peak_stack_bytes: stats.peak_stack_bytes,
            steps: self.session.step(),
        }));
    }

    /// Simulated time at the end of what has been computed.
    pub fn end_time(&self) -> Nanos {
        let last_event = self.session.events().last().map_or(0, |e| e.time);
        let sampled = self.samples.last().map_or(0, |s| s.1);
        last_event.max(sampled)
    }

    /// Simulated time at the current step (the playhead).
    pub fn now(&self) -> Nanos {
        if self.session.step() >= self.session.furthest() {
            return self.end_time();
        }
        self.session.machine().now()
    }

    /// Moves (over the next slices) to the last moment at or before simulated time `t`
    /// that is known: an event's step or a sample's, whichever is later. Times past the
    /// end go to the end. Ignored while computing.
    pub fn seek_time(&mut self, t: Nanos) {
        if self.computing() {
            return;
        }
        let furthest = self.session.furthest();
        let step = if t >= self.end_time() {
            furthest
        } else {
            let evs = self.session.events();
            let by_event = evs
                .partition_point(|e| e.time <= t)
                .checked_sub(1)
                .and_then(|i| evs.get(i))
                .map_or(0, |e| e.step);
            let by_sample = self
                .samples
                .partition_point(|s| s.1 <= t)
                .checked_sub(1)
                .and_then(|i| self.samples.get(i))
                .map_or(0, |s| s.0);
            by_event.max(by_sample).min(furthest)
        };
        self.target = (step != self.session.step()).then_some(step);
    }

    /// The state now, for the compact stage.
    pub fn view(&self) -> View {
        self.session.machine().view_limited(VIEW_LIMIT)
    }

    /// The timeline picture on a scale ending at `until` (the longer run's end, so both
    /// sides share one scale); redrawn only when something changed.
    pub fn picture(&mut self, until: Nanos) -> Rc<Picture> {
        let key = (self.timeline.fed(), until.max(self.end_time()));
        if key != self.picture_key {
            let mut pic = self.timeline.picture(COLUMNS, key.1);
            // The goroutine still on a P at this run's end (main, when it exits) has an
            // open bar, which the picture extends to the scale's end: cut it at this
            // run's own end.
            let own = self.end_time();
            if own < pic.end {
                let limit = pic.column(own).ceil() as u32;
                for lane in &mut pic.lanes {
                    lane.retain_mut(|b| {
                        b.x1 = b.x1.min(limit);
                        b.x0 < b.x1
                    });
                }
            }
            self.picture = Rc::new(pic);
            self.picture_key = key;
        }
        self.picture.clone()
    }

    /// The compiled program (for goroutine names).
    pub fn program(&self) -> &Program {
        &self.prog
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.session.step()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small CPU-bound program: two goroutines that only compute.
    pub(crate) const SMALL: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\ts := 0\n\t\t\tfor j := 0; j < 200000; j++ {\n\t\t\t\ts += j\n\t\t\t}\n\t\t\tfmt.Println(s)\n\t\t}()\n\t}\n\twg.Wait()\n}\n";

    fn compute(run: &mut CompareRun) -> usize {
        let mut slices = 0;
        while run.busy() {
            assert!(run.slice());
            run.took(0.1);
            assert!(run.chunk() <= CHUNK_MAX);
            slices += 1;
        }
        slices
    }

    #[test]
    fn a_run_is_computed_in_bounded_slices_and_keeps_its_outcome() {
        let s = Settings {
            procs: 1,
            race: false,
            ..Settings::default()
        };
        let mut run = CompareRun::new(SMALL, &s).expect("compiles");
        let slices = compute(&mut run);
        let out = run.outcome().expect("finished");
        assert!(slices as u64 >= out.steps / CHUNK_MAX, "{slices} slices");
        assert_eq!(out.exit_code, 0);
        let text: String = out.console.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(text, "19999900000\n19999900000\n");
        assert_eq!(out.peak_goroutines, 3);
        assert!(out.total > 0 && out.total == run.end_time());
        assert!(!run.picture(out.total).lanes.is_empty());
        // On a scale four times longer, no bar passes this run's end.
        let pic = run.picture(out.total * 4);
        let limit = pic.column(out.total).ceil() as u32;
        assert!(pic.lanes.iter().flatten().all(|b| b.x1 <= limit));
        assert!(pic.lanes.iter().flatten().any(|b| b.x1 == limit));
    }

    #[test]
    fn seeking_by_time_lands_near_that_time_between_events() {
        let s = Settings {
            procs: 1,
            race: false,
            ..Settings::default()
        };
        let mut run = CompareRun::new(SMALL, &s).expect("compiles");
        compute(&mut run);
        let end = run.end_time();
        for t in [end / 4, end / 2, end * 3 / 4] {
            run.seek_time(t);
            compute(&mut run);
            let now = run.now();
            // Within one slice's worth of steps (8,192 steps are a few microseconds).
            assert!(now.abs_diff(t) < end / 20, "{now} for {t} of {end}");
        }
        run.seek_time(end * 2);
        compute(&mut run);
        assert_eq!(run.now(), end);
    }

    #[test]
    fn a_program_that_does_not_compile_is_reported_like_go_build() {
        let err = CompareRun::new("package main\n\nfunc main() {\n", &Settings::default())
            .err()
            .expect("errors");
        assert!(err[0].starts_with("main.go:4:1: syntax error"), "{err:?}");
    }
}
