//! gosched-sim: a deterministic simulator of the Go runtime that runs gosched-lang bytecode.
//!
//! A [`Machine`] runs a compiled [`Program`](gosched_lang::bytecode::Program)
//! on a simulated multi-core machine the way the Go runtime would: goroutines
//! (G) on threads (M) holding processors (P), per-P run queues with
//! `runnext`, the global queue, work stealing, sysmon with its preemption and
//! syscall retake, timers, the netpoller, channels, `select`, `sync`,
//! atomics, and a happens-before race detector. It records what happens as
//! [`trace::Event`]s.
//!
//! **Architecture invariants:** the simulator never reads the wall clock,
//! never uses randomness except the one seeded [`rng::Rng`], never depends
//! on hash iteration order, and never touches the file system or a browser
//! API: a run is a pure function of (program, [`Config`], seed), natively
//! and in wasm alike. User errors (panics, deadlocks, races, limits) are
//! outcomes of a run, never Rust panics.

pub mod assumptions;
pub mod cells;
pub mod chan;
pub mod config;
pub mod cost;
pub mod explore;
pub mod export;
pub mod heap;
pub mod ids;
mod interp;
pub mod machine;
pub mod natives;
pub mod outcome;
pub mod race;
pub mod rng;
pub mod sched;
pub mod session;
pub mod sync;
pub mod timeline;
pub mod trace;
pub mod value;
pub mod view;
pub mod waitfor;

pub use config::{Config, Fidelity, Limits, PreemptMode, TraceLevel};
pub use explore::{Explorer, Schedule};
pub use machine::{Machine, Stats};
pub use outcome::{LimitKind, Outcome, OutcomeKind};
pub use session::Session;
pub use view::View;
