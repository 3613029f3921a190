//! Puts simulator events into words: each [`Event`] becomes a [`Phrase`] (a translation key
//! and its values), so the event log and the screen-reader narration read the same in
//! every language ("P2 stole G7, G9 from P0", "sysmon preempted G4 after 10ms").

use gosched_lang::bytecode::{FuncId, Program};
use gosched_sim::ids::{GoId, ObjId};
use gosched_sim::trace::{CellId, Event, EventKind, Source, StopReason, SyncOp};
use gosched_sim::view::View;

use crate::i18n::{Key, Phrase};

/// What names the narration can use: the program (function names, lines) and the
/// current view (variable, lock and wait-group names).
pub struct Names<'a> {
    pub prog: &'a Program,
    pub view: &'a View,
    /// Whether the run has Go's `runnext` slot (a "what if" run may not): where a
    /// created or woken goroutine went.
    pub runnext: bool,
}

impl Names<'_> {
    /// `go_key` where Go puts a created or woken goroutine (`runnext`), `tail_key` where a
    /// run without the slot puts it (the local queue's tail).
    fn placed(&self, go_key: Key, tail_key: Key) -> Key {
        if self.runnext {
            go_key
        } else {
            tail_key
        }
    }

    fn func(&self, f: FuncId) -> String {
        self.prog
            .funcs
            .get(f.index())
            .map_or_else(|| "?".to_string(), |x| x.name.clone())
    }

    /// The line in main.go of instruction `pc` of `f` (0 elsewhere).
    pub fn line(&self, f: FuncId, pc: u32) -> u32 {
        let Some(fun) = self.prog.funcs.get(f.index()) else {
            return 0;
        };
        let Some(file) = self.prog.files.get(fun.file.index()) else {
            return 0;
        };
        if file.name != crate::state::FILE_NAME {
            return 0;
        }
        let span = fun.debug.get(pc as usize).map_or(fun.span, |d| d.span);
        file.lines.line_col(span.lo).line
    }

    fn cell(&self, c: CellId) -> String {
        self.view
            .cells
            .iter()
            .find(|x| x.cell == c)
            .map_or_else(|| format!("#{}.{}", c.obj.0, c.slot), |x| x.name.clone())
    }

    fn sync(&self, c: CellId) -> String {
        match self.view.syncs.iter().find(|s| s.addr == (c.obj, c.slot)) {
            Some(s) => sync_name(s),
            None => format!("#{}", c.obj.0),
        }
    }
}

/// The name a lock or wait group goes by on the page: its variable's name (`mu`, `c.mu`)
/// when the program named it, else its kind and object (`wg#7`).
pub fn sync_name(s: &gosched_sim::view::SyncView) -> String {
    if s.name.is_empty() {
        format!("{}#{}", s.kind.key(), s.addr.0 .0)
    } else {
        s.name.clone()
    }
}

/// The name a channel goes by on the page (`chan#12`); channels have no variable name.
pub fn chan_name(ch: ObjId) -> String {
    format!("chan#{}", ch.0)
}

fn g(id: GoId) -> String {
    format!("G{}", id.0)
}

fn gs(ids: &[GoId]) -> String {
    ids.iter().map(|x| g(*x)).collect::<Vec<_>>().join(", ")
}

/// Whether the event log lists this event (plain memory accesses and output are
/// too many to list; the shared-memory panel and the console show them).
pub fn logged(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access { .. } | EventKind::Output { .. })
}

/// The goroutines an event is about (for the dots beside a log line).
pub fn goroutines(kind: &EventKind) -> Vec<u32> {
    use EventKind::*;
    match kind {
        GoCreate { g, parent, .. } => vec![parent.0, g.0],
        GoStart { g, .. }
        | GoStop { g, .. }
        | GoBlock { g, .. }
        | GoEnd { g, .. }
        | Kicked { g, .. }
        | PreemptRequest { g, .. }
        | SyscallEnter { g, .. }
        | SyscallExit { g, .. }
        | NetReady { g }
        | Access { g, .. }
        | ChanSend { g, .. }
        | ChanRecv { g, .. }
        | ChanClose { g, .. }
        | Select { g, .. }
        | Sync { g, .. }
        | Output { g, .. } => vec![g.0],
        GoUnblock { g, waker, .. } => waker.iter().map(|w| w.0).chain([g.0]).collect(),
        Steal { gs, .. } => gs.iter().map(|x| x.0).collect(),
        TimerFire { g: Some(x), .. } => vec![x.0],
        _ => Vec::new(),
    }
}

/// A short class for a log line's marker: `steal`, `preempt`, `block` ...
pub fn kind_class(kind: &EventKind) -> &'static str {
    use EventKind::*;
    match kind {
        GoCreate { .. } => "create",
        GoStart { .. } => "start",
        GoStop {
            reason: StopReason::Preempted,
            ..
        }
        | PreemptRequest { .. } => "preempt",
        GoStop { .. } => "stop",
        GoBlock { .. } => "block",
        GoUnblock { .. } | TimerFire { .. } | NetReady { .. } => "wake",
        GoEnd { .. } => "end",
        Kicked { .. } | Overflow { .. } | GlobalTake { .. } => "queue",
        Steal { .. } => "steal",
        SyscallEnter { .. } | SyscallExit { .. } | Handoff { .. } => "syscall",
        ProcStart { .. } | ProcIdle { .. } | ThreadCreate { .. } | ProcsChange { .. } => "proc",
        Race { .. } => "race",
        Exit { .. } => "exit",
        _ => "sync",
    }
}

/// The event in words.
pub fn describe(ev: &Event, names: &Names, races: &[gosched_sim::view::RaceView]) -> Phrase {
    use EventKind::*;
    let p = |x: gosched_sim::ids::ProcId| format!("P{}", x.0);
    let m = |x: gosched_sim::ids::MId| format!("M{}", x.0);
    let dur = |ns: u64| gosched_sim::ids::fmt_nanos(ns);
    match &ev.kind {
        GoCreate {
            g: x,
            parent,
            p: on,
            func,
        } => Phrase::new(names.placed(Key::EvCreate, Key::EvCreateTail))
            .arg("parent", g(*parent))
            .arg("g", g(*x))
            .arg("func", names.func(*func))
            .arg("p", p(*on)),
        GoStart {
            g: x,
            p: on,
            m: thread,
            from,
        } => {
            let key = match from {
                Source::Runnext => Key::EvStartRunnext,
                Source::LocalQueue => Key::EvStartLocal,
                Source::GlobalQueue => Key::EvStartGlobal,
                Source::Stolen => Key::EvStartStolen,
                Source::Netpoll => Key::EvStartNetpoll,
                Source::Syscall => Key::EvStartSyscall,
                Source::Start => Key::EvStartMain,
            };
            Phrase::new(key)
                .arg("p", p(*on))
                .arg("g", g(*x))
                .arg("m", m(*thread))
        }
        GoStop {
            g: x,
            p: on,
            reason,
            ran,
        } => {
            let key = match reason {
                StopReason::Gosched => Key::EvGosched,
                StopReason::Preempted => Key::EvPreempted,
                StopReason::StopTheWorld => Key::EvStopTheWorld,
            };
            Phrase::new(key)
                .arg("g", g(*x))
                .arg("p", p(*on))
                .arg("ran", dur(*ran))
        }
        GoBlock {
            g: x,
            p: on,
            reason,
            on: obj,
        } => {
            let base = Phrase::new(Key::EvBlock)
                .arg("g", g(*x))
                .arg("p", p(*on))
                .arg("reason", reason.as_go_str());
            match obj {
                Some(o) if names.view.chans.iter().any(|c| c.id == *o) => Phrase {
                    key: Key::EvBlockOn,
                    ..base
                }
                .arg("on", chan_name(*o)),
                Some(o) => match names.view.syncs.iter().find(|s| s.addr.0 == *o) {
                    Some(s) => Phrase {
                        key: Key::EvBlockOn,
                        ..base
                    }
                    .arg(
                        "on",
                        names.sync(CellId {
                            obj: s.addr.0,
                            slot: s.addr.1,
                        }),
                    ),
                    None => base,
                },
                None => base,
            }
        }
        GoUnblock { g: x, waker, p: on } => match (waker, on) {
            (_, None) => Phrase::new(Key::EvWakeGlobal).arg("g", g(*x)),
            (Some(w), Some(q)) if w != x => Phrase::new(names.placed(Key::EvWake, Key::EvWakeTail))
                .arg("waker", g(*w))
                .arg("g", g(*x))
                .arg("p", p(*q)),
            (_, Some(q)) => Phrase::new(names.placed(Key::EvWakeSelf, Key::EvWakeSelfTail))
                .arg("g", g(*x))
                .arg("p", p(*q)),
        },
        GoEnd { g: x, p: on } => Phrase::new(Key::EvEnd).arg("g", g(*x)).arg("p", p(*on)),
        Kicked { g: x, p: on } => Phrase::new(Key::EvKicked).arg("g", g(*x)).arg("p", p(*on)),
        Overflow { p: on, n } => Phrase::new(Key::EvOverflow)
            .arg("p", p(*on))
            .arg("n", n.to_string()),
        GlobalTake { p: on, n } => Phrase::new(Key::EvGlobalTake)
            .arg("p", p(*on))
            .arg("n", n.to_string()),
        Steal {
            thief,
            victim,
            gs: stolen,
            runnext,
        } => Phrase::new(if *runnext {
            Key::EvStealRunnext
        } else {
            Key::EvSteal
        })
        .arg("thief", p(*thief))
        .arg("gs", gs(stolen))
        .arg("victim", p(*victim)),
        PreemptRequest { g: x, p: on, ran } => Phrase::new(Key::EvPreemptRequest)
            .arg("g", g(*x))
            .arg("p", p(*on))
            .arg("ran", dur(*ran)),
        SyscallEnter {
            g: x,
            p: on,
            m: thread,
        } => Phrase::new(Key::EvSyscallEnter)
            .arg("g", g(*x))
            .arg("p", p(*on))
            .arg("m", m(*thread)),
        SyscallExit {
            g: x,
            m: thread,
            p: on,
            same_p,
        } => match on {
            None => Phrase::new(Key::EvSyscallExitGlobal)
                .arg("g", g(*x))
                .arg("m", m(*thread)),
            Some(q) => Phrase::new(if *same_p {
                Key::EvSyscallExitSame
            } else {
                Key::EvSyscallExitOther
            })
            .arg("g", g(*x))
            .arg("p", p(*q))
            .arg("m", m(*thread)),
        },
        Handoff { p: on, from, to } => match to {
            Some(t) => Phrase::new(Key::EvHandoff)
                .arg("p", p(*on))
                .arg("from", m(*from))
                .arg("to", m(*t)),
            None => Phrase::new(Key::EvHandoffIdle)
                .arg("p", p(*on))
                .arg("from", m(*from)),
        },
        NetReady { g: x } => Phrase::new(Key::EvNetReady).arg("g", g(*x)),
        TimerFire { p: on, g: x, ch } => match (x, ch) {
            (Some(x), _) => Phrase::new(Key::EvTimerWake)
                .arg("p", p(*on))
                .arg("g", g(*x)),
            (None, Some(_)) => Phrase::new(Key::EvTimerChan).arg("p", p(*on)),
            (None, None) => Phrase::new(Key::EvTimer).arg("p", p(*on)),
        },
        ProcStart {
            p: on,
            m: thread,
            spinning,
        } => Phrase::new(if *spinning {
            Key::EvProcSpin
        } else {
            Key::EvProcStart
        })
        .arg("p", p(*on))
        .arg("m", m(*thread)),
        ProcIdle { p: on, m: thread } => Phrase::new(Key::EvProcIdle)
            .arg("p", p(*on))
            .arg("m", m(*thread)),
        ThreadCreate { m: thread } => Phrase::new(Key::EvThread).arg("m", m(*thread)),
        ProcsChange { from, to } => Phrase::new(Key::EvProcs)
            .arg("from", from.to_string())
            .arg("to", to.to_string()),
        Access {
            g: x,
            cell,
            write,
            atomic,
            func,
            pc,
            ..
        } => {
            let key = match (write, atomic) {
                (false, false) => Key::EvRead,
                (true, false) => Key::EvWrite,
                (false, true) => Key::EvAtomicRead,
                (true, true) => Key::EvAtomicWrite,
            };
            Phrase::new(key)
                .arg("g", g(*x))
                .arg("cell", names.cell(*cell))
                .arg("line", names.line(*func, *pc).to_string())
        }
        ChanSend { g: x, ch } => Phrase::new(Key::EvChanSend)
            .arg("g", g(*x))
            .arg("ch", chan_name(*ch)),
        ChanRecv { g: x, ch, closed } => Phrase::new(if *closed {
            Key::EvChanRecvClosed
        } else {
            Key::EvChanRecv
        })
        .arg("g", g(*x))
        .arg("ch", chan_name(*ch)),
        Select {
            g: x,
            case,
            line,
            ready,
        } => match case {
            None => Phrase::new(Key::EvSelectDefault).arg("g", g(*x)),
            Some(_) if *ready > 1 => Phrase::new(Key::EvSelectRandom)
                .arg("g", g(*x))
                .arg("line", line.to_string())
                .arg("n", ready.to_string()),
            Some(_) => Phrase::new(Key::EvSelectOnly)
                .arg("g", g(*x))
                .arg("line", line.to_string()),
        },
        ChanClose { g: x, ch } => Phrase::new(Key::EvChanClose)
            .arg("g", g(*x))
            .arg("ch", chan_name(*ch)),
        Sync { g: x, op, addr } => {
            let (key, n) = match op {
                SyncOp::Lock => (Key::EvLock, None),
                SyncOp::Unlock => (Key::EvUnlock, None),
                SyncOp::RLock => (Key::EvRLock, None),
                SyncOp::RUnlock => (Key::EvRUnlock, None),
                SyncOp::Starving => (Key::EvStarving, None),
                SyncOp::WgAdd(n) => (Key::EvWgAdd, Some(*n)),
                SyncOp::WgWait => (Key::EvWgWait, None),
                SyncOp::CondWait => (Key::EvCondWait, None),
                SyncOp::Signal => (Key::EvSignal, None),
                SyncOp::Broadcast => (Key::EvBroadcast, None),
            };
            let ph = Phrase::new(key)
                .arg("g", g(*x))
                .arg("name", names.sync(*addr));
            match n {
                Some(n) => ph.arg("n", n.to_string()),
                None => ph,
            }
        }
        Race { id } => {
            let r = races.get(*id as usize);
            Phrase::new(Key::EvRace)
                .arg("cell", r.map_or_else(String::new, |r| r.name.clone()))
                .arg("a", r.map_or_else(String::new, |r| g(r.previous.g)))
                .arg("b", r.map_or_else(String::new, |r| g(r.current.g)))
        }
        Output { g: x, bytes, .. } => Phrase::new(Key::EvOutput)
            .arg("g", g(*x))
            .arg("n", bytes.to_string()),
        Exit { code } => Phrase::new(Key::EvExit).arg("code", code.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use gosched_sim::{Config, Session, TraceLevel};

    use super::*;
    use crate::i18n::{Key, Lang};

    /// Runs a program and words every event in both languages: nothing is left
    /// with an unfilled `{placeholder}`.
    #[test]
    fn every_event_of_a_busy_program_reads_well_in_both_languages() {
        let src = include_str!("../../../tests/programs/course/producer_consumer.go");
        let prog = Arc::new(gosched_lang::compile::compile(src).expect("compiles"));
        // Go, then a "what if" run without runnext: each says where goroutines went.
        for runnext in [true, false] {
            let mut cfg = Config {
                procs: 3,
                race: true,
                trace: TraceLevel::Full,
                ..Config::default()
            };
            cfg.fidelity.runnext = runnext;
            let mut s = Session::new(prog.clone(), cfg);
            s.run(u64::MAX);
            let view = s.view();
            let races = s.machine().race_views();
            let names = Names {
                prog: &prog,
                view: &view,
                runnext,
            };
            let mut keys = std::collections::BTreeSet::new();
            for ev in s.events() {
                let phrase = describe(ev, &names, &races);
                keys.insert(phrase.key);
                for lang in [Lang::En, Lang::PtBr] {
                    let text = phrase.render(lang);
                    assert!(!text.contains('{'), "{lang:?}: {text}");
                    // Without the slot, nothing goes into it or comes out of it.
                    if !runnext && text.contains("runnext") {
                        assert!(
                            text.contains("(runnext is off)")
                                || text.contains("(runnext desligado)"),
                            "{text}"
                        );
                    }
                }
            }
            let (create, wake) = if runnext {
                (Key::EvCreate, Key::EvWake)
            } else {
                (Key::EvCreateTail, Key::EvWakeTail)
            };
            assert!(keys.contains(&create) && keys.contains(&wake), "{keys:?}");
            assert!(keys.contains(&Key::EvEnd));
        }
    }

    #[test]
    fn a_steal_reads_like_the_issue_says() {
        let prog =
            gosched_lang::compile::compile("package main\n\nfunc main() {}\n").expect("compiles");
        let view = Session::new(Arc::new(prog.clone()), Config::default()).view();
        let names = Names {
            prog: &prog,
            view: &view,
            runnext: true,
        };
        let ev = Event {
            step: 1,
            time: 0,
            kind: EventKind::Steal {
                thief: gosched_sim::ids::ProcId(2),
                victim: gosched_sim::ids::ProcId(0),
                gs: vec![GoId(7), GoId(9)],
                runnext: false,
            },
        };
        let phrase = describe(&ev, &names, &[]);
        assert_eq!(phrase.render(Lang::En), "P2 stole G7, G9 from P0");
        assert_eq!(phrase.render(Lang::PtBr), "P2 roubou G7, G9 de P0");
        let ev = Event {
            step: 1,
            time: 0,
            kind: EventKind::PreemptRequest {
                g: GoId(4),
                p: gosched_sim::ids::ProcId(1),
                ran: 10_000_000,
            },
        };
        assert_eq!(
            describe(&ev, &names, &[]).render(Lang::En),
            "sysmon preempted G4 after 10ms"
        );
    }
}
