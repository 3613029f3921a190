//! The happens-before data race detector: vector clocks over goroutines, FastTrack-style shadow
//! state per memory cell, and Go's synchronisation edges.
//!
//! Every observable read and write reaches [`Race::access`]. A cell's shadow
//! keeps its last write and the reads since that are not ordered with each
//! other; an access races with a shadow entry of another goroutine that does
//! not happen before it (and is not atomic on both sides). Unlike
//! ThreadSanitizer there is no history limit: shadows never forget, so a race
//! is never missed because of old accesses. Edges follow the Go memory model
//! (see `chan.rs`, `sync.rs` and the atomics natives for where each is made).

mod clock;
mod reads;
mod report;

pub use clock::VClock;

use std::collections::{BTreeMap, BTreeSet};

use gosched_lang::bytecode::FuncId;

use crate::ids::{GoId, ObjId};
use crate::trace::CellId;

/// The slot number used for "the whole map" (Go's race detector treats a
/// map operation as an access to the map header, not to one key).
pub const MAP_SLOT: u32 = u32::MAX - 1;

/// A synchronisation object's clock is keyed by what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SyncKey {
    /// An unbuffered channel (or a closed channel's close edge).
    Chan(ObjId),
    /// Slot `i` of a buffered channel's ring.
    ChanSlot(ObjId, u32),
    /// A sync object (mutex, rwmutex part, waitgroup, once, cond) by address.
    Addr(ObjId, u32, u8),
    /// An atomic variable.
    Atomic(CellId),
}

/// One access, as remembered in a shadow cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub g: GoId,
    pub clock: u32,
    pub func: FuncId,
    pub pc: u32,
    pub write: bool,
    pub atomic: bool,
}

#[derive(Clone, Debug, Default)]
struct Shadow {
    write: Option<Access>,
    reads: reads::Reads,
}

#[derive(Clone, Debug, Default)]
struct Thread {
    /// What this goroutine knows of the others (not itself).
    vc: VClock,
    /// Its own clock.
    epoch: u32,
    finished: bool,
    /// Shadow entries mentioning it.
    refs: u32,
}

/// A race found: the access that found it and the earlier one.
#[derive(Clone, Debug, PartialEq)]
pub struct RaceReport {
    pub cell: CellId,
    /// The variable as the program names it (`counter`, `s.hits`, `buf[3]`).
    pub name: String,
    pub current: Access,
    pub previous: Access,
    /// The report's text in Go's format (`WARNING: DATA RACE` ...).
    pub text: String,
    /// The step of the access that found it.
    pub step: crate::ids::Step,
}

#[derive(Clone, Debug, Default)]
pub struct Race {
    threads: Vec<Thread>,
    sync: BTreeMap<SyncKey, VClock>,
    shadow: BTreeMap<CellId, Shadow>,
    reported: BTreeSet<((u32, u32), (u32, u32))>,
    pub reports: Vec<RaceReport>,
}

impl Race {
    /// A rough size in bytes of the detector's state (its vector clocks and shadow
    /// cells), for snapshot budgets: with thousands of goroutines the clocks outweigh
    /// everything else a snapshot copies.
    pub fn approx_bytes(&self) -> u64 {
        let threads: u64 = self.threads.iter().map(|t| 16 + t.vc.approx_bytes()).sum();
        let sync: u64 = self.sync.values().map(|c| 32 + c.approx_bytes()).sum();
        threads + sync + 64 * self.shadow.len() as u64
    }

    pub fn new() -> Race {
        let mut r = Race::default();
        r.thread_mut(GoId(1)).epoch = 1;
        r
    }

    fn thread_mut(&mut self, g: GoId) -> &mut Thread {
        let i = g.index();
        if self.threads.len() <= i {
            self.threads.resize_with(i + 1, Thread::default);
        }
        &mut self.threads[i]
    }

    fn dead_fn(threads: &[Thread]) -> impl Fn(u32) -> bool + '_ {
        move |g| {
            threads
                .get(g as usize)
                .is_some_and(|t| t.finished && t.refs == 0)
        }
    }

    /// Whether access `a` happens before the current point of goroutine `t`.
    fn hb(&self, a: &Access, t: GoId) -> bool {
        a.g == t
            || self
                .threads
                .get(t.index())
                .is_some_and(|th| a.clock <= th.vc.get(a.g.0))
    }

    fn epoch(&self, g: GoId) -> u32 {
        self.threads.get(g.index()).map_or(0, |t| t.epoch)
    }

    fn add_ref(&mut self, g: GoId) {
        self.thread_mut(g).refs += 1;
    }

    fn drop_ref(&mut self, g: GoId) {
        let t = self.thread_mut(g);
        t.refs = t.refs.saturating_sub(1);
    }

    // ===== edges =====

    /// `go` statement: the child starts knowing everything the parent knew.
    pub fn go_create(&mut self, parent: GoId, child: GoId) {
        let (vc, epoch) = {
            let p = self.thread_mut(parent);
            let mut vc = p.vc.clone();
            vc.raise(parent.0, p.epoch);
            p.epoch += 1;
            (vc, 1)
        };
        let c = self.thread_mut(child);
        c.vc = vc;
        c.epoch = epoch;
        c.finished = false;
    }

    /// Goroutine exit creates no edge; its clock entries die with its last
    /// shadow reference.
    pub fn goroutine_exit(&mut self, g: GoId) {
        let t = self.thread_mut(g);
        t.finished = true;
        t.vc = VClock::default();
    }

    /// `g` acquires the clock of sync object `k`.
    pub fn acquire(&mut self, g: GoId, k: SyncKey) {
        if !self.sync.contains_key(&k) {
            return;
        }
        self.thread_mut(g);
        let mut vc = std::mem::take(&mut self.threads[g.index()].vc);
        if let Some(s) = self.sync.get(&k) {
            let dead = Self::dead_fn(&self.threads);
            vc.join(s, &dead);
        }
        self.threads[g.index()].vc = vc;
    }

    /// `g` releases into sync object `k` (merging with earlier releases).
    pub fn release(&mut self, g: GoId, k: SyncKey) {
        let epoch = self.thread_mut(g).epoch;
        let mut s = self.sync.remove(&k).unwrap_or_default();
        {
            let dead = Self::dead_fn(&self.threads);
            s.join(&self.threads[g.index()].vc, &dead);
        }
        s.raise(g.0, epoch);
        self.sync.insert(k, s);
        self.thread_mut(g).epoch += 1;
    }

    /// Acquire then store own clock (a buffered channel slot: the k-th
    /// receive is ordered before the (k+C)-th send).
    pub fn release_acquire(&mut self, g: GoId, k: SyncKey) {
        self.acquire(g, k);
        let t = self.thread_mut(g);
        let mut mine = t.vc.clone();
        mine.raise(g.0, t.epoch);
        t.epoch += 1;
        self.sync.insert(k, mine);
    }

    /// An unbuffered channel handoff: edges in both directions.
    pub fn handoff(&mut self, sender: GoId, receiver: GoId, k: SyncKey) {
        self.release(sender, k);
        self.acquire(receiver, k);
        self.release(receiver, k);
        self.acquire(sender, k);
    }

    // ===== accesses =====

    /// An access to `cell`; returns the earlier conflicting access if this
    /// is a race not reported before (by source location pair).
    pub fn access(
        &mut self,
        g: GoId,
        cell: CellId,
        write: bool,
        atomic: bool,
        func: FuncId,
        pc: u32,
    ) -> Option<Access> {
        let cur = Access {
            g,
            clock: self.epoch(g).max(1),
            func,
            pc,
            write,
            atomic,
        };
        let sh = self.shadow.remove(&cell).unwrap_or_default();
        let conflicts = |a: &Access, me: &Race| a.g != g && !(a.atomic && atomic) && !me.hb(a, g);
        let mut found: Option<Access> = None;
        if let Some(w) = &sh.write {
            if conflicts(w, self) {
                found = Some(*w);
            }
        }
        if write && found.is_none() {
            found = sh.reads.iter().find(|r| conflicts(r, self)).copied();
        }
        let mut sh = sh;
        if write {
            if let Some(w) = sh.write.take() {
                self.drop_ref(w.g);
            }
            let mut gone = Vec::new();
            sh.reads.clear(|g| gone.push(g));
            for g in gone {
                self.drop_ref(g);
            }
            sh.write = Some(cur);
            self.add_ref(g);
        } else {
            // Keep reads not ordered before this one; drop this goroutine's older read.
            let mut gone = Vec::new();
            sh.reads.record(cur, |r| self.hb(r, g), |g| gone.push(g));
            for g in gone {
                self.drop_ref(g);
            }
            self.add_ref(g);
        }
        self.shadow.insert(cell, sh);
        let prev = found?;
        let a = (prev.func.0, prev.pc);
        let b = (func.0, pc);
        let key = if a <= b { (a, b) } else { (b, a) };
        if !self.reported.insert(key) {
            return None;
        }
        Some(prev)
    }

    /// Forgets shadow state of freed heap objects (their ids will be reused).
    /// One pass over the synchronization clocks for the whole batch: a collection
    /// that frees 100,000 closures must not walk them 100,000 times.
    pub fn forget_objects(&mut self, freed: &[ObjId]) {
        let mut gone_objs = freed.to_vec();
        gosched_lang::sort::sort(&mut gone_objs);
        let mut keys: Vec<CellId> = Vec::new();
        let mut gone = Vec::new();
        for &o in &gone_objs {
            let lo = CellId { obj: o, slot: 0 };
            let hi = CellId {
                obj: o,
                slot: u32::MAX,
            };
            keys.clear();
            keys.extend(self.shadow.range(lo..=hi).map(|(k, _)| *k));
            for k in &keys {
                if let Some(sh) = self.shadow.remove(k) {
                    if let Some(w) = sh.write {
                        self.drop_ref(w.g);
                    }
                    let mut reads = sh.reads;
                    reads.clear(|g| gone.push(g));
                    for g in gone.drain(..) {
                        self.drop_ref(g);
                    }
                }
            }
        }
        let freed_obj = |o: &ObjId| gone_objs.binary_search(o).is_ok();
        self.sync.retain(|k, _| match k {
            SyncKey::Chan(c) | SyncKey::ChanSlot(c, _) | SyncKey::Addr(c, _, _) => !freed_obj(c),
            SyncKey::Atomic(cell) => !freed_obj(&cell.obj),
        });
    }

    /// Cells with a reported race.
    pub fn racy_cells(&self) -> BTreeSet<CellId> {
        self.reports.iter().map(|r| r.cell).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell() -> CellId {
        CellId {
            obj: ObjId(5),
            slot: 0,
        }
    }

    #[test]
    fn unordered_writes_race_and_ordered_ones_do_not() {
        let mut r = Race::new();
        r.go_create(GoId(1), GoId(6));
        // The child writes; main writes without synchronisation: race.
        assert!(r
            .access(GoId(6), cell(), true, false, FuncId(1), 3)
            .is_none());
        assert!(r
            .access(GoId(1), cell(), true, false, FuncId(0), 9)
            .is_some());
        // Same pair of locations again: reported once.
        assert!(r
            .access(GoId(6), cell(), true, false, FuncId(1), 3)
            .is_none());
    }

    #[test]
    fn many_concurrent_readers_are_all_remembered() {
        // 200 goroutines read the cell (past the short-list threshold); a
        // write ordered after all but the last reader still races with it.
        let key = SyncKey::Addr(ObjId(9), 0, 0);
        let mut r = Race::new();
        let readers: Vec<GoId> = (0..200).map(|i| GoId(10 + i)).collect();
        for &g in &readers {
            r.go_create(GoId(1), g);
        }
        for (i, &g) in readers.iter().enumerate() {
            assert!(r.access(g, cell(), false, false, FuncId(2), 5).is_none());
            if i + 1 < readers.len() {
                r.release(g, key);
            }
        }
        r.acquire(GoId(1), key);
        let prev = r.access(GoId(1), cell(), true, false, FuncId(0), 8);
        assert_eq!(prev.map(|a| a.g), Some(GoId(209)));
        // Once every reader is ordered before the write, no race.
        let mut r2 = Race::new();
        for &g in &readers {
            r2.go_create(GoId(1), g);
            assert!(r2.access(g, cell(), false, false, FuncId(2), 5).is_none());
            r2.release(g, key);
        }
        r2.acquire(GoId(1), key);
        assert!(r2
            .access(GoId(1), cell(), true, false, FuncId(0), 8)
            .is_none());
    }

    #[test]
    fn go_statement_orders_parent_before_child() {
        let mut r = Race::new();
        assert!(r
            .access(GoId(1), cell(), true, false, FuncId(0), 1)
            .is_none());
        r.go_create(GoId(1), GoId(6));
        assert!(r
            .access(GoId(6), cell(), false, false, FuncId(1), 2)
            .is_none());
    }

    #[test]
    fn release_acquire_orders_and_atomics_do_not_race() {
        let mut r = Race::new();
        r.go_create(GoId(1), GoId(6));
        let k = SyncKey::Addr(ObjId(9), 0, 0);
        assert!(r
            .access(GoId(6), cell(), true, false, FuncId(1), 1)
            .is_none());
        r.release(GoId(6), k);
        r.acquire(GoId(1), k);
        assert!(r
            .access(GoId(1), cell(), false, false, FuncId(0), 2)
            .is_none());
        let c2 = CellId {
            obj: ObjId(7),
            slot: 0,
        };
        assert!(r.access(GoId(6), c2, true, true, FuncId(1), 5).is_none());
        assert!(
            r.access(GoId(1), c2, false, true, FuncId(0), 6).is_none(),
            "two atomics never race"
        );
        let c3 = CellId {
            obj: ObjId(8),
            slot: 0,
        };
        assert!(r.access(GoId(6), c3, true, true, FuncId(1), 8).is_none());
        assert!(
            r.access(GoId(1), c3, false, false, FuncId(0), 7).is_some(),
            "plain read vs atomic write races"
        );
    }

    #[test]
    fn dead_goroutines_leave_clocks() {
        let mut r = Race::new();
        let k = SyncKey::Addr(ObjId(9), 0, 0);
        for i in 0..1000u32 {
            let g = GoId(10 + i);
            r.go_create(GoId(1), g);
            r.acquire(g, k);
            assert!(r.access(g, cell(), true, false, FuncId(1), 1).is_none());
            r.release(g, k);
            r.goroutine_exit(g);
        }
        assert!(
            r.sync[&k].len() < 8,
            "mutex clock stayed small: {}",
            r.sync[&k].len()
        );
    }
}
