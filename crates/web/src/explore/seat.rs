//! "Be the scheduler": the user makes the scheduler's decisions. The run stops before each
//! decision point the simulator exposes — a *switch point*, a visible operation (a shared
//! variable's load or store under asynchronous preemption, a channel or `sync` operation, a
//! `go` statement, output) at which another goroutine could run instead — and the user picks:
//! the goroutine goes on, or is preempted there (and the P takes the next goroutine by Go's
//! own queue rules), or, when another P is running, its core gives up its turn.
//!
//! A seat is the plain schedule of the page's settings plus the user's decisions as
//! [`Override`]s, and a *cursor*: the first choice not yet decided. Finding the next
//! decision re-runs the schedule from the start with every choice recorded
//! ([`Machine::record_choices`]) until a switch point at or after the cursor; undo restores
//! the previous cursor and overrides. The simulator is deterministic, so re-running the
//! recorded prefix lands exactly where the user was.
//!
//! Why not let the user pick *any* runnable goroutine: the simulator's explorer rejects that
//! on purpose (it breaks Go's runnext/FIFO/global-queue discipline, see
//! `crates/sim/src/explore/mod.rs`); a preemption exactly where sysmon's could land keeps
//! every run one Go could produce. The page shows who the P would take next.

use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_lang::LineIndex;
use gosched_sim::explore::{Override, Schedule, SwitchAction};
use gosched_sim::ids::Step;
use gosched_sim::rng::ChoiceKind;
use gosched_sim::{Config, Machine, TraceLevel};

use crate::state::{Settings, FILE_NAME};

/// Most steps one search for the next decision runs (synchronously, on a click): a
/// step of a small program costs 20 to 100 ns in Chromium, so 300,000 steps stay under
/// 30 ms; a program that runs longer without a decision point ends the game there.
pub const SEARCH_STEPS: u64 = 300_000;
/// Steps per `run` call while searching (the recorded choices are checked between calls).
const SEARCH_CHUNK: u64 = 2_048;

/// A state the user tries to reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeatGoal {
    /// "Lose an update": the race detector reports a data race.
    Race,
    /// "Two goroutines in the critical section": two goroutines stand on the same
    /// line at once, neither of them blocked.
    Critical,
    /// "Deadlock the program": every goroutine is asleep.
    Deadlock,
}

impl SeatGoal {
    pub const ALL: [SeatGoal; 3] = [SeatGoal::Race, SeatGoal::Critical, SeatGoal::Deadlock];

    /// The value of the page's `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            SeatGoal::Race => "race",
            SeatGoal::Critical => "critical",
            SeatGoal::Deadlock => "deadlock",
        }
    }

    pub fn from_key(key: &str) -> Option<SeatGoal> {
        SeatGoal::ALL.into_iter().find(|g| g.key() == key)
    }
}

/// A decision the user makes now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Its choice number (what an override names).
    pub index: u64,
    /// Steps completed before it: the page pauses here.
    pub step: Step,
    /// The goroutine standing at the switch point, and its line.
    pub g: u32,
    pub line: u32,
    pub can_preempt: bool,
    pub can_yield: bool,
    /// The goroutine its P would take if it is preempted (runnext, else the head of the
    /// local queue, else of the global queue).
    pub next: Option<u32>,
    /// Every program goroutine waiting in a run queue.
    pub queued: Vec<u32>,
}

/// Where the run is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    /// The decision waiting for the user, or `None` when the run ended (or ran
    /// [`SEARCH_STEPS`] steps) without another one.
    pub pending: Option<Decision>,
    /// The step the page shows: the pending decision's, else the end of the run.
    pub step: Step,
    pub race: bool,
    pub deadlock: bool,
    /// Two goroutines at the same line (both not blocked), with the line.
    pub critical: Option<(u32, u32, u32)>,
    /// The run ended (exited, panicked, deadlocked).
    pub finished: bool,
}

impl Spot {
    pub fn reached(&self, goal: SeatGoal) -> bool {
        match goal {
            SeatGoal::Race => self.race,
            SeatGoal::Critical => self.critical.is_some(),
            SeatGoal::Deadlock => self.deadlock,
        }
    }
}

/// One game of "be the scheduler".
#[derive(Clone, Debug)]
pub struct Seat {
    prog: Arc<Program>,
    cfg: Config,
    base: Schedule,
    cursor: u64,
    overrides: Vec<Override>,
    /// Earlier (cursor, overrides), for undo.
    history: Vec<(u64, Vec<Override>)>,
    pub spot: Spot,
}

impl Seat {
    /// A game on `src` under `settings` (the race detector on, so "lose an update"
    /// can be seen), stopped at the first decision.
    pub fn new(src: &str, settings: &Settings) -> Result<Seat, Vec<String>> {
        let prog = match gosched_lang::compile::compile(src) {
            Ok(p) => Arc::new(p),
            Err(diags) => {
                let index = LineIndex::new(src);
                return Err(diags.iter().map(|d| d.render(FILE_NAME, &index)).collect());
            }
        };
        let cfg = Config {
            race: true,
            trace: TraceLevel::Off,
            ..crate::driver::config(settings)
        };
        let base = Schedule::plain(&cfg);
        let mut seat = Seat {
            prog,
            cfg,
            base,
            cursor: 0,
            overrides: Vec::new(),
            history: Vec::new(),
            spot: Spot {
                pending: None,
                step: 0,
                race: false,
                deadlock: false,
                critical: None,
                finished: false,
            },
        };
        seat.spot = seat.find(0);
        Ok(seat)
    }

    /// The schedule that replays the decisions so far.
    pub fn schedule(&self) -> Schedule {
        Schedule {
            overrides: self.overrides.clone(),
            ..self.base.clone()
        }
    }

    /// Decisions made so far (what undo can take back).
    pub fn decisions(&self) -> usize {
        self.history.len()
    }

    /// Makes the pending decision `action`, and goes on to the next one.
    pub fn decide(&mut self, action: SwitchAction) {
        let Some(d) = self.spot.pending.clone() else {
            return;
        };
        self.history.push((self.cursor, self.overrides.clone()));
        if action != SwitchAction::Continue {
            self.overrides.push(Override {
                index: d.index,
                value: action.value(),
            });
        }
        self.cursor = d.index + 1;
        self.spot = self.find(0);
    }

    /// Lets the goroutines go on through the next `n` decisions (one undo step).
    pub fn skip(&mut self, n: usize) {
        if self.spot.pending.is_none() || n == 0 {
            return;
        }
        self.history.push((self.cursor, self.overrides.clone()));
        self.spot = self.find(n);
        if let Some(d) = &self.spot.pending {
            self.cursor = d.index;
        }
    }

    /// Takes back the last decision. Returns false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some((cursor, overrides)) = self.history.pop() else {
            return false;
        };
        self.cursor = cursor;
        self.overrides = overrides;
        self.spot = self.find(0);
        true
    }

    /// Runs the schedule from the start to the first switch point at or after the
    /// cursor, passing `skip` of them (they continue).
    fn find(&self, mut skip: usize) -> Spot {
        let schedule = self.schedule();
        let mut m = Machine::with_schedule(self.prog.clone(), self.cfg.clone(), &schedule);
        m.record_choices();
        let mut seen = 0;
        let mut found = None;
        loop {
            let done = m.run(SEARCH_CHUNK);
            let choices = m.recorded_choices();
            for c in &choices[seen..] {
                if c.kind != ChoiceKind::Switch || c.index < self.cursor {
                    continue;
                }
                if skip == 0 {
                    found = Some(*c);
                    break;
                }
                skip -= 1;
            }
            seen = choices.len();
            if found.is_some() || done || m.step() >= SEARCH_STEPS {
                break;
            }
        }
        let Some(c) = found else {
            return spot_of(&m, None);
        };
        // Stand just before the decision (a fresh run to its step: the same run).
        let mut at = Machine::with_schedule(self.prog.clone(), self.cfg.clone(), &schedule);
        at.run(c.step);
        let view = at.view();
        let g = c.g.map_or(0, |g| g.0);
        let line = view
            .goroutines
            .iter()
            .find(|v| v.id.0 == g)
            .map_or(0, |v| v.line);
        let system = |id: u32| view.goroutines.iter().any(|v| v.id.0 == id && v.system);
        let own = view
            .procs
            .iter()
            .find(|p| p.running.is_some_and(|r| r.0 == g));
        let next = own
            .and_then(|p| p.runnext.or_else(|| p.runq.first().copied()))
            .or_else(|| view.global.first().copied())
            .map(|g| g.0)
            .filter(|&n| !system(n));
        let mut queued: Vec<u32> = view
            .procs
            .iter()
            .flat_map(|p| p.runnext.iter().chain(p.runq.iter()))
            .chain(view.global.iter())
            .map(|g| g.0)
            .filter(|&id| !system(id))
            .collect();
        queued.sort_unstable();
        queued.dedup();
        let next = next.or_else(|| queued.first().copied());
        let decision = Decision {
            index: c.index,
            step: c.step,
            g,
            line,
            can_preempt: c.options & (1 << SwitchAction::Preempt.value()) != 0,
            can_yield: c.options & (1 << SwitchAction::Yield.value()) != 0,
            next,
            queued,
        };
        spot_of(&at, Some(decision))
    }
}

/// The spot machine `m` stands at.
fn spot_of(m: &Machine, pending: Option<Decision>) -> Spot {
    let view = m.view();
    let mut critical = None;
    let live: Vec<_> = view
        .goroutines
        .iter()
        .filter(|g| !g.system && g.line > 0 && matches!(g.state, "running" | "runnable"))
        .collect();
    'outer: for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            if a.line == b.line {
                critical = Some((a.id.0.min(b.id.0), a.id.0.max(b.id.0), a.line));
                break 'outer;
            }
        }
    }
    Spot {
        pending,
        step: m.step(),
        race: !m.races().is_empty(),
        deadlock: m.outcome().is_some_and(|o| o.is_deadlock()),
        critical,
        finished: m.finished(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK_ORDER: &str = include_str!("../../../../tests/programs/explore/lock_order.go");
    /// Two goroutines that each add one to a shared counter.
    const PAIR: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tcounter := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tcounter++\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(counter)\n}\n";

    fn one_p() -> Settings {
        Settings {
            procs: 1,
            ..Settings::default()
        }
    }

    #[test]
    fn preempting_between_the_locks_deadlocks_and_undo_goes_back() {
        let mut seat = Seat::new(LOCK_ORDER, &one_p()).expect("compiles");
        let first = seat.spot.clone();
        assert!(first.pending.is_some());
        // Try each decision point in turn: preempt there, play on; some choice deadlocks.
        let mut reached = false;
        for k in 0..40 {
            seat.skip(k);
            if seat.spot.pending.as_ref().is_some_and(|d| d.can_preempt) {
                seat.decide(SwitchAction::Preempt);
            }
            let mut guard = 0;
            while seat.spot.pending.is_some() && guard < 200 {
                seat.decide(SwitchAction::Continue);
                guard += 1;
            }
            if seat.spot.reached(SeatGoal::Deadlock) {
                reached = true;
                break;
            }
            while seat.undo() {}
            assert_eq!(seat.spot, first, "undo returns exactly");
        }
        assert!(reached, "some preemption deadlocks the lock-order program");
    }

    #[test]
    fn a_pair_of_goroutines_reaches_every_goal_but_deadlock() {
        let mut seat = Seat::new(PAIR, &one_p()).expect("compiles");
        let (mut critical, mut race, mut deadlock) = (false, false, false);
        // One preemption at each decision point in turn, then let everything go on.
        for k in 0..20 {
            seat.skip(k);
            if seat.spot.pending.as_ref().is_some_and(|d| d.can_preempt) {
                seat.decide(SwitchAction::Preempt);
            }
            let mut guard = 0;
            while seat.spot.pending.is_some() {
                critical |= seat.spot.reached(SeatGoal::Critical);
                seat.decide(SwitchAction::Continue);
                guard += 1;
                assert!(guard < 500);
            }
            assert!(seat.spot.finished);
            race |= seat.spot.reached(SeatGoal::Race);
            deadlock |= seat.spot.reached(SeatGoal::Deadlock);
            while seat.undo() {}
        }
        assert!(race);
        assert!(critical, "a preemption in counter++ puts both on its line");
        assert!(!deadlock);
    }

    #[test]
    fn skipping_is_continuing_and_the_schedule_replays_the_spot() {
        let mut a = Seat::new(PAIR, &one_p()).expect("compiles");
        let mut b = a.clone();
        a.skip(2);
        b.decide(SwitchAction::Continue);
        b.decide(SwitchAction::Continue);
        assert_eq!(a.spot, b.spot);
        assert_eq!(a.decisions(), 1);
        let s = a.schedule();
        assert_eq!(Schedule::decode(&s.encode()).expect("decodes"), s);
    }
}
