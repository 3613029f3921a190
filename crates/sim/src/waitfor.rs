//! The wait-for graph: which goroutine waits on what, who holds it or could wake it, the cycle if
//! there is one, and which goroutines can never be woken (partial deadlocks and leaks).
//!
//! Go reports a deadlock only when *every* goroutine is asleep. When some
//! goroutines are blocked forever while others still run — or when `main`
//! returns and leaves them behind — Go says nothing. This view finds them:
//!
//! - a goroutine blocked on a channel, a `select`, a `sync.Mutex`/`RWMutex`,
//!   a `WaitGroup` or a `Cond` *could be woken* by the goroutines that can
//!   still reach the object it waits on (from their registers, closures,
//!   deferred calls, or the package variables every goroutine can reach), by
//!   the mutex's holder, or by a timer that feeds the channel;
//! - goroutines that are running, runnable, sleeping or in a system call can
//!   still act; a blocked goroutine can be woken if one of its possible wakers
//!   can act or can itself be woken (a fixed point); the rest are blocked
//!   forever;
//! - among blocked goroutines, an edge goes from a waiter to the mutex holder
//!   (or, for other objects, to its possible wakers); the first cycle found
//!   from the lowest goroutine id is reported.
//!
//! "Could wake" is an over-approximation (reaching a channel does not mean
//! the code will send on it, and registers are not liveness-analysed: a value
//! left in a register after its last use still counts), so "blocked forever"
//! is certain and the rest is "possibly". Everything is plain data for the
//! page to draw.

use crate::ids::{GoId, ObjId};
use crate::machine::Machine;
use crate::sched::g::{GStatus, Park, WaitReason};
use crate::sched::timers::TimerKind;
use crate::sync::SyncObj;

/// What a blocked goroutine waits on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaitOn {
    /// A channel, to send (`send`) or receive.
    Chan {
        ch: ObjId,
        send: bool,
    },
    /// A `select` over these channels.
    Select {
        chans: Vec<ObjId>,
    },
    /// A sync object at this address (object, slot).
    Mutex {
        addr: (ObjId, u32),
    },
    RwMutex {
        addr: (ObjId, u32),
    },
    WaitGroup {
        addr: (ObjId, u32),
    },
    Cond {
        addr: (ObjId, u32),
    },
    /// Nothing can ever wake it (a nil channel, an empty `select`, `main`
    /// after `runtime.Goexit`).
    Nothing,
}

/// One blocked goroutine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocked {
    pub g: GoId,
    /// Go's words (`chan receive`, `sync.Mutex.Lock`, `semacquire`).
    pub reason: &'static str,
    pub on: WaitOn,
    /// The variable's name when the program named it (`mu`, `c.mu`), else empty.
    pub name: String,
    /// Where it waits: the innermost `main.go` line of its stack (0 if none).
    pub line: u32,
    /// The function it waits in (`main.worker`).
    pub func: String,
    /// The mutex's holder (the RWMutex's writer).
    pub holder: Option<GoId>,
    /// Other live goroutines that reach the object and so could wake it
    /// (send, receive, unlock, `Done`, `Signal`), by id.
    pub wakers: Vec<GoId>,
    /// A timer will send on the channel (or run a function that reaches it).
    pub timer: bool,
    /// Nothing can ever wake it.
    pub forever: bool,
}

/// The wait-for graph at the current step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitForGraph {
    /// Blocked goroutines (on channels and sync objects, or forever), by id.
    pub blocked: Vec<Blocked>,
    /// A cycle of blocked goroutines each waiting for the next (the last
    /// waits for the first), or empty.
    pub cycle: Vec<GoId>,
    /// Goroutines that can still act (running, runnable, sleeping, in a
    /// system call or network wait).
    pub active: Vec<GoId>,
}

impl WaitForGraph {
    /// The goroutines blocked forever.
    pub fn stuck(&self) -> impl Iterator<Item = &Blocked> {
        self.blocked.iter().filter(|b| b.forever)
    }
}

impl Machine {
    /// The wait-for graph now (see the module comment). Costs a walk of the
    /// heap per live goroutine; meant for a finished run or a paused view.
    pub fn wait_for_graph(&self) -> WaitForGraph {
        let mut blocked: Vec<Blocked> = Vec::new();
        let mut active: Vec<GoId> = Vec::new();
        for g in &self.gs {
            if g.system || g.is_dead() || g.frames.is_empty() {
                continue;
            }
            let GStatus::Waiting(reason) = g.status else {
                active.push(g.id);
                continue;
            };
            let on = match (&g.park, reason) {
                (Park::Recv { ch, .. }, _) => WaitOn::Chan {
                    ch: *ch,
                    send: false,
                },
                (Park::Send { ch, .. }, _) => WaitOn::Chan {
                    ch: *ch,
                    send: true,
                },
                (Park::Select { chans, .. }, _) => WaitOn::Select {
                    chans: chans.clone(),
                },
                (Park::Sema { addr }, r) => match (self.sync.objs.get(addr), r) {
                    (Some(SyncObj::RwMutex(_)), _) => WaitOn::RwMutex { addr: *addr },
                    (Some(SyncObj::WaitGroup(_)), _) | (None, WaitReason::SyncWaitGroupWait) => {
                        WaitOn::WaitGroup { addr: *addr }
                    }
                    (Some(SyncObj::Cond(_)), _) | (None, WaitReason::SyncCondWait) => {
                        WaitOn::Cond { addr: *addr }
                    }
                    _ => WaitOn::Mutex { addr: *addr },
                },
                (Park::Sleep { .. } | Park::Net { .. }, _) => {
                    active.push(g.id);
                    continue;
                }
                (_, WaitReason::Sleep | WaitReason::IoWait) => {
                    active.push(g.id);
                    continue;
                }
                _ => WaitOn::Nothing,
            };
            let (func, line) = self.wait_site(g.id);
            blocked.push(Blocked {
                g: g.id,
                reason: reason.as_go_str(),
                name: self.wait_name(&on),
                on,
                line,
                func,
                holder: None,
                wakers: Vec::new(),
                timer: false,
                forever: false,
            });
        }
        self.find_wakers(&mut blocked);
        // Fixed point: woken by someone who can act, or can be woken.
        let mut can_act: Vec<GoId> = active.clone();
        let mut wakeable = vec![false; blocked.len()];
        loop {
            let mut changed = false;
            for (i, b) in blocked.iter().enumerate() {
                if wakeable[i] {
                    continue;
                }
                if b.timer
                    || b.holder
                        .iter()
                        .chain(&b.wakers)
                        .any(|w| can_act.contains(w))
                {
                    wakeable[i] = true;
                    can_act.push(b.g);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (b, w) in blocked.iter_mut().zip(&wakeable) {
            b.forever = !w;
        }
        let cycle = find_cycle(&blocked);
        WaitForGraph {
            blocked,
            cycle,
            active,
        }
    }

    /// Fills in holders, wakers and timers of each blocked goroutine.
    fn find_wakers(&self, blocked: &mut [Blocked]) {
        if blocked.is_empty() {
            return;
        }
        let objects = |on: &WaitOn| -> Vec<ObjId> {
            match on {
                WaitOn::Chan { ch, .. } => vec![*ch],
                WaitOn::Select { chans } => chans.clone(),
                WaitOn::Mutex { addr }
                | WaitOn::RwMutex { addr }
                | WaitOn::WaitGroup { addr }
                | WaitOn::Cond { addr } => vec![addr.0],
                WaitOn::Nothing => Vec::new(),
            }
        };
        let n = self.heap.capacity();
        // Everything reachable from package variables is reachable by all.
        let mut global = vec![false; n];
        self.heap.mark_reachable(&[self.globals], &mut global);
        // Objects timers will use (a channel they send on, a function they run).
        let mut timed = vec![false; n];
        let timer_roots: Vec<ObjId> = self
            .timers
            .objs
            .iter()
            .filter(|t| t.active)
            .filter_map(|t| match t.kind {
                TimerKind::Chan { ch, .. } => Some(ch),
                TimerKind::Func(f) => f.obj(),
                TimerKind::Sleep(_) => None,
            })
            .collect();
        self.heap.mark_reachable(&timer_roots, &mut timed);
        let live: Vec<&crate::sched::g::G> = self
            .gs
            .iter()
            .filter(|g| !g.system && !g.is_dead() && !g.frames.is_empty())
            .collect();
        let mut reach = vec![false; n];
        let mut roots = Vec::new();
        for g in &live {
            reach.iter_mut().for_each(|m| *m = false);
            roots.clear();
            self.goroutine_roots(g, &mut roots);
            let start: Vec<ObjId> = roots.iter().filter_map(|v| v.obj()).collect();
            self.heap.mark_reachable(&start, &mut reach);
            for b in blocked.iter_mut() {
                if b.g == g.id {
                    continue;
                }
                let objs = objects(&b.on);
                let hit = objs.iter().any(|o| {
                    let i = o.index();
                    reach.get(i).copied().unwrap_or(false)
                        || global.get(i).copied().unwrap_or(false)
                });
                if hit {
                    b.wakers.push(g.id);
                }
            }
        }
        for b in blocked.iter_mut() {
            b.timer = objects(&b.on)
                .iter()
                .any(|o| timed.get(o.index()).copied().unwrap_or(false));
            b.holder = match (&b.on, self.sync_at(&b.on)) {
                (WaitOn::Mutex { .. }, Some(SyncObj::Mutex(m))) => m.owner,
                (WaitOn::RwMutex { .. }, Some(SyncObj::RwMutex(r))) => r.writer,
                _ => None,
            };
            if let Some(h) = b.holder {
                b.wakers.retain(|&w| w != h);
            }
        }
    }

    fn sync_at(&self, on: &WaitOn) -> Option<&SyncObj> {
        match on {
            WaitOn::Mutex { addr }
            | WaitOn::RwMutex { addr }
            | WaitOn::WaitGroup { addr }
            | WaitOn::Cond { addr } => self.sync.objs.get(addr),
            _ => None,
        }
    }

    /// The function and `main.go` line where `g` waits.
    fn wait_site(&self, g: GoId) -> (String, u32) {
        let gg = &self.gs[g.index()];
        let frames = gg.traceback();
        let in_main = frames.iter().find(|(f, _)| {
            let fun = self.prog.func(*f);
            !fun.synthetic && self.prog.files[fun.file.index()].name == "main.go"
        });
        match in_main.or(frames.first()) {
            Some(&(f, pc)) => (
                self.prog.func(f).name.clone(),
                if pc == u32::MAX {
                    0
                } else {
                    self.line_of(f, pc)
                },
            ),
            None => (String::new(), 0),
        }
    }

    /// The program's name for a sync object, if the cells view knows it.
    fn wait_name(&self, on: &WaitOn) -> String {
        let obj = match on {
            WaitOn::Mutex { addr }
            | WaitOn::RwMutex { addr }
            | WaitOn::WaitGroup { addr }
            | WaitOn::Cond { addr } => addr.0,
            _ => return String::new(),
        };
        self.cells
            .map
            .range(crate::trace::CellId { obj, slot: 0 }..)
            .next()
            .filter(|(c, _)| c.obj == obj)
            .map(|(_, c)| c.name.clone())
            .unwrap_or_default()
    }

    /// A note for `gosched run` when the program exited normally but left
    /// goroutines blocked on channels or sync objects (a leak Go does not
    /// report), or `None`. Clearly marked as the simulator's, not Go's.
    pub fn leak_note(&self) -> Option<String> {
        let o = self.outcome()?;
        if !matches!(o.kind, crate::outcome::OutcomeKind::Exited) {
            return None;
        }
        let graph = self.wait_for_graph();
        if graph.blocked.is_empty() {
            return None;
        }
        let n = graph.blocked.len();
        let mut s = format!(
            "gosched note (not part of Go's output): {n} goroutine{} still blocked when the program ended (leaked; Go does not report this):\n",
            if n == 1 { " was" } else { "s were" }
        );
        for b in &graph.blocked {
            s.push_str(&format!("  goroutine {} [{}]", b.g.0, b.reason));
            if b.line > 0 {
                s.push_str(&format!(" at main.go:{}", b.line));
            }
            if !b.func.is_empty() {
                s.push_str(&format!(" in {}", b.func));
            }
            s.push_str(": ");
            s.push_str(&describe(b));
            s.push('\n');
        }
        if !graph.cycle.is_empty() {
            let ids: Vec<String> = graph
                .cycle
                .iter()
                .chain(graph.cycle.first())
                .map(|g| format!("goroutine {}", g.0))
                .collect();
            s.push_str(&format!("  wait-for cycle: {}\n", ids.join(" -> ")));
        }
        Some(s)
    }
}

/// What a blocked goroutine waits for, in words.
fn describe(b: &Blocked) -> String {
    let what = match &b.on {
        WaitOn::Chan { send: true, .. } => "sends on a channel",
        WaitOn::Chan { send: false, .. } => "receives from a channel",
        WaitOn::Select { .. } => "waits in a select",
        WaitOn::Mutex { .. } => "waits for a mutex",
        WaitOn::RwMutex { .. } => "waits for an RWMutex",
        WaitOn::WaitGroup { .. } => "waits on a WaitGroup",
        WaitOn::Cond { .. } => "waits on a Cond",
        WaitOn::Nothing => "waits for something that can never happen",
    };
    let mut s = what.to_string();
    if !b.name.is_empty() {
        s.push_str(&format!(" ({})", b.name));
    }
    if let Some(h) = b.holder {
        s.push_str(&format!(" held by goroutine {}", h.0));
    }
    if b.timer {
        s.push_str("; a timer sends on it");
    }
    if !b.wakers.is_empty() {
        let ids: Vec<String> = b.wakers.iter().map(|g| g.0.to_string()).collect();
        s.push_str(&format!(
            "; goroutine{} {} could wake it",
            if ids.len() == 1 { "" } else { "s" },
            ids.join(", ")
        ));
    } else if b.holder.is_none() && !b.timer {
        s.push_str("; no other goroutine can reach it");
    }
    if b.forever {
        s.push_str(" (blocked forever)");
    }
    s
}

/// The first cycle among blocked goroutines, following each waiter to its
/// holder (or, without one, its possible wakers), from the lowest id.
fn find_cycle(blocked: &[Blocked]) -> Vec<GoId> {
    let index = |g: GoId| blocked.iter().position(|b| b.g == g);
    let next = |i: usize| -> Vec<usize> {
        let b = &blocked[i];
        match b.holder {
            Some(h) => index(h).into_iter().collect(),
            None => b.wakers.iter().filter_map(|&w| index(w)).collect(),
        }
    };
    // Depth-first search with colours: 0 new, 1 on the path, 2 done.
    let mut colour = vec![0u8; blocked.len()];
    for start in 0..blocked.len() {
        if colour[start] != 0 {
            continue;
        }
        let mut path: Vec<(usize, Vec<usize>, usize)> = vec![(start, next(start), 0)];
        colour[start] = 1;
        while let Some((node, succ, k)) = path.last_mut() {
            if let Some(&s) = succ.get(*k) {
                *k += 1;
                match colour[s] {
                    0 => {
                        colour[s] = 1;
                        let ns = next(s);
                        path.push((s, ns, 0));
                    }
                    1 => {
                        let from = path.iter().position(|(n, _, _)| *n == s).unwrap_or(0);
                        return path[from..].iter().map(|(n, _, _)| blocked[*n].g).collect();
                    }
                    _ => {}
                }
            } else {
                colour[*node] = 2;
                path.pop();
            }
        }
    }
    Vec::new()
}
