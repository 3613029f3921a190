//! `cargo xtask`: set-up, build, serve and test (stub).
fn main() {}
