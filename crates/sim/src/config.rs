//! Run settings: GOMAXPROCS, preemption mode, seed, race detection, the cost model and limits.

use crate::cost::CostModel;

/// How a running goroutine can be preempted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PreemptMode {
    /// Go 1.14+: sysmon signals a goroutine that has run for 10 ms and it
    /// stops at the next instruction, even inside a call-free loop.
    Async,
    /// Go <= 1.13, or `GODEBUG=asyncpreemptoff=1`: a preemption request is
    /// only honoured at a function call (the stack-check prologue) or a
    /// blocking operation, so `for {}` never yields.
    Cooperative,
}

/// Everything that changes a run. Same program + same `Config` = same run.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// GOMAXPROCS at start (1..=64); the program may change it with
    /// `runtime.GOMAXPROCS(n)`.
    pub procs: u32,
    pub preempt: PreemptMode,
    pub seed: u64,
    /// Happens-before race detection (`go run -race`).
    pub race: bool,
    /// What to record in the trace.
    pub trace: TraceLevel,
    pub cost: CostModel,
    pub limits: Limits,
    /// The number of CPUs `runtime.NumCPU` reports.
    pub num_cpu: u32,
    /// Go's scheduling policies, each of which can be switched off to show
    /// what it is for (all on, the default, is Go).
    pub fidelity: Fidelity,
}

/// Scheduling policies of Go's runtime that a run may switch off. Go has no
/// such switches: a run with one off is a "what if" that no Go program can
/// produce, and the page says so. Both are on by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fidelity {
    /// The `runnext` slot (proc.go: runqput with `next`): a goroutine made
    /// runnable by the running one (`go f()`, a channel send that wakes a
    /// receiver, an unlock) runs next on the same P, inheriting the time
    /// slice, instead of waiting at the tail of the local queue. Off, every
    /// runnable goroutine goes to the tail: `go` statements in a loop on one
    /// P then run in order (with it, the last one runs first).
    pub runnext: bool,
    /// The fairness check (proc.go: findRunnable, `schedtick%61 == 0`): every
    /// 61st schedule takes one goroutine from the global queue before the
    /// local one. Off, goroutines in the global queue wait until the local
    /// queue and `runnext` are empty, which two goroutines that keep readying
    /// each other can put off forever.
    pub global_fairness: bool,
}

impl Fidelity {
    /// Go's own policies (everything on).
    pub const GO: Fidelity = Fidelity {
        runnext: true,
        global_fairness: true,
    };

    /// Whether every policy is Go's.
    pub fn is_go(self) -> bool {
        self == Fidelity::GO
    }
}

impl Default for Fidelity {
    fn default() -> Fidelity {
        Fidelity::GO
    }
}

/// How much of the run is recorded as [`crate::trace::Event`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TraceLevel {
    /// Nothing (benchmarks, the explorer).
    Off,
    /// Scheduling facts and synchronisation, but not plain memory accesses.
    Sched,
    /// Everything, including every observable read and write.
    Full,
}

/// Resource limits. Hitting one ends the run with a message naming it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Steps (instructions plus scheduler actions). An instruction that
    /// copies, compares, zeroes or scans more than 1,024 slots counts a step
    /// for each further one (`machine::WORK_IN_A_STEP`), so that this limit
    /// also bounds the host's time.
    pub max_steps: u64,
    /// Goroutines created over the whole run.
    pub max_goroutines: u64,
    /// Estimated heap bytes live after a collection (objects + registers).
    pub max_memory: u64,
    /// Bytes written to stdout and stderr together.
    pub max_output: u64,
    /// Maximum goroutine stack, as Go's `maxstacksize` (1 GB on 64-bit).
    pub max_stack: u64,
    /// Recorded trace events (older runs keep scheduling events only).
    pub max_events: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 200_000_000,
            max_goroutines: 10_000_000,
            max_memory: 1 << 30,
            max_output: 1 << 20,
            // proc.go: main sets maxstacksize = 1000000000 on 64-bit.
            max_stack: 1_000_000_000,
            max_events: 5_000_000,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            procs: 4,
            preempt: PreemptMode::Async,
            seed: 1,
            race: false,
            trace: TraceLevel::Sched,
            cost: CostModel::default(),
            limits: Limits::default(),
            num_cpu: 4,
            fidelity: Fidelity::GO,
        }
    }
}

/// The largest GOMAXPROCS the simulator accepts.
pub const MAX_PROCS: u32 = 64;
