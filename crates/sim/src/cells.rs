//! Shared memory cells for the page: names as the user wrote them, last accesses, racy flags.

use std::collections::BTreeMap;

use gosched_lang::bytecode::{FuncId, NameId, Program, TypeKind};

use crate::heap::{CellsKind, Heap, Obj};
use crate::ids::{GoId, Nanos, ObjId};
use crate::race::MAP_SLOT;
use crate::trace::CellId;

/// How many recent accesses a cell remembers for display.
const RECENT: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct CellAccess {
    pub g: GoId,
    pub write: bool,
    pub func: FuncId,
    pub pc: u32,
    pub time: Nanos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellInfo {
    pub name: String,
    /// Up to two distinct goroutines that touched it (two make it shared).
    pub goroutines: Vec<GoId>,
    pub recent: Vec<CellAccess>,
    pub racy: bool,
    pub reads: u64,
    pub writes: u64,
}

impl CellInfo {
    pub fn shared(&self) -> bool {
        self.goroutines.len() > 1
    }
}

#[derive(Clone, Debug, Default)]
pub struct Cells {
    pub map: BTreeMap<CellId, CellInfo>,
}

impl Cells {
    /// The name of a cell as the program writes it, from the access site's
    /// base expression (`hint`) and the slot: `counter`, `s.hits`, `buf[3]`.
    pub fn name(&self, prog: &Program, heap: &Heap, cell: CellId, hint: Option<NameId>) -> String {
        if let Some(c) = self.map.get(&cell) {
            return c.name.clone();
        }
        let base = hint.map(|h| prog.name(h).to_string());
        let base_or = |fallback: &str| base.clone().unwrap_or_else(|| fallback.to_string());
        if cell.slot == MAP_SLOT {
            return base_or("map");
        }
        match heap.get(cell.obj) {
            Obj::Cells { kind, .. } => match kind {
                CellsKind::Globals => prog
                    .globals
                    .get(cell.slot as usize)
                    .map_or_else(|| base_or("global"), |g| g.display.clone()),
                CellsKind::Box(_, name) => {
                    if name.0 != u32::MAX {
                        prog.name(*name).to_string()
                    } else {
                        base.map_or_else(|| "*p".into(), |b| format!("*{b}"))
                    }
                }
                CellsKind::Struct(ty) => {
                    let field = match &prog.ty(*ty).kind {
                        TypeKind::Struct { fields } => {
                            fields.get(cell.slot as usize).map(|f| f.name.clone())
                        }
                        _ => None,
                    }
                    .unwrap_or_else(|| format!("f{}", cell.slot));
                    format!("{}.{}", base_or(&prog.ty(*ty).name), field)
                }
                CellsKind::Array(_) | CellsKind::Backing(_) => {
                    format!("{}[{}]", base_or("elem"), cell.slot)
                }
            },
            _ => base_or("?"),
        }
    }

    /// Records an access for display.
    #[allow(clippy::too_many_arguments)]
    pub fn touch(
        &mut self,
        prog: &Program,
        heap: &Heap,
        cell: CellId,
        g: GoId,
        write: bool,
        func: FuncId,
        pc: u32,
        hint: Option<NameId>,
        time: Nanos,
    ) {
        if !self.map.contains_key(&cell) {
            let name = self.name(prog, heap, cell, hint);
            self.map.insert(
                cell,
                CellInfo {
                    name,
                    goroutines: Vec::new(),
                    recent: Vec::new(),
                    racy: false,
                    reads: 0,
                    writes: 0,
                },
            );
        }
        let c = self.map.get_mut(&cell).expect("inserted above");
        if c.goroutines.len() < 2 && !c.goroutines.contains(&g) {
            c.goroutines.push(g);
        }
        if write {
            c.writes += 1;
        } else {
            c.reads += 1;
        }
        if c.recent.len() == RECENT {
            c.recent.remove(0);
        }
        c.recent.push(CellAccess {
            g,
            write,
            func,
            pc: pc.saturating_sub(1),
            time,
        });
    }

    pub fn mark_racy(&mut self, cell: CellId, name: &str) {
        if let Some(c) = self.map.get_mut(&cell) {
            c.racy = true;
        } else {
            self.map.insert(
                cell,
                CellInfo {
                    name: name.to_string(),
                    goroutines: Vec::new(),
                    recent: Vec::new(),
                    racy: true,
                    reads: 0,
                    writes: 0,
                },
            );
        }
    }

    pub fn forget_objects(&mut self, freed: &[ObjId]) {
        for &o in freed {
            let lo = CellId { obj: o, slot: 0 };
            let hi = CellId {
                obj: o,
                slot: u32::MAX,
            };
            let keys: Vec<CellId> = self.map.range(lo..=hi).map(|(k, _)| *k).collect();
            for k in keys {
                self.map.remove(&k);
            }
        }
    }
}
