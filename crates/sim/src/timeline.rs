//! The timeline: from events, which goroutine ran on which P (and M) when, with marks for
//! steals, preemptions, syscalls and blocking — the lanes of `go tool trace`.

use crate::ids::{GoId, MId, Nanos, ProcId, Step};
use crate::trace::{Event, EventKind, StopReason};

/// One stretch of a goroutine running on a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub g: GoId,
    pub start: Nanos,
    pub end: Nanos,
    pub start_step: Step,
    pub end_step: Step,
    /// Why it stopped (`None` while still running at the end of the events).
    pub ended: Option<Ended>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Blocked,
    Preempted,
    Yielded,
    Finished,
    Syscall,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// This P stole goroutines.
    Steal,
    /// sysmon asked the goroutine to stop.
    PreemptRequest,
    /// The P was handed to another M while its goroutine was in a syscall.
    Handoff,
    /// A goroutine was created on this P.
    Create,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub time: Nanos,
    pub step: Step,
    pub g: Option<GoId>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Per P: what ran, in time order.
    pub procs: Vec<Vec<Segment>>,
    pub marks: Vec<Vec<Mark>>,
    /// Per M: goroutines it ran or held in a system call.
    pub threads: Vec<Vec<Segment>>,
    /// Time of the last event.
    pub end: Nanos,
}

impl Timeline {
    /// Builds the lanes from events (in order).
    pub fn build(events: &[Event]) -> Timeline {
        let mut b = TimelineBuilder::default();
        b.feed(events);
        b.finish()
    }
}

/// Builds a [`Timeline`] from events fed in order, a slice at a time: the page's trace
/// export feeds a long run over several browser tasks, none of which may take 50 ms.
#[derive(Clone, Debug, Default)]
pub struct TimelineBuilder {
    t: Timeline,
    /// Per P, the goroutine running there: since when, from which step, on which M.
    open_p: Vec<Option<(GoId, Nanos, Step, MId)>>,
    /// Per M, the goroutine it runs or holds in a system call.
    open_m: Vec<Option<(GoId, Nanos, Step)>>,
}

fn grow<T: Default + Clone>(v: &mut Vec<T>, i: usize) {
    if v.len() <= i {
        v.resize(i + 1, T::default());
    }
}

impl TimelineBuilder {
    /// Takes in the next events (those after the ones fed before, in order).
    pub fn feed(&mut self, events: &[Event]) {
        for e in events {
            self.push(e);
        }
    }

    /// Ends the stretch running on `p` (and on its M, unless the goroutine keeps the M in
    /// a system call).
    fn close(&mut self, p: ProcId, time: Nanos, step: Step, why: Ended) {
        let TimelineBuilder { t, open_p, open_m } = self;
        grow(open_p, p.index());
        if let Some((g, s, ss, m)) = open_p[p.index()].take() {
            grow(&mut t.procs, p.index());
            t.procs[p.index()].push(Segment {
                g,
                start: s,
                end: time.max(s),
                start_step: ss,
                end_step: step,
                ended: Some(why),
            });
            if why != Ended::Syscall {
                grow(open_m, m.index());
                if let Some((g2, s2, ss2)) = open_m[m.index()].take() {
                    grow(&mut t.threads, m.index());
                    t.threads[m.index()].push(Segment {
                        g: g2,
                        start: s2,
                        end: time.max(s2),
                        start_step: ss2,
                        end_step: step,
                        ended: Some(why),
                    });
                }
            }
        }
    }

    fn push(&mut self, e: &Event) {
        self.t.end = self.t.end.max(e.time);
        match &e.kind {
            EventKind::GoStart { g, p, m, .. } => {
                self.close(*p, e.time, e.step, Ended::Yielded);
                grow(&mut self.open_p, p.index());
                self.open_p[p.index()] = Some((*g, e.time, e.step, *m));
                grow(&mut self.open_m, m.index());
                if self.open_m[m.index()].is_none() {
                    self.open_m[m.index()] = Some((*g, e.time, e.step));
                }
            }
            EventKind::GoStop { p, reason, .. } => {
                let why = if *reason == StopReason::Preempted {
                    Ended::Preempted
                } else {
                    Ended::Yielded
                };
                self.close(*p, e.time, e.step, why);
            }
            EventKind::GoBlock { p, .. } => self.close(*p, e.time, e.step, Ended::Blocked),
            EventKind::GoEnd { p, .. } => self.close(*p, e.time, e.step, Ended::Finished),
            EventKind::SyscallEnter { p, .. } => self.close(*p, e.time, e.step, Ended::Syscall),
            EventKind::SyscallExit { m, .. } => {
                grow(&mut self.open_m, m.index());
                if let Some((g2, s, ss)) = self.open_m[m.index()].take() {
                    grow(&mut self.t.threads, m.index());
                    self.t.threads[m.index()].push(Segment {
                        g: g2,
                        start: s,
                        end: e.time,
                        start_step: ss,
                        end_step: e.step,
                        ended: Some(Ended::Syscall),
                    });
                }
            }
            EventKind::Steal { thief, .. } => {
                push_mark(&mut self.t, *thief, MarkKind::Steal, e, None)
            }
            EventKind::PreemptRequest { g, p, .. } => {
                push_mark(&mut self.t, *p, MarkKind::PreemptRequest, e, Some(*g))
            }
            EventKind::Handoff { p, .. } => push_mark(&mut self.t, *p, MarkKind::Handoff, e, None),
            EventKind::GoCreate { g, p, .. } => {
                push_mark(&mut self.t, *p, MarkKind::Create, e, Some(*g))
            }
            _ => {}
        }
    }

    /// The timeline of the events fed: stretches still running end at the last event.
    pub fn finish(self) -> Timeline {
        let TimelineBuilder {
            mut t,
            open_p,
            open_m,
        } = self;
        for (i, o) in open_p.iter().enumerate() {
            if let Some((g, s, ss, _)) = o {
                grow(&mut t.procs, i);
                t.procs[i].push(Segment {
                    g: *g,
                    start: *s,
                    end: t.end.max(*s),
                    start_step: *ss,
                    end_step: Step::MAX,
                    ended: None,
                });
            }
        }
        for (i, o) in open_m.iter().enumerate() {
            if let Some((g, s, ss)) = o {
                grow(&mut t.threads, i);
                t.threads[i].push(Segment {
                    g: *g,
                    start: *s,
                    end: t.end.max(*s),
                    start_step: *ss,
                    end_step: Step::MAX,
                    ended: None,
                });
            }
        }
        t
    }
}

fn push_mark(t: &mut Timeline, p: ProcId, kind: MarkKind, e: &Event, g: Option<GoId>) {
    if t.marks.len() <= p.index() {
        t.marks.resize(p.index() + 1, Vec::new());
    }
    t.marks[p.index()].push(Mark {
        kind,
        time: e.time,
        step: e.step,
        g,
    });
}
