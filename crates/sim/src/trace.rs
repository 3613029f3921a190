//! The trace: one event enum recording every scheduling fact and every observable memory and
//! synchronisation operation, each stamped with its step and simulated time.
//!
//! Events are past-tense facts in Go runtime vocabulary. They are data: the
//! web crate words them ("P2 stole G7, G9 from P0") in the user's language,
//! and the CLI exports them as Chrome trace JSON.

use gosched_lang::bytecode::FuncId;

use crate::ids::{GoId, MId, Nanos, ObjId, ProcId, Step};
use crate::sched::g::WaitReason;

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub step: Step,
    pub time: Nanos,
    pub kind: EventKind,
}

/// Where a goroutine was taken from when it started running.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    Runnext,
    LocalQueue,
    GlobalQueue,
    Stolen,
    Netpoll,
    /// Continues after a system call on the same or another P.
    Syscall,
    /// Goroutine 1 at program start.
    Start,
}

/// Why a running goroutine stopped while still runnable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StopReason {
    /// `runtime.Gosched()`: to the global queue.
    Gosched,
    /// sysmon asked it to stop after its time slice: to the global queue.
    Preempted,
    /// Stop-the-world for `runtime.GOMAXPROCS`: to its P's runnext.
    StopTheWorld,
}

/// A shared memory cell: slot `slot` of heap object `obj`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellId {
    pub obj: ObjId,
    pub slot: u32,
}

/// Synchronisation operations worth showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncOp {
    Lock,
    Unlock,
    RLock,
    RUnlock,
    /// `sync.Mutex` switched to starvation mode.
    Starving,
    WgAdd(i64),
    WgWait,
    CondWait,
    Signal,
    Broadcast,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    // ===== goroutines =====
    /// `go` statement: `g` created by `parent`, put in `p`'s runnext (at its
    /// local queue's tail in a run without runnext, `Config::fidelity`).
    GoCreate {
        g: GoId,
        parent: GoId,
        p: ProcId,
        func: FuncId,
    },
    /// `g` started running on `p` (thread `m`), taken from `from`.
    GoStart {
        g: GoId,
        p: ProcId,
        m: MId,
        from: Source,
    },
    /// `g` stopped running but stays runnable.
    GoStop {
        g: GoId,
        p: ProcId,
        reason: StopReason,
        ran: Nanos,
    },
    /// `g` parked.
    GoBlock {
        g: GoId,
        p: ProcId,
        reason: WaitReason,
        on: Option<ObjId>,
    },
    /// `g` was made runnable by `waker` and put in `p`'s runnext (its local
    /// queue's tail in a run without runnext; the global queue when `p` is
    /// `None`).
    GoUnblock {
        g: GoId,
        waker: Option<GoId>,
        p: Option<ProcId>,
    },
    /// `g` finished.
    GoEnd {
        g: GoId,
        p: ProcId,
    },
    /// `g` was moved out of `p`'s runnext to the tail of its local queue by a
    /// newer goroutine.
    Kicked {
        g: GoId,
        p: ProcId,
    },
    /// `p`'s local queue overflowed: `n` goroutines moved to the global queue.
    Overflow {
        p: ProcId,
        n: u32,
    },
    /// `p` took `n` goroutines from the global queue (one runs, the rest go
    /// to its local queue).
    GlobalTake {
        p: ProcId,
        n: u32,
    },
    /// `thief` stole `gs` from `victim` (the last one runs now).
    Steal {
        thief: ProcId,
        victim: ProcId,
        gs: Vec<GoId>,
        runnext: bool,
    },
    /// sysmon asked `g` on `p` to stop after running `ran` ns.
    PreemptRequest {
        g: GoId,
        p: ProcId,
        ran: Nanos,
    },

    // ===== system calls and the network poller =====
    SyscallEnter {
        g: GoId,
        p: ProcId,
        m: MId,
    },
    /// The syscall returned; `p` is the P it continues on (`None`: no P was
    /// free, the goroutine went to the global queue).
    SyscallExit {
        g: GoId,
        m: MId,
        p: Option<ProcId>,
        same_p: bool,
    },
    /// sysmon took `p` from `from` (blocked in a syscall) and handed it to `to`.
    Handoff {
        p: ProcId,
        from: MId,
        to: Option<MId>,
    },
    /// A network wait completed; the goroutine is ready in the poller.
    NetReady {
        g: GoId,
    },
    /// A timer fired on `p` (waking `g` if it was a sleep).
    TimerFire {
        p: ProcId,
        g: Option<GoId>,
        ch: Option<ObjId>,
    },

    // ===== processors and threads =====
    /// `m` took `p` and started running or spinning.
    ProcStart {
        p: ProcId,
        m: MId,
        spinning: bool,
    },
    /// `p` found nothing to do and went idle; `m` parked.
    ProcIdle {
        p: ProcId,
        m: MId,
    },
    /// A new OS thread was created.
    ThreadCreate {
        m: MId,
    },
    /// `runtime.GOMAXPROCS(n)` changed the number of Ps.
    ProcsChange {
        from: u32,
        to: u32,
    },

    // ===== memory and synchronisation =====
    /// An observable read or write of `cell` by `g`.
    Access {
        g: GoId,
        p: ProcId,
        cell: CellId,
        write: bool,
        atomic: bool,
        func: FuncId,
        pc: u32,
    },
    ChanSend {
        g: GoId,
        ch: ObjId,
    },
    ChanRecv {
        g: GoId,
        ch: ObjId,
        closed: bool,
    },
    ChanClose {
        g: GoId,
        ch: ObjId,
    },
    /// `g`'s `select` went on without blocking: it took case `case` (its
    /// number in source order, on line `line`), or its `default` (`None`).
    /// `ready` cases could proceed, and Go picks among them at random
    /// (select.go: selectgo's poll order).
    Select {
        g: GoId,
        case: Option<u32>,
        line: u32,
        ready: u32,
    },
    Sync {
        g: GoId,
        op: SyncOp,
        addr: CellId,
    },
    /// Data race number `id` (index into the race list) was found.
    Race {
        id: u32,
    },
    /// `g` wrote `bytes` bytes of output.
    Output {
        g: GoId,
        stderr: bool,
        bytes: u32,
    },
    /// The program ended with this exit code.
    Exit {
        code: i32,
    },
}

impl EventKind {
    /// Whether this is a plain memory access (recorded only at full trace level).
    pub fn is_access(&self) -> bool {
        matches!(self, EventKind::Access { .. })
    }
}

/// A 64-bit FNV-1a digest of a trace, for comparing runs across targets and
/// builds (the determinism test compares native and wasm digests of the same
/// runs). It hashes each event's `Debug` text, which has no pointer or
/// platform-width content.
pub fn digest(events: &[Event]) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    for e in events {
        // Writing into a hasher cannot fail.
        let _ = std::fmt::Write::write_fmt(&mut h, format_args!("{e:?}\n"));
    }
    h.0
}

/// [`digest`]'s hash over plain bytes (program output).
pub fn digest_bytes(bytes: &[u8]) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    h.bytes(bytes);
    h.0
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}
