//! The timeline's data, built from events as they arrive: for each P, which goroutine ran
//! from when to when (like `go tool trace`'s per-processor lanes), with marks for
//! preemptions, steals, system calls and blocking; and a picture of it at a given width
//! (bars merged to whole columns, so a long run never draws more than a few hundred
//! rectangles per lane).
//!
//! The picture's columns cover a span of time that is the run's length rounded up to a
//! power of two, and only the part up to the run's end is shown. So while a run grows,
//! finished bars keep their columns (the page does not redraw them every frame); they
//! only move when the length passes the next power of two.

use gosched_sim::ids::Nanos;
use gosched_sim::trace::{Event, EventKind, StopReason};

/// What a mark on a lane means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Preempt,
    Steal,
    Syscall,
    Block,
}

impl Mark {
    /// Its CSS modifier.
    pub fn css(self) -> &'static str {
        match self {
            Mark::Preempt => "preempt",
            Mark::Steal => "steal",
            Mark::Syscall => "syscall",
            Mark::Block => "block",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seg {
    g: u32,
    t0: Nanos,
    t1: Nanos,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Lane {
    segs: Vec<Seg>,
    open: Option<(u32, Nanos)>,
    marks: Vec<(Nanos, Mark)>,
}

/// Everything that ran, per P, from the events seen so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    lanes: Vec<Lane>,
    /// The latest event time seen.
    end: Nanos,
    /// How many events have been fed.
    fed: usize,
    /// Columns already worked out, so a new picture only looks at new segments (a run
    /// with 100,000 goroutines has hundreds of thousands of them).
    cache: Columns,
}

/// Per lane and column, the goroutine that ran longest there, for closed segments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Columns {
    span: Nanos,
    cols: usize,
    best: Vec<Vec<(u32, Nanos)>>,
    segs_done: Vec<usize>,
    marks: Vec<Vec<(u32, Mark)>>,
    marks_done: Vec<usize>,
}

/// Puts segment `seg` into the columns `best` (of `scale` columns per nanosecond).
fn apply(best: &mut [(u32, Nanos)], seg: &Seg, scale: f64) {
    let cols = best.len();
    if cols == 0 {
        return;
    }
    let col_of = |t: Nanos| ((t as f64 * scale) as usize).min(cols - 1);
    let (c0, c1) = (col_of(seg.t0), col_of(seg.t1));
    for (c, slot) in best.iter_mut().enumerate().take(c1 + 1).skip(c0) {
        let lo = ((c as f64 / scale) as Nanos).max(seg.t0);
        let hi = (((c + 1) as f64 / scale) as Nanos).min(seg.t1);
        let overlap = hi.saturating_sub(lo).max(1);
        if overlap > slot.1 {
            *slot = (seg.g, overlap);
        }
    }
}

/// A bar in a lane: goroutine `g` ran over columns `x0..x1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub x0: u32,
    pub x1: u32,
    pub g: u32,
}

/// The timeline drawn at a given number of columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picture {
    /// Columns over `span`.
    pub columns: u32,
    /// Simulated time covered by the columns (a power of two, at least `end`).
    pub span: Nanos,
    /// Simulated time at the end of the run so far (the right edge of what is shown).
    pub end: Nanos,
    pub lanes: Vec<Vec<Bar>>,
    /// Marks per lane: column and kind, at most one of each kind per column.
    pub marks: Vec<Vec<(u32, Mark)>>,
}

impl Picture {
    /// The column of simulated time `t` (fractional).
    pub fn column(&self, t: Nanos) -> f64 {
        if self.span == 0 {
            return 0.0;
        }
        (t as f64 / self.span as f64 * self.columns as f64).min(self.columns as f64)
    }

    /// How many columns are shown: up to the end of the run.
    pub fn visible(&self) -> f64 {
        self.column(self.end).max(1.0)
    }

    /// The simulated time at a fraction (0..=1) of the shown width.
    pub fn time_at(&self, fraction: f64) -> Nanos {
        (fraction.clamp(0.0, 1.0) * self.end as f64) as Nanos
    }
}

impl Timeline {
    /// How many events of the session's list have been fed.
    pub fn fed(&self) -> usize {
        self.fed
    }

    /// Takes in events that follow the ones already fed (the session's recorded
    /// list only grows, so the caller passes `&events[timeline.fed()..]`).
    pub fn feed(&mut self, events: &[Event]) {
        for ev in events {
            self.fed += 1;
            self.end = self.end.max(ev.time);
            let t = ev.time;
            match &ev.kind {
                EventKind::GoStart { g, p, .. } => {
                    let lane = self.lane(p.0);
                    close(lane, t, None);
                    lane.open = Some((g.0, t));
                }
                EventKind::GoStop { g, p, reason, .. } => {
                    let lane = self.lane(p.0);
                    close(lane, t, Some(g.0));
                    if *reason == StopReason::Preempted {
                        lane.marks.push((t, Mark::Preempt));
                    }
                }
                EventKind::GoBlock { g, p, .. } => {
                    let lane = self.lane(p.0);
                    close(lane, t, Some(g.0));
                    lane.marks.push((t, Mark::Block));
                }
                EventKind::GoEnd { g, p } => close(self.lane(p.0), t, Some(g.0)),
                EventKind::SyscallEnter { g, p, .. } => {
                    let lane = self.lane(p.0);
                    close(lane, t, Some(g.0));
                    lane.marks.push((t, Mark::Syscall));
                }
                EventKind::Steal { thief, .. } => self.lane(thief.0).marks.push((t, Mark::Steal)),
                _ => {}
            }
        }
    }

    fn lane(&mut self, p: u32) -> &mut Lane {
        let i = p as usize;
        if self.lanes.len() <= i {
            self.lanes.resize_with(i + 1, Lane::default);
        }
        &mut self.lanes[i]
    }

    /// The picture at `columns` columns over the power-of-two span that covers the
    /// later of the last event and `until` (running goroutines' bars extend to there).
    /// Only segments and marks new since the last picture are looked at, unless the
    /// span or the number of columns changed.
    pub fn picture(&mut self, columns: u32, until: Nanos) -> Picture {
        let end = self.end.max(until).max(1);
        let span = end.checked_next_power_of_two().unwrap_or(end);
        let cols = columns.max(1) as usize;
        let scale = cols as f64 / span as f64;
        let cache = &mut self.cache;
        if cache.span != span || cache.cols != cols {
            *cache = Columns {
                span,
                cols,
                ..Columns::default()
            };
        }
        let n = self.lanes.len();
        cache.best.resize_with(n, || vec![(0, 0); cols]);
        cache.segs_done.resize(n, 0);
        cache.marks.resize_with(n, Vec::new);
        cache.marks_done.resize(n, 0);
        let mut lanes = Vec::with_capacity(n);
        for (i, lane) in self.lanes.iter().enumerate() {
            let best = &mut cache.best[i];
            for seg in &lane.segs[cache.segs_done[i]..] {
                apply(best, seg, scale);
            }
            cache.segs_done[i] = lane.segs.len();
            let marks = &mut cache.marks[i];
            for &(t, k) in &lane.marks[cache.marks_done[i]..] {
                let c = ((t as f64 * scale) as usize).min(cols - 1) as u32;
                // Marks come in time order: a duplicate has the same column, at the end.
                if !marks
                    .iter()
                    .rev()
                    .take_while(|m| m.0 == c)
                    .any(|m| m.1 == k)
                {
                    marks.push((c, k));
                }
            }
            cache.marks_done[i] = lane.marks.len();
            // The running goroutine's bar reaches the end; it is not final, so it goes
            // into a copy.
            let mut row;
            let best: &[(u32, Nanos)] = match lane.open {
                Some((g, t0)) => {
                    row = best.clone();
                    apply(&mut row, &Seg { g, t0, t1: end }, scale);
                    &row
                }
                None => best,
            };
            let mut bars: Vec<Bar> = Vec::new();
            for (c, &(g, t)) in best.iter().enumerate() {
                if t == 0 {
                    continue;
                }
                let c = c as u32;
                match bars.last_mut() {
                    Some(b) if b.g == g && b.x1 == c => b.x1 = c + 1,
                    _ => bars.push(Bar {
                        x0: c,
                        x1: c + 1,
                        g,
                    }),
                }
            }
            lanes.push(bars);
        }
        Picture {
            columns: cols as u32,
            span,
            end,
            lanes,
            marks: cache.marks.clone(),
        }
    }
}

/// Ends the lane's open bar at `t` (only if `g` is the one running, when given).
fn close(lane: &mut Lane, t: Nanos, g: Option<u32>) {
    if let Some((og, t0)) = lane.open {
        if g.is_none_or(|g| g == og) {
            lane.segs.push(Seg {
                g: og,
                t0,
                t1: t.max(t0),
            });
            lane.open = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use gosched_sim::ids::{GoId, MId, ProcId};
    use gosched_sim::trace::Source;

    use super::*;

    fn ev(time: Nanos, kind: EventKind) -> Event {
        Event {
            step: time,
            time,
            kind,
        }
    }

    fn start(t: Nanos, g: u32, p: u32) -> Event {
        ev(
            t,
            EventKind::GoStart {
                g: GoId(g),
                p: ProcId(p),
                m: MId(p),
                from: Source::Runnext,
            },
        )
    }

    #[test]
    fn lanes_show_who_ran_when_with_marks() {
        let mut tl = Timeline::default();
        tl.feed(&[
            start(0, 1, 0),
            start(0, 6, 1),
            ev(
                64,
                EventKind::GoStop {
                    g: GoId(6),
                    p: ProcId(1),
                    reason: StopReason::Preempted,
                    ran: 64,
                },
            ),
            start(64, 7, 1),
            ev(
                128,
                EventKind::GoEnd {
                    g: GoId(1),
                    p: ProcId(0),
                },
            ),
        ]);
        assert_eq!(tl.fed(), 5);
        let pic = tl.picture(8, 128);
        assert_eq!(pic.span, 128);
        assert_eq!(pic.lanes[0], vec![Bar { x0: 0, x1: 8, g: 1 }]);
        assert_eq!(
            pic.lanes[1],
            vec![Bar { x0: 0, x1: 4, g: 6 }, Bar { x0: 4, x1: 8, g: 7 }]
        );
        assert_eq!(pic.marks[1], vec![(4, Mark::Preempt)]);
        assert_eq!(pic.time_at(0.5), 64);
        assert_eq!(pic.column(32), 2.0);
        assert_eq!(pic.visible(), 8.0);
    }

    #[test]
    fn finished_bars_keep_their_columns_while_the_run_grows() {
        let mut tl = Timeline::default();
        tl.feed(&[start(0, 1, 0), start(300, 6, 0)]);
        let a = tl.picture(64, 600);
        let b = tl.picture(64, 900);
        let fresh = Timeline {
            cache: Columns::default(),
            ..tl.clone()
        }
        .picture(64, 900);
        assert_eq!(b, fresh, "building on the cache gives the same picture");
        assert_eq!(a.span, 1024);
        assert_eq!(b.span, 1024);
        assert_eq!(a.lanes[0][0], b.lanes[0][0], "G1's bar did not move");
        assert!(a.visible() < b.visible());
    }

    #[test]
    fn pictures_built_bit_by_bit_equal_one_built_at_once() {
        let events: Vec<Event> = (0..3_000u64)
            .map(|i| start(i * 7, (i % 5) as u32 + 1, (i % 3) as u32))
            .collect();
        let mut whole = Timeline::default();
        whole.feed(&events);
        let once = whole.picture(100, 0);
        let mut parts = Timeline::default();
        let mut last = Picture::default();
        for chunk in events.chunks(97) {
            parts.feed(chunk);
            last = parts.picture(100, 0);
        }
        assert_eq!(last, once);
    }

    #[test]
    fn a_long_run_draws_at_most_one_bar_per_column() {
        let mut tl = Timeline::default();
        let events: Vec<Event> = (0..10_000)
            .map(|i| start(i * 10, (i % 3) as u32 + 1, 0))
            .collect();
        tl.feed(&events);
        let pic = tl.picture(200, 0);
        assert!(pic.lanes[0].len() <= 200, "{}", pic.lanes[0].len());
        assert!(pic.lanes[0].iter().all(|b| b.x0 < b.x1 && b.x1 <= 200));
    }
}
