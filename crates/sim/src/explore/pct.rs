//! PCT, probabilistic concurrency testing: random goroutine priorities with a few priority change
//! points (Burckhardt, Kothari, Musuvathi, Nagarakatte, "A Randomized Scheduler with
//! Probabilistic Guarantees of Finding Bugs", ASPLOS 2010).
//!
//! The paper's scheduler runs, at every step, the highest-priority enabled
//! thread; threads get distinct random priorities at least `d`, and at `d-1`
//! steps chosen uniformly among the first `k`, the running thread's priority
//! drops to `d-i` (below every initial one). A bug of depth `d` (one that
//! needs `d` ordering constraints) is then found with probability at least
//! `1/(n·k^(d-1))` per run, for `n` threads.
//!
//! Here the steps are switch points (see `steer.rs`) and the threads are
//! goroutines. Go's scheduler still decides where a goroutine runs; PCT
//! steers it at switch points: a goroutine is preempted when a queued
//! goroutine has a higher priority (so only the highest-priority runnable
//! goroutines perform visible operations), and with several Ps the core
//! running a lower-priority goroutine yields its turn, and the machine picks
//! the core whose goroutine has the highest priority among those whose turn
//! it may be. `k` is the number of switch points the explorer has seen in a
//! run so far; `d` defaults to 3.

use crate::explore::schedule::{Policy, Schedule, SwitchAction};
use crate::explore::steer::PolicyState;
use crate::explore::{Job, RunInfo, Strategy};
use crate::ids::{GoId, ProcId};
use crate::machine::{Machine, INTERLEAVE_WINDOW};
use crate::rng::Rng;

/// Initial priorities are at least this, above every lowered one.
const INITIAL_PRIORITY: u64 = 1 << 32;

/// PCT's state during one run.
#[derive(Clone, Debug)]
pub(crate) struct PctState {
    rng: Rng,
    depth: u32,
    /// Switch point numbers (1-based) where the running goroutine's priority drops, ascending.
    change_points: Vec<u64>,
    next_change: usize,
    /// Switch points met.
    count: u64,
    /// Priority by goroutine id; 0 = not assigned yet.
    prio: Vec<u64>,
    /// Reused buffers for the goroutines a switch point compares with.
    queued: Vec<GoId>,
    rivals: Vec<GoId>,
}

impl PctState {
    pub(crate) fn new(seed: u64, depth: u32, span: u64) -> PctState {
        let mut rng = Rng::new(seed);
        let depth = depth.clamp(1, crate::explore::schedule::MAX_PCT_DEPTH);
        let mut change_points: Vec<u64> =
            (1..depth).map(|_| 1 + rng.below_u64(span.max(1))).collect();
        change_points.sort_unstable();
        PctState {
            rng,
            depth,
            change_points,
            next_change: 0,
            count: 0,
            prio: Vec::new(),
            queued: Vec::new(),
            rivals: Vec::new(),
        }
    }

    /// `g`'s priority, drawn when first needed (the draws are independent,
    /// so drawing at first use is drawing at creation).
    fn prio(&mut self, g: GoId) -> u64 {
        let i = g.index();
        if self.prio.len() <= i {
            self.prio.resize(i + 1, 0);
        }
        if self.prio[i] == 0 {
            self.prio[i] = INITIAL_PRIORITY + u64::from(self.rng.next_u32());
        }
        self.prio[i]
    }
}

impl Machine {
    fn pct(&mut self) -> Option<&mut PctState> {
        match self.steer.as_mut().map(|s| &mut s.policy) {
            Some(PolicyState::Pct(st)) => Some(st),
            _ => None,
        }
    }

    /// PCT at a switch point of `g` on `p` (see the module comment).
    pub(crate) fn pct_decision(
        &mut self,
        p: ProcId,
        g: GoId,
        can_preempt: bool,
        can_yield: bool,
    ) -> SwitchAction {
        let Some(st) = self.pct() else {
            return SwitchAction::Continue;
        };
        let (mut queued, mut rivals) = (
            std::mem::take(&mut st.queued),
            std::mem::take(&mut st.rivals),
        );
        queued.clear();
        rivals.clear();
        if can_preempt {
            queued.extend(self.queued_goroutines());
        }
        if can_yield {
            let clock = self.sched.p(p).clock;
            rivals.extend(
                self.sched
                    .running_ps()
                    .filter(|q| q.id != p && q.clock <= clock + INTERLEAVE_WINDOW)
                    .filter_map(|q| q.curg),
            );
        }
        let Some(st) = self.pct() else {
            return SwitchAction::Continue;
        };
        st.count += 1;
        if st.change_points.get(st.next_change) == Some(&st.count) {
            st.next_change += 1;
            let low = u64::from(st.depth).saturating_sub(st.next_change as u64);
            let _ = st.prio(g);
            st.prio[g.index()] = low;
        }
        let mine = st.prio(g);
        let action = if queued.iter().any(|&q| st.prio(q) > mine) {
            SwitchAction::Preempt
        } else if rivals.iter().any(|&q| st.prio(q) > mine) {
            SwitchAction::Yield
        } else {
            SwitchAction::Continue
        };
        st.queued = queued;
        st.rivals = rivals;
        action
    }

    /// PCT's pick among the cores that may act next: the one running the
    /// highest-priority goroutine (a core looking for work comes first).
    pub(crate) fn pct_pick(&mut self, cands: &[ProcId]) -> Option<u32> {
        let mut gs = [None; crate::config::MAX_PROCS as usize];
        for (slot, &p) in gs.iter_mut().zip(cands) {
            *slot = self.sched.p(p).curg;
        }
        let st = self.pct()?;
        let mut best = (0u32, 0u64);
        for (i, g) in gs.iter().take(cands.len()).enumerate() {
            let pr = g.map_or(u64::MAX, |g| st.prio(g));
            if i == 0 || pr > best.1 {
                best = (i as u32, pr);
            }
        }
        Some(best.0)
    }
}

/// The PCT strategy: run 0 is the plain run of the seed; run `r` is PCT
/// with seed `seed + r`, depth `depth`, and `k` = the most switch points seen
/// in a run so far.
#[derive(Clone, Debug)]
pub(crate) struct Pct {
    base: Schedule,
    depth: u32,
    span: u64,
    runs: u64,
    max_runs: u64,
}

impl Pct {
    pub(crate) fn new(base: Schedule, depth: u32, max_runs: u64) -> Pct {
        Pct {
            base,
            depth: depth.max(1),
            span: 1,
            runs: 0,
            max_runs,
        }
    }
}

impl Strategy for Pct {
    fn next(&mut self) -> Option<Job> {
        if self.runs >= self.max_runs {
            return None;
        }
        let r = self.runs;
        self.runs += 1;
        let schedule = if r == 0 {
            self.base.clone()
        } else {
            Schedule {
                seed: self.base.seed.wrapping_add(r),
                policy: Policy::Pct {
                    depth: self.depth,
                    span: self.span,
                },
                ..self.base.clone()
            }
        };
        Some(Job {
            schedule,
            new: true,
            collect_points: false,
        })
    }

    fn finished(&mut self, _job: &Job, run: &RunInfo) {
        self.span = self.span.max(run.switch_points);
    }
}
