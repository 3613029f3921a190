//! schedule() and findRunnable(): how an M with a P finds the next goroutine, including work stealing.

use crate::ids::{GoId, ProcId};
use crate::machine::Machine;
use crate::rng::ChoiceKind;
use crate::sched::p::{MState, PStatus};
use crate::sched::{GLOBAL_FAIRNESS_TICKS, STEAL_TRIES};
use crate::trace::{EventKind, Source};

/// proc.go runqgrab: `usleep(3)` before stealing a running P's `runnext`,
/// "to give the P a chance to schedule it" (a producer that just readied a
/// consumer usually runs it itself at once).
const RUNNEXT_STEAL_SLEEP: u64 = 3_000;

/// What one look for work found.
enum Found {
    /// Run this goroutine (taken from where, and whether it inherits the time slice).
    Run(GoId, Source, bool),
    /// The M sleeps before looking again (runqgrab's pause before stealing `runnext`).
    Sleeping,
    /// No work: the P goes idle.
    Nothing,
}

impl Machine {
    /// One scheduler action on P `p`, which is running but has no goroutine
    /// (proc.go: schedule): find a goroutine and execute it, or idle the P
    /// and park its M.
    pub(crate) fn schedule(&mut self, p: ProcId) {
        let m = self.sched.p(p).m.expect("invariant: a running P has an M");
        let found = match self.sched.p_mut(p).steal_sleep.take() {
            Some((victim, g)) => self.after_steal_sleep(p, victim, g),
            None => self.find_runnable(p),
        };
        match found {
            Found::Sleeping => {}
            Found::Run(g, from, inherit) => {
                if self.sched.ms[m.index()].state == MState::Spinning {
                    // proc.go: resetspinning — the next spinning M takes over the search.
                    self.sched.ms[m.index()].state = MState::Running;
                    self.sched.nmspinning -= 1;
                    self.wakep();
                }
                self.execute(p, g, from, inherit);
            }
            Found::Nothing => {
                let was_spinning = self.sched.ms[m.index()].state == MState::Spinning;
                let now = self.sched.p(p).clock;
                self.emit_at(now, EventKind::ProcIdle { p, m });
                self.pidleput(p);
                self.stopm(m);
                self.sched.idle_now = self.sched.idle_now.max(now);
                // proc.go: findRunnable's "delicate dance": a spinning M that
                // gives up re-checks for work submitted meanwhile.
                if was_spinning && self.work_available() {
                    self.wakep();
                }
            }
        }
    }

    /// Whether any goroutine is queued anywhere.
    fn work_available(&self) -> bool {
        !self.sched.global.is_empty()
            || self
                .sched
                .ps
                .iter()
                .any(|p| p.status != PStatus::Dead && p.has_local_work())
    }

    /// runqgrab after its 3 µs sleep: take the victim's `runnext` if it is
    /// still there, or search again from the start.
    fn after_steal_sleep(&mut self, thief: ProcId, victim: ProcId, g: GoId) -> Found {
        if self.sched.p(victim).runnext == Some(g) {
            self.sched.p_mut(victim).runnext = None;
            self.emit_steal(thief, victim, &[g], true);
            return Found::Run(g, Source::Stolen, false);
        }
        self.find_runnable(thief)
    }

    /// proc.go: findRunnable, in Go's order. Costs simulated time on `p`.
    fn find_runnable(&mut self, p: ProcId) -> Found {
        let now = self.sched.p(p).clock;
        self.run_timers(p, now);
        // Fairness: one G from the global queue every 61st tick (unless the
        // run switched the check off to show what it is for).
        if self.cfg.fidelity.global_fairness
            && self
                .sched
                .p(p)
                .schedtick
                .is_multiple_of(GLOBAL_FAIRNESS_TICKS)
            && !self.sched.global.is_empty()
        {
            if let Some(g) = self.globrunqget(p, 1) {
                return Found::Run(g, Source::GlobalQueue, false);
            }
        }
        if let Some((g, from, inherit)) = self.runqget(p) {
            return Found::Run(g, from, inherit);
        }
        if let Some(g) = self.globrunqget(p, 0) {
            return Found::Run(g, Source::GlobalQueue, false);
        }
        if let Some(g) = self.netpoll(p) {
            return Found::Run(g, Source::Netpoll, false);
        }
        // Spin (steal) only if already spinning, or if fewer than half the
        // busy Ps have spinning Ms (proc.go: findRunnable).
        let m = self.sched.p(p).m.expect("invariant: a running P has an M");
        let spinning = self.sched.ms[m.index()].state == MState::Spinning;
        let busy = self.sched.gomaxprocs - self.sched.npidle();
        if spinning || 2 * self.sched.nmspinning < busy {
            if !spinning {
                self.sched.ms[m.index()].state = MState::Spinning;
                self.sched.nmspinning += 1;
            }
            return self.steal_work(p);
        }
        Found::Nothing
    }

    /// Polls the network without blocking (proc.go: findRunnable step 9):
    /// the first ready goroutine runs here, the rest are injected.
    fn netpoll(&mut self, p: ProcId) -> Option<GoId> {
        let first = self.sched.net_ready.pop_front()?;
        self.sched.last_poll = self.sched.p(p).clock;
        let rest: Vec<GoId> = self.sched.net_ready.drain(..).collect();
        for g in rest {
            self.globrunqput(g);
            self.wakep();
        }
        Some(first)
    }

    /// proc.go: stealWork. Four passes over the other Ps in a random order;
    /// take half of a victim's ring; on the last pass also run the victim's
    /// expired timers and take its `runnext`.
    fn steal_work(&mut self, thief: ProcId) -> Found {
        let n = self.sched.gomaxprocs;
        if n <= 1 {
            return Found::Nothing;
        }
        for pass in 0..STEAL_TRIES {
            let last = pass == STEAL_TRIES - 1;
            // Be the scheduler: the first pass's order decides which P with
            // queued goroutines is robbed, so record those Ps with it.
            let among = if pass == 0 && self.recording_choices() {
                self.stealable(thief)
            } else {
                0
            };
            for victim in self.random_order(n, thief, among) {
                let victim = ProcId(victim);
                if victim == thief || self.sched.p(victim).status == PStatus::Idle {
                    continue;
                }
                self.sched.p_mut(thief).clock += self.cfg.cost.steal_attempt;
                if last {
                    let now = self.sched.p(thief).clock;
                    if self.steal_timers(victim, thief, now) {
                        if let Some((g, from, inherit)) = self.runqget(thief) {
                            return Found::Run(g, from, inherit);
                        }
                    }
                }
                let avail = self.sched.p(victim).runq.len();
                if avail > 0 {
                    // proc.go: runqgrab takes n - n/2.
                    let take = avail - avail / 2;
                    let mut stolen: Vec<GoId> =
                        self.sched.p_mut(victim).runq.drain(..take).collect();
                    self.emit_steal(thief, victim, &stolen, false);
                    let run = stolen.pop().expect("take >= 1");
                    for g in stolen {
                        self.gs[g.index()].p = Some(thief);
                        self.sched.p_mut(thief).runq.push_back(g);
                    }
                    return Found::Run(run, Source::Stolen, false);
                }
                if last {
                    if let Some(g) = self.sched.p(victim).runnext {
                        // proc.go: runqgrab sleeps 3 µs first so a running victim can
                        // run the G it just readied itself; the thief looks again
                        // when it wakes (after_steal_sleep), while the others run.
                        if self.sched.p(victim).status == PStatus::Running {
                            let pp = self.sched.p_mut(thief);
                            pp.clock += RUNNEXT_STEAL_SLEEP;
                            pp.steal_sleep = Some((victim, g));
                            return Found::Sleeping;
                        }
                        self.sched.p_mut(victim).runnext = None;
                        self.emit_steal(thief, victim, &[g], true);
                        return Found::Run(g, Source::Stolen, false);
                    }
                }
            }
        }
        Found::Nothing
    }

    fn emit_steal(&mut self, thief: ProcId, victim: ProcId, gs: &[GoId], runnext: bool) {
        self.stats.steals += 1;
        let t = self.sched.p(thief).clock;
        self.emit_at(
            t,
            EventKind::Steal {
                thief,
                victim,
                gs: gs.to_vec(),
                runnext,
            },
        );
    }

    /// The Ps other than `thief` that `steal_work` could take queued
    /// goroutines from now, a bit per P.
    fn stealable(&self, thief: ProcId) -> u64 {
        (0..self.sched.gomaxprocs)
            .map(ProcId)
            .filter(|&v| {
                v != thief
                    && self.sched.p(v).status != PStatus::Idle
                    && !self.sched.p(v).runq.is_empty()
            })
            .fold(0, |mask, v| mask | 1 << v.0)
    }

    /// A pseudo-random visiting order of `0..n`: a random start and a random
    /// increment coprime with `n` (proc.go: randomOrder).
    /// `among` is recorded with the start's draw (see [`Choice::among`]).
    ///
    /// [`Choice::among`]: crate::explore::Choice::among
    fn random_order(&mut self, n: u32, thief: ProcId, among: u64) -> Vec<u32> {
        let coprimes: Vec<u32> = (1..=n).filter(|&i| gcd(i, n) == 1).collect();
        let start = self.choose_among(ChoiceKind::StealOrder, n, None, Some(thief), among);
        let inc = coprimes[self.choose(ChoiceKind::StealOrder, coprimes.len() as u32) as usize];
        (0..n).map(|i| (start + i * inc) % n).collect()
    }
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
