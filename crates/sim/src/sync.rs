//! sync.Mutex, RWMutex, WaitGroup and Cond as the runtime implements them: state per address,
//! semaphore queues, normal and starvation mode, and their happens-before edges.

use std::collections::{BTreeMap, VecDeque};

use crate::ids::{GoId, Nanos, ObjId, ProcId};
use crate::interp::{Trap, R};
use crate::machine::Machine;
use crate::natives::NRet;
use crate::race::SyncKey;
use crate::sched::g::{Park, WaitReason};
use crate::trace::{CellId, EventKind, SyncOp};
use crate::value::Value;

/// A waiter that has waited longer than this switches a mutex to
/// starvation mode (internal/sync/mutex.go: starvationThresholdNs = 1e6).
pub const STARVATION_NS: Nanos = 1_000_000;

/// Mutex spin iterations (proc.go: sync_runtime_canSpin, active_spin = 4).
pub const ACTIVE_SPIN: u8 = 4;

/// A sync object's address: the object holding it and the slot.
pub type Addr = (ObjId, u32);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MutexState {
    pub locked: bool,
    pub owner: Option<GoId>,
    pub starving: bool,
    /// Semaphore queue, FIFO (re-waiters go to the front).
    pub waiters: VecDeque<GoId>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RwState {
    pub readers: u32,
    pub writer: Option<GoId>,
    pub rwaiters: VecDeque<GoId>,
    pub wwaiters: VecDeque<GoId>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WgState {
    pub counter: i64,
    pub waiters: Vec<GoId>,
}

/// A `sync.Cond`'s notify list (runtime/sema.go: notifyList): waiters hold
/// tickets; `Signal` wakes the oldest ticket not yet notified.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CondState {
    /// Next ticket to hand out.
    pub wait: u32,
    /// Tickets below this have been notified.
    pub notify: u32,
    pub waiters: VecDeque<(GoId, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SyncObj {
    Mutex(MutexState),
    RwMutex(RwState),
    WaitGroup(WgState),
    Cond(CondState),
}

/// Sync objects by address, created on first use (zero values work).
#[derive(Clone, Debug, Default)]
pub struct SyncTable {
    pub objs: BTreeMap<Addr, SyncObj>,
}

impl SyncTable {
    /// Heap objects the table needs kept alive (none: an unreachable mutex
    /// can never be used again, and its waiters keep it reachable).
    pub fn objects(&self) -> Vec<ObjId> {
        Vec::new()
    }

    pub fn forget_objects(&mut self, freed: &[ObjId]) {
        let mut gone = freed.to_vec();
        gosched_lang::sort::sort(&mut gone);
        self.objs.retain(|a, _| gone.binary_search(&a.0).is_err());
    }

    fn mutex(&mut self, a: Addr) -> &mut MutexState {
        let e = self
            .objs
            .entry(a)
            .or_insert_with(|| SyncObj::Mutex(MutexState::default()));
        if !matches!(e, SyncObj::Mutex(_)) {
            *e = SyncObj::Mutex(MutexState::default());
        }
        match e {
            SyncObj::Mutex(m) => m,
            _ => unreachable!("set above"),
        }
    }

    fn rw(&mut self, a: Addr) -> &mut RwState {
        let e = self
            .objs
            .entry(a)
            .or_insert_with(|| SyncObj::RwMutex(RwState::default()));
        if !matches!(e, SyncObj::RwMutex(_)) {
            *e = SyncObj::RwMutex(RwState::default());
        }
        match e {
            SyncObj::RwMutex(m) => m,
            _ => unreachable!("set above"),
        }
    }

    fn wg(&mut self, a: Addr) -> &mut WgState {
        let e = self
            .objs
            .entry(a)
            .or_insert_with(|| SyncObj::WaitGroup(WgState::default()));
        if !matches!(e, SyncObj::WaitGroup(_)) {
            *e = SyncObj::WaitGroup(WgState::default());
        }
        match e {
            SyncObj::WaitGroup(m) => m,
            _ => unreachable!("set above"),
        }
    }

    fn cond(&mut self, a: Addr) -> &mut CondState {
        let e = self
            .objs
            .entry(a)
            .or_insert_with(|| SyncObj::Cond(CondState::default()));
        if !matches!(e, SyncObj::Cond(_)) {
            *e = SyncObj::Cond(CondState::default());
        }
        match e {
            SyncObj::Cond(m) => m,
            _ => unreachable!("set above"),
        }
    }
}

fn key(a: Addr, part: u8) -> SyncKey {
    SyncKey::Addr(a.0, a.1, part)
}

fn cell(a: Addr) -> CellId {
    CellId {
        obj: a.0,
        slot: a.1,
    }
}

impl Machine {
    fn sync_event(&mut self, g: GoId, op: SyncOp, a: Addr) {
        self.emit(EventKind::Sync {
            g,
            op,
            addr: cell(a),
        });
    }

    fn park_sema(&mut self, p: ProcId, g: GoId, a: Addr, reason: WaitReason) {
        self.gs[g.index()].park = Park::Sema { addr: a };
        self.park(p, reason, Some(a.0));
    }

    /// proc.go: sync_runtime_canSpin.
    fn can_spin(&self, p: ProcId, g: GoId) -> bool {
        self.gs[g.index()].spins < ACTIVE_SPIN
            && self.cfg.num_cpu > 1
            && self.sched.gomaxprocs > self.sched.npidle() + self.sched.nmspinning + 1
            && self.sched.p(p).runq.is_empty()
    }

    /// `sync.(*Mutex).Lock`.
    pub(crate) fn mutex_lock(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        let now = self.sched.p(p).clock;
        self.sched.p_mut(p).clock += self.cfg.cost.mutex_op;
        if std::mem::take(&mut self.gs[g.index()].handed_off) {
            return Ok(self.mutex_acquired(g, a));
        }
        let m = self.sync.mutex(a);
        if !m.locked && !m.starving {
            m.locked = true;
            m.owner = Some(g);
            return Ok(self.mutex_acquired(g, a));
        }
        if m.locked && !m.starving && self.can_spin(p, g) {
            // Active spinning: try again shortly without parking.
            self.gs[g.index()].spins += 1;
            self.sched.p_mut(p).clock += self.cfg.cost.spin;
            if let Some(f) = self.gs[g.index()].frames.last_mut() {
                f.pc -= 1;
            }
            return Ok(NRet::Done);
        }
        if self.nested > 0 {
            return Err(Trap::Fatal(crate::interp::BLOCKING_IN_CALLBACK_MSG.into()));
        }
        let gg = &mut self.gs[g.index()];
        gg.spins = 0;
        let rewait = gg.lock_wait_start.is_some();
        let start = *gg.lock_wait_start.get_or_insert(now);
        let m = self.sync.mutex(a);
        let mut became_starving = false;
        if rewait && now.saturating_sub(start) > STARVATION_NS && m.locked && !m.starving {
            m.starving = true;
            became_starving = true;
        }
        if rewait {
            m.waiters.push_front(g);
        } else {
            m.waiters.push_back(g);
        }
        if became_starving {
            self.sync_event(g, SyncOp::Starving, a);
        }
        self.park_sema(p, g, a, WaitReason::SyncMutexLock);
        Ok(NRet::Retry)
    }

    fn mutex_acquired(&mut self, g: GoId, a: Addr) -> NRet {
        let gg = &mut self.gs[g.index()];
        gg.spins = 0;
        gg.lock_wait_start = None;
        if let Some(r) = &mut self.race {
            r.acquire(g, key(a, 0));
        }
        self.sync_event(g, SyncOp::Lock, a);
        NRet::Done
    }

    /// `sync.(*Mutex).TryLock`.
    pub(crate) fn mutex_trylock(&mut self, g: GoId, a: Addr) -> bool {
        let m = self.sync.mutex(a);
        if m.locked || m.starving {
            return false;
        }
        m.locked = true;
        m.owner = Some(g);
        self.mutex_acquired(g, a);
        true
    }

    /// `sync.(*Mutex).Unlock`.
    pub(crate) fn mutex_unlock(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        let now = self.sched.p(p).clock;
        self.sched.p_mut(p).clock += self.cfg.cost.mutex_op;
        let m = self.sync.mutex(a);
        if !m.locked {
            return Err(Trap::Fatal(
                "fatal error: sync: unlock of unlocked mutex".into(),
            ));
        }
        m.locked = false;
        m.owner = None;
        if let Some(r) = &mut self.race {
            r.release(g, key(a, 0));
        }
        self.sync_event(g, SyncOp::Unlock, a);
        let m = self.sync.mutex(a);
        let Some(w) = m.waiters.pop_front() else {
            return Ok(NRet::Done);
        };
        if m.starving {
            // Starvation mode: hand the mutex to the head waiter directly.
            m.locked = true;
            m.owner = Some(w);
            let waited = self.gs[w.index()]
                .lock_wait_start
                .map_or(0, |s| now.saturating_sub(s));
            let m = self.sync.mutex(a);
            if waited < STARVATION_NS || m.waiters.is_empty() {
                m.starving = false;
            }
            self.gs[w.index()].handed_off = true;
            self.ready(w, Some(p));
            // semrelease with handoff yields so the waiter runs next (goyield).
            self.goyield(p);
            return Ok(NRet::Stop);
        }
        self.ready(w, Some(p));
        Ok(NRet::Done)
    }

    /// proc.go: goyield — the running G goes to the tail of its P's local ring.
    pub(crate) fn goyield(&mut self, p: ProcId) {
        let Some(g) = self.sched.p(p).curg else {
            return;
        };
        let ran = self
            .sched
            .p(p)
            .clock
            .saturating_sub(self.sched.p(p).run_start);
        self.emit(EventKind::GoStop {
            g,
            p,
            reason: crate::trace::StopReason::Gosched,
            ran,
        });
        self.dropg(p);
        self.runqput(p, g, false);
    }

    // ===== RWMutex (writer-preferring, sync/rwmutex.go) =====

    pub(crate) fn rw_rlock(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        self.sched.p_mut(p).clock += self.cfg.cost.mutex_op;
        let rw = self.sync.rw(a);
        if rw.writer.is_none() && rw.wwaiters.is_empty() {
            rw.readers += 1;
            if let Some(r) = &mut self.race {
                r.acquire(g, key(a, 0));
            }
            self.sync_event(g, SyncOp::RLock, a);
            return Ok(NRet::Done);
        }
        if self.nested > 0 {
            return Err(Trap::Fatal(crate::interp::BLOCKING_IN_CALLBACK_MSG.into()));
        }
        rw.rwaiters.push_back(g);
        self.park_sema(p, g, a, WaitReason::SyncRWMutexRLock);
        Ok(NRet::Parked)
    }

    pub(crate) fn rw_runlock(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        let rw = self.sync.rw(a);
        if rw.readers == 0 {
            return Err(Trap::Fatal(
                "fatal error: sync: RUnlock of unlocked RWMutex".into(),
            ));
        }
        rw.readers -= 1;
        let grant = if rw.readers == 0 && rw.writer.is_none() {
            rw.wwaiters.pop_front()
        } else {
            None
        };
        if let Some(r) = &mut self.race {
            r.release(g, key(a, 1));
        }
        self.sync_event(g, SyncOp::RUnlock, a);
        if let Some(w) = grant {
            self.sync.rw(a).writer = Some(w);
            self.grant_writer(p, w, a);
        }
        Ok(NRet::Done)
    }

    fn grant_writer(&mut self, p: ProcId, w: GoId, a: Addr) {
        if let Some(r) = &mut self.race {
            r.acquire(w, key(a, 0));
            r.acquire(w, key(a, 1));
        }
        self.sync_event(w, SyncOp::Lock, a);
        self.ready(w, Some(p));
    }

    pub(crate) fn rw_lock(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        self.sched.p_mut(p).clock += self.cfg.cost.mutex_op;
        let rw = self.sync.rw(a);
        if rw.writer.is_none() && rw.readers == 0 && rw.wwaiters.is_empty() {
            rw.writer = Some(g);
            if let Some(r) = &mut self.race {
                r.acquire(g, key(a, 0));
                r.acquire(g, key(a, 1));
            }
            self.sync_event(g, SyncOp::Lock, a);
            return Ok(NRet::Done);
        }
        if self.nested > 0 {
            return Err(Trap::Fatal(crate::interp::BLOCKING_IN_CALLBACK_MSG.into()));
        }
        rw.wwaiters.push_back(g);
        self.park_sema(p, g, a, WaitReason::SyncRWMutexLock);
        Ok(NRet::Parked)
    }

    pub(crate) fn rw_unlock(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        let rw = self.sync.rw(a);
        if rw.writer.is_none() {
            return Err(Trap::Fatal(
                "fatal error: sync: Unlock of unlocked RWMutex".into(),
            ));
        }
        rw.writer = None;
        if let Some(r) = &mut self.race {
            r.release(g, key(a, 0));
        }
        self.sync_event(g, SyncOp::Unlock, a);
        let rw = self.sync.rw(a);
        if !rw.rwaiters.is_empty() {
            let readers: Vec<GoId> = rw.rwaiters.drain(..).collect();
            rw.readers += readers.len() as u32;
            for w in readers {
                if let Some(r) = &mut self.race {
                    r.acquire(w, key(a, 0));
                }
                self.sync_event(w, SyncOp::RLock, a);
                self.ready(w, Some(p));
            }
        } else if let Some(w) = rw.wwaiters.pop_front() {
            rw.writer = Some(w);
            self.grant_writer(p, w, a);
        }
        Ok(NRet::Done)
    }

    pub(crate) fn rw_trylock(&mut self, g: GoId, a: Addr, read: bool) -> bool {
        let rw = self.sync.rw(a);
        let ok = if read {
            rw.writer.is_none() && rw.wwaiters.is_empty()
        } else {
            rw.writer.is_none() && rw.readers == 0
        };
        if ok {
            if read {
                rw.readers += 1;
            } else {
                rw.writer = Some(g);
            }
            if let Some(r) = &mut self.race {
                r.acquire(g, key(a, 0));
                if !read {
                    r.acquire(g, key(a, 1));
                }
            }
        }
        ok
    }

    // ===== WaitGroup =====

    /// `wg.Add(delta)` (and `Done` as `Add(-1)`).
    pub(crate) fn wg_add(&mut self, p: ProcId, g: GoId, a: Addr, delta: i64) -> R<NRet> {
        self.sched.p_mut(p).clock += self.cfg.cost.atomic_op;
        if delta < 0 {
            if let Some(r) = &mut self.race {
                r.release(g, key(a, 0));
            }
        }
        let wg = self.sync.wg(a);
        wg.counter += delta;
        let counter = wg.counter;
        self.sync_event(g, SyncOp::WgAdd(delta), a);
        if counter < 0 {
            let v = self.heap.str_value("sync: negative WaitGroup counter");
            let v = match self.prog.well_known.string {
                Some(t) => self.make_iface(t, v),
                None => v,
            };
            return Err(Trap::Panic(v));
        }
        let wg = self.sync.wg(a);
        if counter == 0 && !wg.waiters.is_empty() {
            let ws = std::mem::take(&mut wg.waiters);
            for w in ws {
                if let Some(r) = &mut self.race {
                    r.acquire(w, key(a, 0));
                }
                self.ready(w, Some(p));
            }
        }
        Ok(NRet::Done)
    }

    /// `wg.Wait()`.
    pub(crate) fn wg_wait(&mut self, p: ProcId, g: GoId, a: Addr) -> R<NRet> {
        let wg = self.sync.wg(a);
        if wg.counter == 0 {
            if let Some(r) = &mut self.race {
                r.acquire(g, key(a, 0));
            }
            return Ok(NRet::Done);
        }
        if self.nested > 0 {
            return Err(Trap::Fatal(crate::interp::BLOCKING_IN_CALLBACK_MSG.into()));
        }
        wg.waiters.push(g);
        self.sync_event(g, SyncOp::WgWait, a);
        self.park_sema(p, g, a, WaitReason::SyncWaitGroupWait);
        Ok(NRet::Parked)
    }

    // ===== Cond =====

    /// `runtime_notifyListAdd`: a ticket for a goroutine about to wait.
    pub(crate) fn notify_add(&mut self, a: Addr) -> u32 {
        let c = self.sync.cond(a);
        c.wait += 1;
        c.wait - 1
    }

    /// `runtime_notifyListWait`: parks unless ticket `t` was already notified.
    pub(crate) fn notify_wait(&mut self, p: ProcId, g: GoId, a: Addr, t: u32) -> R<NRet> {
        let c = self.sync.cond(a);
        if t < c.notify {
            if let Some(r) = &mut self.race {
                r.acquire(g, key(a, 0));
            }
            return Ok(NRet::Done);
        }
        if self.nested > 0 {
            return Err(Trap::Fatal(crate::interp::BLOCKING_IN_CALLBACK_MSG.into()));
        }
        c.waiters.push_back((g, t));
        self.sync_event(g, SyncOp::CondWait, a);
        self.park_sema(p, g, a, WaitReason::SyncCondWait);
        Ok(NRet::Parked)
    }

    /// `Signal` (`all == false`) or `Broadcast`.
    pub(crate) fn cond_notify(&mut self, p: ProcId, g: GoId, a: Addr, all: bool) {
        let c = self.sync.cond(a);
        let ws: Vec<GoId> = if all {
            c.notify = c.wait;
            c.waiters.drain(..).map(|(w, _)| w).collect()
        } else if c.notify == c.wait {
            Vec::new()
        } else {
            let t = c.notify;
            c.notify += 1;
            match c.waiters.iter().position(|&(_, tk)| tk == t) {
                Some(i) => c.waiters.remove(i).map(|(w, _)| w).into_iter().collect(),
                None => Vec::new(),
            }
        };
        if let Some(r) = &mut self.race {
            r.release(g, key(a, 0));
        }
        self.sync_event(
            g,
            if all {
                SyncOp::Broadcast
            } else {
                SyncOp::Signal
            },
            a,
        );
        for w in ws {
            if let Some(r) = &mut self.race {
                r.acquire(w, key(a, 0));
            }
            self.ready(w, Some(p));
        }
    }

    /// The address of the sync object a receiver points to.
    pub(crate) fn sync_addr(&self, recv: Value) -> R<Addr> {
        match recv {
            Value::Ref(o) => Ok((o, 0)),
            Value::Ptr(o, k) => Ok((o, k)),
            _ => Err(crate::interp::mem_nil_deref()),
        }
    }
}
