//! Fuzz target `compile`: structurally valid programs through the compiler, whose bytecode
//! must verify
//! (see `gosched_fuzz_targets::compile`). Inputs are Go programs mutated by lines and tokens
//! (`gosched_fuzz_targets::mutate`), with one mutation in ten left to libFuzzer's byte flips.
#![no_main]

use gosched_fuzz_targets::mutate;
use libfuzzer_sys::{fuzz_crossover, fuzz_mutator, fuzz_target, fuzzer_mutate};

fuzz_target!(|data: &[u8]| gosched_fuzz_targets::compile(data));

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    if seed % 10 == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let out = mutate::mutate(&data[..size], seed, max_size);
    data[..out.len()].copy_from_slice(&out);
    out.len()
});

fuzz_crossover!(|data1: &[u8], data2: &[u8], out: &mut [u8], seed: u32| {
    let v = mutate::crossover(data1, data2, seed, out.len());
    out[..v.len()].copy_from_slice(&v);
    v.len()
});
