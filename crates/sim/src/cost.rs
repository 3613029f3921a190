//! The cost model: how much simulated time each instruction and runtime operation takes.
//!
//! Numbers are simulated nanoseconds, rounded from measurements of real Go
//! 1.23 on the development machines (see docs/calibration.md for how they
//! were taken). They only need to be right in proportion: they decide how
//! far parallel Ps get relative to each other, when sysmon's 10 ms slice runs
//! out, and the totals the timeline and the compare view show.

/// Simulated costs in nanoseconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostModel {
    /// One bytecode instruction of straight-line code. The loop
    /// `s += i % 7` costs about 1 ns per iteration in compiled Go; our
    /// compiler spends ~4 instructions on it, so an instruction is charged a
    /// quarter of that, rounded up to 1 ns for simplicity of reading
    /// timelines.
    pub instr: u64,
    /// A function call (prologue, frame set-up).
    pub call: u64,
    /// `go f()`: newproc (allocating or reusing a G, runqput).
    pub go_create: u64,
    /// schedule() + execute(): switching to another goroutine on a P.
    pub context_switch: u64,
    /// A channel send or receive that completes without blocking.
    pub chan_op: u64,
    /// Uncontended `sync.Mutex` Lock+Unlock, each.
    pub mutex_op: u64,
    /// An atomic read-modify-write.
    pub atomic_op: u64,
    /// One work-stealing attempt on a victim P.
    pub steal_attempt: u64,
    /// Waking a parked M (futex wake to running on a CPU).
    pub thread_wake: u64,
    /// Creating a new M (clone + thread start).
    pub thread_create: u64,
    /// A blocking system call (`os.ReadFile`).
    pub syscall: u64,
    /// entersyscall + exitsyscall fast path.
    pub syscall_overhead: u64,
    /// A network round trip through the netpoller (`http.Get`).
    pub network: u64,
    /// Allocating a heap object (per object, plus per 8 bytes below).
    pub alloc: u64,
    /// One iteration of mutex spinning (30 x PAUSE).
    pub spin: u64,
}

impl Default for CostModel {
    /// The table of docs/calibration.md ("Proposed simulator cost table"),
    /// measured with Go 1.23.5 `go test -bench` on the development machines.
    fn default() -> CostModel {
        CostModel {
            // LoopMod7: 0.8 ns per iteration of `s += i % 7`.
            instr: 1,
            call: 2,
            // SpawnWait 480 ns minus a handoff, split between create and exit.
            go_create: 200,
            // GoschedSwitchProcs1: 152 ns.
            context_switch: 150,
            // BufferedSendRecv: 70 ns for a send plus a receive.
            chan_op: 35,
            // MutexUncontended: 19 ns for Lock plus Unlock.
            mutex_op: 10,
            // AtomicAddUncontended: 6.3 ns.
            atomic_op: 5,
            steal_attempt: 50,
            // Not measurable from Go code; a futex wake to running on a CPU.
            thread_wake: 5_000,
            thread_create: 20_000,
            // A deliberately slow simulated file read, long enough for
            // sysmon to hand the P to another thread (a real small read is
            // ~300 ns: SyscallRead1DevZero).
            syscall: 50_000,
            // SyscallGetpid: 101 ns through entersyscall/exitsyscall.
            syscall_overhead: 100,
            // A simulated round trip to a server.
            network: 20_000_000,
            alloc: 20,
            // 30 x PAUSE.
            spin: 100,
        }
    }
}
