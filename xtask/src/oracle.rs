//! `cargo xtask oracle`: runs the Go programs of the test corpus with real Go and (re)writes or
//! checks the expectation block at the end of each file (format: `tests/programs/README.md`).
//!
//! Real Go is the reference for the simulator, so the labels are produced by running each program
//! with Go 1.22+ several times and refusing any label that differs between runs. The oracle never
//! changes a label silently: every rewrite is printed as a line diff, and `--check` only verifies.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How many times each program runs by default; a label is written only if all runs agree.
const DEFAULT_RUNS: usize = 5;

/// Seconds after which a run is killed and recorded as `hang`. Corpus programs finish in well under
/// a second on real Go, except `panic/stack_overflow.go`, which grows a 1 GB stack and takes about
/// 3 s (more than 5 s on a loaded machine); anything still running after this is a genuine hang.
const DEFAULT_TIMEOUT_SECS: u64 = 10;

/// The Go 1.23 toolchain installed on the team machines (labels need Go 1.22+ semantics:
/// per-iteration loop variables, range over int).
const PREFERRED_GO: &str = "/usr/lib/go-1.23/bin/go";

/// Language version written into the throw-away `go.mod` of each build. The `go` line selects
/// semantics, not just syntax: 1.22 brings per-iteration loop variables and range over int, and
/// 1.23 the synchronous timer channels (Stop/Reset discard an unread value; GODEBUG
/// asynctimerchan=0). Labels are Go 1.23 behaviour, so 1.23 is used whenever the toolchain has it.
const LABEL_LANGUAGE_MINOR: u32 = 23;

const USAGE: &str = "usage: cargo xtask oracle [--check] [--runs N] [--timeout SECS] [PATHS...]\n\
  Runs each Go program (default: every .go file under tests/programs and tests/bench) with real\n\
  Go, N times (default 5), and rewrites its trailing expectation block.\n\
  --check     only verify the existing labels; fail on any mismatch, write nothing\n\
  --runs N    runs per program (default 5)\n\
  --timeout S seconds before a run counts as `hang` (default 10)\n\
  Environment: GOSCHED_GO=/path/to/go overrides the Go toolchain.";

/// Entry point for `cargo xtask oracle ARGS...`.
pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args)?;
    let go = find_go()?;
    println!("oracle: using {} ({})", go.path.display(), go.version);
    let files = collect_programs(&opts.paths)?;
    if files.is_empty() {
        return Err("no .go files found".to_string());
    }
    let work = std::env::temp_dir().join(format!("gosched-oracle-{}", std::process::id()));
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;

    let mut summary = Summary::default();
    for (index, file) in files.iter().enumerate() {
        let dir = work.join(index.to_string());
        let outcome = process_file(&go, &opts, file, &dir);
        let shown = display_path(file);
        match outcome {
            Ok(Outcome::Unchanged) => {
                summary.unchanged += 1;
                println!("ok        {shown}");
            }
            Ok(Outcome::Updated(diff)) => {
                summary.updated.push(shown.clone());
                println!("UPDATED   {shown}");
                print!("{diff}");
            }
            Ok(Outcome::Mismatch(problems)) => {
                println!("MISMATCH  {shown}");
                for p in &problems {
                    println!("    {p}");
                }
                summary.failed.push(shown);
            }
            Err(reason) => {
                println!("REFUSED   {shown}");
                for line in reason.lines() {
                    println!("    {line}");
                }
                summary.failed.push(shown);
            }
        }
    }
    let _ = fs::remove_dir_all(&work);

    println!(
        "oracle: {} programs, {} unchanged, {} updated, {} failed",
        files.len(),
        summary.unchanged,
        summary.updated.len(),
        summary.failed.len()
    );
    for f in &summary.updated {
        println!("  updated: {f}");
    }
    for f in &summary.failed {
        println!("  failed:  {f}");
    }
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(format!("{} program(s) failed", summary.failed.len()))
    }
}

#[derive(Default)]
struct Summary {
    unchanged: usize,
    updated: Vec<String>,
    failed: Vec<String>,
}

struct Options {
    check: bool,
    runs: usize,
    timeout: Duration,
    paths: Vec<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut opts = Options {
            check: false,
            runs: DEFAULT_RUNS,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
            paths: Vec::new(),
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--check" => opts.check = true,
                "--runs" => {
                    let v = it.next().ok_or("--runs needs a number")?;
                    opts.runs = v.parse().map_err(|_| format!("bad --runs value {v:?}"))?;
                    if opts.runs == 0 {
                        return Err("--runs must be at least 1".to_string());
                    }
                }
                "--timeout" => {
                    let v = it.next().ok_or("--timeout needs a number of seconds")?;
                    let secs: u64 = v
                        .parse()
                        .map_err(|_| format!("bad --timeout value {v:?}"))?;
                    opts.timeout = Duration::from_secs(secs.max(1));
                }
                "-h" | "--help" => return Err(USAGE.to_string()),
                s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
                s => opts.paths.push(PathBuf::from(s)),
            }
        }
        if opts.paths.is_empty() {
            let root = workspace_root();
            opts.paths.push(root.join("tests/programs"));
            opts.paths.push(root.join("tests/bench"));
        }
        Ok(opts)
    }
}

fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

fn display_path(p: &Path) -> String {
    let root = workspace_root();
    p.strip_prefix(&root).unwrap_or(p).display().to_string()
}

/// Every `.go` file named directly, or found (recursively, sorted) under a named directory.
fn collect_programs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        } else if p.is_file() {
            out.push(p.clone());
        } else if !p.exists() && paths.len() > 1 && p.ends_with("tests/bench") {
            // The default list names tests/bench, which may not exist yet.
        } else {
            return Err(format!("no such file or directory: {}", p.display()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "go") {
            out.push(path);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The Go toolchain.

struct Go {
    path: PathBuf,
    version: String,
    /// The `go 1.N` line for the throw-away `go.mod`.
    language_minor: u32,
}

/// Finds Go 1.22 or newer: `$GOSCHED_GO`, then the team's Go 1.23, then `go` on PATH.
fn find_go() -> Result<Go, String> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("GOSCHED_GO") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(PathBuf::from(PREFERRED_GO));
    candidates.push(PathBuf::from("go"));
    let mut seen = Vec::new();
    for path in candidates {
        let Ok(out) = Command::new(&path)
            .args(["env", "GOVERSION"])
            .env("GOTOOLCHAIN", "local")
            .output()
        else {
            continue;
        };
        let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if let Some(minor) = go_minor(&version).filter(|m| *m >= 22) {
            let language_minor = minor.min(LABEL_LANGUAGE_MINOR);
            if language_minor < LABEL_LANGUAGE_MINOR {
                eprintln!(
                    "oracle: warning: {version} predates Go 1.{LABEL_LANGUAGE_MINOR}; timer channels \
                     behave differently, so timer labels may not match"
                );
            }
            return Ok(Go {
                path,
                version,
                language_minor,
            });
        }
        seen.push(format!("{} is {version:?}", path.display()));
    }
    Err(format!(
        "the oracle needs Go 1.22 or newer (per-iteration loop variables), e.g. at {PREFERRED_GO}, \
         on PATH, or named by GOSCHED_GO; found: {}",
        if seen.is_empty() { "none".to_string() } else { seen.join(", ") }
    ))
}

/// `go1.23.5` -> 23.
fn go_minor(version: &str) -> Option<u32> {
    let rest = version.strip_prefix("go1.")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

// ---------------------------------------------------------------------------------------------
// The expectation block: parsing and rendering.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Preempt {
    Async,
    Coop,
}

/// The `// Run:` settings.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Settings {
    procs: u32,
    preempt: Preempt,
    race: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            procs: 4,
            preempt: Preempt::Async,
            race: false,
        }
    }
}

fn parse_run(text: &str) -> Result<Settings, String> {
    let mut s = Settings::default();
    for token in text.split_whitespace() {
        let (key, value) = token
            .split_once('=')
            .ok_or_else(|| format!("Run: expected key=value, got {token:?}"))?;
        match (key, value) {
            ("procs", v) => {
                s.procs = v.parse().map_err(|_| format!("Run: bad procs {v:?}"))?;
                if s.procs == 0 || s.procs > 256 {
                    return Err(format!("Run: procs must be 1..=256, got {v}"));
                }
            }
            ("preempt", "async") => s.preempt = Preempt::Async,
            ("preempt", "coop") => s.preempt = Preempt::Coop,
            ("race", "on") => s.race = true,
            ("race", "off") => s.race = false,
            // The simulator's seed: `any` or a number. Real Go has no such knob, so the oracle
            // only validates it.
            ("seed", v) if v == "any" || v.parse::<u64>().is_ok() => {}
            _ => return Err(format!("Run: unknown setting {token:?}")),
        }
    }
    Ok(s)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum StdoutExpect {
    /// No Output section: stdout is not checked.
    Unchecked,
    Ordered(Vec<String>),
    Unordered(Vec<String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExitExpect {
    Code(i32),
    Hang,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum RaceExpect {
    None,
    /// Two source lines, lower first.
    Pair(u32, u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Label {
    /// The text after `// Run: `, kept verbatim.
    run_line: Option<String>,
    settings: Settings,
    stdout: StdoutExpect,
    exit: ExitExpect,
    stderr: Vec<String>,
    races: Vec<RaceExpect>,
}

enum Directive {
    Run(String),
    Output,
    Unordered,
    Exit(String),
    Stderr,
    Race(String),
}

fn directive(line: &str) -> Option<Directive> {
    let text = line.strip_prefix("// ")?;
    match text {
        "Output:" => return Some(Directive::Output),
        "Unordered output:" => return Some(Directive::Unordered),
        "Stderr contains:" => return Some(Directive::Stderr),
        _ => {}
    }
    if let Some(rest) = text.strip_prefix("Run:") {
        return Some(Directive::Run(rest.trim().to_string()));
    }
    if let Some(rest) = text.strip_prefix("Exit:") {
        return Some(Directive::Exit(rest.trim().to_string()));
    }
    if let Some(rest) = text.strip_prefix("Race:") {
        return Some(Directive::Race(rest.trim().to_string()));
    }
    None
}

/// A program file split into the code before its expectation block and the parsed block.
struct Program {
    /// The file text before the block, verbatim (ends with a newline).
    head: String,
    /// The block lines as found in the file (empty when there was none).
    block_lines: Vec<String>,
    label: Option<Label>,
}

fn split_program(text: &str) -> Result<Program, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut end = lines.len();
    while end > 0 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && lines[start - 1].starts_with("//") {
        start -= 1;
    }
    let first_directive = (start..end).find(|&i| directive(lines[i]).is_some());
    let Some(first) = first_directive else {
        let mut head = lines[..end].join("\n");
        head.push_str("\n\n");
        return Ok(Program {
            head,
            block_lines: Vec::new(),
            label: None,
        });
    };
    let mut head = lines[..first].join("\n");
    if first > 0 {
        head.push('\n');
    }
    let block_lines: Vec<String> = lines[first..end].iter().map(|s| s.to_string()).collect();
    let label = parse_block(&block_lines, first + 1)?;
    Ok(Program {
        head,
        block_lines,
        label: Some(label),
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Output,
    Unordered,
    Stderr,
}

fn parse_block(lines: &[String], first_line_no: usize) -> Result<Label, String> {
    let mut run_line = None;
    let mut stdout = StdoutExpect::Unchecked;
    let mut exit = None;
    let mut stderr: Option<Vec<String>> = None;
    let mut races = Vec::new();
    let mut section = Section::None;
    for (i, line) in lines.iter().enumerate() {
        let no = first_line_no + i;
        let err = |m: String| format!("line {no}: {m}");
        if let Some(d) = directive(line) {
            section = Section::None;
            match d {
                Directive::Run(r) => {
                    if run_line.replace(r).is_some() {
                        return Err(err("second `Run:` directive".into()));
                    }
                }
                Directive::Output | Directive::Unordered => {
                    if stdout != StdoutExpect::Unchecked {
                        return Err(err("second output section".into()));
                    }
                    if matches!(d, Directive::Output) {
                        stdout = StdoutExpect::Ordered(Vec::new());
                        section = Section::Output;
                    } else {
                        stdout = StdoutExpect::Unordered(Vec::new());
                        section = Section::Unordered;
                    }
                }
                Directive::Exit(v) => {
                    let e = if v == "hang" {
                        ExitExpect::Hang
                    } else {
                        ExitExpect::Code(v.parse().map_err(|_| err(format!("bad Exit {v:?}")))?)
                    };
                    if exit.replace(e).is_some() {
                        return Err(err("second `Exit:` directive".into()));
                    }
                }
                Directive::Stderr => {
                    if stderr.is_some() {
                        return Err(err("second `Stderr contains:` section".into()));
                    }
                    stderr = Some(Vec::new());
                    section = Section::Stderr;
                }
                Directive::Race(v) => races.push(parse_race(&v).map_err(err)?),
            }
            continue;
        }
        let content = if line == "//" {
            String::new()
        } else if let Some(c) = line.strip_prefix("// ") {
            c.to_string()
        } else {
            return Err(err(format!("expected `// text` or `//`, got {line:?}")));
        };
        match (section, &mut stdout) {
            (Section::Output, StdoutExpect::Ordered(v))
            | (Section::Unordered, StdoutExpect::Unordered(v)) => v.push(content),
            (Section::Stderr, _) => {
                if content.is_empty() {
                    return Err(err("empty `Stderr contains:` line".into()));
                }
                if let Some(v) = stderr.as_mut() {
                    v.push(content);
                }
            }
            _ => {
                return Err(err(format!(
                    "not a directive and not inside a section: {line:?}"
                )))
            }
        }
    }
    if races.contains(&RaceExpect::None) && races.len() > 1 {
        return Err("`Race: none` together with race pairs".to_string());
    }
    let settings = match &run_line {
        Some(r) => parse_run(r)?,
        None => Settings::default(),
    };
    Ok(Label {
        run_line,
        settings,
        stdout,
        exit: exit.unwrap_or(ExitExpect::Code(0)),
        stderr: stderr.unwrap_or_default(),
        races,
    })
}

fn parse_race(v: &str) -> Result<RaceExpect, String> {
    if v == "none" {
        return Ok(RaceExpect::None);
    }
    let nums: Vec<u32> = v
        .split_whitespace()
        .map(|t| t.parse::<u32>().map_err(|_| format!("bad Race line {v:?}")))
        .collect::<Result<_, _>>()?;
    match nums[..] {
        [a, b] => Ok(RaceExpect::Pair(a.min(b), a.max(b))),
        _ => Err(format!(
            "Race: expected `none` or two line numbers, got {v:?}"
        )),
    }
}

/// Renders a label in the canonical order: Run, Exit, Race, Stderr contains, output.
fn render_block(label: &Label) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(r) = &label.run_line {
        out.push(format!("// Run: {r}"));
    }
    match label.exit {
        ExitExpect::Code(0) => {}
        ExitExpect::Code(n) => out.push(format!("// Exit: {n}")),
        ExitExpect::Hang => out.push("// Exit: hang".to_string()),
    }
    for r in &label.races {
        match r {
            RaceExpect::None => out.push("// Race: none".to_string()),
            RaceExpect::Pair(a, b) => out.push(format!("// Race: {a} {b}")),
        }
    }
    if !label.stderr.is_empty() {
        out.push("// Stderr contains:".to_string());
        out.extend(label.stderr.iter().map(|l| format!("// {l}")));
    }
    let (title, lines) = match &label.stdout {
        StdoutExpect::Unchecked => return out,
        StdoutExpect::Ordered(l) => ("// Output:", l),
        StdoutExpect::Unordered(l) => ("// Unordered output:", l),
    };
    out.push(title.to_string());
    for l in lines {
        if l.is_empty() {
            out.push("//".to_string());
        } else {
            out.push(format!("// {l}"));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Running a program with real Go.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Exit {
    Code(i32),
    Hang,
}

struct Observation {
    /// Stdout as text; invalid UTF-8 is replaced, and `stdout_utf8` says so.
    stdout: String,
    stdout_utf8: bool,
    stderr: String,
    exit: Exit,
}

enum Outcome {
    Unchanged,
    Updated(String),
    Mismatch(Vec<String>),
}

fn process_file(go: &Go, opts: &Options, file: &Path, dir: &Path) -> Result<Outcome, String> {
    let text = fs::read_to_string(file).map_err(|e| format!("cannot read: {e}"))?;
    let program = split_program(&text)?;
    let settings = program
        .label
        .as_ref()
        .map(|l| l.settings.clone())
        .unwrap_or_default();
    let binary = build(go, &text, &settings, dir)?;
    let runs = run_many(&binary, &settings, opts)?;

    if opts.check {
        let Some(label) = &program.label else {
            return Ok(Outcome::Mismatch(vec!["no expectation block".to_string()]));
        };
        let problems = verify(label, &runs);
        return Ok(if problems.is_empty() {
            Outcome::Unchanged
        } else {
            Outcome::Mismatch(problems)
        });
    }

    let (label, notes) = derive_label(program.label.as_ref(), &settings, &runs)?;
    let new_block = render_block(&label);
    if new_block == program.block_lines {
        return Ok(Outcome::Unchanged);
    }
    let mut new_text = program.head.clone();
    for l in &new_block {
        new_text.push_str(l);
        new_text.push('\n');
    }
    fs::write(file, new_text).map_err(|e| format!("cannot write: {e}"))?;
    let mut diff = String::new();
    for n in notes {
        let _ = writeln!(diff, "    note: {n}");
    }
    diff.push_str(&line_diff(&program.block_lines, &new_block));
    Ok(Outcome::Updated(diff))
}

/// Builds the program as `main.go` of a throw-away module (so stack traces say `main.go:LINE`).
fn build(go: &Go, text: &str, settings: &Settings, dir: &Path) -> Result<PathBuf, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    fs::write(dir.join("main.go"), text).map_err(|e| format!("cannot write main.go: {e}"))?;
    let go_mod = format!("module prog\n\ngo 1.{}\n", go.language_minor);
    fs::write(dir.join("go.mod"), go_mod).map_err(|e| format!("cannot write go.mod: {e}"))?;
    let binary = dir.join("prog");
    let mut cmd = Command::new(&go.path);
    cmd.arg("build").arg("-o").arg(&binary);
    if settings.race {
        cmd.arg("-race");
    }
    cmd.arg(".")
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .env_remove("GOFLAGS");
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run go build: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "go build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(binary)
}

fn run_many(
    binary: &Path,
    settings: &Settings,
    opts: &Options,
) -> Result<Vec<Observation>, String> {
    let first = run_once(binary, settings, opts.timeout)?;
    let mut runs = vec![first];
    if opts.runs == 1 {
        return Ok(runs);
    }
    if runs[0].exit == Exit::Hang {
        // A hanging program costs a full timeout per run; run the rest side by side.
        let rest: Vec<Result<Observation, String>> = std::thread::scope(|s| {
            let handles: Vec<_> = (1..opts.runs)
                .map(|_| s.spawn(|| run_once(binary, settings, opts.timeout)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("run thread panicked".to_string()))
                })
                .collect()
        });
        for r in rest {
            runs.push(r?);
        }
    } else {
        for _ in 1..opts.runs {
            runs.push(run_once(binary, settings, opts.timeout)?);
        }
    }
    Ok(runs)
}

fn run_once(binary: &Path, settings: &Settings, timeout: Duration) -> Result<Observation, String> {
    let dir = binary.parent().unwrap_or(Path::new("."));
    let tag =
        format!("{:?}", std::thread::current().id()).replace(|c: char| !c.is_alphanumeric(), "");
    let out_path = dir.join(format!("stdout-{tag}"));
    let err_path = dir.join(format!("stderr-{tag}"));
    let out_file =
        fs::File::create(&out_path).map_err(|e| format!("cannot create stdout file: {e}"))?;
    let err_file =
        fs::File::create(&err_path).map_err(|e| format!("cannot create stderr file: {e}"))?;
    let mut cmd = Command::new(binary);
    cmd.current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out_file)
        .stderr(err_file)
        .env_remove("GODEBUG")
        .env_remove("GORACE")
        .env_remove("GOTRACEBACK")
        .env("GOMAXPROCS", settings.procs.to_string());
    if settings.preempt == Preempt::Coop {
        cmd.env("GODEBUG", "asyncpreemptoff=1");
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start program: {e}"))?;
    let deadline = Instant::now() + timeout;
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => match status.code() {
                Some(c) => break Exit::Code(c),
                None => return Err(format!("program killed by a signal: {status}")),
            },
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::Hang;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("cannot wait for program: {e}")),
        }
    };
    let out_bytes = fs::read(&out_path).map_err(|e| format!("cannot read stdout: {e}"))?;
    let err_bytes = fs::read(&err_path).map_err(|e| format!("cannot read stderr: {e}"))?;
    let stdout_utf8 = std::str::from_utf8(&out_bytes).is_ok();
    let stdout = String::from_utf8_lossy(&out_bytes).into_owned();
    let stderr = String::from_utf8_lossy(&err_bytes).into_owned();
    Ok(Observation {
        stdout,
        stdout_utf8,
        stderr,
        exit,
    })
}

// ---------------------------------------------------------------------------------------------
// Deriving and verifying labels.

fn exit_expect(e: Exit) -> ExitExpect {
    match e {
        Exit::Code(c) => ExitExpect::Code(c),
        Exit::Hang => ExitExpect::Hang,
    }
}

fn stdout_lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

fn derive_label(
    old: Option<&Label>,
    settings: &Settings,
    runs: &[Observation],
) -> Result<(Label, Vec<String>), String> {
    let mut notes = Vec::new();
    let first = &runs[0];

    // Exit status.
    for (i, r) in runs.iter().enumerate() {
        if r.exit != first.exit {
            return Err(format!(
                "exit status varies: run 1 {:?}, run {} {:?}",
                first.exit,
                i + 1,
                r.exit
            ));
        }
    }

    if runs.iter().any(|r| !r.stdout_utf8) {
        return Err("stdout is not valid UTF-8, which a comment block cannot hold".to_string());
    }

    // Stdout, in the mode the old label asks for (ordered when there is no label yet).
    let mode = old
        .map(|l| l.stdout.clone())
        .unwrap_or(StdoutExpect::Ordered(Vec::new()));
    let stdout = match mode {
        StdoutExpect::Unchecked => StdoutExpect::Unchecked,
        StdoutExpect::Ordered(_) => {
            for (i, r) in runs.iter().enumerate() {
                if r.stdout != first.stdout {
                    return Err(format!(
                        "stdout varies between runs (restructure the program or use `Unordered output:`):\n{}",
                        first_difference(&first.stdout, &r.stdout, 1, i + 1)
                    ));
                }
            }
            let lines = stdout_lines(&first.stdout);
            check_output_lines(&first.stdout, &lines)?;
            StdoutExpect::Ordered(lines)
        }
        StdoutExpect::Unordered(old_lines) => {
            let mut sorted = stdout_lines(&first.stdout);
            sorted.sort();
            for (i, r) in runs.iter().enumerate() {
                let mut other = stdout_lines(&r.stdout);
                other.sort();
                if other != sorted {
                    return Err(format!(
                        "the set of stdout lines varies between runs:\n{}",
                        first_difference(&sorted.join("\n"), &other.join("\n"), 1, i + 1)
                    ));
                }
            }
            check_output_lines(&first.stdout, &sorted)?;
            let mut old_sorted = old_lines.clone();
            old_sorted.sort();
            // Keep the author's order when the multiset is unchanged, to avoid churn.
            StdoutExpect::Unordered(if old_sorted == sorted {
                old_lines
            } else {
                sorted
            })
        }
    };

    // Stderr: keep hand-written lines that still hold in every run, then add derived ones that
    // appear in every run.
    let mut stderr = Vec::new();
    for line in old.map(|l| l.stderr.as_slice()).unwrap_or(&[]) {
        if runs.iter().all(|r| r.stderr.contains(line.as_str())) {
            stderr.push(line.clone());
        } else {
            notes.push(format!("dropped stderr line no longer printed: {line:?}"));
        }
    }
    let mut derived = derive_stderr(&first.stderr);
    for r in &runs[1..] {
        let other = derive_stderr(&r.stderr);
        derived.retain(|l| other.contains(l));
    }
    for l in derived {
        if !stderr.contains(&l) {
            stderr.push(l);
        }
    }

    // Races.
    let races = if settings.race {
        let pairs = race_pairs(&first.stderr);
        for (i, r) in runs.iter().enumerate() {
            let other = race_pairs(&r.stderr);
            if other != pairs {
                return Err(format!(
                    "reported race pairs vary: run 1 {pairs:?}, run {} {other:?}",
                    i + 1
                ));
            }
        }
        if pairs.is_empty() {
            vec![RaceExpect::None]
        } else {
            pairs
                .into_iter()
                .map(|(a, b)| RaceExpect::Pair(a, b))
                .collect()
        }
    } else {
        Vec::new()
    };

    let label = Label {
        run_line: old.and_then(|l| l.run_line.clone()),
        settings: settings.clone(),
        stdout,
        exit: exit_expect(first.exit),
        stderr,
        races,
    };
    Ok((label, notes))
}

/// Output lines must survive the round trip through the comment block unchanged.
fn check_output_lines(raw: &str, lines: &[String]) -> Result<(), String> {
    if !raw.is_empty() && !raw.ends_with('\n') {
        return Err("stdout does not end with a newline; print one at the end".to_string());
    }
    for l in lines {
        if l.ends_with(' ') || l.ends_with('\t') || l.contains('\r') {
            return Err(format!(
                "stdout line {l:?} has trailing whitespace; print a delimiter"
            ));
        }
        if directive(&format!("// {l}")).is_some() {
            return Err(format!("stdout line {l:?} would be read as a directive"));
        }
    }
    Ok(())
}

fn first_difference(a: &str, b: &str, na: usize, nb: usize) -> String {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    for i in 0..la.len().max(lb.len()) {
        let (x, y) = (la.get(i), lb.get(i));
        if x != y {
            return format!(
                "line {}: run {na} {:?} / run {nb} {:?}",
                i + 1,
                x.copied().unwrap_or("<end>"),
                y.copied().unwrap_or("<end>")
            );
        }
    }
    "outputs differ only in their final newline".to_string()
}

/// Drops everything from the first whitespace-separated token that holds a hex address or
/// offset (`0x...`), which differ between builds and runs.
fn strip_addresses(line: &str) -> String {
    let kept: Vec<&str> = line.split(' ').take_while(|t| !t.contains("0x")).collect();
    kept.join(" ").trim_end().to_string()
}

/// The stable facts of a panic / fatal error report: the `panic:` / `fatal error:` lines, the
/// header of the first goroutine in the dump, its first `main.` frame (function and `main.go:LINE`)
/// and its `created by` line.
fn derive_stderr(stderr: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |out: &mut Vec<String>, s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    let lines: Vec<&str> = stderr.lines().collect();
    for l in &lines {
        let t = l.trim();
        if t.starts_with("panic: ")
            || t.starts_with("fatal error: ")
            || t.starts_with("runtime: goroutine stack exceeds")
            || t.starts_with("[signal ")
        {
            push(&mut out, strip_addresses(t));
        }
    }
    let Some(header) = lines.iter().position(|l| is_goroutine_header(l)) else {
        return out;
    };
    // Only the main goroutine's id is stable; for others keep the `[wait reason]:` part.
    let header_line = lines[header];
    if header_line.starts_with("goroutine 1 [") {
        push(&mut out, header_line.to_string());
    } else if let Some(i) = header_line.find(" [") {
        push(&mut out, header_line[i + 1..].to_string());
    }
    let mut frame_found = false;
    let mut i = header + 1;
    while i < lines.len() && !lines[i].trim().is_empty() {
        let l = lines[i];
        if !frame_found && l.starts_with("main.") {
            frame_found = true;
            let name = l.split('(').next().unwrap_or(l);
            push(&mut out, name.to_string());
            if let Some(loc) = lines.get(i + 1).and_then(|n| main_go_line(n)) {
                push(&mut out, format!("main.go:{loc}"));
            }
        }
        if l.starts_with("created by ") {
            push(&mut out, strip_addresses(l));
        }
        i += 1;
    }
    out
}

/// `goroutine 1 [chan receive]:`
fn is_goroutine_header(l: &str) -> bool {
    l.starts_with("goroutine ") && l.ends_with("]:") && l.contains(" [")
}

/// The line number in a `\t/some/dir/main.go:12 +0x1d` frame location.
fn main_go_line(l: &str) -> Option<u32> {
    let idx = l.find("main.go:")?;
    let before = l[..idx].chars().last();
    if !matches!(before, None | Some('/') | Some('\t') | Some(' ')) {
        return None;
    }
    let digits: String = l[idx + "main.go:".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The pairs of `main.go` lines named by each `WARNING: DATA RACE` report: for the current and the
/// previous access, the first frame in `main.go`.
fn race_pairs(stderr: &str) -> BTreeSet<(u32, u32)> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut pairs = BTreeSet::new();
    let mut current: Option<u32> = None;
    for (i, l) in lines.iter().enumerate() {
        if *l == "WARNING: DATA RACE" {
            current = None;
            continue;
        }
        let is_access = [
            "Read at ",
            "Write at ",
            "Previous read at ",
            "Previous write at ",
        ]
        .iter()
        .any(|p| l.starts_with(p));
        if !is_access {
            continue;
        }
        let line = lines[i + 1..]
            .iter()
            .take_while(|n| !n.trim().is_empty())
            .find_map(|n| main_go_line(n));
        let Some(line) = line else { continue };
        if l.starts_with("Previous") {
            if let Some(a) = current.take() {
                pairs.insert((a.min(line), a.max(line)));
            }
        } else {
            current = Some(line);
        }
    }
    pairs
}

fn verify(label: &Label, runs: &[Observation]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, r) in runs.iter().enumerate() {
        let n = i + 1;
        let got_exit = exit_expect(r.exit);
        if got_exit != label.exit {
            problems.push(format!(
                "run {n}: exit {got_exit:?}, expected {:?}",
                label.exit
            ));
        }
        match &label.stdout {
            StdoutExpect::Unchecked => {}
            StdoutExpect::Ordered(want) => {
                let got = stdout_lines(&r.stdout);
                if &got != want || (!r.stdout.is_empty() && !r.stdout.ends_with('\n')) {
                    problems.push(format!(
                        "run {n}: stdout differs: {}",
                        first_difference(&want.join("\n"), &r.stdout, 0, n)
                    ));
                }
            }
            StdoutExpect::Unordered(want) => {
                let (mut w, mut g) = (want.clone(), stdout_lines(&r.stdout));
                w.sort();
                g.sort();
                if w != g {
                    problems.push(format!(
                        "run {n}: stdout lines differ: {}",
                        first_difference(&w.join("\n"), &g.join("\n"), 0, n)
                    ));
                }
            }
        }
        for l in &label.stderr {
            if !r.stderr.contains(l.as_str()) {
                problems.push(format!("run {n}: stderr lacks {l:?}"));
            }
        }
        if label.settings.race {
            let want: BTreeSet<(u32, u32)> = label
                .races
                .iter()
                .filter_map(|x| match x {
                    RaceExpect::Pair(a, b) => Some((*a, *b)),
                    RaceExpect::None => None,
                })
                .collect();
            let got = race_pairs(&r.stderr);
            if got != want {
                problems.push(format!("run {n}: race pairs {got:?}, expected {want:?}"));
            }
        }
    }
    if !label.settings.race && !label.races.is_empty() {
        problems.push("`Race:` directives need `race=on`".to_string());
    }
    if label.settings.race && label.races.is_empty() {
        problems.push("race=on needs at least one `Race:` directive (`Race: none`)".to_string());
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// A small line diff for reporting label changes.

fn line_diff(old: &[String], new: &[String]) -> String {
    // Longest common subsequence table; blocks are a few dozen lines at most.
    let (n, m) = (old.len(), new.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j]) {
            let _ = writeln!(out, "    + {}", new[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "    - {}", old[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn parses_and_renders_a_full_block() {
        let text = "package main\n\nfunc main() {}\n\n// Run: procs=1 race=on\n// Exit: 2\n\
                    // Race: 3 9\n// Stderr contains:\n// panic: boom\n// Output:\n// a\n//\n// b\n";
        let p = split_program(text).expect("parses");
        let label = p.label.clone().expect("has a label");
        assert_eq!(
            label.settings,
            Settings {
                procs: 1,
                preempt: Preempt::Async,
                race: true
            }
        );
        assert_eq!(label.exit, ExitExpect::Code(2));
        assert_eq!(label.races, vec![RaceExpect::Pair(3, 9)]);
        assert_eq!(label.stderr, vec!["panic: boom".to_string()]);
        assert_eq!(label.stdout, StdoutExpect::Ordered(lines("a\n\nb")));
        assert_eq!(render_block(&label), p.block_lines);
        assert_eq!(p.head, "package main\n\nfunc main() {}\n\n");
    }

    #[test]
    fn a_file_without_a_block_gets_a_blank_line_before_the_new_one() {
        let p = split_program("package main\n\nfunc main() {}\n\n\n").expect("parses");
        assert!(p.label.is_none());
        assert_eq!(p.head, "package main\n\nfunc main() {}\n\n");
    }

    #[test]
    fn rejects_stray_lines_and_bad_settings() {
        assert!(split_program("package main\n// Output:\n// x\n").is_ok());
        assert!(split_program("package main\n// Exit: 2\n// stray\n").is_err());
        assert!(split_program("package main\n// Run: procs=0\n").is_err());
        assert!(split_program("package main\n// Run: preempt=maybe\n").is_err());
        assert!(split_program("package main\n// Race: 4\n").is_err());
    }

    #[test]
    fn derives_stable_panic_facts() {
        let stderr = "panic: (main.T) 0xc000084040\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x/main.go:17 +0x94\nexit status 2\n";
        assert_eq!(
            derive_stderr(stderr),
            lines("panic: (main.T)\ngoroutine 1 [running]:\nmain.main\nmain.go:17")
        );
        let seg = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47e]\n";
        assert_eq!(
            derive_stderr(seg),
            lines("[signal SIGSEGV: segmentation violation")
        );
    }

    #[test]
    fn finds_race_pairs() {
        let report = "==================\nWARNING: DATA RACE\nWrite at 0x00c by goroutine 7:\n  main.main.func1()\n      /a/main.go:10 +0x30\n\n\
                      Previous read at 0x00c by main goroutine:\n  main.main()\n      /a/main.go:13 +0xae\n\n\
                      Goroutine 7 (running) created at:\n  main.main()\n      /a/main.go:9 +0x9c\n==================\n";
        assert_eq!(race_pairs(report), BTreeSet::from([(10, 13)]));
    }

    fn obs(stdout: &str, stderr: &str, exit: Exit) -> Observation {
        Observation {
            stdout: stdout.to_string(),
            stdout_utf8: true,
            stderr: stderr.to_string(),
            exit,
        }
    }

    #[test]
    fn refuses_varying_stdout_unless_unordered() {
        let runs = [
            obs("a\nb\n", "", Exit::Code(0)),
            obs("b\na\n", "", Exit::Code(0)),
        ];
        assert!(derive_label(None, &Settings::default(), &runs).is_err());
        let old = parse_block(&lines("// Unordered output:\n// b\n// a"), 1).expect("parses");
        let (label, _) = derive_label(Some(&old), &Settings::default(), &runs).expect("stable set");
        assert_eq!(label.stdout, StdoutExpect::Unordered(lines("b\na")));
        let varying_exit = [obs("", "", Exit::Code(0)), obs("", "", Exit::Hang)];
        assert!(derive_label(None, &Settings::default(), &varying_exit).is_err());
    }

    #[test]
    fn keeps_true_hand_written_stderr_lines_and_drops_false_ones() {
        let old = parse_block(
            &lines("// Stderr contains:\n// still here\n// gone\n// Output:"),
            1,
        )
        .expect("parses");
        let runs = [obs("", "panic: boom\nstill here\n", Exit::Code(2))];
        let (label, notes) =
            derive_label(Some(&old), &Settings::default(), &runs).expect("derives");
        assert_eq!(label.stderr, lines("still here\npanic: boom"));
        assert_eq!(label.exit, ExitExpect::Code(2));
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn verify_reports_each_kind_of_mismatch() {
        let label = parse_block(
            &lines("// Exit: 2\n// Stderr contains:\n// panic: boom\n// Output:\n// x"),
            1,
        )
        .expect("parses");
        assert!(verify(&label, &[obs("x\n", "panic: boom\n", Exit::Code(2))]).is_empty());
        assert_eq!(verify(&label, &[obs("y\n", "", Exit::Code(0))]).len(), 3);
        let race =
            parse_block(&lines("// Run: race=on\n// Exit: 66\n// Race: none"), 1).expect("parses");
        let report = "WARNING: DATA RACE\nWrite at 0x1 by goroutine 7:\n  main.f()\n      /a/main.go:5 +0x1\n\n\
                      Previous write at 0x1 by goroutine 8:\n  main.g()\n      /a/main.go:9 +0x1\n\n";
        assert_eq!(verify(&race, &[obs("", report, Exit::Code(66))]).len(), 1);
    }

    #[test]
    fn diff_shows_changed_lines() {
        let d = line_diff(&lines("// Output:\n// a"), &lines("// Output:\n// b"));
        assert_eq!(d, "    - // a\n    + // b\n");
    }
}
