//! The schedule explorer: run a program under many schedules to find a data race, a deadlock, a
//! panic or a different output, resumably in small chunks, and replay what it found exactly.
//!
//! # Why
//!
//! A race that "never happens" in the Go Playground happens in some
//! schedule. The simulator is deterministic, so a schedule is data: the
//! explorer generates schedules, runs each one to its end, and stops at the
//! first that shows what the user asked for. What it returns replays the
//! same run anywhere (the page, the CLI, a share link).
//!
//! # Pieces
//!
//! - [`schedule`]: [`Schedule`], the seed + policy + forced choices that
//!   make a run, and its short URL-safe text form.
//! - `steer`: how a steered [`Machine`](crate::Machine) numbers its choices
//!   and stops at *switch points* (visible operations where another
//!   goroutine could run), keeping all of it in machine state so the
//!   machine stays `Clone` and deterministic.
//! - Strategies, one file each, with their references: `random` (a seed per
//!   run plus random preemptions), `pct` (probabilistic concurrency testing,
//!   Burckhardt et al. 2010) and `bounded` (preemption-bounded systematic
//!   search, Musuvathi and Qadeer 2007).
//! - `explorer`: [`Explorer`], which drives a strategy run after run in
//!   chunks of steps (the page gives it a budget per animation frame), keeps
//!   the outcome histogram, checks the [`Goal`] and finds the decisive step.
//!
//! # Rejected alternatives
//!
//! - *Recording every choice* as the schedule: exact, but a 2×1000-increment
//!   counter on four Ps makes hundreds of interleaving choices, several
//!   hundred characters in a link. A seed plus a policy plus a few overrides
//!   is exact too, and usually under 16 characters.
//! - *Letting a strategy pick any runnable goroutine* at a switch point (as
//!   loom and shuttle do): it breaks Go's queue discipline (runnext, FIFO
//!   rings, the global queue). Here a forced switch is a preemption exactly
//!   as sysmon's would land, so every explored run is one Go could produce;
//!   the scheduler then picks the next goroutine by its own rules.
//! - *Stateful search* (hashing whole machine states to avoid revisiting
//!   them): the heap and the race detector's history make states large and
//!   rarely equal; bounded search prunes cheaply instead (see `bounded`).

pub mod explorer;
pub mod schedule;

mod bounded;
mod pct;
mod random;
pub(crate) mod steer;

pub use explorer::{
    ExploreConfig, Explorer, Found, FoundKind, Goal, OutcomeCount, Progress, Status, StrategyKind,
};
pub use schedule::{Override, Policy, Schedule, ScheduleError, SwitchAction};
pub use steer::Choice;

/// One run a strategy asks for.
#[derive(Clone, Debug)]
pub(crate) struct Job {
    pub schedule: Schedule,
    /// A schedule not tried before (counted, and checked against the goal);
    /// false for bounded search's re-runs of known plans.
    pub new: bool,
    /// Collect the switch points where a preemption is possible.
    pub collect_points: bool,
}

/// What a strategy learns from a finished run.
#[derive(Clone, Debug, Default)]
pub(crate) struct RunInfo {
    /// Switch points the run met.
    pub switch_points: u64,
    /// Choice numbers of the switch points where a preemption was possible
    /// (when the job asked for them).
    pub points: Vec<u64>,
}

/// A way of choosing the next schedule to try.
pub(crate) trait Strategy: std::fmt::Debug {
    /// The next run, or `None` when the strategy has tried everything it will.
    fn next(&mut self) -> Option<Job>;
    /// The run of `job` has ended.
    fn finished(&mut self, job: &Job, run: &RunInfo);
    /// The current preemption bound, for strategies that have one.
    fn bound(&self) -> Option<u32> {
        None
    }
}
