//! A time-sliced schedule search: an [`Explorer`] advanced in step budgets that adapt so
//! one slice takes about a millisecond, for as many slices as fit the caller's time budget.
//!
//! The page gives it a budget per task (`hooks/use_explorer.rs`), so no main-thread task
//! gets near 50 ms however long the search runs; `Explorer::advance` itself decides only
//! between runs, so the search is the same whatever the slicing.

use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_lang::LineIndex;
use gosched_sim::explore::{ExploreConfig, Explorer, Found, Goal, Progress, Status, StrategyKind};

use crate::state::{Settings, FILE_NAME};

/// Steps per `advance` call at the start, and its bounds. A call should take about a
/// millisecond: a step of the counter program costs 20 to 100 ns in Chromium, so 16,384
/// steps are 0.3 to 1.6 ms; the bounds keep one call short when steps get dearer.
const SLICE_START: u64 = 1 << 14;
const SLICE_MIN: u64 = 256;
const SLICE_MAX: u64 = 1 << 18;

/// Schedules one search tries at most: the lost update and the lock-order deadlock
/// need under a hundred with any strategy (crates/sim/tests/explore.rs), and 2,000 runs
/// of a small program take a few seconds in the browser.
pub const MAX_RUNS: u64 = 2_000;

/// What the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub goal: Goal,
    pub strategy: StrategyKind,
}

/// One search in progress.
#[derive(Clone, Debug)]
pub struct Search {
    explorer: Explorer,
    slice: u64,
    /// Time spent working on it so far (milliseconds, by the caller's clock).
    pub elapsed_ms: f64,
    pub request: Request,
}

impl Search {
    /// A search of `src` under `settings`, or the compile errors as `go build` prints them.
    pub fn new(src: &str, settings: &Settings, request: Request) -> Result<Search, Vec<String>> {
        let prog: Arc<Program> = match gosched_lang::compile::compile(src) {
            Ok(p) => Arc::new(p),
            Err(diags) => {
                let index = LineIndex::new(src);
                return Err(diags.iter().map(|d| d.render(FILE_NAME, &index)).collect());
            }
        };
        let xc = ExploreConfig {
            max_runs: MAX_RUNS,
            ..ExploreConfig::new(request.strategy, request.goal)
        };
        Ok(Search {
            explorer: Explorer::new(prog, crate::driver::config(settings), xc),
            slice: SLICE_START,
            elapsed_ms: 0.0,
            request,
        })
    }

    /// Works for about `budget_ms` by `clock` (milliseconds). Returns whether the search
    /// goes on.
    pub fn work(&mut self, clock: &dyn Fn() -> f64, budget_ms: f64) -> bool {
        let start = clock();
        let deadline = start + budget_ms;
        let mut last = 0.0;
        while self.running() {
            let t0 = clock();
            if last > 0.0 && t0 + last > deadline {
                break;
            }
            self.explorer.advance(self.slice);
            let took = clock() - t0;
            last = took.max(f64::MIN_POSITIVE);
            if took < 0.5 {
                self.slice = (self.slice * 2).min(SLICE_MAX);
            } else if took > 1.5 {
                self.slice = (self.slice / 2).max(SLICE_MIN);
            }
        }
        self.elapsed_ms += clock() - start;
        self.running()
    }

    pub fn running(&self) -> bool {
        self.explorer.progress().status == Status::Running
    }

    pub fn progress(&self) -> &Progress {
        self.explorer.progress()
    }

    pub fn found(&self) -> Option<&Found> {
        self.explorer.found()
    }

    /// Schedules tried per second of working time.
    pub fn rate(&self) -> f64 {
        let secs = self.elapsed_ms / 1000.0;
        if secs > 0.0 {
            self.progress().schedules as f64 / secs
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use gosched_sim::explore::{FoundKind, Schedule};
    use gosched_sim::{Machine, Session};

    use super::*;

    const COUNTER: &str = include_str!("../../../../tests/programs/explore/counter_assert.go");
    const LOCK_ORDER: &str = include_str!("../../../../tests/programs/explore/lock_order.go");

    fn clock(tick: f64) -> impl Fn() -> f64 {
        let t = Cell::new(0.0);
        move || {
            t.set(t.get() + tick);
            t.get()
        }
    }

    fn search(src: &str, procs: u32, goal: Goal, strategy: &str) -> Search {
        let settings = Settings {
            procs,
            ..Settings::default()
        };
        let request = Request {
            goal,
            strategy: StrategyKind::from_key(strategy).expect("a strategy"),
        };
        let mut s = Search::new(src, &settings, request).expect("compiles");
        let c = clock(0.1);
        let mut tasks = 0;
        while s.work(&c, 10.0) {
            tasks += 1;
            assert!(tasks < 100_000);
        }
        s
    }

    #[test]
    fn finds_the_lost_update_and_the_page_replays_it_to_the_decisive_step() {
        for strategy in ["random", "pct", "bounded"] {
            let s = search(COUNTER, 1, Goal::Panic, strategy);
            let f = s.found().unwrap_or_else(|| panic!("{strategy}: not found"));
            assert!(matches!(f.kind, FoundKind::Panic { .. }), "{:?}", f.kind);
            assert!(f.schedules <= MAX_RUNS);
            // What the page does: decode the link's text, replay in a session, pause
            // before the decisive step.
            let sc = Schedule::decode(&f.schedule.encode()).expect("decodes");
            let prog = Arc::new(gosched_lang::compile::compile(COUNTER).expect("compiles"));
            let cfg = crate::driver::config(&Settings::default());
            let mut session = Session::with_schedule(prog.clone(), cfg.clone(), &sc);
            session.seek(f.decisive_step - 1);
            assert!(!session.finished());
            let mut m = Machine::with_schedule(prog, cfg, &sc);
            m.run_to_end();
            assert_eq!(m.outcome().map(|o| o.exit_code), Some(f.exit_code));
        }
    }

    #[test]
    fn a_race_finding_names_its_lines_and_a_panic_says_panic_once() {
        use crate::components::explore_panel::{finding, finding_lines};
        use crate::i18n::Lang;
        let s = search(COUNTER, 4, Goal::Race, "random");
        let f = s.found().expect("the race");
        let line = COUNTER
            .lines()
            .position(|l| l.contains("counter++"))
            .expect("the line") as u32
            + 1;
        assert_eq!(finding_lines(f), [line]);
        let text = finding(f).render(Lang::En);
        assert!(
            text.starts_with("A data race on counter: main.go:"),
            "{text}"
        );
        let s = search(COUNTER, 1, Goal::Panic, "bounded");
        let text = finding(s.found().expect("the panic")).render(Lang::PtBr);
        assert!(
            text.starts_with("Um panic: lost update: counter is "),
            "{text}"
        );
    }

    #[test]
    fn finds_the_lock_order_deadlock() {
        let s = search(LOCK_ORDER, 1, Goal::Deadlock, "bounded");
        let f = s.found().expect("found");
        assert_eq!(f.kind, FoundKind::Deadlock);
        assert!(s.progress().schedules >= 1);
        assert!(s.elapsed_ms > 0.0 && s.rate() > 0.0);
    }

    #[test]
    fn a_program_without_the_bug_exhausts_the_search() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n";
        let s = search(src, 2, Goal::Race, "bounded");
        assert!(s.found().is_none());
        assert!(!s.running());
        assert_eq!(s.progress().outcomes.len(), 1);
    }
}
