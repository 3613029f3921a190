//! Fuzz target `link_decode`: share-link fragments and scenario texts through the page's link
//! decoder (see `gosched_fuzz_targets::link_decode`). libFuzzer's own byte mutations, with the
//! settings keys of `fuzz/link.dict`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| gosched_fuzz_targets::link_decode(data));
