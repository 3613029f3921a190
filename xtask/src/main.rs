//! `cargo xtask`: set-up, build, serve and test (stub).
mod oracle;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("oracle") => oracle::run(&args[1..]),
        _ => Err("usage: cargo xtask oracle [--check] [PATHS...]".to_string()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
