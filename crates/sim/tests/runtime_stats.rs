//! Run statistics the page and the CLI show: goroutine counts and stack memory.

use gosched_lang::compile::compile;
use gosched_sim::{Config, Machine};

fn run(src: &str) -> Machine {
    let prog = compile(src).expect("compiles");
    let mut m = Machine::new(prog.into(), Config::default());
    m.run_to_end();
    m
}

#[test]
fn peak_stack_is_the_sum_over_live_goroutines() {
    let m = run(r#"package main

import "sync"

func main() {
	var wg sync.WaitGroup
	block := make(chan bool)
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-block
		}()
	}
	close(block)
	wg.Wait()
}
"#);
    let s = m.stats();
    assert_eq!(m.outcome().map(|o| o.exit_code), Some(0));
    assert!(s.peak_goroutines >= 1001, "{s:?}");
    // 1000 parked goroutines at 2 KiB each, plus main's.
    assert!(s.peak_stack_bytes >= 1001 * 2048, "{s:?}");
    assert!(s.peak_stack_bytes < 1100 * 2048, "{s:?}");
    // Everything but main (and the runtime's finalizer goroutine) has exited.
    assert!(s.live_stack_bytes <= 2 * 8192, "{s:?}");
}

#[test]
fn a_deep_stack_doubles_and_counts_once() {
    let m = run(r#"package main

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	println(depth(10000))
}
"#);
    let s = m.stats();
    assert_eq!(m.stderr_text().lines().next(), Some("10000"));
    assert!(s.peak_stack_bytes >= 64 * 1024, "{s:?}");
}
