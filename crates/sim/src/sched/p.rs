//! Processors (P) and threads (M): their state, local run queues, timers and sysmon bookkeeping.

use std::collections::VecDeque;

use crate::ids::{GoId, MId, Nanos, ProcId};

/// Capacity of a P's local run queue ring (runtime2.go: `runq [256]guintptr`).
pub const RUNQ_CAP: usize = 256;

/// A P's status (runtime2.go: the `_P*` constants; we follow Go <= 1.25,
/// which still has `_Psyscall`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PStatus {
    /// On the idle list; no M; its local queue is empty.
    Idle,
    /// Owned by an M that runs a goroutine (`curg` is set) or the scheduler
    /// looking for one (`curg` is `None`, the P acts at its `clock`).
    Running,
    /// Its goroutine is in a system call; the P is detached from the M but
    /// not idle, until sysmon retakes it or the call returns.
    Syscall,
    /// Beyond GOMAXPROCS after a shrink; unused.
    Dead,
}

/// A timer in a P's heap: when it fires and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimerEntry {
    pub when: Nanos,
    /// Creation order, to break ties deterministically (FIFO).
    pub seq: u64,
    pub timer: crate::sched::timers::TimerId,
}

#[derive(Clone, Debug)]
pub struct P {
    pub id: ProcId,
    pub status: PStatus,
    pub m: Option<MId>,
    /// The goroutine running on it.
    pub curg: Option<GoId>,
    /// This P's simulated time: when it will execute its next instruction or
    /// scheduler action. Running Ps advance together by always moving the one
    /// that is furthest behind.
    pub clock: Nanos,
    /// The slot run before the ring (runtime2.go: p.runnext).
    pub runnext: Option<GoId>,
    /// The local run queue ring, at most [`RUNQ_CAP`] entries.
    pub runq: VecDeque<GoId>,
    /// Incremented on every schedule that does not inherit a time slice.
    pub schedtick: u64,
    /// Incremented on every system call.
    pub syscalltick: u64,
    /// Min-heap of timers (a `BinaryHeap` of `Reverse`), ordered by `when`.
    pub timers: std::collections::BinaryHeap<std::cmp::Reverse<TimerEntry>>,
    /// sysmon's last look (proc.go: type sysmontick).
    pub sysmon: SysmonTick,
    /// When the current goroutine started running (for the timeline).
    pub run_start: Nanos,
    /// A spinning M on this P is in runqgrab's 3 µs sleep before taking this
    /// victim's `runnext` goroutine; it looks again when it wakes.
    pub steal_sleep: Option<(ProcId, GoId)>,
}

/// What sysmon last saw of a P (proc.go: sysmontick).
#[derive(Clone, Copy, Debug, Default)]
pub struct SysmonTick {
    pub schedtick: u64,
    pub schedwhen: Nanos,
    pub syscalltick: u64,
    pub syscallwhen: Nanos,
}

impl P {
    pub fn new(id: ProcId) -> P {
        P {
            id,
            status: PStatus::Idle,
            m: None,
            curg: None,
            clock: 0,
            runnext: None,
            runq: VecDeque::with_capacity(RUNQ_CAP),
            schedtick: 0,
            syscalltick: 0,
            timers: std::collections::BinaryHeap::new(),
            sysmon: SysmonTick::default(),
            run_start: 0,
            steal_sleep: None,
        }
    }

    /// Whether the P has goroutines queued locally.
    pub fn has_local_work(&self) -> bool {
        self.runnext.is_some() || !self.runq.is_empty()
    }

    pub fn local_len(&self) -> usize {
        self.runq.len() + usize::from(self.runnext.is_some())
    }

    /// The earliest timer deadline, if any.
    pub fn next_timer(&self) -> Option<Nanos> {
        self.timers.peek().map(|t| t.0.when)
    }
}

/// An M's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MState {
    /// Holds a P and runs a goroutine or the scheduler.
    Running,
    /// Holds a P and hunts for work (counted in `nmspinning`).
    Spinning,
    /// Parked on the idle list, no P.
    Idle,
    /// Blocked in a system call with its goroutine (may have lost its P).
    Syscall,
}

#[derive(Clone, Debug)]
pub struct M {
    pub id: MId,
    pub state: MState,
    pub p: Option<ProcId>,
    /// The goroutine it runs or holds in a system call.
    pub curg: Option<crate::ids::GoId>,
    /// The P it held when entering a system call (proc.go: m.oldp).
    pub oldp: Option<ProcId>,
}
