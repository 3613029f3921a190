//! gosched-fuzz-targets: what each fuzz target checks, written once and run both by libFuzzer
//! (`fuzz/`, nightly) and by the stable replay test (`tests/replay.rs`).
//!
//! Every target takes the fuzzer's bytes, reads them as Go source (lossy
//! UTF-8) and panics when a property the project promises is broken; a Rust
//! panic inside `gosched-lang` or `gosched-sim` is a failure too. Hangs and
//! unbounded memory are caught by libFuzzer's `-timeout` and `-rss_limit_mb`
//! (the replay test runs the same inputs within the test harness's time).
//!
//! - [`parse_check`]: [`gosched_lang::analyze`] and [`gosched_lang::check`]
//!   return on any bytes, with at most `MAX_ERRORS` diagnostics whose spans
//!   lie inside the text.
//! - [`compile`]: [`gosched_lang::compile::compile`] never reports an
//!   internal compiler error, and what it returns passes
//!   [`gosched_lang::bytecode::verify`].
//! - [`run`]: a compiled program run with [`fuzz_limits`] ends with output, a
//!   Go-style panic or fatal error, or a limit, never an internal error.
//!
//! - [`link_decode`]: the share-link decoder (`gosched_web::share::decode`)
//!   returns on any fragment, and a scenario read from text survives the
//!   trip through a link unchanged.
//!
//! The inputs for `compile` and `run` are mostly valid programs: [`mutate`]
//! is the source-text mutator libFuzzer uses for them (lines and tokens of
//! the seed corpus: `tests/programs/` and `web/lessons/`).

pub mod mutate;

use std::sync::Arc;

use gosched_lang::diag::MAX_ERRORS;
use gosched_lang::LineIndex;
use gosched_sim::{Config, Limits, Machine, OutcomeKind, PreemptMode, TraceLevel};

/// The targets, by the names `cargo fuzz run` knows them.
pub const TARGETS: [&str; 4] = ["parse_check", "compile", "run", "link_decode"];

/// A seed program as an input of target `name`: for `link_decode`, the
/// scenario text of the program with default settings (a blank line, then
/// the program); the program itself for the others. `cargo xtask fuzz`
/// seeds the corpora by the same rule.
pub fn seed(name: &str, program: &[u8]) -> Vec<u8> {
    if name == "link_decode" {
        let mut v = b"\n".to_vec();
        v.extend_from_slice(program);
        v
    } else {
        program.to_vec()
    }
}

/// Runs target `name` on `data`; `false` if there is no such target.
pub fn run_target(name: &str, data: &[u8]) -> bool {
    match name {
        "parse_check" => parse_check(data),
        "compile" => compile(data),
        "run" => run(data),
        "link_decode" => link_decode(data),
        _ => return false,
    }
    true
}

/// The front end returns on anything, and its diagnostics are in range.
pub fn parse_check(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let analysis = gosched_lang::analyze(&src);
    let index = LineIndex::new(&src);
    assert!(
        analysis.diagnostics.len() <= MAX_ERRORS,
        "{} diagnostics, more than {MAX_ERRORS}",
        analysis.diagnostics.len()
    );
    for d in &analysis.diagnostics {
        assert!(
            d.span.lo <= d.span.hi && d.span.hi as usize <= src.len(),
            "diagnostic span {:?} outside the {}-byte text: {}",
            d.span,
            src.len(),
            d.message
        );
        let _ = d.render("main.go", &index);
    }
    for s in &analysis.go_statements {
        assert!(
            s.lo <= s.hi && s.hi as usize <= src.len(),
            "go statement span {s:?} outside the {}-byte text",
            src.len()
        );
    }
    let checked = gosched_lang::check(&src);
    assert!(
        checked.internal_errors.is_empty(),
        "the embedded standard library failed to check: {:?}",
        checked.internal_errors
    );
    assert_eq!(
        checked.diagnostics, analysis.diagnostics,
        "check and analyze disagree"
    );
}

/// The compiler never fails on a checked program, and its bytecode is well formed.
pub fn compile(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let _ = compiled(&src);
}

/// The program's bytecode if it compiles; panics on an internal compiler
/// error or ill-formed bytecode.
fn compiled(src: &str) -> Option<gosched_lang::bytecode::Program> {
    match gosched_lang::compile::compile(src) {
        Ok(prog) => {
            if let Err(e) = gosched_lang::bytecode::verify(&prog) {
                panic!("ill-formed bytecode: {e}");
            }
            let _ = gosched_lang::bytecode::disassemble(&prog);
            Some(prog)
        }
        Err(diags) => {
            assert!(!diags.is_empty(), "compile failed without a diagnostic");
            for d in &diags {
                assert!(
                    !d.message.starts_with("internal compiler error"),
                    "{}",
                    d.message
                );
            }
            None
        }
    }
}

/// The limits of a fuzzed run: small enough that a run takes milliseconds
/// and a few MiB, large enough for every corpus program's normal run.
pub fn fuzz_limits() -> Limits {
    Limits {
        max_steps: 200_000,
        max_goroutines: 1_000,
        max_memory: 16 << 20,
        max_output: 64 << 10,
        ..Limits::default()
    }
}

/// The run settings for an input, derived from its bytes so that a replay
/// of the same bytes is the same run: GOMAXPROCS 1-4, both preemption modes,
/// race detector on or off, every trace level, any seed, and now and then one
/// of Go's scheduling policies switched off.
pub fn fuzz_config(data: &[u8]) -> Config {
    let h = gosched_sim::trace::digest_bytes(data);
    Config {
        procs: 1 + (h % 4) as u32,
        preempt: if h >> 8 & 1 == 0 {
            PreemptMode::Async
        } else {
            PreemptMode::Cooperative
        },
        race: h >> 9 & 1 == 1,
        trace: match h >> 10 & 3 {
            0 => TraceLevel::Off,
            1 => TraceLevel::Sched,
            _ => TraceLevel::Full,
        },
        seed: h >> 16,
        fidelity: gosched_sim::Fidelity {
            runnext: h >> 12 & 3 != 0,
            global_fairness: h >> 14 & 3 != 0,
        },
        limits: fuzz_limits(),
        ..Config::default()
    }
}

/// A run ends, and it ends as a Go program or a stated limit ends.
pub fn run(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let Some(prog) = compiled(&src) else {
        return;
    };
    let cfg = fuzz_config(data);
    let limits = cfg.limits.clone();
    let mut m = Machine::new(Arc::new(prog), cfg);
    let outcome = m.run_to_end().clone();
    match &outcome.kind {
        OutcomeKind::Internal(message) => panic!("internal simulator error: {message}"),
        OutcomeKind::Exited
        | OutcomeKind::Panic { .. }
        | OutcomeKind::Fatal { .. }
        | OutcomeKind::Limit(_) => {}
    }
    // The limit is checked between bursts (at most 2^16 instructions), and
    // an instruction's work past 1,024 slots counts as steps all at once
    // (at most about twice the memory limit's slots, comparing two arrays).
    let slack = (1 << 17) + 2 * limits.max_memory / 8;
    assert!(
        m.step() <= limits.max_steps + slack,
        "ran {} steps past the limit of {}",
        m.step(),
        limits.max_steps
    );
    // Bytes, not text: a cut in the middle of a character, or invalid UTF-8,
    // grows when shown as text (U+FFFD).
    let printed = m.stdout_bytes().len() as u64;
    assert!(
        printed <= limits.max_output,
        "printed {printed} bytes past the limit of {}",
        limits.max_output
    );
    let _ = m.view();
    let _ = gosched_sim::timeline::Timeline::build(m.trace());
}

/// A share link never panics the decoder, and a scenario that the text form
/// reads comes back unchanged through a link. The input is read twice: as a
/// URL fragment (`v1.` + base64url of deflate), and as the decoded text
/// (`key=value` settings, a blank line, the program), so the fuzzer reaches
/// the settings parser without having to forge deflate streams.
pub fn link_decode(data: &[u8]) {
    use gosched_web::share::{decode, encode, Scenario, MAX_DECODED};
    let text = String::from_utf8_lossy(data);
    let _ = decode(&text);
    if let Ok(s) = Scenario::from_text(&text) {
        let link = encode(&s);
        if s.to_text().len() <= MAX_DECODED {
            match decode(&link) {
                Ok(back) => assert_eq!(back, s, "the scenario changed through link {link}"),
                Err(e) => panic!("a link the playground made does not open: {e:?}: {link}"),
            }
        }
    }
}
