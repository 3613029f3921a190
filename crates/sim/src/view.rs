//! A plain-data picture of the machine at the current step, for the page: Ps with their queues,
//! Ms, goroutines and where each one is, channels, locks, wait groups, timers, shared cells,
//! statistics and memory.
//!
//! The web crate only draws this; nothing here knows the browser.

use std::collections::BTreeMap;

use gosched_lang::bytecode::{FuncId, TypeKind};

use crate::heap::{CellsKind, Obj};
use crate::ids::{GoId, MId, Nanos, ObjId, ProcId, Step};
use crate::machine::{Machine, Stats};
use crate::sched::g::{GStatus, Park, WaitReason};
use crate::sched::p::{MState, PStatus};
use crate::sync::SyncObj;
use crate::trace::CellId;
use crate::value::Value;

/// Where a goroutine is, for placing its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Where {
    Running(ProcId),
    Runnext(ProcId),
    /// In P's local queue at this position.
    LocalQueue(ProcId, u32),
    /// In the global queue at this position.
    GlobalQueue(u32),
    /// Blocked on a channel (send or receive) or in a select over channels.
    Chan(ObjId),
    Select,
    /// Waiting for a mutex, RWMutex, WaitGroup or Cond at this address.
    Sync(ObjId, u32),
    Sleep,
    Syscall(MId),
    Netpoll,
    /// Blocked forever (nil channel, empty select, finalizer wait).
    Forever,
    Dead,
}

impl Where {
    /// The `data-where` form the page and its tests use: `p0-running`,
    /// `p0-runnext`, `p0-runq`, `global-runq`, `chan-12`, `mutex-7` ...
    pub fn key(&self, m: &View) -> String {
        match self {
            Where::Running(p) => format!("p{}-running", p.0),
            Where::Runnext(p) => format!("p{}-runnext", p.0),
            Where::LocalQueue(p, _) => format!("p{}-runq", p.0),
            Where::GlobalQueue(_) => "global-runq".into(),
            Where::Chan(o) => format!("chan-{}", o.0),
            Where::Select => "select".into(),
            Where::Sync(o, s) => {
                let kind = m
                    .syncs
                    .iter()
                    .find(|x| x.addr == (*o, *s))
                    .map_or("sync", |x| x.kind.key());
                format!("{kind}-{}-{}", o.0, s)
            }
            Where::Sleep => "sleep".into(),
            Where::Syscall(_) => "syscall".into(),
            Where::Netpoll => "netpoll".into(),
            Where::Forever => "forever".into(),
            Where::Dead => "dead".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GView {
    pub id: GoId,
    /// `runnable`, `running`, `waiting`, `syscall`, `dead`.
    pub state: &'static str,
    /// Go's words for why it waits (`chan receive`, `sync.Mutex.Lock`).
    pub wait_reason: Option<&'static str>,
    pub place: Where,
    /// Function it started in (`main.worker`, `main.main.func1`).
    pub start: String,
    /// The function and line it is at now.
    pub func: String,
    pub line: u32,
    pub stack_bytes: u64,
    /// A runtime goroutine (not the program's).
    pub system: bool,
    /// When it entered its current state.
    pub since: Nanos,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PView {
    pub id: ProcId,
    /// `idle`, `running`, `syscall`.
    pub status: &'static str,
    pub m: Option<MId>,
    pub spinning: bool,
    pub running: Option<GoId>,
    pub runnext: Option<GoId>,
    pub runq: Vec<GoId>,
    pub timers: usize,
    pub clock: Nanos,
    pub schedtick: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MView {
    pub id: MId,
    /// `running`, `spinning`, `idle`, `syscall`.
    pub state: &'static str,
    pub p: Option<ProcId>,
    pub g: Option<GoId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChanView {
    pub id: ObjId,
    /// `chan int` and the line that made it.
    pub ty: String,
    pub cap: u32,
    pub buf: Vec<String>,
    pub closed: bool,
    pub recvq: Vec<GoId>,
    pub sendq: Vec<GoId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncKind {
    Mutex,
    RwMutex,
    WaitGroup,
    Cond,
}

impl SyncKind {
    pub fn key(self) -> &'static str {
        match self {
            SyncKind::Mutex => "mutex",
            SyncKind::RwMutex => "rwmutex",
            SyncKind::WaitGroup => "wg",
            SyncKind::Cond => "cond",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncView {
    pub addr: (ObjId, u32),
    pub kind: SyncKind,
    /// The variable's name, if the program ever named it (`mu`, `c.mu`, `wg`).
    pub name: String,
    /// Mutex owner / RWMutex writer.
    pub owner: Option<GoId>,
    pub readers: u32,
    pub starving: bool,
    /// WaitGroup counter.
    pub counter: i64,
    pub waiters: Vec<GoId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellView {
    pub cell: CellId,
    pub name: String,
    pub value: String,
    pub racy: bool,
    pub reads: u64,
    pub writes: u64,
    /// Recent accesses: goroutine, write?, line.
    pub recent: Vec<(GoId, bool, u32)>,
}

/// One side of a data race: who accessed the cell, how, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccessView {
    pub g: GoId,
    pub write: bool,
    pub atomic: bool,
    /// Line in main.go (0 if the access was in the standard library).
    pub line: u32,
}

/// A data race the detector reported: the access that found it and the earlier,
/// unordered one it conflicts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaceView {
    pub cell: CellId,
    /// The variable as the program names it (`counter`, `s.hits`, `buf[3]`).
    pub name: String,
    pub current: AccessView,
    pub previous: AccessView,
    /// The report in Go's format (`WARNING: DATA RACE` ...).
    pub text: String,
}

/// The memory meter: goroutine stacks beside what OS threads would reserve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemView {
    pub goroutines: u64,
    pub stack_bytes: u64,
    pub heap_bytes: u64,
    /// 1 MiB per thread (Windows' default stack reserve).
    pub threads_windows: u64,
    /// 8 MiB per thread (Linux's default `ulimit -s`).
    pub threads_linux: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub step: Step,
    pub time: Nanos,
    pub gomaxprocs: u32,
    pub procs: Vec<PView>,
    /// The global run queue, in order (in a limited view, its first [`QUEUE_HEAD`]).
    pub global: Vec<GoId>,
    /// The global run queue's length.
    pub global_len: usize,
    pub ms: Vec<MView>,
    pub goroutines: Vec<GView>,
    pub dead: u64,
    pub chans: Vec<ChanView>,
    pub syncs: Vec<SyncView>,
    /// Sleeping goroutines and their wake-up times, soonest first (in a limited view,
    /// the first [`QUEUE_HEAD`]).
    pub sleepers: Vec<(GoId, Nanos)>,
    /// How many goroutines sleep.
    pub sleepers_len: usize,
    pub syscalls: Vec<(GoId, MId, Nanos)>,
    pub net_waits: Vec<(GoId, Nanos)>,
    pub net_ready: Vec<GoId>,
    pub cells: Vec<CellView>,
    pub stats: Stats,
    pub memory: MemView,
    pub sysmon_next: Nanos,
    pub finished: bool,
    /// Live goroutines left out of `goroutines` by [`Machine::view_limited`]
    /// (0 for a full [`Machine::view`]). They are still counted in `memory`.
    pub omitted: u64,
}

const MIB: u64 = 1 << 20;

/// How many goroutines of each queue (a P's local queue, the global queue, a channel's
/// waiters, a lock's waiters, the sleepers ...) a limited view lists in detail. The page
/// draws at most a few dozen tokens per queue and shows the rest as a count.
pub const QUEUE_HEAD: usize = 64;

impl Machine {
    /// The picture of the machine now, listing every live goroutine.
    pub fn view(&self) -> View {
        self.view_limited(usize::MAX)
    }

    /// The picture of the machine now, listing at most about `max_goroutines`
    /// goroutines in `goroutines` when more are alive.
    ///
    /// With more live goroutines than that, only the ones a page can show are
    /// listed: every running goroutine and every one in a system call, each P's
    /// `runnext`, and the first [`QUEUE_HEAD`] of each queue (local and global run
    /// queues, channel and lock waiters, sleepers, network waiters, goroutines
    /// blocked in `select` or forever); `omitted` counts the others. Everything
    /// else in the view (queues as id lists, memory, statistics) stays complete.
    /// Building a [`GView`] costs two strings and a line lookup, so this keeps a
    /// view of 100,000 goroutines cheap enough to draw every frame.
    pub fn view_limited(&self, max_goroutines: usize) -> View {
        let mut scan = self.scan_goroutines();
        let limited = scan.live > max_goroutines;
        let head = if limited { QUEUE_HEAD } else { usize::MAX };
        let (sleepers, sleepers_len) = self.sleepers_view(head);
        let mut v = View {
            step: self.step,
            time: self.now(),
            gomaxprocs: self.sched.gomaxprocs,
            procs: Vec::new(),
            global: self.sched.global.iter().take(head).copied().collect(),
            global_len: self.sched.global.len(),
            ms: Vec::new(),
            goroutines: Vec::new(),
            dead: scan.dead,
            chans: Vec::new(),
            syncs: Vec::new(),
            sleepers,
            sleepers_len,
            syscalls: self
                .sched
                .syscalls
                .iter()
                .map(|w| (w.g, w.m, w.until))
                .collect(),
            net_waits: self
                .sched
                .net_waits
                .iter()
                .map(|w| (w.g, w.until))
                .collect(),
            net_ready: self.sched.net_ready.iter().copied().collect(),
            cells: Vec::new(),
            stats: self.stats.clone(),
            memory: MemView {
                goroutines: scan.goroutines,
                stack_bytes: scan.stack_bytes,
                heap_bytes: self.heap.bytes(),
                threads_windows: scan.goroutines * MIB,
                threads_linux: scan.goroutines * 8 * MIB,
            },
            sysmon_next: self.sched.sysmon.next,
            finished: self.outcome.is_some(),
            omitted: 0,
        };
        for p in &self.sched.ps {
            if p.status == PStatus::Dead {
                continue;
            }
            let spinning =
                p.m.is_some_and(|m| self.sched.ms[m.index()].state == MState::Spinning);
            v.procs.push(PView {
                id: p.id,
                status: match p.status {
                    PStatus::Idle => "idle",
                    PStatus::Running => "running",
                    PStatus::Syscall => "syscall",
                    PStatus::Dead => "dead",
                },
                m: p.m,
                spinning,
                running: p.curg,
                runnext: p.runnext,
                runq: p.runq.iter().copied().collect(),
                timers: p.timers.len(),
                clock: p.clock,
                schedtick: p.schedtick,
            });
        }
        for m in &self.sched.ms {
            v.ms.push(MView {
                id: m.id,
                state: match m.state {
                    MState::Running => "running",
                    MState::Spinning => "spinning",
                    MState::Idle => "idle",
                    MState::Syscall => "syscall",
                },
                p: m.p,
                g: m.curg,
            });
        }
        self.view_syncs(&mut v);
        self.view_chans(&mut v, std::mem::take(&mut scan.chans));
        let queued = queue_places(&v);
        if limited {
            let listed = self.listed(&v, &scan);
            v.omitted = scan.live as u64 - listed.len() as u64;
            for id in listed {
                let g = &self.gs[id.index()];
                v.goroutines.push(self.goroutine_view(g, &queued));
            }
        } else {
            for g in &self.gs {
                if g.id.0 != 0 && !g.is_dead() {
                    v.goroutines.push(self.goroutine_view(g, &queued));
                }
            }
        }
        self.view_cells(&mut v);
        v
    }

    /// One pass over the goroutines for what every view needs: counts, memory, the
    /// channels goroutines wait on, and the goroutines no queue lists.
    fn scan_goroutines(&self) -> Scan {
        let mut s = Scan::default();
        for g in &self.gs {
            if g.id.0 == 0 {
                continue;
            }
            if g.is_dead() {
                // Slots never used by a goroutine are not finished goroutines.
                if !(g.frames.is_empty() && g.start_func == FuncId(0) && !g.system) {
                    s.dead += 1;
                }
                continue;
            }
            s.live += 1;
            if !g.system {
                s.goroutines += 1;
                s.stack_bytes += g.stack_size;
            }
            match g.status {
                GStatus::Syscall | GStatus::Running if s.running.len() < QUEUE_HEAD => {
                    s.running.push(g.id);
                }
                GStatus::Waiting(_) => {
                    match &g.park {
                        Park::Recv { ch, .. } | Park::Send { ch, .. }
                            if s.chans.last() != Some(ch) =>
                        {
                            s.chans.push(*ch);
                        }
                        Park::Select { chans, .. } => s.chans.extend(chans.iter().copied()),
                        _ => {}
                    }
                    // Goroutines blocked in select or forever are in no list.
                    let listed_elsewhere = matches!(
                        g.park,
                        Park::Recv { .. }
                            | Park::Send { .. }
                            | Park::Sema { .. }
                            | Park::Sleep { .. }
                            | Park::Net { .. }
                    );
                    if !listed_elsewhere && s.blocked.len() < QUEUE_HEAD {
                        s.blocked.push(g.id);
                    }
                }
                _ => {}
            }
        }
        s
    }

    fn goroutine_view(&self, g: &crate::sched::g::G, queued: &BTreeMap<GoId, Where>) -> GView {
        let place = self.place_of(g.id, queued);
        let (func, line) = match g.frames.last() {
            Some(f) => {
                let pc = f.pc.saturating_sub(1) as usize;
                let fun = self.prog.func(f.func);
                let file = &self.prog.files[fun.file.index()];
                let span = fun.debug.get(pc).map_or(fun.span, |d| d.span);
                let line = if file.name == "main.go" {
                    file.lines.line_col(span.lo).line
                } else {
                    0
                };
                (fun.name.clone(), line)
            }
            None => (String::new(), 0),
        };
        GView {
            id: g.id,
            state: match g.status {
                GStatus::Runnable => "runnable",
                GStatus::Running => "running",
                GStatus::Waiting(_) => "waiting",
                GStatus::Syscall => "syscall",
                GStatus::Dead => "dead",
            },
            wait_reason: match g.status {
                GStatus::Waiting(r) => Some(r.as_go_str()),
                _ => None,
            },
            place,
            start: if g.system {
                "runtime.runfinq".into()
            } else {
                self.prog.func(g.start_func).name.clone()
            },
            func,
            line,
            stack_bytes: g.stack_size,
            system: g.system,
            since: g.since,
        }
    }

    /// Sleeping goroutines and their wake-up times, soonest first: the first `head`
    /// of them, and how many there are. The first ones are kept by insertion into a
    /// short sorted list, so 100,000 sleepers are neither copied nor sorted every
    /// frame (and no `select_nth`: its code is large in wasm).
    fn sleepers_view(&self, head: usize) -> (Vec<(GoId, Nanos)>, usize) {
        use crate::sched::timers::TimerKind;
        let key = |&(g, w): &(GoId, Nanos)| (w, g);
        let sleeping = self
            .timers
            .objs
            .iter()
            .filter(|t| t.active)
            .filter_map(|t| match t.kind {
                TimerKind::Sleep(g) => Some((g, t.when)),
                _ => None,
            });
        if head == usize::MAX {
            let mut v: Vec<(GoId, Nanos)> = sleeping.collect();
            gosched_lang::sort::sort_by_key(&mut v, key);
            let n = v.len();
            return (v, n);
        }
        let mut first: Vec<(GoId, Nanos)> = Vec::with_capacity(head);
        let mut n = 0;
        for e in sleeping {
            n += 1;
            let pos = first.partition_point(|x| key(x) <= key(&e));
            if pos < head {
                if first.len() == head {
                    first.pop();
                }
                first.insert(pos, e);
            }
        }
        (first, n)
    }

    /// The goroutines a limited view lists, in id order: main, what runs, the heads
    /// of every queue, and the goroutines `scan` found in no queue (running, in a system
    /// call, or blocked in select or forever).
    fn listed(&self, v: &View, scan: &Scan) -> Vec<GoId> {
        let mut ids: Vec<GoId> = vec![GoId(1)];
        let mut mark = |it: &mut dyn Iterator<Item = GoId>| ids.extend(it.take(QUEUE_HEAD));
        for p in &v.procs {
            mark(&mut p.running.into_iter().chain(p.runnext));
            mark(&mut p.runq.iter().copied());
        }
        mark(&mut v.global.iter().copied());
        mark(&mut v.sleepers.iter().map(|s| s.0));
        mark(&mut v.syscalls.iter().map(|s| s.0));
        mark(&mut v.net_waits.iter().map(|s| s.0));
        mark(&mut v.net_ready.iter().copied());
        for c in &v.chans {
            mark(&mut c.recvq.iter().copied());
            mark(&mut c.sendq.iter().copied());
        }
        for s in &v.syncs {
            mark(&mut s.owner.into_iter());
            mark(&mut s.waiters.iter().copied());
        }
        mark(&mut scan.running.iter().copied());
        mark(&mut scan.blocked.iter().copied());
        gosched_lang::sort::sort(&mut ids);
        ids.dedup();
        ids.retain(|g| {
            self.gs
                .get(g.index())
                .is_some_and(|g| g.id.0 != 0 && !g.is_dead())
        });
        ids
    }

    fn place_of(&self, g: crate::ids::GoId, queued: &BTreeMap<GoId, Where>) -> Where {
        let gg = &self.gs[g.index()];
        match gg.status {
            GStatus::Running => gg.p.map_or(Where::Dead, Where::Running),
            // Past the head of a long global queue, found by its position.
            GStatus::Runnable => queued.get(&g).cloned().unwrap_or_else(|| {
                let at = self.sched.global.iter().position(|&x| x == g).unwrap_or(0);
                Where::GlobalQueue(at as u32)
            }),
            GStatus::Syscall => Where::Syscall(gg.m.unwrap_or(MId(0))),
            GStatus::Dead => Where::Dead,
            GStatus::Waiting(r) => match (&gg.park, r) {
                (Park::Recv { ch, .. }, _) | (Park::Send { ch, .. }, _) => Where::Chan(*ch),
                (Park::Select { .. }, _) => Where::Select,
                (Park::Sema { addr }, _) => Where::Sync(addr.0, addr.1),
                (Park::Sleep { .. }, _) => Where::Sleep,
                (Park::Net { .. }, _) => Where::Netpoll,
                (_, WaitReason::IoWait) => Where::Netpoll,
                _ => Where::Forever,
            },
        }
    }
}

/// Where each runnable goroutine the view lists in a run queue waits (one pass over
/// the queues instead of a search per goroutine).
fn queue_places(v: &View) -> BTreeMap<GoId, Where> {
    let mut at = BTreeMap::new();
    for (i, &g) in v.global.iter().enumerate() {
        at.insert(g, Where::GlobalQueue(i as u32));
    }
    for p in &v.procs {
        for (i, &g) in p.runq.iter().enumerate() {
            at.insert(g, Where::LocalQueue(p.id, i as u32));
        }
        if let Some(g) = p.runnext {
            at.insert(g, Where::Runnext(p.id));
        }
    }
    at
}

/// What one pass over the goroutines found (see [`Machine::scan_goroutines`]).
#[derive(Default)]
struct Scan {
    /// Live goroutines, system ones included.
    live: usize,
    /// Finished goroutines.
    dead: u64,
    /// Live user goroutines and their stacks.
    goroutines: u64,
    stack_bytes: u64,
    /// Channels goroutines wait on (with repeats).
    chans: Vec<ObjId>,
    /// The first running or in-syscall goroutines (no queue holds them).
    running: Vec<GoId>,
    /// The first goroutines blocked where no queue holds them (select, forever).
    blocked: Vec<GoId>,
}

impl Machine {
    /// The data races found so far, in the order the race detector reported them
    /// (empty when race detection is off).
    pub fn race_views(&self) -> Vec<RaceView> {
        self.races()
            .iter()
            .map(|r| RaceView {
                cell: r.cell,
                name: r.name.clone(),
                current: self.access_view(&r.current),
                previous: self.access_view(&r.previous),
                text: r.text.clone(),
            })
            .collect()
    }

    fn access_view(&self, a: &crate::race::Access) -> AccessView {
        AccessView {
            g: a.g,
            write: a.write,
            atomic: a.atomic,
            line: self.line_of(a.func, a.pc),
        }
    }

    fn view_syncs(&self, v: &mut View) {
        for (addr, obj) in &self.sync.objs {
            let name = self
                .cells
                .map
                .range(
                    CellId {
                        obj: addr.0,
                        slot: 0,
                    }..,
                )
                .next()
                .filter(|(c, _)| c.obj == addr.0)
                .map(|(_, c)| c.name.clone())
                .unwrap_or_default();
            let mut sv = SyncView {
                addr: *addr,
                kind: SyncKind::Mutex,
                name,
                owner: None,
                readers: 0,
                starving: false,
                counter: 0,
                waiters: Vec::new(),
            };
            match obj {
                SyncObj::Mutex(m) => {
                    sv.owner = m.owner;
                    sv.starving = m.starving;
                    sv.waiters = m.waiters.iter().copied().collect();
                }
                SyncObj::RwMutex(r) => {
                    sv.kind = SyncKind::RwMutex;
                    sv.owner = r.writer;
                    sv.readers = r.readers;
                    sv.waiters = r
                        .wwaiters
                        .iter()
                        .chain(r.rwaiters.iter())
                        .copied()
                        .collect();
                }
                SyncObj::WaitGroup(w) => {
                    sv.kind = SyncKind::WaitGroup;
                    sv.counter = w.counter;
                    sv.waiters = w.waiters.clone();
                }
                SyncObj::Cond(c) => {
                    sv.kind = SyncKind::Cond;
                    sv.waiters = c.waiters.iter().map(|w| w.0).collect();
                }
            }
            v.syncs.push(sv);
        }
    }

    fn view_chans(&self, v: &mut View, mut ids: Vec<ObjId>) {
        // Channels that matter: the ones goroutines wait on.
        gosched_lang::sort::sort(&mut ids);
        ids.dedup();
        for o in ids {
            let Obj::Chan(c) = self.heap.get(o) else {
                continue;
            };
            v.chans.push(ChanView {
                id: o,
                ty: self.prog.ty(c.ty).name.clone(),
                cap: c.cap,
                buf: c.buf.iter().map(|x| self.show_value(*x, 0)).collect(),
                closed: c.closed,
                recvq: c.recvq.iter().map(|w| w.g).collect(),
                sendq: c.sendq.iter().map(|w| w.g).collect(),
            });
        }
    }

    fn view_cells(&self, v: &mut View) {
        let racy = self
            .race
            .as_ref()
            .map(|r| r.racy_cells())
            .unwrap_or_default();
        for (id, c) in &self.cells.map {
            if !c.shared() && !c.racy && !racy.contains(id) {
                continue;
            }
            let value = match self.heap.get(id.obj) {
                Obj::Cells { slots, .. } => slots
                    .get(id.slot as usize)
                    .map_or(String::new(), |x| self.show_value(*x, 0)),
                Obj::Map(m) => format!("map[{} entries]", m.len()),
                _ => String::new(),
            };
            v.cells.push(CellView {
                cell: *id,
                name: c.name.clone(),
                value,
                racy: c.racy || racy.contains(id),
                reads: c.reads,
                writes: c.writes,
                recent: c
                    .recent
                    .iter()
                    .map(|a| {
                        let f = self.prog.func(a.func);
                        let span = f.debug.get(a.pc as usize).map_or(f.span, |d| d.span);
                        let line = self.prog.files[f.file.index()].lines.line_col(span.lo).line;
                        (a.g, a.write, line)
                    })
                    .collect(),
            });
        }
    }

    /// A short display of a value whose static type is not known here.
    pub fn show_value(&self, v: Value, depth: u32) -> String {
        match v {
            Value::Nil => "nil".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => {
                let s = format!("{f}");
                if s.len() > 12 {
                    format!("{f:.6e}")
                } else {
                    s
                }
            }
            Value::Str(_) => {
                let s = self.heap.string_lossy(v);
                let s: String = s.chars().take(40).collect();
                format!("{s:?}")
            }
            Value::Slice(s) => format!("[{} items]", s.len),
            Value::Ptr(_, _) => "&…".into(),
            Value::Func(_) | Value::Native(_) => "func".into(),
            Value::Ref(o) => match self.heap.get(o) {
                Obj::Cells { kind, slots } if depth < 2 => {
                    let parts: Vec<String> = slots
                        .iter()
                        .take(6)
                        .map(|x| self.show_value(*x, depth + 1))
                        .collect();
                    let more = if slots.len() > 6 { " …" } else { "" };
                    match kind {
                        CellsKind::Struct(_) => format!("{{{}{more}}}", parts.join(" ")),
                        _ => format!("[{}{more}]", parts.join(" ")),
                    }
                }
                Obj::Cells { .. } => "{…}".into(),
                Obj::Map(m) => format!("map[{} entries]", m.len()),
                Obj::Chan(c) => format!("chan ({} buffered)", c.buf.len()),
                Obj::Closure { .. } => "func".into(),
                Obj::Iface { ty, val } => match &self.prog.ty(*ty).kind {
                    TypeKind::String => self.show_value(*val, depth),
                    _ => self.show_value(*val, depth + 1),
                },
                _ => "…".into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::config::{Config, TraceLevel};

    /// 300 goroutines block on one channel; main sleeps, then releases them.
    /// Runs until at least 250 wait.
    const MANY: &str = "package main\n\nimport \"time\"\n\nfunc main() {\n\tch := make(chan int)\n\tfor i := 0; i < 300; i++ {\n\t\tgo func() { <-ch }()\n\t}\n\ttime.Sleep(time.Millisecond)\n\tclose(ch)\n}\n";

    fn machine_with_250_waiting() -> Machine {
        let prog = gosched_lang::compile::compile(MANY).expect("compiles");
        let cfg = Config {
            procs: 2,
            trace: TraceLevel::Off,
            ..Config::default()
        };
        let mut m = Machine::new(Arc::new(prog), cfg);
        while !m.finished() && m.view().chans.first().map_or(0, |c| c.recvq.len()) < 250 {
            m.run(10);
        }
        m
    }

    #[test]
    fn limited_view_lists_queue_heads_and_counts_the_rest() {
        let m = machine_with_250_waiting();
        let full = m.view();
        let limited = m.view_limited(50);
        assert_eq!(full.omitted, 0);
        assert!(full.goroutines.len() > 250, "{}", full.goroutines.len());
        let listed = limited.goroutines.len() as u64;
        assert!(listed < 250 && limited.omitted > 50, "listed {listed}");
        assert_eq!(listed + limited.omitted, full.goroutines.len() as u64);
        // What is listed is listed exactly as in the full view.
        for g in &limited.goroutines {
            assert!(full.goroutines.contains(g), "{:?}", g.id);
        }
        // The head of the channel's receive queue is listed; main (sleeping) too.
        let ch = &limited.chans[0];
        assert!(ch.recvq.len() >= 250);
        for id in ch.recvq.iter().take(QUEUE_HEAD) {
            assert!(limited.goroutines.iter().any(|g| g.id == *id));
        }
        assert!(limited.goroutines.iter().any(|g| g.id == GoId(1)));
        // Everything but the goroutine list is the same.
        assert_eq!(limited.memory, full.memory);
        assert_eq!(limited.chans, full.chans);
        assert_eq!(full.sleepers, m.timers.sleepers());
    }

    #[test]
    fn a_limited_view_orders_the_first_sleepers_only() {
        let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor i := 0; i < 200; i++ {\n\t\tgo func() { time.Sleep(time.Duration(200-i) * time.Millisecond) }()\n\t}\n\ttime.Sleep(time.Second)\n}\n";
        let prog = gosched_lang::compile::compile(src).expect("compiles");
        let mut m = Machine::new(Arc::new(prog), Config::default());
        while !m.finished() && m.view().sleepers.len() < 150 {
            m.run(100);
        }
        let full = m.view();
        let limited = m.view_limited(20);
        assert_eq!(full.sleepers_len, full.sleepers.len());
        assert_eq!(limited.sleepers_len, full.sleepers.len());
        assert_eq!(&full.sleepers[..QUEUE_HEAD], &limited.sleepers[..]);
    }

    #[test]
    fn race_views_name_both_lines() {
        let src = "package main\n\nimport \"sync\"\n\nfunc main() {\n\tn := 0\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tn = 1\n\t\twg.Done()\n\t}()\n\tn = 2\n\twg.Wait()\n\t_ = n\n}\n";
        let prog = gosched_lang::compile::compile(src).expect("compiles");
        let cfg = Config {
            race: true,
            ..Config::default()
        };
        let mut m = Machine::new(Arc::new(prog), cfg);
        m.run_to_end();
        let races = m.race_views();
        assert_eq!(races.len(), 1, "{races:?}");
        let mut lines = [races[0].current.line, races[0].previous.line];
        gosched_lang::sort::sort(&mut lines);
        assert_eq!(lines, [10, 13]);
        assert!(races[0].current.write && races[0].previous.write);
        assert_eq!(races[0].name, "n");
        assert!(m
            .console()
            .iter()
            .any(|(err, t)| *err && t.contains("WARNING: DATA RACE")));
    }
}
