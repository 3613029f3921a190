//! Development helper: checks a Go file and prints diagnostics (and, with `-d`, the program dump).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dump = args.iter().any(|a| a == "-d");
    let Some(path) = args.iter().skip(1).find(|a| !a.starts_with('-')) else {
        eprintln!("usage: gocheck [-d] file.go");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let checked = gosched_lang::check(&src);
    let index = gosched_lang::LineIndex::new(&src);
    for d in &checked.diagnostics {
        println!("{}", d.render("main.go", &index));
    }
    for e in &checked.internal_errors {
        println!("INTERNAL: {e}");
    }
    if dump {
        print!("{}", gosched_lang::dump::dump(&checked, &src));
    }
}
