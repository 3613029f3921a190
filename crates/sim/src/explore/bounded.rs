//! Preemption-bounded systematic search: every schedule with at most `k` forced preemptions at
//! switch points, for k = 0, 1, 2, … (Musuvathi and Qadeer, "Iterative Context Bounding for
//! Systematic Testing of Multithreaded Programs", PLDI 2007 — the search behind CHESS).
//!
//! Most concurrency bugs need very few preemptions at the right places
//! (the lost update: one, between a load and its store; the lock-order
//! deadlock: one, between the two `Lock`s). Bounding the number of
//! preemptions and raising the bound step by step finds such bugs with the
//! fewest preemptions first, systematically: every placement of `k`
//! preemptions is tried before any of `k + 1`.
//!
//! A schedule here is a *plan*: the choice numbers of the switch points
//! where a preemption is forced, ascending; everything else follows the
//! starting seed (so with several Ps the interleaving of parallel cores is
//! the seed's, and the search is systematic over preemptions on top of it).
//! The children of a plan are the plan plus one of the switch points its run
//! met after its last preemption. Level `k` is enumerated depth-first; a
//! plan with fewer than `k` preemptions is re-run (not counted as a new
//! schedule) to learn its switch points, which keeps memory to one path of
//! the tree.
//!
//! Pruning: a switch point counts only where a preemption can change
//! something — another program goroutine is queued (a preemption with
//! nobody to run next would resume the same goroutine); and under
//! cooperative preemption, plain memory accesses are not switch points.

use crate::explore::schedule::{Override, Schedule, SwitchAction};
use crate::explore::{Job, RunInfo, Strategy};

/// One node of the plan tree being expanded.
#[derive(Clone, Debug)]
struct Frame {
    plan: Vec<u64>,
    /// Switch points after the plan's last preemption where one is possible.
    points: Vec<u64>,
    /// Next of `points` to try.
    next: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct Bounded {
    base: Schedule,
    max_k: u32,
    /// The current bound (0 until the plain run has been made).
    level: u32,
    started: bool,
    root_points: Option<Vec<u64>>,
    stack: Vec<Frame>,
    runs: u64,
    max_runs: u64,
}

impl Bounded {
    pub(crate) fn new(base: Schedule, max_k: u32, max_runs: u64) -> Bounded {
        Bounded {
            base,
            max_k,
            level: 0,
            started: false,
            root_points: None,
            stack: Vec::new(),
            runs: 0,
            max_runs,
        }
    }

    fn schedule(&self, plan: &[u64]) -> Schedule {
        Schedule {
            overrides: plan
                .iter()
                .map(|&index| Override {
                    index,
                    value: SwitchAction::Preempt.value(),
                })
                .collect(),
            ..self.base.clone()
        }
    }
}

impl Strategy for Bounded {
    fn next(&mut self) -> Option<Job> {
        if !self.started {
            self.started = true;
            self.runs = 1;
            return Some(Job {
                schedule: self.base.clone(),
                new: true,
                collect_points: true,
            });
        }
        let root = self.root_points.as_ref()?;
        loop {
            let Some(top) = self.stack.last_mut() else {
                if self.level >= self.max_k {
                    return None;
                }
                self.level += 1;
                self.stack.push(Frame {
                    plan: Vec::new(),
                    points: root.clone(),
                    next: 0,
                });
                continue;
            };
            let Some(&j) = top.points.get(top.next) else {
                self.stack.pop();
                continue;
            };
            top.next += 1;
            let mut plan = top.plan.clone();
            plan.push(j);
            if plan.len() as u32 == self.level {
                if self.runs >= self.max_runs {
                    return None;
                }
                self.runs += 1;
                return Some(Job {
                    schedule: self.schedule(&plan),
                    new: true,
                    collect_points: false,
                });
            }
            return Some(Job {
                schedule: self.schedule(&plan),
                new: false,
                collect_points: true,
            });
        }
    }

    fn bound(&self) -> Option<u32> {
        Some(self.level)
    }

    fn finished(&mut self, job: &Job, run: &RunInfo) {
        if !job.collect_points {
            return;
        }
        if self.root_points.is_none() {
            self.root_points = Some(run.points.clone());
            return;
        }
        let plan: Vec<u64> = job.schedule.overrides.iter().map(|o| o.index).collect();
        let last = plan.last().copied().unwrap_or(0);
        self.stack.push(Frame {
            points: run.points.iter().copied().filter(|&i| i > last).collect(),
            plan,
            next: 0,
        });
    }
}
