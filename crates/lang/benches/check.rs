//! Benchmark: lexing, parsing, checking and compiling a generated 1,000-line program.
//!
//! Run with `cargo bench -p gosched-lang --bench check`.

use std::fmt::Write;

fn main() {
    divan::main();
}

/// A realistic program of about 1,000 lines: structs with methods, worker
/// goroutines, channels, a mutex-protected map, closures, switches, loops.
fn program() -> String {
    let mut s = String::from(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\t\"sync\"\n\t\"time\"\n)\n\n",
    );
    let mut i = 0;
    while s.lines().count() < 960 {
        let _ = write!(
            s,
            r#"type Worker{i} struct {{
	mu    sync.Mutex
	seen  map[string]int
	count int
}}

func (w *Worker{i}) Handle(job string, out chan<- string) {{
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen[job]++
	w.count++
	switch {{
	case strings.HasPrefix(job, "a"):
		out <- fmt.Sprintf("%d:%s", w.count, job)
	case len(job) > 3:
		out <- strings.ToUpper(job)
	default:
		out <- job
	}}
}}

func run{i}(jobs []string) int {{
	w := &Worker{i}{{seen: make(map[string]int)}}
	out := make(chan string, len(jobs))
	var wg sync.WaitGroup
	for _, j := range jobs {{
		wg.Add(1)
		go func() {{
			defer wg.Done()
			w.Handle(j, out)
		}}()
	}}
	wg.Wait()
	close(out)
	total := 0
	for r := range out {{
		total += len(r)
	}}
	time.Sleep(time.Millisecond)
	return total + w.count
}}

"#
        );
        i += 1;
    }
    s.push_str("func main() {\n\tjobs := []string{\"a1\", \"bb\", \"cccc\"}\n");
    for k in 0..i {
        let _ = writeln!(s, "\tfmt.Println(run{k}(jobs))");
    }
    s.push_str("}\n");
    s
}

#[divan::bench]
fn check_1000_lines(b: divan::Bencher) {
    let src = program();
    let checked = gosched_lang::check(&src);
    assert!(checked.is_ok(), "{:?}", checked.diagnostics);
    assert!(src.lines().count() >= 1000, "{}", src.lines().count());
    b.bench(|| gosched_lang::check(divan::black_box(&src)));
}

#[divan::bench]
fn parse_1000_lines(b: divan::Bencher) {
    let src = program();
    b.bench(|| gosched_lang::parse(divan::black_box(&src)));
}

#[divan::bench]
fn check_hello_world(b: divan::Bencher) {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n";
    b.bench(|| gosched_lang::check(divan::black_box(src)));
}

/// The whole pipeline the page runs on every edit: parse, check, compile to bytecode.
#[divan::bench]
fn compile_1000_lines(b: divan::Bencher) {
    let src = program();
    assert!(gosched_lang::compile::compile(&src).is_ok());
    b.bench(|| gosched_lang::compile::compile(divan::black_box(&src)));
}

#[divan::bench]
fn compile_hello_world(b: divan::Bencher) {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello\")\n}\n";
    b.bench(|| gosched_lang::compile::compile(divan::black_box(src)));
}
