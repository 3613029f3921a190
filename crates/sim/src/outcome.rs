//! How a run ends (exit code, panic, fatal error, limit) and the text Go prints for it.

use crate::config::Limits;
use crate::ids::GoId;
use crate::machine::Machine;
use crate::sched::g::GStatus;

/// Program output: stdout and stderr, plus their interleaving for the console.
#[derive(Clone, Debug, Default)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The console in order: (is stderr, text).
    pub console: Vec<(bool, String)>,
    /// Bytes written by the program (limits apply to these).
    pub program_bytes: u64,
    /// For each write to stdout: the length of stdout after it, and the
    /// step that wrote it (so the explorer can name the step where two
    /// runs' outputs part).
    pub stdout_marks: Vec<(u64, crate::ids::Step)>,
}

impl Output {
    /// Appends program output; returns false when the limit is exceeded
    /// (the text is then truncated).
    pub fn write(&mut self, stderr: bool, text: &[u8], limit: u64) -> bool {
        let room = limit.saturating_sub(self.program_bytes) as usize;
        let n = text.len().min(room);
        self.program_bytes += text.len() as u64;
        let chunk = &text[..n];
        if stderr {
            self.stderr.extend_from_slice(chunk);
        } else {
            self.stdout.extend_from_slice(chunk);
        }
        let s = String::from_utf8_lossy(chunk).into_owned();
        match self.console.last_mut() {
            Some((e, t)) if *e == stderr => t.push_str(&s),
            _ => self.console.push((stderr, s)),
        }
        n == text.len()
    }

    /// Runtime messages (panics, race reports) — not counted against the limit.
    pub fn write_stderr(&mut self, text: &str, _limit: u64) {
        self.stderr.extend_from_slice(text.as_bytes());
        match self.console.last_mut() {
            Some((true, t)) => t.push_str(text),
            _ => self.console.push((true, text.to_string())),
        }
    }
}

/// Which resource limit ended a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LimitKind {
    Steps,
    Goroutines,
    Memory,
    Output,
}

impl LimitKind {
    /// The message naming the limit and how to raise it.
    pub fn message(self, l: &Limits) -> String {
        match self {
            LimitKind::Steps => format!(
                "gosched: step limit reached: the program ran {} steps without finishing (an endless loop, or a very long run). Raise it with --max-steps.",
                l.max_steps
            ),
            LimitKind::Goroutines => format!(
                "gosched: goroutine limit reached: the program created more than {} goroutines. Raise it with --max-goroutines.",
                l.max_goroutines
            ),
            LimitKind::Memory => format!(
                "gosched: memory limit reached: more than {} MiB live after garbage collection. Raise it with --max-memory.",
                l.max_memory >> 20
            ),
            LimitKind::Output => format!(
                "gosched: output limit reached: the program printed more than {} KiB. Raise it with --max-output.",
                l.max_output >> 10
            ),
        }
    }

    /// `timeout`'s 124 for runaway time, 2 (Go's fatal error status) otherwise.
    pub fn exit_code(self) -> i32 {
        match self {
            LimitKind::Steps => 124,
            _ => 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum OutcomeKind {
    /// `main` returned or the program called `os.Exit`.
    Exited,
    /// An unrecovered panic; `message` is the first line (`panic: ...`).
    Panic {
        message: String,
        goroutine: GoId,
    },
    /// A fatal error (deadlock, concurrent map writes, stack overflow, ...).
    Fatal {
        message: String,
    },
    Limit(LimitKind),
    /// A bug in the simulator (never a Rust panic).
    Internal(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub exit_code: i32,
    pub kind: OutcomeKind,
}

impl Outcome {
    pub fn is_deadlock(&self) -> bool {
        matches!(&self.kind, OutcomeKind::Fatal { message } if message.contains("deadlock"))
    }
}

impl Machine {
    /// `goroutine N [reason]:` followed by its stack, as Go's traceback
    /// prints it (without addresses and offsets).
    pub(crate) fn goroutine_header_and_stack(&self, g: GoId, state: &str) -> String {
        let gg = &self.gs[g.index()];
        let mut out = format!("goroutine {} [{}]:\n", g.0, state);
        let frames: Vec<(gosched_lang::bytecode::FuncId, u32)> = match &gg.panic {
            Some(p) if state == "running" && !p.stack.is_empty() => p.stack.clone(),
            _ => gg.traceback(),
        };
        out.push_str(&self.format_stack(&frames, "", "\t"));
        if let Some((parent, func, pc)) = gg.parent {
            let f = self.prog.func(func);
            out.push_str(&format!(
                "created by {} in goroutine {}\n\t{}\n",
                f.name,
                parent.0,
                self.prog.position(func, pc as usize)
            ));
        }
        out
    }

    /// Frames as `name(...)` lines, each followed by its position.
    pub(crate) fn format_stack(
        &self,
        frames: &[(gosched_lang::bytecode::FuncId, u32)],
        indent: &str,
        pos_indent: &str,
    ) -> String {
        let mut out = String::new();
        for &(func, pc) in frames {
            let f = self.prog.func(func);
            if f.synthetic {
                continue;
            }
            let args = if f.nparams > 0 { "..." } else { "" };
            out.push_str(&format!(
                "{indent}{}({args})\n{indent}{pos_indent}{}\n",
                f.name,
                self.prog.position(func, pc as usize)
            ));
        }
        out
    }

    /// Every goroutine's header and stack, for the deadlock report
    /// (goroutine 1 first, then by id).
    pub(crate) fn goroutine_dump(&self) -> String {
        let mut parts = Vec::new();
        for g in &self.gs {
            if g.system {
                continue;
            }
            let state = match g.status {
                GStatus::Waiting(r) => {
                    let mins = (self.now().saturating_sub(g.since)) / 60_000_000_000;
                    if mins >= 1 {
                        format!("{}, {} minutes", r.as_go_str(), mins)
                    } else {
                        r.as_go_str().to_string()
                    }
                }
                GStatus::Runnable => "runnable".to_string(),
                GStatus::Running => "running".to_string(),
                GStatus::Syscall => "syscall".to_string(),
                GStatus::Dead => continue,
            };
            if g.frames.is_empty() {
                continue;
            }
            parts.push(self.goroutine_header_and_stack(g.id, &state));
        }
        parts.join("\n")
    }
}
