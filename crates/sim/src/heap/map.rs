//! Go maps: insertion-ordered entries with an index by key; iteration starts at a random entry.
//!
//! Go randomises map iteration order on purpose (runtime/map.go picks a random
//! starting bucket and offset). We keep entries in insertion order and start
//! each `range` at a random position drawn from the run's seeded RNG, wrapping
//! around — different runs (seeds) see different orders, the same run always
//! the same one.

use std::collections::BTreeMap;

use gosched_lang::bytecode::TypeId;

use crate::ids::ObjId;
use crate::value::Value;

/// A map key reduced to something totally ordered (by content, not identity,
/// for strings and structs).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapKey {
    Nil,
    Bool(bool),
    Int(i64),
    /// Float bits with -0 normalised to +0 (they are equal keys in Go).
    Float(u64),
    Str(Box<[u8]>),
    Ptr(u32, u32),
    Ref(u32),
    Func(u32),
    /// An interface key: dynamic type and the key of its value.
    Iface(u32, Box<MapKey>),
    /// Struct or array keys: the keys of their slots.
    Tuple(Box<[MapKey]>),
}

#[derive(Clone, Debug)]
pub struct MapObj {
    /// The map's type (`map[K]V`), for printing.
    pub ty: TypeId,
    entries: Vec<Option<(Value, Value)>>,
    index: BTreeMap<MapKey, u32>,
    live: usize,
    /// A goroutine between the two steps of a write (Go's `hashWriting`
    /// flag), for detecting concurrent writes as Go does.
    pub writer: Option<crate::ids::GoId>,
}

impl MapObj {
    pub fn new(ty: TypeId) -> MapObj {
        MapObj {
            ty,
            entries: Vec::new(),
            index: BTreeMap::new(),
            live: 0,
            writer: None,
        }
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn get(&self, key: &MapKey) -> Option<Value> {
        let i = *self.index.get(key)?;
        self.entries[i as usize].map(|(_, v)| v)
    }

    /// The stored key value for `key` (the first one inserted).
    pub fn key_value(&self, key: &MapKey) -> Option<Value> {
        let i = *self.index.get(key)?;
        self.entries[i as usize].map(|(k, _)| k)
    }

    /// Inserts or replaces; returns true if the key is new.
    pub fn set(&mut self, key: MapKey, kv: Value, v: Value) -> bool {
        if let Some(&i) = self.index.get(&key) {
            if let Some(e) = &mut self.entries[i as usize] {
                e.1 = v;
            }
            return false;
        }
        self.index.insert(key, self.entries.len() as u32);
        self.entries.push(Some((kv, v)));
        self.live += 1;
        true
    }

    pub fn delete(&mut self, key: &MapKey) -> bool {
        let Some(i) = self.index.remove(key) else {
            return false;
        };
        self.entries[i as usize] = None;
        self.live -= 1;
        if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        true
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
    }

    fn compact(&mut self) {
        let mut kept = Vec::with_capacity(self.live);
        let mut remap = vec![u32::MAX; self.entries.len()];
        for (i, e) in self.entries.iter().enumerate() {
            if e.is_some() {
                remap[i] = kept.len() as u32;
                kept.push(*e);
            }
        }
        for v in self.index.values_mut() {
            *v = remap[*v as usize];
        }
        self.entries = kept;
    }

    /// Live entries in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().flatten().copied()
    }

    /// Keys in iteration order starting at entry `start` (mod the live count).
    pub fn keys_from(&self, start: usize) -> Vec<Value> {
        let keys: Vec<Value> = self.entries().map(|(k, _)| k).collect();
        if keys.is_empty() {
            return keys;
        }
        let s = start % keys.len();
        keys[s..].iter().chain(keys[..s].iter()).copied().collect()
    }

    pub fn for_each_value(&self, f: &mut impl FnMut(&Value)) {
        for (k, v) in self.entries.iter().flatten() {
            f(k);
            f(v);
        }
    }
}

/// A `range` over a map in progress.
#[derive(Clone, Debug)]
pub struct MapIter {
    pub map: ObjId,
    pub keys: Vec<Value>,
    pub pos: usize,
}
