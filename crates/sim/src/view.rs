//! A plain-data picture of the machine at the current step, for the page: Ps with their queues,
//! Ms, goroutines and where each one is, channels, locks, wait groups, timers, shared cells,
//! statistics and memory.
//!
//! The web crate only draws this; nothing here knows the browser.

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
    pub global: Vec<GoId>,
    pub ms: Vec<MView>,
    pub goroutines: Vec<GView>,
    pub dead: u64,
    pub chans: Vec<ChanView>,
    pub syncs: Vec<SyncView>,
    pub sleepers: Vec<(GoId, Nanos)>,
    pub syscalls: Vec<(GoId, MId, Nanos)>,
    pub net_waits: Vec<(GoId, Nanos)>,
    pub net_ready: Vec<GoId>,
    pub cells: Vec<CellView>,
    pub stats: Stats,
    pub memory: MemView,
    pub sysmon_next: Nanos,
    pub finished: bool,
}

const MIB: u64 = 1 << 20;

impl Machine {
    /// The picture of the machine now.
    pub fn view(&self) -> View {
        let mut v = View {
            step: self.step,
            time: self.now(),
            gomaxprocs: self.sched.gomaxprocs,
            procs: Vec::new(),
            global: self.sched.global.iter().copied().collect(),
            ms: Vec::new(),
            goroutines: Vec::new(),
            dead: 0,
            chans: Vec::new(),
            syncs: Vec::new(),
            sleepers: self.timers.sleepers(),
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
                goroutines: 0,
                stack_bytes: 0,
                heap_bytes: self.heap.bytes(),
                threads_windows: 0,
                threads_linux: 0,
            },
            sysmon_next: self.sched.sysmon.next,
            finished: self.outcome.is_some(),
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
        for g in &self.gs {
            if g.id.0 == 0
                || (g.is_dead() && g.frames.is_empty() && g.start_func == FuncId(0) && !g.system)
            {
                continue;
            }
            if g.is_dead() {
                v.dead += 1;
                continue;
            }
            let place = self.place_of(g.id, &v);
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
            if !g.system {
                v.memory.goroutines += 1;
                v.memory.stack_bytes += g.stack_size;
            }
            v.goroutines.push(GView {
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
            });
        }
        v.memory.threads_windows = v.memory.goroutines * MIB;
        v.memory.threads_linux = v.memory.goroutines * 8 * MIB;
        self.view_chans(&mut v);
        self.view_cells(&mut v);
        v
    }

    fn place_of(&self, g: crate::ids::GoId, v: &View) -> Where {
        let gg = &self.gs[g.index()];
        match gg.status {
            GStatus::Running => gg.p.map_or(Where::Dead, Where::Running),
            GStatus::Runnable => {
                for p in &v.procs {
                    if p.runnext == Some(g) {
                        return Where::Runnext(p.id);
                    }
                    if let Some(i) = p.runq.iter().position(|&x| x == g) {
                        return Where::LocalQueue(p.id, i as u32);
                    }
                }
                let i = v.global.iter().position(|&x| x == g).unwrap_or(0);
                Where::GlobalQueue(i as u32)
            }
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

    fn view_chans(&self, v: &mut View) {
        // Channels that matter: ones goroutines wait on, plus any with buffered values.
        let mut ids: Vec<ObjId> = Vec::new();
        for g in &v.goroutines {
            if let Where::Chan(o) = g.place {
                ids.push(o);
            }
        }
        for g in &self.gs {
            if let Park::Select { chans, .. } = &g.park {
                if matches!(g.status, GStatus::Waiting(_)) {
                    ids.extend(chans.iter().copied());
                }
            }
        }
        ids.sort();
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
