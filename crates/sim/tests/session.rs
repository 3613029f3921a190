//! Sessions: the same run whether played in one go or in chunks, and seeking back and forth
//! lands on exactly the state a straight run reaches.

use std::sync::Arc;

use gosched_sim::{Config, Session, TraceLevel};

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	ch := make(chan int, 3)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			ch <- i
			<-ch
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
"#;

fn session(seed: u64) -> Session {
    let prog = Arc::new(gosched_lang::compile::compile(PROGRAM).expect("compiles"));
    let cfg = Config {
        procs: 3,
        seed,
        trace: TraceLevel::Full,
        ..Config::default()
    };
    Session::new(prog, cfg)
}

#[test]
fn chunked_runs_equal_one_run() {
    let mut whole = session(5);
    whole.run(u64::MAX);
    assert!(whole.finished());
    let mut chunked = session(5);
    let mut k = 1u64;
    while !chunked.finished() {
        chunked.run(k % 37 + 1);
        k += 1;
    }
    assert_eq!(whole.step(), chunked.step());
    assert_eq!(whole.events(), chunked.events());
    assert_eq!(whole.machine().stdout_text(), "300\n");
    assert_eq!(chunked.machine().stdout_text(), "300\n");
}

#[test]
fn seeking_back_gives_the_state_of_a_straight_run() {
    let mut s = session(9);
    s.run(u64::MAX);
    let end = s.step();
    assert!(end > 2000, "a long enough run: {end}");
    for target in [end / 3, 17, end - 1, end / 2] {
        s.seek(target);
        let mut fresh = session(9);
        fresh.run(target);
        assert_eq!(s.step(), target);
        assert_eq!(s.view(), fresh.view(), "at step {target}");
        assert_eq!(s.events_now(), fresh.events(), "events up to step {target}");
    }
}

#[test]
fn step_back_undoes_step_forward() {
    let mut s = session(2);
    s.run(500);
    let before = s.view();
    assert!(s.step_forward());
    assert_ne!(s.view().step, before.step);
    assert!(s.step_back());
    // Back at the last event at or before the previous position.
    assert!(s.step() <= before.step);
    s.seek(before.step);
    assert_eq!(s.view(), before);
}
