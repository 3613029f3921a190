//! gosched-sim: a deterministic simulator of the Go runtime that runs gosched-lang bytecode.
