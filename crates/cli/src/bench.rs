//! `gosched bench`: the simulator's performance on the benchmark programs, measured side by side
//! with real Go and yaegi when they are installed.
//!
//! Each measurement runs in a child process (`gosched run` of this same
//! executable, or the other tool), so wall time and peak memory are the
//! program's alone; the median of `--repeat` runs is reported. Last, the
//! schedule explorer's throughput (schedules per second) on the racy counter.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Args;

const CPU_BOUND: &str = include_str!("../../../tests/bench/cpu_bound.go");
const MUTEX_100K: &str = include_str!("../../../tests/bench/mutex_100k.go");
/// The explorer benchmark: two goroutines × 1,000 unsynchronised increments.
const COUNTER_RACY: &str = include_str!("../../../tests/programs/course/counter_racy.go");

/// Schedules per explorer measurement.
const EXPLORE_RUNS: u64 = 400;

#[derive(Args)]
pub struct BenchArgs {
    /// Runs per measurement (the median is reported).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// The Go toolchain to compare with (skipped if missing).
    #[arg(long, default_value = "/usr/lib/go-1.23/bin/go")]
    pub go: PathBuf,
    /// The yaegi interpreter to compare with (skipped if missing).
    #[arg(long, default_value = "yaegi")]
    pub yaegi: PathBuf,
    /// Only the simulator (no Go, no yaegi).
    #[arg(long)]
    pub only_gosched: bool,
}

struct Sample {
    secs: f64,
    peak_kib: Option<u64>,
}

fn median(mut v: Vec<Sample>) -> Sample {
    v.sort_by(|a, b| a.secs.total_cmp(&b.secs));
    let peak = v.iter().filter_map(|s| s.peak_kib).max();
    let mid = v.swap_remove(v.len() / 2);
    Sample {
        secs: mid.secs,
        peak_kib: peak,
    }
}

/// Runs `cmd` and measures it; the child reports its own peak memory on
/// stderr as `gosched: peak-rss-kib N` when it is gosched.
fn measure(mut cmd: Command) -> Option<Sample> {
    let t = Instant::now();
    let out = cmd.output().ok()?;
    let secs = t.elapsed().as_secs_f64();
    if !out.status.success() && out.status.code() != Some(66) {
        eprintln!(
            "gosched bench: {:?} failed: {}",
            cmd,
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or("")
        );
        return None;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let peak_kib = err
        .lines()
        .find_map(|l| l.strip_prefix("gosched: peak-rss-kib "))
        .and_then(|v| v.trim().parse().ok());
    Some(Sample { secs, peak_kib })
}

fn repeat(n: usize, mk: &dyn Fn() -> Command) -> Option<Sample> {
    let mut v = Vec::new();
    for _ in 0..n.max(1) {
        v.push(measure(mk())?);
    }
    Some(median(v))
}

fn show(name: &str, s: &Option<Sample>, base: Option<f64>) {
    match s {
        Some(s) => {
            let ratio = base.map_or(String::new(), |b| format!("  ({:.2}x gosched)", s.secs / b));
            let mem = s.peak_kib.map_or(String::new(), |k| {
                format!("  peak {:.1} MiB", k as f64 / 1024.0)
            });
            println!("  {name:<34} {:>8.3} s{mem}{ratio}", s.secs);
        }
        None => println!("  {name:<34}  (not available)"),
    }
}

pub fn bench(args: &BenchArgs) -> i32 {
    let dir = std::env::temp_dir().join(format!("gosched-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        eprintln!("gosched bench: cannot create {}", dir.display());
        return 1;
    }
    let me = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("gosched"));
    for (name, src, procs) in [("cpu_bound", CPU_BOUND, 4), ("mutex_100k", MUTEX_100K, 4)] {
        let file = dir.join(format!("{name}.go"));
        if std::fs::write(&file, src).is_err() {
            return 1;
        }
        println!("{name} (GOMAXPROCS={procs}):");
        let run = |race: bool| {
            let (me, file) = (me.clone(), file.clone());
            move || {
                let mut c = Command::new(&me);
                c.args(["run", "--report-rss", "--procs", &procs.to_string()]);
                if race {
                    c.arg("--race");
                }
                c.arg(&file);
                c
            }
        };
        let off = repeat(args.repeat, &run(false));
        let on = repeat(args.repeat, &run(true));
        let base = off.as_ref().map(|s| s.secs);
        show("gosched (race off)", &off, None);
        show("gosched (race on)", &on, base);
        if args.only_gosched {
            continue;
        }
        let go = build_go(&args.go, &file, &dir);
        if let Some(bin) = go {
            show(
                "go (GOMAXPROCS=4)",
                &repeat(args.repeat, &|| {
                    let mut c = Command::new(&bin);
                    c.env("GOMAXPROCS", "4");
                    c
                }),
                base,
            );
        } else {
            show("go", &None, base);
        }
        let yaegi = |procs: &'static str| {
            let (y, f) = (args.yaegi.clone(), file.clone());
            move || {
                let mut c = Command::new(&y);
                c.env("GOMAXPROCS", procs).arg("run").arg(&f);
                c
            }
        };
        show(
            "yaegi (GOMAXPROCS=1)",
            &repeat(args.repeat, &yaegi("1")),
            base,
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    explore_bench(args.repeat);
    0
}

/// Schedules explored per second on the racy counter, in this process: every
/// run completes (the goal, a deadlock, is never reached), so this is the
/// explorer's throughput, including starting a machine per schedule.
fn explore_bench(repeat: usize) {
    use gosched_sim::explore::{ExploreConfig, Explorer, Goal, Status, StrategyKind};
    let Ok(prog) = gosched_lang::compile::compile(COUNTER_RACY) else {
        return;
    };
    let prog = std::sync::Arc::new(prog);
    println!("explore counter_racy.go (2 goroutines x 1000 increments, {EXPLORE_RUNS} schedules):");
    for procs in [2, 4] {
        for (name, strategy) in [
            ("random", StrategyKind::Random),
            ("pct", StrategyKind::Pct { depth: 3 }),
            ("bounded", StrategyKind::Bounded { max_preemptions: 2 }),
        ] {
            for race in [false, true] {
                let mut rates = Vec::new();
                for _ in 0..repeat.max(1) {
                    let cfg = gosched_sim::Config {
                        procs,
                        race,
                        ..gosched_sim::Config::default()
                    };
                    let xc = ExploreConfig {
                        max_runs: EXPLORE_RUNS,
                        ..ExploreConfig::new(strategy, Goal::Deadlock)
                    };
                    let t = Instant::now();
                    let mut ex = Explorer::new(prog.clone(), cfg, xc);
                    while ex.advance(1 << 20).status == Status::Running {}
                    let secs = t.elapsed().as_secs_f64();
                    rates.push(ex.progress().schedules as f64 / secs.max(1e-9));
                }
                rates.sort_by(f64::total_cmp);
                let race = if race { "race on" } else { "race off" };
                println!(
                    "  GOMAXPROCS={procs} {name:<8} {race:<9} {:>8.0} schedules/s",
                    rates[rates.len() / 2]
                );
            }
        }
    }
}

fn build_go(go: &Path, file: &Path, dir: &Path) -> Option<PathBuf> {
    if !go.exists() {
        return None;
    }
    let out = dir.join(file.file_stem()?);
    let st = Command::new(go)
        .args(["build", "-o"])
        .arg(&out)
        .arg(file)
        .env("GOCACHE", dir.join("gocache"))
        .env("GOFLAGS", "-mod=mod")
        .env("GO111MODULE", "off")
        .status()
        .ok()?;
    st.success().then_some(out)
}
