//! `gosched run --trace FILE` as a user calls it: the Chrome trace-event JSON it writes for a
//! small program, pinned byte for byte (the builder lives in gosched-sim and the page shares it).

use std::path::PathBuf;
use std::process::Command;

fn here(rel: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", rel].iter().collect()
}

#[test]
fn the_trace_of_a_small_program_is_byte_identical_to_its_snapshot() {
    let out_path =
        std::env::temp_dir().join(format!("gosched-trace-test-{}.json", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_gosched"))
        .args(["run", "--procs", "2", "--trace"])
        .arg(&out_path)
        .arg(here("trace/small.go"))
        .output()
        .expect("gosched runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true\ndone\n");
    let trace = std::fs::read_to_string(&out_path).expect("the trace was written");
    let _ = std::fs::remove_file(&out_path);
    // Every kind of record the format has appears: names, slices on both processes, and
    // the three instant marks.
    for needle in [
        "\"process_name\"",
        "\"thread_name\"",
        "\"ph\":\"X\",\"pid\":1",
        "\"ph\":\"X\",\"pid\":2",
        "\"name\":\"steal\"",
        "\"name\":\"preempt\"",
        "\"name\":\"syscall handoff\"",
        "\"name\":\"syscall G6 main.main.func1\"",
    ] {
        assert!(trace.contains(needle), "{needle} missing from {trace}");
    }
    expect_test::expect_file!["trace/small.trace.json"].assert_eq(&trace);
}
