//! Natives of packages sync and sync/atomic.

use std::collections::BTreeMap;

use gosched_lang::bytecode::IntTy;

use crate::ids::{GoId, ObjId, ProcId};
use crate::interp::R;
use crate::machine::Machine;
use crate::natives::{NRet, NativeFn};
use crate::race::SyncKey;
use crate::trace::CellId;
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("sync.(*Mutex).Lock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.mutex_lock(c.p, c.g, a)
    });
    r.insert("sync.(*Mutex).Unlock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.mutex_unlock(c.p, c.g, a)
    });
    r.insert("sync.(*Mutex).TryLock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        let ok = m.mutex_trylock(c.g, a);
        m.ret_val(c, 0, Value::Bool(ok));
        Ok(NRet::Done)
    });
    r.insert("sync.(*RWMutex).RLock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.rw_rlock(c.p, c.g, a)
    });
    r.insert("sync.(*RWMutex).RUnlock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.rw_runlock(c.p, c.g, a)
    });
    r.insert("sync.(*RWMutex).Lock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.rw_lock(c.p, c.g, a)
    });
    r.insert("sync.(*RWMutex).Unlock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.rw_unlock(c.p, c.g, a)
    });
    r.insert("sync.(*RWMutex).TryLock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        let ok = m.rw_trylock(c.g, a, false);
        m.ret_val(c, 0, Value::Bool(ok));
        Ok(NRet::Done)
    });
    r.insert("sync.(*RWMutex).TryRLock", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        let ok = m.rw_trylock(c.g, a, true);
        m.ret_val(c, 0, Value::Bool(ok));
        Ok(NRet::Done)
    });
    r.insert("sync.(*WaitGroup).Add", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        let d = m.arg(c, 1).as_int();
        m.wg_add(c.p, c.g, a, d)
    });
    r.insert("sync.(*WaitGroup).Done", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.wg_add(c.p, c.g, a, -1)
    });
    r.insert("sync.(*WaitGroup).Wait", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.wg_wait(c.p, c.g, a)
    });
    r.insert("sync.runtime_notifyListAdd", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        let t = m.notify_add(a);
        m.ret_val(c, 0, Value::Int(i64::from(t)));
        Ok(NRet::Done)
    });
    r.insert("sync.runtime_notifyListWait", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        let t = m.arg(c, 1).as_int() as u32;
        m.notify_wait(c.p, c.g, a, t)
    });
    r.insert("sync.runtime_notifyListNotifyOne", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.cond_notify(c.p, c.g, a, false);
        Ok(NRet::Done)
    });
    r.insert("sync.runtime_notifyListNotifyAll", |m, c| {
        let a = m.sync_addr(m.arg(c, 0))?;
        m.cond_notify(c.p, c.g, a, true);
        Ok(NRet::Done)
    });
    atomics(r);
}

/// The slot an atomic operates on: `*int64` is a `Ptr`; the atomic types
/// (`atomic.Int64`, ...) are structs whose last field holds the value.
fn atomic_slot(m: &Machine, v: Value) -> R<(ObjId, u32)> {
    match v {
        Value::Ptr(o, k) => Ok((o, k)),
        Value::Ref(o) => {
            let n = m.heap.slots(o).len() as u32;
            Ok((o, n.saturating_sub(1)))
        }
        _ => Err(crate::interp::mem_nil_deref()),
    }
}

#[derive(Clone, Copy)]
enum AtomicOp {
    Add,
    Load,
    Store,
    Swap,
    Cas,
}

impl Machine {
    /// An atomic operation: observed as an atomic access, and
    /// synchronising (the memory model makes all atomics sequentially
    /// consistent: acquire on every op, release on every write).
    #[allow(clippy::too_many_arguments)]
    fn atomic(
        &mut self,
        p: ProcId,
        g: GoId,
        ptr: Value,
        op: AtomicOp,
        ty: IntTy,
        a: Value,
        b: Value,
    ) -> R<Value> {
        let (o, k) = atomic_slot(self, ptr)?;
        let cell = CellId { obj: o, slot: k };
        self.sched.p_mut(p).clock += self.cfg.cost.atomic_op;
        let old = self
            .heap
            .slots(o)
            .get(k as usize)
            .copied()
            .ok_or_else(crate::interp::mem_nil_deref)?;
        let write = !matches!(op, AtomicOp::Load);
        if let Some(r) = &mut self.race {
            r.acquire(g, SyncKey::Atomic(cell));
        }
        if self.observing() {
            self.observe(p, g, cell, write, true);
        }
        let (new, result) = match op {
            AtomicOp::Add => {
                let n = Value::Int(ty.wrap(old.as_int().wrapping_add(a.as_int())));
                (Some(n), n)
            }
            AtomicOp::Load => (None, old),
            AtomicOp::Store => (Some(a), Value::Nil),
            AtomicOp::Swap => (Some(a), old),
            AtomicOp::Cas => {
                if old == a || (matches!(old, Value::Int(_)) && old.as_int() == a.as_int()) {
                    (Some(b), Value::Bool(true))
                } else {
                    (None, Value::Bool(false))
                }
            }
        };
        if let Some(n) = new {
            self.heap.slots_mut(o)[k as usize] = n;
            if let Some(r) = &mut self.race {
                r.release(g, SyncKey::Atomic(cell));
            }
        }
        Ok(result)
    }
}

fn atomics(r: &mut BTreeMap<&'static str, NativeFn>) {
    macro_rules! reg {
        ($name:literal, $op:expr, $ty:expr, $args:expr, $ret:expr) => {
            r.insert($name, |m, c| {
                let ptr = m.arg(c, 0);
                let a = if $args >= 1 { m.arg(c, 1) } else { Value::Nil };
                let b = if $args >= 2 { m.arg(c, 2) } else { Value::Nil };
                let v = m.atomic(c.p, c.g, ptr, $op, $ty, a, b)?;
                if $ret {
                    m.ret_val(c, 0, v);
                }
                Ok(NRet::Done)
            });
        };
    }
    use AtomicOp::*;
    reg!("sync/atomic.AddInt32", Add, IntTy::I32, 1, true);
    reg!("sync/atomic.AddInt64", Add, IntTy::I64, 1, true);
    reg!("sync/atomic.AddUint32", Add, IntTy::U32, 1, true);
    reg!("sync/atomic.AddUint64", Add, IntTy::U64, 1, true);
    reg!("sync/atomic.LoadInt32", Load, IntTy::I32, 0, true);
    reg!("sync/atomic.LoadInt64", Load, IntTy::I64, 0, true);
    reg!("sync/atomic.LoadUint32", Load, IntTy::U32, 0, true);
    reg!("sync/atomic.LoadUint64", Load, IntTy::U64, 0, true);
    reg!("sync/atomic.StoreInt32", Store, IntTy::I32, 1, false);
    reg!("sync/atomic.StoreInt64", Store, IntTy::I64, 1, false);
    reg!("sync/atomic.StoreUint32", Store, IntTy::U32, 1, false);
    reg!("sync/atomic.StoreUint64", Store, IntTy::U64, 1, false);
    reg!("sync/atomic.SwapInt32", Swap, IntTy::I32, 1, true);
    reg!("sync/atomic.SwapInt64", Swap, IntTy::I64, 1, true);
    reg!("sync/atomic.SwapUint32", Swap, IntTy::U32, 1, true);
    reg!("sync/atomic.SwapUint64", Swap, IntTy::U64, 1, true);
    reg!("sync/atomic.CompareAndSwapInt32", Cas, IntTy::I32, 2, true);
    reg!("sync/atomic.CompareAndSwapInt64", Cas, IntTy::I64, 2, true);
    reg!("sync/atomic.CompareAndSwapUint32", Cas, IntTy::U32, 2, true);
    reg!("sync/atomic.CompareAndSwapUint64", Cas, IntTy::U64, 2, true);
    // Methods of the atomic types.
    reg!("sync/atomic.(*Int32).Add", Add, IntTy::I32, 1, true);
    reg!("sync/atomic.(*Int64).Add", Add, IntTy::I64, 1, true);
    reg!("sync/atomic.(*Uint32).Add", Add, IntTy::U32, 1, true);
    reg!("sync/atomic.(*Uint64).Add", Add, IntTy::U64, 1, true);
    reg!("sync/atomic.(*Int32).Load", Load, IntTy::I32, 0, true);
    reg!("sync/atomic.(*Int64).Load", Load, IntTy::I64, 0, true);
    reg!("sync/atomic.(*Uint32).Load", Load, IntTy::U32, 0, true);
    reg!("sync/atomic.(*Uint64).Load", Load, IntTy::U64, 0, true);
    reg!("sync/atomic.(*Bool).Load", Load, IntTy::I64, 0, true);
    reg!("sync/atomic.(*Value).Load", Load, IntTy::I64, 0, true);
    reg!("sync/atomic.(*Int32).Store", Store, IntTy::I32, 1, false);
    reg!("sync/atomic.(*Int64).Store", Store, IntTy::I64, 1, false);
    reg!("sync/atomic.(*Uint32).Store", Store, IntTy::U32, 1, false);
    reg!("sync/atomic.(*Uint64).Store", Store, IntTy::U64, 1, false);
    reg!("sync/atomic.(*Bool).Store", Store, IntTy::I64, 1, false);
    reg!("sync/atomic.(*Value).Store", Store, IntTy::I64, 1, false);
    reg!("sync/atomic.(*Int32).Swap", Swap, IntTy::I32, 1, true);
    reg!("sync/atomic.(*Int64).Swap", Swap, IntTy::I64, 1, true);
    reg!("sync/atomic.(*Uint32).Swap", Swap, IntTy::U32, 1, true);
    reg!("sync/atomic.(*Uint64).Swap", Swap, IntTy::U64, 1, true);
    reg!("sync/atomic.(*Bool).Swap", Swap, IntTy::I64, 1, true);
    reg!("sync/atomic.(*Value).Swap", Swap, IntTy::I64, 1, true);
    reg!(
        "sync/atomic.(*Int32).CompareAndSwap",
        Cas,
        IntTy::I32,
        2,
        true
    );
    reg!(
        "sync/atomic.(*Int64).CompareAndSwap",
        Cas,
        IntTy::I64,
        2,
        true
    );
    reg!(
        "sync/atomic.(*Uint32).CompareAndSwap",
        Cas,
        IntTy::U32,
        2,
        true
    );
    reg!(
        "sync/atomic.(*Uint64).CompareAndSwap",
        Cas,
        IntTy::U64,
        2,
        true
    );
    reg!(
        "sync/atomic.(*Bool).CompareAndSwap",
        Cas,
        IntTy::I64,
        2,
        true
    );
    reg!(
        "sync/atomic.(*Value).CompareAndSwap",
        Cas,
        IntTy::I64,
        2,
        true
    );
}
