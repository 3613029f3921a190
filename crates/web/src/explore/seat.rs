//! "Be the scheduler": the user makes the scheduler's decisions. The run stops before each
//! decision point the simulator exposes — a *switch point*, a visible operation (a shared
//! variable's load or store under asynchronous preemption, a channel or `sync` operation, a
//! `go` statement, output) at which another goroutine could run instead — and the user picks:
//! the goroutine goes on, or is preempted there (and the P takes the next goroutine by Go's
//! own queue rules), or, when another P is running, its core gives up its turn. Two more
//! kinds of decision are Go's own random choices, offered when they really choose: which P
//! an idle P steals from when more than one has goroutines queued (proc.go: stealWork's
//! random order), and which case a `select` takes when more than one is ready (select.go:
//! selectgo's random poll order).
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
//! every run one Go could produce. The page shows who the P would take next. Which
//! goroutine a P takes is chosen the ways Go allows: preempt the running one (the P takes
//! its next), let another core go first, or pick the P a thief robs.

use std::sync::Arc;

use gosched_lang::bytecode::Program;
use gosched_lang::LineIndex;
use gosched_sim::chan::SelectCaseView;
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
    /// What kind of decision it is.
    pub pick: Pick,
}

/// The kinds of decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A switch point: `g` goes on, is preempted, or its core yields.
    Switch,
    /// P `thief` has run out of goroutines and steals half of another P's local queue:
    /// which one. Each victim comes with the program goroutines in its queue.
    Steal {
        thief: u32,
        victims: Vec<(u32, Vec<u32>)>,
    },
    /// `g` runs a `select` with more than one case ready: which case it takes. The
    /// select's live cases (on non-nil channels), in source order.
    Select { cases: Vec<SelectCaseView> },
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

    /// Makes the pending decision `action` (a switch point; at another kind of decision,
    /// `Continue` lets Go's own random choice stand), and goes on to the next one.
    pub fn decide(&mut self, action: SwitchAction) {
        let Some(d) = self.spot.pending.clone() else {
            return;
        };
        let mut set = Vec::new();
        if action != SwitchAction::Continue && d.pick == Pick::Switch {
            set.push(Override {
                index: d.index,
                value: action.value(),
            });
        }
        self.commit(&d, set);
    }

    /// At a steal decision: the thief robs P `victim`.
    pub fn steal_from(&mut self, victim: u32) {
        let Some(d) = self.spot.pending.clone() else {
            return;
        };
        let Pick::Steal { victims, .. } = &d.pick else {
            return;
        };
        if !victims.iter().any(|(v, _)| *v == victim) {
            return;
        }
        // The victim order starts at the first draw's value: the victim is visited
        // first, and it has goroutines to take.
        self.commit(
            &d,
            vec![Override {
                index: d.index,
                value: victim,
            }],
        );
    }

    /// At a select decision: the goroutine takes case `case` (a case number), which
    /// must be ready.
    pub fn take_case(&mut self, case: u32) {
        let Some(d) = self.spot.pending.clone() else {
            return;
        };
        let Pick::Select { cases } = &d.pick else {
            return;
        };
        let Some(k) = cases.iter().position(|c| c.case == case && c.ready) else {
            return;
        };
        // selectgo's poll order is a Fisher-Yates shuffle of the live cases, drawn for
        // i = n-1 down to 1 (choices d.index, d.index+1, ...). Swapping i = k with 0 and
        // leaving every other position in place puts case k first: it is polled first
        // and, being ready, taken.
        let n = cases.len() as u64;
        let set = (1..n)
            .rev()
            .enumerate()
            .map(|(t, i)| Override {
                index: d.index + t as u64,
                value: if i == k as u64 { 0 } else { i as u32 },
            })
            .collect();
        self.commit(&d, set);
    }

    /// Records decision `d` as the overrides `set` and finds the next decision.
    fn commit(&mut self, d: &Decision, set: Vec<Override>) {
        self.history.push((self.cursor, self.overrides.clone()));
        let past = set.last().map_or(d.index, |o| o.index);
        self.overrides.extend(set);
        self.cursor = past.max(d.index) + 1;
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
                if !is_decision(c) || c.index < self.cursor {
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
        // A select's choices are made inside its instruction, a steal's after the step
        // that left the thief without work: both are counted in the step already.
        let stand = match c.kind {
            ChoiceKind::Select | ChoiceKind::StealOrder => c.step.saturating_sub(1),
            _ => c.step,
        };
        let mut at = Machine::with_schedule(self.prog.clone(), self.cfg.clone(), &schedule);
        at.run(stand);
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
        let pick = match c.kind {
            ChoiceKind::StealOrder => Pick::Steal {
                thief: c.p.map_or(0, |p| p.0),
                victims: (0..64)
                    .filter(|v| c.among & 1 << v != 0)
                    .map(|v| {
                        let gs = view
                            .procs
                            .iter()
                            .find(|p| p.id.0 == v)
                            .map(|p| p.runq.iter().map(|g| g.0).filter(|&g| !system(g)).collect())
                            .unwrap_or_default();
                        (v, gs)
                    })
                    .collect(),
            },
            ChoiceKind::Select => {
                // Which cases are ready is what the run recorded at the select itself.
                let mut cases = at.pending_select(gosched_sim::ids::GoId(g));
                for (k, case) in cases.iter_mut().enumerate() {
                    case.ready = k < 64 && c.among & 1 << k != 0;
                }
                Pick::Select { cases }
            }
            _ => Pick::Switch,
        };
        let switch = pick == Pick::Switch;
        let decision = Decision {
            index: c.index,
            step: stand,
            g,
            line,
            can_preempt: switch && c.options & (1 << SwitchAction::Preempt.value()) != 0,
            can_yield: switch && c.options & (1 << SwitchAction::Yield.value()) != 0,
            next,
            queued,
            pick,
        };
        spot_of(&at, Some(decision))
    }
}

/// Whether recorded choice `c` is one the user makes: a switch point, or one of Go's
/// random choices that really picks among two or more candidates.
fn is_decision(c: &gosched_sim::explore::Choice) -> bool {
    match c.kind {
        ChoiceKind::Switch => true,
        ChoiceKind::StealOrder | ChoiceKind::Select => c.among.count_ones() >= 2,
        _ => false,
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
    const SELECT: &str = include_str!("../../../../tests/programs/explore/select_two_ready.go");
    /// Four Ps: three workers fill their own queues, so an idle P finds several victims.
    const FAN: &str = include_str!("../../../../tests/programs/explore/steal_fan.go");

    /// The line of `src` that holds `text` (1-based).
    fn line_of(src: &str, text: &str) -> u32 {
        src.lines()
            .position(|l| l.contains(text))
            .expect("in the program") as u32
            + 1
    }
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

    /// Plays on until the next decision of the wanted kind (switch points go on).
    fn on_to(seat: &mut Seat, want: impl Fn(&Pick) -> bool) -> Decision {
        for _ in 0..2_000 {
            match &seat.spot.pending {
                Some(d) if want(&d.pick) => return d.clone(),
                Some(_) => seat.decide(SwitchAction::Continue),
                None => break,
            }
        }
        panic!("no such decision; stopped at {:?}", seat.spot);
    }

    /// The run of the seat's decisions so far, `steps` steps of it, with the trace on.
    fn replay(seat: &Seat, steps: u64) -> Machine {
        let cfg = Config {
            trace: TraceLevel::Full,
            ..seat.cfg.clone()
        };
        let mut m = Machine::with_schedule(seat.prog.clone(), cfg, &seat.schedule());
        m.run(steps);
        m
    }

    /// The whole run of the seat's decisions so far, to its end.
    fn finish(seat: &Seat) -> Machine {
        replay(seat, u64::MAX)
    }

    /// The victims of `thief`'s steals in `m`'s trace from step `from` on.
    fn robbed_by(m: &Machine, thief: u32, from: u64) -> Vec<u32> {
        m.trace()
            .iter()
            .filter_map(|e| match &e.kind {
                gosched_sim::trace::EventKind::Steal {
                    thief: t,
                    victim: v,
                    ..
                } if t.0 == thief && e.step >= from => Some(v.0),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_select_with_two_ready_cases_takes_the_one_picked() {
        let mut seat = Seat::new(SELECT, &one_p()).expect("compiles");
        let d = on_to(&mut seat, |p| matches!(p, Pick::Select { .. }));
        let Pick::Select { cases } = &d.pick else {
            unreachable!()
        };
        // The nil channel's case is not live; the other two are ready, each on its line.
        let shown: Vec<(u32, u32, bool)> =
            cases.iter().map(|c| (c.case, c.line, c.ready)).collect();
        let (at_a, at_b) = (line_of(SELECT, "<-a:"), line_of(SELECT, "<-b:"));
        assert_eq!(shown, vec![(1, at_a, true), (2, at_b, true)]);
        assert_eq!(
            d.line,
            line_of(SELECT, "select {"),
            "the decision stands at the select"
        );
        for (case, out) in [(1, "from a\n"), (2, "from b\n"), (1, "from a\n")] {
            seat.take_case(case);
            assert!(seat.spot.finished);
            assert_eq!(finish(&seat).stdout_text(), out, "case {case}");
            assert!(seat.undo());
            assert_eq!(
                seat.spot.pending.as_ref(),
                Some(&d),
                "undo returns to the select"
            );
        }
        // A case that is not ready (or not there) is no decision at all.
        seat.take_case(0);
        seat.take_case(7);
        assert_eq!(seat.decisions(), 0);
    }

    #[test]
    fn a_thief_robs_the_p_picked() {
        let settings = Settings {
            procs: 4,
            ..Settings::default()
        };
        let mut seat = Seat::new(FAN, &settings).expect("compiles");
        let d = on_to(&mut seat, |p| matches!(p, Pick::Steal { .. }));
        let Pick::Steal { thief, victims } = d.pick.clone() else {
            unreachable!()
        };
        assert!(victims.len() >= 2, "{victims:?}");
        assert!(victims.iter().all(|(v, _)| *v != thief));
        // The page stands just before the steal: it happens in the next step.
        let steals = |steps: u64| robbed_by(&replay(&seat, steps), thief, 0).len();
        assert_eq!(steals(d.step) + 1, steals(d.step + 1));
        for (victim, _) in &victims {
            seat.steal_from(*victim);
            // Replay with the trace on: the thief's next steal robs that P.
            let robbed = robbed_by(&replay(&seat, d.step + 10_000), thief, d.step);
            assert_eq!(robbed.first(), Some(victim));
            assert!(seat.undo());
        }
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
