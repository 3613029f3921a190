//! Snapshots of what the checker tells the compiler: bodies, storage flags
//! (address taken, captured, per-iteration), calls, selections, conversions.
//!
//! Update with `UPDATE_EXPECT=1 cargo test -p gosched-lang --test dump`.

use expect_test::{expect, Expect};

/// The one entry point: checks `src` and compares its dump with `expect`.
fn check(src: &str, expect: Expect) {
    let checked = gosched_lang::check(src);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    expect.assert_eq(&gosched_lang::dump::dump(&checked, src));
}

#[test]
fn closures_loop_vars_and_address_taken() {
    check(
        r#"package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func main() {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
			fmt.Println(i)
		}()
	}
	wg.Wait()
	x := 1
	p := &x
	fmt.Println(*p, c.n)
}
"#,
        expect![[r#"
            body 51 main at 15:6: func()
              local c main.Counter addr captured
              local wg sync.WaitGroup addr captured
              local i int captured per-iteration
              local x int addr
              local p *int
            body 52 func literal at 20:6: func()
              free wg
              free c
              free i
              has defer
            body 53 Inc at 13:19: func()
              recv c *main.Counter recv
            13:27: call method Lock
            13:27: select c.mu field mu path [0] indirect
            13:27: select c.mu.Lock method Lock path [0] &recv
            13:40: select c.n field n path [1] indirect
            13:47: call method Unlock
            13:47: select c.mu field mu path [0] indirect
            13:47: select c.mu.Unlock method Unlock path [1] &recv
            19:3: call method Add
            19:3: select wg.Add method Add path [0] &recv
            20:3: go statement
            20:6: call value
            21:4: defer statement
            21:10: call method Done
            21:10: select wg.Done method Done path [2] &recv
            22:4: call method Inc
            22:4: select c.Inc method Inc path [0] &recv
            23:4: call func fmt.Println native pack
            23:16: convert i to any
            26:2: call method Wait
            26:2: select wg.Wait method Wait path [1] &recv
            29:2: call func fmt.Println native pack
            29:14: convert *p to any
            29:18: convert c.n to any
            29:18: select c.n field n path [1]
        "#]],
    );
}
