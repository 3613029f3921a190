//! System calls (entersyscall/exitsyscall, sysmon's retake) and the network poller.

use crate::ids::{GoId, MId, Nanos, ProcId};
use crate::machine::Machine;
use crate::sched::g::{GStatus, WaitReason};
use crate::sched::p::{MState, PStatus};
use crate::trace::{EventKind, Source};

/// A goroutine blocked in a system call.
#[derive(Clone, Copy, Debug)]
pub struct SyscallWait {
    pub g: GoId,
    pub m: MId,
    /// The P it held when it entered (proc.go: m.oldp).
    pub oldp: ProcId,
    pub until: Nanos,
}

/// A goroutine parked in the network poller.
#[derive(Clone, Copy, Debug)]
pub struct NetWait {
    pub g: GoId,
    pub until: Nanos,
}

impl Machine {
    /// The G running on `p` enters a blocking system call lasting `dur`
    /// (proc.go: entersyscall, Go <= 1.25): the P is detached but stays in
    /// `Syscall` status; its M blocks with the G.
    pub(crate) fn enter_syscall(&mut self, p: ProcId, dur: Nanos) {
        let Some(g) = self.sched.p(p).curg else {
            return;
        };
        let m = self.sched.p(p).m.expect("invariant: a running P has an M");
        let now = self.sched.p(p).clock + self.cfg.cost.syscall_overhead / 2;
        self.emit_at(now, EventKind::SyscallEnter { g, p, m });
        let gg = &mut self.gs[g.index()];
        gg.status = GStatus::Syscall;
        gg.since = now;
        gg.p = None;
        let mm = &mut self.sched.ms[m.index()];
        mm.state = MState::Syscall;
        mm.p = None;
        mm.oldp = Some(p);
        mm.curg = Some(g);
        let pp = self.sched.p_mut(p);
        pp.status = PStatus::Syscall;
        pp.m = None;
        pp.curg = None;
        pp.syscalltick += 1;
        pp.clock = now;
        self.sched.syscalls.push(SyscallWait {
            g,
            m,
            oldp: p,
            until: now + dur,
        });
        self.sched.sysmon.wake(now);
    }

    /// A system call returns (proc.go: exitsyscall): back on the old P if
    /// sysmon did not take it, else on an idle P, else the G goes to the
    /// global queue and the M parks.
    pub(crate) fn exit_syscall(&mut self, w: SyscallWait) {
        let now = w.until + self.cfg.cost.syscall_overhead / 2;
        self.sched.idle_now = self.sched.idle_now.max(now);
        let mm = &mut self.sched.ms[w.m.index()];
        mm.oldp = None;
        let target = if self.sched.p(w.oldp).status == PStatus::Syscall {
            Some((w.oldp, true))
        } else {
            self.sched.pidle.pop().map(|p| (p, false))
        };
        match target {
            Some((p, same)) => {
                let mm = &mut self.sched.ms[w.m.index()];
                mm.state = MState::Running;
                mm.p = Some(p);
                let pp = self.sched.p_mut(p);
                pp.status = PStatus::Running;
                pp.m = Some(w.m);
                pp.clock = now;
                self.emit_at(
                    now,
                    EventKind::SyscallExit {
                        g: w.g,
                        m: w.m,
                        p: Some(p),
                        same_p: same,
                    },
                );
                self.execute(p, w.g, Source::Syscall, true);
                self.sched.sysmon.wake(now);
            }
            None => {
                self.emit_at(
                    now,
                    EventKind::SyscallExit {
                        g: w.g,
                        m: w.m,
                        p: None,
                        same_p: false,
                    },
                );
                self.globrunqput(w.g);
                let mm = &mut self.sched.ms[w.m.index()];
                mm.state = MState::Idle;
                mm.curg = None;
                self.sched.midle.push(w.m);
            }
        }
    }

    /// sysmon takes P `p` from an M blocked in a system call and hands it off
    /// (proc.go: retake + handoffp).
    pub(crate) fn retake_syscall_p(&mut self, p: ProcId, now: Nanos) {
        let from = self
            .sched
            .syscalls
            .iter()
            .find(|w| w.oldp == p)
            .map(|w| w.m);
        let pp = self.sched.p_mut(p);
        pp.status = PStatus::Idle;
        pp.syscalltick += 1;
        pp.clock = now;
        self.stats.handoffs += 1;
        let to = self.handoffp(p);
        if let Some(from) = from {
            self.emit_at(now, EventKind::Handoff { p, from, to });
        }
    }

    /// The G on `p` waits `dur` for the network (`http.Get`): it parks in the
    /// poller without holding an M (netpoll.go: netpollblock).
    pub(crate) fn net_wait(&mut self, p: ProcId, dur: Nanos) {
        let Some(g) = self.sched.p(p).curg else {
            return;
        };
        let until = self.sched.p(p).clock + dur;
        self.gs[g.index()].park = crate::sched::g::Park::Net { until };
        self.sched.net_waits.push(NetWait { g, until });
        self.park(p, WaitReason::IoWait, None);
    }

    /// A network wait completed at `w.until`: the G is ready in the poller.
    /// If a P is idle, the M blocked in netpoll returns at once and runs it;
    /// otherwise it waits for a P to poll (findRunnable) or for sysmon.
    pub(crate) fn net_complete(&mut self, w: NetWait) {
        self.sched.idle_now = self.sched.idle_now.max(w.until);
        self.emit_at(w.until, EventKind::NetReady { g: w.g });
        self.sched.net_ready.push_back(w.g);
        if self.sched.nmspinning == 0 {
            if let Some(p) = self.sched.pidle.pop() {
                self.startm(p, false);
                let pp = self.sched.p_mut(p);
                pp.clock = pp.clock.max(w.until);
            }
        }
    }
}
