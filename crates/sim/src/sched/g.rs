//! Goroutines (G): their status, wait reasons in Go's words, frames, defers and park state.

use gosched_lang::bytecode::{FuncId, NativeId, Reg, TypeId};

use crate::ids::{GoId, MId, Nanos, ObjId, ProcId};
use crate::value::Value;

/// A goroutine's status (runtime2.go: the `_G*` constants we simulate).
///
/// What is true in each state:
/// - `Runnable`: in exactly one run queue (a P's `runnext`, a P's local
///   ring, or the global queue); no M.
/// - `Running`: executing on an M that holds a P; in no queue.
/// - `Waiting`: parked; recorded in exactly one wait structure (a channel's
///   waiter queue, a sync object's semaphore queue, a timer, the netpoller),
///   or in none when waiting forever (nil channel, empty select).
/// - `Syscall`: in a blocking system call on an M that may have lost its P.
/// - `Dead`: finished; its frames and registers are gone.
///
/// If you add a state, also update `view.rs` (token placement) and the
/// deadlock check in `sched/mod.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GStatus {
    Runnable,
    Running,
    Waiting(WaitReason),
    Syscall,
    Dead,
}

/// Why a goroutine waits, with the words Go prints in goroutine dumps
/// (runtime2.go: waitReasonStrings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaitReason {
    ChanSend,
    ChanReceive,
    ChanSendNilChan,
    ChanReceiveNilChan,
    Select,
    SelectNoCases,
    Sleep,
    /// `sync.Mutex.Lock` (Go 1.23 prints `sync.Mutex.Lock`).
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    /// Go 1.23 shows a goroutine in `wg.Wait()` as `semacquire`.
    SyncWaitGroupWait,
    SyncCondWait,
    IoWait,
    /// `runtime.Goexit` from main while others run: main is parked forever.
    Forever,
    /// The runtime's finalizer goroutine, idle.
    FinalizerWait,
}

impl WaitReason {
    /// The text inside `goroutine 1 [...]:`.
    pub fn as_go_str(self) -> &'static str {
        match self {
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Sleep => "sleep",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "semacquire",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::IoWait => "IO wait",
            WaitReason::Forever => "forever",
            WaitReason::FinalizerWait => "finalizer wait",
        }
    }
}

/// One activation record.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub func: FuncId,
    /// Next instruction to execute.
    pub pc: u32,
    /// Start of this frame's register window in [`G::regs`].
    pub base: u32,
    /// The running closure, for `LoadCapture`.
    pub closure: Option<ObjId>,
    pub kind: FrameKind,
    /// The frame executed `Ret` (or recovered from a panic) and is running
    /// its deferred calls before returning.
    pub returning: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    Normal,
    /// A deferred call run by `Ret` or by panic unwinding; `panicking` says
    /// which (only those may `recover`).
    Deferred {
        panicking: bool,
    },
    /// A call made by a native (fmt calling a `String` method, sort calling
    /// `less`): when it returns, control goes back to the native's caller
    /// loop rather than to bytecode.
    Callback,
}

/// A deferred call waiting on the defer stack.
#[derive(Clone, Debug)]
pub struct Defer {
    /// The frame depth (index into `frames`) that registered it.
    pub depth: u32,
    pub target: CallTarget,
    pub args: Box<[Value]>,
}

/// What a `go`, `defer` or native callback calls.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CallTarget {
    Func(FuncId),
    Closure(ObjId, FuncId),
    Native(NativeId),
}

/// A panic in progress on this goroutine.
#[derive(Clone, Debug)]
pub struct Panicking {
    /// The step at which the first panic of the chain started.
    pub step: crate::ids::Step,
    /// The value passed to `panic` (an interface value).
    pub value: Value,
    /// Set by `recover()`.
    pub recovered: bool,
    /// `runtime.Goexit` rather than a panic: runs defers, cannot be recovered.
    pub goexit: bool,
    /// The traceback at the moment of the panic: (func, pc) innermost first.
    pub stack: Vec<(FuncId, u32)>,
    /// Earlier panics this one replaced (a deferred call panicked again),
    /// and whether each had been recovered.
    pub earlier: Vec<(Value, bool)>,
}

/// What a parked goroutine is waiting for, and where results go when it is
/// woken (channel operations deliver straight into its registers).
#[derive(Clone, Debug, PartialEq)]
pub enum Park {
    None,
    /// Blocked receiving: the received value goes to `dst`, success to `ok`.
    Recv {
        ch: ObjId,
        dst: Option<Reg>,
        ok: Option<Reg>,
    },
    /// Blocked sending `val`.
    Send {
        ch: ObjId,
        val: Value,
    },
    /// Blocked in a select over these channels; `dst` gets the case index.
    Select {
        table_func: FuncId,
        table: u32,
        dst: Reg,
        chans: Vec<ObjId>,
    },
    /// Waiting on the semaphore of a sync object at this address.
    Sema {
        addr: (ObjId, u32),
    },
    /// Sleeping until the time.
    Sleep {
        until: Nanos,
    },
    /// Waiting on the network until the time.
    Net {
        until: Nanos,
    },
    Forever,
}

/// A goroutine.
#[derive(Clone, Debug)]
pub struct G {
    pub id: GoId,
    pub status: GStatus,
    pub regs: Vec<Value>,
    pub frames: Vec<Frame>,
    pub defers: Vec<Defer>,
    pub panic: Option<Panicking>,
    pub park: Park,
    /// The P whose queue or execution holds it (for views); `None` when
    /// waiting, dead, or in the global queue.
    pub p: Option<ProcId>,
    /// The M running it, or holding it in a syscall.
    pub m: Option<MId>,
    /// Preemption requested by sysmon (or a stop-the-world).
    pub preempt: bool,
    /// When it last started running, waiting, or became runnable.
    pub since: Nanos,
    /// Function it started in.
    pub start_func: FuncId,
    /// Who created it, and where (for `created by` and race reports).
    pub parent: Option<(GoId, FuncId, u32)>,
    /// Simulated stack size in bytes (starts at 2 KiB, doubles).
    pub stack_size: u64,
    /// Simulated stack bytes in use by its frames.
    pub stack_used: u64,
    /// Mutex spin iterations done in the current Lock attempt.
    pub spins: u8,
    /// When this goroutine started waiting for the mutex it wants (for
    /// starvation mode), if any.
    pub lock_wait_start: Option<Nanos>,
    /// Stopped at a switch point by the explorer: the instruction it
    /// stopped before runs next without a second decision (cleared as soon
    /// as it executes anything).
    pub switched: bool,
    /// Set when a semaphore owner handed the object directly to this
    /// goroutine (starvation-mode mutex handoff, WaitGroup release).
    pub handed_off: bool,
    /// A native that blocked and must run again when woken (e.g. a mutex
    /// Lock that competes again after being woken in normal mode).
    pub retry: bool,
    /// Element type of the channel it waits on, for zero values on close.
    pub wait_elem: Option<TypeId>,
    /// Two-step map write in progress on this map (concurrent-write check).
    pub map_writing: Option<ObjId>,
    /// A runtime panic to raise as soon as it runs again (a sender woken by
    /// `close`: `send on closed channel`).
    pub pending_panic: Option<String>,
    /// A runtime-internal goroutine (not the program's): it runs no
    /// bytecode, is not counted by NumGoroutine or the deadlock check.
    pub system: bool,
}

/// Go's starting stack (stack.go: stackMin = 2048).
pub const STACK_MIN: u64 = 2048;

impl G {
    pub fn new(id: GoId, start_func: FuncId, parent: Option<(GoId, FuncId, u32)>) -> G {
        G {
            id,
            status: GStatus::Runnable,
            regs: Vec::new(),
            frames: Vec::new(),
            defers: Vec::new(),
            panic: None,
            park: Park::None,
            p: None,
            m: None,
            preempt: false,
            since: 0,
            start_func,
            parent,
            stack_size: STACK_MIN,
            stack_used: 0,
            spins: 0,
            lock_wait_start: None,
            switched: false,
            handed_off: false,
            retry: false,
            wait_elem: None,
            map_writing: None,
            pending_panic: None,
            system: false,
        }
    }

    pub fn is_dead(&self) -> bool {
        self.status == GStatus::Dead
    }

    /// The (func, pc) of each frame, innermost first, for tracebacks. Every
    /// frame's pc is already past the instruction it is executing (the
    /// interpreter advances before executing; a call or a parked operation
    /// leaves it past), so the instruction is `pc - 1`.
    pub fn traceback(&self) -> Vec<(FuncId, u32)> {
        self.frames
            .iter()
            .rev()
            // A frame still at pc 0 is in its prologue (a stack overflow):
            // `u32::MAX` stands for "the function's declaration line".
            .map(|f| (f.func, f.pc.checked_sub(1).unwrap_or(u32::MAX)))
            .collect()
    }
}
