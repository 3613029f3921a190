//! `gosched run` and `gosched disasm`: compile a file, run it, print like `go run`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use gosched_lang::LineIndex;
use gosched_sim::{Config, Fidelity, Machine, PreemptMode, Schedule, TraceLevel};

#[derive(Clone, Copy, ValueEnum)]
pub enum Preempt {
    Async,
    Coop,
}

/// Go's scheduling policies, each of which a run may switch off to show
/// what it is for (no Go program can run that way).
#[derive(Args)]
pub struct PolicyArgs {
    /// What if there were no runnext slot: a goroutine made runnable by the
    /// running one waits at the tail of the local run queue (not Go).
    #[arg(long)]
    pub no_runnext: bool,
    /// What if the scheduler never checked the global run queue every 61st
    /// schedule, only when the local queue is empty (not Go).
    #[arg(long)]
    pub no_global_fairness: bool,
}

impl PolicyArgs {
    pub fn fidelity(&self) -> Fidelity {
        Fidelity {
            runnext: !self.no_runnext,
            global_fairness: !self.no_global_fairness,
        }
    }
}

#[derive(Args)]
pub struct RunArgs {
    /// The Go source file.
    pub file: PathBuf,
    /// GOMAXPROCS (1-64).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub procs: u32,
    /// The seed of every random choice (same seed, same run).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Preemption: async (Go 1.14+) or coop (only at calls, like Go <= 1.13).
    #[arg(long, value_enum, default_value_t = Preempt::Async)]
    pub preempt: Preempt,
    /// Enable the race detector (like `go run -race`).
    #[arg(long, overrides_with = "no_race")]
    pub race: bool,
    /// Disable the race detector (the default).
    #[arg(long)]
    pub no_race: bool,
    #[command(flatten)]
    pub policies: PolicyArgs,
    /// Stop after this many steps (default 200,000,000; exit 124).
    #[arg(long)]
    pub max_steps: Option<u64>,
    /// Stop when more goroutines than this have been created (default 10,000,000).
    #[arg(long)]
    pub max_goroutines: Option<u64>,
    /// Stop when more than this many MiB are live after a collection (default 1024).
    #[arg(long, value_name = "MIB")]
    pub max_memory: Option<u64>,
    /// Stop when the program has printed more than this many KiB (default 1024).
    #[arg(long, value_name = "KIB")]
    pub max_output: Option<u64>,
    /// Print every scheduling event to stderr after the run (for debugging).
    #[arg(long)]
    pub events: bool,
    /// Print one JSON object describing the run instead of the program's output.
    #[arg(long)]
    pub json: bool,
    /// Write the scheduling trace as Chrome trace-event JSON (opens in Perfetto).
    #[arg(long, value_name = "OUT.json")]
    pub trace: Option<PathBuf>,
    /// Replay a schedule printed by `gosched explore` (its GOMAXPROCS, seed,
    /// preemption mode, race setting and policies replace --procs, --seed,
    /// --preempt, --race, --no-runnext and --no-global-fairness).
    #[arg(long, value_name = "SCHEDULE")]
    pub schedule: Option<String>,
    /// Print this process's peak memory on stderr at exit (for `gosched bench`).
    #[arg(long, hide = true)]
    pub report_rss: bool,
}

pub(crate) fn read(file: &Path) -> Result<String, u8> {
    std::fs::read_to_string(file).map_err(|e| {
        eprintln!("gosched: {}: {e}", file.display());
        1
    })
}

/// Compiles `src`, printing diagnostics as `go build` does on failure.
pub(crate) fn compile(src: &str) -> Result<gosched_lang::bytecode::Program, u8> {
    gosched_lang::compile::compile(src).map_err(|diags| {
        let idx = LineIndex::new(src);
        eprintln!("# command-line-arguments");
        for d in &diags {
            eprintln!("./{}", d.render("main.go", &idx));
        }
        1
    })
}

pub fn run(args: &RunArgs) -> i32 {
    let src = match read(&args.file) {
        Ok(s) => s,
        Err(c) => return i32::from(c),
    };
    let prog = match compile(&src) {
        Ok(p) => Arc::new(p),
        Err(c) => return i32::from(c),
    };
    let schedule = match args.schedule.as_deref().map(Schedule::decode) {
        Some(Err(e)) => {
            eprintln!("gosched: {e}");
            return 2;
        }
        Some(Ok(s)) => Some(s),
        None => None,
    };
    let mut cfg = Config {
        procs: args.procs,
        seed: args.seed,
        race: args.race && !args.no_race,
        trace: if args.events || args.trace.is_some() {
            TraceLevel::Sched
        } else {
            TraceLevel::Off
        },
        preempt: match args.preempt {
            Preempt::Async => PreemptMode::Async,
            Preempt::Coop => PreemptMode::Cooperative,
        },
        fidelity: args.policies.fidelity(),
        ..Config::default()
    };
    if let Some(n) = args.max_steps {
        cfg.limits.max_steps = n;
    }
    if let Some(n) = args.max_goroutines {
        cfg.limits.max_goroutines = n;
    }
    if let Some(n) = args.max_memory {
        cfg.limits.max_memory = n.saturating_mul(1 << 20);
    }
    if let Some(n) = args.max_output {
        cfg.limits.max_output = n.saturating_mul(1 << 10);
    }
    let mut m = match &schedule {
        Some(s) => Machine::with_schedule(prog, cfg, s),
        None => Machine::new(prog, cfg),
    };
    let code = m.run_to_end().exit_code;
    let events = m.take_events();
    if let Some(path) = &args.trace {
        let t = gosched_sim::export::chrome_trace(m.program(), &events);
        if let Err(e) = std::fs::write(path, t) {
            eprintln!("gosched: writing {}: {e}", path.display());
            return 1;
        }
    }
    if args.json {
        println!("{}", crate::export::summary(&m));
        return code;
    }
    print_output(&m);
    if args.report_rss {
        if let Some(k) = peak_rss_kib() {
            eprintln!("gosched: peak-rss-kib {k}");
        }
    }
    if args.events {
        for e in &events {
            eprintln!("{:>8} {:>12} {:?}", e.step, e.time, e.kind);
        }
    }
    code
}

/// The program's stdout and stderr as `go run` prints them, then, if some
/// goroutines were left blocked forever, a note on stderr with the
/// wait-for graph (Go itself says nothing about leaked goroutines).
pub(crate) fn print_output(m: &Machine) {
    let _ = std::io::stdout().write_all(m.stdout_text().as_bytes());
    let _ = std::io::stderr().write_all(m.stderr_text().as_bytes());
    if let Some(note) = m.leak_note() {
        let _ = std::io::stderr().write_all(note.as_bytes());
    }
}

pub fn disasm(file: &Path) -> i32 {
    let src = match read(file) {
        Ok(s) => s,
        Err(c) => return i32::from(c),
    };
    match compile(&src) {
        Ok(p) => {
            print!("{}", gosched_lang::bytecode::disassemble(&p));
            0
        }
        Err(c) => i32::from(c),
    }
}

/// Peak resident memory of this process (Linux: VmHWM in /proc/self/status).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
