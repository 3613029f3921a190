//! What the simulator simplifies compared with the real Go runtime, as a list the page shows.
//!
//! Each entry has a stable id (the web crate translates by id) and the
//! English text. ARCHITECTURE.md repeats this list; keep them in step.

/// One simplification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assumption {
    pub id: &'static str,
    pub text: &'static str,
}

/// Everything the simulator does differently from Go 1.23 on linux/amd64.
pub fn assumptions() -> &'static [Assumption] {
    &[
        Assumption { id: "time", text: "Time is simulated: each bytecode instruction costs about 1 ns and runtime operations cost what they measured on real Go (see docs/calibration.md). The clock starts at 2009-11-10 23:00 UTC, like the Go Playground's." },
        Assumption { id: "interleaving", text: "Parallel Ps advance together in simulated time; which core executes its next instructions first is drawn from the seeded random generator, so memory accesses interleave at instruction granularity, as on real hardware." },
        Assumption { id: "event-times", text: "Cores are simulated one action at a time, always moving the one furthest behind; an event is never stamped earlier than one already recorded, so times in the event log can be up to about a microsecond later than the core's own clock." },
        Assumption { id: "gc", text: "There is no garbage-collector pause or stop-the-world: memory is reclaimed invisibly, and GC worker goroutines do not exist." },
        Assumption { id: "runtime-goroutines", text: "Of the runtime's own goroutines only the finalizer goroutine is simulated (it sits in P0's runnext at start, as in Go); ids 2 to 5 are reserved for them, so user goroutines start at 6. P0 starts with the 3 schedules Go makes for them, so its every-61st check of the global queue falls where Go's does." },
        Assumption { id: "policies", text: "Two of Go's scheduling policies can be switched off in the settings: the runnext slot and the every-61st check of the global queue. Go has no such switches; a run with one off is a \"what if\" no Go program can produce, and the page marks it." },
        Assumption { id: "syscalls", text: "os.ReadFile is a simulated blocking system call of 50 µs (there is no file system; it always fails with 'no such file or directory'). http.Get is a simulated 20 ms network wait; localhost refuses connections, other hosts answer 200 OK." },
        Assumption { id: "threads", text: "OS threads are created instantly after a fixed cost; thread wake-up takes 5 µs. There is no template thread and no LockOSThread." },
        Assumption { id: "preemption", text: "Asynchronous preemption lands at the next instruction after sysmon asks; cooperative mode stops only at function calls (every call has a stack check, even small leaf functions Go would inline or mark nosplit)." },
        Assumption { id: "max-alloc", text: "One allocation may be at most as large as the memory limit: make([]int, 1<<40) panics with makeslice: len out of range, as Go does past its own (much larger) bound, instead of running out of memory." },
        Assumption { id: "stacks", text: "Goroutine stacks grow by doubling from 2 KiB as frames are pushed (8 bytes per register), and never shrink." },
        Assumption { id: "race", text: "The race detector keeps a full happens-before history (no ThreadSanitizer history limit), sees every access at the granularity of a variable, field or element, and treats a map operation as an access to the whole map." },
        Assumption { id: "timers", text: "Timer channels follow Go 1.23 semantics (Stop and Reset discard unreceived values), but are implemented as 1-buffered channels: len and cap of a timer channel report 1 instead of 0." },
        Assumption { id: "select", text: "select chooses uniformly among ready cases with the seeded random generator." },
        Assumption { id: "maps", text: "Map iteration starts at a random entry (seeded) and follows insertion order from there; Go's bucket order is more scrambled." },
        Assumption { id: "addresses", text: "Printed pointer addresses (%p, %v of pointers in structs) are stand-ins derived from object ids, not real addresses." },
        Assumption { id: "callbacks", text: "String and Error methods called by fmt, and panic values' methods, run atomically inside one step and may not block." },
    ]
}
