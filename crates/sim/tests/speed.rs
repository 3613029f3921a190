//! The simulator's speed on the benchmark programs, natively and compiled to
//! wasm32 in headless Chromium, measured the same way on both targets
//! (compile plus run to the end, median of three, inside one process).
//!
//! Ignored by default; `cargo xtask bench` runs it on both targets and prints
//! the wasm/native ratio (the target is at most 2×). Each run also checks
//! the program's output, so a fast wrong answer is not a result.

use gosched_lang::compile::compile;
use gosched_sim::{Config, Machine, TraceLevel};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::Instant;

#[cfg(not(target_arch = "wasm32"))]
use std::time::Instant;

struct Bench {
    name: &'static str,
    src: &'static str,
    procs: u32,
    race: bool,
    /// The first line the program prints.
    output: &'static str,
}

const BENCHES: &[Bench] = &[
    Bench {
        name: "cpu_bound race=off",
        src: include_str!("../../../tests/bench/cpu_bound.go"),
        procs: 4,
        race: false,
        output: "total: 59999980",
    },
    Bench {
        name: "cpu_bound race=on",
        src: include_str!("../../../tests/bench/cpu_bound.go"),
        procs: 4,
        race: true,
        output: "total: 59999980",
    },
    Bench {
        name: "mutex_100k race=on",
        src: include_str!("../../../tests/bench/mutex_100k.go"),
        procs: 4,
        race: true,
        output: "counter: 100000",
    },
];

/// Prints one `speed: <name>: <ms> ms` line per benchmark (the line
/// `cargo xtask bench` reads).
fn run_benches(print: impl Fn(&str)) {
    for b in BENCHES {
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let prog = compile(b.src).expect("the benchmark compiles");
            let cfg = Config {
                procs: b.procs,
                race: b.race,
                trace: TraceLevel::Off,
                ..Config::default()
            };
            let mut m = Machine::new(prog.into(), cfg);
            m.run_to_end();
            times.push(t.elapsed().as_secs_f64() * 1e3);
            let out = m.stdout_text();
            assert_eq!(out.lines().next(), Some(b.output), "{}", b.name);
        }
        times.sort_by(f64::total_cmp);
        print(&format!("speed: {}: {:.1} ms", b.name, times[1]));
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore = "a benchmark: run by `cargo xtask bench`"]
fn speed() {
    run_benches(|line| println!("{line}"));
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
#[ignore = "a benchmark: run by `cargo xtask bench`"]
fn speed() {
    run_benches(|line| wasm_bindgen_test::console_log!("{line}"));
}
