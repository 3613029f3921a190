//! The scheduler: goroutines (G) on OS threads (M) holding processors (P), as Go's `proc.go` does.
//!
//! # Vocabulary
//!
//! A **G** is a goroutine. An **M** is an OS thread. A **P** is a processor:
//! the right to run Go code. There are exactly GOMAXPROCS Ps; an M must hold a
//! P to run a G, and an M blocked in a system call may lose its P to another
//! M. (Go's design doc: "Scalable Go Scheduler Design", Vyukov 2012.)
//!
//! # What we simulate, and how time works
//!
//! The machine is single-threaded and deterministic, but the program it runs
//! is parallel in *simulated* time. Every running P has its own clock. The
//! machine repeatedly takes the running P whose clock is furthest behind
//! (choosing at random, through the seeded RNG, among Ps within a small window
//! of it) and lets it act for a short random burst: a few bytecode
//! instructions of its goroutine, or one scheduler action (finding the next
//! goroutine, stealing). So with GOMAXPROCS=4, four goroutines advance
//! together, and their instructions interleave at random points — a
//! `counter++` split into load, add and store loses updates exactly as on
//! real hardware. With GOMAXPROCS=1 there is one clock and goroutines
//! interleave only where Go would switch: blocking, `Gosched`, preemption.
//!
//! The hard problem Go's scheduler solves is keeping Ps busy without wasting
//! threads: parking Ms that have nothing to do, and waking just enough of
//! them when work appears. Go rejects (1) a central queue (contention), (2)
//! waking a thread on every new goroutine (wasted wake-ups) and (3) never
//! waking (idle cores). It keeps **per-P queues** with a `runnext` slot, a
//! **global queue** for overflow and fairness, and at most a few **spinning**
//! Ms that look for work to steal; `wakep` starts one when work appears and
//! none is spinning. We follow the same protocol step by step:
//!
//! 1. `go f()` (newproc) puts the new G in the creating P's `runnext`,
//!    kicking the previous occupant to the tail of the local ring, then calls
//!    `wakep`.
//! 2. Waking a G (channel handoff, unlock, timer) puts it in the **waker's**
//!    P's `runnext` (proc.go: ready), then `wakep`.
//! 3. A P looking for work (findRunnable) checks, in order: its timers; the
//!    global queue every 61st tick (fairness); its `runnext` then ring; the
//!    global queue (a batch); the network poller; then steals — 4 passes over
//!    the other Ps in a random order, taking half of a victim's ring, and its
//!    `runnext` only in the last pass. Spinning is capped at half the busy Ps.
//! 4. Finding nothing, the P goes idle and its M parks.
//! 5. `Gosched` and preemption put the G at the tail of the global queue.
//! 6. sysmon, a thread without a P, wakes every 20 µs (backing off to 10 ms
//!    when idle), preempts a G that has run for 10 ms, and retakes a P whose G
//!    is blocked in a system call, handing it to another M.
//!
//! Policy constants carry their Go source next to them. Every random choice
//! goes through [`crate::rng::Rng`] and is recorded with its
//! [`crate::rng::ChoiceKind`].

pub mod g;
pub mod p;
pub mod sysmon;
pub mod timers;

mod find;
mod syscall;

use std::collections::VecDeque;

use crate::ids::{GoId, MId, ProcId};
use crate::machine::Machine;
use crate::sched::g::GStatus;
use crate::sched::p::{MState, PStatus, M, P, RUNQ_CAP};
use crate::trace::{EventKind, Source};

pub use syscall::{NetWait, SyscallWait};

/// Ids are handed out in batches per P (proc.go: `_GoidCacheBatch = 16`).
pub const GOID_CACHE_BATCH: u32 = 16;

/// How many Gs move when a local queue overflows: half the ring
/// (proc.go: runqputslow takes `n/2` = 128, plus the new G).
pub const OVERFLOW_BATCH: usize = RUNQ_CAP / 2;

/// The global queue is checked first every 61st schedule (proc.go:
/// findRunnable), so two goroutines that keep readying each other through
/// `runnext` cannot starve the global queue forever. 61 is prime so the
/// check does not synchronise with other periodic behaviour.
pub const GLOBAL_FAIRNESS_TICKS: u64 = 61;

/// Work-stealing passes (proc.go: stealWork, `stealTries = 4`).
pub const STEAL_TRIES: u32 = 4;

/// The most threads a program may have (proc.go: schedinit,
/// `sched.maxmcount = 10000`).
pub const MAX_THREADS: usize = 10_000;

/// Goroutine ids 2..=5 belong to the runtime's own goroutines in real Go
/// (forcegc helper, background sweeper, scavenger, finalizer), created from
/// P0's first batch before main runs; the first user goroutine is 6. We do not
/// simulate them but keep their ids taken.
pub const RUNTIME_GOROUTINES: u32 = 4;

/// Schedules P0 has made when main.main starts. Real Go runs the runtime's
/// own goroutines first (proc.go: runtime.main starts the forcegc helper,
/// then gcenable starts the background sweeper and scavenger and waits for
/// both), and each `execute` that does not inherit a time slice bumps
/// `schedtick`. We do not simulate those goroutines, so P0 starts with their
/// ticks; that keeps the phase of the every-61st fairness check where Go
/// has it. Measured, not derived: with 3, goroutine 0 of
/// tests/programs/sched/global_fairness.go runs at position 118 as it does
/// under Go 1.23 (0 gives 121).
pub const STARTUP_SCHEDTICKS: u64 = 3;

/// Scheduler state shared by all Ps and Ms (Go's `schedt` plus `allp`/`allm`).
#[derive(Clone, Debug)]
pub struct Sched {
    pub ps: Vec<P>,
    pub ms: Vec<M>,
    /// GOMAXPROCS.
    pub gomaxprocs: u32,
    /// The global run queue.
    pub global: VecDeque<GoId>,
    /// Idle Ps, used as a stack (proc.go: pidleput/pidleget).
    pub pidle: Vec<ProcId>,
    /// Idle Ms, used as a stack (proc.go: mput/mget).
    pub midle: Vec<MId>,
    pub nmspinning: u32,
    /// Next goroutine id from the shared generator (proc.go: sched.goidgen).
    pub goidgen: u32,
    /// Per-P goid cache: next id and end of batch.
    pub goid_cache: Vec<(u32, u32)>,
    /// Goroutines blocked in system calls, by completion time.
    pub syscalls: Vec<SyscallWait>,
    /// Goroutines waiting on the network.
    pub net_waits: Vec<NetWait>,
    /// Network waits that completed and wait for someone to poll.
    pub net_ready: VecDeque<GoId>,
    /// When the network was last polled (proc.go: sched.lastpoll).
    pub last_poll: u64,
    /// When the machine last did anything; the time of events while no P runs.
    pub idle_now: u64,
    pub sysmon: sysmon::Sysmon,
}

impl Sched {
    pub fn new(procs: u32) -> Sched {
        let ps = (0..procs).map(|i| P::new(ProcId(i))).collect();
        Sched {
            ps,
            ms: Vec::new(),
            gomaxprocs: procs,
            global: VecDeque::new(),
            pidle: (0..procs).rev().map(ProcId).collect(),
            midle: Vec::new(),
            nmspinning: 0,
            goidgen: 0,
            goid_cache: vec![(0, 0); procs as usize],
            syscalls: Vec::new(),
            net_waits: Vec::new(),
            net_ready: VecDeque::new(),
            last_poll: 0,
            idle_now: 0,
            sysmon: sysmon::Sysmon::new(),
        }
    }

    pub fn p(&self, p: ProcId) -> &P {
        &self.ps[p.index()]
    }

    pub fn p_mut(&mut self, p: ProcId) -> &mut P {
        &mut self.ps[p.index()]
    }

    /// Number of idle Ps.
    pub fn npidle(&self) -> u32 {
        self.pidle.len() as u32
    }

    /// Ps that are running (with or without a goroutine) — the actors.
    pub fn running_ps(&self) -> impl Iterator<Item = &P> {
        self.ps.iter().filter(|p| p.status == PStatus::Running)
    }

    /// The next goroutine id for a goroutine created on `p`
    /// (proc.go: newproc1's goid cache).
    pub fn next_goid(&mut self, p: ProcId) -> GoId {
        let cache = &mut self.goid_cache[p.index()];
        if cache.0 == cache.1 {
            self.goidgen += GOID_CACHE_BATCH;
            *cache = (self.goidgen - GOID_CACHE_BATCH + 1, self.goidgen + 1);
        }
        let id = cache.0;
        cache.0 += 1;
        GoId(id)
    }
}

// ===== impl Machine: run queues =====

impl Machine {
    /// Puts `g` on `p`'s local queue; in `runnext` when `next` (proc.go:
    /// runqput). A goroutine kicked out of `runnext` goes to the ring's tail;
    /// a full ring moves half of itself to the global queue. With the
    /// `runnext` policy switched off ([`crate::config::Fidelity`]) every
    /// goroutine goes to the tail.
    pub(crate) fn runqput(&mut self, p: ProcId, g: GoId, next: bool) {
        self.set_runnable(g, Some(p));
        if next && self.cfg.fidelity.runnext {
            let old = self.sched.p_mut(p).runnext.replace(g);
            if let Some(old) = old {
                self.emit(EventKind::Kicked { g: old, p });
                self.runqput_tail(p, old);
            }
        } else {
            self.runqput_tail(p, g);
        }
    }

    fn runqput_tail(&mut self, p: ProcId, g: GoId) {
        let pp = self.sched.p_mut(p);
        if pp.runq.len() < RUNQ_CAP {
            pp.runq.push_back(g);
            return;
        }
        // proc.go: runqputslow — half of the ring plus the new G to the global queue.
        let moved: Vec<GoId> = pp
            .runq
            .drain(..OVERFLOW_BATCH)
            .chain(std::iter::once(g))
            .collect();
        for &m in &moved {
            self.gs[m.index()].p = None;
        }
        self.emit(EventKind::Overflow {
            p,
            n: moved.len() as u32,
        });
        self.sched.global.extend(moved);
    }

    /// Takes the next goroutine from `p`'s local queue: `runnext` first (it
    /// inherits the current time slice), then the ring's head.
    pub(crate) fn runqget(&mut self, p: ProcId) -> Option<(GoId, Source, bool)> {
        let pp = self.sched.p_mut(p);
        if let Some(g) = pp.runnext.take() {
            return Some((g, Source::Runnext, true));
        }
        pp.runq.pop_front().map(|g| (g, Source::LocalQueue, false))
    }

    /// Takes a batch from the global queue: `min(len, len/GOMAXPROCS + 1,
    /// max, 128)` goroutines; the first is returned, the rest go to `p`'s
    /// ring (proc.go: globrunqget).
    pub(crate) fn globrunqget(&mut self, p: ProcId, max: usize) -> Option<GoId> {
        let len = self.sched.global.len();
        if len == 0 {
            return None;
        }
        let mut n = len.min(len / self.sched.gomaxprocs as usize + 1);
        if max > 0 {
            n = n.min(max);
        }
        n = n.min(RUNQ_CAP / 2);
        let first = self.sched.global.pop_front()?;
        for _ in 1..n {
            let Some(g) = self.sched.global.pop_front() else {
                break;
            };
            self.gs[g.index()].p = Some(p);
            self.sched.p_mut(p).runq.push_back(g);
        }
        self.emit(EventKind::GlobalTake { p, n: n as u32 });
        Some(first)
    }

    /// Puts `g` at the tail of the global queue.
    pub(crate) fn globrunqput(&mut self, g: GoId) {
        self.set_runnable(g, None);
        self.sched.global.push_back(g);
    }

    fn set_runnable(&mut self, g: GoId, p: Option<ProcId>) {
        let now = self.now();
        let gg = &mut self.gs[g.index()];
        gg.status = GStatus::Runnable;
        gg.p = p;
        gg.m = None;
        gg.since = now;
    }

    // ===== impl Machine: making goroutines runnable =====

    /// Makes waiting goroutine `g` runnable, woken by the goroutine running on
    /// `waker_p` (proc.go: ready): it goes to that P's `runnext` (its queue's
    /// tail in a run without `runnext`, see `runqput`). Without a
    /// waker P (a timer run by sysmon, the netpoller), it goes to the global
    /// queue. Then `wakep`.
    pub(crate) fn ready(&mut self, g: GoId, waker_p: Option<ProcId>) {
        let waker = waker_p.and_then(|p| self.sched.p(p).curg);
        self.gs[g.index()].park = crate::sched::g::Park::None;
        match waker_p {
            Some(p) if self.sched.p(p).status == PStatus::Running => {
                self.emit(EventKind::GoUnblock {
                    g,
                    waker,
                    p: Some(p),
                });
                self.runqput(p, g, true);
            }
            _ => {
                self.emit(EventKind::GoUnblock { g, waker, p: None });
                self.globrunqput(g);
            }
        }
        self.wakep();
    }

    /// Starts a spinning M on an idle P if there is an idle P and no M is
    /// already spinning (proc.go: wakep). One spinning M at a time is enough:
    /// when it finds work it starts another (resetspinning), so wake-ups
    /// cascade only while there is work to find.
    pub(crate) fn wakep(&mut self) {
        if self.sched.nmspinning != 0 {
            return;
        }
        let Some(p) = self.sched.pidle.pop() else {
            return;
        };
        self.sched.nmspinning += 1;
        self.startm(p, true);
    }

    /// Gives idle P `p` to an idle or new M (proc.go: startm). The P starts
    /// acting after the thread wake-up (or creation) latency.
    pub(crate) fn startm(&mut self, p: ProcId, spinning: bool) {
        let now = self.now();
        let (m, latency) = match self.sched.midle.pop() {
            Some(m) => (m, self.cfg.cost.thread_wake),
            None => {
                if self.sched.ms.len() >= MAX_THREADS {
                    self.fatal("runtime: program exceeds 10000-thread limit\nfatal error: thread exhaustion");
                    return;
                }
                let m = MId(self.sched.ms.len() as u32);
                self.sched.ms.push(M {
                    id: m,
                    state: MState::Idle,
                    p: None,
                    curg: None,
                    oldp: None,
                });
                self.emit(EventKind::ThreadCreate { m });
                (m, self.cfg.cost.thread_create)
            }
        };
        let mm = &mut self.sched.ms[m.index()];
        mm.state = if spinning {
            MState::Spinning
        } else {
            MState::Running
        };
        mm.p = Some(p);
        mm.curg = None;
        let pp = self.sched.p_mut(p);
        pp.status = PStatus::Running;
        pp.m = Some(m);
        pp.curg = None;
        pp.clock = now + latency;
        // Stamped when the M is handed the P; it runs from `now + latency`.
        self.emit_at(now, EventKind::ProcStart { p, m, spinning });
    }

    /// Hands off P `p` whose M can no longer use it (proc.go: handoffp):
    /// start an M for it if there is work, or a spinning M if nobody is
    /// looking for work; otherwise the P goes idle.
    pub(crate) fn handoffp(&mut self, p: ProcId) -> Option<MId> {
        let has_work = self.sched.p(p).has_local_work() || !self.sched.global.is_empty();
        if has_work {
            self.startm(p, false);
            return self.sched.p(p).m;
        }
        if self.sched.nmspinning + self.sched.npidle() == 0 {
            self.sched.nmspinning += 1;
            self.startm(p, true);
            return self.sched.p(p).m;
        }
        // With sleepers or network waiters and no other running P, Go keeps a
        // thread polling; we let sysmon's timer wake-up cover it.
        self.pidleput(p);
        None
    }

    /// Puts P `p` on the idle list (its local queue must be empty).
    pub(crate) fn pidleput(&mut self, p: ProcId) {
        let pp = self.sched.p_mut(p);
        debug_assert!(
            !pp.has_local_work(),
            "invariant: idle Ps have empty local queues"
        );
        pp.status = PStatus::Idle;
        pp.m = None;
        pp.curg = None;
        if !self.sched.pidle.contains(&p) {
            self.sched.pidle.push(p);
        }
    }

    /// Parks M `m` on the idle list (proc.go: stopm).
    pub(crate) fn stopm(&mut self, m: MId) {
        let mm = &mut self.sched.ms[m.index()];
        if mm.state == MState::Spinning {
            self.sched.nmspinning -= 1;
        }
        mm.state = MState::Idle;
        mm.p = None;
        mm.curg = None;
        self.sched.midle.push(m);
    }

    /// Runs `g` on `p` (proc.go: execute). A goroutine that inherits the time
    /// slice (taken from `runnext`) does not bump `schedtick`, so sysmon sees
    /// a producer/consumer pair as one slice.
    pub(crate) fn execute(&mut self, p: ProcId, g: GoId, from: Source, inherit: bool) {
        let now = self.sched.p(p).clock;
        let m = self.sched.p(p).m.expect("invariant: a running P has an M");
        let pp = self.sched.p_mut(p);
        if !inherit {
            pp.schedtick += 1;
        }
        pp.curg = Some(g);
        pp.run_start = now;
        let gg = &mut self.gs[g.index()];
        gg.status = GStatus::Running;
        gg.p = Some(p);
        gg.m = Some(m);
        gg.since = now;
        gg.preempt = false;
        if std::mem::take(&mut gg.retry) {
            // The instruction that blocked (or was preempted before a call)
            // runs again.
            if let Some(f) = gg.frames.last_mut() {
                f.pc -= 1;
            }
        }
        self.sched.ms[m.index()].curg = Some(g);
        self.stats.context_switches += 1;
        self.emit_at(now, EventKind::GoStart { g, p, m, from });
    }

    /// The P's M stops running the current G (it parked, yielded or died).
    pub(crate) fn dropg(&mut self, p: ProcId) {
        let cost = self.cfg.cost.context_switch;
        let pp = self.sched.p_mut(p);
        pp.curg = None;
        pp.clock += cost;
        if let Some(m) = pp.m {
            self.sched.ms[m.index()].curg = None;
        }
    }

    /// `runtime.Gosched()` or a preemption of the G running on `p`: to the
    /// global queue's tail, then `wakep` (proc.go: goschedImpl).
    pub(crate) fn gosched(&mut self, p: ProcId, reason: crate::trace::StopReason) {
        let Some(g) = self.sched.p(p).curg else {
            return;
        };
        let ran = self
            .sched
            .p(p)
            .clock
            .saturating_sub(self.sched.p(p).run_start);
        self.emit(EventKind::GoStop { g, p, reason, ran });
        if reason == crate::trace::StopReason::Preempted {
            self.stats.preemptions += 1;
        }
        self.dropg(p);
        self.globrunqput(g);
        self.wakep();
    }

    /// Parks the G running on `p` (proc.go: gopark/park_m).
    pub(crate) fn park(
        &mut self,
        p: ProcId,
        reason: crate::sched::g::WaitReason,
        on: Option<crate::ids::ObjId>,
    ) {
        let Some(g) = self.sched.p(p).curg else {
            return;
        };
        let now = self.sched.p(p).clock;
        let gg = &mut self.gs[g.index()];
        gg.status = GStatus::Waiting(reason);
        gg.p = None;
        gg.m = None;
        gg.since = now;
        self.emit(EventKind::GoBlock { g, p, reason, on });
        self.dropg(p);
    }
}
