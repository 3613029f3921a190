//! Natives: the standard library functions the simulator implements (declared without a body in
//! gosched-lang's embedded Go sources), bound by their qualified Go names.
//!
//! A native receives its arguments in registers `base..base+nargs` of the
//! calling goroutine and writes its results to `base..base+nres`. It may
//! block: it parks the goroutine and says whether the call completes when
//! woken ([`NRet::Parked`]) or must run again ([`NRet::Retry`], e.g. a mutex
//! `Lock` that competes again after a wake-up).

mod errors;
mod floatfmt;
pub mod fmt;
mod math;
mod os;
mod rand;
mod runtime;
mod sort;
mod strconv;
mod strings;
mod sync;
mod time;
mod unicode;
mod unicode_tables;

use std::collections::BTreeMap;
use std::sync::Arc;

use gosched_lang::bytecode::Program;

use crate::ids::{GoId, ProcId};
use crate::interp::{Trap, R};
use crate::machine::Machine;
use crate::value::Value;

/// One call of a native.
#[derive(Debug)]
pub(crate) struct NativeCall {
    pub p: ProcId,
    pub g: GoId,
    /// Absolute register index of the first argument (and result).
    pub base: usize,
    pub nargs: usize,
    pub nres: usize,
}

/// How a native call ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NRet {
    /// Completed; results are written.
    Done,
    /// The goroutine parked; the call completes when it is woken (results,
    /// if any, are delivered by whoever wakes it).
    Parked,
    /// The goroutine parked; the call runs again when it is woken.
    Retry,
    /// The goroutine stopped running on this P for another reason (it
    /// yielded, entered a system call, or exited; or the program ended).
    Stop,
}

pub(crate) type NativeFn = fn(&mut Machine, &mut NativeCall) -> R<NRet>;

impl Machine {
    /// Argument `i` of a native call.
    #[inline]
    pub(crate) fn arg(&self, c: &NativeCall, i: usize) -> Value {
        self.gs[c.g.index()]
            .regs
            .get(c.base + i)
            .copied()
            .unwrap_or_default()
    }

    /// Sets result `i` of a native call.
    #[inline]
    pub(crate) fn ret_val(&mut self, c: &NativeCall, i: usize, v: Value) {
        if let Some(slot) = self.gs[c.g.index()].regs.get_mut(c.base + i) {
            *slot = v;
        }
    }

    /// The bytes of string argument `i` (copied out of the heap).
    pub(crate) fn str_arg(&self, c: &NativeCall, i: usize) -> Vec<u8> {
        self.heap.bytes_of(self.arg(c, i)).to_vec()
    }

    /// Sets result `i` to a new string holding `bytes`.
    pub(crate) fn ret_str(&mut self, c: &NativeCall, i: usize, bytes: &[u8]) {
        let s = Value::Str(self.heap.alloc_str(bytes));
        self.ret_val(c, i, s);
    }

    /// `panic(text)` with a string value, as library code written in Go
    /// panics (`panic("strings: negative Repeat count")`).
    pub(crate) fn panic_string(&mut self, text: &str) -> Trap {
        let v = self.heap.str_value(text);
        Trap::Panic(match self.prog.well_known.string {
            Some(t) => self.make_iface(t, v),
            None => v,
        })
    }

    /// The current value of package variable `name` (`strconv.ErrSyntax`),
    /// nil when the program does not have it.
    pub(crate) fn global_named(&self, name: &str) -> Value {
        self.prog
            .globals
            .iter()
            .position(|g| g.name == name)
            .and_then(|i| self.heap.slots(self.globals).get(i).copied())
            .unwrap_or_default()
    }

    /// Ends the run at the memory limit if a native is about to build a
    /// result of `bytes` bytes that cannot fit (a huge `strings.Repeat`), so
    /// the host never allocates it.
    pub(crate) fn reserve(&mut self, bytes: u64) -> R<()> {
        if self.heap.bytes().saturating_add(bytes) > self.cfg.limits.max_memory {
            self.limit(crate::outcome::LimitKind::Memory);
            return Err(Trap::Ended);
        }
        Ok(())
    }

    /// Like [`Self::reserve`], but first collects garbage when the
    /// allocation would reach the heap goal or the limit, as Go's allocator
    /// assists do. Only for callers whose intermediate values are all in
    /// registers (instructions that have not allocated yet), since the
    /// collection sees registers as its only roots.
    pub(crate) fn reserve_collecting(&mut self, bytes: u64) -> R<()> {
        if self.heap.would_reach_goal(bytes)
            || self.heap.bytes().saturating_add(bytes) > self.cfg.limits.max_memory
        {
            self.collect_garbage();
            if self.outcome.is_some() {
                return Err(Trap::Ended);
            }
        }
        self.reserve(bytes)
    }

    /// Writes program output (checks the output limit).
    pub(crate) fn write_out(&mut self, g: GoId, stderr: bool, bytes: &[u8]) -> R<()> {
        let limit = self.cfg.limits.max_output;
        let ok = self.out.write(stderr, bytes, limit);
        if !stderr && !bytes.is_empty() {
            let end = self.out.stdout.len() as u64;
            self.out.stdout_marks.push((end, self.step));
        }
        self.emit(crate::trace::EventKind::Output {
            g,
            stderr,
            bytes: bytes.len() as u32,
        });
        if !ok {
            self.limit(crate::outcome::LimitKind::Output);
            return Err(Trap::Ended);
        }
        Ok(())
    }
}

/// Every native the simulator implements, by qualified name.
fn registry() -> BTreeMap<&'static str, NativeFn> {
    let mut r: BTreeMap<&'static str, NativeFn> = BTreeMap::new();
    errors::register(&mut r);
    fmt::register(&mut r);
    math::register(&mut r);
    os::register(&mut r);
    rand::register(&mut r);
    runtime::register(&mut r);
    sort::register(&mut r);
    strconv::register(&mut r);
    strings::register(&mut r);
    sync::register(&mut r);
    time::register(&mut r);
    unicode::register(&mut r);
    r
}

/// The names of all implemented natives (for the completeness test).
pub fn implemented() -> Vec<&'static str> {
    registry().keys().copied().collect()
}

/// Binds each of the program's natives to its implementation; unknown ones
/// raise a clear fatal error when called.
pub(crate) fn bind(prog: &Program) -> Arc<[NativeFn]> {
    let reg = registry();
    prog.natives
        .iter()
        .map(|n| {
            reg.get(n.name.as_str())
                .or_else(|| reg.get(short_name(&n.name).as_str()))
                .copied()
                .unwrap_or(missing as NativeFn)
        })
        .collect()
}

/// `math/rand.Intn` -> `rand.Intn`.
fn short_name(name: &str) -> String {
    match name.split_once('.') {
        Some((pkg, rest)) => format!("{}.{}", pkg.rsplit('/').next().unwrap_or(pkg), rest),
        None => name.to_string(),
    }
}

fn missing(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let (func, pc) = m.cur_instr(c.g);
    let name = match m.prog.func(func).code.get(pc as usize) {
        Some(gosched_lang::bytecode::Instr::CallNative { native, .. }) => {
            m.prog.natives[native.index()].name.clone()
        }
        _ => "a library function".to_string(),
    };
    Err(Trap::Fatal(format!(
        "{name} is not supported by the playground"
    )))
}
