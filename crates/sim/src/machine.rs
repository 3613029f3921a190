//! The machine: one struct that owns a whole run, and the loop that advances it step by step.

use std::sync::Arc;

use gosched_lang::bytecode::{Const, FuncId, Program};

use crate::config::{Config, PreemptMode, TraceLevel, MAX_PROCS};
use crate::heap::{CellsKind, Heap};
use crate::ids::{GoId, MId, Nanos, ObjId, ProcId, Step};
use crate::natives::{self, NativeFn};
use crate::outcome::{LimitKind, Outcome, OutcomeKind, Output};
use crate::race::Race;
use crate::rng::{ChoiceKind, Rng};
use crate::sched::g::{Frame, FrameKind, GStatus, G};
use crate::sched::p::{MState, PStatus, M};
use crate::sched::timers::Timers;
use crate::sched::{Sched, RUNTIME_GOROUTINES, STARTUP_SCHEDTICKS};
use crate::sync::SyncTable;
use crate::trace::{Event, EventKind, Source, StopReason};
use crate::value::Value;

/// Parallel Ps whose clocks are within this many nanoseconds of the one
/// furthest behind may be chosen to act next. It is the width of the
/// "same moment" in which instruction order between cores is random.
pub(crate) const INTERLEAVE_WINDOW: Nanos = 64;

/// Mean length (in instructions) of a burst when several Ps run; bursts are
/// drawn uniformly from `1..=2*mean`. Short enough that a load-add-store
/// sequence is regularly split by another core, long enough to keep the
/// interpreter's dispatch cost low.
const MEAN_BURST: u32 = 40;

/// Longest burst when only one P runs (it still stops at every external
/// event: sysmon, timers, syscall returns).
const SOLO_BURST: u64 = 1 << 16;

/// Slots (values of 8 estimated bytes) an instruction may copy, compare,
/// zero or scan within its one step. An instruction that does more (copying
/// or comparing a large array, `make` of a large slice, a native scanning a
/// long string) counts one more step for each further slot, so that the step
/// limit bounds the host's time and not only the number of instructions: a
/// loop copying a 1M-element array reaches the step limit about as fast as a
/// loop of plain instructions (one slot costs the host about what an
/// instruction does), instead of running for hours inside its step budget.
/// Operations on up to 1,024 slots (almost all) still take exactly one step.
pub(crate) const WORK_IN_A_STEP: u64 = 1024;

/// Allocated bytes that cost the host what one slot of copying does
/// (allocation fills memory in bulk, far faster than slot-by-slot work).
pub(crate) const ALLOC_BYTES_PER_SLOT: u64 = 64;

/// String bytes a native scans for the cost of one slot.
pub(crate) const SCAN_BYTES_PER_SLOT: u64 = 8;

/// Running statistics shown on the page and in `--json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub context_switches: u64,
    pub steals: u64,
    pub preemptions: u64,
    pub handoffs: u64,
    pub goroutines_created: u64,
    pub live_goroutines: u64,
    pub peak_goroutines: u64,
    /// The summed stack sizes of the live goroutines.
    pub live_stack_bytes: u64,
    /// Peak of [`Stats::live_stack_bytes`].
    pub peak_stack_bytes: u64,
    pub instructions: u64,
}

/// A simulated Go program in execution.
#[derive(Clone, Debug)]
pub struct Machine {
    pub(crate) prog: Arc<Program>,
    pub(crate) cfg: Config,
    pub(crate) natives: Arc<[NativeFn]>,
    pub(crate) step: Step,
    pub(crate) rng: Rng,
    /// Goroutines indexed by their Go id (unused ids are dead placeholders).
    pub(crate) gs: Vec<G>,
    pub(crate) sched: Sched,
    pub(crate) heap: Heap,
    pub(crate) globals: ObjId,
    pub(crate) consts: Arc<[Value]>,
    pub(crate) sync: SyncTable,
    pub(crate) timers: Timers,
    pub(crate) race: Option<Box<Race>>,
    pub(crate) cells: crate::cells::Cells,
    pub(crate) trace: Vec<Event>,
    pub(crate) out: Output,
    pub(crate) stats: Stats,
    pub(crate) outcome: Option<Outcome>,
    /// Set when main called `runtime.Goexit`.
    pub(crate) main_goexit: bool,
    /// The burst in progress: which P runs which G, for how many more
    /// steps, up to which simulated time.
    pub(crate) burst: Option<Burst>,
    /// Events recorded over the whole run (the trace may have been drained).
    pub(crate) events_emitted: u64,
    /// The latest time stamped on an event: stamps never go back.
    pub(crate) last_event_time: Nanos,
    /// Depth of natives calling back into bytecode (no blocking inside).
    pub(crate) nested: u32,
    /// Steering by a recorded schedule or an explorer's policy (numbered
    /// choices, overrides, switch points); `None` for a plain run.
    pub(crate) steer: Option<Box<crate::explore::steer::Steer>>,
    /// A switch point made the running core give up its turn: the burst ends.
    pub(crate) burst_cut: bool,
    /// The step at which the panic that ended the run started.
    pub(crate) panic_step: Option<Step>,
    /// Slots the instruction being executed copied, compared or scanned;
    /// settled into steps when it finishes (see [`WORK_IN_A_STEP`]).
    pub(crate) work: u64,
}

impl Machine {
    /// Loads `prog` with `cfg`. Goroutine 1 is ready to run `prog.entry` on P0.
    pub fn new(prog: Arc<Program>, mut cfg: Config) -> Machine {
        cfg.procs = cfg.procs.clamp(1, MAX_PROCS);
        let natives = natives::bind(&prog);
        let mut heap = Heap::new();
        let consts: Vec<Value> = prog
            .consts
            .iter()
            .map(|c| match c {
                Const::Int(v) => Value::Int(*v),
                Const::Float(v) => Value::Float(*v),
                Const::Str(s) => heap.str_value(s),
            })
            .collect();
        let globals = heap.alloc_cells(CellsKind::Globals, vec![Value::Nil; prog.globals.len()]);
        let race = cfg.race.then(|| Box::new(Race::new()));
        let mut m = Machine {
            rng: Rng::new(cfg.seed),
            sched: Sched::new(cfg.procs),
            prog,
            natives,
            step: 0,
            gs: Vec::new(),
            heap,
            globals,
            consts: consts.into(),
            sync: SyncTable::default(),
            timers: Timers::default(),
            race,
            cells: crate::cells::Cells::default(),
            trace: Vec::new(),
            out: Output::default(),
            stats: Stats::default(),
            outcome: None,
            main_goexit: false,
            nested: 0,
            burst: None,
            events_emitted: 0,
            last_event_time: 0,
            steer: None,
            burst_cut: false,
            panic_step: None,
            work: 0,
            cfg,
        };
        let fits = m.init_globals();
        m.start_main();
        if !fits {
            m.limit(LimitKind::Memory);
        }
        m
    }

    /// Package variables start at their zero values (the entry function
    /// then runs their initialisers).
    fn init_globals(&mut self) -> bool {
        let prog = self.prog.clone();
        // Package arrays too big for the memory limit are never allocated:
        // the run ends at the limit before it starts.
        let need = prog
            .globals
            .iter()
            .filter(|gl| self.is_aggregate(gl.ty))
            .fold(0u64, |sum, gl| sum.saturating_add(self.zero_bytes(gl.ty)));
        if self.heap.bytes().saturating_add(need) > self.cfg.limits.max_memory {
            return false;
        }
        for (i, gl) in prog.globals.iter().enumerate() {
            let z = self.zero_value(gl.ty);
            self.heap.slots_mut(self.globals)[i] = z;
        }
        true
    }

    /// Goroutine 1 on P0 with M0, as `rt0_go` leaves it.
    fn start_main(&mut self) {
        let p0 = ProcId(0);
        let g1 = self.sched.next_goid(p0);
        debug_assert_eq!(g1, GoId(1));
        // Ids of the runtime's own goroutines (see RUNTIME_GOROUTINES).
        for _ in 0..RUNTIME_GOROUTINES {
            self.sched.next_goid(p0);
        }
        let entry = self.prog.entry;
        let mut g = G::new(g1, entry, None);
        let nregs = self.prog.func(entry).nregs as usize;
        g.regs = vec![Value::Nil; nregs.max(1)];
        g.frames.push(Frame {
            func: entry,
            pc: 0,
            base: 0,
            closure: None,
            kind: FrameKind::Normal,
            returning: false,
        });
        g.stack_used = frame_bytes(self.prog.func(entry).nregs);
        self.put_g(g);
        self.stats.goroutines_created = 1;
        self.stats.live_goroutines = 1;
        self.stats.peak_goroutines = 1;
        self.sched.pidle.retain(|&p| p != p0);
        self.sched.ms.push(M {
            id: MId(0),
            state: MState::Running,
            p: Some(p0),
            curg: None,
            oldp: None,
        });
        let pp = self.sched.p_mut(p0);
        pp.status = PStatus::Running;
        pp.m = Some(MId(0));
        self.emit_at(
            0,
            EventKind::ProcStart {
                p: p0,
                m: MId(0),
                spinning: false,
            },
        );
        self.sched.p_mut(p0).schedtick = STARTUP_SCHEDTICKS;
        self.execute(p0, g1, Source::Start, false);
        // Package os's init (run before main.main) calls SetFinalizer, which
        // starts the runtime's finalizer goroutine: it is waiting in P0's
        // runnext when main.main starts, and the first `go` statement kicks
        // it to the local queue, which is visible in run orders.
        let fing = GoId(1 + RUNTIME_GOROUTINES);
        let mut f = G::new(fing, entry, Some((g1, entry, 0)));
        f.system = true;
        self.put_g(f);
        self.runqput(p0, fing, true);
    }

    pub(crate) fn put_g(&mut self, g: G) {
        let i = g.id.index();
        while self.gs.len() <= i {
            let id = GoId(self.gs.len() as u32);
            let mut dead = G::new(id, FuncId(0), None);
            dead.status = GStatus::Dead;
            self.gs.push(dead);
        }
        if g.status != GStatus::Dead {
            self.stats.live_stack_bytes += g.stack_size;
            self.stats.peak_stack_bytes =
                self.stats.peak_stack_bytes.max(self.stats.live_stack_bytes);
        }
        self.gs[i] = g;
    }

    // ===== public driving API =====

    /// Whether the program has ended.
    pub fn finished(&self) -> bool {
        self.outcome.is_some()
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.step
    }

    /// Runs until the program ends or `max` more steps have been taken.
    /// Returns whether the program ended.
    pub fn run(&mut self, max: u64) -> bool {
        let target = self.step.saturating_add(max);
        while self.outcome.is_none() && self.step < target {
            self.tick(target);
        }
        self.end_without_step();
        self.outcome.is_some()
    }

    /// A run can end without taking a step: at the step limit, or when
    /// nothing can run any more (checkdead). Settles that at once, so that a
    /// run stopped at its last step is in the same state (ended) whether it
    /// got there in one call or several, or by seeking.
    fn end_without_step(&mut self) {
        if self.outcome.is_some() || self.burst.is_some() {
            return;
        }
        if self.step >= self.cfg.limits.max_steps {
            self.limit(LimitKind::Steps);
        } else if self.sched.running_ps().next().is_none() && self.next_external().is_none() {
            self.check_dead();
        }
    }

    /// Runs to the end (or a limit).
    pub fn run_to_end(&mut self) -> &Outcome {
        while self.outcome.is_none() {
            self.tick(Step::MAX);
        }
        self.outcome.as_ref().expect("just checked")
    }

    /// Runs until the next step that records an event (the page's "step"),
    /// or the end. Returns whether anything happened.
    pub fn step_event(&mut self) -> bool {
        let n = self.trace.len();
        let start = self.step;
        while self.outcome.is_none() && self.trace.len() == n && self.step - start < 10_000_000 {
            let t = self.step + 1;
            self.tick(t);
        }
        self.trace.len() > n
    }

    // ===== the loop =====

    /// One decision: handle a due external event, or let the P furthest
    /// behind act (a burst of instructions or one scheduler action).
    fn tick(&mut self, target: Step) {
        if self.step >= self.cfg.limits.max_steps {
            self.limit(LimitKind::Steps);
            return;
        }
        if self.burst.is_some() {
            self.continue_burst(target);
            return;
        }
        let min_clock = self.sched.running_ps().map(|p| p.clock).min();
        if let Some((t, ext)) = self.next_external() {
            if min_clock.is_none_or(|c| t <= c) {
                self.step += 1;
                self.handle_external(ext, t);
                return;
            }
        }
        let Some(p) = self.pick_actor() else {
            self.check_dead();
            return;
        };
        let Some(g) = self.sched.p(p).curg else {
            self.step += 1;
            self.schedule(p);
            return;
        };
        if self.gs[g.index()].system {
            // The finalizer goroutine finds nothing to do and parks.
            self.step += 1;
            self.gs[g.index()].park = crate::sched::g::Park::Forever;
            self.park(p, crate::sched::g::WaitReason::FinalizerWait, None);
            return;
        }
        if self.gs[g.index()].preempt && self.cfg.preempt == PreemptMode::Async {
            // The async preemption signal lands: the goroutine stops at once.
            self.step += 1;
            self.gosched(p, StopReason::Preempted);
            return;
        }
        if self.heap.wants_gc() {
            self.collect_garbage();
        }
        let horizon = self.burst_horizon(p);
        let left = self.burst_len();
        self.burst = Some(Burst {
            p,
            g,
            left,
            horizon,
            capped: false,
        });
        self.continue_burst(target);
    }

    /// Runs (more of) the current burst, stopping at `target`. A burst cut
    /// short by `target` resumes on the next call exactly where it stopped,
    /// so running to a step in one call or in many gives the same run: its
    /// room (how many instructions fit before the horizon) is fixed when it
    /// starts, and it ends at the horizon only where the interpreter checks
    /// the clock (after a slow-path instruction or an unobserved memory
    /// access), never at a chunk boundary.
    fn continue_burst(&mut self, target: Step) {
        let Some(mut b) = self.burst else { return };
        if self.sched.p(b.p).curg != Some(b.g) || self.outcome.is_some() {
            self.burst = None;
            return;
        }
        if !b.capped {
            let cost = self.cfg.cost.instr.max(1);
            let room = b.horizon.saturating_sub(self.sched.p(b.p).clock) / cost + 1;
            b.left = b.left.min(room).max(1);
            b.capped = true;
        }
        let budget = b.left.min(target.saturating_sub(self.step)).max(1);
        let before = self.step;
        let at_horizon = self.exec(b.p, budget, b.horizon);
        let done = self.step - before;
        let cut = std::mem::take(&mut self.burst_cut);
        let going = !cut
            && !at_horizon
            && b.left > done
            && self.outcome.is_none()
            && self.sched.p(b.p).curg == Some(b.g);
        self.burst = going.then(|| Burst {
            left: b.left - done,
            ..b
        });
    }

    /// The running P that acts next: the one furthest behind in time, chosen
    /// at random among those within [`INTERLEAVE_WINDOW`] of it.
    fn pick_actor(&mut self) -> Option<ProcId> {
        let min = self.sched.running_ps().map(|p| p.clock).min()?;
        let mut cands = [ProcId(0); MAX_PROCS as usize];
        let mut n = 0;
        for p in self.sched.running_ps() {
            if p.clock <= min + INTERLEAVE_WINDOW {
                cands[n] = p.id;
                n += 1;
            }
        }
        if n == 1 {
            return Some(cands[0]);
        }
        let drawn = self.rng.below(n as u32);
        let base = if self.policy_picks_cores() {
            self.pct_pick(&cands[..n]).unwrap_or(drawn)
        } else {
            drawn
        };
        let i = self.steered(ChoiceKind::Interleave, n as u32, base);
        Some(cands[i as usize % n])
    }

    /// How far (in simulated time) P `p` may run in this burst: up to the
    /// next external event, and not past the other running Ps by more than
    /// the interleaving window.
    fn burst_horizon(&self, p: ProcId) -> Nanos {
        let ext = self.next_external().map_or(Nanos::MAX, |(t, _)| t);
        let others = self
            .sched
            .running_ps()
            .filter(|q| q.id != p)
            .map(|q| q.clock)
            .min();
        match others {
            Some(c) => ext.min(c + INTERLEAVE_WINDOW + 1),
            None => ext,
        }
    }

    fn burst_len(&mut self) -> u64 {
        if self.sched.running_ps().nth(1).is_none() {
            SOLO_BURST
        } else {
            1 + u64::from(self.choose(ChoiceKind::Interleave, 2 * MEAN_BURST))
        }
    }

    /// Draws a choice in `0..n` from the seeded RNG; in a steered run it is
    /// numbered and may be overridden by the schedule (`explore/steer.rs`).
    /// The RNG is drawn either way, so an override changes only its own choice.
    pub(crate) fn choose(&mut self, kind: ChoiceKind, n: u32) -> u32 {
        let drawn = self.rng.below(n.max(1));
        self.steered(kind, n.max(1), drawn)
    }

    /// [`Machine::choose`] for a choice a person can make instead (be the
    /// scheduler): records who makes it and what it really picks among.
    pub(crate) fn choose_among(
        &mut self,
        kind: ChoiceKind,
        n: u32,
        g: Option<GoId>,
        p: Option<ProcId>,
        among: u64,
    ) -> u32 {
        let drawn = self.rng.below(n.max(1));
        self.steered_among(kind, n.max(1), drawn, g, p, among)
    }

    /// The current simulated time: the clock of the P furthest behind, or
    /// the time of the last event when nothing runs.
    pub fn now(&self) -> Nanos {
        self.sched
            .running_ps()
            .map(|p| p.clock)
            .min()
            .unwrap_or(self.sched.idle_now)
            .max(self.sched.idle_now)
    }

    // ===== external events =====

    fn next_external(&self) -> Option<(Nanos, External)> {
        let mut best: Option<(Nanos, External)> = None;
        let mut consider = |t: Nanos, e: External| {
            if best.is_none_or(|(b, _)| t < b) {
                best = Some((t, e));
            }
        };
        if !self.sched.sysmon.asleep {
            consider(self.sched.sysmon.next, External::Sysmon);
        }
        if let Some((i, w)) = self
            .sched
            .syscalls
            .iter()
            .enumerate()
            .min_by_key(|(_, w)| (w.until, w.g))
        {
            consider(w.until, External::SyscallReturn(i));
        }
        if let Some((i, w)) = self
            .sched
            .net_waits
            .iter()
            .enumerate()
            .min_by_key(|(_, w)| (w.until, w.g))
        {
            consider(w.until, External::NetReady(i));
        }
        if let Some(t) = self.timer_wake() {
            consider(t.0, External::TimerWake(t.1));
        }
        best
    }

    /// When an idle M waiting in the network poller would wake for a timer:
    /// the earliest timer, if some P is idle to run it and nobody is already
    /// looking for work.
    fn timer_wake(&self) -> Option<(Nanos, ProcId)> {
        if self.sched.pidle.is_empty() || self.sched.nmspinning > 0 {
            return None;
        }
        if self.sched.running_ps().any(|p| p.curg.is_none()) {
            return None;
        }
        let (when, owner) = self.earliest_timer()?;
        Some((when.max(self.sched.idle_now), owner))
    }

    fn handle_external(&mut self, ext: External, t: Nanos) {
        self.sched.idle_now = self.sched.idle_now.max(t);
        match ext {
            External::Sysmon => self.sysmon_round(t),
            External::SyscallReturn(i) => {
                let w = self.sched.syscalls.swap_remove(i);
                self.exit_syscall(w);
            }
            External::NetReady(i) => {
                let w = self.sched.net_waits.swap_remove(i);
                self.net_complete(w);
            }
            External::TimerWake(owner) => {
                // The thread blocked in netpoll wakes at the deadline and takes
                // an idle P: the timer's own if idle, else any (it will steal
                // the timer in its last stealing pass).
                if self.sched.p(owner).status == PStatus::Idle {
                    self.sched.pidle.retain(|&p| p != owner);
                    self.startm(owner, false);
                } else if let Some(p) = self.sched.pidle.pop() {
                    self.sched.nmspinning += 1;
                    self.startm(p, true);
                }
                self.sched.sysmon.wake(t);
            }
        }
    }

    // ===== deadlock =====

    /// Nothing runs and nothing will happen by itself (proc.go: checkdead).
    fn check_dead(&mut self) {
        let waiting = self
            .gs
            .iter()
            .filter(|g| !g.system && matches!(g.status, GStatus::Waiting(_)))
            .count();
        if waiting == 0
            || (self.main_goexit
                && self
                    .gs
                    .iter()
                    .all(|g| g.system || g.is_dead() || g.id == GoId(1)))
        {
            if self.main_goexit {
                self.fatal_plain(
                    "fatal error: no goroutines (main called runtime.Goexit) - deadlock!",
                );
            } else {
                self.internal_error("the scheduler has nothing to run but no goroutine is waiting");
            }
            return;
        }
        let dump = self.goroutine_dump();
        self.fatal_plain(&format!(
            "fatal error: all goroutines are asleep - deadlock!\n\n{dump}"
        ));
    }

    // ===== trace =====

    /// Records an event at the current time of the acting P (or now).
    pub(crate) fn emit(&mut self, kind: EventKind) {
        let t = self.now();
        self.emit_at(t, kind);
    }

    pub(crate) fn emit_at(&mut self, time: Nanos, kind: EventKind) {
        let level = self.cfg.trace;
        if level == TraceLevel::Off || (level == TraceLevel::Sched && kind.is_access()) {
            return;
        }
        // Past the event limit, memory accesses stop being recorded; past
        // twice the limit, nothing is.
        if self.events_emitted >= self.cfg.limits.max_events
            && (kind.is_access() || self.events_emitted >= self.cfg.limits.max_events * 2)
        {
            return;
        }
        self.events_emitted += 1;
        // Running Ps advance together but not in lockstep: one acting at its
        // clock may be a little behind another that has already recorded an
        // event (at most the interleaving window plus one scheduler action,
        // under a microsecond). The stamp is raised so the trace reads in
        // time order (ARCHITECTURE.md, "Simulated time").
        let time = time.max(self.last_event_time);
        self.last_event_time = time;
        self.trace.push(Event {
            step: self.step,
            time,
            kind,
        });
    }

    // ===== ending the run =====

    pub(crate) fn limit(&mut self, kind: LimitKind) {
        if self.outcome.is_some() {
            return;
        }
        let msg = kind.message(&self.cfg.limits);
        self.out.write_stderr(&format!("{msg}\n"), u64::MAX);
        self.finish(Outcome {
            exit_code: kind.exit_code(),
            kind: OutcomeKind::Limit(kind),
        });
    }

    /// A Go `fatal error:` (or `runtime:` lines then `fatal error:`) with the
    /// current goroutine's traceback when there is one; exit status 2.
    pub(crate) fn fatal(&mut self, text: &str) {
        let tb = self.current_traceback();
        let full = if tb.is_empty() {
            text.to_string()
        } else {
            format!("{text}\n\n{tb}")
        };
        self.fatal_plain(&full);
    }

    pub(crate) fn fatal_plain(&mut self, text: &str) {
        if self.outcome.is_some() {
            return;
        }
        let first = text
            .lines()
            .find(|l| l.starts_with("fatal error:"))
            .unwrap_or(text)
            .to_string();
        // One newline, as Go's traceback ends (no blank line before `exit status 2`).
        let text = text.trim_end_matches('\n');
        self.out.write_stderr(&format!("{text}\n"), u64::MAX);
        self.finish(Outcome {
            exit_code: 2,
            kind: OutcomeKind::Fatal { message: first },
        });
    }

    pub(crate) fn internal_error(&mut self, what: &str) {
        if self.outcome.is_some() {
            return;
        }
        let msg = format!(
            "gosched: internal error: {what} (seed {}, step {}); please report it with the program",
            self.cfg.seed, self.step
        );
        self.out.write_stderr(&format!("{msg}\n"), u64::MAX);
        self.finish(Outcome {
            exit_code: 70,
            kind: OutcomeKind::Internal(msg),
        });
    }

    /// Normal exit (main returned or `os.Exit`). Under the race detector a
    /// run that found races exits 66 instead of 0, as `go run -race` does.
    pub(crate) fn exit(&mut self, code: i32) {
        if self.outcome.is_some() {
            return;
        }
        let mut code = code;
        if let Some(r) = &self.race {
            if !r.reports.is_empty() {
                let n = r.reports.len();
                self.out
                    .write_stderr(&format!("Found {n} data race(s)\n"), u64::MAX);
                if code == 0 {
                    code = 66;
                }
            }
        }
        self.finish(Outcome {
            exit_code: code,
            kind: OutcomeKind::Exited,
        });
    }

    pub(crate) fn finish(&mut self, outcome: Outcome) {
        let code = outcome.exit_code;
        self.emit(EventKind::Exit { code });
        if code != 0 {
            self.out
                .write_stderr(&format!("exit status {code}\n"), u64::MAX);
        }
        self.outcome = Some(outcome);
    }

    // ===== goroutine creation and exit =====

    /// Counts a new goroutine; false if that passes the goroutine limit.
    pub(crate) fn note_goroutine_created(&mut self) -> bool {
        self.stats.goroutines_created += 1;
        self.stats.live_goroutines += 1;
        self.stats.peak_goroutines = self.stats.peak_goroutines.max(self.stats.live_goroutines);
        if self.stats.goroutines_created > self.cfg.limits.max_goroutines {
            self.limit(LimitKind::Goroutines);
            return false;
        }
        true
    }

    /// The goroutine running on `p` has finished (proc.go: goexit0).
    pub(crate) fn goexit0(&mut self, p: ProcId) {
        let Some(g) = self.sched.p(p).curg else {
            return;
        };
        self.emit(EventKind::GoEnd { g, p });
        let gg = &mut self.gs[g.index()];
        gg.status = GStatus::Dead;
        gg.regs = Vec::new();
        gg.frames = Vec::new();
        gg.defers = Vec::new();
        gg.p = None;
        gg.m = None;
        self.stats.live_goroutines -= 1;
        self.stats.live_stack_bytes -= gg.stack_size;
        if let Some(r) = &mut self.race {
            r.goroutine_exit(g);
        }
        self.dropg(p);
        if g == GoId(1) && self.main_goexit {
            // main called Goexit: the program continues until the others end.
        }
    }

    /// Current goroutine's traceback text (for fatal errors), if a P is
    /// running one.
    fn current_traceback(&self) -> String {
        let Some(g) = self.sched.running_ps().find_map(|p| p.curg) else {
            return String::new();
        };
        self.goroutine_header_and_stack(g, "running")
    }

    // ===== garbage collection =====

    pub(crate) fn collect_garbage(&mut self) {
        let mut roots: Vec<Value> = Vec::new();
        for g in &self.gs {
            self.goroutine_roots(g, &mut roots);
        }
        for t in &self.timers.objs {
            if !t.active {
                continue;
            }
            match t.kind {
                crate::sched::timers::TimerKind::Chan { ch, .. } => roots.push(Value::Ref(ch)),
                crate::sched::timers::TimerKind::Func(f) => roots.push(f),
                crate::sched::timers::TimerKind::Sleep(_) => {}
            }
        }
        roots.extend(self.consts.iter().copied());
        let mut extra = vec![self.globals];
        extra.extend(self.sync.objects());
        let freed = self.heap.collect(&roots, &extra);
        if !freed.is_empty() {
            if let Some(r) = &mut self.race {
                r.forget_objects(&freed);
            }
            self.cells.forget_objects(&freed);
        }
        if self.heap.bytes() > self.cfg.limits.max_memory {
            self.limit(LimitKind::Memory);
        }
    }

    /// The values goroutine `g` can reach directly: its live registers,
    /// closures, deferred calls, panic values, and what it is parked with.
    pub(crate) fn goroutine_roots(&self, g: &crate::sched::g::G, roots: &mut Vec<Value>) {
        if g.is_dead() {
            return;
        }
        let top = g.frames.last().map_or(0, |f| {
            f.base as usize + self.prog.func(f.func).nregs as usize
        });
        roots.extend_from_slice(&g.regs[..top.min(g.regs.len())]);
        for f in &g.frames {
            if let Some(c) = f.closure {
                roots.push(Value::Ref(c));
            }
        }
        for d in &g.defers {
            roots.extend_from_slice(&d.args);
            if let crate::sched::g::CallTarget::Closure(c, _) = d.target {
                roots.push(Value::Ref(c));
            }
        }
        if let Some(pn) = &g.panic {
            roots.push(pn.value);
            roots.extend(pn.earlier.iter().map(|e| e.0));
        }
        match &g.park {
            crate::sched::g::Park::Send { val, ch } => {
                roots.push(*val);
                roots.push(Value::Ref(*ch));
            }
            crate::sched::g::Park::Recv { ch, .. } => roots.push(Value::Ref(*ch)),
            crate::sched::g::Park::Select { chans, .. } => {
                roots.extend(chans.iter().map(|c| Value::Ref(*c)))
            }
            _ => {}
        }
    }

    /// Starts a goroutine running func value `f` with no arguments, created
    /// by the runtime (`time.AfterFunc`) on P `p`.
    pub(crate) fn spawn_from_runtime(&mut self, f: Value, p: ProcId) {
        let parent = GoId(1);
        let _ = self.spawn(p, parent, None, f, &[]);
    }
}

/// Simulated stack bytes of a frame with `nregs` registers: 8 bytes a
/// register plus return address and frame pointer, at least 32.
pub(crate) fn frame_bytes(nregs: u16) -> u64 {
    (8 * u64::from(nregs) + 16).max(32)
}

/// A burst of instructions one P runs before the machine chooses again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Burst {
    p: ProcId,
    g: GoId,
    /// Instructions it may still run.
    left: u64,
    horizon: Nanos,
    /// `left` has been capped by the room before the horizon.
    capped: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum External {
    Sysmon,
    SyscallReturn(usize),
    NetReady(usize),
    TimerWake(ProcId),
}

impl Machine {
    /// Everything the program wrote to stdout, as text.
    /// The program's standard output as the bytes it wrote (at most the
    /// output limit; [`Self::stdout_text`] shows invalid UTF-8 as U+FFFD).
    pub fn stdout_bytes(&self) -> &[u8] {
        &self.out.stdout
    }

    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }

    /// Everything written to stderr (program output, panics, race reports).
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
}

impl Machine {
    /// The recorded events.
    pub fn trace(&self) -> &[Event] {
        &self.trace
    }
}

impl Machine {
    /// Removes and returns the events recorded since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.trace)
    }
}

impl Machine {
    /// Data races found so far (empty without the race detector).
    pub fn races(&self) -> &[crate::race::RaceReport] {
        self.race.as_ref().map_or(&[], |r| &r.reports)
    }

    /// The source line of instruction `pc` of `func` (0 outside main.go).
    pub fn line_of(&self, func: FuncId, pc: u32) -> u32 {
        let f = self.prog.func(func);
        let file = &self.prog.files[f.file.index()];
        let span = f.debug.get(pc as usize).map_or(f.span, |d| d.span);
        file.lines.line_col(span.lo).line
    }

    /// The program being run.
    pub fn program(&self) -> &Program {
        &self.prog
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Program output in the order it was written: (is stderr, text).
    pub fn console(&self) -> &[(bool, String)] {
        &self.out.console
    }
}
