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
    /// (send, receive, unlock, `Done`, `Signal`): the lowest ids, at most
    /// [`MAX_LISTED`].
    pub wakers: Vec<GoId>,
    /// More goroutines than `wakers` lists could wake it.
    pub more_wakers: bool,
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

/// The most possible wakers listed per blocked goroutine (and blocked
/// goroutines printed in the `gosched run` note): enough to draw, and keeps
/// a program with 100,000 goroutines on one channel linear.
pub const MAX_LISTED: usize = 16;

/// An object goroutines wait on, while the graph is built.
#[derive(Default)]
struct Target {
    /// Indices of the blocked goroutines waiting on it.
    waiters: Vec<usize>,
    /// Reachable from package variables (so by every goroutine).
    global: bool,
    /// Goroutines that reach it otherwise: how many, and the first few.
    reachers: u32,
    listed: Vec<GoId>,
}

/// The objects a wait is about.
fn wait_objects(on: &WaitOn) -> Vec<ObjId> {
    match on {
        WaitOn::Chan { ch, .. } => vec![*ch],
        WaitOn::Select { chans } => chans.clone(),
        WaitOn::Mutex { addr }
        | WaitOn::RwMutex { addr }
        | WaitOn::WaitGroup { addr }
        | WaitOn::Cond { addr } => vec![addr.0],
        WaitOn::Nothing => Vec::new(),
    }
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
                more_wakers: false,
                timer: false,
                forever: false,
            });
        }
        self.find_wakers(&mut blocked, &active);
        let cycle = find_cycle(&blocked, self.gs.len());
        WaitForGraph {
            blocked,
            cycle,
            active,
        }
    }

    /// Fills in holders, wakers, timers and `forever` of each blocked
    /// goroutine. Linear in the heap reachable from each goroutine (objects
    /// every goroutine can reach through package variables are walked once)
    /// plus the number of (goroutine, waited-on object) pairs.
    fn find_wakers(&self, blocked: &mut [Blocked], active: &[GoId]) {
        if blocked.is_empty() {
            return;
        }
        let n = self.heap.capacity();
        // The objects waited on ("targets") and who waits on each.
        let mut target_of = vec![u32::MAX; n];
        let mut targets: Vec<Target> = Vec::new();
        let mut waits: Vec<Vec<usize>> = Vec::with_capacity(blocked.len());
        for (i, b) in blocked.iter().enumerate() {
            let mut mine = Vec::new();
            for o in wait_objects(&b.on) {
                let Some(slot) = target_of.get_mut(o.index()) else {
                    continue;
                };
                if *slot == u32::MAX {
                    *slot = targets.len() as u32;
                    targets.push(Target::default());
                }
                let k = *slot as usize;
                targets[k].waiters.push(i);
                mine.push(k);
            }
            waits.push(mine);
        }
        // Everything reachable from package variables is reachable by all.
        let mut global = vec![false; n];
        self.heap.mark_reachable(&[self.globals], &mut global);
        for (o, &k) in target_of.iter().enumerate() {
            if k != u32::MAX && global[o] {
                targets[k as usize].global = true;
            }
        }
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
        // Which targets each live goroutine reaches (not through package
        // variables: those reach every target marked global).
        let live: Vec<&crate::sched::g::G> = self
            .gs
            .iter()
            .filter(|g| !g.system && !g.is_dead() && !g.frames.is_empty())
            .collect();
        let mut reaches: Vec<Vec<usize>> = vec![Vec::new(); self.gs.len()];
        let mut seen = vec![0u32; n];
        let mut roots = Vec::new();
        let mut stack: Vec<ObjId> = Vec::new();
        for (gen, g) in live.iter().enumerate() {
            let gen = gen as u32 + 1;
            roots.clear();
            self.goroutine_roots(g, &mut roots);
            stack.clear();
            stack.extend(roots.iter().filter_map(|v| v.obj()));
            while let Some(o) = stack.pop() {
                let i = o.index();
                if i >= n || seen[i] == gen || global[i] {
                    continue;
                }
                seen[i] = gen;
                if target_of[i] != u32::MAX {
                    let k = target_of[i] as usize;
                    reaches[g.id.index()].push(k);
                    let t = &mut targets[k];
                    t.reachers += 1;
                    if t.listed.len() < MAX_LISTED + 1 {
                        t.listed.push(g.id);
                    }
                }
                self.heap.for_each_child(o, |c| stack.push(c));
            }
        }
        let live_ids: Vec<GoId> = live.iter().map(|g| g.id).take(MAX_LISTED + 2).collect();
        // Holders, timers, and the wakers to show.
        let mut held_by: Vec<Vec<usize>> = vec![Vec::new(); self.gs.len()];
        for (i, b) in blocked.iter_mut().enumerate() {
            b.timer = wait_objects(&b.on)
                .iter()
                .any(|o| timed.get(o.index()).copied().unwrap_or(false));
            b.holder = match (&b.on, self.sync_at(&b.on)) {
                (WaitOn::Mutex { .. }, Some(SyncObj::Mutex(m))) => m.owner,
                (WaitOn::RwMutex { .. }, Some(SyncObj::RwMutex(r))) => r.writer,
                _ => None,
            };
            if let Some(h) = b.holder {
                if let Some(v) = held_by.get_mut(h.index()) {
                    v.push(i);
                }
            }
            let mut wakers: Vec<GoId> = Vec::new();
            for &k in &waits[i] {
                let t = &targets[k];
                let from: &[GoId] = if t.global { &live_ids } else { &t.listed };
                wakers.extend(
                    from.iter()
                        .copied()
                        .filter(|&w| w != b.g && Some(w) != b.holder),
                );
                b.more_wakers |= if t.global {
                    live.len() > MAX_LISTED + 1
                } else {
                    t.reachers as usize > t.listed.len()
                };
            }
            wakers.sort_unstable();
            wakers.dedup();
            if wakers.len() > MAX_LISTED {
                wakers.truncate(MAX_LISTED);
                b.more_wakers = true;
            }
            b.wakers = wakers;
        }
        // Who can act, propagated: a goroutine that can act makes the
        // targets it reaches live (all global ones, too) and wakes what it
        // holds; a live target wakes its waiters.
        let mut can_act = vec![false; self.gs.len()];
        let mut wakeable = vec![false; blocked.len()];
        let mut queue: Vec<GoId> = Vec::new();
        let mut live_target = vec![false; targets.len()];
        let mut any_acts = false;
        let wake =
            |i: usize, wakeable: &mut Vec<bool>, queue: &mut Vec<GoId>, blocked: &[Blocked]| {
                if !wakeable[i] {
                    wakeable[i] = true;
                    queue.push(blocked[i].g);
                }
            };
        for (i, b) in blocked.iter().enumerate() {
            if b.timer {
                wake(i, &mut wakeable, &mut queue, blocked);
            }
        }
        queue.extend(active.iter().copied());
        while let Some(g) = queue.pop() {
            let gi = g.index();
            if gi >= can_act.len() || can_act[gi] {
                continue;
            }
            can_act[gi] = true;
            let mut lit: Vec<usize> = reaches[gi].clone();
            if !any_acts {
                any_acts = true;
                lit.extend((0..targets.len()).filter(|&k| targets[k].global));
            }
            for k in lit {
                if !live_target[k] {
                    live_target[k] = true;
                    for &w in &targets[k].waiters {
                        wake(w, &mut wakeable, &mut queue, blocked);
                    }
                }
            }
            for &w in &held_by[gi] {
                wake(w, &mut wakeable, &mut queue, blocked);
            }
        }
        for (b, w) in blocked.iter_mut().zip(&wakeable) {
            b.forever = !w;
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
        for b in graph.blocked.iter().take(MAX_LISTED) {
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
        if n > MAX_LISTED {
            s.push_str(&format!("  ... and {} more\n", n - MAX_LISTED));
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
        let more = if b.more_wakers { " and others" } else { "" };
        s.push_str(&format!(
            "; goroutine{} {}{more} could wake it",
            if ids.len() == 1 && !b.more_wakers {
                ""
            } else {
                "s"
            },
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
/// holder (or, without one, its listed possible wakers), from the lowest id.
fn find_cycle(blocked: &[Blocked], ngs: usize) -> Vec<GoId> {
    let mut index = vec![usize::MAX; ngs];
    for (i, b) in blocked.iter().enumerate() {
        if let Some(x) = index.get_mut(b.g.index()) {
            *x = i;
        }
    }
    let at = |g: GoId| index.get(g.index()).copied().filter(|&i| i != usize::MAX);
    let next = |i: usize| -> Vec<usize> {
        let b = &blocked[i];
        match b.holder {
            Some(h) => at(h).into_iter().collect(),
            None => b.wakers.iter().filter_map(|&w| at(w)).collect(),
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
