//! The `gosched` command-line tool.
fn main() {}
