//! No input panics the front end or overflows its stack.
//!
//! Property tests feed random bytes, random token soup and mutated valid
//! programs to [`gosched_lang::analyze`]; deterministic tests cover deep
//! nesting of every construct. Tests run on threads with a 2 MiB stack (the
//! Rust test default), so a recursion bug shows up as a crash here.
#![cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency

use proptest::prelude::*;

/// The one entry point: analyzing `src` must return (never panic).
fn check(src: &str) {
    let a = gosched_lang::analyze(src);
    assert!(a.diagnostics.len() <= gosched_lang::diag::MAX_ERRORS);
    let _ = gosched_lang::parse(src);
}

const TOKENS: &[&str] = &[
    "package",
    "main",
    "import",
    "\"fmt\"",
    "func",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "go",
    "defer",
    "chan",
    "<-",
    ":=",
    "=",
    "+",
    "-",
    "*",
    "&",
    "x",
    "y",
    "int",
    "string",
    "struct",
    "interface",
    "map",
    "select",
    "case",
    "default",
    ":",
    ";",
    "\n",
    ",",
    ".",
    "...",
    "for",
    "range",
    "if",
    "else",
    "switch",
    "return",
    "1",
    "1.5",
    "'a'",
    "\"s\"",
    "`raw`",
    "type",
    "var",
    "const",
    "iota",
    "nil",
    "true",
    "break",
    "continue",
    "fallthrough",
    "goto",
    "L",
    "make",
    "len",
    "append",
    "fmt.Println",
    "sync.Mutex",
    "[]",
    "...",
    "==",
    "!",
    "^",
    "<<",
    ">>",
    "&&",
    "||",
    "%",
    "/",
    "(x)",
    "T",
    "T[int]",
    "\x00",
    "@",
    "#",
    "/*",
    "*/",
    "//",
    "0x",
    "1e",
    "08",
    "\\",
    "\"unterminated",
];

const VALID: &str = include_str!("valid/interfaces_embedding_assertions.go");

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn token_soup_never_panics(idx in proptest::collection::vec(0..TOKENS.len(), 0..120)) {
        let src: Vec<&str> = idx.iter().map(|&i| TOKENS[i]).collect();
        check(&src.join(" "));
    }

    #[test]
    fn token_soup_in_main_never_panics(idx in proptest::collection::vec(0..TOKENS.len(), 0..80)) {
        let body: Vec<&str> = idx.iter().map(|&i| TOKENS[i]).collect();
        check(&format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{}\n}}\n", body.join(" ")));
    }

    #[test]
    fn mutated_valid_program_never_panics(cut in 0..VALID.len(), len in 0..40usize, ins in 0..TOKENS.len()) {
        let mut s = VALID.to_string();
        let mut a = cut.min(s.len());
        while !s.is_char_boundary(a) { a -= 1; }
        let mut b = (a + len).min(s.len());
        while !s.is_char_boundary(b) { b -= 1; }
        s.replace_range(a..b, TOKENS[ins]);
        check(&s);
    }
}

#[test]
fn deep_nesting_is_reported_not_crashed() {
    let n = 100_000;
    let cases = [
        format!(
            "package main\nvar x = {}1{}\n",
            "(".repeat(n),
            ")".repeat(n)
        ),
        format!("package main\nvar x = {}1\n", "-".repeat(n)),
        format!("package main\nvar x {}int\n", "*".repeat(n)),
        format!("package main\nvar x {}int\n", "[]".repeat(n)),
        format!("package main\nfunc main() {{ {} }}\n", "{".repeat(n)),
        format!(
            "package main\nfunc main() {{ {} }}\n",
            "if true {".repeat(n)
        ),
        format!("package main\nfunc main() {{ {} }}\n", "for {".repeat(n)),
        format!("package main\nvar x = {}\n", "[]int{".repeat(n)),
        format!("package main\nvar x = {}\n", "func() { ".repeat(n)),
        format!("package main\nvar x = 1{}\n", " + 1".repeat(n)),
        format!("package main\nvar x = a{}\n", ".b".repeat(n)),
        format!("package main\nvar x = f{}\n", "()".repeat(n)),
        format!("package main\nvar x = {}\n", "<-".repeat(n)),
        format!("package main\ntype T {}int\n", "chan ".repeat(n)),
        format!("package main\ntype T {}\n", "struct { x ".repeat(n)),
    ];
    for (i, src) in cases.iter().enumerate() {
        eprintln!("deep case {i}");
        check(src);
    }
}

#[test]
fn long_but_shallow_programs_are_fine() {
    // A long flat expression chain is not nesting in the parser's sense for
    // operators of equal precedence, but each operand adds a tree level.
    let src = format!(
        "package main\n\nfunc main() {{\n\tx := 0\n{}\t_ = x\n}}\n",
        "\tx++\n".repeat(5000)
    );
    let a = gosched_lang::analyze(&src);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
}

#[test]
fn nul_bytes_and_bom_are_diagnosed() {
    let a = gosched_lang::analyze("package main\n\nfunc main() {\n\tx := \"a\x00b\"\n\t_ = x\n}\n");
    assert_eq!(a.diagnostics.len(), 1);
    assert_eq!(a.diagnostics[0].message, "invalid NUL character");
    let a = gosched_lang::analyze("\u{FEFF}package main\n\nfunc main() {}\n");
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
}

#[test]
fn nesting_just_under_the_limit_fits_in_one_mebibyte_of_stack() {
    // wasm32's default stack is 1 MiB; debug builds use the most stack.
    let n = gosched_lang::parser::MAX_NESTING as usize - 10;
    let cases = [
        format!(
            "package main\n\nfunc main() {{\n\tx := {}1{}\n\t_ = x\n}}\n",
            "(".repeat(n),
            ")".repeat(n)
        ),
        format!(
            "package main\n\nfunc main() {{\n\tx := 1{}\n\t_ = x\n}}\n",
            " + 1".repeat(n)
        ),
        format!(
            "package main\n\nfunc main() {{\n\tx := \"a\"{}\n\t_ = x\n}}\n",
            " + \"b\"".repeat(n)
        ),
        format!(
            "package main\n\nfunc main() {{\n{}\n{}\n}}\n",
            "if true {".repeat(n / 2),
            "}".repeat(n / 2)
        ),
        format!(
            "package main\n\nfunc f() int {{ return {}1{} }}\n\nfunc main() {{ _ = f() }}\n",
            "-(".repeat(n / 2),
            ")".repeat(n / 2)
        ),
        format!(
            "package main\n\nvar x = {}0{}\n\nfunc main() {{}}\n",
            "[]any{".repeat(n / 2),
            "}".repeat(n / 2)
        ),
        format!(
            "package main\n\nfunc main() {{\n\tf := {}nil{}\n\t_ = f\n}}\n",
            "func() any { return ".repeat(n / 3),
            " }".repeat(n / 3)
        ),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            // Whether or not a case hits the limit, analysis must finish.
            cases
                .iter()
                .map(|src| gosched_lang::analyze(src).diagnostics.len())
                .sum::<usize>()
        })
        .expect("spawn");
    let total = handle.join().expect("analysis overflowed a 1 MiB stack");
    // The parenthesized and flat cases stay under the limit and are valid.
    assert!(total < 7 * gosched_lang::diag::MAX_ERRORS);
}

#[test]
fn analyze_lists_go_statements_in_source_order() {
    let src = "package main\n\nfunc f() {}\n\nfunc main() {\n\tgo f()\n\tgo func() {\n\t\tgo f()\n\t}()\n}\n";
    let a = gosched_lang::analyze(src);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    let starts: Vec<&str> = a
        .go_statements
        .iter()
        .map(|s| &src[s.lo as usize..s.hi as usize])
        .collect();
    assert_eq!(
        starts,
        ["go f()", "go func() {\n\t\tgo f()\n\t}()", "go f()"]
    );
}
