//! Random scheduling: a fresh seed per run plus random preemptions at switch points.
//!
//! The classic baseline of schedule exploration (shuttle's `RandomScheduler`,
//! and Go's own `-race` builds shuffle the scheduler a little,
//! `randomizeScheduler` in proc.go): every run draws its interleaving of
//! parallel cores, steal orders, `select` cases and map orders from a new
//! seed, and at each switch point where another goroutine is queued the
//! running goroutine is preempted with probability `1/one_in`. Runs cycle
//! through `one_in` = 2, 4, …, 256, so both schedules with many switches and
//! schedules with one or two rare ones are tried. Run 0 is the plain run of
//! the starting seed, the schedule a learner most likely sees.

use crate::explore::schedule::{Policy, Schedule};
use crate::explore::{Job, RunInfo, Strategy};

/// Preemption rates tried, as `log2(one_in)`, cycled run after run.
const RATES_LOG2: std::ops::RangeInclusive<u32> = 1..=8;

#[derive(Clone, Debug)]
pub(crate) struct Random {
    base: Schedule,
    runs: u64,
    max_runs: u64,
}

impl Random {
    pub(crate) fn new(base: Schedule, max_runs: u64) -> Random {
        Random {
            base,
            runs: 0,
            max_runs,
        }
    }
}

impl Strategy for Random {
    fn next(&mut self) -> Option<Job> {
        if self.runs >= self.max_runs {
            return None;
        }
        let r = self.runs;
        self.runs += 1;
        let schedule = if r == 0 {
            self.base.clone()
        } else {
            let rates = RATES_LOG2.end() - RATES_LOG2.start() + 1;
            let log2 = RATES_LOG2.start() + ((r - 1) % u64::from(rates)) as u32;
            Schedule {
                seed: self.base.seed.wrapping_add(r),
                policy: Policy::Random { one_in: 1 << log2 },
                ..self.base.clone()
            }
        };
        Some(Job {
            schedule,
            new: true,
            collect_points: false,
        })
    }

    fn finished(&mut self, _job: &Job, _run: &RunInfo) {}
}
