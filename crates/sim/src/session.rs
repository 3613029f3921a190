//! A run you can move through: play forward in chunks, step from event to event, step back and
//! seek anywhere, using snapshots of the machine.
//!
//! Snapshots are whole-machine clones taken every `interval` steps (the
//! interval doubles when there are more than [`MAX_SNAPSHOTS`], so memory
//! stays bounded). Seeking to step `s` restores the last snapshot at or
//! before `s` and replays at most `interval` steps — determinism makes the
//! replay land on the same state. Events are kept once, in the session, up
//! to the furthest step ever reached; replays do not record them again.

use std::sync::Arc;

use gosched_lang::bytecode::Program;

use crate::config::Config;
use crate::ids::Step;
use crate::machine::Machine;
use crate::trace::Event;
use crate::view::View;

/// Starting distance between snapshots, in steps.
pub const SNAPSHOT_INTERVAL: Step = 4096;
/// Most snapshots kept (then every other one is dropped and the interval doubles).
pub const MAX_SNAPSHOTS: usize = 256;

/// Limits on the memory snapshots take, and so on the time one snapshot takes to
/// copy (a machine with 100,000 goroutines is tens of megabytes; copying it takes
/// longer than a browser frame). See [`Session::set_snapshot_budget`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnapshotBudget {
    /// No snapshot is taken of a machine estimated larger than this (seeking
    /// then replays from an earlier, smaller snapshot).
    pub per_snapshot: u64,
    /// When the snapshots together are estimated larger than this, every other
    /// one is dropped and the interval doubles.
    pub total: u64,
    /// At most this many snapshot bytes per step run: a snapshot that falls due
    /// sooner after the last one than its size allows is skipped, so copying a big
    /// machine never costs more time than running it (0: no limit).
    pub bytes_per_step: u64,
}

impl SnapshotBudget {
    /// No limits (the default: snapshots are bounded by [`MAX_SNAPSHOTS`] only).
    pub const UNLIMITED: SnapshotBudget = SnapshotBudget {
        per_snapshot: u64::MAX,
        total: u64::MAX,
        bytes_per_step: 0,
    };
}

#[derive(Clone, Debug)]
pub struct Session {
    machine: Machine,
    snapshots: Vec<Machine>,
    events: Vec<Event>,
    furthest: Step,
    interval: Step,
    budget: SnapshotBudget,
    /// Estimated sizes of `snapshots`, in the same order.
    snapshot_bytes: Vec<u64>,
    /// No snapshot is considered before this step: the last one considered was
    /// refused as too big, and estimating a machine's size walks all its goroutines
    /// (with 100,000 of them, every interval would cost a millisecond for nothing).
    no_snapshot_before: Step,
}

impl Session {
    pub fn new(prog: Arc<Program>, cfg: Config) -> Session {
        Session::from_machine(Machine::new(prog, cfg))
    }

    /// A session over the run of `schedule` (an explored or shared one; see
    /// [`Machine::with_schedule`]).
    pub fn with_schedule(
        prog: Arc<Program>,
        cfg: Config,
        schedule: &crate::explore::Schedule,
    ) -> Session {
        Session::from_machine(Machine::with_schedule(prog, cfg, schedule))
    }

    /// A session over the run of `machine`, which has not run yet.
    fn from_machine(mut machine: Machine) -> Session {
        let events = machine.take_events();
        let snapshots = vec![machine.clone()];
        let snapshot_bytes = vec![approx_bytes(&machine)];
        Session {
            machine,
            snapshots,
            events,
            furthest: 0,
            interval: SNAPSHOT_INTERVAL,
            budget: SnapshotBudget::UNLIMITED,
            snapshot_bytes,
            no_snapshot_before: 0,
        }
    }

    /// Limits what snapshots may cost from now on (the page uses this so that no
    /// snapshot copy blocks the browser for long). The snapshot at step 0 is always
    /// kept, so seeking always works; it may just replay more steps.
    pub fn set_snapshot_budget(&mut self, budget: SnapshotBudget) {
        self.budget = budget;
        self.enforce_total();
    }

    /// Moves toward step `target` by running or replaying at most `max_steps`
    /// steps, so that a long seek can be spread over several calls (one per
    /// browser frame). Returns whether the machine is there (at `target`, or at
    /// the end of the run if it ends before). Going back first restores the last
    /// snapshot at or before `target` (which counts as no steps).
    pub fn seek_toward(&mut self, target: Step, max_steps: u64) -> bool {
        if target < self.step() {
            self.restore(target);
        }
        let stop = target.min(self.step().saturating_add(max_steps));
        self.advance_to(stop);
        self.step() >= target || self.machine.finished()
    }

    pub fn machine(&self) -> &Machine {
        &self.machine
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.machine.step()
    }

    /// The furthest step reached so far (the end of the recorded run).
    pub fn furthest(&self) -> Step {
        self.furthest
    }

    pub fn finished(&self) -> bool {
        self.machine.finished()
    }

    /// Whether the recorded run ends (the program finished at `furthest`).
    pub fn run_complete(&self) -> bool {
        self.machine.finished() && self.machine.step() == self.furthest
    }

    /// All events recorded, up to the furthest step.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Events up to the current step.
    pub fn events_now(&self) -> &[Event] {
        let s = self.step();
        let n = self.events.partition_point(|e| e.step <= s);
        &self.events[..n]
    }

    pub fn view(&self) -> View {
        self.machine.view()
    }

    /// Runs forward at most `max` steps (stops when the program ends).
    /// Returns whether the program has ended.
    pub fn run(&mut self, max: u64) -> bool {
        let target = self.step().saturating_add(max);
        self.advance_to(target);
        self.machine.finished()
    }

    /// Moves forward to the next step that records an event.
    pub fn step_forward(&mut self) -> bool {
        let s = self.step();
        // Known future: jump straight to the next recorded event.
        if let Some(e) = self.events.iter().find(|e| e.step > s) {
            let t = e.step;
            self.seek(t);
            return true;
        }
        if self.machine.finished() {
            return false;
        }
        let before = self.events.len();
        let start = self.step();
        while !self.machine.finished()
            && self.events.len() == before
            && self.step() - start < 50_000_000
        {
            let t = self.step() + 1;
            self.advance_to(t);
        }
        self.events.len() > before
    }

    /// Moves back to the previous step that recorded an event (or the start).
    pub fn step_back(&mut self) -> bool {
        let s = self.step();
        if s == 0 {
            return false;
        }
        let prev = self
            .events
            .iter()
            .rev()
            .find(|e| e.step < s)
            .map_or(0, |e| e.step);
        self.seek(prev);
        true
    }

    /// Puts the machine at step `step` (or the end, if the program ends first).
    pub fn seek(&mut self, step: Step) {
        if step < self.step() {
            self.restore(step);
        }
        self.advance_to(step);
    }

    /// Puts back the last snapshot at or before `step`.
    fn restore(&mut self, step: Step) {
        let i = self
            .snapshots
            .partition_point(|m| m.step() <= step)
            .saturating_sub(1);
        self.machine = self.snapshots[i].clone();
    }

    /// Runs the machine to `target`, taking snapshots and recording events
    /// past the furthest step.
    fn advance_to(&mut self, target: Step) {
        while self.step() < target && !self.machine.finished() {
            let next_snap = (self.step() / self.interval + 1) * self.interval;
            let stop = target.min(next_snap);
            self.machine.run(stop - self.step());
            let new = self.machine.take_events();
            if self.step() > self.furthest {
                let f = self.furthest;
                self.events.extend(new.into_iter().filter(|e| e.step > f));
                self.furthest = self.step();
            }
            // An instruction doing a lot of work takes several steps at once
            // (machine::WORK_IN_A_STEP), so the run may pass `next_snap`.
            if self.step() >= next_snap
                && self.step() >= self.no_snapshot_before
                && self.snapshots.last().is_some_and(|m| m.step() < next_snap)
            {
                let bytes = approx_bytes(&self.machine);
                let since = next_snap - self.snapshots.last().map_or(0, Machine::step);
                let soon = self.budget.bytes_per_step > 0
                    && since.saturating_mul(self.budget.bytes_per_step) < bytes;
                if bytes <= self.budget.per_snapshot && !soon {
                    self.snapshots.push(self.machine.clone());
                    self.snapshot_bytes.push(bytes);
                    if self.snapshots.len() > MAX_SNAPSHOTS {
                        self.thin();
                    }
                    self.enforce_total();
                } else {
                    // A machine this big is not worth estimating again until it
                    // could be allowed a snapshot by the copying rate.
                    let wait = bytes / self.budget.bytes_per_step.max(32);
                    self.no_snapshot_before = self.step().saturating_add(wait);
                }
            }
        }
        if self.machine.finished() && self.step() > self.furthest {
            self.furthest = self.step();
        }
    }

    /// Keeps every other snapshot and doubles the interval.
    fn thin(&mut self) {
        self.interval *= 2;
        let iv = self.interval;
        let keep: Vec<bool> = self.snapshots.iter().map(|m| m.step() % iv == 0).collect();
        let mut k = keep.iter();
        self.snapshots.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        self.snapshot_bytes
            .retain(|_| k.next().copied().unwrap_or(true));
    }

    /// Thins snapshots until their estimated total fits the budget (the one at
    /// step 0 always stays).
    fn enforce_total(&mut self) {
        while self.snapshots.len() > 1
            && self.snapshot_bytes.iter().sum::<u64>() > self.budget.total
        {
            self.thin();
        }
    }

    /// The snapshot interval now (seek replays at most this many steps).
    pub fn interval(&self) -> Step {
        self.interval
    }
}

/// A rough size of a machine in bytes, for the snapshot budget: its goroutines
/// (registers and frames included), its heap and its output. Only the order of
/// magnitude matters.
fn approx_bytes(m: &Machine) -> u64 {
    let per_g = std::mem::size_of::<crate::sched::g::G>() as u64;
    let regs: u64 =
        m.gs.iter()
            .map(|g| {
                (g.regs.capacity() * std::mem::size_of::<crate::value::Value>()
                    + g.frames.capacity() * std::mem::size_of::<crate::sched::g::Frame>())
                    as u64
            })
            .sum();
    // Output is copied with the machine too: a program that prints a lot (up to the 1 MiB
    // output limit, kept as stdout, the console and a mark per write) must not be
    // snapshotted as if it were small, or each snapshot copies megabytes.
    let o = &m.out;
    let output = o.stdout.len()
        + o.stderr.len()
        + o.console.iter().map(|(_, t)| t.len()).sum::<usize>()
        + o.stdout_marks.len() * std::mem::size_of::<(u64, crate::ids::Step)>();
    // So are the race detector's vector clocks (a goroutine's clock can name every other).
    let race = m.race.as_ref().map_or(0, |r| r.approx_bytes());
    m.gs.len() as u64 * per_g + regs + m.heap.bytes() + output as u64 + race
}

#[cfg(test)]
mod tests {
    // Behaviour is tested in tests/session.rs with compiled programs; these cover the
    // page's additions (chunked seeking, the snapshot budget).
    use super::*;

    const PROGRAM: &str = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 200; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tn := 0\n\t\t\tfor k := 0; k < 200; k++ {\n\t\t\t\tn += k\n\t\t\t}\n\t\t\t_ = n\n\t\t}()\n\t}\n\twg.Wait()\n}\n";

    fn session() -> Session {
        let prog = gosched_lang::compile::compile(PROGRAM).expect("compiles");
        let cfg = Config {
            procs: 2,
            trace: crate::config::TraceLevel::Full,
            ..Config::default()
        };
        Session::new(Arc::new(prog), cfg)
    }

    /// Runs must not depend on how they are cut into chunks. Since the ~40-instruction
    /// bursts (88822b7), cutting a run into 7-step chunks leaves a P clock 1 ns off at
    /// step 55,006 of this program (1,000- and 4,096-step chunks agree). Ignored until
    /// the simulator is fixed; `seek_toward_in_chunks_lands_where_seek_does` below
    /// depends on the same property.
    #[test]
    fn runs_do_not_depend_on_chunking() {
        let mut whole = session();
        whole.run(55_006);
        for k in [1_000u64, 999, 4_096, 7] {
            let mut chunked = session();
            while chunked.step() < 55_006 {
                chunked.run(k.min(55_006 - chunked.step()));
            }
            assert_eq!(whole.view(), chunked.view(), "{k}-step chunks");
        }
    }

    #[test]
    fn seek_toward_in_chunks_lands_where_seek_does() {
        let mut s = session();
        s.run(u64::MAX);
        let end = s.step();
        assert!(end > 20_000, "the program is long enough: {end}");
        let mut straight = session();
        straight.run(u64::MAX);
        for target in [end / 3, end / 7, end - 1, 5] {
            straight.seek(target);
            let mut calls = 0;
            while !s.seek_toward(target, 1000) {
                calls += 1;
                assert!(calls < 10_000);
            }
            assert_eq!(s.step(), target);
            assert_eq!(s.view(), straight.view(), "at step {target}");
        }
    }

    #[test]
    fn seek_toward_arrives_in_bounded_chunks() {
        let mut s = session();
        s.run(u64::MAX);
        let end = s.step();
        for target in [end / 3, end / 7, end - 1, 5] {
            let mut calls = 0;
            while !s.seek_toward(target, 1000) {
                calls += 1;
                assert!(
                    calls <= target / 1000 + 2 + SNAPSHOT_INTERVAL / 1000,
                    "{calls} calls"
                );
            }
            assert_eq!(s.step(), target);
        }
    }

    #[test]
    fn big_machines_are_snapshotted_less_often() {
        let mut s = session();
        // One byte per step: a snapshot of N bytes comes at least N steps after the last.
        s.set_snapshot_budget(SnapshotBudget {
            per_snapshot: u64::MAX,
            total: u64::MAX,
            bytes_per_step: 1,
        });
        s.run(u64::MAX);
        assert!(s.snapshots.len() >= 2);
        for w in s.snapshots.windows(2) {
            let gap = w[1].step() - w[0].step();
            let bytes = approx_bytes(&w[1]);
            assert!(gap >= bytes, "gap {gap} < {bytes}");
        }
        let mut straight = session();
        let end = s.step();
        straight.seek(end / 2);
        s.seek(end / 2);
        assert_eq!(s.view(), straight.view());
    }

    #[test]
    fn snapshot_budget_skips_large_machines_and_bounds_the_total() {
        let mut s = session();
        let small = approx_bytes(s.machine());
        s.set_snapshot_budget(SnapshotBudget {
            per_snapshot: small * 2,
            total: small * 8,
            bytes_per_step: 0,
        });
        s.run(u64::MAX);
        assert!(!s.snapshots.is_empty() && s.snapshots.len() <= 8);
        assert!(s.snapshot_bytes.iter().all(|&b| b <= small * 2));
        assert!(s.snapshot_bytes.iter().sum::<u64>() <= small * 8);
        assert_eq!(s.snapshots[0].step(), 0);
        // Seeking still lands on the same state as a straight run.
        let end = s.step();
        let mut straight = session();
        straight.seek(end / 2);
        s.seek(end / 2);
        assert_eq!(s.view(), straight.view());
    }
}
