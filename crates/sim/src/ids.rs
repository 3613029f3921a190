//! Typed ids of runtime objects (goroutines, processors, threads, heap objects) and simulated time.

use std::fmt;

/// A goroutine id, as Go numbers them (main is 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct GoId(pub u32);

/// A processor `P` (0-based, as `go tool trace` shows `Proc 0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProcId(pub u32);

/// An OS thread `M` (m0 is the main thread).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MId(pub u32);

/// A heap object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ObjId(pub u32);

/// Simulated time in nanoseconds since the program started.
pub type Nanos = u64;

/// One step of the machine: an instruction executed on some P, or one
/// scheduler action. Steps are the unit of replay and seeking.
pub type Step = u64;

impl GoId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl ProcId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl MId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl ObjId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for GoId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "G{}", self.0)
    }
}

impl fmt::Display for ProcId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "P{}", self.0)
    }
}

impl fmt::Display for MId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "M{}", self.0)
    }
}

/// Formats a duration the way people read it: `850ns`, `12.5µs`, `3.2ms`, `1.05s`.
pub fn fmt_nanos(ns: Nanos) -> String {
    if ns < 1_000 {
        format!("{ns}ns")
    } else if ns < 1_000_000 {
        trim(format!("{:.1}", ns as f64 / 1e3)) + "µs"
    } else if ns < 1_000_000_000 {
        trim(format!("{:.2}", ns as f64 / 1e6)) + "ms"
    } else {
        trim(format!("{:.3}", ns as f64 / 1e9)) + "s"
    }
}

fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn nanos_read_naturally() {
        assert_eq!(super::fmt_nanos(850), "850ns");
        assert_eq!(super::fmt_nanos(12_500), "12.5µs");
        assert_eq!(super::fmt_nanos(10_000_000), "10ms");
        assert_eq!(super::fmt_nanos(1_050_000_000), "1.05s");
    }
}
