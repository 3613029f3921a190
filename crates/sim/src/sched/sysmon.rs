//! sysmon: the runtime's monitor thread — time-slice preemption, syscall retake, network polling.

use crate::ids::{Nanos, ProcId};
use crate::machine::Machine;
use crate::sched::p::PStatus;
use crate::trace::EventKind;

/// sysmon's shortest sleep (proc.go: sysmon, `delay = 20` µs).
pub const SYSMON_MIN_DELAY: Nanos = 20_000;
/// sysmon's longest sleep (proc.go: sysmon, `delay > 10*1000` µs).
pub const SYSMON_MAX_DELAY: Nanos = 10_000_000;
/// Rounds without retaking anything before sysmon starts backing off
/// (proc.go: sysmon, `idle > 50`).
pub const SYSMON_IDLE_ROUNDS: u32 = 50;
/// A goroutine running this long is preempted (proc.go: forcePreemptNS).
pub const FORCE_PREEMPT_NS: Nanos = 10_000_000;
/// The network is polled by sysmon if nobody did for this long.
pub const NETPOLL_PERIOD: Nanos = 10_000_000;

#[derive(Clone, Debug)]
pub struct Sysmon {
    /// When sysmon next wakes.
    pub next: Nanos,
    delay: Nanos,
    idle: u32,
    /// Deep sleep: nothing is running; woken by the next start of a P.
    pub asleep: bool,
}

impl Default for Sysmon {
    fn default() -> Self {
        Self::new()
    }
}

impl Sysmon {
    pub fn new() -> Sysmon {
        Sysmon {
            next: SYSMON_MIN_DELAY,
            delay: SYSMON_MIN_DELAY,
            idle: 0,
            asleep: false,
        }
    }

    /// Wakes sysmon from deep sleep at `now` with its shortest delay
    /// (entersyscall and starting Ps do this in Go).
    pub fn wake(&mut self, now: Nanos) {
        if self.asleep {
            self.asleep = false;
            self.idle = 0;
            self.delay = SYSMON_MIN_DELAY;
            self.next = now + SYSMON_MIN_DELAY;
        }
    }
}

impl Machine {
    /// One sysmon round at time `now` (proc.go: sysmon loop body).
    pub(crate) fn sysmon_round(&mut self, now: Nanos) {
        let anything_running =
            self.sched.running_ps().next().is_some() || !self.sched.syscalls.is_empty();
        if !anything_running {
            self.sched.sysmon.asleep = true;
            self.sched.sysmon.next = Nanos::MAX;
            return;
        }
        // Poll the network if nobody did for 10 ms.
        if !self.sched.net_ready.is_empty() && self.sched.last_poll + NETPOLL_PERIOD < now {
            self.sched.last_poll = now;
            let ready: Vec<_> = self.sched.net_ready.drain(..).collect();
            for g in ready {
                self.emit_at(
                    now,
                    EventKind::GoUnblock {
                        g,
                        waker: None,
                        p: None,
                    },
                );
                self.globrunqput(g);
                self.wakep();
            }
        }
        let retaken = self.retake(now);
        let s = &mut self.sched.sysmon;
        if retaken > 0 {
            s.idle = 0;
            s.delay = SYSMON_MIN_DELAY;
        } else {
            s.idle += 1;
            if s.idle > SYSMON_IDLE_ROUNDS {
                s.delay = (s.delay * 2).min(SYSMON_MAX_DELAY);
            }
        }
        s.next = now + s.delay;
    }

    /// proc.go: retake. Preempts goroutines that ran a whole slice and takes
    /// Ps from goroutines blocked in system calls. Returns how many Ps were
    /// retaken from system calls.
    fn retake(&mut self, now: Nanos) -> u32 {
        let mut n = 0;
        for i in 0..self.sched.gomaxprocs {
            let p = ProcId(i);
            let pp = self.sched.p_mut(p);
            match pp.status {
                PStatus::Running => {
                    let Some(g) = pp.curg else { continue };
                    if pp.schedtick != pp.sysmon.schedtick {
                        pp.sysmon.schedtick = pp.schedtick;
                        pp.sysmon.schedwhen = now;
                    } else if pp.sysmon.schedwhen + FORCE_PREEMPT_NS <= now {
                        let ran = now - pp.sysmon.schedwhen;
                        pp.sysmon.schedwhen = now;
                        if !self.gs[g.index()].preempt {
                            self.gs[g.index()].preempt = true;
                            self.emit_at(now, EventKind::PreemptRequest { g, p, ran });
                        }
                    }
                }
                PStatus::Syscall => {
                    if pp.syscalltick != pp.sysmon.syscalltick {
                        pp.sysmon.syscalltick = pp.syscalltick;
                        pp.sysmon.syscallwhen = now;
                        continue;
                    }
                    let quiet = !pp.has_local_work();
                    let since = pp.sysmon.syscallwhen;
                    if quiet
                        && self.sched.nmspinning + self.sched.npidle() > 0
                        && since + FORCE_PREEMPT_NS > now
                    {
                        continue;
                    }
                    self.retake_syscall_p(p, now);
                    n += 1;
                }
                PStatus::Idle | PStatus::Dead => {}
            }
        }
        n
    }
}
