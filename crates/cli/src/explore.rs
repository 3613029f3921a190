//! `gosched explore`: run a program under many schedules until one shows a race, a deadlock, a
//! panic or a different output; print that run and the schedule that replays it.
//!
//! Contract (tests and course authors rely on it): the first line of stdout
//! is `found: <what> after N schedules` (exit 0) or `not found after N
//! schedules` (exit 1). When found, the run's own stdout and stderr follow as
//! `gosched run` prints them, then a `schedule: <text>` line to replay it
//! with `gosched run --schedule <text> FILE.go`. The outcome histogram and
//! timing go to stderr last.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use clap::{Args, ValueEnum};
use gosched_sim::explore::{ExploreConfig, Explorer, Goal, Status, StrategyKind};
use gosched_sim::{Config, Machine, PreemptMode, TraceLevel};

use crate::run::Preempt;

#[derive(Clone, Copy, ValueEnum)]
pub enum StrategyArg {
    Random,
    Pct,
    Bounded,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum GoalArg {
    Race,
    Deadlock,
    Panic,
    Output,
}

#[derive(Args)]
pub struct ExploreArgs {
    /// The Go source file.
    pub file: PathBuf,
    /// GOMAXPROCS (1-64).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub procs: u32,
    /// How to choose schedules: random seeds and preemptions, PCT, or
    /// preemption-bounded systematic search.
    #[arg(long, value_enum, default_value_t = StrategyArg::Random)]
    pub strategy: StrategyArg,
    /// The most schedules to try.
    #[arg(long, default_value_t = 1000)]
    pub runs: u64,
    /// What to look for (race turns the race detector on).
    #[arg(long, value_enum, default_value_t = GoalArg::Race)]
    pub find: GoalArg,
    /// The starting seed (same seed, same exploration).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Preemption: async (Go 1.14+) or coop (only at calls).
    #[arg(long, value_enum, default_value_t = Preempt::Async)]
    pub preempt: Preempt,
    #[command(flatten)]
    pub policies: crate::run::PolicyArgs,
    /// PCT: the bug depth (priority change points + 1), 1-32.
    #[arg(long, default_value_t = StrategyKind::PCT_DEPTH, value_parser = clap::value_parser!(u32).range(1..=32))]
    pub depth: u32,
    /// Bounded: the most forced preemptions per schedule.
    #[arg(long, default_value_t = StrategyKind::MAX_PREEMPTIONS)]
    pub max_preemptions: u32,
    /// Steps one run may take (default 10,000,000).
    #[arg(long)]
    pub max_steps: Option<u64>,
}

pub fn explore(args: &ExploreArgs) -> i32 {
    let src = match crate::run::read(&args.file) {
        Ok(s) => s,
        Err(c) => return i32::from(c),
    };
    let prog = match crate::run::compile(&src) {
        Ok(p) => Arc::new(p),
        Err(c) => return i32::from(c),
    };
    let cfg = Config {
        procs: args.procs,
        seed: args.seed,
        preempt: match args.preempt {
            Preempt::Async => PreemptMode::Async,
            Preempt::Coop => PreemptMode::Cooperative,
        },
        trace: TraceLevel::Off,
        fidelity: args.policies.fidelity(),
        ..Config::default()
    };
    let goal = match args.find {
        GoalArg::Race => Goal::Race,
        GoalArg::Deadlock => Goal::Deadlock,
        GoalArg::Panic => Goal::Panic,
        GoalArg::Output => Goal::Output,
    };
    let strategy = match args.strategy {
        StrategyArg::Random => StrategyKind::Random,
        StrategyArg::Pct => StrategyKind::Pct { depth: args.depth },
        StrategyArg::Bounded => StrategyKind::Bounded {
            max_preemptions: args.max_preemptions,
        },
    };
    let mut xc = ExploreConfig::new(strategy, goal);
    xc.max_runs = args.runs;
    if let Some(n) = args.max_steps {
        xc.max_steps_per_run = n;
    }
    let start = Instant::now();
    let mut ex = Explorer::new(prog.clone(), cfg, xc);
    while ex.advance(1 << 20).status == Status::Running {}
    let secs = start.elapsed().as_secs_f64();
    let p = ex.progress().clone();
    let code = match &p.status {
        Status::Found(f) => {
            println!("found: {} after {} schedules", f.summary, f.schedules);
            let _ = std::io::stdout().flush();
            // Replay it the way `gosched run --schedule` will, and print that.
            let mut m = Machine::with_schedule(prog, ex.config().clone(), &f.schedule);
            m.run_to_end();
            crate::run::print_output(&m);
            let _ = std::io::stderr().flush();
            println!("schedule: {}", f.schedule.encode());
            eprintln!(
                "replay: gosched run --schedule {} {}",
                f.schedule.encode(),
                args.file.display()
            );
            0
        }
        _ => {
            println!("not found after {} schedules", p.schedules);
            1
        }
    };
    let _ = std::io::stdout().flush();
    eprintln!("outcomes ({} schedules):", p.schedules);
    for o in &p.outcomes {
        eprintln!("  {:>7}  {}", o.count, o.label);
    }
    if p.other_outcomes > 0 {
        eprintln!("  {:>7}  (other outcomes)", p.other_outcomes);
    }
    let bound = p
        .bound
        .map_or(String::new(), |b| format!(", preemption bound {b}"));
    eprintln!(
        "explored {} schedules ({} steps{bound}) in {:.2} s: {:.0} schedules/s",
        p.schedules,
        p.steps,
        secs,
        p.schedules as f64 / secs.max(1e-9)
    );
    code
}
