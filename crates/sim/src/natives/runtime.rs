//! Natives of package runtime, os and net/http: Gosched, GOMAXPROCS, NumGoroutine, Goexit, Exit,
//! the simulated blocking system call (os.ReadFile) and network wait (http.Get).

use std::collections::BTreeMap;

use crate::ids::ProcId;
use crate::interp::R;
use crate::machine::Machine;
use crate::natives::{NRet, NativeCall, NativeFn};
use crate::sched::p::PStatus;
use crate::sched::p::P;
use crate::trace::{EventKind, StopReason};
use crate::value::Value;

pub(super) fn register(r: &mut BTreeMap<&'static str, NativeFn>) {
    r.insert("runtime.Gosched", gosched);
    r.insert("runtime.GOMAXPROCS", gomaxprocs);
    r.insert("runtime.NumGoroutine", num_goroutine);
    r.insert("runtime.NumCPU", num_cpu);
    r.insert("runtime.Goexit", goexit);
    r.insert("os.Exit", os_exit);
    r.insert("runtime.GC", |_, _| Ok(NRet::Done));
    // The Error method of the simulator's runtime error type: the value is its text.
    r.insert("runtime.Error.Error", |m, c| {
        let v = m.arg(c, 0);
        m.ret_val(c, 0, v);
        Ok(NRet::Done)
    });
    r.insert("os.readFileSyscall", read_file);
    r.insert("net/http.waitNetwork", wait_network);
}

fn gosched(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    if m.nested > 0 {
        return Ok(NRet::Done);
    }
    m.gosched(c.p, StopReason::Gosched);
    Ok(NRet::Stop)
}

fn num_goroutine(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let n =
        m.gs.iter()
            .filter(|g| !g.is_dead() && !g.frames.is_empty())
            .count();
    m.ret_val(c, 0, Value::Int(n as i64));
    Ok(NRet::Done)
}

fn num_cpu(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    m.ret_val(c, 0, Value::Int(i64::from(m.cfg.num_cpu)));
    Ok(NRet::Done)
}

/// `runtime.GOMAXPROCS(n)`: returns the previous value; `n > 0` changes the
/// number of Ps with a stop-the-world (proc.go: procresize).
fn gomaxprocs(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let old = m.sched.gomaxprocs;
    let n = m.arg(c, 0).as_int();
    m.ret_val(c, 0, Value::Int(i64::from(old)));
    if n <= 0 || n as u32 == old {
        return Ok(NRet::Done);
    }
    let n = (n as u32).min(crate::config::MAX_PROCS);
    m.procresize(c.p, n);
    Ok(NRet::Done)
}

impl Machine {
    /// Stops the world and resizes to `n` Ps. Running goroutines of other Ps
    /// go to their P's runnext (preempted for the stop-the-world); the queues
    /// of destroyed Ps go to the head of the global queue.
    pub(crate) fn procresize(&mut self, me: ProcId, n: u32) {
        let old = self.sched.gomaxprocs;
        let now = self.sched.p(me).clock;
        for i in 0..old {
            let p = ProcId(i);
            if p == me || self.sched.p(p).status != PStatus::Running {
                continue;
            }
            if let Some(g) = self.sched.p(p).curg {
                self.emit_at(
                    now,
                    EventKind::GoStop {
                        g,
                        p,
                        reason: StopReason::StopTheWorld,
                        ran: 0,
                    },
                );
                self.dropg(p);
                self.runqput(p, g, true);
            }
        }
        while self.sched.ps.len() < n as usize {
            let id = ProcId(self.sched.ps.len() as u32);
            self.sched.ps.push(P::new(id));
            self.sched.goid_cache.push((0, 0));
        }
        for i in n..old {
            let p = ProcId(i);
            let mut moved: Vec<_> = Vec::new();
            let pp = self.sched.p_mut(p);
            moved.extend(pp.runnext.take());
            moved.extend(pp.runq.drain(..));
            let timers: Vec<_> = pp.timers.drain().collect();
            let status = pp.status;
            for g in moved.into_iter().rev() {
                self.gs[g.index()].p = None;
                self.sched.global.push_front(g);
            }
            for t in timers {
                self.sched.p_mut(me).timers.push(t);
            }
            if status == PStatus::Running {
                if let Some(mid) = self.sched.p(p).m {
                    self.stopm(mid);
                }
            }
            let pp = self.sched.p_mut(p);
            pp.status = PStatus::Dead;
            pp.m = None;
            pp.curg = None;
            self.sched.pidle.retain(|&q| q != p);
        }
        for i in old..n {
            let p = ProcId(i);
            let pp = self.sched.p_mut(p);
            pp.status = PStatus::Idle;
            pp.clock = now;
            if !self.sched.pidle.contains(&p) {
                self.sched.pidle.push(p);
            }
        }
        self.sched.gomaxprocs = n;
        self.emit_at(now, EventKind::ProcsChange { from: old, to: n });
        // Start the world: Ps with work get Ms.
        for i in 0..n {
            let p = ProcId(i);
            if self.sched.p(p).status == PStatus::Idle
                && (self.sched.p(p).has_local_work() || !self.sched.global.is_empty())
            {
                self.sched.pidle.retain(|&q| q != p);
                self.startm(p, false);
            }
        }
        self.wakep();
    }
}

fn goexit(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    if c.g == crate::ids::GoId(1) {
        m.main_goexit = true;
    }
    let f = m.start_panic(c.p, c.g, Value::Nil, true);
    Ok(if f == crate::interp::Flow::Stop {
        NRet::Stop
    } else {
        NRet::Done
    })
}

fn os_exit(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    let code = m.arg(c, 0).as_int() as i32;
    // os.Exit skips deferred calls and, unlike a normal exit, the race
    // detector's summary still prints (racefini runs from exit).
    m.exit(code);
    Ok(NRet::Stop)
}

/// The simulated blocking system call behind `os.ReadFile`: the goroutine
/// blocks in a syscall for the cost model's syscall time, holding its M.
fn read_file(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    if m.nested > 0 {
        return Ok(NRet::Done);
    }
    let d = m.cfg.cost.syscall;
    m.enter_syscall(c.p, d);
    Ok(NRet::Stop)
}

/// The network wait behind `http.Get`: the goroutine parks in the netpoller.
fn wait_network(m: &mut Machine, c: &mut NativeCall) -> R<NRet> {
    if m.nested > 0 {
        return Ok(NRet::Done);
    }
    let d = m.cfg.cost.network;
    m.net_wait(c.p, d);
    Ok(NRet::Parked)
}
