//! The `gosched` command: run Go programs in the simulator from a terminal, like `go run`.

mod bench;
mod explore;
mod export;
mod run;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "gosched",
    version,
    about = "Go Scheduler Playground: run Go programs on a simulated Go runtime"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Compile and run a Go program (stdout/stderr and exit code as `go run`).
    Run(run::RunArgs),
    /// Run a program under many schedules to find a race, deadlock, panic or different output.
    Explore(explore::ExploreArgs),
    /// Measure the simulator on the benchmark programs, beside Go and yaegi.
    Bench(bench::BenchArgs),
    /// Print the compiled bytecode.
    Disasm {
        /// The Go source file.
        file: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    // A Rust panic is a bug in gosched, never an outcome of the Go program:
    // report it as an internal error (exit 70), not as exit code 101.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("gosched: internal error: {info}\nPlease report it with the program and the command line (the seed reproduces the run).");
        std::process::exit(70);
    }));
    let cli = Cli::parse();
    let code = match cli.cmd {
        Cmd::Run(args) => run::run(&args),
        Cmd::Explore(args) => explore::explore(&args),
        Cmd::Bench(args) => bench::bench(&args),
        Cmd::Disasm { file } => run::disasm(&file),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}
