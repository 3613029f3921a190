//! `cargo xtask`: the project's one entry point for set-up, serving and testing.
//!
//! `cargo xtask serve [--port N]` installs what is missing, builds the release page and
//! serves it; `cargo xtask test` installs what is missing and runs every check in CI's
//! order (see [`test`]); `cargo xtask fuzz` runs the fuzz targets (see [`fuzz`]). The
//! only dependency is the standard library, so the first `cargo xtask` compiles in a
//! second or two.

mod bench;
mod budget;
mod cmd;
mod count;
mod fuzz;
mod oracle;
mod serve;
mod setup;
mod test;
#[cfg(test)]
mod tidy;
mod versions;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   install what is missing, build the release page, serve it on
                     http://127.0.0.1:N/ (default 8080) and rebuild on changes
  test               install what is missing, then run every check CI runs:
                     fmt, clippy, native tests, browser tests, release build,
                     end-to-end tests, bundle-size budget
  bench [ARGS...]    every benchmark: `gosched bench` beside Go and yaegi, then the
                     simulator natively and in wasm (headless Chromium) with the ratio
  oracle ARGS...     compare programs against real Go (see xtask/src/oracle.rs)
  fuzz [--seconds N] [--target T]
                     run the libFuzzer targets (parse_check, compile, run,
                     link_decode) for N seconds each (default 60) with the nightly
                     toolchain; keeps each failing input in
                     crates/{lang,sim,web}/tests/fuzz_regressions/
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("oracle") => oracle::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of `xtask/`).
fn project_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}
