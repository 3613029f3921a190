//! Map operations: keys by content, Go's concurrent-map-write check, randomised iteration.

use gosched_lang::bytecode::{TypeId, TypeKind};

use crate::heap::{MapIter, MapKey, Obj};
use crate::ids::{GoId, ObjId, ProcId};
use crate::interp::{Flow, Trap, R};
use crate::machine::Machine;
use crate::race::MAP_SLOT;
use crate::rng::ChoiceKind;
use crate::trace::CellId;
use crate::value::Value;

impl Machine {
    /// The (key, value) types of map object `o`.
    fn map_types(&self, o: ObjId) -> Option<(TypeId, TypeId)> {
        let Obj::Map(m) = self.heap.get(o) else {
            return None;
        };
        match &self.prog.ty(m.ty).kind {
            TypeKind::Map { key, val } => Some((*key, *val)),
            _ => None,
        }
    }

    /// A map key by content for a value of type `ty`.
    pub(crate) fn map_key(&self, ty: TypeId, v: Value) -> R<MapKey> {
        self.map_key_depth(ty, v, 0)
    }

    fn map_key_depth(&self, ty: TypeId, v: Value, depth: u32) -> R<MapKey> {
        if depth > 32 {
            return Err(Trap::Runtime("hash of deeply nested key".into()));
        }
        Ok(match &self.prog.ty(ty).kind {
            TypeKind::Bool => MapKey::Bool(v.as_bool()),
            TypeKind::Int(_) => MapKey::Int(v.as_int()),
            TypeKind::Float(_) => {
                let f = v.as_float();
                MapKey::Float(if f == 0.0 { 0 } else { f.to_bits() })
            }
            TypeKind::String => MapKey::Str(self.heap.bytes_of(v).into()),
            TypeKind::Struct { fields } => {
                let Value::Ref(o) = v else {
                    return Ok(MapKey::Nil);
                };
                let slots = self.heap.slots(o);
                let mut keys = Vec::with_capacity(fields.len());
                for (f, s) in fields.iter().zip(slots) {
                    keys.push(self.map_key_depth(f.ty, *s, depth + 1)?);
                }
                MapKey::Tuple(keys.into())
            }
            TypeKind::Array { elem, .. } => {
                let Value::Ref(o) = v else {
                    return Ok(MapKey::Nil);
                };
                let mut keys = Vec::new();
                for s in self.heap.slots(o) {
                    keys.push(self.map_key_depth(*elem, *s, depth + 1)?);
                }
                MapKey::Tuple(keys.into())
            }
            TypeKind::Interface { .. } => {
                let (t, inner) = self.iface_parts(v);
                match t {
                    None => MapKey::Nil,
                    Some(t) => {
                        if !self.prog.ty(t).comparable {
                            return Err(Trap::Runtime(format!(
                                "hash of unhashable type {}",
                                self.prog.ty(t).name
                            )));
                        }
                        MapKey::Iface(t.0, Box::new(self.map_key_depth(t, inner, depth + 1)?))
                    }
                }
            }
            _ => match v {
                Value::Nil => MapKey::Nil,
                Value::Ptr(o, i) => MapKey::Ptr(o.0, i),
                Value::Ref(o) => MapKey::Ref(o.0),
                Value::Func(f) => MapKey::Func(f.0),
                other => MapKey::Int(other.as_int()),
            },
        })
    }

    fn map_observe(&mut self, p: ProcId, g: GoId, o: ObjId, write: bool) {
        if self.observing() {
            self.observe(
                p,
                g,
                CellId {
                    obj: o,
                    slot: MAP_SLOT,
                },
                write,
                false,
            );
        }
    }

    /// Go's check: a map read while another goroutine is between the steps
    /// of a write is a fatal error (runtime/map.go: mapaccess).
    fn check_map_reader(&self, g: GoId, o: ObjId) -> R<()> {
        if let Obj::Map(m) = self.heap.get(o) {
            if m.writer.is_some_and(|w| w != g) {
                return Err(Trap::Fatal(
                    "fatal error: concurrent map read and map write".into(),
                ));
            }
        }
        Ok(())
    }

    pub(crate) fn map_get(&mut self, p: ProcId, g: GoId, m: Value, key: Value) -> R<(Value, bool)> {
        let Value::Ref(o) = m else {
            // A nil map reads as empty; the zero value needs the type, which
            // a nil map does not carry: the compiler zeroes `dst` first.
            return Ok((Value::Nil, false));
        };
        let Some((kt, vt)) = self.map_types(o) else {
            return Ok((Value::Nil, false));
        };
        self.check_map_reader(g, o)?;
        self.map_observe(p, g, o, false);
        let k = self.map_key(kt, key)?;
        let found = match self.heap.get(o) {
            Obj::Map(mm) => mm.get(&k),
            _ => None,
        };
        match found {
            Some(v) if self.is_aggregate(vt) => {
                let Value::Ref(a) = v else {
                    return Ok((v, true));
                };
                Ok((Value::Ref(self.clone_aggregate(a)), true))
            }
            Some(v) => Ok((v, true)),
            None => Ok((self.zero_value(vt), false)),
        }
    }

    /// `m[key] = v` in two steps, so that another goroutine writing the same
    /// map in between is caught as Go catches it.
    pub(crate) fn map_set(
        &mut self,
        p: ProcId,
        g: GoId,
        m: Value,
        key: Value,
        v: Value,
    ) -> R<Flow> {
        let Value::Ref(o) = m else {
            return Err(Trap::RuntimeText("assignment to entry in nil map".into()));
        };
        let Some((kt, vt)) = self.map_types(o) else {
            return Err(Trap::RuntimeText("assignment to entry in nil map".into()));
        };
        if self.gs[g.index()].map_writing != Some(o) {
            // Step 1: set the writing flag (runtime/map.go: mapassign).
            let Obj::Map(mm) = self.heap.get_mut(o) else {
                return Ok(Flow::Next);
            };
            if mm.writer.is_some() {
                return Err(Trap::Fatal("fatal error: concurrent map writes".into()));
            }
            mm.writer = Some(g);
            self.gs[g.index()].map_writing = Some(o);
            if let Some(f) = self.gs[g.index()].frames.last_mut() {
                f.pc -= 1;
            }
            return Ok(Flow::Next);
        }
        // Step 2: write and clear the flag.
        self.gs[g.index()].map_writing = None;
        self.map_observe(p, g, o, true);
        let k = self.map_key(kt, key)?;
        let v = match v {
            Value::Ref(a) if self.is_aggregate(vt) => Value::Ref(self.clone_aggregate(a)),
            v => v,
        };
        if let Obj::Map(mm) = self.heap.get_mut(o) {
            if mm.writer != Some(g) {
                return Err(Trap::Fatal("fatal error: concurrent map writes".into()));
            }
            mm.writer = None;
            if mm.set(k, key, v) {
                self.heap.charge(48);
            }
        }
        Ok(Flow::Next)
    }

    pub(crate) fn map_delete(&mut self, p: ProcId, g: GoId, m: Value, key: Value) -> R<()> {
        let Value::Ref(o) = m else { return Ok(()) };
        let Some((kt, _)) = self.map_types(o) else {
            return Ok(());
        };
        if let Obj::Map(mm) = self.heap.get(o) {
            if mm.writer.is_some_and(|w| w != g) {
                return Err(Trap::Fatal("fatal error: concurrent map writes".into()));
            }
        }
        self.map_observe(p, g, o, true);
        let k = self.map_key(kt, key)?;
        if let Obj::Map(mm) = self.heap.get_mut(o) {
            mm.delete(&k);
        }
        Ok(())
    }

    /// `clear(m)` or `clear(s)`.
    pub(crate) fn clear(&mut self, p: ProcId, g: GoId, target: Value) -> R<()> {
        match target {
            Value::Ref(o) => {
                if matches!(self.heap.get(o), Obj::Map(_)) {
                    self.map_observe(p, g, o, true);
                    if let Obj::Map(mm) = self.heap.get_mut(o) {
                        mm.clear();
                    }
                }
            }
            Value::Slice(s) => {
                self.work(u64::from(s.len));
                let elem = match self.heap.cells_kind(s.obj) {
                    Some(crate::heap::CellsKind::Backing(e)) => Some(e),
                    _ => None,
                };
                for (o, k) in self.slice_slots(s) {
                    let z = match elem {
                        Some(e) => self.zero_value(e),
                        None => Value::Int(0),
                    };
                    self.store_slot(p, g, o, k, z)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Starts `range m`: a snapshot of the keys from a random start.
    pub(crate) fn map_iter(&mut self, p: ProcId, g: GoId, m: Value) -> Value {
        let keys = match m {
            Value::Ref(o) => {
                self.map_observe(p, g, o, false);
                let n = match self.heap.get(o) {
                    Obj::Map(mm) => mm.len(),
                    _ => 0,
                };
                let start = if n > 1 {
                    self.choose(ChoiceKind::MapIter, n as u32) as usize
                } else {
                    0
                };
                match self.heap.get(o) {
                    Obj::Map(mm) => mm.keys_from(start),
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        let map = match m {
            Value::Ref(o) => o,
            _ => ObjId(0),
        };
        let it = self
            .heap
            .alloc(Obj::MapIter(Box::new(MapIter { map, keys, pos: 0 })));
        Value::Ref(it)
    }

    /// The next entry of a `range` over a map still present, if any.
    pub(crate) fn map_next(&mut self, p: ProcId, g: GoId, it: Value) -> R<Option<(Value, Value)>> {
        let Value::Ref(io) = it else { return Ok(None) };
        loop {
            let (map, key) = match self.heap.get_mut(io) {
                Obj::MapIter(mi) => {
                    if mi.pos >= mi.keys.len() {
                        return Ok(None);
                    }
                    mi.pos += 1;
                    (mi.map, mi.keys[mi.pos - 1])
                }
                _ => return Ok(None),
            };
            let Some((kt, vt)) = self.map_types(map) else {
                return Ok(None);
            };
            self.check_map_reader(g, map)?;
            self.map_observe(p, g, map, false);
            let k = self.map_key(kt, key)?;
            let found = match self.heap.get(map) {
                Obj::Map(mm) => mm.get(&k),
                _ => None,
            };
            if let Some(v) = found {
                let v = match v {
                    Value::Ref(a) if self.is_aggregate(vt) => Value::Ref(self.clone_aggregate(a)),
                    v => v,
                };
                return Ok(Some((key, v)));
            }
        }
    }
}
