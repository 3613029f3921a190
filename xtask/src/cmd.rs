//! Running child processes: with the project's PATH, echoed, optionally teed into a capture.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

/// Where commands run and which tools they see.
#[derive(Clone, Debug)]
pub struct Context {
    /// The workspace root.
    pub root: PathBuf,
    /// PATH for children: the project's installed tools first, then the caller's PATH.
    pub path: OsString,
}

impl Context {
    /// A context for the workspace at `root`, with its tool folders in front of PATH.
    pub fn new(root: PathBuf) -> Context {
        let mut dirs = vec![
            crate::setup::tools_bin(&root),
            crate::setup::node_bin(&root),
        ];
        if let Some(cargo_bin) = crate::setup::cargo_home().map(|h| h.join("bin")) {
            dirs.push(cargo_bin);
        }
        let old = std::env::var_os("PATH").unwrap_or_default();
        dirs.extend(std::env::split_paths(&old));
        let path = std::env::join_paths(dirs).unwrap_or(old);
        Context { root, path }
    }

    /// `program` with the project's PATH, run from the workspace root.
    pub fn cmd(&self, program: &str) -> Command {
        self.cmd_in(&self.root, program)
    }

    /// `program` with the project's PATH, run from `dir`.
    pub fn cmd_in(&self, dir: &Path, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir).env("PATH", &self.path);
        if std::io::stdout().is_terminal() {
            cmd.env("CARGO_TERM_COLOR", "always")
                .env("FORCE_COLOR", "1");
        }
        cmd
    }
}

/// The command as a shell would show it (`cargo fmt --check`).
pub fn show(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

/// Runs `cmd` with inherited stdio; `Err` names the command if it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    println!("$ {}", show(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", show(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", show(cmd)))
    }
}

/// Runs `cmd`, streaming its stdout and stderr to ours and also capturing both.
/// Returns whether it succeeded and everything it printed.
pub fn run_tee(cmd: &mut Command) -> Result<(bool, String), String> {
    println!("$ {}", show(cmd));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", show(cmd)))?;
    let out = child
        .stdout
        .take()
        .map(|s| thread::spawn(move || tee(s, std::io::stdout())));
    let err = child
        .stderr
        .take()
        .map(|s| thread::spawn(move || tee(s, std::io::stderr())));
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{}`: {e}", show(cmd)))?;
    let mut text = String::new();
    for handle in [out, err].into_iter().flatten() {
        text.push_str(&handle.join().unwrap_or_default());
    }
    Ok((status.success(), text))
}

/// Copies `from` to `to` as it arrives and returns what was copied.
fn tee(mut from: impl Read, mut to: impl Write) -> String {
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let _ = to.write_all(&buf[..n]);
                let _ = to.flush();
                seen.extend_from_slice(&buf[..n]);
            }
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

/// The trimmed stdout of a successful `cmd`, or `None` if it cannot start or fails.
/// Used for cheap presence checks like `trunk --version`.
pub fn stdout_of(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
