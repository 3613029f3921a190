//! Steering inside the machine: numbered choices, overrides, switch points at visible operations,
//! and the policies that decide there.
//!
//! A steered machine ([`Machine::with_schedule`]) numbers every choice it
//! makes. Before each *visible operation* of a goroutine (a channel
//! operation, a `go` statement, a `sync` or `sync/atomic` call, output, and —
//! under asynchronous preemption — a load or store of a variable, field or
//! element), it asks whether another goroutine could run instead: one is
//! queued (so the running one could be preempted), or — under PCT, whose
//! policy also orders the cores — another P is running (so this core could
//! give up its turn). If so, the operation is a
//! **switch point**: one more numbered choice whose value is a
//! [`SwitchAction`], decided by an override, else by the policy, else
//! "continue". Switch points draw nothing from the seeded RNG, so a steered
//! run that never switches is the plain run of its seed.
//!
//! Under cooperative preemption, Go can only stop a goroutine at a function
//! call, so plain memory accesses are not switch points there; every other
//! visible operation is a call into the runtime.
//!
//! The steering state lives in the machine and is `Clone`, so snapshots
//! (and the page's seeking) keep working on steered runs.

use std::sync::Arc;

use gosched_lang::bytecode::{Instr, Program};

use crate::config::PreemptMode;
use crate::explore::pct::PctState;
use crate::explore::schedule::{Override, Policy, Schedule, SwitchAction};
use crate::ids::{GoId, ProcId, Step};
use crate::machine::Machine;
use crate::rng::{ChoiceKind, Rng};
use crate::trace::StopReason;

/// Mixed into the seed for a policy's own generator, so the policy's draws
/// never disturb the machine's choice sequence.
const POLICY_SEED_MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// The policy's state during a run.
#[derive(Clone, Debug)]
pub(crate) enum PolicyState {
    Fixed,
    Random { rng: Rng, one_in: u32 },
    Pct(Box<PctState>),
}

/// Steering of one run (see the module comment).
#[derive(Clone, Debug)]
pub(crate) struct Steer {
    /// Number of the next choice.
    next: u64,
    overrides: Arc<[Override]>,
    /// First override not yet reached.
    pos: usize,
    pub(crate) policy: PolicyState,
    /// Natives that are visible operations, by `NativeId`.
    visible_natives: Arc<[bool]>,
    /// Every choice, when recording.
    record: Option<Vec<Choice>>,
    /// Choice numbers of the switch points where a preemption was possible,
    /// when collecting them (bounded search enumerates these).
    points: Option<Vec<u64>>,
    /// Switch points met so far.
    switch_points: u64,
    /// Preemptions and yields made at switch points so far.
    switches: u64,
}

impl Steer {
    pub(crate) fn new(prog: &Program, schedule: &Schedule) -> Steer {
        let mut overrides = schedule.overrides.clone();
        overrides.sort();
        overrides.dedup_by_key(|o| o.index);
        let policy_seed = schedule.seed ^ POLICY_SEED_MIX;
        let policy = match schedule.policy {
            Policy::Fixed => PolicyState::Fixed,
            Policy::Random { one_in } => PolicyState::Random {
                rng: Rng::new(policy_seed),
                one_in: one_in.max(1),
            },
            Policy::Pct { depth, span } => {
                PolicyState::Pct(Box::new(PctState::new(policy_seed, depth, span)))
            }
        };
        Steer {
            next: 0,
            overrides: overrides.into(),
            pos: 0,
            policy,
            visible_natives: prog
                .natives
                .iter()
                .map(|n| visible_native(&n.name))
                .collect(),
            record: None,
            points: None,
            switch_points: 0,
            switches: 0,
        }
    }

    /// Takes the next numbered choice among `n` options: its override if
    /// it has one, else `base` (the RNG's draw or the policy's decision).
    /// `what` says what to record about it (kind, options, step, goroutine).
    fn take(&mut self, n: u32, base: u32, what: impl FnOnce() -> Choice) -> u32 {
        let index = self.next;
        self.next += 1;
        while self
            .overrides
            .get(self.pos)
            .is_some_and(|o| o.index < index)
        {
            self.pos += 1;
        }
        let v = match self.overrides.get(self.pos) {
            Some(o) if o.index == index => {
                self.pos += 1;
                o.value % n.max(1)
            }
            _ => base,
        };
        if let Some(r) = &mut self.record {
            r.push(Choice {
                index,
                value: v,
                ..what()
            });
        }
        v
    }
}

/// One choice a steered run made, as [`Machine::record_choices`] records it:
/// what the page needs to let a person make it instead ("be the
/// scheduler": override choice `index` with another value and replay).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Its number in the run (what an [`Override`] names).
    pub index: u64,
    pub kind: ChoiceKind,
    /// How many values it could take; for a switch point, the set of
    /// available [`SwitchAction`]s as bits of their values (bit 0 continue,
    /// bit 1 preempt, bit 2 yield).
    pub options: u32,
    /// The value taken.
    pub value: u32,
    /// Steps completed when it was made: seek to this step to stand just
    /// before it. A choice made inside a step (a `select`'s, or a steal's
    /// after the step that left its P without work) counts that step: stand
    /// one step earlier.
    pub step: Step,
    /// The goroutine that stands at a switch point, or runs a `select`.
    pub g: Option<GoId>,
    /// The P that steals, for the first draw of a steal's victim order.
    pub p: Option<ProcId>,
    /// What the choice really picks among, when it is one a person can make
    /// ([`Machine::choose_among`]): for the first draw of a steal's victim
    /// order (its start), the Ps with goroutines to steal, a bit per P; for
    /// the first draw of a `select`'s poll order, the ready cases, a bit per
    /// case. Zero for every other choice.
    pub among: u64,
}

/// Whether a call of the native named `name` is a visible operation: a
/// synchronisation (package sync, sync/atomic) or output.
fn visible_native(name: &str) -> bool {
    name.starts_with("sync.")
        || name.starts_with("sync/atomic.")
        || name.starts_with("atomic.")
        || name.starts_with("fmt.Print")
        || name.starts_with("fmt.Fprint")
        || name.starts_with("builtin.print")
        || name == "os.(*File).Write"
}

// ===== impl Machine: the steering API =====

impl Machine {
    /// A machine that runs `schedule`: its settings replace `cfg`'s seed,
    /// GOMAXPROCS, preemption mode and race detector, and its policy and
    /// overrides steer the run. The same program, schedule and remaining
    /// settings always give the same run.
    pub fn with_schedule(
        prog: Arc<Program>,
        cfg: crate::config::Config,
        schedule: &Schedule,
    ) -> Machine {
        let steer = Steer::new(&prog, schedule);
        let mut m = Machine::new(prog, schedule.config(&cfg));
        m.steer = Some(Box::new(steer));
        m
    }

    /// A fresh machine like `self` (which must not have run yet) steered by
    /// `schedule`, whose settings other than the seed must be `self`'s:
    /// cheaper than [`Machine::with_schedule`] because the program's natives
    /// are already bound.
    pub(crate) fn restart_with(&self, schedule: &Schedule) -> Machine {
        debug_assert_eq!(
            self.step, 0,
            "invariant: restart_with copies a fresh machine"
        );
        let cfg = schedule.config(&self.cfg);
        if cfg.procs != self.cfg.procs
            || cfg.preempt != self.cfg.preempt
            || cfg.race != self.cfg.race
        {
            return Machine::with_schedule(self.prog.clone(), self.cfg.clone(), schedule);
        }
        let mut m = self.clone();
        m.rng = Rng::new(schedule.seed);
        m.cfg.seed = schedule.seed;
        let visible = self.steer.as_ref().map(|s| s.visible_natives.clone());
        let mut steer = Steer::new(&self.prog, schedule);
        if let Some(v) = visible {
            steer.visible_natives = v;
        }
        m.steer = Some(Box::new(steer));
        m
    }

    /// Starts recording every choice from now on (see
    /// [`Machine::recorded_choices`] and [`Schedule::from_choices`]). A
    /// machine made with [`Machine::new`] becomes steered by its plain
    /// schedule, which changes nothing in the run.
    pub fn record_choices(&mut self) {
        self.steer_mut().record = Some(Vec::new());
    }

    /// The choices made since [`Machine::record_choices`], in order.
    pub fn recorded_choices(&self) -> &[Choice] {
        self.steer
            .as_ref()
            .and_then(|s| s.record.as_deref())
            .unwrap_or(&[])
    }

    /// How many choices the run has made (steered machines only; 0 otherwise).
    pub fn choices_made(&self) -> u64 {
        self.steer.as_ref().map_or(0, |s| s.next)
    }

    /// How many switch points the run has met (steered machines only).
    pub fn switch_points(&self) -> u64 {
        self.steer.as_ref().map_or(0, |s| s.switch_points)
    }

    /// How many preemptions and yields switch points have made.
    pub fn forced_switches(&self) -> u64 {
        self.steer.as_ref().map_or(0, |s| s.switches)
    }

    /// Starts collecting the choice numbers of switch points where a
    /// preemption is possible (for bounded search).
    pub(crate) fn collect_points(&mut self) {
        self.steer_mut().points = Some(Vec::new());
    }

    pub(crate) fn take_points(&mut self) -> Vec<u64> {
        self.steer
            .as_mut()
            .and_then(|s| s.points.take())
            .unwrap_or_default()
    }

    fn steer_mut(&mut self) -> &mut Steer {
        if self.steer.is_none() {
            let s = Steer::new(&self.prog, &Schedule::plain(&self.cfg));
            self.steer = Some(Box::new(s));
        }
        self.steer.as_mut().expect("just set")
    }

    /// The numbered choice of `kind` among `n` options whose unsteered
    /// value is `base`.
    #[inline]
    pub(crate) fn steered(&mut self, kind: ChoiceKind, n: u32, base: u32) -> u32 {
        self.steered_among(kind, n, base, None, None, 0)
    }

    /// [`Machine::steered`], recording who makes the choice and what it
    /// really picks among (see [`Choice::among`]).
    #[inline]
    pub(crate) fn steered_among(
        &mut self,
        kind: ChoiceKind,
        n: u32,
        base: u32,
        g: Option<GoId>,
        p: Option<ProcId>,
        among: u64,
    ) -> u32 {
        let step = self.step;
        match &mut self.steer {
            None => base,
            Some(s) => s.take(n, base, || Choice {
                index: 0,
                kind,
                options: n,
                value: 0,
                step,
                g,
                p,
                among,
            }),
        }
    }

    /// Whether the run records its choices (so that working out what a
    /// choice picks among is worth its cost).
    #[inline]
    pub(crate) fn recording_choices(&self) -> bool {
        self.steer.as_ref().is_some_and(|s| s.record.is_some())
    }

    /// Whether the policy chooses which core acts next (PCT).
    pub(crate) fn policy_picks_cores(&self) -> bool {
        matches!(
            self.steer.as_ref().map(|s| &s.policy),
            Some(PolicyState::Pct(_))
        )
    }

    // ===== switch points =====

    /// Called by the interpreter before executing `ins`, a slow-path
    /// instruction of `g` on `p`, when the run is steered. Returns true if
    /// `g` stopped before it (preempted, or its core yielded): the
    /// instruction runs when `g` next runs, without a second decision.
    pub(crate) fn switch_point(&mut self, p: ProcId, g: GoId, ins: &Instr) -> bool {
        let Some(steer) = &self.steer else {
            return false;
        };
        let gg = &mut self.gs[g.index()];
        if std::mem::take(&mut gg.switched) {
            return false;
        }
        let visible = match ins {
            Instr::Send { .. }
            | Instr::Recv { .. }
            | Instr::Close { .. }
            | Instr::Select { .. }
            | Instr::Go { .. }
            | Instr::GoValue { .. } => true,
            Instr::CallNative { native, .. } => steer
                .visible_natives
                .get(native.index())
                .copied()
                .unwrap_or(false),
            Instr::LoadBox { .. }
            | Instr::StoreBox { .. }
            | Instr::LoadPtr { .. }
            | Instr::StorePtr { .. }
            | Instr::LoadGlobal { .. }
            | Instr::StoreGlobal { .. }
            | Instr::LoadField { .. }
            | Instr::StoreField { .. }
            | Instr::LoadIndex { .. }
            | Instr::StoreIndex { .. }
            | Instr::MapGet { .. }
            | Instr::MapSet { .. }
            | Instr::MapDelete { .. } => self.cfg.preempt == PreemptMode::Async,
            _ => false,
        };
        if !visible
            || self.nested > 0
            || gg.frames.last().is_none_or(|f| f.returning)
            || gg.pending_panic.is_some()
        {
            return false;
        }
        let can_preempt = self.other_queued();
        let can_yield = self.policy_picks_cores() && self.sched.running_ps().any(|q| q.id != p);
        if !can_preempt && !can_yield {
            return false;
        }
        let base = self.policy_decision(p, g, can_preempt, can_yield);
        let steer = self.steer.as_mut().expect("checked above");
        steer.switch_points += 1;
        if can_preempt {
            if let Some(points) = &mut steer.points {
                points.push(steer.next);
            }
        }
        let step = self.step;
        let options = 1
            | u32::from(can_preempt) << SwitchAction::Preempt.value()
            | u32::from(can_yield) << SwitchAction::Yield.value();
        let v = steer.take(SwitchAction::COUNT, base.value(), || Choice {
            index: 0,
            kind: ChoiceKind::Switch,
            options,
            value: 0,
            step,
            g: Some(g),
            p: Some(p),
            among: 0,
        });
        match SwitchAction::from_value(v) {
            SwitchAction::Preempt if can_preempt => {
                steer.switches += 1;
                self.gs[g.index()].switched = true;
                self.gosched(p, StopReason::Preempted);
                true
            }
            SwitchAction::Yield if can_yield => {
                steer.switches += 1;
                self.gs[g.index()].switched = true;
                self.burst_cut = true;
                true
            }
            _ => false,
        }
    }

    /// Whether a memory access by the goroutine on `p` could be a switch
    /// point now (asynchronous preemption, and another goroutine could run).
    pub(crate) fn memory_switch_points(&self, p: ProcId) -> bool {
        self.cfg.preempt == PreemptMode::Async
            && (self.other_queued()
                || (self.policy_picks_cores() && self.sched.running_ps().any(|q| q.id != p)))
    }

    /// Whether some program goroutine waits in a run queue.
    fn other_queued(&self) -> bool {
        let user = |g: &GoId| !self.gs[g.index()].system;
        self.sched.global.iter().any(user)
            || self
                .sched
                .ps
                .iter()
                .any(|q| q.runnext.iter().any(user) || q.runq.iter().any(user))
    }

    /// The program goroutines waiting in run queues.
    pub(crate) fn queued_goroutines(&self) -> impl Iterator<Item = GoId> + '_ {
        self.sched
            .global
            .iter()
            .chain(
                self.sched
                    .ps
                    .iter()
                    .flat_map(|q| q.runnext.iter().chain(q.runq.iter())),
            )
            .copied()
            .filter(|g| !self.gs[g.index()].system)
    }

    /// What the policy does at a switch point of `g` on `p`.
    fn policy_decision(
        &mut self,
        p: ProcId,
        g: GoId,
        can_preempt: bool,
        can_yield: bool,
    ) -> SwitchAction {
        let Some(steer) = &mut self.steer else {
            return SwitchAction::Continue;
        };
        match &mut steer.policy {
            PolicyState::Fixed => SwitchAction::Continue,
            PolicyState::Random { rng, one_in } => {
                if can_preempt && rng.below(*one_in) == 0 {
                    SwitchAction::Preempt
                } else {
                    SwitchAction::Continue
                }
            }
            PolicyState::Pct(_) => self.pct_decision(p, g, can_preempt, can_yield),
        }
    }
}
