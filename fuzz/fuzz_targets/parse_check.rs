//! Fuzz target `parse_check`: any bytes, read as Go source, through the front end's `analyze`
//! and `check` (see `gosched_fuzz_targets::parse_check`). libFuzzer's own byte mutations, with
//! the Go tokens of `fuzz/go.dict`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| gosched_fuzz_targets::parse_check(data));
