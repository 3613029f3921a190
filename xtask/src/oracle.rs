//! `cargo xtask oracle`: compares test programs against real Go (stub; another issue fills it in).

/// Runs the oracle with the arguments after `cargo xtask oracle`.
pub fn run(args: &[String]) -> Result<(), String> {
    let _ = args;
    Err("oracle not implemented yet".to_string())
}
