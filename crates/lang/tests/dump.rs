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
            body 51 Inc at 13:19: func()
              recv c *main.Counter recv
            body 52 main at 15:6: func()
              local c main.Counter addr captured
              local wg sync.WaitGroup addr captured
              local i int captured per-iteration
              local x int addr
              local p *int
            body 53 func literal at 20:6: func()
              free wg
              free c
              free i
              has defer
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

#[test]
fn method_sets_follow_go_rules() {
    let src = "package main\n\ntype In struct{}\n\nfunc (In) A()  {}\nfunc (*In) B() {}\n\ntype T struct{ In }\n\nfunc (T) C() {}\n\ntype I interface{ A(); C() }\n\nfunc main() { var _ I = T{} }\n";
    let checked = gosched_lang::check(src);
    assert!(checked.is_ok(), "{:?}", checked.diagnostics);
    let p = checked.program.as_ref().expect("program");
    let ast = &checked.ast;
    let main = *p.pkg_order.last().expect("main package");
    let scope = p.pkgs[main.index()].scope;
    let lookup = |n: &str| {
        let sym = ast.syms.get(n).expect("interned");
        let o = p.scopes.lookup_local(scope, sym).expect("declared");
        p.objs[o.index()].typ
    };
    let (t, i) = (lookup("T"), lookup("I"));
    let names = |ty| -> Vec<String> {
        p.method_set(ast, ty)
            .iter()
            .map(|(o, _)| ast.str(p.objs[o.index()].name).to_string())
            .collect()
    };
    let mut pt = gosched_lang::types::TypeTable::clone(&p.types);
    let ptr_t = pt.pointer(t);
    assert_eq!(names(t), ["A", "C"]);
    assert_eq!(p.type_string(ast, t, true), "main.T");
    assert_eq!(p.type_string(ast, t, false), "T");
    assert!(p.implements(ast, t, i));
    // *T's method set (computed on a copy of the table that knows *T).
    let p2 = gosched_lang::Program {
        types: pt,
        ..clone_program(p)
    };
    let mut ptr_names: Vec<String> = p2
        .method_set(ast, ptr_t)
        .iter()
        .map(|(o, _)| ast.str(p.objs[o.index()].name).to_string())
        .collect();
    ptr_names.sort();
    assert_eq!(ptr_names, ["A", "B", "C"]);
}

fn clone_program(p: &gosched_lang::Program) -> gosched_lang::Program {
    gosched_lang::Program {
        types: p.types.clone(),
        objs: p.objs.clone(),
        pkgs: p.pkgs.clone(),
        scopes: p.scopes.clone(),
        info: p.info.clone(),
        inits: p.inits.clone(),
        pkg_order: p.pkg_order.clone(),
        init_funcs: p.init_funcs.clone(),
        error_type: p.error_type,
    }
}
