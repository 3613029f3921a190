//! Timers: `time.Sleep`, `time.After`, `time.NewTimer`, tickers — per-P heaps run by their P.
//!
//! As in Go (time.go), a timer lives in the heap of the P whose goroutine
//! started it; that P runs it when it next enters the scheduler, another P
//! may run it while stealing (last pass), and an idle M waits in the network
//! poller until the earliest deadline when nothing else runs. So timers fire
//! late when every P is busy, exactly like in Go.

use std::cmp::Reverse;

use crate::ids::{GoId, Nanos, ObjId, ProcId};
use crate::machine::Machine;
use crate::sched::p::{PStatus, TimerEntry};
use crate::trace::EventKind;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimerId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimerKind {
    /// `time.Sleep`: ready the goroutine.
    Sleep(GoId),
    /// A timer or ticker channel: send the time (without blocking); tickers
    /// repeat every `period`.
    Chan { ch: ObjId, period: Nanos },
    /// `time.AfterFunc`: start a goroutine running the func value.
    Func(Value),
}

#[derive(Clone, Debug)]
pub struct TimerObj {
    pub kind: TimerKind,
    pub when: Nanos,
    /// Armed. Stopped or fired one-shot timers are inactive; their heap
    /// entries are skipped when reached (Go's "zombies").
    pub active: bool,
    /// Sequence of the live heap entry; older entries are stale.
    pub seq: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Timers {
    pub objs: Vec<TimerObj>,
    seq: u64,
    /// Sleep timers of dead goroutines, for reuse.
    free: Vec<u32>,
}

impl Timers {
    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Active timers, for the deadlock check (a pending timer keeps a program alive).
    pub fn any_active(&self) -> bool {
        self.objs.iter().any(|t| t.active)
    }

    /// Goroutines sleeping, with their wake time.
    pub fn sleepers(&self) -> Vec<(GoId, Nanos)> {
        let mut v: Vec<_> = self
            .objs
            .iter()
            .filter(|t| t.active)
            .filter_map(|t| match t.kind {
                TimerKind::Sleep(g) => Some((g, t.when)),
                _ => None,
            })
            .collect();
        gosched_lang::sort::sort_by_key(&mut v, |&(g, w)| (w, g));
        v
    }
}

impl Machine {
    /// Creates and arms a timer on P `p`.
    pub(crate) fn add_timer(&mut self, p: ProcId, kind: TimerKind, when: Nanos) -> TimerId {
        let seq = self.timers.next_seq();
        let obj = TimerObj {
            kind,
            when,
            active: true,
            seq,
        };
        let id = match (kind, self.timers.free.pop()) {
            (TimerKind::Sleep(_), Some(i)) => {
                self.timers.objs[i as usize] = obj;
                TimerId(i)
            }
            (_, reuse) => {
                if let Some(i) = reuse {
                    self.timers.free.push(i);
                }
                self.timers.objs.push(obj);
                TimerId(self.timers.objs.len() as u32 - 1)
            }
        };
        self.sched.p_mut(p).timers.push(Reverse(TimerEntry {
            when,
            seq,
            timer: id,
        }));
        id
    }

    /// Stops a timer; returns whether it was active (`Timer.Stop`).
    pub(crate) fn stop_timer(&mut self, t: TimerId) -> bool {
        let Some(obj) = self.timers.objs.get_mut(t.0 as usize) else {
            return false;
        };
        std::mem::replace(&mut obj.active, false)
    }

    /// Re-arms a timer at `when` on P `p`; returns whether it was active.
    pub(crate) fn reset_timer(
        &mut self,
        p: ProcId,
        t: TimerId,
        when: Nanos,
        period: Option<Nanos>,
    ) -> bool {
        let seq = self.timers.next_seq();
        let Some(obj) = self.timers.objs.get_mut(t.0 as usize) else {
            return false;
        };
        let was = obj.active;
        obj.active = true;
        obj.when = when;
        obj.seq = seq;
        if let (TimerKind::Chan { period: per, .. }, Some(new)) = (&mut obj.kind, period) {
            *per = new;
        }
        self.sched.p_mut(p).timers.push(Reverse(TimerEntry {
            when,
            seq,
            timer: t,
        }));
        was
    }

    /// Runs P `p`'s expired timers at `now`; goroutines they wake go to `p`'s
    /// `runnext` (time.go: timers.check). Returns whether any fired.
    pub(crate) fn run_timers(&mut self, p: ProcId, now: Nanos) -> bool {
        self.run_timers_of(p, p, now)
    }

    /// Runs `victim`'s expired timers on behalf of `thief` (stealWork's last
    /// pass); readied goroutines land on the thief.
    pub(crate) fn steal_timers(&mut self, victim: ProcId, thief: ProcId, now: Nanos) -> bool {
        self.run_timers_of(victim, thief, now)
    }

    fn run_timers_of(&mut self, owner: ProcId, runner: ProcId, now: Nanos) -> bool {
        let mut fired = false;
        while let Some(top) = self.sched.p(owner).timers.peek().copied() {
            if top.0.when > now {
                break;
            }
            self.sched.p_mut(owner).timers.pop();
            let entry = top.0;
            let obj = &self.timers.objs[entry.timer.0 as usize];
            if !obj.active || obj.seq != entry.seq {
                continue;
            }
            fired = true;
            let kind = obj.kind;
            match kind {
                TimerKind::Sleep(g) => {
                    self.timers.objs[entry.timer.0 as usize].active = false;
                    self.timers.free.push(entry.timer.0);
                    self.emit_at(
                        now,
                        EventKind::TimerFire {
                            p: runner,
                            g: Some(g),
                            ch: None,
                        },
                    );
                    self.ready(g, Some(runner));
                }
                TimerKind::Chan { ch, period } => {
                    self.emit_at(
                        now,
                        EventKind::TimerFire {
                            p: runner,
                            g: None,
                            ch: Some(ch),
                        },
                    );
                    let t = self.time_value(entry.when);
                    self.chan_send_nonblocking(ch, t, Some(runner));
                    if period > 0 {
                        // time.go: a ticker's next deadline skips missed ticks.
                        let next = entry.when + period * (1 + (now - entry.when) / period);
                        let seq = self.timers.next_seq();
                        let o = &mut self.timers.objs[entry.timer.0 as usize];
                        o.when = next;
                        o.seq = seq;
                        self.sched.p_mut(owner).timers.push(Reverse(TimerEntry {
                            when: next,
                            seq,
                            timer: entry.timer,
                        }));
                    } else {
                        self.timers.objs[entry.timer.0 as usize].active = false;
                    }
                }
                TimerKind::Func(f) => {
                    self.timers.objs[entry.timer.0 as usize].active = false;
                    self.emit_at(
                        now,
                        EventKind::TimerFire {
                            p: runner,
                            g: None,
                            ch: None,
                        },
                    );
                    self.spawn_from_runtime(f, runner);
                }
            }
        }
        fired
    }

    /// The earliest active timer deadline over all Ps, and its P.
    pub(crate) fn earliest_timer(&self) -> Option<(Nanos, ProcId)> {
        self.sched
            .ps
            .iter()
            .filter(|p| p.status != PStatus::Dead)
            .filter_map(|p| {
                // Skip stale entries at the top without mutating.
                p.timers
                    .iter()
                    .filter(|e| {
                        let o = &self.timers.objs[e.0.timer.0 as usize];
                        o.active && o.seq == e.0.seq
                    })
                    .map(|e| e.0.when)
                    .min()
                    .map(|w| (w, p.id))
            })
            .min()
    }
}
