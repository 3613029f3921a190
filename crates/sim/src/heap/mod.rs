//! The heap: an arena of objects addressed by [`ObjId`], with a deterministic mark-and-sweep collector.
//!
//! Objects never move; freed ids go on a free list and are reused in LIFO
//! order, so the same run allocates the same ids. The collector runs only at
//! safe points chosen by the machine (between instructions, never inside a
//! native), from roots the machine supplies.

mod map;

pub use map::{MapIter, MapKey, MapObj};

use gosched_lang::bytecode::{FuncId, NameId, TypeId};

use crate::chan::ChanObj;
use crate::ids::ObjId;
use crate::value::{SliceRef, StrRef, Value};

/// What a `Cells` object is, for naming its slots as shared cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellsKind {
    /// A struct value of this struct type (slots are fields).
    Struct(TypeId),
    /// An array value of this array type.
    Array(TypeId),
    /// The backing array of a slice with this element type.
    Backing(TypeId),
    /// A boxed variable (one slot) of this type, named for the shared-cells view.
    Box(TypeId, NameId),
    /// Package variables (one slot each).
    Globals,
}

#[derive(Clone, Debug)]
pub enum Obj {
    Free,
    Cells {
        kind: CellsKind,
        slots: Vec<Value>,
    },
    Bytes(Box<[u8]>),
    Map(Box<MapObj>),
    Chan(Box<ChanObj>),
    Closure {
        func: FuncId,
        caps: Box<[Value]>,
    },
    Iface {
        ty: TypeId,
        val: Value,
    },
    /// A three-index slice's window onto another backing array: elements
    /// `start..start+cap` of `base`.
    View {
        base: ObjId,
        start: u32,
        cap: u32,
    },
    MapIter(Box<MapIter>),
}

/// Bytes charged per object on top of its contents (header, bookkeeping).
pub(crate) const OBJ_OVERHEAD: u64 = 32;

/// The smallest heap goal (mgcpacer.go: heapMinimum, 4 MB at GOGC=100).
pub const MIN_GC_BYTES: u64 = 4 << 20;

#[derive(Clone, Debug)]
pub struct Heap {
    objs: Vec<Obj>,
    free: Vec<u32>,
    /// Estimated bytes live (as of the last collection plus allocations since).
    bytes: u64,
    /// Allocations since the last collection.
    allocs_since_gc: u64,
    /// Collect when `allocs_since_gc` reaches this.
    gc_every: u64,
    /// Or when the estimated live bytes reach this (GOGC=100: twice what
    /// survived the last collection, at least [`MIN_GC_BYTES`]).
    next_gc: u64,
    /// Bytes allocated over the whole run (for statistics).
    pub total_allocated: u64,
    pub collections: u64,
}

/// The permanent empty string's object.
pub const EMPTY_BYTES: ObjId = ObjId(0);

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objs: vec![Obj::Bytes(Box::new([]))],
            free: Vec::new(),
            bytes: OBJ_OVERHEAD,
            allocs_since_gc: 0,
            gc_every: 50_000,
            next_gc: MIN_GC_BYTES,
            total_allocated: 0,
            collections: 0,
        }
    }

    pub fn alloc(&mut self, obj: Obj) -> ObjId {
        let size = obj_size(&obj);
        self.bytes += size;
        self.total_allocated += size;
        self.allocs_since_gc += 1;
        if let Some(i) = self.free.pop() {
            self.objs[i as usize] = obj;
            ObjId(i)
        } else {
            self.objs.push(obj);
            ObjId(self.objs.len() as u32 - 1)
        }
    }

    #[inline]
    pub fn get(&self, id: ObjId) -> &Obj {
        &self.objs[id.index()]
    }

    #[inline]
    pub fn get_mut(&mut self, id: ObjId) -> &mut Obj {
        &mut self.objs[id.index()]
    }

    /// Estimated live bytes.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Live objects (including the permanent ones).
    pub fn len(&self) -> usize {
        self.objs.len() - self.free.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether enough has been allocated to make a collection worthwhile.
    pub fn wants_gc(&self) -> bool {
        self.allocs_since_gc >= self.gc_every || self.bytes >= self.next_gc
    }

    /// Whether allocating `bytes` more reaches the heap goal.
    pub fn would_reach_goal(&self, bytes: u64) -> bool {
        self.bytes.saturating_add(bytes) >= self.next_gc
    }

    /// Charges `bytes` of growth to an existing object (e.g. appending in place).
    pub fn charge(&mut self, bytes: u64) {
        self.bytes += bytes;
        self.total_allocated += bytes;
    }

    // ===== strings =====

    pub fn alloc_str(&mut self, bytes: &[u8]) -> StrRef {
        if bytes.is_empty() {
            return StrRef::EMPTY;
        }
        let obj = self.alloc(Obj::Bytes(bytes.into()));
        StrRef {
            obj,
            off: 0,
            len: bytes.len() as u32,
        }
    }

    pub fn str_value(&mut self, s: &str) -> Value {
        Value::Str(self.alloc_str(s.as_bytes()))
    }

    /// The bytes of a string.
    pub fn str_bytes(&self, s: StrRef) -> &[u8] {
        match &self.objs[s.obj.index()] {
            Obj::Bytes(b) => &b[s.off as usize..(s.off + s.len) as usize],
            _ => &[],
        }
    }

    /// The bytes of a string value (empty for anything else).
    pub fn bytes_of(&self, v: Value) -> &[u8] {
        match v {
            Value::Str(s) => self.str_bytes(s),
            _ => &[],
        }
    }

    /// A string value as Rust text (invalid UTF-8 replaced, as Go prints it).
    pub fn string_lossy(&self, v: Value) -> String {
        String::from_utf8_lossy(self.bytes_of(v)).into_owned()
    }

    // ===== cells (structs, arrays, boxes, slice backings) =====

    pub fn alloc_cells(&mut self, kind: CellsKind, slots: Vec<Value>) -> ObjId {
        self.alloc(Obj::Cells { kind, slots })
    }

    /// The slots of a `Cells` object (empty for others).
    pub fn slots(&self, id: ObjId) -> &[Value] {
        match &self.objs[id.index()] {
            Obj::Cells { slots, .. } => slots,
            _ => &[],
        }
    }

    pub fn slots_mut(&mut self, id: ObjId) -> &mut [Value] {
        match &mut self.objs[id.index()] {
            Obj::Cells { slots, .. } => slots,
            _ => &mut [],
        }
    }

    pub fn cells_kind(&self, id: ObjId) -> Option<CellsKind> {
        match &self.objs[id.index()] {
            Obj::Cells { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// Resolves a slice's element `i` (already bounds-checked against its
    /// length) to the backing object and slot, following three-index views.
    #[inline]
    pub fn slice_slot(&self, s: SliceRef, i: u32) -> (ObjId, u32) {
        match &self.objs[s.obj.index()] {
            Obj::View { base, start, .. } => (*base, start + s.off + i),
            _ => (s.obj, s.off + i),
        }
    }

    /// A slice's capacity.
    pub fn slice_cap(&self, s: SliceRef) -> u32 {
        match &self.objs[s.obj.index()] {
            Obj::View { cap, .. } => cap.saturating_sub(s.off),
            Obj::Cells { slots, .. } => (slots.len() as u32).saturating_sub(s.off),
            _ => 0,
        }
    }

    /// Element values of a slice (copied out), following views.
    pub fn slice_values(&self, v: Value) -> Vec<Value> {
        let Value::Slice(s) = v else {
            return Vec::new();
        };
        (0..s.len)
            .map(|i| {
                let (o, k) = self.slice_slot(s, i);
                self.slots(o).get(k as usize).copied().unwrap_or_default()
            })
            .collect()
    }

    // ===== collection =====

    /// Calls `f` with every object `o` refers to directly.
    pub fn for_each_child(&self, o: ObjId, mut f: impl FnMut(ObjId)) {
        let Some(obj) = self.objs.get(o.index()) else {
            return;
        };
        let mut push = |v: &Value| {
            if let Some(c) = v.obj() {
                f(c);
            }
        };
        match obj {
            Obj::Free | Obj::Bytes(_) => {}
            Obj::Cells { slots, .. } => slots.iter().for_each(&mut push),
            Obj::Map(m) => m.for_each_value(&mut push),
            Obj::Chan(c) => c.for_each_value(&mut push),
            Obj::Closure { caps, .. } => caps.iter().for_each(&mut push),
            Obj::Iface { val, .. } => push(val),
            Obj::View { base, .. } => push(&Value::Ref(*base)),
            Obj::MapIter(it) => {
                push(&Value::Ref(it.map));
                it.keys.iter().for_each(&mut push);
            }
        }
    }

    /// Marks (in `seen`, indexed by object) everything reachable from
    /// `start` that is not marked yet.
    pub fn mark_reachable(&self, start: &[ObjId], seen: &mut [bool]) {
        let mut stack: Vec<ObjId> = start.to_vec();
        while let Some(o) = stack.pop() {
            match seen.get_mut(o.index()) {
                Some(m) if !*m => *m = true,
                _ => continue,
            }
            self.for_each_child(o, |c| {
                if seen.get(c.index()).is_some_and(|m| !m) {
                    stack.push(c);
                }
            });
        }
    }

    /// Object slots in the arena (live and free), for sizing marks.
    pub fn capacity(&self) -> usize {
        self.objs.len()
    }

    /// Mark-and-sweep. `roots` are values reachable from outside the heap
    /// (registers, globals, waiting senders' values, timers ...); `extra` are
    /// objects to keep regardless. Returns the ids freed, in increasing order,
    /// so owners of side tables (race shadow, cell names, sync objects) can
    /// forget them.
    pub fn collect(&mut self, roots: &[Value], extra: &[ObjId]) -> Vec<ObjId> {
        let n = self.objs.len();
        let mut marked = vec![false; n];
        let mut stack: Vec<ObjId> = Vec::new();
        marked[0] = true;
        for v in roots {
            if let Some(o) = v.obj() {
                stack.push(o);
            }
        }
        stack.extend_from_slice(extra);
        while let Some(o) = stack.pop() {
            let i = o.index();
            if i >= n || marked[i] {
                continue;
            }
            marked[i] = true;
            self.for_each_child(o, |c| {
                if c.index() < n && !marked[c.index()] {
                    stack.push(c);
                }
            });
        }
        let mut freed = Vec::new();
        let mut bytes = 0;
        for (i, m) in marked.iter().enumerate() {
            if *m {
                bytes += obj_size(&self.objs[i]);
            } else if !matches!(self.objs[i], Obj::Free) {
                self.objs[i] = Obj::Free;
                freed.push(ObjId(i as u32));
            }
        }
        // Reuse low ids first: push in decreasing order onto a LIFO.
        for o in freed.iter().rev() {
            self.free.push(o.0);
        }
        gosched_lang::sort::sort_by(&mut self.free, |a, b| b.cmp(a));
        self.free.dedup();
        self.bytes = bytes;
        self.allocs_since_gc = 0;
        // Like GOGC=100: collect again after roughly as many allocations as
        // survived, but not too often for small heaps.
        self.gc_every = (self.len() as u64).max(50_000);
        self.next_gc = (2 * bytes).max(MIN_GC_BYTES);
        self.collections += 1;
        freed
    }
}

/// Estimated size of an object in bytes, for the memory limit and meter.
fn obj_size(o: &Obj) -> u64 {
    OBJ_OVERHEAD
        + match o {
            Obj::Free => 0,
            Obj::Cells { slots, .. } => 8 * slots.len() as u64,
            Obj::Bytes(b) => b.len() as u64,
            Obj::Map(m) => 48 * m.len() as u64,
            Obj::Chan(c) => 96 + 8 * c.cap as u64,
            Obj::Closure { caps, .. } => 8 * caps.len() as u64,
            Obj::Iface { .. } => 16,
            Obj::View { .. } => 16,
            Obj::MapIter(it) => 8 * it.keys.len() as u64,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collect_frees_unreachable_and_reuses_ids() {
        let mut h = Heap::new();
        let a = h.alloc_cells(CellsKind::Globals, vec![Value::Int(1)]);
        let b = h.alloc_str(b"hello");
        let c = h.alloc_cells(CellsKind::Globals, vec![Value::Str(b)]);
        let d = h.alloc_cells(CellsKind::Globals, vec![]);
        let freed = h.collect(&[Value::Ref(c)], &[]);
        assert_eq!(freed, vec![a, d]);
        assert_eq!(h.str_bytes(b), b"hello");
        let e = h.alloc_cells(CellsKind::Globals, vec![]);
        assert_eq!(e, a, "lowest freed id is reused first");
    }
}
