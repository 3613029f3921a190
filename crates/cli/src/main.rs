//! The `gosched` command: run Go programs in the simulator from a terminal, like `go run`.

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
    /// Print the compiled bytecode.
    Disasm {
        /// The Go source file.
        file: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.cmd {
        Cmd::Run(args) => run::run(&args),
        Cmd::Disasm { file } => run::disasm(&file),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}
