//! The natives' test programs (tests/natives/*.go): each exercises one package's tricky cases and
//! carries, in its trailing comment block, what real Go 1.23 printed (written by `label.sh`).
//! The simulator must print exactly the same.

use std::path::Path;
use std::sync::Arc;

use gosched_sim::{Config, Machine};

/// The expected stdout, exit code and first stderr line of a labelled program.
struct Label {
    output: String,
    exit: i32,
    stderr: Option<String>,
}

fn label(src: &str) -> Label {
    let mut output = String::new();
    let mut exit = 0;
    let mut stderr = None;
    let mut section = "";
    for line in src.lines() {
        let body = line
            .strip_prefix("// ")
            .unwrap_or(line.strip_prefix("//").unwrap_or(line));
        if line == "// Output:" {
            section = "out";
        } else if let Some(code) = line.strip_prefix("// Exit: ") {
            exit = code.trim().parse().unwrap_or(-1);
            section = "";
        } else if line == "// Stderr contains:" {
            section = "err";
        } else if section == "out" && line.starts_with("//") {
            output.push_str(body);
            output.push('\n');
        } else if section == "err" && line.starts_with("//") {
            stderr = Some(body.to_string());
            section = "";
        }
    }
    Label {
        output,
        exit,
        stderr,
    }
}

#[test]
fn natives_print_what_real_go_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/natives");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/natives exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the natives programs are missing");
    let mut failures = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).expect("readable");
        let want = label(&src);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let prog = match gosched_lang::compile::compile(&src) {
            Ok(p) => Arc::new(p),
            Err(d) => {
                failures.push(format!("{name}: compile error: {d:?}"));
                continue;
            }
        };
        let mut m = Machine::new(prog, Config::default());
        let outcome = m.run_to_end().clone();
        let stdout = m.stdout_text();
        let stderr = m.stderr_text();
        if stdout != want.output {
            let diff: Vec<String> = stdout
                .lines()
                .zip(want.output.lines())
                .enumerate()
                .filter(|(_, (g, w))| g != w)
                .map(|(i, (g, w))| format!("  line {}:\n    got  {g}\n    want {w}", i + 1))
                .collect();
            failures.push(format!(
                "{name}: stdout differs ({} lines, want {}):\n{}\nstderr:\n{stderr}",
                stdout.lines().count(),
                want.output.lines().count(),
                diff.join("\n")
            ));
        }
        if outcome.exit_code != want.exit {
            failures.push(format!(
                "{name}: exit {} (want {})\nstderr:\n{stderr}",
                outcome.exit_code, want.exit
            ));
        }
        if let Some(s) = &want.stderr {
            if !stderr.contains(s.as_str()) {
                failures.push(format!("{name}: stderr lacks {s:?}:\n{stderr}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
