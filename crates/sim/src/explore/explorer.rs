//! The explorer: runs a strategy's schedules one after another in step-budgeted chunks, keeps the
//! outcome histogram, and stops at the first schedule that reaches the goal.
//!
//! Driving it (the page does this once per animation frame, the CLI in a
//! loop):
//!
//! ```
//! use std::sync::Arc;
//! use gosched_sim::explore::{ExploreConfig, Explorer, Goal, Status, StrategyKind};
//! use gosched_sim::Config;
//!
//! let src = "package main\nfunc main() { println(\"hi\") }\n";
//! let prog = Arc::new(gosched_lang::compile::compile(src).unwrap());
//! let xc = ExploreConfig { max_runs: 5, ..ExploreConfig::new(StrategyKind::Random, Goal::Panic) };
//! let mut ex = Explorer::new(prog, Config::default(), xc);
//! while matches!(ex.advance(10_000).status, Status::Running) {}
//! assert!(matches!(ex.progress().status, Status::Exhausted));
//! assert_eq!(ex.progress().schedules, 5);
//! ```
//!
//! Same program, settings and configuration ⇒ the same exploration, however
//! the steps are split into chunks: a machine's run does not depend on how
//! it is chunked, and the explorer decides only between runs.

use std::sync::Arc;

use gosched_lang::bytecode::Program;

use crate::config::{Config, TraceLevel};
use crate::explore::bounded::Bounded;
use crate::explore::pct::Pct;
use crate::explore::random::Random;
use crate::explore::schedule::Schedule;
use crate::explore::{Job, RunInfo, Strategy};
use crate::ids::{Nanos, Step};
use crate::machine::Machine;
use crate::outcome::OutcomeKind;

/// What to look for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Goal {
    /// A data race report (the race detector is switched on for this goal).
    Race,
    /// A global deadlock, as Go reports it (`all goroutines are asleep`).
    Deadlock,
    /// An unrecovered panic (including failing assertions written as
    /// `if counter != 2000 { panic(...) }`) or another fatal error.
    Panic,
    /// Standard output different from the most common one seen so far.
    Output,
}

impl Goal {
    /// The word the CLI and the page's `<select>` use.
    pub fn key(self) -> &'static str {
        match self {
            Goal::Race => "race",
            Goal::Deadlock => "deadlock",
            Goal::Panic => "panic",
            Goal::Output => "output",
        }
    }

    /// The goal named `key` (see [`Goal::key`]).
    pub fn from_key(key: &str) -> Option<Goal> {
        [Goal::Race, Goal::Deadlock, Goal::Panic, Goal::Output]
            .into_iter()
            .find(|g| g.key() == key)
    }
}

/// Which strategy generates the schedules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StrategyKind {
    /// A new seed per run plus random preemptions (`random.rs`).
    Random,
    /// Probabilistic concurrency testing with bug depth `depth` (`pct.rs`).
    Pct { depth: u32 },
    /// Every schedule with at most `max_preemptions` forced preemptions,
    /// fewest first (`bounded.rs`).
    Bounded { max_preemptions: u32 },
}

impl StrategyKind {
    /// PCT's default depth: 3 finds bugs that need up to two ordering
    /// constraints besides the start (the paper's experiments found most
    /// bugs at depth 1 to 3).
    pub const PCT_DEPTH: u32 = 3;
    /// Bounded search's default bound: the lost update and the lock-order
    /// deadlock need one preemption; two covers most textbook bugs, and
    /// the number of schedules grows as (switch points)^k.
    pub const MAX_PREEMPTIONS: u32 = 2;

    /// The strategy named `key` (`random`, `pct`, `bounded`) with its defaults.
    pub fn from_key(key: &str) -> Option<StrategyKind> {
        match key {
            "random" => Some(StrategyKind::Random),
            "pct" => Some(StrategyKind::Pct {
                depth: Self::PCT_DEPTH,
            }),
            "bounded" => Some(StrategyKind::Bounded {
                max_preemptions: Self::MAX_PREEMPTIONS,
            }),
            _ => None,
        }
    }
}

/// How to explore.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExploreConfig {
    pub strategy: StrategyKind,
    pub goal: Goal,
    /// Schedules to try at most.
    pub max_runs: u64,
    /// Steps one run may take (a run past it ends at the step limit and
    /// counts as an outcome); lower than a normal run's limit so a program
    /// that never ends does not stall the search.
    pub max_steps_per_run: u64,
}

impl ExploreConfig {
    /// Default limits: 1,000 schedules of at most 10,000,000 steps each.
    pub fn new(strategy: StrategyKind, goal: Goal) -> ExploreConfig {
        ExploreConfig {
            strategy,
            goal,
            max_runs: 1000,
            max_steps_per_run: 10_000_000,
        }
    }
}

/// What was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundKind {
    /// A data race on the variable `name`, between the accesses at
    /// `previous` and `current` (`main.go:14`).
    Race {
        name: String,
        previous: String,
        current: String,
    },
    Deadlock,
    /// An unrecovered panic or fatal error; `message` is its first line.
    Panic {
        message: String,
    },
    /// Standard output that differs from `expected`, the most common one.
    Output {
        expected: String,
    },
}

/// The schedule that reached the goal, and how to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub kind: FoundKind,
    /// One line for people: `data race on counter (main.go:14 and main.go:14)`.
    pub summary: String,
    /// Replays the run exactly ([`Machine::with_schedule`], `Session::with_schedule`).
    pub schedule: Schedule,
    /// The step of the decisive event: the race report, the panic, the first
    /// differing output, or the step at which the deadlock was detected.
    /// Running the schedule to `decisive_step - 1` shows the moment just before.
    pub decisive_step: Step,
    /// Schedules tried, this one included.
    pub schedules: u64,
    pub exit_code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// One distinct outcome and how often it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeCount {
    /// A readable one-line key: `counter: 2000`, `counter: 1999 · data race
    /// on counter (18/18) · exit 66`, `fatal error: all goroutines are asleep - deadlock!`.
    pub label: String,
    pub exit_code: i32,
    pub stdout: String,
    /// The `panic:` / `fatal error:` / limit line, if the run did not exit normally.
    pub headline: Option<String>,
    /// Source line pairs of the races reported (smaller line first), sorted.
    pub races: Vec<(u32, u32)>,
    pub count: u64,
    /// The first schedule that produced it (replays it).
    pub example: Schedule,
}

/// Where the search is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Running,
    Found(Box<Found>),
    /// Every schedule the strategy would try has been tried, without reaching the goal.
    Exhausted,
}

/// Progress so far (all counts are deterministic).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub status: Status,
    /// Schedules tried (completed runs of new schedules).
    pub schedules: u64,
    /// Extra runs bounded search made to expand known schedules.
    pub replays: u64,
    /// Simulated work: machine steps executed, over all runs.
    pub steps: u64,
    /// Simulated time of the completed runs, summed.
    pub sim_time: Nanos,
    /// Distinct outcomes, most frequent first (then in order of first appearance).
    pub outcomes: Vec<OutcomeCount>,
    /// Runs whose outcome did not fit in the histogram (more than
    /// [`MAX_OUTCOMES`] distinct ones).
    pub other_outcomes: u64,
    /// Bounded search's current preemption bound.
    pub bound: Option<u32>,
}

/// The most distinct outcomes kept (a program printing timings would make
/// every run distinct).
pub const MAX_OUTCOMES: usize = 100;

/// The strategy in use (an enum rather than a trait object so the
/// explorer is `Clone`, like everything the page keeps).
#[derive(Clone, Debug)]
enum Strategies {
    Random(Random),
    Pct(Pct),
    Bounded(Bounded),
}

impl Strategies {
    fn get(&mut self) -> &mut dyn Strategy {
        match self {
            Strategies::Random(s) => s,
            Strategies::Pct(s) => s,
            Strategies::Bounded(s) => s,
        }
    }

    fn bound(&self) -> Option<u32> {
        match self {
            Strategies::Bounded(s) => s.bound(),
            _ => None,
        }
    }
}

/// The run in progress.
#[derive(Clone, Debug)]
struct Run {
    job: Job,
    machine: Machine,
}

/// The schedule explorer (see the module comment for how to drive it).
#[derive(Clone, Debug)]
pub struct Explorer {
    prog: Arc<Program>,
    cfg: Config,
    goal: Goal,
    strategy: Strategies,
    /// A fresh steered machine every run is copied from.
    template: Machine,
    run: Option<Run>,
    progress: Progress,
    /// Distinct standard outputs and their counts, in order of first appearance.
    stdouts: Vec<(String, u64)>,
}

impl Explorer {
    /// An explorer of `prog` under `cfg` (its seed, GOMAXPROCS, preemption
    /// mode, race setting and policies start every schedule; the trace is off, and
    /// the race detector is on for [`Goal::Race`]).
    pub fn new(prog: Arc<Program>, cfg: Config, xc: ExploreConfig) -> Explorer {
        let mut cfg = Config {
            trace: TraceLevel::Off,
            race: cfg.race || xc.goal == Goal::Race,
            ..cfg
        };
        cfg.limits.max_steps = cfg.limits.max_steps.min(xc.max_steps_per_run);
        let base = Schedule::plain(&cfg);
        let strategy = match xc.strategy {
            StrategyKind::Random => Strategies::Random(Random::new(base.clone(), xc.max_runs)),
            StrategyKind::Pct { depth } => {
                Strategies::Pct(Pct::new(base.clone(), depth, xc.max_runs))
            }
            StrategyKind::Bounded { max_preemptions } => {
                Strategies::Bounded(Bounded::new(base.clone(), max_preemptions, xc.max_runs))
            }
        };
        let template = Machine::with_schedule(prog.clone(), cfg.clone(), &base);
        Explorer {
            prog,
            cfg,
            template,
            goal: xc.goal,
            progress: Progress {
                status: Status::Running,
                schedules: 0,
                replays: 0,
                steps: 0,
                sim_time: 0,
                outcomes: Vec::new(),
                other_outcomes: 0,
                bound: strategy.bound(),
            },
            strategy,
            run: None,
            stdouts: Vec::new(),
        }
    }

    /// Explores for about `step_budget` more machine steps (at least one
    /// step; a run that ends starts the next schedule within the same
    /// budget). Returns the progress.
    pub fn advance(&mut self, step_budget: u64) -> &Progress {
        let mut left = step_budget.max(1);
        while self.progress.status == Status::Running && left > 0 {
            let run = match &mut self.run {
                Some(r) => r,
                None => {
                    let Some(job) = self.strategy.get().next() else {
                        self.progress.status = Status::Exhausted;
                        break;
                    };
                    let mut machine = self.template.restart_with(&job.schedule);
                    if job.collect_points {
                        machine.collect_points();
                    }
                    self.run.insert(Run { job, machine })
                }
            };
            let before = run.machine.step();
            let done = run.machine.run(left);
            let used = run.machine.step() - before;
            self.progress.steps += used;
            left = left.saturating_sub(used.max(1));
            if done {
                self.finish_run();
            }
        }
        self.progress.bound = self.strategy.bound();
        &self.progress
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// What was found, once [`Status::Found`].
    pub fn found(&self) -> Option<&Found> {
        match &self.progress.status {
            Status::Found(f) => Some(f),
            _ => None,
        }
    }

    /// The settings every run uses (a found schedule replays under these,
    /// or under any config with the same cost model and limits).
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    fn finish_run(&mut self) {
        let Some(Run { job, mut machine }) = self.run.take() else {
            return;
        };
        let info = RunInfo {
            switch_points: machine.switch_points(),
            points: machine.take_points(),
        };
        self.strategy.get().finished(&job, &info);
        if !job.new {
            self.progress.replays += 1;
            return;
        }
        let m = &machine;
        self.progress.schedules += 1;
        self.progress.sim_time += m.now();
        let stdout = m.stdout_text();
        let found = self.check_goal(m, &stdout, &job.schedule);
        self.count_outcome(m, stdout, &job.schedule);
        if let Some(f) = found {
            self.progress.status = Status::Found(Box::new(f));
        }
    }

    /// Whether run `m` reaches the goal (compared with the runs before it).
    fn check_goal(&self, m: &Machine, stdout: &str, schedule: &Schedule) -> Option<Found> {
        let outcome = m.outcome()?;
        let (kind, summary, step) = match self.goal {
            Goal::Race => {
                let r = m.races().first()?;
                let pos = |a: &crate::race::Access| self.prog.position(a.func, a.pc as usize);
                let (previous, current) = (pos(&r.previous), pos(&r.current));
                let summary = format!("data race on {} ({previous} and {current})", r.name);
                let kind = FoundKind::Race {
                    name: r.name.clone(),
                    previous,
                    current,
                };
                (kind, summary, r.step)
            }
            Goal::Deadlock => {
                if !outcome.is_deadlock() {
                    return None;
                }
                let summary = "deadlock: all goroutines are asleep".to_string();
                (FoundKind::Deadlock, summary, m.step())
            }
            Goal::Panic => {
                let message = match &outcome.kind {
                    OutcomeKind::Panic { message, .. } => message.clone(),
                    OutcomeKind::Fatal { message } if !outcome.is_deadlock() => message.clone(),
                    _ => return None,
                };
                let step = m.panic_step().unwrap_or(m.step());
                (
                    FoundKind::Panic {
                        message: message.clone(),
                    },
                    message,
                    step,
                )
            }
            Goal::Output => {
                let (expected, _) = self
                    .stdouts
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
                    .map(|(_, x)| x)?;
                if expected == stdout {
                    return None;
                }
                let common = expected
                    .bytes()
                    .zip(stdout.bytes())
                    .take_while(|(a, b)| a == b)
                    .count() as u64;
                let step = m
                    .stdout_marks()
                    .iter()
                    .find(|(end, _)| *end > common)
                    .map_or(m.step(), |&(_, s)| s);
                let summary = format!(
                    "output {} instead of {}",
                    quote_first_difference(stdout, common),
                    quote_first_difference(expected, common)
                );
                let kind = FoundKind::Output {
                    expected: expected.clone(),
                };
                (kind, summary, step)
            }
        };
        Some(Found {
            kind,
            summary,
            schedule: schedule.clone(),
            decisive_step: step.max(1),
            schedules: self.progress.schedules,
            exit_code: outcome.exit_code,
            stdout: stdout.to_string(),
            stderr: m.stderr_text(),
        })
    }

    fn count_outcome(&mut self, m: &Machine, stdout: String, schedule: &Schedule) {
        let room = self.stdouts.len() < MAX_OUTCOMES;
        match self.stdouts.iter_mut().find(|(s, _)| *s == stdout) {
            Some((_, n)) => *n += 1,
            None if room => self.stdouts.push((stdout.clone(), 1)),
            None => {}
        }
        let exit_code = m.outcome().map_or(0, |o| o.exit_code);
        let headline = m.outcome().and_then(|o| match &o.kind {
            OutcomeKind::Exited => None,
            OutcomeKind::Panic { message, .. } | OutcomeKind::Fatal { message } => {
                Some(message.clone())
            }
            OutcomeKind::Limit(k) => Some(format!("{k:?} limit reached").to_lowercase()),
            OutcomeKind::Internal(msg) => Some(msg.clone()),
        });
        let mut races: Vec<(u32, u32)> = m
            .races()
            .iter()
            .map(|r| {
                let a = m.line_of(r.previous.func, r.previous.pc);
                let b = m.line_of(r.current.func, r.current.pc);
                (a.min(b), a.max(b))
            })
            .collect();
        races.sort_unstable();
        races.dedup();
        let outcomes = &mut self.progress.outcomes;
        if let Some(o) = outcomes.iter_mut().find(|o| {
            o.exit_code == exit_code
                && o.stdout == stdout
                && o.headline == headline
                && o.races == races
        }) {
            o.count += 1;
        } else if outcomes.len() < MAX_OUTCOMES {
            let names: Vec<String> = m.races().iter().map(|r| r.name.clone()).collect();
            outcomes.push(OutcomeCount {
                label: label(&stdout, exit_code, headline.as_deref(), &races, &names),
                exit_code,
                stdout,
                headline,
                races,
                count: 1,
                example: schedule.clone(),
            });
        } else {
            self.progress.other_outcomes += 1;
        }
        // Stable: equal counts keep their order of first appearance.
        outcomes.sort_by_key(|o| std::cmp::Reverse(o.count));
    }
}

/// The most characters of output a label shows.
const LABEL_OUTPUT_CHARS: usize = 80;

/// The readable one-line form of an outcome.
fn label(
    stdout: &str,
    exit_code: i32,
    headline: Option<&str>,
    races: &[(u32, u32)],
    names: &[String],
) -> String {
    let mut parts = Vec::new();
    let text = stdout.trim_end().replace('\n', " / ");
    if !text.is_empty() {
        let short: String = text.chars().take(LABEL_OUTPUT_CHARS).collect();
        let more = if short.len() < text.len() { "…" } else { "" };
        parts.push(format!("{short}{more}"));
    }
    if let Some(h) = headline {
        parts.push(h.to_string());
    }
    if !races.is_empty() {
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        let lines: Vec<String> = races.iter().map(|(a, b)| format!("{a}/{b}")).collect();
        parts.push(format!(
            "data race on {} (lines {})",
            names.join(", "),
            lines.join(", ")
        ));
    }
    if exit_code != 0 {
        parts.push(format!("exit {exit_code}"));
    }
    if parts.is_empty() {
        parts.push("no output".into());
    }
    parts.join(" · ")
}

/// The line of `text` where it departs from another text after `common`
/// equal bytes, quoted (`"counter: 1999"`), or `nothing more` at its end.
fn quote_first_difference(text: &str, common: u64) -> String {
    let mut at = (common as usize).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at >= text.len() {
        return "nothing more".to_string();
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or_default();
    let short: String = line.chars().take(LABEL_OUTPUT_CHARS).collect();
    format!("{short:?}")
}

impl Machine {
    /// The step at which the panic that ended the run started, if it ended in a panic.
    pub fn panic_step(&self) -> Option<Step> {
        self.panic_step
    }

    /// For each write to stdout: the length of stdout after it, and its step.
    pub fn stdout_marks(&self) -> &[(u64, Step)] {
        &self.out.stdout_marks
    }
}
