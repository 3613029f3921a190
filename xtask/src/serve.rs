//! `cargo xtask serve [--port N]`: build the release page and serve it with Trunk,
//! rebuilding when sources change.

use crate::cmd::{self, Context};
use crate::setup::{self, Needs};

/// The port when `--port` is not given.
const DEFAULT_PORT: u16 = 8080;

pub fn run(args: &[String]) -> Result<(), String> {
    let port = parse_port(args)?;
    let ctx = Context::new(crate::project_root());
    setup::ensure(&ctx, Needs { browser: false })?;
    println!("serving the playground at http://127.0.0.1:{port}/ (first build takes about a minute; Ctrl-C stops)");
    cmd::run(
        ctx.cmd("trunk")
            .args(["serve", "--release", "--address", "127.0.0.1", "--port"])
            .arg(port.to_string()),
    )
}

fn parse_port(args: &[String]) -> Result<u16, String> {
    let mut port = DEFAULT_PORT;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--port") {
            Some("") => args.next().map(String::as_str),
            Some(v) if v.starts_with('=') => Some(&v[1..]),
            _ => {
                return Err(format!(
                    "unknown argument `{arg}` (usage: cargo xtask serve [--port N])"
                ))
            }
        };
        port = value
            .and_then(|v| v.parse().ok())
            .filter(|p| *p != 0)
            .ok_or_else(|| format!("--port needs a number from 1 to 65535, got {value:?}"))?;
    }
    Ok(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn port_defaults_and_overrides() {
        assert_eq!(parse_port(&args(&[])), Ok(8080));
        assert_eq!(parse_port(&args(&["--port", "9000"])), Ok(9000));
        assert_eq!(parse_port(&args(&["--port=9001"])), Ok(9001));
        assert!(parse_port(&args(&["--port"])).is_err());
        assert!(parse_port(&args(&["--port", "http"])).is_err());
        assert!(parse_port(&args(&["--verbose"])).is_err());
    }
}
