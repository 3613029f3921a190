//! The source-text mutator for the `compile` and `run` targets: changes a Go program a line or a
//! token at a time, so that most mutants still parse and many still type-check.
//!
//! libFuzzer's own mutations flip bytes, which turns almost every program
//! into a syntax error that never reaches the compiler or the simulator.
//! These work on the text's structure instead: delete, duplicate, move or
//! swap lines; insert a statement typical of concurrent programs; replace a
//! token by another of its kind (a number by a boundary value, an identifier
//! by another identifier of the same program, an operator by an operator, a
//! string by a format string); splice two programs. A mutation is a pure
//! function of (input, seed), so libFuzzer can replay it.

/// A small deterministic generator (SplitMix64) seeded by libFuzzer's seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Statements and declarations that concurrent programs are made of; inserted
/// as whole lines (the program's own names `wg`, `mu`, `ch`, `done` often
/// make them type-check).
const SNIPPETS: &[&str] = &[
    "go func() {}()",
    "go f()",
    "go worker(i)",
    "wg.Add(1)",
    "wg.Add(-1)",
    "wg.Done()",
    "wg.Wait()",
    "defer wg.Done()",
    "mu.Lock()",
    "mu.Unlock()",
    "defer mu.Unlock()",
    "mu.RLock()",
    "mu.RUnlock()",
    "ch <- 1",
    "ch <- i",
    "<-ch",
    "v, ok := <-ch",
    "_, _ = v, ok",
    "close(ch)",
    "close(done)",
    "done <- true",
    "<-done",
    "ch = nil",
    "ch := make(chan int)",
    "ch := make(chan int, 1)",
    "done := make(chan bool)",
    "var mu sync.Mutex",
    "var wg sync.WaitGroup",
    "var once sync.Once",
    "once.Do(func() {})",
    "cond := sync.NewCond(&mu)",
    "cond.Wait()",
    "cond.Broadcast()",
    "select {}",
    "select {\ncase <-ch:\ndefault:\n}",
    "select {\ncase ch <- 1:\ncase <-time.After(time.Millisecond):\n}",
    "for range ch {\n}",
    "for i := range 3 {\n_ = i\n}",
    "for {\n}",
    "for i := 0; i < 10; i++ {",
    "}",
    "{",
    "return",
    "break",
    "continue",
    "runtime.Gosched()",
    "runtime.GOMAXPROCS(1)",
    "runtime.GOMAXPROCS(64)",
    "runtime.Goexit()",
    "runtime.NumGoroutine()",
    "time.Sleep(time.Millisecond)",
    "time.Sleep(0)",
    "time.Sleep(-1)",
    "<-time.After(time.Second)",
    "t := time.NewTimer(time.Millisecond)",
    "t.Stop()",
    "t.Reset(0)",
    "tk := time.NewTicker(1)",
    "panic(\"boom\")",
    "panic(nil)",
    "panic(fmt.Sprintf(\"%v\", 1))",
    "defer func() { recover() }()",
    "defer func() { panic(recover()) }()",
    "defer fmt.Println(\"deferred\")",
    "os.Exit(3)",
    "atomic.AddInt64(&n, 1)",
    "var n int64",
    "counter++",
    "counter = counter + 1",
    "x := 0",
    "x++",
    "m := map[int]int{}",
    "m[1] = 2",
    "delete(m, 1)",
    "var m map[string]int",
    "m[\"k\"]++",
    "for k, v := range m {\n_, _ = k, v\n}",
    "s := make([]int, 10)",
    "s := make([]int, 1<<40)",
    "s = append(s, s...)",
    "s = s[1:]",
    "_ = s[len(s)]",
    "copy(s, s[1:])",
    "var p *int",
    "*p = 1",
    "var e error",
    "_ = e.Error()",
    "var a any = 1",
    "_ = a.(string)",
    "fmt.Println(\"x\")",
    "fmt.Println(x, s, m)",
    "fmt.Printf(\"%d %s %v %q %x\\n\", 1, \"s\", nil, 'r', -1)",
    "fmt.Printf(\"%*d\\n\", 1<<30, 1)",
    "fmt.Sprintf(\"%1000000d\", 1)",
    "println(\"x\")",
    "print(1.5)",
    "strings.Repeat(\"ab\", 1<<20)",
    "strconv.Itoa(-1)",
    "sort.Ints(s)",
    "func f() {}",
    "func worker(i int) {}",
    "type T struct{ a, b int }",
    "var t T",
    "t.a = 1",
    "const k = 1 << 62",
    "var arr [1 << 20]int",
    "go func() {\nfor {\n}\n}()",
    "go func() {\nfor {\ngo func() {}()\n}\n}()",
    "f := func() { f() }",
];

/// Number literals that sit on boundaries (of widths, limits, capacities).
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "-1",
    "7",
    "8",
    "64",
    "127",
    "128",
    "255",
    "256",
    "1000",
    "4096",
    "65536",
    "1 << 20",
    "1 << 31",
    "1 << 32",
    "1 << 62",
    "1 << 63",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "1e9",
    "1e300",
    "0.1",
    "0x7fffffff",
    "'x'",
    "1_000_000",
];

/// Strings, including format verbs and invalid UTF-8.
const STRINGS: &[&str] = &[
    "\"\"",
    "\"x\"",
    "\"%d\"",
    "\"%v %v\"",
    "\"%s\\n\"",
    "\"%!\"",
    "\"%[2]d %[1]d\"",
    "\"%*d\"",
    "\"%.*f\"",
    "\"%1000000000d\"",
    "\"%T %p\"",
    "\"\\xff\\xfe\"",
    "\"\\u00e9\"",
    "`raw\nstring`",
];

/// Operators, in groups that are often interchangeable.
const OPERATORS: &[&[&str]] = &[
    &["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^"],
    &["==", "!=", "<", "<=", ">", ">="],
    &["&&", "||"],
    &["=", ":=", "+=", "-=", "*=", "<<=", "|="],
    &["++", "--"],
    &["<-", "->"],
    &[",", ";"],
    &["...", "."],
];

/// Keywords and type names that replace each other.
const WORDS: &[&str] = &[
    "go",
    "defer",
    "return",
    "break",
    "continue",
    "for",
    "if",
    "else",
    "switch",
    "select",
    "case",
    "default",
    "func",
    "var",
    "const",
    "type",
    "chan",
    "map",
    "struct",
    "interface",
    "range",
    "fallthrough",
    "nil",
    "true",
    "false",
    "iota",
    "int",
    "int8",
    "uint8",
    "int64",
    "uint64",
    "float64",
    "string",
    "byte",
    "rune",
    "bool",
    "any",
    "error",
    "len",
    "cap",
    "make",
    "new",
    "append",
    "copy",
    "close",
    "delete",
    "panic",
    "recover",
    "print",
    "println",
    "min",
    "max",
    "clear",
];

/// The kind of a token, for replacing it by one of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Ident,
    Number,
    String,
    Op,
    Space,
}

/// Splits `line` into tokens (roughly as Go's scanner would: identifiers,
/// numbers, string and rune literals, operators, white space).
fn tokens(line: &str) -> Vec<(Kind, &str)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let c = b[i];
        let kind = if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            Kind::Ident
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            Kind::Number
        } else if c == b'"' || c == b'\'' || c == b'`' {
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == b'\\' && c != b'`' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(b.len());
            Kind::String
        } else if c.is_ascii_whitespace() {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            Kind::Space
        } else {
            let op = OPERATORS
                .iter()
                .flat_map(|g| g.iter())
                .filter(|op| line[i..].starts_with(**op))
                .map(|op| op.len())
                .max()
                .unwrap_or(1);
            i += op;
            Kind::Op
        };
        // Stay on character boundaries (multi-byte characters are identifiers).
        while i < b.len() && !line.is_char_boundary(i) {
            i += 1;
        }
        out.push((kind, &line[start..i]));
    }
    out
}

/// The identifiers a program uses (its own names, to swap one for another).
fn identifiers(text: &str) -> Vec<&str> {
    let mut ids: Vec<&str> = text
        .lines()
        .flat_map(tokens)
        .filter(|(k, _)| *k == Kind::Ident)
        .map(|(_, t)| t)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether a line can move or go without unbalancing the program's braces
/// (and is inside a function body: indented).
fn movable(line: &str) -> bool {
    let opens = line.matches(['{', '(']).count();
    let closes = line.matches(['}', ')']).count();
    // Import specs are indented string literals: they stay where they are.
    line.starts_with('\t') && opens == closes && !line.trim_start().starts_with('"')
}

/// One structured mutation of `lines`. Most mutations keep the braces
/// balanced and stay inside function bodies, so that the mutant still
/// parses; one in eight picks any line.
fn mutate_lines(lines: &mut Vec<String>, ids: &[&str], rng: &mut Rng) {
    let n = lines.len();
    let chaos = rng.below(8) == 0;
    let body: Vec<usize> = (0..n).filter(|&i| chaos || movable(&lines[i])).collect();
    // Insertion points inside bodies: before an indented line.
    let slots: Vec<usize> = (0..n)
        .filter(|&i| chaos || lines[i].starts_with('\t'))
        .collect();
    let Some(&i) = rng.pick(&body) else {
        let at = rng.pick(&slots).copied().unwrap_or(n);
        insert_snippet(lines, at, rng);
        return;
    };
    let at = rng.pick(&slots).copied().unwrap_or(n);
    match rng.below(10) {
        // Delete a line.
        0 => {
            lines.remove(i);
        }
        // Duplicate a line somewhere.
        1 => {
            let l = lines[i].clone();
            lines.insert(at, l);
        }
        // Swap two lines.
        2 => {
            let j = rng.pick(&body).copied().unwrap_or(i);
            lines.swap(i, j);
        }
        // Move a line.
        3 => {
            let l = lines.remove(i);
            lines.insert(at.min(lines.len()), l);
        }
        // Insert a typical statement.
        4..=6 => insert_snippet(lines, at, rng),
        // Replace a line by another line of the program.
        7 => {
            let j = rng.pick(&body).copied().unwrap_or(i);
            lines[i] = lines[j].clone();
        }
        // Token mutations (in any line: numbers in declarations matter too).
        _ => {
            let k = if rng.below(2) == 0 { i } else { rng.below(n) };
            mutate_tokens(&mut lines[k], ids, rng);
        }
    }
}

fn insert_snippet(lines: &mut Vec<String>, at: usize, rng: &mut Rng) {
    let s = rng.pick(SNIPPETS).copied().unwrap_or("");
    let at = at.min(lines.len());
    for (k, l) in s.lines().enumerate() {
        lines.insert(at + k, format!("\t{l}"));
    }
}

/// Replaces, deletes or duplicates one token of `line`.
fn mutate_tokens(line: &mut String, ids: &[&str], rng: &mut Rng) {
    let toks = tokens(line);
    let candidates: Vec<usize> = (0..toks.len())
        .filter(|&k| toks[k].0 != Kind::Space)
        .collect();
    let Some(&k) = rng.pick(&candidates) else {
        *line = rng.pick(SNIPPETS).copied().unwrap_or("").to_string();
        return;
    };
    let (kind, text) = toks[k];
    let replacement: String = match rng.below(12) {
        0 => String::new(),
        1 => format!("{text} {text}"),
        _ => match kind {
            Kind::Number => rng.pick(NUMBERS).copied().unwrap_or("0").to_string(),
            Kind::String => rng.pick(STRINGS).copied().unwrap_or("\"\"").to_string(),
            Kind::Op => {
                let group = OPERATORS
                    .iter()
                    .find(|g| g.contains(&text))
                    .copied()
                    .unwrap_or(OPERATORS[0]);
                rng.pick(group).copied().unwrap_or(text).to_string()
            }
            Kind::Ident if rng.below(6) == 0 => {
                rng.pick(WORDS).copied().unwrap_or(text).to_string()
            }
            Kind::Ident => rng.pick(ids).copied().unwrap_or(text).to_string(),
            Kind::Space => text.to_string(),
        },
    };
    let mut out = String::with_capacity(line.len() + replacement.len());
    for (j, (_, t)) in toks.iter().enumerate() {
        out.push_str(if j == k { &replacement } else { t });
    }
    *line = out;
}

/// Truncates `bytes` to at most `max` bytes.
fn fit(mut bytes: Vec<u8>, max: usize) -> Vec<u8> {
    bytes.truncate(max);
    bytes
}

/// One to four structured mutations of `data` (read as Go source), at most `max_size` bytes.
pub fn mutate(data: &[u8], seed: u32, max_size: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(data);
    let ids = identifiers(&text);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut rng = Rng::new(u64::from(seed));
    for _ in 0..1 + rng.below(2) {
        mutate_lines(&mut lines, &ids, &mut rng);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    fit(out.into_bytes(), max_size)
}

/// The top-level declarations of a program: blocks of lines from a line that
/// starts a declaration (`func`, `type`, `var`, `const`) to the line before the next.
fn declarations(lines: &[&str]) -> Vec<std::ops::Range<usize>> {
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            ["func ", "type ", "var ", "const "]
                .iter()
                .any(|k| lines[i].starts_with(k))
        })
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| s..starts.get(k + 1).copied().unwrap_or(lines.len()))
        .collect()
}

/// Combines two programs: inserts a declaration of `b` among `a`'s, or a
/// run of `b`'s lines inside `a`; at most `max_size` bytes.
pub fn crossover(a: &[u8], b: &[u8], seed: u32, max_size: usize) -> Vec<u8> {
    let ta = String::from_utf8_lossy(a);
    let tb = String::from_utf8_lossy(b);
    let la: Vec<&str> = ta.lines().collect();
    let lb: Vec<&str> = tb.lines().collect();
    let mut rng = Rng::new(u64::from(seed));
    let decls = declarations(&lb);
    let (block, at) = match (rng.below(2), rng.pick(&decls)) {
        (0, Some(d)) => {
            let targets = declarations(&la);
            let at = rng.pick(&targets).map_or(la.len(), |r| r.start);
            (&lb[d.clone()], at)
        }
        _ => {
            let from = rng.below(lb.len());
            let len = 1 + rng.below(12.min(lb.len() - from.min(lb.len())).max(1));
            let to = (from + len).min(lb.len());
            (&lb[from..to], rng.below(la.len() + 1))
        }
    };
    let mut out: Vec<&str> = Vec::with_capacity(la.len() + block.len());
    out.extend_from_slice(&la[..at]);
    out.extend_from_slice(block);
    out.extend_from_slice(&la[at..]);
    let mut text = out.join("\n");
    text.push('\n');
    fit(text.into_bytes(), max_size)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 40 + 2\n\tfmt.Println(\"x =\", x)\n}\n";

    #[test]
    fn tokens_cover_the_line_exactly() {
        let line = "\tv, ok := <-ch // é \"q\\\"\" 0x1F";
        let toks = tokens(line);
        assert_eq!(toks.iter().map(|t| t.1).collect::<String>(), line);
        assert!(toks.contains(&(Kind::Op, ":=")));
        assert!(toks.contains(&(Kind::Op, "<-")));
        assert!(toks.contains(&(Kind::String, "\"q\\\"\"")));
        assert!(toks.contains(&(Kind::Number, "0x1F")));
    }

    #[test]
    fn mutations_are_deterministic_and_bounded() {
        for seed in 0..500 {
            let a = mutate(PROGRAM.as_bytes(), seed, 4096);
            assert_eq!(a, mutate(PROGRAM.as_bytes(), seed, 4096));
            assert!(mutate(PROGRAM.as_bytes(), seed, 20).len() <= 20);
        }
        let b = crossover(PROGRAM.as_bytes(), b"func f() {\n}\n", 3, 4096);
        assert_eq!(
            b,
            crossover(PROGRAM.as_bytes(), b"func f() {\n}\n", 3, 4096)
        );
    }

    #[test]
    fn many_mutants_still_compile() {
        // The point of a structured mutator: a good share of mutants get past
        // the parser and checker (byte flips almost never do).
        let ok = (0..300)
            .filter(|&seed| {
                let m = mutate(PROGRAM.as_bytes(), seed, 4096);
                gosched_lang::compile::compile(&String::from_utf8_lossy(&m)).is_ok()
            })
            .count();
        assert!(ok > 30, "only {ok} of 300 mutants compile");
    }

    #[test]
    fn mutating_garbage_does_not_panic() {
        for seed in 0..200 {
            let _ = mutate(b"\xff\xfe\n\n\"unterminated", seed, 64);
            let _ = mutate(b"", seed, 64);
            let _ = crossover(b"", b"", seed, 64);
            let _ = crossover(b"func a() {}\n", b"", seed, 64);
        }
    }
}
