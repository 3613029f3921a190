//! Observable memory: loads and stores of heap slots, seen by the race detector, the shared-cells
//! view and the trace; bounds checks with Go's messages.

use gosched_lang::bytecode::FuncId;

use crate::config::TraceLevel;
use crate::ids::{GoId, ObjId, ProcId};
use crate::interp::{Trap, R};
use crate::machine::Machine;
use crate::trace::{CellId, EventKind};
use crate::value::{SliceRef, Value};

/// `index out of range [i] with length n` (runtime/error.go: boundsIndex).
pub(crate) fn index_error(i: i64, len: u64) -> Trap {
    if i < 0 {
        Trap::Runtime(format!("index out of range [{i}]"))
    } else {
        Trap::Runtime(format!("index out of range [{i}] with length {len}"))
    }
}

impl Machine {
    /// The function and pc of the instruction `g` is executing.
    pub(crate) fn cur_loc(&self, g: GoId) -> (FuncId, u32) {
        self.gs[g.index()]
            .frames
            .last()
            .map_or((FuncId(0), 0), |f| (f.func, f.pc))
    }

    /// Records an observable access of `cell` by `g` running on `p`.
    pub(crate) fn observe(&mut self, p: ProcId, g: GoId, cell: CellId, write: bool, atomic: bool) {
        let (func, pc) = self.cur_loc(g);
        if self.race.is_some() {
            self.race_access(g, cell, write, atomic, func, pc);
        }
        if self.cfg.trace == TraceLevel::Full {
            // `pc` is past the instruction: name the cell from the instruction
            // itself, as the race detector does (not from the next one).
            let hint = self
                .prog
                .func(func)
                .debug
                .get(pc.saturating_sub(1) as usize)
                .and_then(|d| d.access);
            let now = self.sched.p(p).clock;
            self.cells
                .touch(&self.prog, &self.heap, cell, g, write, func, pc, hint, now);
            self.emit_at(
                now,
                EventKind::Access {
                    g,
                    p,
                    cell,
                    write,
                    atomic,
                    func,
                    pc,
                },
            );
        }
    }

    /// An observed read of slot `slot` of `obj`.
    pub(crate) fn load_slot(&mut self, p: ProcId, g: GoId, obj: ObjId, slot: u32) -> R<Value> {
        let v = self
            .heap
            .slots(obj)
            .get(slot as usize)
            .copied()
            .ok_or_else(nil_deref)?;
        if self.observing() {
            self.observe(p, g, CellId { obj, slot }, false, false);
        }
        Ok(v)
    }

    /// An observed write of slot `slot` of `obj`.
    pub(crate) fn store_slot(
        &mut self,
        p: ProcId,
        g: GoId,
        obj: ObjId,
        slot: u32,
        v: Value,
    ) -> R<()> {
        if self.observing() {
            self.observe(p, g, CellId { obj, slot }, true, false);
        }
        match self.heap.slots_mut(obj).get_mut(slot as usize) {
            Some(s) => {
                *s = v;
                Ok(())
            }
            None => Err(nil_deref()),
        }
    }

    /// Resolves `seq[i]` (slice or array) to its object and slot, with Go's
    /// bounds check.
    pub(crate) fn elem_slot(&self, seq: Value, i: i64) -> R<(ObjId, u32)> {
        match seq {
            Value::Slice(s) => {
                if i < 0 || i as u64 >= u64::from(s.len) {
                    return Err(index_error(i, u64::from(s.len)));
                }
                Ok(self.heap.slice_slot(s, i as u32))
            }
            Value::Ref(o) => {
                let len = self.heap.slots(o).len() as u64;
                if i < 0 || i as u64 >= len {
                    return Err(index_error(i, len));
                }
                Ok((o, i as u32))
            }
            Value::Nil => Err(index_error(i, 0)),
            _ => Err(nil_deref()),
        }
    }

    /// The elements of a slice value as (object, slot) pairs.
    pub(crate) fn slice_slots(&self, s: SliceRef) -> Vec<(ObjId, u32)> {
        (0..s.len).map(|i| self.heap.slice_slot(s, i)).collect()
    }
}

/// `invalid memory address or nil pointer dereference`.
pub(crate) fn nil_deref() -> Trap {
    Trap::Runtime("invalid memory address or nil pointer dereference".to_string())
}
