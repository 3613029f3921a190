//! Same program, config and seed give the identical event sequence natively and in wasm.
//!
//! Both targets run the same programs and compare each run's trace digest
//! with `tests/determinism/digests.txt`: natively under `cargo nextest`, and
//! compiled to wasm32 in headless Chromium under wasm-bindgen-test (the
//! "browser tests" stage of `cargo xtask test`). A digest that differs on one
//! target only is a determinism bug; one that differs on both is a behaviour
//! change, accepted by re-running natively with `UPDATE_EXPECT=1`.

use gosched_sim::{trace, Config, Machine, PreemptMode, TraceLevel};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Programs from the labelled corpus: scheduling, channels, select, timers,
/// the netpoller, mutexes, races, deadlocks, panics and random map order.
const PROGRAMS: &[(&str, &str)] = &[
    (
        "course/counter_racy.go",
        include_str!("../../../tests/programs/course/counter_racy.go"),
    ),
    (
        "course/counter_mutex.go",
        include_str!("../../../tests/programs/course/counter_mutex.go"),
    ),
    (
        "course/fan_in.go",
        include_str!("../../../tests/programs/course/fan_in.go"),
    ),
    (
        "course/pipeline.go",
        include_str!("../../../tests/programs/course/pipeline.go"),
    ),
    (
        "course/producer_consumer.go",
        include_str!("../../../tests/programs/course/producer_consumer.go"),
    ),
    (
        "course/gosched_pingpong.go",
        include_str!("../../../tests/programs/course/gosched_pingpong.go"),
    ),
    (
        "course/main_exits_early.go",
        include_str!("../../../tests/programs/course/main_exits_early.go"),
    ),
    (
        "course/cpu_split.go",
        include_str!("../../../tests/programs/course/cpu_split.go"),
    ),
    (
        "sched/after_func.go",
        include_str!("../../../tests/programs/sched/after_func.go"),
    ),
    (
        "sched/channel_receivers.go",
        include_str!("../../../tests/programs/sched/channel_receivers.go"),
    ),
    (
        "sched/close_wakes_all.go",
        include_str!("../../../tests/programs/sched/close_wakes_all.go"),
    ),
    (
        "sched/mutex_waiters.go",
        include_str!("../../../tests/programs/sched/mutex_waiters.go"),
    ),
    (
        "sched/netpoll_get.go",
        include_str!("../../../tests/programs/sched/netpoll_get.go"),
    ),
    (
        "race/mutex_racy.go",
        include_str!("../../../tests/programs/race/mutex_racy.go"),
    ),
    (
        "race/chan_send_racy.go",
        include_str!("../../../tests/programs/race/chan_send_racy.go"),
    ),
    (
        "race/waitgroup_ok.go",
        include_str!("../../../tests/programs/race/waitgroup_ok.go"),
    ),
    (
        "race/map_writes.go",
        include_str!("../../../tests/programs/race/map_writes.go"),
    ),
    (
        "race/rwmutex_ok.go",
        include_str!("../../../tests/programs/race/rwmutex_ok.go"),
    ),
    (
        "deadlock/lock_order_cycle.go",
        include_str!("../../../tests/programs/deadlock/lock_order_cycle.go"),
    ),
    (
        "deadlock/select_all_blocked.go",
        include_str!("../../../tests/programs/deadlock/select_all_blocked.go"),
    ),
    (
        "panic/goroutine_panic.go",
        include_str!("../../../tests/programs/panic/goroutine_panic.go"),
    ),
    (
        "panic/concurrent_map_writes.go",
        include_str!("../../../tests/programs/panic/concurrent_map_writes.go"),
    ),
    (
        "lang/maps.go",
        include_str!("../../../tests/programs/lang/maps.go"),
    ),
    (
        "lang/rand_properties.go",
        include_str!("../../../tests/programs/lang/rand_properties.go"),
    ),
    (
        "lang/strconv_conv.go",
        include_str!("../../../tests/programs/lang/strconv_conv.go"),
    ),
    (
        "gobyexample/worker_pools.go",
        include_str!("../../../tests/programs/gobyexample/worker_pools.go"),
    ),
    (
        "gobyexample/rate_limiting.go",
        include_str!("../../../tests/programs/gobyexample/rate_limiting.go"),
    ),
    (
        "gobyexample/stateful_goroutines.go",
        include_str!("../../../tests/programs/gobyexample/stateful_goroutines.go"),
    ),
    (
        "tour/equivalent_binary_trees.go",
        include_str!("../../../tests/programs/tour/equivalent_binary_trees.go"),
    ),
    (
        "tour/web_crawler.go",
        include_str!("../../../tests/programs/tour/web_crawler.go"),
    ),
];

const GOLDEN: &str = include_str!("../../../tests/determinism/digests.txt");

/// One line per run: program, config and what the run produced.
fn run_all() -> String {
    let mut out = String::new();
    for (path, src) in PROGRAMS {
        let prog = gosched_lang::compile::compile(src)
            .unwrap_or_else(|e| panic!("{path} does not compile: {e:?}"));
        for (procs, preempt, seed) in [
            (1, PreemptMode::Async, 1),
            (4, PreemptMode::Async, 7),
            (2, PreemptMode::Cooperative, 3),
        ] {
            let mut cfg = Config {
                procs,
                preempt,
                seed,
                race: true,
                trace: TraceLevel::Full,
                ..Config::default()
            };
            // Long runs are cut short (exit 124): a prefix of 100,000 steps
            // already covers their scheduling, and keeps the debug-build wasm
            // run quick.
            cfg.limits.max_steps = 100_000;
            let mut m = Machine::new(prog.clone().into(), cfg);
            let exit = m.run_to_end().exit_code;
            out.push_str(&format!(
                "{path} procs={procs} preempt={preempt:?} seed={seed}: exit={exit} steps={} time={} events={} stdout={:016x} trace={:016x}\n",
                m.step(),
                m.now(),
                m.trace().len(),
                trace::digest_bytes(m.stdout_text().as_bytes()),
                trace::digest(m.trace()),
            ));
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_runs_match_the_recorded_digests() {
    let got = run_all();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/determinism/digests.txt");
        std::fs::write(path, &got).expect("write digests.txt");
        return;
    }
    assert_same(&got);
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_runs_match_the_recorded_digests() {
    assert_same(&run_all());
}

fn assert_same(got: &str) {
    let want: Vec<&str> = GOLDEN.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let diff: Vec<String> = got
        .iter()
        .zip(want.iter().chain(std::iter::repeat(&"(missing)")))
        .filter(|(g, w)| g != w)
        .map(|(g, w)| format!("  got  {g}\n  want {w}"))
        .collect();
    assert!(
        diff.is_empty() && got.len() == want.len(),
        "{} of {} runs differ from tests/determinism/digests.txt \
         (if the change is intended, re-run natively with UPDATE_EXPECT=1):\n{}",
        diff.len(),
        got.len(),
        diff.join("\n")
    );
}
